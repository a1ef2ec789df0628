//! Search end to end: the real binary imports and serves; readers search
//! through `/search` as a browser without JavaScript does; the index follows
//! the newsroom and other processes, and `dateline reindex` rebuilds it.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::newsroom::{PASSWORD, article_fields, newsroom_with_content, sign_in};
use support::{Server, assert_in_order, dateline, get, text, within_a_second};

/// A content folder (the fixture's sections and desk) with these articles: (file stem, front matter extra, body).
fn content(articles: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("sections.toml"),
        "[[section]]\nslug = \"world\"\nname = \"World\"\nlanguage = \"en\"\n\n\
         [[section]]\nslug = \"pashto\"\nname = \"پښتو\"\nlanguage = \"ps\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("contributors")).unwrap();
    std::fs::write(
        root.join("contributors/lakeside-desk.toml"),
        "slug = \"lakeside-desk\"\nname = \"Lakeside Desk\"\nkind = \"desk\"\nbio = \"The regional desk.\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("articles")).unwrap();
    for (stem, front, body) in articles {
        std::fs::write(
            root.join(format!("articles/{stem}.md")),
            format!("+++\nsection = \"world\"\ncontributors = [\"lakeside-desk\"]\n{front}\n+++\n\n{body}\n"),
        )
        .unwrap();
    }
    dir
}

fn import(data: &Path, folder: &Path) {
    let out = dateline(&["import", folder.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
}

fn search(server: &Server, query: &str) -> (u16, String) {
    get(&server.url(&format!("/search?q={query}")))
}

/// The article links of a results page, in order.
fn found(html: &str) -> Vec<String> {
    let results = html.split(r#"class="search-results""#).nth(1).unwrap_or("");
    results
        .split(r#"<h3 class="teaser__headline"><a href="/articles/"#)
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_owned())
        .collect()
}

fn percent(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[test]
fn readers_find_stemmed_words_headlines_first_with_safe_snippets_and_pages() {
    let mut articles = vec![
        (
            "vote-headline",
            "headline = \"Elections called for March\"\npublished = 2026-11-10T08:00:00Z",
            "The council agreed on a date.",
        ),
        (
            "vote-body",
            "headline = \"Council news\"\npublished = 2026-11-15T08:00:00Z",
            "The election date is set. Election posters went up and the election office opened.",
        ),
        (
            "script-text",
            "headline = \"Web page trouble\"\npublished = 2026-11-12T08:00:00Z",
            "The page showed `<script>alert(1)</script>` to readers & editors.",
        ),
    ];
    let harbours: Vec<(String, String)> = (1..=25)
        .map(|n| {
            (format!("harbour-{n}"), format!("headline = \"Harbour report {n}\"\npublished = 2026-11-01T08:{n:02}:00Z"))
        })
        .collect();
    articles.extend(harbours.iter().map(|(stem, front)| (stem.as_str(), front.as_str(), "Boats in the harbour.")));
    let folder = content(&articles);
    let data = tempfile::tempdir().unwrap();
    import(data.path(), dateline_import::fixtures::prepare("good").unwrap().path());
    import(data.path(), folder.path());
    let server = Server::start("serve", data.path());

    // "elections" finds "election" (stemmed); the headline match ranks first
    // although the other is newer and says it three times.
    let (status, html) = search(&server, "elections");
    assert_eq!(status, 200, "{html}");
    assert_eq!(found(&html), ["vote-headline", "vote-body"]);
    assert!(html.contains("2 articles match “elections”"), "{html}");
    assert!(html.contains("<mark>election</mark>"), "highlighted: {html}");
    // Operators are words or nothing: these all answer with a page.
    for query in ["elections%20AND", "%22elections", "(elections", "-elections+%2B", "title%3Aelections", "*", "%00%1B"]
    {
        let (status, html) = search(&server, query);
        assert_eq!(status, 200, "{query}: {html}");
    }
    assert_eq!(found(&search(&server, "%22council+news%22+OR").1), Vec::<String>::new(), "OR is only a word");
    assert_eq!(found(&search(&server, "(council)+%22news%22").1), ["vote-body"]);
    let (status, html) = search(&server, &"election+".repeat(1_250));
    assert_eq!((status, found(&html).len()), (200, 2), "10,000 characters are cut, not refused");

    // The body's `<script>` comes back as text; only <mark> is markup.
    let (_, html) = search(&server, "script");
    assert_eq!(found(&html), ["script-text"]);
    assert!(
        html.contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; to readers &amp; editors"),
        "{html}"
    );
    assert!(!html.contains("<script>alert"), "{html}");

    // A word in Pashto script, in an article in Pashto.
    let (_, html) = search(&server, &percent("باران"));
    assert_eq!(found(&html), ["river-rises-ps"]);

    // Invalid UTF-8: a clear page, not a guess.
    let (status, html) = search(&server, "%FF");
    assert_eq!(status, 400);
    assert!(html.contains("Those search words could not be read"), "{html}");

    // Paging without JavaScript: 25 results, 20 and 5, then not found.
    let (_, first) = search(&server, "harbour");
    assert!(first.contains("25 articles match"), "{first}");
    assert_eq!(found(&first).len(), 20);
    assert_eq!(found(&first)[0], "harbour-25", "equal scores: newest first");
    assert!(
        first.contains(r#"href="/search?q=harbour&amp;page=2""#)
            || first.contains(r#"href="/search?q=harbour&page=2""#)
    );
    let (status, second) = search(&server, "harbour&page=2");
    assert_eq!((status, found(&second).len()), (200, 5));
    assert_eq!(found(&second)[4], "harbour-1");
    assert_eq!(search(&server, "harbour&page=3").0, 404, "past the end");
    assert_eq!(found(&search(&server, "harbour&page=abc").1).len(), 20, "a strange page number means the first");
    let (status, nothing) = search(&server, "zebra");
    assert_eq!((status, found(&nothing).len()), (200, 0));
    assert!(nothing.contains("No articles match “zebra”"), "{nothing}");
}

#[test]
fn the_index_follows_the_newsroom_other_processes_and_the_clock() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();

    // Publish, edit, unpublish: each search sees the store as it is now.
    let fields = article_fields(&csrf, "0", "publish", "Ferry timetable", "The ferry leaves at dawn.");
    assert_eq!(eda.post(&server.url("/newsroom/articles/new"), &fields).status, 303);
    assert_eq!(found(&search(&server, "dawn").1), ["ferry-timetable"]);
    let fields = article_fields(&csrf, "1", "publish", "Ferry timetable", "The ferry leaves at noon.");
    assert_eq!(eda.post(&server.url("/newsroom/articles/ferry-timetable"), &fields).status, 303);
    assert_eq!(found(&search(&server, "dawn").1), Vec::<String>::new(), "the old text is forgotten");
    assert_eq!(found(&search(&server, "noon").1), ["ferry-timetable"]);
    let fields = article_fields(&csrf, "2", "unpublish", "Ferry timetable", "The ferry leaves at noon.");
    assert_eq!(eda.post(&server.url("/newsroom/articles/ferry-timetable"), &fields).status, 303);
    assert_eq!(found(&search(&server, "noon").1), Vec::<String>::new(), "unpublished: not found");

    // An import by another process while the server runs.
    assert_eq!(found(&search(&server, "kiln").1), Vec::<String>::new());
    let folder = content(&[(
        "kiln-fire",
        "headline = \"Kiln fire in the old town\"\npublished = 2026-11-01T08:00:00Z",
        "Smoke.",
    )]);
    import(data.path(), folder.path());
    within_a_second("the imported article is found", || found(&search(&server, "kiln").1) == ["kiln-fire"]);

    // Scheduled a few seconds ahead: found only from then on (the cached
    // empty result is not kept past the publication time).
    let at = (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3)).to_string();
    let mut fields = article_fields(&csrf, "0", "publish", "Glacier retreat measured", "Ice.");
    fields.retain(|(k, _)| *k != "publish_at");
    fields.push(("publish_at", &at));
    assert_eq!(eda.post(&server.url("/newsroom/articles/new"), &fields).status, 303);
    assert_eq!(found(&search(&server, "glacier").1), Vec::<String>::new(), "not yet");
    let deadline = Instant::now() + Duration::from_secs(10);
    while found(&search(&server, "glacier").1) != ["glacier-retreat-measured"] {
        assert!(Instant::now() < deadline, "the scheduled article was not found after its time");
        std::thread::sleep(Duration::from_millis(200));
    }

    // One process holds the index: reindex says why it cannot run beside a server.
    let out = dateline(&["reindex", "--data", d]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("held by a running Dateline server"), "{}", text(&out));

    // Without the server, reindex rebuilds it from nothing, and a new server uses it.
    server.kill_9();
    std::fs::remove_dir_all(data.path().join("search")).unwrap();
    let out = dateline(&["reindex", "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    // The fixture's three, the kiln fire and the glacier.
    assert!(text(&out).contains("Indexed 5 published articles"), "{}", text(&out));
    let server = Server::start("serve", data.path());
    assert_eq!(found(&search(&server, "kiln").1), ["kiln-fire"]);
    assert_in_order(&search(&server, "water").1, &["/articles/lake-towns-move"]);
}

#[test]
fn reindex_explains_a_data_folder_it_cannot_use() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let out = dateline(&["reindex", "--data", file.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out).contains("cannot open the data folder"), "{}", text(&out));
}
