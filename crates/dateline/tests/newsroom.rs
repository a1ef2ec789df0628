//! The newsroom's doors: sign-in, sign-out, one-time links, passwords, the
//! role × route matrix and anti-forgery tokens, on the real binary.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use support::newsroom::{PASSWORD, add_user, article_fields, newsroom_with_content, sign_in};
use support::{Browser, Server, dateline, text};

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

// ------------------------------------------------------------------ editing

#[test]
fn a_contributor_drafts_and_submits_an_editor_publishes_and_narration_is_queued() {
    let (data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    let form = cora.get(&server.url("/newsroom/articles/new"));
    assert_eq!(form.status, 200);
    assert!(!form.body.contains(r#"value="publish""#), "no Publish button for contributors");
    let csrf = form.field("csrf").unwrap();
    let saved = cora.post(
        &server.url("/newsroom/articles/new"),
        &article_fields(&csrf, "0", "save", "Ferry service expands", "The council voted."),
    );
    assert_eq!((saved.status, saved.location()), (303, Some("/newsroom/articles/ferry-service-expands?saved")));
    assert_eq!(cora.get(&server.url("/articles/ferry-service-expands")).status, 404, "drafts are not public");

    // A contributor cannot publish, even by crafting the form.
    let publish = cora.post(
        &server.url("/newsroom/articles/ferry-service-expands"),
        &article_fields(&csrf, "1", "publish", "Ferry service expands", "The council voted."),
    );
    assert_eq!(publish.status, 403);
    let submitted = cora.post(
        &server.url("/newsroom/articles/ferry-service-expands"),
        &article_fields(&csrf, "1", "submit", "Ferry service expands", "The council voted."),
    );
    assert_eq!(submitted.status, 303);
    assert!(cora.get(&server.url("/newsroom/")).body.contains("In review"));

    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let edit = eda.get(&server.url("/newsroom/articles/ferry-service-expands"));
    assert!(edit.body.contains(r#"value="publish""#));
    let csrf = edit.field("csrf").unwrap();
    assert_eq!(edit.field("revision").as_deref(), Some("2"));
    let published = eda.post(
        &server.url("/newsroom/articles/ferry-service-expands"),
        &article_fields(&csrf, "2", "publish", "Ferry service expands", "The council voted."),
    );
    assert_eq!(published.status, 303);
    let page = eda.get(&server.url("/articles/ferry-service-expands"));
    assert_eq!(page.status, 200, "live on the site");
    assert!(page.body.contains("Ferry service expands") && page.body.contains("Two new boats."));
    let jobs = text(&dateline(&["jobs", "--data", data.path().to_str().unwrap()]));
    assert!(
        jobs.lines().any(|l| l.contains("ferry-service-expands") && l.contains("queued")),
        "narration queued:\n{jobs}"
    );
    let editor = eda.get(&server.url("/newsroom/articles/ferry-service-expands"));
    assert!(editor.body.contains("Narration: queued."), "the newsroom says so too");
    let history = eda.get(&server.url("/newsroom/articles/ferry-service-expands/history"));
    assert_eq!(history.body.matches("<tr><td>").count(), 3, "three revisions");
    let audit = eda.get(&server.url("/newsroom/audit")).body;
    assert!(audit.contains("in_review → published"), "publishing is audited");
}

#[test]
fn a_second_save_from_an_old_revision_is_refused_with_the_difference_shown() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let (mut ed2, _) = sign_in(&server, "ed2@x.news", PASSWORD);
    let csrf1 = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    eda.post(
        &server.url("/newsroom/articles/new"),
        &article_fields(&csrf1, "0", "save", "Shared story", "First text."),
    );
    // Both open revision 1.
    let csrf2 = ed2.get(&server.url("/newsroom/articles/shared-story")).field("csrf").unwrap();
    let first = eda.post(
        &server.url("/newsroom/articles/shared-story"),
        &article_fields(&csrf1, "1", "save", "Shared story", "Eda's rewrite."),
    );
    assert_eq!(first.status, 303);
    let second = ed2.post(
        &server.url("/newsroom/articles/shared-story"),
        &article_fields(&csrf2, "1", "save", "Shared story", "Ed's other rewrite."),
    );
    assert_eq!(second.status, 409);
    assert!(second.body.contains("Someone saved this article (revision 2)"), "{}", second.body);
    assert!(
        second.body.contains("Eda&#39;s rewrite.") || second.body.contains("Eda's rewrite."),
        "their version shown"
    );
    assert!(
        second.body.contains("Ed&#39;s other rewrite.") || second.body.contains("Ed's other rewrite."),
        "my text kept in the form"
    );
    let current = eda.get(&server.url("/newsroom/articles/shared-story"));
    assert!(
        current.body.contains("Eda&#39;s rewrite.") || current.body.contains("Eda's rewrite."),
        "never silently overwritten"
    );
    assert_eq!(current.field("revision").as_deref(), Some("2"));
}

#[test]
fn invalid_fields_are_all_shown_and_nothing_is_saved() {
    let (_data, server) = newsroom_with_content();
    let (mut aki, _) = sign_in(&server, "aki@x.news", PASSWORD);
    let csrf = aki.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let mut fields = article_fields(&csrf, "0", "save", " ", "Text.");
    fields.retain(|(k, _)| *k != "publish_at" && *k != "contributors" && *k != "slug");
    fields.extend([("publish_at", "next tuesday"), ("contributors", "nobody-here"), ("slug", "Bad Slug")]);
    let refused = aki.post(&server.url("/newsroom/articles/new"), &fields);
    assert_eq!(refused.status, 422);
    for id in ["slug-error", "publish_at-error", "headline-error", "contributors-error"] {
        assert!(refused.body.contains(&format!(r#"id="{id}""#)), "{id} shown next to its field:\n{}", refused.body);
    }
    assert!(refused.body.contains(r#"aria-invalid="true""#));
    assert!(aki.get(&server.url("/newsroom/")).body.contains("No articles yet"), "nothing saved");
}

#[test]
fn preview_shows_the_page_without_saving_and_authors_keep_to_their_own_work() {
    let (_data, server) = newsroom_with_content();
    let (mut aki, _) = sign_in(&server, "aki@x.news", PASSWORD);
    let csrf = aki.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let preview = aki.post(
        &server.url("/newsroom/articles/new"),
        &article_fields(&csrf, "0", "preview", "Preview only", "# A heading\n\nText."),
    );
    assert_eq!(preview.status, 200);
    assert!(preview.body.contains("Preview only") && preview.body.contains("<h2>A heading</h2>"));
    assert!(aki.get(&server.url("/newsroom/")).body.contains("No articles yet"), "a preview saves nothing");

    // An author publishes their own article…
    let published = aki
        .post(&server.url("/newsroom/articles/new"), &article_fields(&csrf, "0", "publish", "Author's own", "Text."));
    assert_eq!(published.status, 303);
    let own =
        published.location().unwrap().trim_start_matches("/newsroom/articles/").trim_end_matches("?saved").to_owned();
    assert_eq!(aki.get(&server.url(&format!("/articles/{own}"))).status, 200);
    // …but cannot open someone else's (an imported article has no owner: editors only).
    assert_eq!(aki.get(&server.url("/newsroom/articles/lake-towns-move")).status, 403);
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    assert_eq!(cora.get(&server.url(&format!("/newsroom/articles/{own}"))).status, 403);
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let imported = eda.get(&server.url("/newsroom/articles/lake-towns-move"));
    assert_eq!(imported.status, 200, "editors edit everything, imported articles too");
    assert!(imported.body.contains("Lake towns move to higher ground"));
}

#[test]
fn editors_raise_and_lower_the_breaking_strip_from_the_newsroom() {
    let (_data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    assert_eq!(cora.get(&server.url("/newsroom/breaking")).status, 403);
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/breaking")).field("csrf").unwrap();
    let bad = eda.post(
        &server.url("/newsroom/breaking"),
        &[("csrf", &csrf), ("text", "Polls close"), ("link", "javascript:alert(1)"), ("until", "whenever")],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("or give a duration like 90m or 2h"), "{}", bad.body);
    assert!(!eda.get(&server.url("/")).body.contains("Polls close"), "nothing raised");

    let raised = eda.post(
        &server.url("/newsroom/breaking"),
        &[("csrf", &csrf), ("text", "Polls close"), ("link", "/articles/older"), ("until", "1h")],
    );
    assert_eq!(raised.status, 200);
    for path in ["/", "/articles/lake-towns-move", "/sections/world"] {
        assert!(eda.get(&server.url(path)).body.contains("Polls close"), "{path} shows the strip at once");
    }
    let lowered = eda.post(&server.url("/newsroom/breaking/lower"), &[("csrf", &csrf)]);
    assert_eq!(lowered.status, 200);
    assert!(!eda.get(&server.url("/")).body.contains("Polls close"));
    let audit = eda.get(&server.url("/newsroom/audit")).body;
    assert!(audit.contains("breaking-raised") && audit.contains("breaking-lowered"));
}

#[test]
fn unpublishing_takes_an_article_off_the_site_and_scheduling_goes_live_on_time_after_a_restart() {
    let (data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    eda.post(&server.url("/newsroom/articles/new"), &article_fields(&csrf, "0", "publish", "Live now", "Text."));
    assert_eq!(eda.get(&server.url("/articles/live-now")).status, 200);
    let down = eda.post(
        &server.url("/newsroom/articles/live-now"),
        &article_fields(&csrf, "1", "unpublish", "Live now", "Text."),
    );
    assert_eq!(down.status, 303);
    assert_eq!(eda.get(&server.url("/articles/live-now")).status, 404, "unpublished");
    assert!(eda.get(&server.url("/newsroom/")).body.contains("Unpublished"));

    // Scheduled a few seconds ahead, across a restart.
    let at = (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(4)).to_string();
    let mut fields = article_fields(&csrf, "0", "publish", "Later today", "Text.");
    fields.retain(|(k, _)| *k != "publish_at");
    fields.push(("publish_at", &at));
    assert_eq!(eda.post(&server.url("/newsroom/articles/new"), &fields).status, 303);
    assert!(eda.get(&server.url("/newsroom/")).body.contains("Scheduled"));
    assert_eq!(eda.get(&server.url("/articles/later-today")).status, 404, "not yet");
    server.kill_9();
    let server = Server::start("serve", data.path());
    std::thread::sleep(std::time::Duration::from_millis(4500));
    assert_eq!(support::get(&server.url("/articles/later-today")).0, 200, "live on time after the restart");
}

#[test]
fn an_editor_adds_a_correction_shown_on_the_page_and_narrated_again() {
    let (data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    let csrf = cora.get(&server.url("/newsroom/")).field("csrf").unwrap();
    let refused =
        cora.post(&server.url("/newsroom/articles/older/corrections"), &[("csrf", &csrf), ("text", "Sneaky.")]);
    assert_eq!(refused.status, 403, "contributors cannot add corrections");

    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let edit = eda.get(&server.url("/newsroom/articles/older"));
    assert!(edit.body.contains("Add a correction"), "offered on published articles");
    let csrf = edit.field("csrf").unwrap();
    let before = support::get(&server.url("/articles/older")).1;
    assert!(!before.contains("Correction"));
    let added = eda.post(
        &server.url("/newsroom/articles/older/corrections"),
        &[("csrf", &csrf), ("text", "An earlier version said the catch was on Monday; it was on Tuesday.")],
    );
    assert_eq!(added.status, 303);
    let page = support::get(&server.url("/articles/older")).1;
    support::assert_in_order(
        &page,
        &[r#"id="corrections-heading""#, "An earlier version said the catch was on Monday"],
    );
    assert!(page.contains("Updated"), "the article shows its update time");
    let jobs = text(&dateline(&["jobs", "--data", data.path().to_str().unwrap()]));
    assert!(jobs.lines().any(|l| l.contains(" older ") && l.contains("queued")), "narrated again:\n{jobs}");
    assert!(eda.get(&server.url("/newsroom/audit")).body.contains("correction-added"));
    // Once narrated (here by the CLI, as a worker would), the podcast episode carries the correction too.
    let narrated = dateline(&["narrate", "older", "--data", data.path().to_str().unwrap()]);
    assert!(narrated.status.success(), "{}", text(&narrated));
    let feed = support::get(&server.url("/podcast.xml")).1;
    let episode = feed.split("<item>").find(|i| i.contains("/articles/older")).expect("an episode");
    assert!(
        episode.contains("Correction, ") && episode.contains("the catch was on Monday; it was on Tuesday"),
        "{episode}"
    );
    assert_eq!(
        eda.post(&server.url("/newsroom/articles/unfinished/corrections"), &[("csrf", &csrf), ("text", "x")]).status,
        404,
        "only published articles take corrections"
    );
}

#[test]
fn history_shows_what_each_revision_changed_and_an_old_one_can_be_restored() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    eda.post(&server.url("/newsroom/articles/new"), &article_fields(&csrf, "0", "save", "Ferry plan", "First text."));
    eda.post(
        &server.url("/newsroom/articles/ferry-plan"),
        &article_fields(&csrf, "1", "save", "Ferry plan", "Second text."),
    );
    let history = eda.get(&server.url("/newsroom/articles/ferry-plan/history")).body;
    assert!(history.contains("<td>Text (Markdown)</td>"), "revision 2 changed the text:\n{history}");
    assert!(history.contains("First version"));
    let restore = eda.get(&server.url("/newsroom/articles/ferry-plan?from=1"));
    assert!(restore.body.contains("This is revision 1") && restore.body.contains("First text."), "{}", restore.body);
    assert_eq!(restore.field("revision").as_deref(), Some("2"), "saving builds on the current revision");
    let saved = eda.post(
        &server.url("/newsroom/articles/ferry-plan"),
        &article_fields(&csrf, "2", "save", "Ferry plan", "First text."),
    );
    assert_eq!(saved.status, 303);
    let now = eda.get(&server.url("/newsroom/articles/ferry-plan"));
    assert!(
        now.body.contains("First text.") && now.field("revision").as_deref() == Some("3"),
        "restored as revision 3"
    );
    assert_eq!(eda.get(&server.url("/newsroom/articles/ferry-plan?from=99")).status, 404);
}

#[test]
fn editors_keep_the_pronunciation_lexicon_and_bad_entries_save_nothing() {
    let (data, server) = newsroom_with_content();
    let file = data.path().join("lexicon/en.toml");
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    assert_eq!(cora.get(&server.url("/newsroom/lexicon")).status, 403);
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let page = eda.get(&server.url("/newsroom/lexicon?lang=en"));
    assert_eq!(page.status, 200);
    let csrf = page.field("csrf").unwrap();
    let good = "\"Nyando\" = { say = \"Nyahn-doh\" }\n";
    let saved = eda.post(&server.url("/newsroom/lexicon"), &[("csrf", &csrf), ("lang", "en"), ("text", good)]);
    assert_eq!(saved.status, 200);
    assert!(saved.body.contains("Saved."));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), good);

    let bad = "\"Nyando\" = { say = \"Nyahn-doh\" }\n\"Kisumu\" = { ipa = \"<script>\" }\n";
    let refused = eda.post(&server.url("/newsroom/lexicon"), &[("csrf", &csrf), ("lang", "en"), ("text", bad)]);
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Nothing was saved") && refused.body.contains("is not IPA"), "{}", refused.body);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), good, "the file is unchanged");
    for lang in ["../x", "en-GB/../../etc"] {
        assert_eq!(
            eda.post(&server.url("/newsroom/lexicon"), &[("csrf", &csrf), ("lang", lang), ("text", good)]).status,
            400
        );
    }
    assert!(eda.get(&server.url("/newsroom/audit")).body.contains("lexicon-changed"));
}

#[test]
fn editors_manage_contributors_and_sections_and_bad_input_saves_nothing() {
    let (_data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    assert_eq!(cora.get(&server.url("/newsroom/contributors")).status, 403);
    assert_eq!(cora.get(&server.url("/newsroom/sections")).status, 403);

    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = eda.get(&server.url("/newsroom/contributors")).field("csrf").unwrap();
    let bad = eda.post(
        &server.url("/newsroom/contributors"),
        &[("csrf", &csrf), ("slug", "Not A Slug"), ("name", " "), ("kind", "robot"), ("bio", "")],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("is not a slug") && bad.body.contains("kind must be"), "{}", bad.body);
    let added = eda.post(
        &server.url("/newsroom/contributors"),
        &[
            ("csrf", &csrf),
            ("slug", "halima-yusuf"),
            ("name", "Halima Yusuf"),
            ("kind", "person"),
            ("bio", "Reports on ports."),
        ],
    );
    assert_eq!(added.status, 303);
    assert_eq!(support::get(&server.url("/contributors/halima-yusuf")).0, 200, "the contributor page exists at once");
    let edit = eda.get(&server.url("/newsroom/contributors/halima-yusuf"));
    assert!(edit.body.contains("readonly") && edit.body.contains("Reports on ports."), "the slug stays");
    eda.post(
        &server.url("/newsroom/contributors"),
        &[
            ("csrf", &csrf),
            ("slug", "halima-yusuf"),
            ("name", "Halima Yusuf"),
            ("kind", "person"),
            ("bio", "Covers ports and shipping."),
        ],
    );
    assert!(support::get(&server.url("/contributors/halima-yusuf")).1.contains("Covers ports and shipping."));

    let bad = eda.post(
        &server.url("/newsroom/sections"),
        &[("csrf", &csrf), ("slug", "sport"), ("name", "Sport"), ("language", "not a language"), ("position", "x")],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("BCP 47") && bad.body.contains("whole number"), "{}", bad.body);
    assert!(!support::get(&server.url("/")).1.contains("/sections/sport"), "nothing saved");
    let added = eda.post(
        &server.url("/newsroom/sections"),
        &[("csrf", &csrf), ("slug", "sport"), ("name", "Sport"), ("language", "en"), ("position", "5")],
    );
    assert_eq!(added.status, 303);
    assert!(support::get(&server.url("/")).1.contains(r#"href="/sections/sport""#), "in the navigation at once");
    let audit = eda.get(&server.url("/newsroom/audit")).body;
    assert!(
        audit.contains("contributor-added") && audit.contains("contributor-changed") && audit.contains("section-added")
    );
}
