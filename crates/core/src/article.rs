//! Articles: what a newsroom publishes.

use jiff::{Timestamp, ZonedDateTime};

use crate::{Language, Problems, Slug};

pub const MAX_SUMMARY_BULLETS: usize = 5;
pub const MAX_TAGS: usize = 20;

/// Where an article is in its life. Only `Published` articles whose
/// publication time has come are shown to readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    InReview,
    Scheduled,
    Published,
    Unpublished,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
            Status::Unpublished => "unpublished",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Ok(match s {
            "draft" => Status::Draft,
            "in_review" => Status::InReview,
            "scheduled" => Status::Scheduled,
            "published" => Status::Published,
            "unpublished" => Status::Unpublished,
            other => return Err(format!("unknown status '{other}'")),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadImage {
    /// Media key of the stored image.
    pub media: String,
    /// Describes the image for people who cannot see it. Required.
    pub alt: String,
    /// Says what the picture shows in context; shown under it.
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// An article body: the Markdown an author wrote and the sanitised HTML made from it.
///
/// The HTML can only come from [`crate::markdown::render`] (or back from the
/// store, which only ever saved such HTML), so a `Body` never carries
/// unsanitised markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    markdown: String,
    html: String,
}

impl Body {
    pub(crate) fn new_rendered(markdown: String, html: String) -> Self {
        Self { markdown, html }
    }

    /// Rebuilds a body read back from storage, where only rendered bodies are written.
    pub fn from_store(markdown: String, html: String) -> Self {
        Self { markdown, html }
    }

    pub fn markdown(&self) -> &str {
        &self.markdown
    }

    pub fn html(&self) -> &str {
        &self.html
    }

    pub fn is_blank(&self) -> bool {
        self.markdown.trim().is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub slug: Slug,
    pub language: Language,
    pub section: Slug,
    pub tags: Vec<String>,
    pub headline: String,
    pub dek: Option<String>,
    /// The place the story was reported from, e.g. "NAIROBI".
    pub dateline: Option<String>,
    pub summary: Vec<String>,
    pub lead_image: Option<LeadImage>,
    pub body: Body,
    /// Contributor slugs in credit order.
    pub contributors: Vec<Slug>,
    pub status: Status,
    pub published: Option<ZonedDateTime>,
    pub updated: Option<ZonedDateTime>,
}

impl Article {
    /// Checks every rule an article must meet before it is stored and returns
    /// every broken one. References to other records (section, contributors,
    /// media) are checked by whoever can see them.
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        require_text(&mut problems, "headline", &self.headline, 200);
        if let Some(dek) = &self.dek {
            optional_text(&mut problems, "dek", dek, 400);
        }
        if let Some(place) = &self.dateline {
            optional_text(&mut problems, "dateline", place, 80);
        }
        if self.summary.len() > MAX_SUMMARY_BULLETS {
            problems.add(
                "summary",
                format!("a summary has at most {MAX_SUMMARY_BULLETS} bullets, not {}", self.summary.len()),
            );
        }
        for (i, bullet) in self.summary.iter().enumerate() {
            require_text(&mut problems, &format!("summary[{}]", i + 1), bullet, 300);
        }
        if self.tags.len() > MAX_TAGS {
            problems.add("tags", format!("at most {MAX_TAGS} tags"));
        }
        for tag in &self.tags {
            if tag.trim().is_empty() || tag.chars().count() > 50 {
                problems.add("tags", format!("tag '{tag}' must be 1 to 50 characters"));
            }
        }
        if let Some(image) = &self.lead_image {
            if image.alt.trim().is_empty() {
                problems.add("lead_image.alt", "alt text is required: describe the image for people who cannot see it");
            } else if image.alt.chars().count() > 300 {
                problems.add("lead_image.alt", "alt text is at most 300 characters");
            }
        }
        if self.contributors.is_empty() {
            problems.add("contributors", "credit at least one contributor (a person or a desk)");
        }
        let mut seen = std::collections::HashSet::new();
        for c in &self.contributors {
            if !seen.insert(c) {
                problems.add("contributors", format!("'{c}' is credited twice"));
            }
        }
        if self.status == Status::Published && self.published.is_none() {
            problems.add("published", "a published article needs a publication time");
        }
        if let (Some(p), Some(u)) = (&self.published, &self.updated)
            && u.timestamp() < p.timestamp()
        {
            problems.add("updated", "the update time is before the publication time");
        }
        if self.status == Status::Published && self.body.is_blank() {
            problems.add("body", "a published article needs a body");
        }
        problems.into_result(())
    }

    /// Whether readers may see the article at `now`.
    pub fn is_visible(&self, now: Timestamp) -> bool {
        self.status == Status::Published && self.published.as_ref().is_some_and(|p| p.timestamp() <= now)
    }
}

/// Adds a problem when required text is blank or longer than `max` characters.
pub(crate) fn require_text(problems: &mut Problems, field: &str, text: &str, max: usize) {
    if text.trim().is_empty() {
        problems.add(field, "is required");
    } else {
        optional_text(problems, field, text, max);
    }
}

fn optional_text(problems: &mut Problems, field: &str, text: &str, max: usize) {
    if text.chars().count() > max {
        problems.add(field, format!("is at most {max} characters"));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        problems.add(field, "contains control characters");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    fn article() -> Article {
        Article {
            slug: Slug::parse("a").unwrap(),
            language: Language::english(),
            section: Slug::parse("world").unwrap(),
            tags: vec!["rivers".into()],
            headline: "Rivers rise".into(),
            dek: None,
            dateline: Some("KISUMU".into()),
            summary: vec!["One".into()],
            lead_image: None,
            body: markdown::render("Hello.", &markdown::NoImages).unwrap(),
            contributors: vec![Slug::parse("amara-osei").unwrap()],
            status: Status::Published,
            published: Some("2026-11-20T08:30:00+00:00[UTC]".parse().unwrap()),
            updated: None,
        }
    }

    #[test]
    fn a_complete_article_is_valid() {
        article().validate().unwrap();
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut a = article();
        a.headline = "  ".into();
        a.summary = vec!["x".into(); 6];
        a.lead_image = Some(LeadImage { media: "k".into(), alt: "".into(), caption: None, credit: None });
        a.contributors.clear();
        a.updated = Some("2026-11-19T08:30:00+00:00[UTC]".parse().unwrap());
        let problems = a.validate().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["headline", "summary", "lead_image.alt", "contributors", "updated"]);
        assert!(problems.to_string().contains("alt text is required"));
    }

    #[test]
    fn visibility_follows_status_and_time() {
        let a = article();
        let before: Timestamp = "2026-11-20T08:00:00Z".parse().unwrap();
        let after: Timestamp = "2026-11-20T09:00:00Z".parse().unwrap();
        assert!(!a.is_visible(before));
        assert!(a.is_visible(after));
        let draft = Article { status: Status::Draft, ..a };
        assert!(!draft.is_visible(after));
    }
}
