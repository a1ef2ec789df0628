//! Text feeds of the articles: RSS 2.0, Atom and JSON Feed 1.1, for the whole
//! site, each section and each contributor. Every entry carries the full
//! article (correction notices first, then the lead image, key points, body
//! and a link to the narration), rendered by `templates/feeds/content.html`
//! with links made absolute, as feed readers need them.

mod atom;
mod json;
mod rss;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_core::{Article, Contributor, Language};
use dateline_store::ArticleQuery;
use dateline_store::editorial::Correction;
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;

use crate::i18n::Arg;
use crate::views::{NarrationView, article_url, contributor_url, section_url};
use crate::{SharedState, WebError};

/// Entries per feed: full articles, so a feed stays a reasonable download.
const ENTRIES: u32 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Rss,
    Atom,
    Json,
}

impl Format {
    const ALL: [Format; 3] = [Format::Rss, Format::Atom, Format::Json];

    /// The file name under a page's path: `/feed.xml`, `/sections/world/feed.atom`.
    pub fn file(self) -> &'static str {
        match self {
            Format::Rss => "feed.xml",
            Format::Atom => "feed.atom",
            Format::Json => "feed.json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Rss => "application/rss+xml; charset=utf-8",
            Format::Atom => "application/atom+xml; charset=utf-8",
            Format::Json => "application/feed+json; charset=utf-8",
        }
    }
}

/// Every feed route: three formats for the site, each section and each contributor.
pub fn routes() -> Router<SharedState> {
    let mut router = Router::new();
    for format in Format::ALL {
        let file = format.file();
        router = router
            .route(&format!("/{file}"), get(move |s: State<SharedState>| site(s, format)))
            .route(
                &format!("/sections/{{slug}}/{file}"),
                get(move |s: State<SharedState>, p: Path<String>| section(s, p, format)),
            )
            .route(
                &format!("/contributors/{{slug}}/{file}"),
                get(move |s: State<SharedState>, p: Path<String>| contributor(s, p, format)),
            );
    }
    router
}

/// A feed, whatever its format.
pub struct Feed {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page the feed follows.
    pub home_url: String,
    /// Absolute URL of this feed.
    pub feed_url: String,
    pub language: Language,
    pub entries: Vec<Entry>,
}

