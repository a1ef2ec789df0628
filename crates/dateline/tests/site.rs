//! End to end: the real binary imports the fixture folder and serves it on a
//! loopback port; the pages are checked as a browser without JavaScript gets them.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::time::Duration;

use dateline_import::fixtures;
use support::{Server, assert_in_order, dateline, get, get_with_cookie, header, text};

/// A data folder with the "good" fixture imported, and a server on it.
fn served_fixture() -> (tempfile::TempDir, Server) {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let data_arg = data.path().to_str().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", data_arg]);
    assert!(out.status.success(), "{}", text(&out));
    let server = Server::start("serve", data.path());
    (data, server)
}

#[test]
fn the_article_page_has_every_part_in_order() {
    let (_data, server) = served_fixture();
    let (status, html) = get(&server.url("/articles/lake-towns-move"));
    assert_eq!(status, 200, "{html}");
    assert_in_order(
        &html,
        &[
            r#"<html lang="en" dir="ltr""#,
            r##"href="#main""##,
            r##"href="#nav""##,
            r##"href="#search""##,
            "<header",
            r#"id="search""#,
            r#"<nav id="nav""#,
            r#"<main id="main""#,
            "Lake towns move to higher ground",
            "Three villages have been evacuated",
            "Amara Osei",
            "KISUMU",
            r#"<time datetime="2026-11-20T05:30:00Z">20 November 2026, 08:30 EAT</time>"#,
            r#"<time datetime="2026-11-21T10:00:00Z">"#,
            "<figure",
            r#"alt="Houses standing in brown water up to their windows""#,
            "The shore road at dawn on Thursday.",
            "Fixture Photos",
            r#"id="summary-heading""#,
            "Water rose 40 cm in a week.",
            "Officials expect more rain until Friday.",
            "<h2>What happened</h2>",
            r#"<figure class="quote"><blockquote>"#,
            "— Grace Atieno, farmer</figcaption>",
            r#"<figure class="inline-image"><img src="/media/"#,
            "Boats replaced the buses on Thursday.</figcaption>",
            r#"href="https://example.org/notice""#,
            "<li>the church hall</li>",
            r#"href="/contributors/amara-osei""#,
            "Amara Osei covers water and weather",
            r#"href="/contributors/lakeside-desk""#,
            "The regional desk",
            "<footer",
            "/text-size?size=xs",
            "/text-size?size=sm",
            "/text-size?size=md",
            "/text-size?size=lg",
        ],
    );
    // No narration yet: no player, never a dead control.
    assert!(!html.contains("<audio"), "no audio element without narration");
    // Every image has its size, so nothing shifts while loading.
    for img in html.split("<img").skip(1) {
        let tag = &img[..img.find('>').unwrap()];
        assert!(tag.contains("width=") && tag.contains("height="), "image without size: <img{tag}>");
    }
    assert!(html.contains("<h1"), "one headline");
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1");
}

#[test]
fn right_to_left_articles_mirror_the_page() {
    let (_data, server) = served_fixture();
    let (status, html) = get(&server.url("/articles/river-rises-ps"));
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="ps" dir="rtl""#), "{html}");
    assert!(html.contains("د سيند اوبه لوړې شوې"));
}

