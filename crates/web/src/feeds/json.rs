//! JSON Feed 1.1 (https://jsonfeed.org/version/1.1).

use serde::Serialize;

use super::{Entry, Feed};

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: String,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    date_modified: String,
    authors: Vec<Author<'a>>,
    tags: Vec<&'a str>,
    language: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<Attachment<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Attachment<'a> {
    url: &'a str,
    mime_type: &'static str,
    size_in_bytes: u64,
    duration_in_seconds: u64,
}

fn item(e: &Entry) -> Item<'_> {
    let a = &e.article;
    Item {
        id: &e.url,
        url: &e.url,
        title: &a.headline,
        content_html: &e.content_html,
        summary: a.dek.as_deref(),
        image: e.image.as_deref(),
        date_published: e.published().to_string(),
        date_modified: e.modified().to_string(),
        authors: e.authors.iter().map(|p| Author { name: &p.name, url: &p.url }).collect(),
        tags: std::iter::once(e.section_name.as_str()).chain(a.tags.iter().map(String::as_str)).collect(),
        language: a.language.to_string(),
        attachments: e
            .narration
            .as_ref()
            .zip(e.narration_url.as_deref())
            .map(|(n, url)| Attachment {
                url,
                mime_type: "audio/mpeg",
                size_in_bytes: n.bytes,
                duration_in_seconds: n.seconds,
            })
            .into_iter()
            .collect(),
    }
}

pub fn render(feed: &Feed) -> String {
    let json = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &feed.title,
        home_page_url: &feed.home_url,
        feed_url: &feed.feed_url,
        description: &feed.description,
        language: feed.language.to_string(),
        items: feed.entries.iter().map(item).collect(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}