impl Feed {
    /// When anything in it last changed (for Atom's feed-level `updated`).
    pub fn updated(&self) -> Timestamp {
        self.entries.iter().map(Entry::modified).max().unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

/// One article in a feed.
pub struct Entry {
    pub article: Article,
    pub url: String,
    pub section_name: String,
    pub authors: Vec<Author>,
    /// The whole article as HTML with absolute links.
    pub content_html: String,
    /// Absolute URL of the lead image.
    pub image: Option<String>,
    pub narration: Option<NarrationView>,
    /// Absolute URL of the narration's MP3.
    pub narration_url: Option<String>,
}

pub struct Author {
    pub name: String,
    pub url: String,
}

impl Entry {
    pub fn published(&self) -> Timestamp {
        self.article.published.as_ref().map(|p| p.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// The update time when there is one (a correction sets it), else publication.
    pub fn modified(&self) -> Timestamp {
        self.article.updated.as_ref().map(|u| u.timestamp()).unwrap_or_else(|| self.published())
    }
}

async fn site(State(state): State<SharedState>, format: Format) -> Result<Response, WebError> {
    let query = ArticleQuery::latest(Timestamp::now(), ENTRIES);
    let description = state.messages.get("en", "feed-site-description", &[]);
    let title = state.site.title.clone();
    let feed = build(&state, query, (title, description), "", Language::english(), format).await?;
    Ok(answer(format, &feed))
}

async fn section(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    format: Format,
) -> Result<Response, WebError> {
    let section = state.store.section(&slug).await?.ok_or(WebError::NotFound)?;
    let query = ArticleQuery { section: Some(section.slug.clone()), ..ArticleQuery::latest(Timestamp::now(), ENTRIES) };
    let title = format!("{} – {}", state.site.title, section.name);
    let description =
        state.messages.get("en", "feed-section-description", &[("section", Arg::Text(section.name.clone()))]);
    let page = section_url(section.slug.as_str());
    let feed = build(&state, query, (title, description), &page, section.language, format).await?;
    Ok(answer(format, &feed))
}

async fn contributor(
    State(state): State<SharedState>,
    Path(slug): Path<String>,
    format: Format,
) -> Result<Response, WebError> {
    let person = state.store.contributor(&slug).await?.ok_or(WebError::NotFound)?;
    let query =
        ArticleQuery { contributor: Some(person.slug.clone()), ..ArticleQuery::latest(Timestamp::now(), ENTRIES) };
    let title = format!("{} – {}", state.site.title, person.name);
    let description =
        state.messages.get("en", "feed-contributor-description", &[("name", Arg::Text(person.name.clone()))]);
    let page = contributor_url(person.slug.as_str());
    let feed = build(&state, query, (title, description), &page, Language::english(), format).await?;
    Ok(answer(format, &feed))
}

fn answer(format: Format, feed: &Feed) -> Response {
    let body = match format {
        Format::Rss => rss::render(feed),
        Format::Atom => atom::render(feed),
        Format::Json => json::render(feed),
    };
    ([(header::CONTENT_TYPE, format.content_type())], body).into_response()
}

/// Loads the listed articles in full and renders each one's content.
async fn build(
    state: &SharedState,
    query: ArticleQuery,
    (title, description): (String, String),
    page: &str,
    language: Language,
    format: Format,
) -> Result<Feed, WebError> {
    let base = state.site.base_url.as_str();
    let mut entries = Vec::new();
    for summary in state.store.list_articles(&query).await?.items {
        let slug = summary.slug.as_str();
        let Some(article) = state.store.article(slug).await? else { continue };
        entries.push(entry(state, article, summary.section_name).await?);
    }
    Ok(Feed {
        title,
        description,
        home_url: format!("{base}{}", if page.is_empty() { "/" } else { page }),
        feed_url: format!("{base}{page}/{}", format.file()),
        language,
        entries,
    })
}

async fn entry(state: &SharedState, article: Article, section_name: String) -> Result<Entry, WebError> {
    let base = state.site.base_url.as_str();
    let slug = article.slug.to_string();
    let lead = match &article.lead_image {
        Some(lead) => state.store.media(&lead.media).await?,
        None => None,
    };
    let authors = state.store.contributors(&article.contributors).await?.iter().map(|c| author(base, c)).collect();
    let corrections = state.editorial.corrections(&slug).await?;
    let narration = state.store.narration(&slug).await?;
    let content_html = content(state, &article, lead.as_ref().map(|m| m.url()), &corrections, narration.as_ref())?;
    Ok(Entry {
        url: format!("{base}{}", article_url(&slug)),
        section_name,
        authors,
        content_html,
        image: lead.map(|m| format!("{base}{}", m.url())),
        narration_url: narration.as_ref().map(|n| format!("{base}{}", n.audio.url())),
        narration: narration.as_ref().map(NarrationView::new),
        article,
    })
}

fn author(base: &str, c: &Contributor) -> Author {
    Author { name: c.name.clone(), url: format!("{base}{}", contributor_url(c.slug.as_str())) }
}

#[derive(serde::Serialize)]
struct CorrectionNotice {
    text: String,
    at: String,
}

/// The whole article as HTML for a feed entry, with absolute links.
fn content(
    state: &SharedState,
    article: &Article,
    lead_src: Option<String>,
    corrections: &[Correction],
    narration: Option<&dateline_store::NarrationRecord>,
) -> Result<String, WebError> {
    let zone = state.site.time_zone.clone();
    let notices: Vec<CorrectionNotice> = corrections
        .iter()
        .map(|c| CorrectionNotice {
            text: c.text.clone(),
            at: dateline_core::time::display_time(&c.at.to_zoned_datetime(zone.clone())),
        })
        .collect();
    let ctx = context! {
        lang => article.language.as_str(),
        corrections => Serde(notices),
        lead => article.lead_image.as_ref().zip(lead_src).map(|(l, src)| context! {
            src => src, alt => &l.alt, caption => &l.caption, credit => &l.credit,
        }),
        summary => &article.summary,
        body => minijinja::Value::from_safe_string(article.body.html().to_owned()),
        narration => narration.map(|n| Serde(NarrationView::new(n))),
    };
    let html = state.templates.render("feeds/content.html", ctx)?;
    Ok(absolute_links(&html, &state.site.base_url))
}

/// Site-relative `href` and `src` values made absolute. Sanitised HTML and
/// our templates always quote attributes with `"`.
fn absolute_links(html: &str, base: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{base}/")).replace("src=\"/", &format!("src=\"{base}/"))
}

#[cfg(test)]
mod tests {
    use super::absolute_links;

    #[test]
    fn site_links_become_absolute_and_others_stay() {
        let html = r#"<a href="/articles/x">x</a><img src="/media/k.jpg"><a href="https://elsewhere.example/">e</a>"#;
        assert_eq!(
            absolute_links(html, "https://news.example"),
            r#"<a href="https://news.example/articles/x">x</a><img src="https://news.example/media/k.jpg"><a href="https://elsewhere.example/">e</a>"#
        );
    }
}
