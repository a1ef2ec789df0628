//! The SQLite store against a real database file in a temporary folder.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use dateline_core::markdown::{self, NoImages};
use dateline_core::{Article, BreakingNews, Contributor, ContributorKind, Language, LeadImage, Section, Status};
use dateline_store::images::inspect;
use dateline_store::{ArticleQuery, NewMedia, NewNarration, SqliteStore, Store};
use jiff::{Timestamp, ToSpan};

#[allow(dead_code)] // Each test file uses a part of them.
mod fixtures;
use fixtures::{png, slug};

fn article(slug_text: &str, headline: &str, published: &str) -> Article {
    Article {
        slug: slug(slug_text),
        language: Language::english(),
        section: slug("world"),
        tags: vec!["rivers".into(), "kenya".into()],
        headline: headline.into(),
        dek: Some("A dek.".into()),
        dateline: Some("KISUMU".into()),
        summary: vec!["First point.".into(), "Second point.".into()],
        lead_image: None,
        body: markdown::render("The lake rose by two metres.", &NoImages).unwrap(),
        contributors: vec![slug("amara-osei"), slug("swahili-service")],
        status: Status::Published,
        published: Some(dateline_core::time::parse_time(published, &jiff::tz::TimeZone::UTC).unwrap()),
        updated: None,
    }
}

async fn seeded() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    for (i, (s, name)) in [("world", "World"), ("climate", "Climate")].into_iter().enumerate() {
        let section = Section { slug: slug(s), name: name.into(), language: Language::english(), position: i as i64 };
        store.save_section(&section).await.unwrap();
    }
    for (s, name, kind) in [
        ("amara-osei", "Amara Osei", ContributorKind::Person),
        ("swahili-service", "Swahili Service", ContributorKind::Desk),
    ] {
        let c = Contributor { slug: slug(s), name: name.into(), kind, bio: "Bio.".into(), photo: None };
        store.save_contributor(&c).await.unwrap();
    }
    (dir, store)
}

#[tokio::test]
async fn an_article_round_trips_with_its_media() {
    let (_dir, store) = seeded().await;

    let bytes = png();
    let media = store.put_media(NewMedia::image(bytes.clone(), inspect(&bytes).unwrap())).await.unwrap();
    assert_eq!((media.width, media.height, media.content_type.as_str()), (16, 9, "image/png"));
    assert_eq!(std::fs::read(store.media_files().path(&media.key).unwrap()).unwrap(), bytes);

    let mut a = article("lake-rises", "Lake rises", "2026-11-20T08:30:00+03:00[Africa/Nairobi]");
    a.lead_image = Some(LeadImage {
        media: media.key.clone(),
        alt: "A flooded road".into(),
        caption: Some("Caption".into()),
        credit: Some("Credit".into()),
    });
    store.save_article(&a).await.unwrap();
    let back = store.article("lake-rises").await.unwrap().unwrap();
    assert_eq!(back, a);
    assert_eq!(back.published.unwrap().time_zone().iana_name(), Some("Africa/Nairobi"));
}

#[tokio::test]
async fn saving_the_same_slug_again_replaces_the_article() {
    let (_dir, store) = seeded().await;
    let first = store.save_article(&article("a", "First", "2026-11-20T08:30:00Z")).await.unwrap();
    let mut edited = article("a", "Second", "2026-11-20T08:30:00Z");
    edited.tags = vec!["new".into()];
    edited.contributors = vec![slug("swahili-service")];
    let second = store.save_article(&edited).await.unwrap();
    assert_eq!(first, second);
    let back = store.article("a").await.unwrap().unwrap();
    assert_eq!(
        (back.headline.as_str(), back.tags, back.contributors),
        ("Second", vec!["new".to_owned()], vec![slug("swahili-service")])
    );
    let now: Timestamp = "2026-11-24T00:00:00Z".parse().unwrap();
    assert_eq!(store.list_articles(&ArticleQuery::latest(now, 10)).await.unwrap().total, 1);
}

