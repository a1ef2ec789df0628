//! Revisions and optimistic concurrency on a real SQLite file.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use dateline_core::markdown::{NoImages, render};
use dateline_core::{Article, Contributor, ContributorKind, Language, Role, Section, Status};
use dateline_store::accounts::NewUser;
use dateline_store::editorial::{KeptDraft, SaveRefused};
use dateline_store::{Accounts, Editorial, SqliteStore, Store};

#[allow(dead_code)] // Each test file uses a part of them.
mod fixtures;
use fixtures::slug;

fn article(s: &str, headline: &str) -> Article {
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
        status: Status::Draft,
        published: None,
        updated: None,
    }
}

async fn setup() -> (tempfile::TempDir, SqliteStore, i64) {
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
    let user = NewUser { email: "a@x.news".into(), name: "Aki".into(), role: Role::Author, password_hash: None };
    let id = store.create_user(user).await.unwrap().id;
    (dir, store, id)
}

#[tokio::test]
async fn every_save_is_a_revision_and_stale_saves_are_refused() {
    let (_dir, store, me) = setup().await;

    assert_eq!(store.save_revision(None, &article("a", "One"), "{\"headline\":\"One\"}", me, 0).await.unwrap(), Ok(1));
    assert_eq!(
        store.save_revision(Some("a"), &article("a", "Two"), "{\"headline\":\"Two\"}", me, 1).await.unwrap(),
        Ok(2)
    );
    // Someone else still editing revision 1 is refused, and nothing changes.
    let stale = store.save_revision(Some("a"), &article("a", "Stale"), "{}", me, 1).await.unwrap();
    assert_eq!(stale, Err(SaveRefused::Conflict { current: 2 }));
    assert_eq!(store.article("a").await.unwrap().unwrap().headline, "Two");

    let row = store.editorial("a").await.unwrap().unwrap();
    assert_eq!((row.revision, row.owner_id, row.owner_name.as_deref()), (2, Some(me), Some("Aki")));
    let history = store.revisions("a").await.unwrap();
    assert_eq!(history.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(store.revision_draft("a", 1).await.unwrap().as_deref(), Some("{\"headline\":\"One\"}"));
    assert_eq!(store.newsroom_articles(Some(me)).await.unwrap().len(), 1);
    assert_eq!(store.newsroom_articles(Some(me + 1)).await.unwrap().len(), 0);
}

#[tokio::test]
async fn slugs_stay_unique_through_new_articles_and_renames() {
    let (_dir, store, me) = setup().await;
    store.save_revision(None, &article("a", "A"), "{}", me, 0).await.unwrap().unwrap();
    store.save_revision(None, &article("b", "B"), "{}", me, 0).await.unwrap().unwrap();
    assert_eq!(
        store.save_revision(None, &article("a", "Another A"), "{}", me, 0).await.unwrap(),
        Err(SaveRefused::SlugTaken)
    );
    assert_eq!(
        store.save_revision(Some("b"), &article("a", "B as A"), "{}", me, 1).await.unwrap(),
        Err(SaveRefused::SlugTaken)
    );
    assert_eq!(store.save_revision(Some("b"), &article("b-renamed", "B"), "{}", me, 1).await.unwrap(), Ok(2));
    assert!(store.article("b").await.unwrap().is_none());
    assert_eq!(store.revisions("b-renamed").await.unwrap().len(), 2, "history follows the rename");
}

#[tokio::test]
async fn kept_drafts_are_handed_back_once_for_their_editor_and_expire() {
    let (_dir, store, _) = setup().await;
    let now = jiff::Timestamp::now();
    let hour = jiff::SignedDuration::from_hours(1);
    let kept =
        KeptDraft { path: "/newsroom/articles/a".into(), revision: 3, draft_json: "{\"body\":\"Mine.\"}".into() };
    assert!(store.keep_draft("t1", &kept, now, now - hour, 10).await.unwrap());
    assert_eq!(store.take_kept_draft("t1", "/newsroom/articles/b", now - hour).await.unwrap(), None, "other editor");
    assert_eq!(store.take_kept_draft("t2", &kept.path, now - hour).await.unwrap(), None, "other token");
    assert_eq!(store.take_kept_draft("t1", &kept.path, now - hour).await.unwrap(), Some(kept.clone()));
    assert_eq!(store.take_kept_draft("t1", &kept.path, now - hour).await.unwrap(), None, "handed back once");

    store.keep_draft("old", &kept, now - hour * 3, now - hour * 4, 10).await.unwrap();
    assert_eq!(store.take_kept_draft("old", &kept.path, now - hour).await.unwrap(), None, "too old to hand back");
    store.keep_draft("old2", &kept, now - hour * 3, now - hour * 4, 10).await.unwrap();
    store.keep_draft("new", &kept, now, now - hour, 10).await.unwrap();
    assert_eq!(
        store.take_kept_draft("old2", &kept.path, now - hour * 4).await.unwrap(),
        None,
        "forgotten by a later keep"
    );

    // A bounded number wait at once: the rest are not kept.
    assert!(store.keep_draft("second", &kept, now, now - hour, 2).await.unwrap());
    assert!(!store.keep_draft("third", &kept, now, now - hour, 2).await.unwrap());
    assert_eq!(store.take_kept_draft("third", &kept.path, now - hour).await.unwrap(), None);
}
