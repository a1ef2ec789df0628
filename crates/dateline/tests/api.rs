//! The content API on the real binary: reading (paging, filters, only live
//! articles, absolute links, caching), API keys and roles, payload checks
//! that report every problem and store nothing, the write flow with
//! optimistic concurrency, and the OpenAPI document (checked by the real
//! validator, and against the router).

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use dateline_store::{Editorial, SqliteStore};
use serde_json::{Value, json};
use support::api::{add_key, call, get, send};
use support::newsroom::{PASSWORD, newsroom_with_content, sign_in};
use support::{dateline, text};

fn slugs(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn the_read_api_pages_filters_and_shows_only_live_articles() {
    let (_data, server) = newsroom_with_content();
    let base = &server.base;
    // Three live articles, one page each: first, middle, last, past the end.
    let first = get(&server.url("/api/v1/articles?per_page=1"), None);
    assert_eq!(first.status, 200, "{}", first.body);
    let page = first.json();
    assert_eq!((page["total"].as_u64(), page["page"].as_u64(), page["per_page"].as_u64()), (Some(3), Some(1), Some(1)));
    assert_eq!(slugs(&page), ["lake-towns-move"], "newest first");
    assert!(page["prev"].is_null());
    let next = page["next"].as_str().unwrap();
    assert_eq!(next, format!("{base}/api/v1/articles?page=2&per_page=1"));
    let middle = get(next, None).json();
    assert_eq!(slugs(&middle), ["river-rises-ps"]);
    assert_eq!(middle["prev"].as_str().unwrap(), format!("{base}/api/v1/articles?page=1&per_page=1"));
    let last = get(middle["next"].as_str().unwrap(), None).json();
    assert_eq!(slugs(&last), ["older"]);
    assert!(last["next"].is_null());
    let past = get(&server.url("/api/v1/articles?per_page=1&page=4"), None);
    assert_eq!(past.status, 404);
    assert_eq!(past.header("content-type"), Some("application/problem+json"));
    assert_eq!(past.json()["last_page"], 3, "{}", past.body);

    // Filters, each alone; the draft "unfinished" (by amara-osei) never shows.
    let only = |query: &str| slugs(&get(&server.url(&format!("/api/v1/articles?{query}")), None).json());
    assert_eq!(only("section=pashto"), ["river-rises-ps"]);
    assert_eq!(only("contributor=amara-osei"), ["lake-towns-move"]);
    assert_eq!(only("tag=fishing"), ["older"]);
    assert_eq!(only("language=ps"), ["river-rises-ps"]);
    assert_eq!(only("since=2026-11-19&until=2026-11-20"), ["river-rises-ps"]);
    assert_eq!(only("since=2026-11-20T05:30:00Z"), ["lake-towns-move"]);
    assert_eq!(only("section=world&tag=floods"), ["lake-towns-move"]);
    // Filter links carry the filter.
    let world = get(&server.url("/api/v1/articles?section=world&per_page=1"), None).json();
    assert_eq!(world["next"].as_str().unwrap(), format!("{base}/api/v1/articles?section=world&page=2&per_page=1"));

    // Every bad parameter at once.
    let bad = get(&server.url("/api/v1/articles?page=0&per_page=500&colour=red&since=yesterday&section=nowhere"), None);
    assert_eq!(bad.status, 400);
    let mut fields = bad.problem_fields();
    fields.sort();
    assert_eq!(fields, ["colour", "page", "per_page", "section", "since"], "{}", bad.body);

    // One article in full, links absolute.
    let one = get(&server.url("/api/v1/articles/lake-towns-move"), None);
    assert_eq!(one.status, 200);
    let a = one.json();
    assert_eq!(a["url"], format!("{base}/articles/lake-towns-move"));
    assert_eq!(a["section"]["url"], format!("{base}/sections/world"));
    assert_eq!(a["tags"], json!(["floods", "lake basin"]));
    assert!(!a["key_points"].as_array().unwrap().is_empty());
    assert_eq!(a["contributors"][0]["slug"], "amara-osei");
    let lead = &a["lead_image"];
    assert!(lead["url"].as_str().unwrap().starts_with(&format!("{base}/media/")), "{lead}");
    assert!(!lead["alt"].as_str().unwrap().is_empty());
    assert!(lead["variants"].as_array().unwrap().iter().all(|v| v["url"].as_str().unwrap().starts_with(base)));
    let body = a["body_html"].as_str().unwrap();
    assert!(body.contains("<p>") && !body.contains("=\"/"), "site links are absolute: {body}");
    assert!(a["narration"].is_null(), "not narrated yet");
    assert_eq!(a["status"], "published");
    assert!(a["revision"].is_number() && a["corrections"].as_array().unwrap().is_empty());
    assert_eq!(get(&server.url("/api/v1/articles/unfinished"), None).status, 404, "drafts are not public");
    assert_eq!(get(&server.url("/api/v1/articles/nothing-here"), None).status, 404);
    let unknown = get(&server.url("/api/v2/articles"), None);
    assert_eq!((unknown.status, unknown.header("content-type")), (404, Some("application/problem+json")));

    let sections = get(&server.url("/api/v1/sections"), None).json();
    assert_eq!(sections["total"], 2);
    assert_eq!(sections["items"][0]["url"], format!("{base}/sections/world"));
    let people = get(&server.url("/api/v1/contributors"), None).json();
    assert!(people["items"].as_array().unwrap().iter().any(|c| c["slug"] == "amara-osei"));

    let found = get(&server.url("/api/v1/search?q=higher+ground"), None).json();
    assert_eq!(slugs(&found), ["lake-towns-move"]);
    // The same search as the reader's page: stemmed ("town" finds "towns"), and an operator is just a word.
    assert_eq!(slugs(&get(&server.url("/api/v1/search?q=town+-rising"), None).json()), ["lake-towns-move"]);
    assert_eq!(get(&server.url("/api/v1/search"), None).problem_fields(), ["q"]);
}

#[test]
fn public_reads_are_cached_fresh_and_authenticated_ones_never() {
    let (data, server) = newsroom_with_content();
    let key = add_key(data.path().to_str().unwrap(), "cms", "editor");
    let url = server.url("/api/v1/articles");
    let public = get(&url, None);
    assert_eq!(public.header("cache-control"), Some("no-cache"));
    let etag = public.header("etag").expect("a public answer has an ETag").to_owned();
    let again = call("GET", &url, None, &[("If-None-Match", &etag)], None);
    assert_eq!(again.status, 304, "kept by the page cache");
    let private = get(&url, Some(&key));
    assert_eq!(private.status, 200);
    assert_eq!(private.header("cache-control"), Some("no-store"));
    assert!(private.header("etag").is_none(), "an authenticated answer is not kept");
    // A change through the API shows at once in the (cached) public list.
    let made = send(
        "POST",
        &url,
        Some(&key),
        &json!({"headline": "Ferry returns", "section": "world", "body": "Back.", "contributors": ["lakeside-desk"]}),
    );
    assert_eq!(made.status, 201, "{}", made.body);
    let published =
        send("POST", &server.url("/api/v1/articles/ferry-returns/publish"), Some(&key), &json!({"revision": 1}));
    assert_eq!(published.status, 200, "{}", published.body);
    let fresh = get(&url, None).json();
    assert_eq!(slugs(&fresh)[0], "ferry-returns");
    assert_eq!(fresh["total"], 4);
}

#[test]
fn api_keys_authenticate_and_the_newsroom_roles_apply() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let editor = add_key(d, "wire desk", "editor");
    let author = add_key(d, "blog", "author");
    let contributor = add_key(d, "stringer", "contributor");
    let url = server.url("/api/v1/articles");
    let draft = json!({"headline": "Ferry returns", "section": "world", "body": "Back on the lake.",
                       "contributors": ["lakeside-desk"]});

    let refused = |key: Option<&str>, why: &str| {
        let answer = send("POST", &url, key, &draft);
        assert_eq!(answer.status, 401, "{why}: {}", answer.body);
        let challenge = answer.header("www-authenticate").unwrap();
        assert!(challenge.starts_with("Bearer realm="), "{why}: {challenge}");
        assert_eq!(challenge.contains("invalid_token"), key.is_some(), "{why}: {challenge}");
        assert_eq!(answer.header("content-type"), Some("application/problem+json"));
    };
    refused(None, "no key");
    refused(Some("not-a-key"), "malformed");
    refused(Some(&format!("dl_{}", "0".repeat(64))), "unknown");
    let doomed = add_key(d, "old cms", "editor");
    let out = dateline(&["apikey", "revoke", "old cms", "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    refused(Some(&doomed), "revoked");
    assert_eq!(get(&url, Some(&doomed)).status, 401, "a bad key is refused on reads too");
    let list = text(&dateline(&["apikey", "list", "--data", d]));
    assert!(list.contains("old cms") && list.contains("revoked") && !list.contains(&doomed[3..]), "{list}");

    // Cookies never authenticate the API.
    let (mut browser, signed_in) = sign_in(&server, "eda@x.news", PASSWORD);
    assert_eq!(signed_in.status, 303);
    let cookie = browser.get(&server.url("/newsroom/")).status;
    assert_eq!(cookie, 200, "the cookie works in the newsroom");
    let body = serde_json::to_vec(&draft).unwrap();
    let session = browser_cookie(&mut browser, &server);
    let with_cookie =
        call("POST", &url, None, &[("Content-Type", "application/json"), ("Cookie", &session)], Some(&body));
    assert_eq!(with_cookie.status, 401, "{}", with_cookie.body);

    // A contributor writes drafts but cannot publish; an author publishes only their own.
    let stringer = send(
        "POST",
        &url,
        Some(&contributor),
        &json!({"headline": "Stringer story", "section": "world", "body": "x", "contributors": ["lakeside-desk"]}),
    );
    assert_eq!(stringer.status, 201, "{}", stringer.body);
    let publish = |slug: &str, key: &str| {
        send("POST", &server.url(&format!("/api/v1/articles/{slug}/publish")), Some(key), &json!({"revision": 1}))
    };
    assert_eq!(publish("stringer-story", &contributor).status, 403);
    let wire = send("POST", &url, Some(&editor), &draft);
    assert_eq!(wire.status, 201);
    let forbidden = publish("ferry-returns", &author);
    assert_eq!(forbidden.status, 403, "not the author's article: {}", forbidden.body);
    let own = send(
        "POST",
        &url,
        Some(&author),
        &json!({"headline": "Blog post", "section": "world", "body": "x", "contributors": ["lakeside-desk"]}),
    );
    assert_eq!(own.status, 201);
    assert_eq!(publish("blog-post", &author).status, 200, "authors publish their own work");
    assert_eq!(publish("ferry-returns", &editor).status, 200, "editors publish anything");
}

#[test]
fn admins_make_and_revoke_keys_in_the_newsroom() {
    let (data, server) = newsroom_with_content();
    support::newsroom::add_user(data.path().to_str().unwrap(), "ada@x.news", "admin");
    let (mut admin, _) = sign_in(&server, "ada@x.news", PASSWORD);
    let page = admin.get(&server.url("/newsroom/api-keys"));
    assert_eq!(page.status, 200);
    let csrf = page.field("csrf").unwrap();
    let made = admin.post(&server.url("/newsroom/api-keys"), &[("csrf", &csrf), ("name", "cms"), ("role", "author")]);
    assert_eq!(made.status, 200, "{}", made.body);
    let marker = "id=\"new-key\" readonly size=\"70\" value=\"";
    let at = made.body.find(marker).expect("the key is shown once") + marker.len();
    let key = made.body[at..at + 67].to_owned();
    assert!(key.starts_with("dl_"), "{key}");
    let again = admin.get(&server.url("/newsroom/api-keys"));
    assert!(!again.body.contains(&key), "never shown again");
    let draft = json!({"headline": "From the CMS", "section": "world", "body": "x", "contributors": ["lakeside-desk"]});
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &draft).status, 201);
    let taken = admin.post(&server.url("/newsroom/api-keys"), &[("csrf", &csrf), ("name", "cms"), ("role", "editor")]);
    assert_eq!(taken.status, 422, "a name is used once");
    let id_at = again.body.find("/newsroom/api-keys/").unwrap() + "/newsroom/api-keys/".len();
    let id: String = again.body[id_at..].chars().take_while(char::is_ascii_digit).collect();
    let revoked = admin.post(&server.url(&format!("/newsroom/api-keys/{id}/revoke")), &[("csrf", &csrf)]);
    assert_eq!(revoked.status, 303);
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &draft).status, 401, "revoked at once");
}