#[tokio::test]
async fn a_failed_save_changes_nothing() {
    let (_dir, store) = seeded().await;
    let mut bad = article("ghost", "Ghost", "2026-11-20T08:30:00Z");
    bad.contributors.push(slug("nobody"));
    assert!(store.save_article(&bad).await.is_err());
    assert!(store.article("ghost").await.unwrap().is_none());
}

#[tokio::test]
async fn lists_only_live_articles_newest_first_with_filters() {
    let (_dir, store) = seeded().await;
    store.save_article(&article("old", "Old flood", "2026-11-18T08:00:00Z")).await.unwrap();
    store.save_article(&article("new", "New drought", "2026-11-21T08:00:00Z")).await.unwrap();
    store.save_article(&article("future", "Future", "2026-12-25T08:00:00Z")).await.unwrap();
    let mut draft = article("draft", "Draft", "2026-11-19T08:00:00Z");
    draft.status = Status::Draft;
    store.save_article(&draft).await.unwrap();
    let mut climate = article("heat", "Heat in the lake basin", "2026-11-19T08:00:00Z");
    climate.section = slug("climate");
    climate.contributors = vec![slug("amara-osei")];
    store.save_article(&climate).await.unwrap();

    let now: Timestamp = "2026-11-24T00:00:00Z".parse().unwrap();
    let all = store.list_articles(&ArticleQuery::latest(now, 10)).await.unwrap();
    let slugs: Vec<_> = all.items.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["new", "heat", "old"]);
    assert_eq!(all.items[0].section_name, "World");

    let later = store.list_articles(&ArticleQuery::latest(now + (60 * 24).hours(), 10)).await.unwrap();
    assert_eq!(later.total, 4, "the scheduled article goes live on its time");

    let section = ArticleQuery { section: Some(slug("climate")), ..ArticleQuery::latest(now, 10) };
    assert_eq!(store.list_articles(&section).await.unwrap().items[0].slug.as_str(), "heat");

    let desk = ArticleQuery { contributor: Some(slug("swahili-service")), ..ArticleQuery::latest(now, 10) };
    assert_eq!(store.list_articles(&desk).await.unwrap().total, 2);

    let paged = ArticleQuery { limit: 1, offset: 1, ..ArticleQuery::latest(now, 1) };
    let page = store.list_articles(&paged).await.unwrap();
    assert_eq!((page.items.len(), page.total, page.items[0].slug.as_str()), (1, 3, "heat"));
}

#[tokio::test]
async fn the_breaking_strip_lowers_itself() {
    let (_dir, store) = seeded().await;
    let now = Timestamp::from_second(Timestamp::now().as_second()).unwrap();
    let news = BreakingNews { text: "Polls close".into(), link: Some("/articles/a".into()), until: now + 1.hour() };
    store.set_breaking(&news).await.unwrap();
    assert_eq!(store.breaking(now).await.unwrap(), Some(news.clone()));
    assert_eq!(store.breaking(now + 2.hours()).await.unwrap(), None);
    store.clear_breaking().await.unwrap();
    assert_eq!(store.breaking(now).await.unwrap(), None);
}

#[tokio::test]
async fn data_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let s = Section { slug: slug("world"), name: "World".into(), language: Language::english(), position: 0 };
        store.save_section(&s).await.unwrap();
    }
    let store = SqliteStore::open(dir.path()).await.unwrap();
    assert_eq!(store.sections().await.unwrap().len(), 1);
}

#[tokio::test]
async fn publishing_queues_one_narration_job_and_workers_take_it_once() {
    let (_dir, store) = seeded().await;
    let mut draft = article("draft", "Draft", "2026-11-20T08:30:00Z");
    draft.status = Status::Draft;
    store.save_article(&draft).await.unwrap();
    let now = Timestamp::now();
    assert!(store.claim_job(now).await.unwrap().is_none(), "drafts are not narrated");

    let a = article("a", "First", "2026-11-20T08:30:00Z");
    store.save_article(&a).await.unwrap();
    store.save_article(&a).await.unwrap();
    let job = store.claim_job(now).await.unwrap().expect("a queued job");
    assert_eq!((job.article_slug.as_str(), job.attempts, job.kind.as_str()), ("a", 1, "narrate"));
    assert!(store.claim_job(now).await.unwrap().is_none(), "saving twice queued one job");

    // Changed while running: a second job waits behind the running one.
    store.save_article(&a).await.unwrap();
    assert!(store.claim_job(now).await.unwrap().is_none(), "not while the same article is narrated");
    store.finish_job(job.id).await.unwrap();
    let again = store.claim_job(now).await.unwrap().expect("the follow-up job");
    store.finish_job(again.id).await.unwrap();
    let states: Vec<_> = store.jobs(10).await.unwrap().into_iter().map(|j| j.state).collect();
    assert_eq!(states, ["done", "done"]);
}

