//! The text feeds on the real binary: RSS 2.0 and Atom read by feedparser
//! (the parser feed readers build on, run as a child Python process), JSON
//! Feed checked against its specification's rules; for the site, a section
//! and a contributor; full content, corrections and updates, the narration.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use serde_json::Value;
use support::newsroom::{PASSWORD, newsroom_with_content, sign_in};
use support::{Server, dateline, get, get_with_headers, header, text};

fn read_feed(url: &str) -> Value {
    support::python_reader("read_feed.py", url)
}

fn entry<'a>(feed: &'a Value, slug: &str) -> &'a Value {
    let entries = feed["entries"].as_array().unwrap();
    entries.iter().find(|e| e["link"].as_str().unwrap().ends_with(&format!("/articles/{slug}"))).unwrap()
}

/// The fixture newsroom with a correction on "older", which is also narrated.
fn corrected_and_narrated() -> (tempfile::TempDir, Server) {
    let (data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/older")).field("csrf").unwrap();
    let text_fields = [("csrf", csrf.as_str()), ("text", "The catch was on Tuesday, not Monday.")];
    assert_eq!(eda.post(&server.url("/newsroom/articles/older/corrections"), &text_fields).status, 303);
    let narrated = dateline(&["narrate", "older", "--data", data.path().to_str().unwrap()]);
    assert!(narrated.status.success(), "{}", text(&narrated));
    (data, server)
}

#[test]
fn rss_and_atom_carry_full_articles_corrections_and_narration() {
    let (_data, server) = corrected_and_narrated();
    for (path, version) in [("/feed.xml", "rss20"), ("/feed.atom", "atom10")] {
        let feed = read_feed(&server.url(path));
        assert_eq!(feed["version"], version, "{path}");
        assert_eq!(feed["status"], 200);
        assert_eq!(feed["title"], "Dateline");
        assert_eq!(feed["self"].as_str().unwrap(), server.url(path), "{path} names itself");
        assert_eq!(feed["language"], "en");
        let links: Vec<&str> =
            feed["entries"].as_array().unwrap().iter().map(|e| e["link"].as_str().unwrap()).collect();
        assert!(!links.iter().any(|l| l.ends_with("/unfinished")), "drafts stay out: {links:?}");

        let lake = entry(&feed, "lake-towns-move");
        assert_eq!(lake["title"], "Lake towns move to higher ground as water keeps rising");
        assert_eq!(lake["id"].as_str().unwrap(), server.url("/articles/lake-towns-move"));
        assert_eq!(lake["summary"], "Three villages have been evacuated and the main road is closed.");
        assert_eq!(lake["authors"].as_array().unwrap().len(), 2, "{path}: {lake}");
        assert_eq!(lake["tags"], serde_json::json!(["World", "floods", "lake basin"]));
        assert!(lake["published"].as_str().unwrap().contains("2026"), "{lake}");
        let content = lake["content"][0].as_str().unwrap();
        for part in [
            "The water rose faster than the forecast said it would.",
            "<h2>What happened</h2>",
            "<li>Water rose 40 cm in a week.</li>",
            "The shore road at dawn on Thursday.",
            r#"alt="Houses standing in brown water up to their windows""#,
        ] {
            assert!(content.contains(part), "{path}: {part} in {content}");
        }
        assert!(content.contains(&format!(r#"src="{}"#, server.url("/media/"))), "images by absolute URL");
        assert!(!content.contains(r#"src="/"#) && !content.contains(r#"href="/"#), "no site-relative links");

        let older = entry(&feed, "older");
        let content = older["content"][0].as_str().unwrap();
        assert!(content.contains("Correction, ") && content.contains("The catch was on Tuesday, not Monday."));
        assert!(content.find("Correction, ") < content.find("The boats came home full"), "the notice comes first");
        assert!(content.contains("Listen to this article"), "{content}");
        let enclosure = &older["enclosures"][0];
        assert_eq!(enclosure["type"], "audio/mpeg");
        assert!(enclosure["href"].as_str().unwrap().starts_with(&server.url("/media/")));
        if version == "atom10" {
            assert_ne!(older["updated"], older["published"], "the correction moved `updated`");
        }
    }
}

#[test]
fn sections_and_contributors_have_their_own_feeds_and_pages_advertise_them() {
    let (_data, server) = corrected_and_narrated();
    let section = read_feed(&server.url("/sections/world/feed.atom"));
    assert_eq!(section["title"], "Dateline – World");
    assert!(section["entries"].as_array().unwrap().len() >= 2);
    let pashto = read_feed(&server.url("/sections/pashto/feed.xml"));
    assert_eq!(pashto["language"], "ps");
    assert!(pashto["entries"].as_array().unwrap().iter().all(|e| e["link"].as_str().unwrap().contains("/articles/")));
    let desk = read_feed(&server.url("/contributors/lakeside-desk/feed.xml"));
    let titles: Vec<&str> = desk["entries"].as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Fishermen report record catch before the storm"), "{titles:?}");
    let amara = read_feed(&server.url("/contributors/amara-osei/feed.atom"));
    assert!(
        amara["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["title"] != "Fishermen report record catch before the storm")
    );

    assert_eq!(get(&server.url("/sections/nowhere/feed.xml")).0, 404);
    assert_eq!(get(&server.url("/contributors/nobody/feed.json")).0, 404);

    let (_, home) = get(&server.url("/"));
    for href in ["/feed.xml", "/feed.atom", "/feed.json"] {
        assert!(
            home.contains(&format!(r#"rel="alternate" type="application/{}" title="Dateline – "#, feed_type(href)))
        );
        assert!(home.contains(&format!(r#"href="{href}""#)), "{href} advertised");
    }
    let (_, world) = get(&server.url("/sections/world"));
    assert!(world.contains(r#"title="World – Atom feed" href="/sections/world/feed.atom""#), "{world}");
    let (_, desk_page) = get(&server.url("/contributors/lakeside-desk"));
    assert!(desk_page.contains(r#"href="/contributors/lakeside-desk/feed.json""#));
    let (status, headers, _) = get_with_headers(&server.url("/feed.atom"), &[]);
    assert_eq!((status, header(&headers, "content-type")), (200, Some("application/atom+xml; charset=utf-8")));
}

fn feed_type(href: &str) -> &'static str {
    match href.rsplit('.').next() {
        Some("xml") => "rss+xml",
        Some("atom") => "atom+xml",
        _ => "feed+json",
    }
}

/// JSON Feed 1.1: feedparser does not read it, so its specification's rules
/// are checked here: required members, absolute URLs, RFC 3339 dates.
#[test]
fn json_feed_follows_the_specification() {
    let (_data, server) = corrected_and_narrated();
    let (status, headers, body) = get_with_headers(&server.url("/feed.json"), &[]);
    assert_eq!((status, header(&headers, "content-type")), (200, Some("application/feed+json; charset=utf-8")));
    let feed: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "Dateline");
    assert_eq!(feed["feed_url"].as_str().unwrap(), server.url("/feed.json"));
    assert_eq!(feed["home_page_url"].as_str().unwrap(), server.url("/"));
    let items = feed["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(item["id"].is_string(), "every item has an id");
        assert!(item["content_html"].as_str().is_some_and(|c| !c.is_empty()), "and content");
        assert!(item["url"].as_str().unwrap().starts_with("http://127.0.0.1:"));
        for date in ["date_published", "date_modified"] {
            let text = item[date].as_str().unwrap();
            assert!(text.parse::<jiff::Timestamp>().is_ok(), "{date} is RFC 3339: {text}");
        }
        for author in item["authors"].as_array().unwrap() {
            assert!(author["name"].is_string() && author["url"].as_str().unwrap().starts_with("http"));
        }
    }
    let older = items.iter().find(|i| i["url"].as_str().unwrap().ends_with("/articles/older")).unwrap();
    assert!(older["content_html"].as_str().unwrap().contains("The catch was on Tuesday, not Monday."));
    assert_ne!(older["date_modified"], older["date_published"]);
    let audio = &older["attachments"][0];
    assert_eq!(audio["mime_type"], "audio/mpeg");
    assert!(audio["size_in_bytes"].as_u64().unwrap() > 0 && audio["duration_in_seconds"].as_u64().unwrap() > 0);
}
