//! The editor's enhancements on the real binary: autosave and the live
//! preview (JSON endpoints for editor.js), and text kept through an ended
//! session without JavaScript.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use serde_json::{Value, json};
use support::newsroom::{PASSWORD, article_fields, newsroom_with_content, sign_in};
use support::{Browser, Page, Server};

fn json_of(page: &Page) -> Value {
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {} {}", page.status, page.body))
}

/// Saves a new article through the form; returns the form's token.
fn new_article(server: &Server, browser: &mut Browser, headline: &str, body: &str) -> String {
    let csrf = browser.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let saved =
        browser.post(&server.url("/newsroom/articles/new"), &article_fields(&csrf, "0", "save", headline, body));
    assert_eq!(saved.status, 303, "{}", saved.body);
    csrf
}

/// What editor.js sends: every field of the form and its token and revision, no action.
fn autosave(server: &Server, browser: &mut Browser, slug: &str, csrf: &str, revision: &str, body: &str) -> Page {
    autosave_headline(server, browser, slug, csrf, revision, "Ferry plan", body)
}

fn autosave_headline(
    server: &Server,
    browser: &mut Browser,
    slug: &str,
    csrf: &str,
    revision: &str,
    headline: &str,
    body: &str,
) -> Page {
    let mut fields = article_fields(csrf, revision, "save", headline, body);
    fields.retain(|(k, _)| *k != "action");
    browser.post(&server.url(&format!("/newsroom/articles/{slug}/autosave")), &fields)
}

fn revision_count(server: &Server, browser: &mut Browser, slug: &str) -> usize {
    let history = browser.get(&server.url(&format!("/newsroom/articles/{slug}/history")));
    assert_eq!(history.status, 200);
    history.body.matches("<tr><td>").count()
}

/// Changes the password from `other` (a second session of the same person):
/// every other session of theirs ends, as an expired one would.
fn end_other_sessions(server: &Server, other: &mut Browser) {
    let csrf = other.get(&server.url("/newsroom/password")).field("csrf").unwrap();
    let new = "a brand new long one";
    let changed = other.post(
        &server.url("/newsroom/password"),
        &[("csrf", &csrf), ("current", PASSWORD), ("new", new), ("repeat", new)],
    );
    assert_eq!(changed.status, 200);
}

