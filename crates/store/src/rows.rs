//! Turning rows back into domain values. Anything that fails to parse was
//! damaged outside Dateline, and is reported as such rather than shown.

use dateline_core::{
    Article, Body, BreakingNews, Contributor, ContributorKind, ImageVariant, Language, LeadImage, MediaInfo, Section,
    Slug, Status,
};
use jiff::{Timestamp, ZonedDateTime};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::editorial::Correction;
use crate::{ArticleSummary, Job, JobRow, NarrationRecord, Result, StoreError, TeaserImage};

fn corrupt(what: &str, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {detail}"))
}

pub fn slug(text: String) -> Result<Slug> {
    Slug::parse(&text).map_err(|e| corrupt("slug", e))
}

fn zoned(text: Option<String>) -> Result<Option<ZonedDateTime>> {
    text.map(|t| t.parse::<ZonedDateTime>().map_err(|e| corrupt("time", e))).transpose()
}

pub fn section(row: &SqliteRow) -> Result<Section> {
    Ok(Section {
        slug: slug(row.try_get("slug")?)?,
        name: row.try_get("name")?,
        language: Language::parse(row.try_get("language")?).map_err(|e| corrupt("language", e))?,
        position: row.try_get("position")?,
    })
}

pub fn contributor(row: &SqliteRow) -> Result<Contributor> {
    let kind: String = row.try_get("kind")?;
    Ok(Contributor {
        slug: slug(row.try_get("slug")?)?,
        name: row.try_get("name")?,
        kind: ContributorKind::parse(&kind).map_err(|e| corrupt("contributor kind", e))?,
        bio: row.try_get("bio")?,
        photo: row.try_get("photo")?,
    })
}

pub fn media(row: &SqliteRow) -> Result<MediaInfo> {
    Ok(MediaInfo {
        key: row.try_get("key")?,
        content_type: row.try_get("content_type")?,
        width: row.try_get("width")?,
        height: row.try_get("height")?,
        bytes: row.try_get::<i64, _>("bytes")? as u64,
        variants: variants(row.try_get("variants")?)?,
    })
}

/// The WebP variants column: a JSON list.
pub fn variants(json: String) -> Result<Vec<ImageVariant>> {
    serde_json::from_str(&json).map_err(|e| corrupt("image variants", e))
}

/// An article row plus its tags and contributor slugs (read separately).
pub fn article(row: &SqliteRow, tags: Vec<String>, contributors: Vec<Slug>) -> Result<Article> {
    let summary: String = row.try_get("summary")?;
    let lead_media: Option<String> = row.try_get("lead_media")?;
    let status: String = row.try_get("status")?;
    Ok(Article {
        slug: slug(row.try_get("slug")?)?,
        language: Language::parse(row.try_get("language")?).map_err(|e| corrupt("language", e))?,
        section: slug(row.try_get("section")?)?,
        tags,
        headline: row.try_get("headline")?,
        dek: row.try_get("dek")?,
        dateline: row.try_get("dateline")?,
        summary: serde_json::from_str(&summary).map_err(|e| corrupt("summary", e))?,
        lead_image: match lead_media {
            Some(media) => Some(LeadImage {
                media,
                alt: row.try_get::<Option<String>, _>("lead_alt")?.unwrap_or_default(),
                caption: row.try_get("lead_caption")?,
                credit: row.try_get("lead_credit")?,
            }),
            None => None,
        },
        body: Body::from_store(row.try_get("body_markdown")?, row.try_get("body_html")?),
        contributors,
        status: Status::parse(&status).map_err(|e| corrupt("status", e))?,
        published: zoned(row.try_get("published_at")?)?,
        updated: zoned(row.try_get("updated_at")?)?,
    })
}

/// A teaser row: article columns joined with its section and lead image.
pub fn summary(row: &SqliteRow) -> Result<ArticleSummary> {
    let lead_image = match row.try_get::<Option<String>, _>("lead_media")? {
        Some(key) => Some(TeaserImage {
            alt: row.try_get::<Option<String>, _>("lead_alt")?.unwrap_or_default(),
            media: MediaInfo {
                key,
                content_type: row.try_get("media_content_type")?,
                width: row.try_get("media_width")?,
                height: row.try_get("media_height")?,
                bytes: row.try_get::<i64, _>("media_bytes")? as u64,
                variants: variants(row.try_get("media_variants")?)?,
            },
        }),
        None => None,
    };
    Ok(ArticleSummary {
        slug: slug(row.try_get("slug")?)?,
        headline: row.try_get("headline")?,
        dek: row.try_get("dek")?,
        section: slug(row.try_get("section")?)?,
        section_name: row.try_get("section_name")?,
        published: zoned(row.try_get("published_at")?)?
            .ok_or_else(|| corrupt("article", "published without a time"))?,
        updated: zoned(row.try_get("updated_at")?)?,
        language: Language::parse(row.try_get("language")?).map_err(|e| corrupt("language", e))?,
        lead_image,
    })
}

pub fn breaking(row: &SqliteRow) -> Result<BreakingNews> {
    Ok(BreakingNews {
        text: row.try_get("text")?,
        link: row.try_get("link")?,
        until: Timestamp::from_second(row.try_get("until_ts")?).map_err(|e| corrupt("breaking expiry", e))?,
    })
}

pub fn narration(row: &SqliteRow) -> Result<NarrationRecord> {
    let media = |prefix: &str| -> Result<MediaInfo> {
        Ok(MediaInfo {
            key: row.try_get(format!("{prefix}_key").as_str())?,
            content_type: row.try_get(format!("{prefix}_type").as_str())?,
            width: 0,
            height: 0,
            bytes: row.try_get::<i64, _>(format!("{prefix}_bytes").as_str())? as u64,
            variants: Vec::new(),
        })
    };
    Ok(NarrationRecord {
        audio: media("a")?,
        cues: media("c")?,
        duration_ms: row.try_get::<i64, _>("duration_ms")? as u64,
        voice: row.try_get("voice")?,
        sentences: row.try_get::<i64, _>("sentences")? as u32,
    })
}

pub fn job(row: &SqliteRow) -> Result<Job> {
    Ok(Job {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        article_slug: row.try_get("slug")?,
        attempts: row.try_get::<i64, _>("attempts")? as u32,
    })
}

fn timestamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| corrupt("job time", e))
}

/// A row with the correction's `text` and `at_ts`.
pub fn correction(row: &SqliteRow) -> Result<Correction> {
    let at = Timestamp::from_second(row.try_get("at_ts")?).map_err(|e| corrupt("correction time", e))?;
    Ok(Correction { text: row.try_get("text")?, at })
}

pub fn job_row(row: &SqliteRow) -> Result<JobRow> {
    Ok(JobRow {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        article_slug: row.try_get("slug")?,
        state: row.try_get("state")?,
        attempts: row.try_get::<i64, _>("attempts")? as u32,
        last_error: row.try_get("last_error")?,
        run_after: timestamp(row.try_get("run_after_ts")?)?,
        updated: timestamp(row.try_get("updated_ts")?)?,
    })
}
