//! The lite edition end to end: the real binary serves the fixture (with a
//! narration, a correction, a breaking strip and a scheduled story) and the
//! sample newsroom; pages are checked as bytes on the wire and as Debian's
//! `w3m` text browser shows them.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use base64::Engine;
use dateline_core::Role;
use dateline_import::fixtures;
use dateline_store::accounts::NewUser;
use dateline_store::{Accounts, Editorial, SqliteStore};
use sha2::{Digest, Sha256};
use support::{Server, assert_in_order, dateline, get, get_with_cookie, header, text};

/// The most a typical lite article may cost on the wire, gzip-compressed.
const BUDGET: usize = 8 * 1024;
const CORRECTION: &str = "An earlier version said the boats came home on Monday; it was on Tuesday.";

/// The fixture, plus: a story scheduled for 2099, a narration of
/// `lake-towns-move` (eSpeak NG, as a worker would make it), a correction on
/// `older` and a breaking strip linking to `lake-towns-move`.
fn served_fixture() -> (tempfile::TempDir, Server) {
    let content = fixtures::prepare("good").unwrap();
    std::fs::write(
        content.path().join("articles/world/tomorrow.md"),
        "+++\nheadline = \"A story for tomorrow\"\nslug = \"tomorrow\"\nsection = \"world\"\n\
         published = 2099-01-01T06:00:00Z\ncontributors = [\"lakeside-desk\"]\n+++\n\nNot yet.\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    let config = data.path().join("voice.toml");
    std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-gb\"\n").unwrap();
    let out = dateline(&["narrate", "lake-towns-move", "--data", d, "--config", config.to_str().unwrap()]);
    assert!(out.status.success(), "narration failed:\n{}", text(&out));
    let out = dateline(&["breaking", "set", "Polls have closed", "--link", "/articles/lake-towns-move", "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = SqliteStore::open(data.path()).await.unwrap();
        let editor =
            NewUser { email: "eda@x.news".into(), name: "Eda".into(), role: Role::Editor, password_hash: None };
        let editor = store.create_user(editor).await.unwrap();
        assert!(store.add_correction("older", CORRECTION, editor.id, jiff::Timestamp::now()).await.unwrap());
    });
    let server = Server::start("serve", data.path());
    (data, server)
}

/// GET with extra headers, the body as the bytes that came over the wire.
fn get_bytes(url: &str, extra: &[(&str, &str)]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let mut request = agent.get(url);
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    let mut response = request.call().unwrap();
    let headers =
        response.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    (response.status().as_u16(), headers, response.body_mut().read_to_vec().unwrap())
}

/// Every `href="…"` value in `html`, in order.
fn hrefs(html: &str) -> Vec<&str> {
    html.split(r#"href=""#).skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect()
}

/// The text between the first `start` in `html` and the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    Some(&html[from..from + html[from..].find(end)?])
}

