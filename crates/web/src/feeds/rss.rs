//! RSS 2.0 with `content:encoded` (the full article), Dublin Core creators,
//! an `atom:link rel="self"`, and the narration as an enclosure.

use std::collections::BTreeMap;

use rss::extension::atom::{AtomExtension, Link};
use rss::extension::dublincore::DublinCoreExtension;
use rss::{Category, Channel, Enclosure, Guid, Item};

use super::{Entry, Feed};

const CONTENT_NAMESPACE: &str = "http://purl.org/rss/1.0/modules/content/";

/// RFC 2822, as RSS wants its dates.
pub fn rfc2822(t: jiff::Timestamp) -> String {
    t.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

fn item(e: &Entry) -> Item {
    let a = &e.article;
    let categories = std::iter::once(e.section_name.clone())
        .chain(a.tags.iter().cloned())
        .map(|name| Category { name, domain: None })
        .collect();
    Item {
        title: Some(a.headline.clone()),
        link: Some(e.url.clone()),
        description: a.dek.clone().or_else(|| a.summary.first().cloned()),
        guid: Some(Guid { value: e.url.clone(), permalink: true }),
        pub_date: Some(rfc2822(e.published())),
        categories,
        content: Some(e.content_html.clone()),
        enclosure: e.narration.as_ref().zip(e.narration_url.as_ref()).map(|(n, url)| Enclosure {
            url: url.clone(),
            length: n.bytes.to_string(),
            mime_type: "audio/mpeg".into(),
        }),
        dublin_core_ext: Some(DublinCoreExtension {
            creators: e.authors.iter().map(|a| a.name.clone()).collect(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

pub fn render(feed: &Feed) -> String {
    let namespaces = [
        ("content", CONTENT_NAMESPACE.to_owned()),
        ("dc", rss::extension::dublincore::NAMESPACE.to_owned()),
        ("atom", rss::extension::atom::NAMESPACE.to_owned()),
    ];
    let channel = Channel {
        title: feed.title.clone(),
        link: feed.home_url.clone(),
        description: feed.description.clone(),
        language: Some(feed.language.to_string()),
        last_build_date: Some(rfc2822(feed.updated())),
        namespaces: namespaces.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<BTreeMap<_, _>>(),
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: feed.feed_url.clone(),
                rel: "self".into(),
                mime_type: Some("application/rss+xml".into()),
                ..Default::default()
            }],
        }),
        items: feed.entries.iter().map(item).collect(),
        ..Default::default()
    };
    channel.to_string()
}
