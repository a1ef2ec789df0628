//! Podcast feeds of the narrations (RSS 2.0 with iTunes tags): the whole site
//! and each section, newest first, only articles that have audio.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use dateline_core::Slug;
use dateline_store::{ArticleQuery, ArticleSummary};
use jiff::Timestamp;
use rss::extension::itunes::{ITunesCategory, ITunesChannelExtension, ITunesItemExtension, NAMESPACE};
use rss::{Channel, Enclosure, Guid, Item};

use crate::i18n::Arg;
use crate::views::article_url;
use crate::{SharedState, WebError};

/// Episodes per feed.
const EPISODES: u32 = 50;

pub async fn site(State(state): State<SharedState>) -> Result<Response, WebError> {
    let title = state.site.title.clone();
    feed(&state, None, &title).await
}

pub async fn section(State(state): State<SharedState>, Path(slug): Path<String>) -> Result<Response, WebError> {
    let section = state.store.section(&slug).await?.ok_or(WebError::NotFound)?;
    let title = format!("{} – {}", state.site.title, section.name);
    feed(&state, Some(section.slug), &title).await
}

fn hms(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

async fn episode(state: &SharedState, a: &ArticleSummary) -> Result<Option<Item>, WebError> {
    let Some(n) = state.store.narration(a.slug.as_str()).await? else {
        return Ok(None);
    };
    let base = &state.site.base_url;
    let link = format!("{base}{}", article_url(a.slug.as_str()));
    let description = description(state, a).await?;
    Ok(Some(Item {
        title: Some(a.headline.clone()),
        link: Some(link.clone()),
        description: description.clone(),
        guid: Some(Guid { value: format!("{link}#narration"), permalink: false }),
        pub_date: Some(a.published.timestamp().strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()),
        enclosure: Some(Enclosure {
            url: format!("{base}{}", n.audio.url()),
            length: n.audio.bytes.to_string(),
            mime_type: "audio/mpeg".into(),
        }),
        itunes_ext: Some(ITunesItemExtension {
            duration: Some(hms(n.duration_ms)),
            explicit: Some("false".into()),
            episode_type: Some("full".into()),
            summary: description,
            ..Default::default()
        }),
        ..Default::default()
    }))
}

/// The standfirst, then each correction with its date: listeners of an
/// episode learn of a correction where they learned of the story (the audio
/// reads it too).
async fn description(state: &SharedState, a: &ArticleSummary) -> Result<Option<String>, WebError> {
    let mut parts: Vec<String> = a.dek.iter().cloned().collect();
    for c in state.editorial.corrections(a.slug.as_str()).await? {
        let date = dateline_core::time::display_time(&c.at.to_zoned_datetime(state.site.time_zone.clone()));
        let args = [("date", Arg::Text(date)), ("text", Arg::Text(c.text))];
        parts.push(state.messages.get("en", "podcast-correction", &args));
    }
    Ok(Some(parts.join("\n\n")).filter(|d| !d.is_empty()))
}

async fn feed(state: &SharedState, section: Option<Slug>, title: &str) -> Result<Response, WebError> {
    let query = ArticleQuery { section, ..ArticleQuery::latest(Timestamp::now(), EPISODES) };
    let mut items = Vec::new();
    for a in state.store.list_articles(&query).await?.items {
        if let Some(item) = episode(state, &a).await? {
            items.push(item);
        }
    }
    let base = &state.site.base_url;
    let description = state.messages.get("en", "podcast-description", &[]);
    let channel = Channel {
        title: title.to_owned(),
        link: format!("{base}/"),
        description: description.clone(),
        language: Some("en".into()),
        namespaces: BTreeMap::from([("itunes".to_owned(), NAMESPACE.to_owned())]),
        itunes_ext: Some(ITunesChannelExtension {
            author: Some(state.site.title.clone()),
            summary: Some(description),
            explicit: Some("false".into()),
            categories: vec![ITunesCategory { text: "News".into(), subcategory: None }],
            ..Default::default()
        }),
        items,
        ..Default::default()
    };
    Ok(([(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")], channel.to_string()).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_read_as_hours_minutes_seconds() {
        assert_eq!(super::hms(61_001), "00:01:02");
        assert_eq!(super::hms(3_600_000), "01:00:00");
    }
}
