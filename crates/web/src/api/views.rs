//! What the API answers with: JSON shapes of articles, sections and
//! contributors, every link absolute (from the site's base URL).

use dateline_core::{Article, Contributor, MediaInfo, Section};
use dateline_store::editorial::Correction;
use dateline_store::{ArticleSummary, NarrationRecord};
use serde::Serialize;

/// Makes site paths absolute.
pub struct Urls<'a>(pub &'a str);

impl Urls<'_> {
    pub fn abs(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// Body HTML with its site links (`href="/…"`, `src="/…"`, srcset entries) made absolute.
    pub fn body(&self, html: &str) -> String {
        html.replace("=\"/", &format!("=\"{}/", self.0)).replace(", /media/", &format!(", {}/media/", self.0))
    }
}

fn time(t: &jiff::ZonedDateTime) -> String {
    t.timestamp().to_string()
}

#[derive(Serialize)]
pub struct SectionRef {
    pub slug: String,
    pub name: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct Variant {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub content_type: &'static str,
}

#[derive(Serialize)]
pub struct Image {
    pub url: String,
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// WebP copies at several widths, narrowest first.
    pub variants: Vec<Variant>,
}

impl Image {
    pub fn new(urls: &Urls, media: &MediaInfo, alt: &str, caption: Option<&str>, credit: Option<&str>) -> Self {
        Image {
            url: urls.abs(&media.url()),
            content_type: media.content_type.clone(),
            width: media.width,
            height: media.height,
            alt: alt.to_owned(),
            caption: caption.map(str::to_owned),
            credit: credit.map(str::to_owned),
            variants: media
                .variants
                .iter()
                .map(|v| Variant {
                    url: urls.abs(&format!("/media/{}", v.key)),
                    width: v.width,
                    height: v.height,
                    content_type: "image/webp",
                })
                .collect(),
        }
    }
}

/// An article in a list.
#[derive(Serialize)]
pub struct ArticleItem {
    pub slug: String,
    pub url: String,
    pub api_url: String,
    pub headline: String,
    pub dek: Option<String>,
    pub section: SectionRef,
    pub language: String,
    /// `None` only for a draft that has none yet.
    pub published: Option<String>,
    pub updated: Option<String>,
    pub lead_image: Option<Image>,
}

impl ArticleItem {
    pub fn new(urls: &Urls, a: &ArticleSummary) -> Self {
        ArticleItem {
            slug: a.slug.to_string(),
            url: urls.abs(&format!("/articles/{}", a.slug)),
            api_url: urls.abs(&format!("/api/v1/articles/{}", a.slug)),
            headline: a.headline.clone(),
            dek: a.dek.clone(),
            section: SectionRef {
                slug: a.section.to_string(),
                name: a.section_name.clone(),
                url: urls.abs(&format!("/sections/{}", a.section)),
            },
            language: a.language.to_string(),
            published: Some(time(&a.published)),
            updated: a.updated.as_ref().map(time),
            lead_image: a.lead_image.as_ref().map(|l| Image::new(urls, &l.media, &l.alt, None, None)),
        }
    }
}

#[derive(Serialize)]
pub struct ContributorItem {
    pub slug: String,
    pub name: String,
    pub kind: &'static str,
    pub bio: String,
    pub url: String,
    pub photo: Option<String>,
}

impl ContributorItem {
    pub fn new(urls: &Urls, c: &Contributor, photo: Option<&MediaInfo>) -> Self {
        ContributorItem {
            slug: c.slug.to_string(),
            name: c.name.clone(),
            kind: c.kind.as_str(),
            bio: c.bio.clone(),
            url: urls.abs(&format!("/contributors/{}", c.slug)),
            photo: photo.map(|m| urls.abs(&m.url())),
        }
    }
}

#[derive(Serialize)]
pub struct SectionItem {
    pub slug: String,
    pub name: String,
    pub language: String,
    pub url: String,
    pub articles_url: String,
}

impl SectionItem {
    pub fn new(urls: &Urls, s: &Section) -> Self {
        SectionItem {
            slug: s.slug.to_string(),
            name: s.name.clone(),
            language: s.language.to_string(),
            url: urls.abs(&format!("/sections/{}", s.slug)),
            articles_url: urls.abs(&format!("/api/v1/articles?section={}", s.slug)),
        }
    }
}

#[derive(Serialize)]
pub struct Narration {
    pub audio_url: String,
    pub cues_url: String,
    pub duration_seconds: f64,
    pub bytes: u64,
    pub voice: String,
}

impl Narration {
    pub fn new(urls: &Urls, n: &NarrationRecord) -> Self {
        Narration {
            audio_url: urls.abs(&n.audio.url()),
            cues_url: urls.abs(&n.cues.url()),
            duration_seconds: n.duration_ms as f64 / 1000.0,
            bytes: n.audio.bytes,
            voice: n.voice.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct CorrectionItem {
    pub text: String,
    pub at: String,
}

/// One article in full.
#[derive(Serialize)]
pub struct ArticleFull {
    #[serde(flatten)]
    pub item: ArticleItem,
    /// `published` for everyone; a key that may edit the article also sees drafts.
    pub status: &'static str,
    pub dateline: Option<String>,
    pub tags: Vec<String>,
    pub key_points: Vec<String>,
    pub body_html: String,
    pub contributors: Vec<ContributorItem>,
    pub narration: Option<Narration>,
    pub corrections: Vec<CorrectionItem>,
    pub revision: i64,
}

pub struct FullParts<'a> {
    pub article: &'a Article,
    pub section: &'a Section,
    pub lead: Option<&'a MediaInfo>,
    pub contributors: Vec<ContributorItem>,
    pub narration: Option<&'a NarrationRecord>,
    pub corrections: &'a [Correction],
    pub revision: i64,
}

impl ArticleFull {
    pub fn new(urls: &Urls, p: FullParts<'_>) -> Self {
        let a = p.article;
        let item = ArticleItem {
            slug: a.slug.to_string(),
            url: urls.abs(&format!("/articles/{}", a.slug)),
            api_url: urls.abs(&format!("/api/v1/articles/{}", a.slug)),
            headline: a.headline.clone(),
            dek: a.dek.clone(),
            section: SectionRef {
                slug: p.section.slug.to_string(),
                name: p.section.name.clone(),
                url: urls.abs(&format!("/sections/{}", p.section.slug)),
            },
            language: a.language.to_string(),
            published: a.published.as_ref().map(time),
            updated: a.updated.as_ref().map(time),
            lead_image: match (&a.lead_image, p.lead) {
                (Some(l), Some(m)) => Some(Image::new(urls, m, &l.alt, l.caption.as_deref(), l.credit.as_deref())),
                _ => None,
            },
        };
        ArticleFull {
            item,
            status: a.status.as_str(),
            dateline: a.dateline.clone(),
            tags: a.tags.clone(),
            key_points: a.summary.clone(),
            body_html: urls.body(a.body.html()),
            contributors: p.contributors,
            narration: p.narration.map(|n| Narration::new(urls, n)),
            corrections: p
                .corrections
                .iter()
                .map(|c| CorrectionItem { text: c.text.clone(), at: c.at.to_string() })
                .collect(),
            revision: p.revision,
        }
    }
}