/// The session cookie a signed-in browser sends.
fn browser_cookie(browser: &mut support::Browser, server: &support::Server) -> String {
    // The browser keeps cookies privately; a request echoes them back through a page fetch.
    let _ = browser.get(&server.url("/newsroom/"));
    assert!(browser.has_cookie("dateline_session"));
    browser.cookie_value("dateline_session").map(|v| format!("dateline_session={v}")).unwrap()
}

fn article_count(data: &std::path::Path) -> usize {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = SqliteStore::open(data).await.unwrap();
        store.newsroom_articles(None).await.unwrap().len()
    })
}

#[test]
fn malformed_payloads_report_every_problem_and_store_nothing() {
    let (data, server) = newsroom_with_content();
    let key = add_key(data.path().to_str().unwrap(), "cms", "editor");
    let url = server.url("/api/v1/articles");
    let before = article_count(data.path());
    let json_type = [("Content-Type", "application/json")];

    let broken = call("POST", &url, Some(&key), &json_type, Some(b"{\"headline\": \"Ferry"));
    assert_eq!(broken.status, 400);
    assert!(broken.json()["detail"].as_str().unwrap().contains("not valid JSON"), "{}", broken.body);
    assert_eq!(call("POST", &url, Some(&key), &json_type, Some(b"[1, 2]")).status, 400);
    let form = call("POST", &url, Some(&key), &[("Content-Type", "text/plain")], Some(b"{}"));
    assert_eq!(form.status, 415, "{}", form.body);

    // Wrong types, an unknown field and missing fields: all named.
    let many = send(
        "POST",
        &url,
        Some(&key),
        &json!({"headline": 5, "tags": "floods", "key_points": ["ok", 7], "colour": "red", "revision": "one"}),
    );
    assert_eq!(many.status, 422, "{}", many.body);
    let mut fields = many.problem_fields();
    fields.sort();
    assert_eq!(fields, ["body", "colour", "headline", "key_points[1]", "revision", "section", "tags"], "{}", many.body);

    // Well-formed but invalid: the newsroom's validation, every problem.
    let invalid = send(
        "POST",
        &url,
        Some(&key),
        &json!({"headline": " ", "section": "nowhere", "body": "x", "contributors": ["nobody"],
                "publish_at": "someday", "lead_image": "missing.jpg", "language": "xx-!!"}),
    );
    assert_eq!(invalid.status, 422, "{}", invalid.body);
    let fields = invalid.problem_fields();
    for field in ["headline", "section", "contributors", "publish_at", "lead_image", "language"] {
        assert!(fields.iter().any(|f| f == field), "{field} missing from {fields:?}");
    }

    let huge = json!({"headline": "Long", "section": "world", "body": "word ".repeat(300_000), "contributors": ["lakeside-desk"]});
    let too_large = send("POST", &url, Some(&key), &huge);
    assert_eq!(too_large.status, 413, "{}", too_large.body);
    assert_eq!(too_large.header("content-type"), Some("application/problem+json"));

    assert_eq!(article_count(data.path()), before, "nothing was stored");
}