/// Checks what every lite page must be, and returns its full twin's address.
fn assert_lite_page(path: &str, html: &str, headers: &[(String, String)]) -> String {
    assert!(html.starts_with("<!doctype html>\n<html lang=\""), "{path}: an HTML5 document with its language");
    assert!(html.contains(" dir=\"ltr\"") || html.contains(" dir=\"rtl\""), "{path}: its direction");
    for banned in ["<img", "<picture", "<script", "<svg", "<iframe", "<audio", "<video", "style=\"", "srcset"] {
        assert!(!html.contains(banned), "{path}: {banned} on a lite page\n{html}");
    }
    // The only <link> is the canonical one (no stylesheet to fetch), the only style inline.
    assert_eq!(html.matches("<link").count(), 1, "{path}: one <link>");
    let full = between(html, r#"<link rel="canonical" href=""#, "\"").expect("a canonical link").to_owned();
    assert!(!full.starts_with("/lite"), "{path}: the canonical address is the full page, not {full}");
    assert_eq!(html.matches("<style>").count(), 1, "{path}: one inline style");
    // The page's own policy allows that style by its hash, and nothing else.
    let style = between(html, "<style>", "</style>").unwrap();
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style));
    let policy = header(headers, "content-security-policy").unwrap();
    assert!(policy.starts_with("default-src 'none'; "), "{path}: {policy}");
    assert!(policy.contains(&format!("style-src 'sha256-{hash}'")), "{path}: the style's hash in {policy}");
    assert!(style.len() < 600, "{path}: a few lines of CSS, not {} bytes", style.len());
    // Links stay in the lite edition, except to the full twin and the narration's MP3.
    for href in hrefs(html) {
        if href.starts_with('/') {
            let allowed =
                href.starts_with("/lite/") || href == full || (href.starts_with("/media/") && href.ends_with(".mp3"));
            assert!(allowed, "{path}: a link out of the lite edition: {href}");
        }
    }
    assert!(html.contains(&format!(r#"<a href="{full}">Full version of this page</a>"#)), "{path}: {html}");
    full
}

#[test]
fn every_lite_page_is_text_only_and_links_only_to_lite_pages() {
    let (_data, server) = served_fixture();
    // Every page reachable from the lite home, following lite links only.
    let mut seen = BTreeSet::new();
    let mut queue = vec!["/lite/".to_owned()];
    while let Some(path) = queue.pop() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, headers, body) = get_bytes(&server.url(&path), &[]);
        assert_eq!(status, 200, "{path}");
        assert_eq!(header(&headers, "content-type"), Some("text/html; charset=utf-8"), "{path}");
        let html = String::from_utf8(body).unwrap();
        assert_lite_page(&path, &html, &headers);
        // Again, now from the page cache: the same page with its own policy.
        let (_, cached_headers, cached) = get_bytes(&server.url(&path), &[]);
        assert_eq!(String::from_utf8(cached).unwrap(), html, "{path} from the cache");
        assert_lite_page(&path, &html, &cached_headers);
        queue.extend(hrefs(&html).into_iter().filter(|h| h.starts_with("/lite/")).map(str::to_owned));
    }
    for path in [
        "/lite/",
        "/lite/sections/world",
        "/lite/sections/pashto",
        "/lite/articles/lake-towns-move",
        "/lite/articles/older",
        "/lite/articles/river-rises-ps",
    ] {
        assert!(seen.contains(path), "{path} is reachable from the lite home: {seen:?}");
    }
    assert!(!seen.iter().any(|p| p.contains("unfinished") || p.contains("tomorrow")), "{seen:?}");
    // The narration link is the real MP3.
    let (_, article) = get(&server.url("/lite/articles/lake-towns-move"));
    let mp3 = hrefs(&article).into_iter().find(|h| h.ends_with(".mp3")).expect("the narration's MP3");
    let (status, headers, _) = get_bytes(&server.url(mp3), &[]);
    assert_eq!((status, header(&headers, "content-type")), (200, Some("audio/mpeg")));
    // `/lite` goes to the lite home.
    let (status, headers, _) = get_bytes(&server.url("/lite"), &[]);
    assert_eq!((status, header(&headers, "location")), (308, Some("/lite/")));
}

#[test]
fn a_lite_article_has_the_whole_story_as_text_in_order() {
    let (_data, server) = served_fixture();
    let (status, html) = get(&server.url("/lite/articles/lake-towns-move"));
    assert_eq!(status, 200, "{html}");
    assert_in_order(
        &html,
        &[
            r#"<html lang="en" dir="ltr""#,
            r#"<link rel="canonical" href="/articles/lake-towns-move">"#,
            "<header>",
            r#"href="/lite/""#,
            // The breaking strip: one line, its link made lite.
            r#"<p><strong>Breaking:</strong> <a href="/lite/articles/lake-towns-move">Polls have closed</a></p>"#,
            "</header>",
            "<main>",
            r#"<a href="/lite/sections/world">World</a>"#,
            "<h1>Lake towns move to higher ground as water keeps rising</h1>",
            "Three villages have been evacuated and the main road is closed.",
            "By Amara Osei, Lakeside Desk",
            "KISUMU",
            r#"<time datetime="2026-11-20T05:30:00Z">20 November 2026, 08:30 EAT</time>"#,
            r#"Updated <time datetime="2026-11-21T10:00:00Z">"#,
            r#"type="audio/mpeg">Listen (MP3, "#,
            " min, ",
            " MB)</a> · This audio is automated",
            "[Image: The shore road at dawn on Thursday.]",
            "<h2>Key points</h2>",
            "<li>Water rose 40 cm in a week.</li>",
            "<li>Officials expect more rain until Friday.</li>",
            "<p>The water rose faster than the forecast said it would.</p>",
            "<h2>What happened</h2>",
            "We left with what we could carry.",
            "— Grace Atieno, farmer",
            "<figcaption>Boats replaced the buses on Thursday.</figcaption>",
            r#"href="https://example.org/notice""#,
            "<li>the church hall</li>",
            "</main>",
            "<footer>",
            r#"<nav aria-label="Sections">"#,
            r#"<a href="/lite/sections/world" aria-current="page">World</a>"#,
            r#"<a href="/articles/lake-towns-move">Full version of this page</a>"#,
        ],
    );
    assert_eq!(html.matches("<h1>").count(), 1, "one headline");
    assert!(
        !html.contains("Houses standing in brown water"),
        "the lead image's alt text describes a picture not shown"
    );
}

