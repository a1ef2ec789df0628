//! The export's in-memory snapshot answers every read exactly as the SQLite
//! store it was loaded from, and refuses writes.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use std::sync::Arc;

use dateline_core::markdown::{self, NoImages};
use dateline_core::{Article, BreakingNews, Contributor, ContributorKind, Language, LeadImage, Role, Section, Status};
use dateline_store::accounts::NewUser;
use dateline_store::images::inspect;
use dateline_store::{Accounts, ArticleQuery, Editorial, NewMedia, NewNarration, SnapshotStore, SqliteStore, Store};
use jiff::{Timestamp, ToSpan};

#[allow(dead_code)] // Each test file uses a part of them.
mod fixtures;
use fixtures::{png, slug};

/// Articles across sections, bylines, tags, languages, times and statuses,
/// two of them at the same second (ordered by id).
async fn seeded() -> (tempfile::TempDir, Arc<SqliteStore>) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    for (i, (s, name)) in [("world", "World"), ("climate", "Climate"), ("empty", "Empty")].into_iter().enumerate() {
        let section = Section { slug: slug(s), name: name.into(), language: Language::english(), position: i as i64 };
        store.save_section(&section).await.unwrap();
    }
    for (s, name) in [("zed-ali", "Zed Ali"), ("amara-osei", "Amara Osei"), ("desk", "Desk")] {
        let c = Contributor {
            slug: slug(s),
            name: name.into(),
            kind: ContributorKind::Person,
            bio: "Bio.".into(),
            photo: None,
        };
        store.save_contributor(&c).await.unwrap();
    }
    let bytes = png();
    let image = store.put_media(NewMedia::image(bytes.clone(), inspect(&bytes).unwrap())).await.unwrap();
    let cases = [
        ("a", "world", "2026-11-18T08:00:00Z", Status::Published, vec!["rivers"], vec!["amara-osei"]),
        ("b", "climate", "2026-11-19T08:00:00Z", Status::Published, vec!["rivers", "heat"], vec!["zed-ali", "desk"]),
        ("c", "world", "2026-11-19T08:00:00Z", Status::Published, vec![], vec!["desk"]),
        ("d", "world", "2026-11-20T08:00:00Z", Status::Draft, vec!["rivers"], vec!["amara-osei"]),
        ("e", "climate", "2026-11-21T08:00:00Z", Status::Published, vec!["heat"], vec!["amara-osei"]),
        ("f", "world", "2026-12-25T08:00:00Z", Status::Published, vec!["rivers"], vec!["desk"]),
        ("g", "world", "2026-11-22T08:00:00Z", Status::Published, vec!["Rivers"], vec![]),
    ];
    for (i, (s, section, published, status, tags, bylines)) in cases.into_iter().enumerate() {
        let article = Article {
            slug: slug(s),
            language: if i % 3 == 2 { Language::parse("sw").unwrap() } else { Language::english() },
            section: slug(section),
            tags: tags.into_iter().map(str::to_owned).collect(),
            headline: format!("Headline {s}"),
            dek: (i % 2 == 0).then(|| "A dek.".to_owned()),
            dateline: None,
            summary: vec![],
            lead_image: (i % 2 == 1).then(|| LeadImage {
                media: image.key.clone(),
                alt: "Alt".into(),
                caption: None,
                credit: None,
            }),
            body: markdown::render("Body.", &NoImages).unwrap(),
            contributors: bylines.into_iter().map(slug).collect(),
            status,
            published: Some(dateline_core::time::parse_time(published, &jiff::tz::TimeZone::UTC).unwrap()),
            updated: None,
        };
        store.save_article(&article).await.unwrap();
    }
    let narration = NewNarration {
        audio: NewMedia::mp3(b"mp3".to_vec()),
        cues: NewMedia::webvtt("WEBVTT\n".into()),
        duration_ms: 1200,
        voice: "test".into(),
        sentences: 2,
    };
    store.save_narration("a", narration).await.unwrap();
    let editor = NewUser { email: "e@x.news".into(), name: "Ed".into(), role: Role::Editor, password_hash: None };
    let by = store.create_user(editor).await.unwrap().id;
    for (s, text, at) in [("b", "Second.", "2026-11-21T09:00:00Z"), ("b", "First.", "2026-11-20T09:00:00Z")] {
        assert!(store.add_correction(s, text, by, at.parse().unwrap()).await.unwrap());
    }
    assert!(store.add_correction("c", "Only.", by, "2026-11-20T10:00:00Z".parse().unwrap()).await.unwrap());
    let until: Timestamp = "2026-11-23T12:00:00Z".parse().unwrap();
    store.set_breaking(&BreakingNews { text: "Flood".into(), link: None, until }).await.unwrap();
    (dir, Arc::new(store))
}