#[tokio::test]
async fn failed_jobs_retry_after_their_time_then_give_up() {
    let (_dir, store) = seeded().await;
    store.save_article(&article("a", "First", "2026-11-20T08:30:00Z")).await.unwrap();
    let now = Timestamp::from_second(Timestamp::now().as_second()).unwrap();
    let job = store.claim_job(now).await.unwrap().unwrap();
    store.fail_job(job.id, "voice exploded", Some(now + 60.seconds())).await.unwrap();
    assert!(store.claim_job(now).await.unwrap().is_none(), "not before its retry time");
    let retry = store.claim_job(now + 61.seconds()).await.unwrap().unwrap();
    assert_eq!((retry.id, retry.attempts), (job.id, 2));
    store.fail_job(retry.id, "voice exploded again", None).await.unwrap();
    let row = &store.jobs(1).await.unwrap()[0];
    assert_eq!((row.state.as_str(), row.last_error.as_deref()), ("failed", Some("voice exploded again")));
}

#[tokio::test]
async fn jobs_left_running_by_a_dead_process_are_queued_again() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = SqliteStore::open(dir.path()).await.unwrap();
        let s = Section { slug: slug("world"), name: "World".into(), language: Language::english(), position: 0 };
        store.save_section(&s).await.unwrap();
        for (c, kind) in [("amara-osei", ContributorKind::Person), ("swahili-service", ContributorKind::Desk)] {
            let c = Contributor { slug: slug(c), name: c.into(), kind, bio: String::new(), photo: None };
            store.save_contributor(&c).await.unwrap();
        }
        store.save_article(&article("a", "First", "2026-11-20T08:30:00Z")).await.unwrap();
        store.claim_job(Timestamp::now()).await.unwrap().unwrap();
        // The process dies here, with the job running.
    }
    let store = SqliteStore::open(dir.path()).await.unwrap();
    assert!(store.claim_job(Timestamp::now()).await.unwrap().is_none());
    assert_eq!(store.requeue_interrupted_jobs().await.unwrap(), 1);
    let job = store.claim_job(Timestamp::now()).await.unwrap().unwrap();
    assert_eq!((job.article_slug.as_str(), job.attempts), ("a", 2));
}

#[tokio::test]
async fn two_jobs_of_one_article_left_running_are_queued_again_as_one() {
    let (_dir, store) = seeded().await;
    let a = article("a", "First", "2026-11-20T08:30:00Z");
    store.save_article(&a).await.unwrap();
    let first = store.claim_job(Timestamp::now()).await.unwrap().unwrap();
    // Edited while narrated, and (as an older version allowed) a second worker
    // took the new job; then the process died.
    store.save_article(&a).await.unwrap();
    sqlx::query("UPDATE jobs SET state = 'running' WHERE state = 'queued'").execute(store.pool()).await.unwrap();
    let second = store.jobs(10).await.unwrap()[0].clone();
    assert_ne!(first.id, second.id);
    assert_eq!(store.requeue_interrupted_jobs().await.unwrap(), 1, "one job, not a refused start");
    let job = store.claim_job(Timestamp::now()).await.unwrap().unwrap();
    assert_eq!((job.id, job.article_slug.as_str()), (second.id, "a"));
    assert!(store.claim_job(Timestamp::now()).await.unwrap().is_none());
    let states: Vec<_> = store.jobs(10).await.unwrap().into_iter().map(|j| j.state).collect();
    assert_eq!(states, ["running"]);
}

