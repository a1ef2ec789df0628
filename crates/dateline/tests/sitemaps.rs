//! robots.txt and the sitemaps on the real binary, read the way a crawler
//! reads them: ultimate-sitemap-parser (a child Python process) starts from
//! robots.txt and follows the index to every sitemap.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use serde_json::Value;
use support::newsroom::{PASSWORD, article_fields, newsroom_with_content, sign_in};
use support::{get, get_with_headers, header};

fn read_sitemaps(base: &str) -> Value {
    support::python_reader("read_sitemaps.py", base)
}

#[test]
fn crawlers_find_every_live_page_and_the_news_of_the_last_two_days() {
    let (_data, server) = newsroom_with_content();
    // Something published now, for the news sitemap (the fixture's articles are days old).
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let fields = article_fields(&csrf, "0", "publish", "Ferry service resumes & expands", "The boats are back.");
    assert_eq!(eda.post(&server.url("/newsroom/articles/new"), &fields).status, 303);

    let (status, headers, robots) = get_with_headers(&server.url("/robots.txt"), &[]);
    assert_eq!((status, header(&headers, "content-type")), (200, Some("text/plain; charset=utf-8")));
    assert!(robots.contains("Disallow: /newsroom/"), "{robots}");
    assert!(robots.contains(&format!("Sitemap: {}", server.url("/sitemap.xml"))));
    assert!(robots.contains(&format!("Sitemap: {}", server.url("/sitemaps/news.xml"))));

    let found = read_sitemaps(&server.url("/"));
    let sitemaps = found["sitemaps"].as_array().unwrap();
    assert!(sitemaps.iter().all(|s| s.get("invalid").is_none()), "every sitemap parses: {sitemaps:?}");
    for path in ["/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml"] {
        assert!(sitemaps.iter().any(|s| s["url"] == server.url(path)), "{path} found via robots.txt");
    }

    let pages = found["pages"].as_array().unwrap();
    let page = |path: &str| pages.iter().find(|p| p["url"] == server.url(path));
    for path in ["/", "/sections/world", "/sections/pashto", "/contributors/amara-osei", "/articles/older"] {
        assert!(page(path).is_some(), "{path} is listed");
    }
    assert!(page("/articles/unfinished").is_none(), "drafts are not");
    assert!(pages.iter().all(|p| !p["url"].as_str().unwrap().contains("/newsroom/")));
    let lake = pages
        .iter()
        .find(|p| p["url"] == server.url("/articles/lake-towns-move") && !p["last_modified"].is_null())
        .unwrap();
    assert_eq!(lake["last_modified"], "2026-11-21T10:00:00+00:00", "last modified = its update");

    // Listed in robots.txt and in the index, the news sitemap is read twice.
    let mut news: Vec<&Value> = pages.iter().filter(|p| !p["news"].is_null()).collect();
    news.dedup();
    assert_eq!(news.len(), 1, "only the fresh article is news: {news:?}");
    let story = &news[0]["news"];
    assert_eq!(news[0]["url"].as_str().unwrap(), server.url("/articles/ferry-service-resumes-expands"));
    assert_eq!(story["title"], "Ferry service resumes & expands", "escaped in XML, read back whole");
    assert_eq!((story["publication"].as_str(), story["language"].as_str()), (Some("Dateline"), Some("en")));
    assert!(!story["published"].as_str().unwrap().contains('.'), "to the second");

    assert_eq!(get(&server.url("/sitemaps/articles-2.xml")).0, 404, "past the last file");
    assert_eq!(get(&server.url("/sitemaps/articles-0.xml")).0, 404);
    assert_eq!(get(&server.url("/sitemaps/other.xml")).0, 404);
}
