//! `dateline demo`: the sample newsroom a new user sees first.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::collections::BTreeSet;

use dateline_core::ContributorKind;
use dateline_store::{ArticleQuery, SqliteStore, Store};
use support::{Server, assert_in_order, get};

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_seeds_a_whole_newsroom_once_and_serves_it() {
    let data = tempfile::tempdir().unwrap();
    // Narration on, as `make demo` runs it.
    let server = Server::start_with_env("demo", data.path(), &[("DATELINE_WORKERS", "2")]);

    let store = SqliteStore::open(data.path()).await.unwrap();
    let live = store.list_articles(&ArticleQuery::latest(jiff::Timestamp::now(), 100)).await.unwrap();
    assert!(live.total >= 12, "at least 12 articles, got {}", live.total);
    let sections: BTreeSet<_> = live.items.iter().map(|a| a.section.clone()).collect();
    assert!(sections.len() >= 3, "articles in at least 3 sections: {sections:?}");
    assert!(live.items.iter().all(|a| a.lead_image.is_some()), "every sample article has a picture");

    let mut contributors = BTreeSet::new();
    let mut desks = 0;
    for a in &live.items {
        for c in store.article(a.slug.as_str()).await.unwrap().unwrap().contributors {
            if contributors.insert(c.clone()) {
                let c = store.contributor(c.as_str()).await.unwrap().unwrap();
                desks += usize::from(c.kind == ContributorKind::Desk);
            }
        }
    }
    assert!(contributors.len() >= 4 && desks >= 1, "{} contributors, {desks} desks", contributors.len());

    // The top story uses every part of the article page.
    let top = &live.items[0];
    let (status, html) = get(&server.url(&format!("/articles/{}", top.slug)));
    assert_eq!(status, 200);
    assert_in_order(
        &html,
        &[
            r##"href="#main""##,
            r#"class="breaking"#,
            "<h1",
            "<time datetime=",
            "<figure",
            "<figcaption",
            r#"id="summary-heading""#,
            "<h2>",
            r#"<figure class="quote">"#,
            r#"<figure class="inline-image">"#,
            "<li>",
            "/contributors/",
            "/text-size?size=lg",
        ],
    );
    let article = store.article(top.slug.as_str()).await.unwrap().unwrap();
    assert!(article.dek.is_some() && article.dateline.is_some() && article.updated.is_some());
    assert!(article.summary.len() >= 3 && !article.tags.is_empty());
    let kinds: BTreeSet<_> =
        store.contributors(&article.contributors).await.unwrap().iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds.len(), 2, "the top story credits a person and a desk");

    // The newest story is narrated first, within moments of the start.
    let started = std::time::Instant::now();
    let top_url = server.url(&format!("/articles/{}", top.slug));
    while !get(&top_url).1.contains("<audio") {
        assert!(started.elapsed().as_secs() < 240, "the top story was not narrated within 240 s");
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let (_, narrated) = get(&top_url);
    assert!(narrated.contains("Listen · ") && narrated.contains("This audio is automated"), "{narrated}");

    // A second start serves the same newsroom instead of seeding again.
    drop(server);
    let again = Server::start("demo", data.path());
    let (_, home) = get(&again.url("/"));
    assert!(home.contains(&format!("/articles/{}", top.slug)));
    let after = store.list_articles(&ArticleQuery::latest(jiff::Timestamp::now(), 100)).await.unwrap();
    assert_eq!(after.total, live.total);
}