#[tokio::test]
async fn a_narration_switches_in_whole() {
    let (_dir, store) = seeded().await;
    store.save_article(&article("a", "First", "2026-11-20T08:30:00Z")).await.unwrap();
    assert!(store.narration("a").await.unwrap().is_none());
    let make = |audio: &[u8], cues: &str| NewNarration {
        audio: NewMedia::mp3(audio.to_vec()),
        cues: NewMedia::webvtt(cues.into()),
        duration_ms: 61_000,
        voice: "espeak en".into(),
        sentences: 12,
    };
    let first = store.save_narration("a", make(b"mp3 one", "WEBVTT\n")).await.unwrap();
    assert_eq!(store.narration("a").await.unwrap().as_ref(), Some(&first));
    assert!(first.audio.key.ends_with(".mp3") && first.cues.key.ends_with(".vtt"));
    assert_eq!(first.audio.content_type, "audio/mpeg");
    for key in [&first.audio.key, &first.cues.key] {
        assert!(store.media_files().path(key).unwrap().is_file(), "files exist before the row points at them");
    }
    let second = store.save_narration("a", make(b"mp3 two", "WEBVTT\n\n")).await.unwrap();
    assert_ne!(second.audio.key, first.audio.key);
    assert_eq!(store.narration("a").await.unwrap(), Some(second));
    assert!(store.save_narration("missing", make(b"x", "WEBVTT\n")).await.is_err());
}

#[tokio::test]
async fn the_newest_stories_are_narrated_first() {
    let (_dir, store) = seeded().await;
    store.save_article(&article("older", "Older", "2026-11-18T08:30:00Z")).await.unwrap();
    store.save_article(&article("newest", "Newest", "2026-11-22T08:30:00Z")).await.unwrap();
    store.save_article(&article("middle", "Middle", "2026-11-20T08:30:00Z")).await.unwrap();
    let now = Timestamp::now() + 5.seconds();
    let mut order = Vec::new();
    while let Some(job) = store.claim_job(now).await.unwrap() {
        order.push(job.article_slug);
    }
    assert_eq!(order, ["newest", "middle", "older"]);
}

#[tokio::test]
async fn change_numbers_move_with_every_save_and_list_only_published_articles() {
    let (_dir, store) = seeded().await;
    let now = Timestamp::now();
    store.save_article(&article("live", "Live", "2026-11-20T08:30:00Z")).await.unwrap();
    store.save_article(&article("later", "Later", "2099-01-01T00:00:00Z")).await.unwrap();
    let mut draft = article("draft", "Draft", "2026-11-20T08:30:00Z");
    draft.status = Status::Draft;
    store.save_article(&draft).await.unwrap();
    let changes = |list: Vec<(String, i64)>| list.into_iter().collect::<std::collections::BTreeMap<_, _>>();
    let before = changes(store.search_changes().await.unwrap());
    // Scheduled articles are listed (the index holds them until their time); drafts are not.
    assert_eq!(before.keys().collect::<Vec<_>>(), ["later", "live"]);

    // Two saves in the same second still give two numbers.
    store.save_article(&article("live", "Live, edited", "2026-11-20T08:30:00Z")).await.unwrap();
    let once = changes(store.search_changes().await.unwrap());
    store.save_article(&article("live", "Live, edited again", "2026-11-20T08:30:00Z")).await.unwrap();
    let twice = changes(store.search_changes().await.unwrap());
    assert!(before["live"] < once["live"] && once["live"] < twice["live"], "{before:?} {once:?} {twice:?}");
    assert_eq!(before["later"], twice["later"], "other articles keep theirs");

    // Teasers of the named live articles, in the order asked for.
    store.save_article(&article("older", "Older", "2026-11-01T08:30:00Z")).await.unwrap();
    let asked = ["older", "later", "draft", "nothing", "live"].map(String::from);
    let found = store.article_summaries(&asked, now).await.unwrap();
    let slugs: Vec<&str> = found.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(slugs, ["older", "live"]);
    assert_eq!(found[1].headline, "Live, edited again");
}
