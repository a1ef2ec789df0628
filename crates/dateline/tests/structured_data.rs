//! Structured data on the real binary, read by extruct (JSON-LD and
//! OpenGraph, as search engines and link previews read them) in a child
//! Python process; canonical links and Twitter cards from the HTML itself.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use serde_json::Value;
use support::newsroom::{PASSWORD, newsroom_with_content, sign_in};
use support::{dateline, get, text};

fn read_metadata(url: &str) -> Value {
    support::python_reader("read_metadata.py", url)
}

fn meta<'a>(html: &'a str, attribute: &str, name: &str) -> Option<&'a str> {
    let marker = format!(r#"<meta {attribute}="{name}" content=""#);
    let start = html.find(&marker)? + marker.len();
    Some(&html[start..start + html[start..].find('"')?])
}

#[test]
fn an_article_describes_itself_as_a_news_article() {
    let (data, server) = newsroom_with_content();
    // A correction and a narration, so every part of the JSON-LD is there.
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/lake-towns-move")).field("csrf").unwrap();
    let correction = [("csrf", csrf.as_str()), ("text", "The road closed on Wednesday, not Thursday.")];
    assert_eq!(eda.post(&server.url("/newsroom/articles/lake-towns-move/corrections"), &correction).status, 303);
    let narrated = dateline(&["narrate", "lake-towns-move", "--data", data.path().to_str().unwrap()]);
    assert!(narrated.status.success(), "{}", text(&narrated));

    let url = server.url("/articles/lake-towns-move");
    let found = read_metadata(&url);
    let ld = found["json-ld"].as_array().unwrap();
    assert_eq!(ld.len(), 1, "{ld:?}");
    let article = &ld[0];
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["headline"], "Lake towns move to higher ground as water keeps rising");
    assert_eq!(article["url"].as_str(), Some(url.as_str()));
    assert_eq!(article["mainEntityOfPage"]["@id"].as_str(), Some(url.as_str()));
    assert_eq!(article["description"], "Three villages have been evacuated and the main road is closed.");
    assert_eq!(article["datePublished"], "2026-11-20T05:30:00Z");
    assert!(article["dateModified"].as_str().unwrap() > "2026-11-21", "the correction moved it on");
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["isAccessibleForFree"], true);
    assert_eq!(article["articleSection"], "World");
    assert_eq!(article["publisher"]["@type"], "Organization");
    assert_eq!(article["publisher"]["name"], "Dateline");
    let authors = article["author"].as_array().unwrap();
    assert_eq!((authors[0]["@type"].as_str(), authors[0]["name"].as_str()), (Some("Person"), Some("Amara Osei")));
    assert_eq!(authors[1]["@type"], "Organization", "a desk is an organisation");
    assert!(authors[1]["url"].as_str().unwrap().ends_with("/contributors/lakeside-desk"));
    let images = article["image"].as_array().unwrap();
    assert!(images[0].as_str().unwrap().starts_with(&server.url("/media/")), "absolute image URLs");
    let audio = &article["audio"];
    assert_eq!((audio["@type"].as_str(), audio["encodingFormat"].as_str()), (Some("AudioObject"), Some("audio/mpeg")));
    assert!(audio["contentUrl"].as_str().unwrap().starts_with(&server.url("/media/")));
    assert!(audio["duration"].as_str().unwrap().starts_with("PT"));
    assert_eq!(article["speakable"]["@type"], "SpeakableSpecification");
    assert_eq!(article["correction"][0]["text"], "The road closed on Wednesday, not Thursday.");

    let og = &found["opengraph"][0];
    assert_eq!(og["@type"], "article", "og:type, as extruct names it");
    assert_eq!(og["og:title"], "Lake towns move to higher ground as water keeps rising");
    assert_eq!(og["og:url"].as_str(), Some(url.as_str()));
    assert_eq!(og["og:site_name"], "Dateline");
    assert!(og["og:image"].as_str().unwrap().starts_with(&server.url("/media/")));
    assert_eq!(og["og:image:alt"], "Houses standing in brown water up to their windows");
    assert_eq!(og["article:section"], "World");

    let (_, html) = get(&url);
    assert!(html.contains(&format!(r#"<link rel="canonical" href="{url}">"#)));
    assert_eq!(meta(&html, "name", "twitter:card"), Some("summary_large_image"));
    assert_eq!(meta(&html, "name", "twitter:title"), Some("Lake towns move to higher ground as water keeps rising"));
    assert!(meta(&html, "name", "twitter:image").unwrap().starts_with("http"));

    // A page's canonical address keeps a later page number, and nothing else from the query.
    let (_, section) = get(&server.url("/sections/world?page=1&utm_source=x"));
    assert!(section.contains(&format!(r#"<link rel="canonical" href="{}">"#, server.url("/sections/world"))));
}

#[test]
fn hostile_headlines_cannot_break_out_of_the_json_ld() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let headline = r#"Storm </script><script>alert(1)</script> <!-- "quoted" & more"#;
    let mut fields = support::newsroom::article_fields(&csrf, "0", "publish", headline, "Text.");
    fields.retain(|(k, _)| *k != "slug");
    fields.push(("slug", "hostile"));
    assert_eq!(eda.post(&server.url("/newsroom/articles/new"), &fields).status, 303);
    let (_, html) = get(&server.url("/articles/hostile"));
    let script =
        html.split_once(r#"<script type="application/ld+json">"#).unwrap().1.split_once("</script>").unwrap().0;
    assert!(!script.contains('<'), "nothing in the data can end the element: {script}");
    let article: Value = serde_json::from_str(script).unwrap();
    assert_eq!(article["headline"], headline, "the headline reads back exactly");
}
