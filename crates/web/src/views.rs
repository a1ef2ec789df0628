//! View models: the shapes templates see. Theme authors rely on these names,
//! so they change only with care.

use dateline_core::time::display_time;
use dateline_core::{Article, Contributor, MediaInfo, Section};
use dateline_store::ArticleSummary;
use jiff::ZonedDateTime;
use minijinja::Value;
use serde::Serialize;

#[derive(Serialize)]
pub struct TimeView {
    pub iso: String,
    pub display: String,
}

impl TimeView {
    pub fn new(t: &ZonedDateTime) -> Self {
        // Whole seconds: HTML's `datetime` allows at most three digits of a fraction.
        Self { iso: t.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string(), display: display_time(t) }
    }
}

#[derive(Serialize)]
pub struct ImageView {
    pub src: String,
    /// WebP variants for `<source srcset>`; empty when there are none.
    pub srcset: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl ImageView {
    pub fn new(media: &MediaInfo, alt: &str) -> Self {
        Self {
            src: media.url(),
            srcset: media.webp_srcset(),
            width: media.width,
            height: media.height,
            alt: alt.to_owned(),
            caption: None,
            credit: None,
        }
    }
}

#[derive(Serialize)]
pub struct SectionLink {
    pub name: String,
    pub url: String,
}

impl SectionLink {
    pub fn new(section: &Section) -> Self {
        Self { name: section.name.clone(), url: section_url(section.slug.as_str()) }
    }
}

pub fn section_url(slug: &str) -> String {
    format!("/sections/{slug}")
}

pub fn article_url(slug: &str) -> String {
    format!("/articles/{slug}")
}

pub fn contributor_url(slug: &str) -> String {
    format!("/contributors/{slug}")
}

#[derive(Serialize)]
pub struct Teaser {
    pub url: String,
    pub headline: String,
    pub dek: Option<String>,
    pub section: SectionLink,
    pub published: TimeView,
    pub image: Option<ImageView>,
}

impl Teaser {
    pub fn new(a: &ArticleSummary) -> Self {
        Self {
            url: article_url(a.slug.as_str()),
            headline: a.headline.clone(),
            dek: a.dek.clone(),
            section: SectionLink { name: a.section_name.clone(), url: section_url(a.section.as_str()) },
            published: TimeView::new(&a.published),
            image: a.lead_image.as_ref().map(|i| ImageView::new(&i.media, &i.alt)),
        }
    }
}

#[derive(Serialize)]
pub struct PhotoView {
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Serialize)]
pub struct Card {
    pub slug: String,
    pub name: String,
    pub kind: &'static str,
    pub bio: String,
    pub url: String,
    pub photo: Option<PhotoView>,
}

impl Card {
    pub fn new(c: &Contributor, photo: Option<&MediaInfo>) -> Self {
        Self {
            slug: c.slug.to_string(),
            name: c.name.clone(),
            kind: c.kind.as_str(),
            bio: c.bio.clone(),
            url: contributor_url(c.slug.as_str()),
            photo: photo.map(|m| PhotoView { src: m.url(), srcset: m.webp_srcset(), width: m.width, height: m.height }),
        }
    }
}

#[derive(Serialize)]
pub struct ArticleView {
    pub url: String,
    pub headline: String,
    pub dek: Option<String>,
    pub language: String,
    pub dir: &'static str,
    pub section: SectionLink,
    pub dateline: Option<String>,
    pub published: Option<TimeView>,
    pub updated: Option<TimeView>,
    pub tags: Vec<String>,
    pub summary: Vec<String>,
    pub lead_image: Option<ImageView>,
    /// Sanitised when stored; marked safe so templates do not escape it again.
    pub body_html: Value,
    pub contributors: Vec<Card>,
    /// `None` means no player is shown (never a dead control).
    pub narration: Option<NarrationView>,
    /// Correction and update notices, oldest first.
    pub corrections: Vec<CorrectionView>,
}

#[derive(Serialize)]
pub struct CorrectionView {
    pub text: String,
    pub at: TimeView,
}

/// The article's narration as the player needs it.
#[derive(Serialize)]
pub struct NarrationView {
    pub audio: String,
    pub cues: String,
    pub seconds: u64,
    /// Rounded to the nearest minute, at least 1: "Listen · 6 min".
    pub minutes: u64,
    /// ISO 8601 duration, for `<time datetime>` and structured data.
    pub duration_iso: String,
    pub bytes: u64,
    pub voice: String,
}

impl NarrationView {
    pub fn new(n: &dateline_store::NarrationRecord) -> Self {
        let seconds = n.duration_ms.div_ceil(1000);
        Self {
            audio: n.audio.url(),
            cues: n.cues.url(),
            seconds,
            minutes: ((seconds + 30) / 60).max(1),
            duration_iso: format!("PT{}M{}S", seconds / 60, seconds % 60),
            bytes: n.audio.bytes,
            voice: n.voice.clone(),
        }
    }
}

impl ArticleView {
    pub fn new(
        a: &Article,
        section: &Section,
        lead_media: Option<&MediaInfo>,
        contributors: Vec<Card>,
        narration: Option<NarrationView>,
    ) -> Self {
        let lead_image = a.lead_image.as_ref().zip(lead_media).map(|(lead, media)| ImageView {
            caption: lead.caption.clone(),
            credit: lead.credit.clone(),
            ..ImageView::new(media, &lead.alt)
        });
        Self {
            url: article_url(a.slug.as_str()),
            headline: a.headline.clone(),
            dek: a.dek.clone(),
            language: a.language.to_string(),
            dir: a.language.direction().as_str(),
            section: SectionLink::new(section),
            dateline: a.dateline.clone(),
            published: a.published.as_ref().map(TimeView::new),
            updated: a.updated.as_ref().map(TimeView::new),
            tags: a.tags.clone(),
            summary: a.summary.clone(),
            lead_image,
            body_html: Value::from_safe_string(a.body.html().to_owned()),
            contributors,
            narration,
            corrections: Vec::new(),
        }
    }
}

/// Links to the neighbouring pages of a list.
#[derive(Serialize, Default)]
pub struct Pagination {
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pagination {
    /// `base` is the list's URL; `extra` is any other query (`q=…&`), already encoded.
    pub fn new(base: &str, extra: &str, page: u32, per_page: u32, total: u64) -> Self {
        let link = |p: u32| {
            if p == 1 && extra.is_empty() { base.to_owned() } else { format!("{base}?{extra}page={p}") }
        };
        Self {
            prev: (page > 1).then(|| link(page - 1)),
            next: ((page as u64) * (per_page as u64) < total).then(|| link(page + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_readable_times_are_whole_seconds_in_utc() {
        let t: jiff::ZonedDateTime = "2026-11-24T23:30:08.886027545+03:00[Africa/Nairobi]".parse().unwrap();
        assert_eq!(TimeView::new(&t).iso, "2026-11-24T20:30:08Z");
    }

    #[test]
    fn pagination_links_neighbours_only() {
        let p = Pagination::new("/sections/world", "", 1, 20, 45);
        assert_eq!((p.prev, p.next.as_deref()), (None, Some("/sections/world?page=2")));
        let p = Pagination::new("/sections/world", "", 3, 20, 45);
        assert_eq!((p.prev.as_deref(), p.next), (Some("/sections/world?page=2"), None));
        let p = Pagination::new("/search", "q=rain&", 2, 20, 45);
        assert_eq!(p.prev.as_deref(), Some("/search?q=rain&page=1"));
    }
}
