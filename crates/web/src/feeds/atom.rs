//! Atom (RFC 4287): the full article as HTML content, `updated` moving with
//! corrections and updates, authors with their pages.

use atom_syndication::{Category, Content, Entry as AtomEntry, FixedDateTime, Link, Person, Text};

use super::{Entry, Feed};

fn time(t: jiff::Timestamp) -> FixedDateTime {
    // Both sides are RFC 3339; the conversion cannot fail for a real timestamp.
    FixedDateTime::parse_from_rfc3339(&t.to_string()).unwrap_or_default()
}

fn link(href: &str, rel: &str, mime_type: Option<&str>) -> Link {
    Link { href: href.to_owned(), rel: rel.to_owned(), mime_type: mime_type.map(str::to_owned), ..Default::default() }
}

fn entry(e: &Entry) -> AtomEntry {
    let a = &e.article;
    let mut links = vec![link(&e.url, "alternate", Some("text/html"))];
    if let (Some(n), Some(url)) = (&e.narration, &e.narration_url) {
        links.push(Link { length: Some(n.bytes.to_string()), ..link(url, "enclosure", Some("audio/mpeg")) });
    }
    AtomEntry {
        id: e.url.clone(),
        title: Text::plain(a.headline.clone()),
        updated: time(e.modified()),
        published: Some(time(e.published())),
        authors: e
            .authors
            .iter()
            .map(|p| Person { name: p.name.clone(), uri: Some(p.url.clone()), ..Default::default() })
            .collect(),
        links,
        categories: std::iter::once(&e.section_name)
            .chain(&a.tags)
            .map(|term| Category { term: term.clone(), ..Default::default() })
            .collect(),
        summary: a.dek.clone().map(Text::plain),
        content: Some(Content {
            content_type: Some("html".into()),
            value: Some(e.content_html.clone()),
            lang: Some(a.language.to_string()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

pub fn render(feed: &Feed) -> String {
    let atom = atom_syndication::Feed {
        id: feed.feed_url.clone(),
        title: Text::plain(feed.title.clone()),
        subtitle: Some(Text::plain(feed.description.clone())),
        updated: time(feed.updated()),
        lang: Some(feed.language.to_string()),
        links: vec![
            link(&feed.feed_url, "self", Some("application/atom+xml")),
            link(&feed.home_url, "alternate", Some("text/html")),
        ],
        entries: feed.entries.iter().map(entry).collect(),
        ..Default::default()
    };
    atom.to_string()
}
