//! Errors become pages: handlers return [`WebError`]; one middleware renders
//! the error page (404, 500) with the site's chrome, so no reader ever sees a
//! bare error or a panic.

use std::any::Any;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;

use crate::SharedState;
use crate::chrome::Chrome;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("bad request")]
    BadRequest,
    #[error("store: {0}")]
    Store(#[from] dateline_store::StoreError),
    #[error("search: {0}")]
    Search(#[from] dateline_search::SearchError),
    #[error("template: {0}")]
    Template(String),
    #[error("setup: {0}")]
    Setup(String),
}

/// Marks a response whose body the error middleware should replace with a page.
#[derive(Clone, Copy)]
struct ErrorPage;

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::BadRequest => StatusCode::BAD_REQUEST,
            ref other => {
                tracing::error!(error = %other, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage);
        response
    }
}

pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "handler panicked");
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(ErrorPage);
    response
}

pub async fn render_error_pages(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let chrome_input = Chrome::input(&request);
    let response = next.run(request).await;
    if response.extensions().get::<ErrorPage>().is_none() {
        return response;
    }
    let status = response.status();
    let page = if chrome_input.path.starts_with(crate::pages::lite::HOME) {
        crate::pages::lite::error_page(&state, chrome_input, status).await
    } else {
        error_page(&state, chrome_input, status).await.map(IntoResponse::into_response)
    };
    match page {
        Ok(page) => (status, page).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed");
            let mut plain = Response::new(Body::from("Something went wrong. Please try again later."));
            *plain.status_mut() = status;
            plain.headers_mut().insert(header::CONTENT_TYPE, "text/plain; charset=utf-8".parse().expect("static"));
            plain
        }
    }
}

async fn error_page(
    state: &SharedState,
    input: crate::chrome::ChromeInput,
    status: StatusCode,
) -> Result<Html<String>, WebError> {
    let chrome = Chrome::build(state, input, None).await.unwrap_or_else(|_| Chrome::minimal(state));
    let (title_id, message_id) = messages(status);
    let lang = chrome.lang.clone();
    let title = state.messages.get(&lang, title_id, &[]);
    let message = state.messages.get(&lang, message_id, &[]);
    let ctx = context! {
        status => status.as_u16(),
        title => &title,
        message => message,
        page_title => title,
        ..chrome.into_context()
    };
    Ok(Html(state.templates.render("error.html", ctx)?))
}

/// The ids of an error page's title and message.
pub(crate) fn messages(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("error-404-title", "error-404-message"),
        StatusCode::FORBIDDEN => ("error-403-title", "error-403-message"),
        StatusCode::BAD_REQUEST => ("error-400-title", "error-400-message"),
        _ => ("error-500-title", "error-500-message"),
    }
}
