#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

//! The whole role × route matrix of the newsroom, on the real binary: every
//! route in `crates/web/src/newsroom/mod.rs`, every method it answers, for an
//! anonymous visitor and each role. A test below fails when a route exists
//! without a row here, so a new route cannot skip its authorization check.
//!
//! Every POST carries the session's real anti-forgery token, so a refusal
//! comes from the role check, not from CSRF; and every refused POST is checked
//! to have changed nothing (a "probe" of the state it would have touched is
//! taken before and after). Each cell gets fresh fixtures and a fresh session,
//! so cells do not depend on each other's side effects.

mod support;

use std::collections::BTreeSet;

use support::newsroom::{PASSWORD, add_user};
use support::{Browser, Page, Server, dateline, text};

// ------------------------------------------------------------------- the table

/// The matrix. Columns: anonymous, contributor, author, editor, admin.
///
/// `OK` 200 · `DONE` 303 after a successful POST · `BAD` 400 (allowed in, but
/// the request makes no sense) · `DENY` 403 with the "Not allowed" page, nothing
/// changed · `LOGIN` 303 to `/newsroom/sign-in?next=…`, nothing changed.
///
/// Adding a route: one row with its method, the route exactly as in `mod.rs`,
/// and a [`Case`] (what the request does and to what). A plain page is `Plain`
/// (or `On("slug")` when the route has a `{slug}`); a new kind of form needs a
/// new `Case` variant with its fixture, fields and probe in `World::prepare`.
#[rustfmt::skip]
const MATRIX: &[Row] = &[
    //  HTTP  route                                    case                         anon   contr  author editor admin
    // Public doors: open to everyone, signed in or not.
    row(GET,  "/newsroom/sign-in",                     Plain,                      [OK,    OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/sign-in",                     SignIn,                     [DONE,  DONE,  DONE,  DONE,  DONE]),
    row(GET,  "/newsroom/link/{token}",                OneTimeLink,                [OK,    OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/link/{token}",                OneTimeLink,                [DONE,  DONE,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/sign-out",                    SignOut,                    [LOGIN, DONE,  DONE,  DONE,  DONE]),
    // Everyone signed in.
    row(GET,  "/newsroom/",                            Plain,                      [LOGIN, OK,    OK,    OK,    OK]),
    row(GET,  "/newsroom/password",                    Plain,                      [LOGIN, OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/password",                    ChangePassword,             [LOGIN, OK,    OK,    OK,    OK]),
    // Articles: contributors write drafts, authors publish their own, editors everything.
    row(GET,  "/newsroom/articles/new",                Plain,                      [LOGIN, OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/articles/new",                NewArticle(Save),           [LOGIN, DONE,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/new",                NewArticle(Submit),         [LOGIN, DONE,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/new",                NewArticle(Preview),        [LOGIN, OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/articles/new",                NewArticle(Publish),        [LOGIN, DENY,  DONE,  DONE,  DONE]),
    row(GET,  "/newsroom/articles/{slug}",             View(CorasDraft),           [LOGIN, OK,    DENY,  OK,    OK]),
    row(GET,  "/newsroom/articles/{slug}",             View(AkisDraft),            [LOGIN, DENY,  OK,    OK,    OK]),
    row(GET,  "/newsroom/articles/{slug}",             View(Imported),             [LOGIN, DENY,  DENY,  OK,    OK]),
    row(GET,  "/newsroom/articles/{slug}/history",     View(CorasDraft),           [LOGIN, OK,    DENY,  OK,    OK]),
    row(GET,  "/newsroom/articles/{slug}/history",     View(AkisDraft),            [LOGIN, DENY,  OK,    OK,    OK]),
    row(GET,  "/newsroom/articles/{slug}/history",     View(Imported),             [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Save, CorasDraft),     [LOGIN, DONE,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Save, AkisDraft),      [LOGIN, DENY,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Save, Imported),       [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Save, CorasLive),      [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Submit, CorasDraft),   [LOGIN, DONE,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Preview, CorasDraft),  [LOGIN, OK,    DENY,  OK,    OK]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Preview, AkisDraft),   [LOGIN, DENY,  OK,    OK,    OK]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Publish, CorasDraft),  [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Publish, AkisDraft),   [LOGIN, DENY,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Unpublish, AkisLive),  [LOGIN, DENY,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}",             Edit(Unpublish, CorasLive), [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}/corrections", Correction(AkisLive),       [LOGIN, DENY,  DENY,  DONE,  DONE]),
    // The editor's script: JSON answers (401 signed out, 403 refused, 409 live articles wait for Save).
    row(POST, "/newsroom/articles/{slug}/autosave",    Autosave(CorasDraft),       [NOAUTH, OK,   REFUSED, OK,   OK]),
    row(POST, "/newsroom/articles/{slug}/autosave",    Autosave(AkisDraft),        [NOAUTH, REFUSED, OK,  OK,    OK]),
    row(POST, "/newsroom/articles/{slug}/autosave",    Autosave(CorasLive),        [NOAUTH, REFUSED, REFUSED, LIVE, LIVE]),
    row(POST, "/newsroom/preview",                     LivePreview,                [NOAUTH, OK,   OK,    OK,    OK]),
    // The media library: everyone in the newsroom uploads.
    row(GET,  "/newsroom/media",                       Plain,                      [LOGIN, OK,    OK,    OK,    OK]),
    row(POST, "/newsroom/media",                       Upload,                     [LOGIN, DONE,  DONE,  DONE,  DONE]),
    row(POST, "/newsroom/articles/{slug}/corrections", Correction(Imported),       [LOGIN, DENY,  DENY,  DONE,  DONE]),
    // Editors: breaking news, lexicon, contributors, sections, the audit log.
    row(GET,  "/newsroom/breaking",                    Plain,                      [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/breaking",                    RaiseStrip,                 [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/breaking/lower",              LowerStrip,                 [LOGIN, DENY,  DENY,  OK,    OK]),
    row(GET,  "/newsroom/lexicon",                     Plain,                      [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/lexicon",                     SaveLexicon,                [LOGIN, DENY,  DENY,  OK,    OK]),
    row(GET,  "/newsroom/contributors",                Plain,                      [LOGIN, DENY,  DENY,  OK,    OK]),
    row(GET,  "/newsroom/contributors/{slug}",         On("lakeside-desk"),        [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/contributors",                NewContributor,             [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/contributors",                EditContributor,            [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(GET,  "/newsroom/sections",                    Plain,                      [LOGIN, DENY,  DENY,  OK,    OK]),
    row(GET,  "/newsroom/sections/{slug}",             On("world"),                [LOGIN, DENY,  DENY,  OK,    OK]),
    row(POST, "/newsroom/sections",                    NewSection,                 [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(POST, "/newsroom/sections",                    EditSection,                [LOGIN, DENY,  DENY,  DONE,  DONE]),
    row(GET,  "/newsroom/audit",                       Plain,                      [LOGIN, DENY,  DENY,  OK,    OK]),
    // Admins: people and their roles (never their own: a newsroom keeps its admin).
    row(GET,  "/newsroom/users",                       Plain,                      [LOGIN, DENY,  DENY,  DENY,  OK]),
    row(POST, "/newsroom/users/{id}/role",             RoleOf(NewPerson),          [LOGIN, DENY,  DENY,  DENY,  DONE]),
    row(POST, "/newsroom/users/{id}/role",             RoleOf(Themself),           [LOGIN, DENY,  DENY,  DENY,  BAD]),
    row(GET,  "/newsroom/api-keys",                    Plain,                      [LOGIN, DENY,  DENY,  DENY,  OK]),
    row(POST, "/newsroom/api-keys",                    NewApiKey,                  [LOGIN, DENY,  DENY,  DENY,  OK]),
    row(POST, "/newsroom/api-keys/{id}/revoke",        RevokeApiKey,               [LOGIN, DENY,  DENY,  DENY,  DONE]),
];

/// What one identity should get.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    /// The handler ran and answered this status.
    Allow(u16),
    /// 403 with the "Not allowed" page.
    Deny,
    /// 303 to the sign-in form, coming back here after.
    SignIn,
    /// 403 with a JSON `refused` answer (the editor's script asked).
    Refused,
}

const OK: Want = Want::Allow(200);
const DONE: Want = Want::Allow(303);
const BAD: Want = Want::Allow(400);
const DENY: Want = Want::Deny;
const LOGIN: Want = Want::SignIn;
const NOAUTH: Want = Want::Allow(401);
const LIVE: Want = Want::Allow(409);
const REFUSED: Want = Want::Refused;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Method {
    Get,
    Post,
}

const GET: Method = Method::Get;
const POST: Method = Method::Post;

/// What a request does, and to which fixture.
#[derive(Clone, Copy, Debug)]
enum Case {
    /// A page with nothing to set up.
    Plain,
    /// A page about an existing catalogue entry (contributor or section).
    On(&'static str),
    /// The sign-in form, with the password of a separate person ("door").
    SignIn,
    /// A fresh one-time sign-in link for "door".
    OneTimeLink,
    SignOut,
    /// Change one's password (then change it back).
    ChangePassword,
    NewArticle(Action),
    /// The editor or history page of an article.
    View(Whose),
    /// The editor form sent with this action.
    Edit(Action, Whose),
    Correction(Whose),
    RaiseStrip,
    LowerStrip,
    SaveLexicon,
    NewContributor,
    EditContributor,
    NewSection,
    EditSection,
    RoleOf(Person),
    /// The editor's autosave of an article.
    Autosave(Whose),
    /// The editor's live preview of a body.
    LivePreview,
    /// A new image into the media library (a multipart form with a file).
    Upload,
    /// A content-API key made in the newsroom (shown once on the answer).
    NewApiKey,
    /// A key made with the CLI, revoked in the newsroom.
    RevokeApiKey,
}

/// The editor form's buttons.
#[derive(Clone, Copy, Debug)]
enum Action {
    Save,
    Submit,
    Preview,
    Publish,
    Unpublish,
}

/// Whose article a cell works on: made fresh for every cell, but for the imported one.
#[derive(Clone, Copy, Debug)]
enum Whose {
    /// A draft the contributor wrote.
    CorasDraft,
    /// A draft the author wrote.
    AkisDraft,
    /// An article the author wrote and published.
    AkisLive,
    /// An article the contributor wrote and an editor published.
    CorasLive,
    /// An article from `dateline import`: it has no owner until an editor saves it.
    Imported,
}

#[derive(Clone, Copy, Debug)]
enum Person {
    /// A contributor added for this cell, to be made an editor.
    NewPerson,
    /// The person sending the form (admins may not change their own role).
    Themself,
}

use Action::*;
use Case::*;
use Person::*;
use Whose::*;

struct Row {
    method: Method,
    route: &'static str,
    case: Case,
    want: [Want; 5],
}

const fn row(method: Method, route: &'static str, case: Case, want: [Want; 5]) -> Row {
    Row { method, route, case, want }
}

/// The columns, in the table's order.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Contributor,
    Author,
    Editor,
    Admin,
}

const COLUMNS: [Who; 5] = [Who::Anonymous, Who::Contributor, Who::Author, Who::Editor, Who::Admin];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::Contributor => Some(CORA),
            Who::Author => Some(AKI),
            Who::Editor => Some(EDA),
            Who::Admin => Some(ADA),
        }
    }
}

// ---------------------------------------------------------------- the world

const OTHER_PASSWORD: &str = "a different long password";
const CORA: &str = "cora@x.news";
const AKI: &str = "aki@x.news";
const EDA: &str = "eda@x.news";
const ADA: &str = "ada@x.news";
/// An admin used only to set up fixtures and look at state: never a cell's identity.
const WATCH: &str = "watch@x.news";
/// The person the public sign-in forms sign in.
const DOOR: &str = "door@x.news";
const IMPORTED: &str = "older";
/// Sent by anonymous visitors, who have no session and so no token.
const NO_TOKEN: &str = "anonymous-visitors-have-no-token";

/// Where the state a request could change is looked at.
enum Probe {
    Nothing,
    /// The article in the newsroom (status, revision) and on the public site.
    Article(String),
    /// Whether a public page (path) shows this text.
    Shows(String, String),
    /// The status of a public page.
    Status(String),
    Lexicon,
    Role(String),
    /// Who the cell's own browser is signed in as.
    SignedInAs,
    /// How many images the media library holds.
    Library,
    /// `dateline apikey list`.
    ApiKeys,
}

/// A cell ready to send.
struct Prepared {
    path: String,
    /// The page the anti-forgery token is read from.
    token_page: String,
    fields: Vec<(String, String)>,
    probe: Probe,
    /// Whether an allowed request must change what the probe sees.
    changes: bool,
    /// An image file to send as `multipart/form-data` with the fields.
    file: Option<Vec<u8>>,
}

struct World {
    data: tempfile::TempDir,
    server: Server,
    watch: Browser,
    /// Numbers each cell, for unique names.
    n: usize,
}

fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn article_fields(action: &str, revision: &str, slug: &str, headline: &str) -> Vec<(String, String)> {
    pairs(&[
        ("revision", revision),
        ("action", action),
        ("headline", headline),
        ("dek", "A short standfirst."),
        ("slug", slug),
        ("section", "world"),
        ("contributors", "lakeside-desk"),
        ("dateline", "KISUMU"),
        ("language", "en"),
        ("tags", "ferries"),
        ("summary", "Two new boats."),
        ("body", "The council voted."),
        ("publish_at", ""),
    ])
}

fn action_name(a: Action) -> &'static str {
    match a {
        Save => "save",
        Submit => "submit",
        Preview => "preview",
        Publish => "publish",
        Unpublish => "unpublish",
    }
}

/// Undoes the sign-in redirect's percent-encoding of `next`.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

impl World {
    fn new() -> World {
        let data = tempfile::tempdir().unwrap();
        let d = data.path().to_str().unwrap();
        let content = dateline_import::fixtures::prepare("good").unwrap();
        let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
        assert!(out.status.success(), "{}", text(&out));
        for (email, role) in [
            (CORA, "contributor"),
            (AKI, "author"),
            (EDA, "editor"),
            (ADA, "admin"),
            (WATCH, "admin"),
            (DOOR, "contributor"),
        ] {
            add_user(d, email, role);
        }
        let server = Server::start("serve", data.path());
        let watch = sign_in(&server, WATCH);
        World { data, server, watch, n: 0 }
    }

    fn d(&self) -> &str {
        self.data.path().to_str().unwrap()
    }

    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Posts a form as the watching admin, with its token.
    fn watch_post(&mut self, path: &str, fields: &[(String, String)]) -> Page {
        let csrf = self.watch.get(&self.url("/newsroom/")).field("csrf").unwrap();
        let mut all = vec![("csrf".to_owned(), csrf)];
        all.extend_from_slice(fields);
        let borrowed: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let url = self.url(path);
        self.watch.post(&url, &borrowed)
    }

    /// A new article by `owner`, saved (or published) through the editor.
    fn article_by(&mut self, owner: &str, action: &str) -> String {
        let slug = format!("cell-{}-by-{}", self.n, &owner[..owner.find('@').unwrap()]);
        let mut browser = sign_in(&self.server, owner);
        let csrf = browser.get(&self.url("/newsroom/")).field("csrf").unwrap();
        let mut fields = vec![("csrf".to_owned(), csrf)];
        fields.extend(article_fields(action, "0", &slug, &format!("Cell {} by {owner}", self.n)));
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let made = browser.post(&self.url("/newsroom/articles/new"), &borrowed);
        assert_eq!(made.status, 303, "fixture: {owner} {action}s {slug}: {}", made.body);
        slug
    }

    fn fixture(&mut self, whose: Whose) -> String {
        match whose {
            CorasDraft => self.article_by(CORA, "save"),
            AkisDraft => self.article_by(AKI, "save"),
            AkisLive => self.article_by(AKI, "publish"),
            CorasLive => {
                let slug = self.article_by(CORA, "save");
                let rev = self.revision(&slug);
                let published = self.watch_post(
                    &format!("/newsroom/articles/{slug}"),
                    &article_fields("publish", &rev, &slug, &format!("Cell {} by cora", self.n)),
                );
                assert_eq!(published.status, 303, "fixture: an editor publishes {slug}");
                slug
            }
            Imported => IMPORTED.to_owned(),
        }
    }

    /// The article's current revision, as its editor form says.
    fn revision(&mut self, slug: &str) -> String {
        let url = self.url(&format!("/newsroom/articles/{slug}"));
        self.watch.get(&url).field("revision").unwrap()
    }

    /// The id in the role form of `email`'s row on the people page.
    fn user_id(&mut self, email: &str) -> String {
        let url = self.url("/newsroom/users");
        let page = self.watch.get(&url).body;
        let row = &page[page.find(&format!("<td>{email}</td>")).unwrap()..];
        let after = &row[row.find("/newsroom/users/").unwrap() + "/newsroom/users/".len()..];
        after[..after.find('/').unwrap()].to_owned()
    }

    fn new_link(&self) -> String {
        let out = dateline(&["user", "link", "--email", DOOR, "--data", self.d()]);
        assert!(out.status.success(), "{}", text(&out));
        let printed = text(&out);
        let at = printed.find("/newsroom/link/").unwrap() + "/newsroom/link/".len();
        printed[at..].trim().to_owned()
    }

    /// Sets up the fixtures of one cell and fills in the route's parameters.
    fn prepare(&mut self, route: &str, case: Case, who: Who) -> Prepared {
        self.n += 1;
        let n = self.n;
        let mut p = Prepared {
            path: route.to_owned(),
            token_page: "/newsroom/".to_owned(),
            fields: Vec::new(),
            probe: Probe::Nothing,
            changes: true,
            file: None,
        };
        let mut slug = None;
        let mut id = None;
        let mut token = None;
        match case {
            Plain => p.changes = false,
            On(s) => {
                slug = Some(s.to_owned());
                p.changes = false;
            }
            SignIn => {
                p.token_page = "/newsroom/sign-in".into();
                p.fields = pairs(&[("email", DOOR), ("password", PASSWORD), ("next", "/newsroom/")]);
                p.probe = Probe::SignedInAs;
            }
            OneTimeLink => {
                let t = self.new_link();
                p.token_page = format!("/newsroom/link/{t}");
                token = Some(t);
                p.probe = Probe::SignedInAs;
            }
            SignOut => p.probe = Probe::SignedInAs,
            ChangePassword => {
                // Proved by changing it back with the new password (see `run`).
                p.changes = false;
                p.fields = pairs(&[("current", PASSWORD), ("new", OTHER_PASSWORD), ("repeat", OTHER_PASSWORD)]);
            }
            NewArticle(action) => {
                let s = format!("cell-{n}-new");
                p.fields = article_fields(action_name(action), "0", &s, &format!("Cell {n} new"));
                p.probe = Probe::Article(s);
                p.changes = !matches!(action, Preview);
            }
            View(whose) => {
                slug = Some(self.fixture(whose));
                p.changes = false;
            }
            Edit(action, whose) => {
                let s = self.fixture(whose);
                let rev = self.revision(&s);
                p.fields = article_fields(action_name(action), &rev, &s, &format!("Cell {n} edited"));
                p.probe = Probe::Article(s.clone());
                p.changes = !matches!(action, Preview);
                slug = Some(s);
            }
            Correction(whose) => {
                let s = self.fixture(whose);
                let text = format!("Cell {n} corrects this.");
                p.fields = pairs(&[("text", &text)]);
                p.probe = Probe::Shows(format!("/articles/{s}"), text);
                slug = Some(s);
            }
            RaiseStrip => {
                let strip = format!("Cell {n} strip");
                p.fields = pairs(&[("text", &strip), ("link", "/articles/older"), ("until", "1h")]);
                p.probe = Probe::Shows("/".into(), strip);
            }
            LowerStrip => {
                let strip = format!("Cell {n} strip");
                let raised = self.watch_post("/newsroom/breaking", &pairs(&[("text", &strip), ("until", "1h")]));
                assert_eq!(raised.status, 200, "fixture: the strip is raised");
                p.probe = Probe::Shows("/".into(), strip);
            }
            SaveLexicon => {
                p.fields = pairs(&[("lang", "en"), ("text", &format!("\"Cell{n}\" = {{ say = \"Sell {n}\" }}\n"))]);
                p.probe = Probe::Lexicon;
            }
            NewContributor => {
                let s = format!("cell-{n}-person");
                p.fields = pairs(&[("slug", &s), ("name", "Cell Person"), ("kind", "person"), ("bio", "Writes.")]);
                p.probe = Probe::Status(format!("/contributors/{s}"));
            }
            EditContributor => {
                let bio = format!("Cell {n} desk bio.");
                p.fields =
                    pairs(&[("slug", "lakeside-desk"), ("name", "Lakeside Desk"), ("kind", "desk"), ("bio", &bio)]);
                p.probe = Probe::Shows("/contributors/lakeside-desk".into(), bio);
            }
            NewSection => {
                let s = format!("cell-{n}-section");
                p.fields = pairs(&[("slug", &s), ("name", "Cell Section"), ("language", "en"), ("position", "9")]);
                p.probe = Probe::Shows("/".into(), format!("href=\"/sections/{s}\""));
            }
            EditSection => {
                let name = format!("World {n}");
                p.fields = pairs(&[("slug", "world"), ("name", &name), ("language", "en"), ("position", "0")]);
                p.probe = Probe::Shows("/".into(), name);
            }
            Autosave(whose) => {
                let s = self.fixture(whose);
                let rev = self.revision(&s);
                p.fields = article_fields("save", &rev, &s, &format!("Cell {n} autosaved"));
                p.fields.retain(|(k, _)| k != "action");
                p.probe = Probe::Article(s.clone());
                // A live article is left for Save: allowed in, nothing changes.
                p.changes = !matches!(whose, CorasLive | AkisLive);
                slug = Some(s);
            }
            LivePreview => {
                p.fields = pairs(&[("body", &format!("Cell {n} *previews* this."))]);
                p.changes = false;
            }
            Upload => {
                p.token_page = "/newsroom/media".into();
                p.fields = pairs(&[("alt", &format!("Cell {n} picture")), ("credit", "Cell Photographer")]);
                p.file = Some(distinct_png(n));
                p.probe = Probe::Library;
            }
            RoleOf(person) => {
                let email = match (person, who.email()) {
                    (NewPerson, _) => {
                        let email = format!("cell-{n}@x.news");
                        let out = dateline(&[
                            "user",
                            "add",
                            "--email",
                            &email,
                            "--role",
                            "contributor",
                            "--link",
                            "--data",
                            self.d(),
                        ]);
                        assert!(out.status.success(), "{}", text(&out));
                        email
                    }
                    (Themself, Some(me)) => me.to_owned(),
                    // Anonymous visitors have no self: they try the admin's.
                    (Themself, None) => ADA.to_owned(),
                };
                id = Some(self.user_id(&email));
                let role = if matches!(person, NewPerson) { "editor" } else { "contributor" };
                p.fields = pairs(&[("role", role)]);
                p.probe = Probe::Role(email);
            }
            NewApiKey => {
                p.fields = pairs(&[("name", &format!("cell {n} key")), ("role", "editor")]);
                p.probe = Probe::ApiKeys;
            }
            RevokeApiKey => {
                let name = format!("cell {n} key");
                let out = dateline(&["apikey", "add", "--name", &name, "--role", "author", "--data", self.d()]);
                assert!(out.status.success(), "{}", text(&out));
                let page = self.watch.get(&self.url("/newsroom/api-keys")).body;
                let row = &page[page.find(&format!("<td>{name}</td>")).unwrap()..];
                let after = &row[row.find("/newsroom/api-keys/").unwrap() + "/newsroom/api-keys/".len()..];
                id = Some(after[..after.find('/').unwrap()].to_owned());
                p.probe = Probe::ApiKeys;
            }
        }
        for (name, value) in [("{slug}", slug), ("{id}", id), ("{token}", token)] {
            if p.path.contains(name) {
                p.path = p.path.replace(name, &value.unwrap_or_else(|| panic!("{case:?} gives no {name}")));
            }
        }
        p
    }

    /// What the probe sees now.
    fn look(&mut self, probe: &Probe, browser: &mut Browser) -> String {
        match probe {
            Probe::Nothing => String::new(),
            Probe::Article(slug) => {
                let url = self.url(&format!("/newsroom/articles/{slug}"));
                let editor = self.watch.get(&url);
                let badge = editor
                    .body
                    .split_once(r#"<span class="status-badge">"#)
                    .and_then(|(_, rest)| rest.split_once('<'))
                    .map(|(badge, _)| badge.to_owned())
                    .unwrap_or_default();
                let public = support::get(&self.url(&format!("/articles/{slug}"))).0;
                format!("newsroom {} rev {:?} {badge}; public {public}", editor.status, editor.field("revision"))
            }
            Probe::Shows(path, needle) => {
                let (status, body) = support::get(&self.url(path));
                format!("{path} {status} shows it: {}", body.contains(needle))
            }
            Probe::Status(path) => format!("{path} {}", support::get(&self.url(path)).0),
            Probe::Lexicon => std::fs::read_to_string(self.data.path().join("lexicon/en.toml")).unwrap_or_default(),
            Probe::Role(email) => {
                let list = text(&dateline(&["user", "list", "--data", self.d()]));
                list.lines().find(|l| l.starts_with(&format!("{email} "))).unwrap_or("").to_owned()
            }
            Probe::Library => {
                let page = self.watch.get(&self.url("/newsroom/media"));
                let count = page.body.split_once("In the library (").and_then(|(_, rest)| rest.split_once(')'));
                format!("{} {:?}", page.status, count.map(|(n, _)| n.to_owned()))
            }
            Probe::ApiKeys => text(&dateline(&["apikey", "list", "--data", self.d()])),
            Probe::SignedInAs => {
                let page = browser.get(&self.url("/newsroom/"));
                let me = page
                    .body
                    .split_once(r#"<span>"#)
                    .filter(|_| page.status == 200)
                    .and_then(|(_, rest)| rest.split_once('<'))
                    .map(|(me, _)| me.to_owned());
                format!("{} {me:?}", page.status)
            }
        }
    }

    /// Runs one cell; returns what went wrong, if anything.
    fn run(&mut self, row: &Row, who: Who, want: Want) -> Result<(), String> {
        let mut browser = match who.email() {
            Some(email) => sign_in(&self.server, email),
            None => Browser::default(),
        };
        let p = self.prepare(row.route, row.case, who);
        let before = self.look(&p.probe, &mut browser);
        let page = match row.method {
            Method::Get => browser.get(&self.url(&p.path)),
            Method::Post => {
                let token_page = browser.get(&self.url(&p.token_page));
                let csrf = token_page.field("csrf").unwrap_or_else(|| NO_TOKEN.to_owned());
                let mut fields = vec![("csrf", csrf.as_str())];
                fields.extend(p.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                match &p.file {
                    Some(bytes) => {
                        browser.post_multipart(&self.url(&p.path), &fields, Some(("file", "cell.png", bytes)), &[])
                    }
                    None => browser.post(&self.url(&p.path), &fields),
                }
            }
        };
        // A password change is proved by changing it back with the new one
        // (at once, so a failed check cannot lock later cells out).
        if matches!(row.case, ChangePassword) && page.status == 200 {
            let csrf = browser.get(&self.url("/newsroom/password")).field("csrf").unwrap();
            let back = browser.post(
                &self.url("/newsroom/password"),
                &[("csrf", &csrf), ("current", OTHER_PASSWORD), ("new", PASSWORD), ("repeat", PASSWORD)],
            );
            if !page.body.contains("Your password was changed") || back.status != 200 {
                return Err(format!("the password did not change: changing it back got {}", back.status));
            }
        }
        let got = match (page.status, page.location()) {
            (303, Some(to)) if to.starts_with("/newsroom/sign-in?next=") => {
                let next = percent_decode(&to["/newsroom/sign-in?next=".len()..]);
                if next != p.path {
                    return Err(format!("sent to sign in, but to come back to {next}"));
                }
                Want::SignIn
            }
            (403, _) if page.body.contains("Not allowed") => Want::Deny,
            (403, _) if page.body.contains("\"refused\"") => Want::Refused,
            (403, _) => return Err("403 without the \"Not allowed\" page".into()),
            (status, _) => Want::Allow(status),
        };
        if got != want {
            let body: String = page.body.chars().take(300).collect();
            return Err(format!("got {got:?}, want {want:?} ({})", body.replace('\n', " ")));
        }
        let after = self.look(&p.probe, &mut browser);
        let allowed = matches!(want, Want::Allow(s) if s < 400);
        // A GET never changes anything; neither does a refused request.
        let changes = p.changes && row.method == Method::Post;
        if allowed && changes && before == after {
            return Err(format!("allowed, but nothing changed ({after})"));
        }
        if (!allowed || !changes) && before != after {
            return Err(format!("changed {before:?} to {after:?}"));
        }
        Ok(())
    }
}

/// A small PNG unlike any other cell's, so each upload is a new library image.
fn distinct_png(n: usize) -> Vec<u8> {
    // Sizes differ, not only colours: re-encoding may make near colours the same file.
    let img = image::RgbImage::from_pixel(64 + n as u32, 36, image::Rgb([(n * 37 % 256) as u8, 40, 90]));
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

fn sign_in(server: &Server, email: &str) -> Browser {
    let (browser, page) = support::newsroom::sign_in(server, email, PASSWORD);
    assert_eq!(page.status, 303, "{email} signs in: {}", page.body);
    browser
}

// -------------------------------------------------------------------- tests

#[test]
fn every_identity_gets_exactly_what_its_role_allows_on_every_route() {
    let mut world = World::new();
    let mut failures = Vec::new();
    for row in MATRIX {
        for (who, want) in COLUMNS.into_iter().zip(row.want) {
            if let Err(why) = world.run(row, who, want) {
                eprintln!("{:?} {} {:?} as {who:?}: {why}", row.method, row.route, row.case);
                failures.push(format!("{:?} {} {:?} as {who:?}: {why}", row.method, row.route, row.case));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cells wrong:\n{}",
        failures.len(),
        MATRIX.len() * COLUMNS.len(),
        failures.join("\n")
    );
}

/// Every route and method `newsroom::routes` declares, read from its source.
fn routes_in_code() -> BTreeSet<(Method, String)> {
    let source = include_str!("../../web/src/newsroom/mod.rs");
    let mut found = BTreeSet::new();
    for chunk in source.split(".route(\"").skip(1) {
        // The last route runs to the end of `routes()`.
        let chunk = &chunk[..chunk.find("\n}").unwrap_or(chunk.len())];
        let (path, handlers) = chunk.split_once('"').unwrap();
        for (method, name) in [(GET, "get("), (POST, "post(")] {
            let called = handlers
                .match_indices(name)
                .any(|(at, _)| !handlers[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
            if called {
                found.insert((method, path.to_owned()));
            }
        }
        for other in ["put(", "patch(", "delete(", "any("] {
            assert!(!handlers.contains(other), "{path}: add {other} to the matrix's methods");
        }
    }
    found
}

#[test]
fn the_matrix_has_a_row_for_every_route_and_method_and_no_stale_ones() {
    let code = routes_in_code();
    assert!(code.len() >= 20, "the route parser found too few routes: {code:?}");
    let table: BTreeSet<(Method, String)> = MATRIX.iter().map(|r| (r.method, r.route.to_owned())).collect();
    let missing: Vec<_> = code.difference(&table).collect();
    let stale: Vec<_> = table.difference(&code).collect();
    assert!(missing.is_empty(), "routes without a row in MATRIX: {missing:?}");
    assert!(stale.is_empty(), "rows in MATRIX for routes that do not exist: {stale:?}");
}