#[test]
fn corrections_are_shown_and_right_to_left_pages_mirror() {
    let (_data, server) = served_fixture();
    let (status, older) = get(&server.url("/lite/articles/older"));
    assert_eq!(status, 200);
    assert_in_order(
        &older,
        &[
            "<h1>Fishermen report record catch before the storm</h1>",
            r#"<h2 id="corrections">Correction</h2>"#,
            "<time datetime=",
            CORRECTION,
            "The boats came home full on Tuesday.",
        ],
    );
    assert!(!older.contains("Listen (MP3"), "no narration yet: no link to one");
    for path in ["/lite/articles/river-rises-ps", "/lite/sections/pashto"] {
        let (status, html) = get(&server.url(path));
        assert_eq!(status, 200);
        assert!(html.contains(r#"<html lang="ps" dir="rtl""#), "{path}: {html}");
        assert!(html.contains("د سيند اوبه لوړې شوې"), "{path}");
    }
    let (_, world) = get(&server.url("/lite/sections/world"));
    assert!(world.contains(r#"<html lang="en" dir="ltr""#));
    assert_in_order(&world, &["<h1>World</h1>", "/lite/articles/lake-towns-move", "/lite/articles/older"]);
}

#[test]
fn full_pages_and_lite_pages_link_to_their_twins() {
    let (_data, server) = served_fixture();
    for (full, lite) in [
        ("/", "/lite/"),
        ("/sections/world", "/lite/sections/world"),
        ("/sections/pashto", "/lite/sections/pashto"),
        ("/articles/lake-towns-move", "/lite/articles/lake-towns-move"),
        ("/articles/river-rises-ps", "/lite/articles/river-rises-ps"),
    ] {
        let (status, page) = get(&server.url(full));
        assert_eq!(status, 200, "{full}");
        assert!(page.contains(&format!(r#"<a href="{lite}">Text-only version</a>"#)), "{full} links to {lite}");
        let (status, headers, body) = get_bytes(&server.url(lite), &[]);
        assert_eq!(status, 200, "{lite}");
        let twin = assert_lite_page(lite, &String::from_utf8(body).unwrap(), &headers);
        assert_eq!(twin, full, "{lite} links back to its full page");
    }
    // The full site keeps its own policy.
    let (_, headers, _) = get_with_cookie(&server.url("/"), None);
    assert!(header(&headers, "content-security-policy").unwrap().contains("style-src 'self'"));
}

#[test]
fn unknown_unpublished_and_scheduled_lite_pages_are_not_found() {
    let (_data, server) = served_fixture();
    assert_eq!(get(&server.url("/articles/tomorrow")).0, 404, "scheduled: not found on the full site either");
    for path in [
        "/lite/articles/unfinished",
        "/lite/articles/tomorrow",
        "/lite/articles/nope",
        "/lite/sections/nope",
        "/lite/sections/world?page=99",
        "/lite/contributors/amara-osei",
        "/lite/search?q=boats",
        "/lite/no-such-page",
    ] {
        let (status, headers, body) = get_bytes(&server.url(path), &[]);
        assert_eq!(status, 404, "{path}");
        let html = String::from_utf8(body).unwrap();
        // The error page of a lite address is lite too, and points home.
        assert!(html.contains("<h1>Page not found</h1>") && html.contains(r#"<a href="/lite/">"#), "{path}: {html}");
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<link"), "{path}: {html}");
        assert!(header(&headers, "content-security-policy").unwrap().contains("style-src 'sha256-"), "{path}");
    }
}

/// Runs Debian's `w3m` on `html` and returns the text it shows.
fn w3m_dump(html: &str) -> String {
    let child = Command::new("/usr/bin/w3m")
        .args(["-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "100"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.unwrap_or_else(|e| {
        panic!("w3m cannot run ({e}): the text-browser test needs Debian's w3m at /usr/bin/w3m (`make setup`)")
    });
    child.stdin.take().unwrap().write_all(html.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "w3m failed: {}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_text_browser_reads_the_lite_article_in_order() {
    let (_data, server) = served_fixture();
    let (status, html) = get(&server.url("/lite/articles/lake-towns-move"));
    assert_eq!(status, 200);
    let shown = w3m_dump(&html);
    assert_in_order(
        &shown,
        &[
            "Dateline · Text-only edition",
            "Breaking: Polls have closed",
            "Lake towns move to higher ground as water keeps rising",
            "By Amara Osei, Lakeside Desk",
            "KISUMU · 20 November 2026, 08:30 EAT",
            "Listen (MP3, ",
            "This audio is automated",
            "Key points",
            "Water rose 40 cm in a week.",
            "About 1,200 people have left their homes.",
            "The water rose faster than the forecast said it would.",
            "What happened",
            "Families loaded boats with mattresses and goats.",
            "We left with what we could carry.",
            "Boats replaced the buses on Thursday.",
            "Read the official notice for the list of shelters:",
            "the church hall",
            "World · پښتو",
            "Full version of this page",
        ],
    );
    for leak in ["<", ">", "{", "}", "&amp;", "&#", "color-scheme", "font:", "sha256", "href"] {
        assert!(!shown.contains(leak), "'{leak}' leaks into the text:\n{shown}");
    }
}

#[test]
fn lite_articles_of_the_sample_newsroom_fit_the_size_budget() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start("demo", data.path());
    let (_, home) = get(&server.url("/lite/"));
    let articles: BTreeSet<&str> = hrefs(&home).into_iter().filter(|h| h.starts_with("/lite/articles/")).collect();
    assert!(articles.len() >= 12, "the lite home lists the sample articles: {articles:?}");
    let size = |path: &str| {
        let (status, headers, plain) = get_bytes(&server.url(path), &[]);
        assert_eq!(status, 200, "{path}");
        assert_lite_page(path, std::str::from_utf8(&plain).unwrap(), &headers);
        let (_, headers, body) = get_bytes(&server.url(path), &[("Accept-Encoding", "gzip")]);
        assert_eq!(header(&headers, "content-encoding"), Some("gzip"), "{path}: compressed on the wire");
        // The status line and headers travel too: "name: value\r\n" each.
        let head = "HTTP/1.1 200 OK\r\n\r\n".len() + headers.iter().map(|(k, v)| k.len() + v.len() + 4).sum::<usize>();
        (plain.len(), head + body.len())
    };
    // The longest article, narrated (its page then carries the Listen link too).
    let longest = articles.iter().copied().max_by_key(|path| size(path).0).unwrap();
    let slug = longest.trim_start_matches("/lite/articles/");
    let config = data.path().join("voice.toml");
    std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-gb\"\n").unwrap();
    let out =
        dateline(&["narrate", slug, "--data", data.path().to_str().unwrap(), "--config", config.to_str().unwrap()]);
    assert!(out.status.success(), "narration failed:\n{}", text(&out));
    assert!(get(&server.url(longest)).1.contains("Listen (MP3, "), "{longest} is narrated");
    for path in &articles {
        let (plain, wire) = size(path);
        if *path == longest {
            eprintln!(
                "{path}: {wire} bytes on the wire (gzip, headers included), {plain} bytes of HTML (the longest, narrated)"
            );
        }
        assert!(wire <= BUDGET, "{path}: {wire} bytes on the wire, over the {BUDGET}-byte budget");
        assert!(plain <= 2 * BUDGET, "{path}: {plain} bytes of HTML");
    }
    // Links between stories in the sample's bodies lead to lite pages.
    let linking = articles
        .iter()
        .filter(|path| {
            let html = get(&server.url(path)).1;
            html.split(r#"<a href="/lite/articles/"#).skip(1).any(|a| a[..a.find('>').unwrap()].contains("noopener"))
        })
        .count();
    assert!(linking >= 3, "{linking} sample articles link to other stories in their text");
    // The sample's correction and breaking strip reach the lite edition too.
    let (_, corrected) = get(&server.url("/lite/articles/kampala-mobile-money-outage"));
    assert!(corrected.contains(r#"<h2 id="corrections">Correction</h2>"#), "{corrected}");
    assert!(corrected.contains("<strong>Breaking:</strong> <a href=\"/lite/articles/"), "{corrected}");
}
