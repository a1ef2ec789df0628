//! Accounts on a real SQLite file.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use dateline_core::Role;
use dateline_store::accounts::{NewUser, Session};
use dateline_store::{Accounts, SqliteStore};
use jiff::{Timestamp, ToSpan};

async fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    (dir, store)
}

fn new_user(email: &str, role: Role) -> NewUser {
    NewUser { email: email.into(), name: "Amara Osei".into(), role, password_hash: Some("$argon2id$x".into()) }
}

#[tokio::test]
async fn users_are_unique_by_email_and_keep_their_role() {
    let (_dir, store) = store().await;
    let u = store.create_user(new_user("amara@lakeside.news", Role::Editor)).await.unwrap();
    assert_eq!(store.user_by_email("amara@lakeside.news").await.unwrap(), Some(u.clone()));
    let err = store.create_user(new_user("amara@lakeside.news", Role::Admin)).await.unwrap_err();
    assert!(err.to_string().contains("exists already"), "{err}");
    store.set_role(u.id, Role::Admin).await.unwrap();
    store.set_password(u.id, "$argon2id$y").await.unwrap();
    let back = store.user(u.id).await.unwrap().unwrap();
    assert_eq!((back.role, back.password_hash.as_deref()), (Role::Admin, Some("$argon2id$y")));
}

#[tokio::test]
async fn sessions_expire_and_sign_out_everywhere() {
    let (_dir, store) = store().await;
    let u = store.create_user(new_user("a@b.org", Role::Author)).await.unwrap();
    let now = Timestamp::now();
    for token in ["t1", "t2"] {
        let s = Session { token_hash: token.into(), user_id: u.id, csrf: "c".into(), expires: now + 1.hour() };
        store.create_session(&s).await.unwrap();
    }
    let (session, user) = store.session("t1", now).await.unwrap().unwrap();
    assert_eq!((session.csrf.as_str(), user.id), ("c", u.id));
    assert!(store.session("t1", now + 2.hours()).await.unwrap().is_none(), "expired");
    store.touch_session("t1", now, now + 3.hours()).await.unwrap();
    assert!(store.session("t1", now + 2.hours()).await.unwrap().is_some(), "sliding expiry");
    store.delete_sessions_of(u.id, Some("t1")).await.unwrap();
    assert!(store.session("t2", now).await.unwrap().is_none());
    assert!(store.session("t1", now).await.unwrap().is_some(), "the current session stays");
    store.delete_session("t1").await.unwrap();
    assert!(store.session("t1", now).await.unwrap().is_none());
}

#[tokio::test]
async fn sign_in_links_work_once_and_expire() {
    let (_dir, store) = store().await;
    let u = store.create_user(new_user("a@b.org", Role::Contributor)).await.unwrap();
    let now = Timestamp::now();
    store.create_sign_in_link("l1", u.id, now + 1.hour()).await.unwrap();
    store.create_sign_in_link("l2", u.id, now - 1.hour()).await.unwrap();
    assert_eq!(store.consume_sign_in_link("l1", now).await.unwrap().map(|u| u.id), Some(u.id));
    assert!(store.consume_sign_in_link("l1", now).await.unwrap().is_none(), "used up");
    assert!(store.consume_sign_in_link("l2", now).await.unwrap().is_none(), "expired");
}

#[tokio::test]
async fn failed_sign_ins_are_counted_per_key_and_window() {
    let (_dir, store) = store().await;
    let now = Timestamp::now();
    for _ in 0..3 {
        store.record_sign_in_failure("email:a@b.org", now).await.unwrap();
    }
    store.record_sign_in_failure("email:a@b.org", now - 2.hours()).await.unwrap();
    assert_eq!(store.sign_in_failures_since("email:a@b.org", now - 15.minutes()).await.unwrap(), 3);
    assert_eq!(store.sign_in_failures_since("email:c@d.org", now - 15.minutes()).await.unwrap(), 0);
}

#[tokio::test]
async fn the_audit_log_names_the_actor() {
    let (_dir, store) = store().await;
    let u = store.create_user(new_user("a@b.org", Role::Admin)).await.unwrap();
    store.audit(Some(u.id), "sign-in", "a@b.org", "").await.unwrap();
    store.audit(None, "sign-in-failed", "x@y.org", "wrong password").await.unwrap();
    let log = store.audit_log(10).await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!((log[0].action.as_str(), log[0].actor.as_deref()), ("sign-in-failed", None));
    assert_eq!(log[1].actor.as_deref(), Some("a@b.org"));
}
