//! Raising and lowering the breaking-news strip from the newsroom (editors).
//! The strip is read on every request, so it shows and goes at once.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dateline_core::breaking::parse_until;
use dateline_core::{BreakingNews, Permission};
use jiff::Timestamp;
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::sign_in::CsrfForm;
use super::{SignedIn, chrome};
use crate::{SharedState, WebError};

#[derive(Deserialize, Serialize, Default)]
pub struct RaiseForm {
    #[serde(skip_serializing)]
    csrf: String,
    text: String,
    #[serde(default)]
    link: String,
    until: String,
}

async fn render(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    form: &RaiseForm,
    errors: Vec<String>,
    done: Option<String>,
) -> Result<Response, WebError> {
    let current = state.store.breaking(Timestamp::now()).await?.map(|b| {
        let until = crate::views::TimeView::new(&b.until.to_zoned_datetime(state.site.time_zone.clone())).display;
        context! { text => b.text, link => b.link, until => until }
    });
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-breaking", &[]), current => current,
    form => minijinja::value::Serde(form), errors => errors, done => done,
    ..chrome(state, who, "/newsroom/breaking") };
    Ok((status, Html(state.templates.render("newsroom/breaking.html", ctx)?)).into_response())
}

pub async fn page(State(state): State<SharedState>, who: SignedIn) -> Result<Response, WebError> {
    who.require(Permission::ManageBreaking)?;
    render(&state, &who, StatusCode::OK, &RaiseForm::default(), Vec::new(), None).await
}

pub async fn raise(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(form): Form<RaiseForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageBreaking)?;
    who.check_csrf(&form.csrf)?;
    let now = Timestamp::now();
    let link = Some(form.link.trim().to_owned()).filter(|l| !l.is_empty());
    let news = parse_until(&form.until, &state.site.time_zone, now)
        .map(|until| BreakingNews { text: form.text.trim().to_owned(), link, until })
        .map_err(|e| vec![e])
        .and_then(|news| news.validate(now).map(|()| news).map_err(|p| p.iter().map(|p| p.message.clone()).collect()));
    match news {
        Ok(news) => {
            state.store.set_breaking(&news).await?;
            state.accounts.audit(Some(who.user.id), "breaking-raised", &news.text, &news.until.to_string()).await?;
            let done = state.messages.get("en", "breaking-raised", &[]);
            render(&state, &who, StatusCode::OK, &RaiseForm::default(), Vec::new(), Some(done)).await
        }
        Err(errors) => render(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, &form, errors, None).await,
    }
}

pub async fn lower(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageBreaking)?;
    who.check_csrf(&form.csrf)?;
    state.store.clear_breaking().await?;
    state.accounts.audit(Some(who.user.id), "breaking-lowered", "", "").await?;
    let done = state.messages.get("en", "breaking-lowered", &[]);
    render(&state, &who, StatusCode::OK, &RaiseForm::default(), Vec::new(), Some(done)).await
}
