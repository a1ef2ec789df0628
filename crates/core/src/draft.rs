//! An article as the newsroom's editor holds it: every field as text, the
//! way a form submits it. Revisions store drafts; [`ArticleDraft::to_article`]
//! turns one into a validated [`Article`], naming every problem by its field.

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::markdown::{self, ImageResolver};
use crate::time::parse_time;
use crate::{Article, Language, LeadImage, Problems, Slug, Status};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleDraft {
    pub headline: String,
    pub dek: String,
    pub slug: String,
    pub section: String,
    /// Comma-separated.
    pub tags: String,
    pub language: String,
    pub dateline: String,
    /// One bullet per line.
    pub summary: String,
    /// The media-library key of the lead image; empty for none.
    pub lead_image: String,
    pub lead_caption: String,
    /// Markdown.
    pub body: String,
    /// Contributor slugs, comma-separated, in credit order.
    pub contributors: String,
    /// When it goes (or went) live; empty means now, on publishing.
    pub publish_at: String,
}

fn list(text: &str, separator: char) -> Vec<String> {
    text.split(separator).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim()).filter(|t| !t.is_empty()).map(str::to_owned)
}

impl ArticleDraft {
    pub fn from_article(a: &Article) -> Self {
        Self {
            headline: a.headline.clone(),
            dek: a.dek.clone().unwrap_or_default(),
            slug: a.slug.to_string(),
            section: a.section.to_string(),
            tags: a.tags.join(", "),
            language: a.language.to_string(),
            dateline: a.dateline.clone().unwrap_or_default(),
            summary: a.summary.join("\n"),
            lead_image: a.lead_image.as_ref().map(|l| l.media.clone()).unwrap_or_default(),
            lead_caption: a.lead_image.as_ref().and_then(|l| l.caption.clone()).unwrap_or_default(),
            body: a.body.markdown().to_owned(),
            contributors: a.contributors.iter().map(Slug::as_str).collect::<Vec<_>>().join(", "),
            publish_at: a.published.as_ref().map(|p| p.to_string()).unwrap_or_default(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// The article this draft describes, with `status`. `lead_image` is the
    /// image the draft's `lead_image` key names, with its alt text and credit
    /// (the caller looks it up; this draft adds the caption). References
    /// (section, contributors, the image) are the caller's to check. Problems
    /// are keyed by form field name.
    pub fn to_article(
        &self,
        status: Status,
        zone: &TimeZone,
        images: &dyn ImageResolver,
        lead_image: Option<LeadImage>,
        now: jiff::Timestamp,
    ) -> Result<Article, Problems> {
        let mut problems = Problems::new();
        let slug_text = if self.slug.trim().is_empty() {
            Slug::from_text(&self.headline).map(|s| s.to_string()).unwrap_or_default()
        } else {
            self.slug.trim().to_owned()
        };
        let slug = Slug::parse(&slug_text).map_err(|e| problems.add("slug", e)).ok();
        let section = Slug::parse(self.section.trim()).map_err(|_| problems.add("section", "choose a section")).ok();
        let language = Language::parse(if self.language.trim().is_empty() { "en" } else { self.language.trim() })
            .map_err(|e| problems.add("language", e))
            .ok();
        let mut contributors = Vec::new();
        for c in list(&self.contributors, ',') {
            match Slug::parse(&c) {
                Ok(s) => contributors.push(s),
                Err(e) => problems.add("contributors", e),
            }
        }
        let published = match optional(&self.publish_at) {
            Some(text) => parse_time(&text, zone).map_err(|e| problems.add("publish_at", e)).ok(),
            None if status == Status::Published => Some(now.to_zoned_datetime(zone.clone())),
            None => None,
        };
        let body = match markdown::render(&self.body, images) {
            Ok(body) => Some(body),
            Err(p) => {
                problems.extend(p);
                None
            }
        };
        // Parts that failed get placeholders, so the article-level rules still
        // run and every problem is reported at once; problems make this an Err.
        let placeholder = || Slug::parse("draft").ok();
        let (Some(slug), Some(section), Some(body)) = (
            slug.or_else(placeholder),
            section.or_else(placeholder),
            body.or_else(|| markdown::render("", &markdown::NoImages).ok()),
        ) else {
            return Err(problems);
        };
        let article = Article {
            slug,
            language: language.unwrap_or_else(Language::english),
            section,
            tags: list(&self.tags, ','),
            headline: self.headline.trim().to_owned(),
            dek: optional(&self.dek),
            dateline: optional(&self.dateline),
            summary: list(&self.summary, '\n'),
            lead_image: lead_image.map(|l| LeadImage { caption: optional(&self.lead_caption), ..l }),
            body,
            contributors,
            status,
            published,
            updated: None,
        };
        if let Err(p) = article.validate() {
            // "lead_image.alt" and "summary[2]" point at the form fields "lead_image" and "summary".
            for p in p.iter() {
                let field = p.field.split(['.', '[']).next().unwrap_or(&p.field);
                problems.add(field, p.message.clone());
            }
        }
        problems.into_result(article)
    }

    /// Fields whose text differs between two drafts, in form order.
    pub fn differences(&self, other: &Self) -> Vec<&'static str> {
        let pairs = [
            ("headline", &self.headline, &other.headline),
            ("dek", &self.dek, &other.dek),
            ("slug", &self.slug, &other.slug),
            ("section", &self.section, &other.section),
            ("tags", &self.tags, &other.tags),
            ("language", &self.language, &other.language),
            ("dateline", &self.dateline, &other.dateline),
            ("summary", &self.summary, &other.summary),
            ("lead_image", &self.lead_image, &other.lead_image),
            ("lead_caption", &self.lead_caption, &other.lead_caption),
            ("body", &self.body, &other.body),
            ("contributors", &self.contributors, &other.contributors),
            ("publish_at", &self.publish_at, &other.publish_at),
        ];
        pairs.into_iter().filter(|(_, a, b)| a.trim() != b.trim()).map(|(name, _, _)| name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::NoImages;

    fn draft() -> ArticleDraft {
        ArticleDraft {
            headline: "Ferry service expands".into(),
            section: "world".into(),
            summary: "Two new boats.\n\nA late crossing.\n".into(),
            body: "The council voted on Tuesday.".into(),
            contributors: "amara-osei, lakeside-desk".into(),
            tags: "ferries, transport,".into(),
            ..Default::default()
        }
    }

    fn now() -> jiff::Timestamp {
        "2026-11-24T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_draft_becomes_an_article_with_a_slug_from_its_headline() {
        let a = draft().to_article(Status::Draft, &TimeZone::UTC, &NoImages, None, now()).unwrap();
        assert_eq!(a.slug.as_str(), "ferry-service-expands");
        assert_eq!(a.summary, ["Two new boats.", "A late crossing."]);
        assert_eq!(a.tags, ["ferries", "transport"]);
        assert_eq!(a.contributors.len(), 2);
        assert!(a.published.is_none(), "a draft has no publication time");
        let published = draft().to_article(Status::Published, &TimeZone::UTC, &NoImages, None, now()).unwrap();
        assert_eq!(published.published.unwrap().timestamp(), now(), "publishing now");
    }

    #[test]
    fn every_problem_is_named_by_its_form_field() {
        let bad = ArticleDraft {
            headline: " ".into(),
            slug: "Not A Slug".into(),
            section: "".into(),
            publish_at: "someday".into(),
            contributors: "".into(),
            ..draft()
        };
        let problems = bad.to_article(Status::Draft, &TimeZone::UTC, &NoImages, None, now()).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["slug", "section", "publish_at", "headline", "contributors"], "{problems}");
    }

    #[test]
    fn drafts_round_trip_and_report_their_differences() {
        let d = draft();
        assert_eq!(ArticleDraft::from_json(&d.to_json()), Some(d.clone()));
        let article = d.to_article(Status::Draft, &TimeZone::UTC, &NoImages, None, now()).unwrap();
        let back = ArticleDraft::from_article(&article);
        let d_with_slug = ArticleDraft { slug: "ferry-service-expands".into(), ..d.clone() };
        assert_eq!(back.differences(&d_with_slug), ["tags", "language", "summary"], "normalised by the round trip");
        let edited = ArticleDraft { body: "Changed.".into(), ..d.clone() };
        assert_eq!(d.differences(&edited), ["body"]);
    }
}
