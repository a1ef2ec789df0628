use axum::extract::{Path, State};
use axum::response::Html;
use dateline_core::{Article, Section};
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use crate::chrome::{Chrome, ChromeInput};
use crate::structured::{self, ArticleFacts};
use crate::views::{ArticleView, Card, CorrectionView, NarrationView, TimeView};
use crate::{SharedState, WebError};

/// The article page. Drafts, scheduled and unpublished articles are not found.
pub async fn page(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    input: ChromeInput,
) -> Result<Html<String>, WebError> {
    let Loaded { article, section, view, json_ld } = load(&state, &slug).await?;
    let mut chrome = Chrome::build(&state, input, Some(section.slug.as_str())).await?;
    chrome.set_language(&article.language);
    let ctx = context! {
        page_title => &article.headline,
        lite_url => super::lite::twin(&view.url, 1),
        description => article.dek.clone().or_else(|| article.summary.first().cloned()).unwrap_or_default(),
        article => Serde(view),
        json_ld => minijinja::Value::from_safe_string(structured::script_safe(&json_ld)),
        ..chrome.into_context()
    };
    super::render(&state, "article.html", ctx)
}

/// A live article with everything its page shows (the lite edition's page too).
pub(super) struct Loaded {
    pub article: Article,
    pub section: Section,
    pub view: ArticleView,
    /// Its schema.org `NewsArticle`.
    pub json_ld: serde_json::Value,
}

pub(super) async fn load(state: &SharedState, slug: &str) -> Result<Loaded, WebError> {
    let store = &state.store;
    let article = store.article(slug).await?.filter(|a| a.is_visible(Timestamp::now())).ok_or(WebError::NotFound)?;
    let section = store.section(article.section.as_str()).await?.ok_or(WebError::NotFound)?;
    let lead_media = match &article.lead_image {
        Some(lead) => store.media(&lead.media).await?,
        None => None,
    };
    let contributors = store.contributors(&article.contributors).await?;
    let mut cards = Vec::new();
    for c in &contributors {
        let photo = match &c.photo {
            Some(key) => store.media(key).await?,
            None => None,
        };
        cards.push(Card::new(c, photo.as_ref()));
    }
    let narration = store.narration(slug).await?;
    let corrections = state.editorial.corrections(slug).await?;
    let json_ld = structured::news_article(&ArticleFacts {
        base_url: &state.site.base_url,
        site_title: &state.site.title,
        article: &article,
        section: &section,
        lead: lead_media.as_ref(),
        contributors: &contributors,
        narration: narration.as_ref(),
        corrections: &corrections,
    });
    let mut view =
        ArticleView::new(&article, &section, lead_media.as_ref(), cards, narration.as_ref().map(NarrationView::new));
    let zone =
        article.published.as_ref().map(|p| p.time_zone().clone()).unwrap_or_else(|| state.site.time_zone.clone());
    view.corrections = corrections
        .into_iter()
        .map(|c| CorrectionView { text: c.text, at: TimeView::new(&c.at.to_zoned_datetime(zone.clone())) })
        .collect();
    Ok(Loaded { article, section, view, json_ld })
}
