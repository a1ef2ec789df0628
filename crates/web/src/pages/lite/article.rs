//! The lite article page: the whole story as text.

use axum::extract::{Path, State};
use dateline_core::markdown;
use minijinja::context;
use minijinja::value::{Serde, Value};

use super::super::article::{Loaded, load};
use super::{Chrome, LitePage, lite_href, twin};
use crate::chrome::ChromeInput;
use crate::{SharedState, WebError};

/// Headline, times, corrections, the narration as an MP3 link, the lead
/// image's caption, the summary and the body without its pictures. Not found
/// when the full page is not found.
pub async fn page(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    input: ChromeInput,
) -> Result<LitePage, WebError> {
    let Loaded { article, section, mut view, .. } = load(&state, &slug).await?;
    let base_url = state.site.base_url.clone();
    let body = markdown::text_only(article.body.html(), move |href| lite_href(href, &base_url));
    view.body_html = Value::from_safe_string(body);
    view.section.url = twin(&view.section.url, 1);
    let mut chrome = Chrome::build(&state, &input, view.url.clone(), Some(section.slug.as_str())).await?;
    chrome.set_language(&article.language);
    let page = context! { page_title => &article.headline, article => Serde(view) };
    chrome.render(&state, "lite/article.html", page)
}