#[tokio::test]
async fn every_list_query_answers_as_sqlite_does() {
    let (_dir, sqlite) = seeded().await;
    let snapshot = SnapshotStore::load(sqlite.clone()).await.unwrap();
    let now: Timestamp = "2026-11-24T00:00:00Z".parse().unwrap();
    let latest = || ArticleQuery::latest(now, 10);
    let queries = [
        latest(),
        ArticleQuery::latest(now + (60 * 24).hours(), 10),
        ArticleQuery::latest("2026-11-19T08:00:00Z".parse().unwrap(), 10),
        ArticleQuery { section: Some(slug("climate")), ..latest() },
        ArticleQuery { section: Some(slug("empty")), ..latest() },
        ArticleQuery { contributor: Some(slug("desk")), ..latest() },
        ArticleQuery { contributor: Some(slug("amara-osei")), section: Some(slug("world")), ..latest() },
        ArticleQuery { contributor: Some(slug("nobody")), ..latest() },
        ArticleQuery {
            section: Some(slug("climate")),
            since: Some("2026-11-19T08:00:00Z".parse().unwrap()),
            ..latest()
        },
        ArticleQuery { contributor: Some(slug("desk")), limit: 1, offset: 1, ..latest() },
        ArticleQuery { section: Some(slug("climate")), ..ArticleQuery::latest(now + (60 * 24).hours(), 10) },
        ArticleQuery { tag: Some("rivers".into()), ..latest() },
        ArticleQuery { tag: Some("Rivers".into()), ..latest() },
        ArticleQuery { language: Some("sw".into()), ..latest() },
        ArticleQuery { since: Some("2026-11-19T08:00:00Z".parse().unwrap()), ..latest() },
        ArticleQuery { until: Some("2026-11-21T08:00:00Z".parse().unwrap()), ..latest() },
        ArticleQuery { limit: 2, offset: 1, ..latest() },
        ArticleQuery { limit: 3, offset: 4, ..latest() },
        ArticleQuery { limit: 0, ..latest() },
    ];
    for q in &queries {
        let (want, got) = (sqlite.list_articles(q).await.unwrap(), snapshot.list_articles(q).await.unwrap());
        assert_eq!(format!("{got:?}"), format!("{want:?}"), "{q:?}");
    }
    let slugs: Vec<String> = ["e", "zz", "a", "f", "d", "a"].map(str::to_owned).to_vec();
    let (want, got) =
        (sqlite.article_summaries(&slugs, now).await.unwrap(), snapshot.article_summaries(&slugs, now).await.unwrap());
    assert_eq!(format!("{got:?}"), format!("{want:?}"));
}

#[tokio::test]
async fn every_page_read_answers_as_sqlite_does() {
    let (_dir, sqlite) = seeded().await;
    let snapshot = SnapshotStore::load(sqlite.clone()).await.unwrap();
    let s: &dyn Store = sqlite.as_ref();
    let n: &dyn Store = &snapshot;
    assert_eq!(n.sections().await.unwrap(), s.sections().await.unwrap());
    assert_eq!(n.all_contributors().await.unwrap(), s.all_contributors().await.unwrap());
    let wanted = [slug("desk"), slug("nobody"), slug("zed-ali")];
    assert_eq!(n.contributors(&wanted).await.unwrap(), s.contributors(&wanted).await.unwrap());
    for key in ["world", "climate", "nobody"] {
        assert_eq!(n.section(key).await.unwrap(), s.section(key).await.unwrap());
    }
    for key in ["desk", "amara-osei", "nobody"] {
        assert_eq!(n.contributor(key).await.unwrap(), s.contributor(key).await.unwrap());
    }
    for key in ["a", "b", "d", "f", "g", "nobody"] {
        assert_eq!(n.article(key).await.unwrap(), s.article(key).await.unwrap());
        assert_eq!(n.narration(key).await.unwrap(), s.narration(key).await.unwrap());
    }
    let article = s.article("b").await.unwrap().unwrap();
    let key = article.lead_image.unwrap().media;
    assert!(n.media(&key).await.unwrap().is_some());
    assert_eq!(n.media(&key).await.unwrap(), s.media(&key).await.unwrap());
    for at in ["2026-11-23T11:59:59Z", "2026-11-23T12:00:00Z", "2026-11-23T12:00:00.5Z"] {
        let at: Timestamp = at.parse().unwrap();
        assert_eq!(n.breaking(at).await.unwrap(), s.breaking(at).await.unwrap(), "{at}");
    }
    assert_eq!(n.search_changes().await.unwrap(), s.search_changes().await.unwrap());
    for key in ["a", "b", "c", "nobody"] {
        let (n, s): (&dyn Editorial, &dyn Editorial) = (&snapshot, sqlite.as_ref());
        assert_eq!(n.corrections(key).await.unwrap(), s.corrections(key).await.unwrap(), "{key}");
    }
    assert_eq!(snapshot.corrections("b").await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_snapshot_refuses_writes_and_changes_nothing() {
    let (_dir, sqlite) = seeded().await;
    let snapshot = SnapshotStore::load(sqlite.clone()).await.unwrap();
    let version = sqlite.site_version().await.unwrap();
    let err = snapshot.clear_breaking().await.unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    let section = Section { slug: slug("new"), name: "New".into(), language: Language::english(), position: 9 };
    assert!(snapshot.save_section(&section).await.is_err());
    assert!(snapshot.queue_narration("a").await.is_err());
    let at = Timestamp::now();
    assert!(snapshot.add_correction("a", "No.", 1, at).await.unwrap_err().to_string().contains("read-only"));
    assert!(snapshot.newsroom_articles(None).await.is_err());
    assert_eq!(sqlite.site_version().await.unwrap(), version);
    assert!(sqlite.section("new").await.unwrap().is_none());
}