#[test]
fn create_update_conflict_publish_goes_live_and_queues_narration() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let key = add_key(d, "wire desk", "editor");
    // A lead image from the media library (the import put the fixture's there).
    let lead = get(&server.url("/api/v1/articles/lake-towns-move"), None).json()["lead_image"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let lead_key = lead.rsplit('/').next().unwrap().to_owned();
    let article = json!({
        "lead_image": lead_key,
        "lead_caption": "The new boat at the pier.",
        "headline": "Ferry service expands to the islands",
        "dek": "Two boats join the route.",
        "section": "world",
        "tags": ["ferries", "transport"],
        "key_points": ["Two new boats.", "A late crossing."],
        "contributors": ["lakeside-desk"],
        "dateline": "KISUMU",
        "body": "The council voted on Tuesday.\n\n<script>alert(1)</script>\n\n**Bold** [link](javascript:x())",
    });
    let made = send("POST", &server.url("/api/v1/articles"), Some(&key), &article);
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.header("cache-control"), Some("no-store"));
    assert_eq!(made.header("location"), Some("/api/v1/articles/ferry-service-expands-to-the-islands"));
    let saved = made.json();
    assert_eq!((saved["status"].as_str(), saved["revision"].as_i64()), (Some("draft"), Some(1)));
    let slug = saved["slug"].as_str().unwrap().to_owned();
    let api = server.url(&format!("/api/v1/articles/{slug}"));
    assert_eq!(get(&api, None).status, 404, "a draft is not public");
    let own = get(&api, Some(&key));
    assert_eq!(own.status, 200, "a key that may edit it sees the draft: {}", own.body);
    assert_eq!((own.json()["status"].as_str(), own.json()["revision"].as_i64()), (Some("draft"), Some(1)));
    assert_eq!(own.header("cache-control"), Some("no-store"));
    let stranger = add_key(d, "stringer", "contributor");
    assert_eq!(get(&api, Some(&stranger)).status, 404, "not another contributor's draft");
    assert_eq!(support::get(&server.url(&format!("/articles/{slug}"))).0, 404);

    let mut edit = article.clone();
    edit["revision"] = json!(1);
    edit["headline"] = json!("Ferry service expands to three islands");
    let updated = send("PUT", &api, Some(&key), &edit);
    assert_eq!(updated.status, 200, "{}", updated.body);
    assert_eq!(updated.json()["revision"], 2);
    assert_eq!(updated.json()["slug"], slug, "the slug stays when not given");
    let stale = send("PUT", &api, Some(&key), &edit);
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert_eq!(stale.json()["current_revision"], 2);
    let missing_revision = send("PUT", &api, Some(&key), &article);
    assert_eq!(missing_revision.problem_fields(), ["revision"]);
    assert_eq!(send("POST", &format!("{api}/publish"), Some(&key), &json!({"revision": 1})).status, 409);

    let live = send("POST", &format!("{api}/publish"), Some(&key), &json!({"revision": 2}));
    assert_eq!(live.status, 200, "{}", live.body);
    assert_eq!((live.json()["status"].as_str(), live.json()["revision"].as_i64()), (Some("published"), Some(3)));
    let (status, page) = support::get(&server.url(&format!("/articles/{slug}")));
    assert_eq!(status, 200);
    assert!(page.contains("Ferry service expands to three islands"));
    let read = get(&api, None).json();
    let body = read["body_html"].as_str().unwrap();
    assert!(
        body.contains("<strong>Bold</strong>") && !body.contains("<script") && !body.contains("javascript:"),
        "{body}"
    );
    assert_eq!(read["revision"], 3);
    assert_eq!(read["key_points"], json!(["Two new boats.", "A late crossing."]));
    assert_eq!(read["lead_image"]["url"], lead);
    assert_eq!(read["lead_image"]["caption"], "The new boat at the pier.");
    assert!(!read["lead_image"]["alt"].as_str().unwrap().is_empty(), "alt text from the library");
    let jobs = text(&dateline(&["jobs", "--data", d]));
    assert!(jobs.lines().any(|l| l.contains(&slug) && l.contains("queued")), "narration queued:\n{jobs}");

    // The key is a named identity in revisions and the audit log.
    let (revisions, audit) = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use dateline_store::Accounts;
        let store = SqliteStore::open(data.path()).await.unwrap();
        (store.revisions(&slug).await.unwrap(), store.audit_log(20).await.unwrap())
    });
    assert_eq!(revisions.len(), 3);
    assert!(revisions.iter().all(|r| r.saved_by.as_deref() == Some("wire desk (API key)")), "{revisions:?}");
    let by_key =
        |e: &&dateline_store::accounts::AuditEntry| e.actor.as_deref().is_some_and(|a| a.starts_with("wire-desk."));
    assert_eq!(audit.iter().filter(|e| e.subject == slug).filter(by_key).count(), 2, "created, published: {audit:?}");

    let gone = send("POST", &format!("{api}/unpublish"), Some(&key), &json!({"revision": 3}));
    assert_eq!(gone.status, 200, "{}", gone.body);
    assert_eq!(support::get(&server.url(&format!("/articles/{slug}"))).0, 404);
    assert_eq!(get(&api, None).status, 404);
}