#[test]
fn autosave_saves_a_revision_keeps_status_and_address_and_skips_unchanged_text() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = new_article(&server, &mut eda, "Ferry plan", "First text.");
    let editor = eda.get(&server.url("/newsroom/articles/ferry-plan"));
    assert!(editor.body.contains(r#"data-autosave="/newsroom/articles/ferry-plan/autosave""#), "drafts autosave");
    assert!(editor.body.contains(" data-clean"), "the form is the stored text");

    let saved = autosave(&server, &mut eda, "ferry-plan", &csrf, "1", "Line one.\nLine two.");
    assert_eq!((saved.status, json_of(&saved)), (200, json!({ "saved": 2 })));
    let editor = eda.get(&server.url("/newsroom/articles/ferry-plan"));
    assert!(editor.body.contains("Line one.\nLine two."), "{}", editor.body);
    assert_eq!(editor.field("revision").as_deref(), Some("2"));
    assert!(editor.body.contains(r#"<span class="status-badge">Draft</span>"#), "the status is unchanged");
    assert_eq!(eda.get(&server.url("/articles/ferry-plan")).status, 404, "not published");

    // The same text again, even with the line endings a form submission uses: no revision.
    let same = autosave(&server, &mut eda, "ferry-plan", &csrf, "2", "Line one.\r\nLine two.");
    assert_eq!((same.status, json_of(&same)), (200, json!({ "saved": 2, "unchanged": true })));
    assert_eq!(revision_count(&server, &mut eda, "ferry-plan"), 2, "no empty revision");

    // A new headline with the slug field empty: the address stays until Save.
    let renamed = autosave_headline(&server, &mut eda, "ferry-plan", &csrf, "2", "Ferry plan approved", "Line one.");
    assert_eq!(json_of(&renamed), json!({ "saved": 3 }));
    let editor = eda.get(&server.url("/newsroom/articles/ferry-plan"));
    assert_eq!(editor.status, 200);
    assert!(editor.body.contains(r#"value="Ferry plan approved""#));
    assert_eq!(eda.get(&server.url("/newsroom/articles/ferry-plan-approved")).status, 404);
    assert!(!eda.get(&server.url("/newsroom/audit")).body.contains("status-changed"), "no status change");
}

#[test]
fn autosave_from_a_stale_revision_is_refused_and_overwrites_nothing() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let (mut ed2, _) = sign_in(&server, "ed2@x.news", PASSWORD);
    let csrf = new_article(&server, &mut eda, "Ferry plan", "First text.");
    let csrf2 = ed2.get(&server.url("/newsroom/articles/ferry-plan")).field("csrf").unwrap();
    let theirs = ed2.post(
        &server.url("/newsroom/articles/ferry-plan"),
        &article_fields(&csrf2, "1", "save", "Ferry plan", "Ed's rewrite."),
    );
    assert_eq!(theirs.status, 303);

    let stale = autosave(&server, &mut eda, "ferry-plan", &csrf, "1", "Eda's rewrite.");
    assert_eq!((stale.status, json_of(&stale)), (409, json!({ "conflict": 2 })));
    let missing_base = autosave(&server, &mut eda, "ferry-plan", &csrf, "", "Eda's rewrite.");
    assert_eq!(missing_base.status, 409, "no revision named is no licence to overwrite");
    let current = eda.get(&server.url("/newsroom/articles/ferry-plan"));
    assert!(current.body.contains("Ed&#39;s rewrite.") && !current.body.contains("Eda&#39;s rewrite."));
    // Text the article already holds is no conflict, whatever the base: nothing is written.
    let theirs_too = autosave(&server, &mut eda, "ferry-plan", &csrf, "1", "Ed's rewrite.");
    assert_eq!((theirs_too.status, json_of(&theirs_too)), (200, json!({ "saved": 2, "unchanged": true })));
    assert_eq!(revision_count(&server, &mut eda, "ferry-plan"), 2);
}

#[test]
fn autosave_checks_tokens_and_roles_like_the_form_and_leaves_live_articles_to_save() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf_eda = new_article(&server, &mut eda, "Ferry plan", "First text.");
    let forged = autosave(&server, &mut eda, "ferry-plan", "forged-token", "1", "Forged.");
    assert_eq!((forged.status, json_of(&forged)), (403, json!({ "refused": "forbidden" })));
    let unknown = autosave(&server, &mut eda, "no-such-article", &csrf_eda, "1", "Text.");
    assert_eq!(unknown.status, 404);

    // A contributor may not touch someone else's article…
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    let csrf_cora = cora.get(&server.url("/newsroom/")).field("csrf").unwrap();
    assert_eq!(autosave(&server, &mut cora, "ferry-plan", &csrf_cora, "1", "Mine now.").status, 403);
    assert_eq!(revision_count(&server, &mut eda, "ferry-plan"), 1);

    // …but autosaves their own, in review, which stays in review.
    let fields = article_fields(&csrf_cora, "0", "submit", "Cora's story", "Draft.");
    let submitted = cora.post(&server.url("/newsroom/articles/new"), &fields);
    assert_eq!(submitted.location(), Some("/newsroom/articles/cora-s-story?saved"));
    let own = autosave_headline(&server, &mut cora, "cora-s-story", &csrf_cora, "1", "Cora's story", "Better draft.");
    assert_eq!(json_of(&own), json!({ "saved": 2 }));
    assert!(cora.get(&server.url("/newsroom/")).body.contains("In review"), "still in review");

    // Once live, autosave changes nothing: the contributor is refused as by
    // the form, the editor is told to use Save (every save reaches readers).
    let published = eda.post(
        &server.url("/newsroom/articles/cora-s-story"),
        &article_fields(&csrf_eda, "2", "publish", "Cora's story", "Better draft."),
    );
    assert_eq!(published.status, 303);
    let editor = eda.get(&server.url("/newsroom/articles/cora-s-story"));
    assert!(!editor.body.contains("data-autosave="), "no autosave on a live article");
    let late = autosave_headline(&server, &mut cora, "cora-s-story", &csrf_cora, "3", "Cora's story", "Sneaky.");
    assert_eq!(late.status, 403);
    let live = autosave_headline(&server, &mut eda, "cora-s-story", &csrf_eda, "3", "Cora's story", "Half typed");
    assert_eq!((live.status, json_of(&live)), (409, json!({ "manual": "live" })));
    assert_eq!(revision_count(&server, &mut eda, "cora-s-story"), 3);
    let page = eda.get(&server.url("/articles/cora-s-story")).body;
    assert!(page.contains("Better draft.") && !page.contains("Half typed") && !page.contains("Sneaky."));
}

#[test]
fn autosave_and_preview_answer_401_without_a_session_and_change_nothing() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = new_article(&server, &mut eda, "Ferry plan", "First text.");

    let mut stranger = Browser::default();
    let absent = autosave(&server, &mut stranger, "ferry-plan", &csrf, "1", "Stranger.");
    assert_eq!((absent.status, json_of(&absent)), (401, json!({ "refused": "signed-out" })));
    let preview = stranger.post(&server.url("/newsroom/preview"), &[("csrf", &csrf), ("body", "x")]);
    assert_eq!(preview.status, 401);

    let (mut phone, _) = sign_in(&server, "eda@x.news", PASSWORD);
    end_other_sessions(&server, &mut phone);
    let ended = autosave(&server, &mut eda, "ferry-plan", &csrf, "1", "After the session ended.");
    assert_eq!((ended.status, json_of(&ended)), (401, json!({ "refused": "signed-out" })));
    assert_eq!(revision_count(&server, &mut phone, "ferry-plan"), 1, "nothing saved");
    assert!(!phone.get(&server.url("/newsroom/articles/ferry-plan")).body.contains("After the session ended."));
}

#[test]
fn autosave_reports_every_problem_by_field_and_saves_nothing() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = new_article(&server, &mut eda, "Ferry plan", "First text.");
    let bad = autosave_headline(&server, &mut eda, "ferry-plan", &csrf, "1", " ", "![](/media/nothing)");
    assert_eq!(bad.status, 422);
    let problems = json_of(&bad)["problems"].clone();
    assert!(problems["headline"].is_array(), "{problems}");
    let body = problems["body"].to_string();
    assert!(body.contains("needs alt text") && body.contains("was not found"), "{body}");
    assert_eq!(revision_count(&server, &mut eda, "ferry-plan"), 1);
}

#[test]
fn the_live_preview_is_the_sanitised_body_as_the_page_shows_it() {
    let (_data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    let csrf = cora.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let body =
        "# Heading\n\nSome *text*.<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1))";
    let preview = cora.post(&server.url("/newsroom/preview"), &[("csrf", &csrf), ("body", body)]);
    assert_eq!(preview.status, 200);
    let html = json_of(&preview)["html"].as_str().unwrap().to_owned();
    assert!(html.contains("<h2>Heading</h2>") && html.contains("<em>text</em>"), "{html}");
    for bad in ["<script", "alert(1)</script>", "onerror", "javascript:"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    let problems = cora.post(&server.url("/newsroom/preview"), &[("csrf", &csrf), ("body", "![](/media/none)")]);
    assert_eq!(problems.status, 422);
    assert!(json_of(&problems)["problems"].to_string().contains("needs alt text"));
    let forged = cora.post(&server.url("/newsroom/preview"), &[("csrf", "forged"), ("body", "x")]);
    assert_eq!(forged.status, 403);
}

#[test]
fn a_save_after_the_session_ended_keeps_the_text_until_the_person_signs_in_again() {
    let (_data, server) = newsroom_with_content();
    let (mut laptop, _) = sign_in(&server, "eda@x.news", PASSWORD);
    new_article(&server, &mut laptop, "Harbour notes", "First text.");
    let csrf = laptop.get(&server.url("/newsroom/articles/harbour-notes")).field("csrf").unwrap();
    let (mut phone, _) = sign_in(&server, "eda@x.news", PASSWORD);
    end_other_sessions(&server, &mut phone);

    // Save, without JavaScript, after the session ended: nothing is saved, the sign-in form comes back.
    let typed = "Long work <b>in bold</b> & more.";
    let posted = laptop.post(
        &server.url("/newsroom/articles/harbour-notes"),
        &article_fields(&csrf, "1", "publish", "Harbour notes", typed),
    );
    assert_eq!(posted.status, 401);
    assert!(posted.body.contains("Sign in to the newsroom") && posted.body.contains("Your text is kept"));
    assert_eq!(posted.field("next").as_deref(), Some("/newsroom/articles/harbour-notes"));
    assert!(!posted.body.contains("Long work"), "the text stays on the server, not in the page");
    assert!(laptop.has_cookie("dateline_kept"));
    assert_eq!(revision_count(&server, &mut phone, "harbour-notes"), 1, "nothing saved");
    assert_eq!(phone.get(&server.url("/articles/harbour-notes")).status, 404, "nothing published");

    // Signing in leads back to the editor, with the text in it, escaped, on its old base revision.
    let sign_in_csrf = posted.field("csrf").unwrap();
    let signed_in = laptop.post(
        &server.url("/newsroom/sign-in"),
        &[
            ("email", "eda@x.news"),
            ("password", "a brand new long one"),
            ("csrf", &sign_in_csrf),
            ("next", "/newsroom/articles/harbour-notes"),
        ],
    );
    assert_eq!((signed_in.status, signed_in.location()), (303, Some("/newsroom/articles/harbour-notes")));
    let editor = laptop.get(&server.url("/newsroom/articles/harbour-notes"));
    assert_eq!(editor.status, 200);
    assert!(editor.body.contains("Your text was kept and is in the form below"), "{}", editor.body);
    assert!(editor.body.contains("Long work &lt;b&gt;in bold&lt;/b&gt; &amp; more."), "{}", editor.body);
    assert!(!editor.body.contains("<b>in bold</b>"));
    assert_eq!(editor.field("revision").as_deref(), Some("1"));
    assert!(!editor.body.contains(" data-clean"), "editor.js must not take it for stored text");
    assert!(!laptop.has_cookie("dateline_kept"), "handed back once");
    assert!(!laptop.get(&server.url("/newsroom/articles/harbour-notes")).body.contains("Long work"));
    assert_eq!(revision_count(&server, &mut laptop, "harbour-notes"), 1, "still nothing saved behind their back");

    // Saved only from the fresh form.
    let fresh = editor.field("csrf").unwrap();
    assert_ne!(fresh, csrf);
    let saved = laptop.post(
        &server.url("/newsroom/articles/harbour-notes"),
        &article_fields(&fresh, "1", "save", "Harbour notes", typed),
    );
    assert_eq!(saved.status, 303);
    assert_eq!(revision_count(&server, &mut laptop, "harbour-notes"), 2);
}

#[test]
fn a_new_article_is_kept_for_a_signed_out_browser_but_never_for_another_site() {
    let (_data, server) = newsroom_with_content();
    let fields = article_fields("stale-token", "0", "save", "Night ferry", "Typed while signed out.");
    // Another site's form: no session cookie, and the browser says where the post came from.
    for header in [("Sec-Fetch-Site", "cross-site"), ("Origin", "http://evil.example")] {
        let mut visitor = Browser::default();
        let forged = visitor.post_with_headers(&server.url("/newsroom/articles/new"), &fields, &[header]);
        assert_eq!(
            (forged.status, forged.location()),
            (303, Some("/newsroom/sign-in?next=/newsroom/articles/new")),
            "{header:?}"
        );
        assert!(!visitor.has_cookie("dateline_kept"));
    }
    let mut plain = Browser::default();
    assert_eq!(plain.post(&server.url("/newsroom/articles/new"), &fields).status, 303, "no sign of a session");

    // Our own page (signed out in another tab, say): kept, and back after signing in.
    let mut browser = Browser::default();
    let host = server.base.trim_start_matches("http://").to_owned();
    let origin = format!("http://{host}");
    let posted = browser.post_with_headers(&server.url("/newsroom/articles/new"), &fields, &[("Origin", &origin)]);
    assert_eq!(posted.status, 401);
    let csrf = posted.field("csrf").unwrap();
    let next = posted.field("next").unwrap();
    assert_eq!(next, "/newsroom/articles/new");
    let signed_in = browser.post(
        &server.url("/newsroom/sign-in"),
        &[("email", "aki@x.news"), ("password", PASSWORD), ("csrf", &csrf), ("next", &next)],
    );
    assert_eq!(signed_in.location(), Some("/newsroom/articles/new"));
    let editor = browser.get(&server.url("/newsroom/articles/new"));
    assert!(editor.body.contains("Typed while signed out.") && editor.body.contains(r#"value="Night ferry""#));
    assert!(!browser.get(&server.url("/newsroom/")).body.contains("Night ferry"), "not saved");
}
