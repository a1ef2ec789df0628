//! The newsroom as tests meet it: people added through the CLI, signing in
//! through the real form, a data folder with the fixture's content, and the
//! editor's form fields.

use std::io::Write;
use std::process::{Command, Stdio};

use super::{Browser, Page, Server, bin, dateline, text};

pub const PASSWORD: &str = "lake shore wind radio";

/// Adds a person through the CLI, the password on standard input.
pub fn add_user(data: &str, email: &str, role: &str) {
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

pub fn sign_in(server: &Server, email: &str, password: &str) -> (Browser, Page) {
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

/// People of every role, plus the fixture's sections and contributors.
pub fn newsroom_with_content() -> (tempfile::TempDir, Server) {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let content = dateline_import::fixtures::prepare("good").unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    for (email, role) in
        [("cora@x.news", "contributor"), ("aki@x.news", "author"), ("eda@x.news", "editor"), ("ed2@x.news", "editor")]
    {
        add_user(d, email, role);
    }
    let server = Server::start("serve", data.path());
    (data, server)
}

pub fn article_fields<'a>(
    csrf: &'a str,
    revision: &'a str,
    action: &'a str,
    headline: &'a str,
    body: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("revision", revision),
        ("action", action),
        ("headline", headline),
        ("dek", "A short standfirst."),
        ("slug", ""),
        ("section", "world"),
        ("contributors", "lakeside-desk"),
        ("dateline", "KISUMU"),
        ("language", "en"),
        ("tags", "ferries"),
        ("summary", "Two new boats.\nA late crossing."),
        ("body", body),
        ("publish_at", ""),
    ]
}