#[test]
fn lists_home_sections_contributors_and_search() {
    let (_data, server) = served_fixture();
    let (status, home) = get(&server.url("/"));
    assert_eq!(status, 200);
    assert!(home.contains("/articles/lake-towns-move") && home.contains("/articles/older"), "{home}");
    assert!(!home.contains("/articles/unfinished"), "drafts are not listed");
    assert!(home.contains(r#"href="/sections/world""#));
    let (status, section) = get(&server.url("/sections/world"));
    assert_eq!(status, 200);
    assert_in_order(&section, &["/articles/lake-towns-move", "/articles/older"]);
    let (status, person) = get(&server.url("/contributors/amara-osei"));
    assert_eq!(status, 200);
    assert!(person.contains("Amara Osei covers water") && person.contains("/articles/lake-towns-move"));
    let (status, found) = get(&server.url("/search?q=boats"));
    assert_eq!(status, 200);
    assert!(found.contains("/articles/older") && found.contains("/articles/lake-towns-move"), "{found}");
    let (_, nothing) = get(&server.url("/search?q=zebra"));
    assert!(!nothing.contains("/articles/"), "{nothing}");
}

#[test]
fn unknown_and_unpublished_pages_get_the_404_page() {
    let (_data, server) = served_fixture();
    for path in [
        "/no-such-page",
        "/articles/unfinished",
        "/articles/nope",
        "/sections/nope",
        "/sections/world?page=99",
        "/contributors/nope",
        "/media/..%2F..%2Fdateline.db",
        "/media/0123456789abcdef0123456789abcdef.jpg",
        "/assets/site.css",
    ] {
        let (status, html) = get(&server.url(path));
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found") && html.contains(r##"href="#main""##), "{path}: {html}");
    }
}

#[test]
fn media_and_assets_are_served_with_types_sizes_and_long_caching() {
    let (_data, server) = served_fixture();
    let (_, html) = get(&server.url("/articles/lake-towns-move"));
    let src = html.split(r#"src="/media/"#).nth(1).unwrap();
    let key = &src[..src.find('"').unwrap()];
    let (status, headers, _) = get_with_cookie(&server.url(&format!("/media/{key}")), None);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("image/jpeg"));
    assert!(header(&headers, "cache-control").unwrap().contains("immutable"));
    let css = html.split(r#"href="/assets/site."#).nth(1).unwrap();
    let css = format!("/assets/site.{}", &css[..css.find('"').unwrap()]);
    let (status, headers, body) = get_with_cookie(&server.url(&css), None);
    assert_eq!(status, 200, "{css}");
    assert_eq!(header(&headers, "content-type"), Some("text/css; charset=utf-8"));
    assert!(header(&headers, "cache-control").unwrap().contains("max-age=31536000"));
    assert!(body.contains("prefers-color-scheme: dark"), "dark mode follows the system");
    let (_, headers, _) = get_with_cookie(&server.url("/"), None);
    assert!(header(&headers, "content-security-policy").unwrap().contains("script-src 'self'"));
}

#[test]
fn the_text_size_switch_works_without_javascript() {
    let (_data, server) = served_fixture();
    let (status, headers, _) =
        get_with_cookie(&server.url("/text-size?size=lg&back=%2Farticles%2Flake-towns-move"), None);
    assert_eq!(status, 303);
    assert_eq!(header(&headers, "location"), Some("/articles/lake-towns-move"));
    let cookie = header(&headers, "set-cookie").unwrap();
    assert!(cookie.starts_with("dateline_text_size=lg") && cookie.contains("Max-Age=31536000"), "{cookie}");
    let (_, _, html) = get_with_cookie(&server.url("/articles/lake-towns-move"), Some("dateline_text_size=lg"));
    assert!(html.contains(r#"class="ts-lg""#), "the size is applied");
    let lg_link = html.split("/text-size?size=lg").nth(1).unwrap();
    assert!(lg_link[..lg_link.find('>').unwrap()].contains(r#"aria-current="true""#), "the current size is marked");
    // The switch never sends a reader to another site.
    let (_, headers, _) = get_with_cookie(&server.url("/text-size?size=sm&back=https://evil.example/"), None);
    assert_eq!(header(&headers, "location"), Some("/"));
}

#[test]
fn the_breaking_strip_appears_on_a_running_server_and_expires() {
    let (data, server) = served_fixture();
    let data_arg = data.path().to_str().unwrap();
    let (_, before) = get(&server.url("/"));
    assert!(!before.contains("Polls have closed"));

    let out = dateline(&[
        "breaking",
        "set",
        "Polls have closed",
        "--link",
        "/articles/lake-towns-move",
        "--until",
        "3s",
        "--data",
        data_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out));
    support::within_a_second("the strip from the CLI", || get(&server.url("/")).1.contains("Polls have closed"));
    for path in ["/", "/articles/older", "/sections/world", "/no-such-page"] {
        let (_, html) = get(&server.url(path));
        assert_in_order(&html, &[r##"href="#search""##, "Polls have closed", "<header"]);
        assert!(html.contains(r#"href="/articles/lake-towns-move""#), "{path}");
    }
    std::thread::sleep(Duration::from_millis(3500));
    let (_, after) = get(&server.url("/"));
    assert!(!after.contains("Polls have closed"), "the strip lowers itself at its expiry");

    let out = dateline(&["breaking", "set", "Second strip", "--data", data_arg]);
    assert!(out.status.success(), "{}", text(&out));
    support::within_a_second("a new strip", || get(&server.url("/")).1.contains("Second strip"));
    let out = dateline(&["breaking", "clear", "--data", data_arg]);
    assert!(out.status.success());
    support::within_a_second("the strip lowered", || !get(&server.url("/")).1.contains("Second strip"));
}

#[test]
fn bad_commands_explain_themselves_and_change_nothing() {
    let data = tempfile::tempdir().unwrap();
    let data_arg = data.path().to_str().unwrap();
    let out = dateline(&["breaking", "set", "Text", "--link", "javascript:alert(1)", "--data", data_arg]);
    assert!(!out.status.success());
    assert!(text(&out).contains("the link must be a site path"), "{}", text(&out));
    let out = dateline(&["breaking", "set", "Text", "--until", "last tuesday", "--data", data_arg]);
    assert!(text(&out).contains("--until"), "{}", text(&out));
    let out = dateline(&["breaking", "show", "--data", data_arg]);
    assert!(text(&out).contains("No breaking-news strip is up"), "{}", text(&out));

    let full = tempfile::tempdir().unwrap();
    std::fs::write(full.path().join("holiday.jpg"), b"x").unwrap();
    let out = dateline(&["demo", "--data", full.path().to_str().unwrap(), "--listen", "127.0.0.1:0"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("is not empty and is not a Dateline data folder"), "{}", text(&out));
    assert_eq!(std::fs::read_dir(full.path()).unwrap().count(), 1, "nothing written");

    let out = dateline(&["import", "/no/such/folder", "--data", data_arg]);
    assert!(!out.status.success() && text(&out).contains("is not a folder"), "{}", text(&out));
    for command in ["serve", "demo", "import", "breaking"] {
        let out = dateline(&[command, "--help"]);
        assert!(out.status.success() && text(&out).contains("--data"), "{command} --help");
    }
}

#[test]
fn a_theme_overrides_templates_file_by_file_and_failures_get_the_500_page() {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", data.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let theme = tempfile::tempdir().unwrap();
    std::fs::write(
        theme.path().join("home.html"),
        r#"{% extends "base.html" %}{% block main %}<p>Custom theme home</p>{% endblock %}"#,
    )
    .unwrap();
    // Compiles, but fails while rendering: the reader must get the 500 page.
    std::fs::write(theme.path().join("section.html"), r#"{{ asset("no-such-file.css") }}"#).unwrap();
    let server =
        Server::start_with_env("serve", data.path(), &[("DATELINE_THEME_DIR", theme.path().to_str().unwrap())]);
    let (status, home) = get(&server.url("/"));
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("Custom theme home") && home.contains(r##"href="#main""##), "{home}");
    let (status, article) = get(&server.url("/articles/lake-towns-move"));
    assert_eq!(status, 200, "templates the theme does not override stay built in");
    assert!(article.contains("Lake towns move"));
    let (status, broken) = get(&server.url("/sections/world"));
    assert_eq!(status, 500);
    assert!(broken.contains("Something went wrong") && broken.contains(r##"href="#main""##), "{broken}");
}

#[test]
fn a_theme_with_a_syntax_error_is_refused_at_start() {
    let data = tempfile::tempdir().unwrap();
    let theme = tempfile::tempdir().unwrap();
    std::fs::write(theme.path().join("article.html"), "{% if %}").unwrap();
    let out = std::process::Command::new(support::bin())
        .args(["serve", "--data", data.path().to_str().unwrap(), "--listen", "127.0.0.1:0"])
        .env("DATELINE_THEME_DIR", theme.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out).contains("template article.html"), "{}", text(&out));
}
