//! The webhook outbox on a real SQLite file: events written by triggers in
//! the article's own transaction, only for real changes, in order per
//! article, with announcements of scheduled articles held until they are live.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use dateline_core::markdown::{NoImages, render};
use dateline_core::{Article, Contributor, ContributorKind, Language, Section, Status};
use dateline_store::{SqliteStore, Store, Webhooks};
use jiff::{SignedDuration, Timestamp};

#[allow(dead_code)] // Each test file uses a part of them.
mod fixtures;
use fixtures::slug;

fn article(s: &str, headline: &str, status: Status, published: Option<Timestamp>) -> Article {
    Article {
        slug: slug(s),
        language: Language::english(),
        section: slug("world"),
        tags: vec![],
        headline: headline.into(),
        dek: None,
        dateline: None,
        summary: vec![],
        lead_image: None,
        body: render("Body.", &NoImages).unwrap(),
        contributors: vec![slug("desk")],
        status,
        published: published.map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC)),
        updated: None,
    }
}

async fn setup() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    let section = Section { slug: slug("world"), name: "World".into(), language: Language::english(), position: 0 };
    store.save_section(&section).await.unwrap();
    let desk = Contributor {
        slug: slug("desk"),
        name: "Desk".into(),
        kind: ContributorKind::Desk,
        bio: String::new(),
        photo: None,
    };
    store.save_contributor(&desk).await.unwrap();
    let all = ["publish", "update", "unpublish"].map(String::from);
    store.add_webhook("http://127.0.0.1:9/hook", &all, "secret").await.unwrap();
    (dir, store)
}

/// Claims and finishes every due delivery; returns their events.
async fn drain(store: &SqliteStore, now: Timestamp) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    while let Some(d) = store.claim_delivery(now).await.unwrap() {
        seen.push((d.event.clone(), d.headline.clone()));
        store.finish_delivery(d.id).await.unwrap();
    }
    seen
}

#[tokio::test]
async fn changes_become_events_in_order_and_only_real_changes_count() {
    let (_dir, store) = setup().await;

    let now = Timestamp::now();
    let live = |h: &str| article("a", h, Status::Published, Some(now - SignedDuration::from_hours(1)));
    store.save_article(&article("a", "Draft", Status::Draft, None)).await.unwrap();
    store.save_article(&live("One")).await.unwrap();
    store.save_article(&live("One")).await.unwrap(); // the same again: no event
    store.save_article(&live("Two")).await.unwrap();
    // The update waits while the publish is being sent (in order per article).
    let first = store.claim_delivery(now).await.unwrap().unwrap();
    assert_eq!((first.event.as_str(), first.headline.as_str()), ("publish", "One"));
    assert!(store.claim_delivery(now).await.unwrap().is_none(), "not before the publish is done");
    store.fail_delivery(first.id, "HTTP 500", Some(now)).await.unwrap();
    let again = store.claim_delivery(now).await.unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (first.id, 2), "the same delivery, retried first");
    store.finish_delivery(again.id).await.unwrap();
    store.save_article(&article("a", "Two", Status::Unpublished, None)).await.unwrap();
    assert_eq!(drain(&store, now).await, [("update".into(), "Two".into()), ("unpublish".into(), "Two".into())]);
    let listed = store.deliveries(10).await.unwrap();
    assert_eq!(listed.len(), 3);
    assert!(listed.iter().all(|d| d.state == "done"));
}

#[tokio::test]
async fn a_scheduled_article_is_announced_when_live_and_never_if_withdrawn_first() {
    let (_dir, store) = setup().await;
    let now = Timestamp::now();
    let later = now + SignedDuration::from_hours(2);
    store.save_article(&article("s", "Soon", Status::Published, Some(later))).await.unwrap();
    assert!(drain(&store, now).await.is_empty(), "not due before it is live");
    assert_eq!(drain(&store, later).await, [("publish".into(), "Soon".into())]);

    store.save_article(&article("w", "Withdrawn", Status::Published, Some(later))).await.unwrap();
    store.save_article(&article("w", "Withdrawn", Status::Draft, None)).await.unwrap();
    assert!(drain(&store, later).await.is_empty(), "readers never saw it: no publish, no unpublish");
    let states: Vec<String> = store.deliveries(10).await.unwrap().into_iter().map(|d| d.state).collect();
    assert!(states.contains(&"cancelled".to_owned()), "{states:?}");
}

#[tokio::test]
async fn a_removed_subscription_takes_its_deliveries_and_a_dead_process_is_resumed() {
    let (_dir, store) = setup().await;
    let now = Timestamp::now();
    store.save_article(&article("a", "One", Status::Published, Some(now))).await.unwrap();
    let claimed = store.claim_delivery(now).await.unwrap().unwrap();
    // The process dies while sending: at start the delivery is queued again.
    assert_eq!(store.requeue_interrupted_deliveries().await.unwrap(), 1);
    assert_eq!(store.claim_delivery(now).await.unwrap().unwrap().id, claimed.id);
    let hook = store.webhooks().await.unwrap()[0].id;
    assert!(store.remove_webhook(hook).await.unwrap());
    assert!(store.deliveries(10).await.unwrap().is_empty());
    assert!(!store.remove_webhook(hook).await.unwrap());
    assert!(store.add_webhook("http://x.test/", &["publish".into(), "delete".into()], "s").await.is_err());
}
