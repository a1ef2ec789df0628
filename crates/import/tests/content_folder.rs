//! Importing the fixture folders into a real store.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use dateline_import::{ImportOptions, ImportReport, fixtures, import_folder};
use dateline_store::{ArticleQuery, SqliteStore, Store};
use jiff::Timestamp;

async fn import(store: &SqliteStore, root: &std::path::Path) -> ImportReport {
    import_folder(store, root, &ImportOptions::default(), &mut |_| {}).await.unwrap()
}

fn now() -> Timestamp {
    "2026-11-24T12:00:00Z".parse().unwrap()
}

#[tokio::test]
async fn imports_a_complete_folder() {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(data.path()).await.unwrap();
    let report = import(&store, content.path()).await;
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.sections, report.contributors, report.articles_created), (2, 2, 4));

    let flood = store.article("lake-towns-move").await.unwrap().unwrap();
    assert_eq!(flood.summary.len(), 3);
    assert_eq!(flood.contributors.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["amara-osei", "lakeside-desk"]);
    assert_eq!(flood.published.as_ref().unwrap().time_zone().iana_name(), Some("Africa/Nairobi"));
    let html = flood.body.html();
    assert!(html.contains("<h2>What happened</h2>"), "{html}");
    assert!(html.contains("<figure class=\"quote\">"), "{html}");
    assert!(html.contains(r#"<figure class="inline-image"><img src="/media/"#), "{html}");
    assert!(html.contains(r#"width="160" height="90""#), "{html}");
    let lead = store.media(&flood.lead_image.unwrap().media).await.unwrap().unwrap();
    assert_eq!((lead.width, lead.height, lead.content_type.as_str()), (320, 180, "image/jpeg"));

    let amara = store.contributor("amara-osei").await.unwrap().unwrap();
    let photo = store.media(&amara.photo.unwrap()).await.unwrap().unwrap();
    assert_eq!((photo.width, photo.height), (200, 112), "contributor photos are cropped to 16:9");

    let rtl = store.article("river-rises-ps").await.unwrap().unwrap();
    assert_eq!(rtl.language.as_str(), "ps", "the section's language is the default");

    let live = store.list_articles(&ArticleQuery::latest(now(), 10)).await.unwrap();
    assert_eq!(live.total, 3, "the draft stays out of the site");
}

#[tokio::test]
async fn importing_again_updates_instead_of_duplicating() {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(data.path()).await.unwrap();
    import(&store, content.path()).await;
    let older = content.path().join("articles/world/older.md");
    let text = std::fs::read_to_string(&older).unwrap().replace("record catch", "a record catch");
    std::fs::write(&older, text).unwrap();
    let again = import(&store, content.path()).await;
    assert_eq!((again.articles_created, again.articles_updated), (0, 4));
    assert_eq!(store.list_articles(&ArticleQuery::latest(now(), 10)).await.unwrap().total, 3);
    let edited = store.article("older").await.unwrap().unwrap();
    assert!(edited.headline.contains("a record catch"));
}

#[tokio::test]
async fn every_broken_file_is_reported_and_nothing_of_it_is_stored() {
    let content = fixtures::prepare("bad").unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(data.path()).await.unwrap();
    let report = import(&store, content.path()).await;
    let text: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    let find =
        |path: &str| -> String { text.iter().filter(|l| l.starts_with(path)).cloned().collect::<Vec<_>>().join("\n") };
    let expect = |path: &str, needle: &str| {
        let lines = find(path);
        assert!(lines.contains(needle), "{path}: expected '{needle}' in:\n{lines}\n\nall:\n{}", text.join("\n"));
    };
    expect("articles/malformed.md:3:", "front matter");
    expect("articles/unknown-key.md:6:", "unknown field `author`");
    expect("articles/missing-alt.md", "alt text is required");
    expect("articles/unknown-contributor.md", "'nobody-here' is not a contributor");
    expect("articles/dup-b.md", "'same-slug' is already used by articles/dup-a.md");
    expect("articles/bad-date.md", "'2026-13-45T08:00:00Z' is not a date and time");
    expect("articles/fake-image.md", "is not a JPEG, PNG, WebP or GIF image");
    expect("articles/huge-image.md", "images are at most");
    expect("articles/bad-utf8.md:2:", "not valid UTF-8");
    expect("contributors/broken.toml", "kind must be \"person\" or \"desk\"");
    assert_eq!(report.files_with_problems(), 10, "{}", text.join("\n"));

    // The good files were imported, hostile HTML cleaned on the way in.
    assert_eq!(report.articles_created, 3);
    for slug in ["good", "same-slug", "hostile"] {
        assert!(store.article(slug).await.unwrap().is_some(), "{slug}");
    }
    assert_eq!(store.article("same-slug").await.unwrap().unwrap().headline, "First with the slug");
    let hostile = store.article("hostile").await.unwrap().unwrap();
    for banned in ["<script", "alert(", "onerror", "javascript:"] {
        assert!(!hostile.body.html().contains(banned), "{banned} in {}", hostile.body.html());
    }
    // Nothing of the broken ones: no articles, no media beyond the good files'.
    for slug in
        ["malformed", "unknown-key", "missing-alt", "unknown-contributor", "bad-date", "fake-image", "huge-image"]
    {
        assert!(store.article(slug).await.unwrap().is_none(), "{slug}");
    }
    assert!(store.contributor("broken").await.unwrap().is_none());
    let media_files = std::fs::read_dir(store.media_files().dir()).unwrap().count();
    assert_eq!(media_files, 0, "no media from refused files");
}

#[tokio::test]
async fn a_missing_folder_is_an_error() {
    let data = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(data.path()).await.unwrap();
    let err =
        import_folder(&store, &data.path().join("nope"), &ImportOptions::default(), &mut |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("is not a folder"));
}