/// `(path, method)` pairs.
fn pairs(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
    list.sort();
    list
}

#[test]
fn the_openapi_document_is_valid_and_describes_every_route() {
    let (_data, server) = newsroom_with_content();
    let answer = get(&server.url("/api/openapi.json"), None);
    assert_eq!(answer.status, 200);
    let doc = answer.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["servers"][0]["url"], server.base);
    let file = tempfile::NamedTempFile::with_suffix(".json").unwrap();
    std::fs::write(file.path(), &answer.body).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator", file.path().to_str().unwrap()])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openapi-spec-validator (make setup installs it) refused the document:\n{}",
        text(&out)
    );

    // Every route the router has is described, and nothing more.
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../web/src/api/mod.rs")).unwrap();
    let mut routed = Vec::new();
    for line in source.lines().filter(|l| l.trim_start().starts_with(".route(\"")) {
        let path = line.split('"').nth(1).unwrap().to_owned();
        for method in ["get", "post", "put", "delete", "patch"] {
            if line.contains(&format!("{method}(")) {
                routed.push((path.clone(), method.to_owned()));
            }
        }
    }
    assert!(routed.len() >= 10, "{routed:?}");
    let mut described = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys().filter(|k| *k != "parameters") {
            described.push((path.clone(), method.clone()));
        }
    }
    assert_eq!(pairs(routed), pairs(described));
}
