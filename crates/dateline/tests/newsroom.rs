//! The newsroom's doors: sign-in, sign-out, one-time links, passwords, the
//! role × route matrix and anti-forgery tokens, on the real binary.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use support::{Browser, Page, Server, bin, dateline, text};

const PASSWORD: &str = "lake shore wind radio";

/// Adds a person through the CLI, the password on standard input.
fn add_user(data: &str, email: &str, role: &str) {
    let mut child = Command::new(bin())
        .args(["user", "add", "--email", email, "--role", role, "--data", data])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

fn newsroom() -> (tempfile::TempDir, Server) {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    for (email, role) in
        [("cora@x.news", "contributor"), ("aki@x.news", "author"), ("eda@x.news", "editor"), ("ada@x.news", "admin")]
    {
        add_user(d, email, role);
    }
    let server = Server::start("serve", data.path());
    (data, server)
}

/// The id in the role form of the row for `email` on the people page.
fn user_id(people_page: &str, email: &str) -> String {
    let row = &people_page[people_page.find(email).unwrap()..];
    let after = &row[row.find("/newsroom/users/").unwrap() + "/newsroom/users/".len()..];
    after[..after.find('/').unwrap()].to_owned()
}

fn sign_in(server: &Server, email: &str, password: &str) -> (Browser, Page) {
    let mut browser = Browser::default();
    let form = browser.get(&server.url("/newsroom/sign-in"));
    assert_eq!(form.status, 200);
    let csrf = form.field("csrf").expect("the form carries a token");
    let page = browser.post(
        &server.url("/newsroom/sign-in"),
        &[("email", email), ("password", password), ("csrf", &csrf), ("next", "/newsroom/")],
    );
    (browser, page)
}

#[test]
fn people_sign_in_and_out_with_a_safe_session_cookie() {
    let (_data, server) = newsroom();
    let (mut browser, page) = sign_in(&server, "Eda@X.news", PASSWORD);
    assert_eq!((page.status, page.location()), (303, Some("/newsroom/")));
    let cookie = page.headers.iter().find(|(k, v)| k == "set-cookie" && v.starts_with("dateline_session=")).unwrap();
    assert!(cookie.1.contains("HttpOnly") && cookie.1.contains("SameSite=Lax"), "{}", cookie.1);
    let home = browser.get(&server.url("/newsroom/"));
    assert_eq!(home.status, 200);
    assert!(home.body.contains("eda (editor)"), "{}", home.body);

    let csrf = home.field("csrf").unwrap();
    let out = browser.post(&server.url("/newsroom/sign-out"), &[("csrf", &csrf)]);
    assert_eq!(out.status, 303);
    assert!(!browser.has_cookie("dateline_session"));
    assert_eq!(browser.get(&server.url("/newsroom/")).status, 303, "signed out");
}

#[test]
fn wrong_passwords_get_one_generic_message_then_a_rate_limit() {
    let (_data, server) = newsroom();
    let (_, unknown) = sign_in(&server, "nobody@x.news", PASSWORD);
    let (_, wrong) = sign_in(&server, "eda@x.news", "not the password at all");
    for page in [&unknown, &wrong] {
        assert_eq!(page.status, 422);
        assert!(page.body.contains("The email address or password is not right."), "{}", page.body);
    }
    for _ in 0..4 {
        assert_eq!(sign_in(&server, "eda@x.news", "still not the password").1.status, 422);
    }
    let (_, limited) = sign_in(&server, "eda@x.news", PASSWORD);
    assert_eq!(limited.status, 429, "even the right password waits out the limit");
    assert!(limited.body.contains("Too many attempts"), "{}", limited.body);
    // Another person is not locked out by someone else's failures.
    assert_eq!(sign_in(&server, "ada@x.news", PASSWORD).1.status, 303);
}

#[test]
fn forms_without_the_right_token_are_refused_and_change_nothing() {
    let (_data, server) = newsroom();
    // Sign-in without the form's cookie (a forged cross-site post).
    let mut stranger = Browser::default();
    let forged = stranger
        .post(&server.url("/newsroom/sign-in"), &[("email", "ada@x.news"), ("password", PASSWORD), ("csrf", "guess")]);
    assert_eq!(forged.status, 403);
    assert!(!stranger.has_cookie("dateline_session"));

    let (mut admin, _) = sign_in(&server, "ada@x.news", PASSWORD);
    let users = admin.get(&server.url("/newsroom/users"));
    let cora_id = user_id(&users.body, "cora@x.news");
    let change = format!("/newsroom/users/{cora_id}/role");
    for token in ["", "0000", "forged-token"] {
        assert_eq!(admin.post(&server.url(&change), &[("csrf", token), ("role", "admin")]).status, 403);
    }
    assert_eq!(admin.post(&server.url("/newsroom/sign-out"), &[("csrf", "nope")]).status, 403);
    let users = admin.get(&server.url("/newsroom/users"));
    assert_eq!(users.status, 200, "still signed in");
    assert_eq!(users.body.matches(r#"<option value="admin" selected>"#).count(), 0, "nobody was made admin");
}

#[test]
fn every_role_reaches_exactly_its_pages() {
    let (_data, server) = newsroom();
    let pages = ["/newsroom/", "/newsroom/password", "/newsroom/audit", "/newsroom/users"];
    // 303 = sent to sign in; 200 = allowed; 403 = refused.
    let matrix: [(&str, [u16; 4]); 5] = [
        ("anonymous", [303, 303, 303, 303]),
        ("cora@x.news", [200, 200, 403, 403]),
        ("aki@x.news", [200, 200, 403, 403]),
        ("eda@x.news", [200, 200, 200, 403]),
        ("ada@x.news", [200, 200, 200, 200]),
    ];
    for (who, expected) in matrix {
        let mut browser = if who == "anonymous" { Browser::default() } else { sign_in(&server, who, PASSWORD).0 };
        for (page, want) in pages.iter().zip(expected) {
            let got = browser.get(&server.url(page));
            assert_eq!(got.status, want, "{who} GET {page}");
            if want == 303 {
                assert!(got.location().unwrap().starts_with("/newsroom/sign-in?next="), "{who} {page}");
            }
            if want == 403 {
                assert!(got.body.contains("Not allowed"), "{who} {page}: the 403 page");
            }
        }
    }
    // Changing roles: admins only, never their own.
    let (mut editor, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = editor.get(&server.url("/newsroom/")).field("csrf").unwrap();
    assert_eq!(editor.post(&server.url("/newsroom/users/1/role"), &[("csrf", &csrf), ("role", "admin")]).status, 403);
    let (mut admin, _) = sign_in(&server, "ada@x.news", PASSWORD);
    let users = admin.get(&server.url("/newsroom/users"));
    let csrf = users.field("csrf").unwrap();
    let cora = user_id(&users.body, "cora@x.news");
    let promoted =
        admin.post(&server.url(&format!("/newsroom/users/{cora}/role")), &[("csrf", &csrf), ("role", "editor")]);
    assert_eq!(promoted.status, 303);
    let (mut cora_now, _) = sign_in(&server, "cora@x.news", PASSWORD);
    assert_eq!(cora_now.get(&server.url("/newsroom/audit")).status, 200, "the new role applies");
    let audit = admin.get(&server.url("/newsroom/audit")).body;
    assert!(audit.contains("role-changed") && audit.contains("contributor → editor"), "{audit}");
    assert!(audit.contains("sign-in"));
}

#[test]
fn a_one_time_link_signs_in_once_then_asks_for_a_password() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let out = dateline(&["user", "add", "--email", "new@x.news", "--role", "author", "--link", "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    let printed = text(&out);
    let path = &printed[printed.find("/newsroom/link/").unwrap()..].trim().to_owned();
    let server = Server::start("serve", data.path());
    let mut browser = Browser::default();
    let confirm = browser.get(&server.url(path));
    assert_eq!(confirm.status, 200, "following the link does not use it up");
    let csrf = confirm.field("csrf").unwrap();
    let signed_in = browser.post(&server.url(path), &[("csrf", &csrf)]);
    assert_eq!((signed_in.status, signed_in.location()), (303, Some("/newsroom/password")));

    let form = browser.get(&server.url("/newsroom/password"));
    assert!(!form.body.contains(r#"name="current""#), "no current password to ask for yet");
    let csrf = form.field("csrf").unwrap();
    let short =
        browser.post(&server.url("/newsroom/password"), &[("csrf", &csrf), ("new", "short"), ("repeat", "short")]);
    assert_eq!(short.status, 422);
    assert!(short.body.contains("at least 12 characters"), "{}", short.body);
    let saved =
        browser.post(&server.url("/newsroom/password"), &[("csrf", &csrf), ("new", PASSWORD), ("repeat", PASSWORD)]);
    assert_eq!(saved.status, 200);
    assert!(saved.body.contains("Your password was changed"));
    assert_eq!(sign_in(&server, "new@x.news", PASSWORD).1.status, 303, "the new password works");

    let mut again = Browser::default();
    let reuse = again.get(&server.url(path));
    let csrf = reuse.field("csrf").unwrap();
    assert_eq!(again.post(&server.url(path), &[("csrf", &csrf)]).status, 404, "a link works once");
}

#[test]
fn changing_a_password_signs_out_other_sessions() {
    let (_data, server) = newsroom();
    let (mut laptop, _) = sign_in(&server, "aki@x.news", PASSWORD);
    let (mut phone, _) = sign_in(&server, "aki@x.news", PASSWORD);
    let csrf = laptop.get(&server.url("/newsroom/password")).field("csrf").unwrap();
    let wrong = laptop.post(
        &server.url("/newsroom/password"),
        &[
            ("csrf", &csrf),
            ("current", "wrong one entirely"),
            ("new", "a brand new long one"),
            ("repeat", "a brand new long one"),
        ],
    );
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("The current password is not right."));
    let ok = laptop.post(
        &server.url("/newsroom/password"),
        &[("csrf", &csrf), ("current", PASSWORD), ("new", "a brand new long one"), ("repeat", "a brand new long one")],
    );
    assert_eq!(ok.status, 200);
    assert_eq!(laptop.get(&server.url("/newsroom/")).status, 200, "this session stays");
    assert_eq!(phone.get(&server.url("/newsroom/")).status, 303, "the other one must sign in again");
}

#[test]
fn bad_user_commands_explain_themselves() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let out = dateline(&["user", "add", "--email", "not-an-email", "--role", "editor", "--link", "--data", d]);
    assert!(!out.status.success() && text(&out).contains("is not an email address"), "{}", text(&out));
    let out = dateline(&["user", "add", "--email", "a@x.news", "--role", "boss", "--link", "--data", d]);
    assert!(!out.status.success() && text(&out).contains("contributor, author, editor or admin"), "{}", text(&out));
    let out = dateline(&["user", "add", "--email", "a@x.news", "--role", "editor", "--data", d]);
    assert!(!out.status.success() && text(&out).contains("at least 12 characters"), "empty stdin: {}", text(&out));
    let out = dateline(&["user", "list", "--data", d]);
    assert!(!text(&out).contains("a@x.news"), "nothing was added");
}
