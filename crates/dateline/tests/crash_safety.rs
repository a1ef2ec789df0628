//! Crash safety: the real `dateline serve` is killed with SIGKILL at random
//! moments during 100 cycles of uploading, publishing, editing and narrating
//! (the real eSpeak NG voice), and restarted on the same data folder each
//! time. After every kill, and at the end, the data folder must hold
//! everything the server acknowledged (a whole 2xx answer received), whole:
//!
//! - every acknowledged save is in the store with its last acknowledged
//!   content; an unacknowledged one is either all there or not at all;
//! - no narration job is lost: every live article has a queued or running job
//!   or a narration of its current text, and after the last restart the queue
//!   drains with every narration current;
//! - every media row (images, their variants, MP3s, cues) has its file, whole
//!   (its bytes hash to its content-hash name, MP3s decode to their recorded
//!   length, images decode), and every reference leads to such a row;
//! - `PRAGMA integrity_check` is `ok` (read-only, before the restart);
//! - after the restart pages, media and search show the acknowledged state.
//!
//! Kill moments come from a seeded RNG: the seed is printed, and
//! `DATELINE_CRASH_SEED=N` replays a run.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::{Connection, Row, SqliteConnection};
use std::process::{Child, Command, Stdio};

use support::{dateline, text};

const CYCLES: usize = 100;
const EMAIL: &str = "eda@crash.test";

/// What the server acknowledged about one article.
#[derive(Clone, Debug, PartialEq)]
struct Known {
    revision: i64,
    headline: String,
    /// A made-up word in the headline and body, new with every save.
    marker: String,
    published: bool,
    lead: Option<String>,
}

/// A write whose answer never came: it may or may not have happened.
#[derive(Debug)]
enum Pending {
    Create { headline: String, marker: String, lead: Option<String> },
    Publish { slug: String },
    Edit { slug: String, next: Known },
}

/// The test's memory of the newsroom.
#[derive(Default)]
struct Ledger {
    articles: BTreeMap<String, Known>,
    /// Markers an article no longer carries (search must not find it by them).
    old_markers: BTreeMap<String, String>,
    images: Vec<String>,
    pending: Option<Pending>,
    /// Articles written this cycle: their pages are fetched after the restart.
    touched: BTreeSet<String>,
    /// Media files already checked in full (names are content hashes: they never change).
    verified: BTreeSet<String>,
    saves: usize,
    acknowledged: usize,
    interrupted: usize,
    /// Interrupted writes found done after the restart (the rest had not happened).
    adopted: usize,
    /// Kills that found a narration job running.
    narrating: usize,
}

/// A made-up word no stemmer changes: "kw" + four letters + "x".
fn marker(n: usize) -> String {
    let letters: String = format!("{n:04}").bytes().map(|d| (b'a' + d - b'0') as char).collect();
    format!("kw{letters}x")
}

fn body_for(marker: &str) -> String {
    format!("The {marker} ferry crossed the lake at dawn. Nobody was hurt.")
}

/// Sends a request; `None` when the connection failed or broke (the server
/// died): the request may or may not have taken effect.
fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<Vec<u8>>) -> Option<(u16, Vec<u8>)> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let result = match (method, body) {
        ("GET", _) => headers.iter().fold(agent.get(url), |r, (k, v)| r.header(*k, *v)).call(),
        ("POST", b) => {
            headers.iter().fold(agent.post(url), |r, (k, v)| r.header(*k, *v)).send(&b.unwrap_or_default()[..])
        }
        ("PUT", b) => {
            headers.iter().fold(agent.put(url), |r, (k, v)| r.header(*k, *v)).send(&b.unwrap_or_default()[..])
        }
        _ => panic!("no helper for {method}"),
    };
    let mut response = result.ok()?;
    let status = response.status().as_u16();
    let bytes = response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_vec().ok()?;
    Some((status, bytes))
}

/// A JSON write with the API key: `Some(answer)` only for a whole 2xx answer.
fn write(server: &Serve, key: &str, method: &str, path: &str, payload: &Value) -> Option<Value> {
    let auth = format!("Bearer {key}");
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    let (status, body) = send(method, &server.url(path), &headers, Some(serde_json::to_vec(payload).unwrap()))?;
    assert!((200..300).contains(&status), "{method} {path}: {status} {}", String::from_utf8_lossy(&body));
    Some(serde_json::from_slice(&body).unwrap())
}

fn payload(known: &Known) -> Value {
    let mut p = json!({
        "headline": known.headline, "section": "world", "contributors": ["desk"],
        "key_points": ["A short story."], "body": body_for(&known.marker), "dateline": "KISUMU",
    });
    if let Some(lead) = &known.lead {
        p["lead_image"] = json!(lead);
    }
    p
}

/// A small JPEG of its own colours (so of its own content hash).
fn picture(rng: &mut fastrand::Rng) -> Vec<u8> {
    let (r, g, b) = (rng.u8(..), rng.u8(..), rng.u8(..));
    let img = image::RgbImage::from_fn(320, 180, |x, y| image::Rgb([r ^ (x as u8), g ^ (y as u8), b]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// Uploads a picture to the media library through the newsroom's form.
/// `None` when the server died first.
fn upload(server: &Serve, session: &str, rng: &mut fastrand::Rng) -> Option<String> {
    let cookie = format!("dateline_session={session}");
    let (status, page) = send("GET", &server.url("/newsroom/media"), &[("Cookie", &cookie)], None)?;
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).unwrap() + marker.len();
    let csrf = &page[start..start + page[start..].find('"').unwrap()];
    const BOUNDARY: &str = "----crash-test-boundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("alt", "Boats at the pier"), ("credit", "Crash Desk")] {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
        );
    }
    body.extend(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pier.jpg\"\r\n\r\n").bytes(),
    );
    body.extend(picture(rng));
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").bytes());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let headers = [("Cookie", cookie.as_str()), ("Content-Type", &content_type), ("Accept", "application/json")];
    let (status, answer) = send("POST", &server.url("/newsroom/media"), &headers, Some(body))?;
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    Some(answer["key"].as_str().unwrap().to_owned())
}

/// One random write. `false` when the server died during it.
fn one_write(server: &Serve, key: &str, session: &str, ledger: &mut Ledger, rng: &mut fastrand::Rng) -> bool {
    let roll = rng.u32(0..100);
    let drafts: Vec<String> = ledger.articles.iter().filter(|(_, k)| !k.published).map(|(s, _)| s.clone()).collect();
    let lead =
        (!ledger.images.is_empty() && rng.bool()).then(|| ledger.images[rng.usize(..ledger.images.len())].clone());
    ledger.saves += 1;
    let done = if roll < 12 {
        upload(server, session, rng).map(|image| ledger.images.push(image)).is_some()
    } else if !drafts.is_empty() && roll < 45 {
        let slug = drafts[rng.usize(..drafts.len())].clone();
        let revision = ledger.articles[&slug].revision;
        ledger.pending = Some(Pending::Publish { slug: slug.clone() });
        let path = format!("/api/v1/articles/{slug}/publish");
        write(server, key, "POST", &path, &json!({ "revision": revision }))
            .map(|answer| {
                let known = ledger.articles.get_mut(&slug).unwrap();
                known.revision = answer["revision"].as_i64().unwrap();
                known.published = true;
                ledger.touched.insert(slug);
            })
            .is_some()
    } else if ledger.articles.is_empty() || roll < 70 {
        let m = marker(ledger.saves);
        let headline = format!("Crossing {} {m}", ledger.articles.len() + 1);
        let known = Known { revision: 0, headline: headline.clone(), marker: m.clone(), published: false, lead };
        ledger.pending = Some(Pending::Create { headline, marker: m, lead: known.lead.clone() });
        write(server, key, "POST", "/api/v1/articles", &payload(&known))
            .map(|answer| {
                let slug = answer["slug"].as_str().unwrap().to_owned();
                let revision = answer["revision"].as_i64().unwrap();
                ledger.articles.insert(slug.clone(), Known { revision, ..known });
                ledger.touched.insert(slug);
            })
            .is_some()
    } else {
        let slugs: Vec<&String> = ledger.articles.keys().collect();
        let slug = slugs[rng.usize(..slugs.len())].clone();
        let before = ledger.articles[&slug].clone();
        let m = marker(ledger.saves);
        let number = before.headline.split(' ').nth(1).unwrap().to_owned();
        let next = Known { headline: format!("Crossing {number} {m}"), marker: m, lead, ..before.clone() };
        ledger.pending = Some(Pending::Edit { slug: slug.clone(), next: next.clone() });
        let mut body = payload(&next);
        body["revision"] = json!(before.revision);
        write(server, key, "PUT", &format!("/api/v1/articles/{slug}"), &body)
            .map(|answer| {
                ledger.old_markers.insert(slug.clone(), before.marker.clone());
                ledger.articles.insert(slug.clone(), Known { revision: answer["revision"].as_i64().unwrap(), ..next });
                ledger.touched.insert(slug);
            })
            .is_some()
    };
    if done {
        ledger.pending = None;
        ledger.acknowledged += 1;
    } else {
        ledger.interrupted += 1;
    }
    done
}

fn sigkill(pid: u32) {
    // SAFETY: kill(2) with a child's pid; the child is not reaped before the main thread waits for it.
    unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
}

async fn open_read_only(db: &Path) -> SqliteConnection {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(db).read_only(true);
    SqliteConnection::connect_with(&options).await.unwrap()
}

/// An article as the store holds it.
struct Stored {
    revision: i64,
    headline: String,
    body: String,
    published: bool,
    lead: Option<String>,
}

impl Stored {
    fn is(&self, k: &Known) -> bool {
        self.revision == k.revision
            && self.headline == k.headline
            && self.body == body_for(&k.marker)
            && self.published == k.published
            && self.lead == k.lead
    }

    fn whole(&self, headline: &str, marker: &str, lead: &Option<String>) -> bool {
        self.headline == headline && self.body == body_for(marker) && &self.lead == lead
    }
}

fn mp3_seconds(bytes: &[u8]) -> f64 {
    let mut decoder = minimp3::Decoder::new(bytes);
    let (mut rate, mut samples) = (0, 0usize);
    loop {
        match decoder.next_frame() {
            Ok(frame) => {
                rate = frame.sample_rate;
                samples += frame.data.len();
            }
            Err(minimp3::Error::Eof) => break,
            Err(e) => panic!("an MP3 does not decode: {e:?}"),
        }
    }
    samples as f64 / rate as f64
}

/// Checks a media file against its name (a content hash) and its kind.
fn check_media_file(media: &Path, key: &str, bytes: i64) -> Vec<u8> {
    let path = media.join(key);
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("media row {key} has no file: {e}"));
    assert_eq!(data.len() as i64, bytes, "{key}: the file is not the recorded size");
    let digest: String = Sha256::digest(&data).iter().take(16).map(|b| format!("{b:02x}")).collect();
    assert_eq!(key.split('.').next(), Some(digest.as_str()), "{key}: the file is not what was stored");
    match key.rsplit('.').next().unwrap() {
        "mp3" => assert!(mp3_seconds(&data) > 0.5, "{key}: too short"),
        "vtt" => assert!(std::str::from_utf8(&data).unwrap().starts_with("WEBVTT"), "{key}"),
        _ => {
            image::load_from_memory(&data).unwrap_or_else(|e| panic!("{key} does not decode: {e}"));
        }
    }
    data
}

/// Everything the data folder must prove while no server runs; settles the
/// interrupted write (adopting it when it happened).
async fn check_data(data: &Path, ledger: &mut Ledger, cycle: usize) {
    let mut db = open_read_only(&data.join("dateline.db")).await;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut db).await.unwrap();
    assert_eq!(integrity, "ok", "cycle {cycle}");

    // Articles: exactly the acknowledged ones, as acknowledged, plus the interrupted write if it happened whole.
    let rows = sqlx::query("SELECT slug, revision, headline, body_markdown, status, lead_media FROM articles")
        .fetch_all(&mut db)
        .await
        .unwrap();
    let mut stored: BTreeMap<String, Stored> = BTreeMap::new();
    for r in &rows {
        let status: String = r.get("status");
        stored.insert(
            r.get("slug"),
            Stored {
                revision: r.get("revision"),
                headline: r.get("headline"),
                body: r.get("body_markdown"),
                published: status == "published",
                lead: r.get("lead_media"),
            },
        );
    }
    match ledger.pending.take() {
        Some(Pending::Create { headline, marker, lead }) => {
            let unknown: Vec<&String> = stored.keys().filter(|s| !ledger.articles.contains_key(*s)).collect();
            if let Some(slug) = unknown.first() {
                let s = &stored[*slug];
                assert!(
                    unknown.len() == 1 && s.whole(&headline, &marker, &lead) && !s.published,
                    "cycle {cycle}: half a create"
                );
                let known = Known { revision: s.revision, headline, marker, published: false, lead };
                ledger.articles.insert((*slug).clone(), known);
                ledger.touched.insert((*slug).clone());
                ledger.adopted += 1;
            }
        }
        Some(Pending::Publish { slug }) => {
            let s = &stored[&slug];
            let known = ledger.articles.get_mut(&slug).unwrap();
            if s.published {
                assert!(s.revision == known.revision + 1 && s.whole(&known.headline, &known.marker, &known.lead));
                known.revision = s.revision;
                known.published = true;
                ledger.touched.insert(slug);
                ledger.adopted += 1;
            }
        }
        Some(Pending::Edit { slug, next }) => {
            let s = &stored[&slug];
            let before = &ledger.articles[&slug];
            if !s.is(before) {
                assert!(
                    s.revision == before.revision + 1 && s.whole(&next.headline, &next.marker, &next.lead),
                    "cycle {cycle}: {slug} is neither its acknowledged text nor the interrupted edit"
                );
                ledger.old_markers.insert(slug.clone(), before.marker.clone());
                ledger.articles.insert(slug.clone(), Known { revision: s.revision, ..next });
                ledger.touched.insert(slug);
                ledger.adopted += 1;
            }
        }
        None => {}
    }
    let stored_slugs: Vec<&String> = stored.keys().collect();
    let known_slugs: Vec<&String> = ledger.articles.keys().collect();
    assert_eq!(stored_slugs, known_slugs, "cycle {cycle}: articles lost or unasked for");
    for (slug, known) in &ledger.articles {
        assert!(stored[slug].is(known), "cycle {cycle}: {slug} is not as acknowledged: {known:?}");
    }

    // Media: every row has its whole file; every reference has its row.
    let media = data.join("media");
    let rows = sqlx::query("SELECT key, bytes FROM media").fetch_all(&mut db).await.unwrap();
    let mut durations = BTreeMap::new();
    for r in &rows {
        let key: String = r.get("key");
        let bytes: i64 = r.get("bytes");
        if ledger.verified.contains(&key) {
            let len = std::fs::metadata(media.join(&key)).map(|m| m.len()).unwrap_or(0);
            assert_eq!(len as i64, bytes, "cycle {cycle}: {key} changed or vanished");
        } else {
            let data = check_media_file(&media, &key, bytes);
            if key.ends_with(".mp3") {
                durations.insert(key.clone(), mp3_seconds(&data));
            }
            ledger.verified.insert(key);
        }
    }
    let dangling: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM articles WHERE lead_media IS NOT NULL AND lead_media NOT IN (SELECT key FROM media))
              + (SELECT count(*) FROM narrations WHERE audio_key NOT IN (SELECT key FROM media)
                                                    OR cues_key NOT IN (SELECT key FROM media))
              + (SELECT count(*) FROM library_images WHERE key NOT IN (SELECT key FROM media))",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(dangling, 0, "cycle {cycle}: a reference to a missing media row");

    // Narration: recorded lengths hold, and no job is lost.
    let narrations = sqlx::query(
        "SELECT a.slug, n.audio_key, n.cues_key, n.duration_ms FROM narrations n JOIN articles a ON a.id = n.article_id",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut current = BTreeSet::new();
    for r in &narrations {
        let slug: String = r.get("slug");
        let audio: String = r.get("audio_key");
        if let Some(seconds) = durations.get(&audio) {
            let recorded = r.get::<i64, _>("duration_ms") as f64 / 1000.0;
            assert!(
                (seconds - recorded).abs() / recorded < 0.02,
                "{audio}: {seconds:.2} s decoded, {recorded:.2} s recorded"
            );
        }
        let cues = std::fs::read_to_string(media.join(r.get::<String, _>("cues_key"))).unwrap();
        if ledger.articles.get(&slug).is_some_and(|k| cues.contains(&k.marker)) {
            current.insert(slug);
        }
    }
    let jobs = sqlx::query("SELECT a.slug, j.state, j.last_error FROM jobs j JOIN articles a ON a.id = j.article_id")
        .fetch_all(&mut db)
        .await
        .unwrap();
    let mut waiting = BTreeSet::new();
    for r in &jobs {
        let (slug, state): (String, String) = (r.get("slug"), r.get("state"));
        let error: Option<String> = r.get("last_error");
        assert_ne!(state, "failed", "cycle {cycle}: narration of {slug} failed: {error:?}");
        if state == "running" {
            ledger.narrating += 1;
        }
        if state == "queued" || state == "running" {
            waiting.insert(slug);
        }
    }
    for (slug, known) in &ledger.articles {
        assert!(
            !known.published || current.contains(slug) || waiting.contains(slug),
            "cycle {cycle}: {slug} is live with neither a current narration nor a job to make one"
        );
    }
    db.close().await.unwrap();
}

/// The media keys a page points at.
fn media_keys(html: &str) -> BTreeSet<String> {
    html.split("/media/")
        .skip(1)
        .filter_map(|rest| rest.split(['"', ' ', ',', '?']).next())
        .map(str::to_owned)
        .collect()
}

/// What readers get after a restart: pages as acknowledged, media whole, search current.
fn check_served(server: &Serve, ledger: &Ledger, slugs: &BTreeSet<String>, cycle: usize) {
    for slug in slugs {
        let known = &ledger.articles[slug];
        let (status, html) = support::get(&server.url(&format!("/articles/{slug}")));
        if !known.published {
            assert_eq!(status, 404, "cycle {cycle}: a draft is served: {slug}");
            continue;
        }
        assert_eq!(status, 200, "cycle {cycle}: {slug} is not live");
        assert!(html.contains(&known.headline), "cycle {cycle}: {slug} is not its last acknowledged text");
        let keys = media_keys(&html);
        if let Some(lead) = &known.lead {
            assert!(keys.contains(lead), "cycle {cycle}: {slug} lost its lead image");
        }
        for key in &keys {
            let (status, bytes) = send("GET", &server.url(&format!("/media/{key}")), &[], None).unwrap();
            assert_eq!(status, 200, "cycle {cycle}: {slug} points at /media/{key}");
            let digest: String = Sha256::digest(&bytes).iter().take(16).map(|b| format!("{b:02x}")).collect();
            assert_eq!(key.split('.').next(), Some(digest.as_str()), "cycle {cycle}: /media/{key} is not whole");
        }
        let found = |word: &str| {
            let (status, body) = support::get(&server.url(&format!("/api/v1/search?q={word}")));
            assert!(status == 200 || status == 404, "search {word}: {status} {body}");
            body.contains(&format!("\"slug\":\"{slug}\""))
        };
        assert!(found(&known.marker), "cycle {cycle}: search does not find {slug} by its text");
        if let Some(old) = ledger.old_markers.get(slug) {
            assert!(!found(old), "cycle {cycle}: search finds {slug} by a word it no longer has");
        }
    }
}

/// A running narration job, seen through a read-only connection.
async fn narration_running(db: &Path) -> bool {
    let mut db = open_read_only(db).await;
    let running: i64 =
        sqlx::query_scalar("SELECT count(*) FROM jobs WHERE state = 'running'").fetch_one(&mut db).await.unwrap();
    db.close().await.unwrap();
    running > 0
}

/// Jobs marked running for over a minute: a narration here takes a second or two.
async fn jobs_stuck(db: &Path) -> i64 {
    let mut db = open_read_only(db).await;
    let minute_ago = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64 - 60;
    let n = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE state = 'running' AND updated_ts < ?")
        .bind(minute_ago)
        .fetch_one(&mut db)
        .await
        .unwrap();
    db.close().await.unwrap();
    n
}

/// Every file under `dir`.
fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let (mut files, mut dirs) = (Vec::new(), vec![dir.to_owned()]);
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            if entry.file_type().unwrap().is_dir() { dirs.push(entry.path()) } else { files.push(entry.path()) }
        }
    }
    files.sort();
    files
}

/// Temporary files of writes a kill cut short.
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    walk_files(dir).into_iter().filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".tmp")).collect()
}

/// Files in media/ that are not media: they must be temporary files.
fn unfinished_writes(media: &Path) -> Vec<PathBuf> {
    let other: Vec<PathBuf> = walk_files(media)
        .into_iter()
        .filter(|p| !dateline_core::media::is_media_key(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    assert_eq!(other, temporary_files(media), "media/ holds only media and unfinished writes");
    other
}

/// Makes files two hours old; how many.
fn age(files: Vec<PathBuf>) -> usize {
    for path in &files {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(std::time::SystemTime::now() - Duration::from_secs(2 * 3600)).unwrap();
    }
    files.len()
}

/// Jobs not yet done.
async fn jobs_pending(db: &Path) -> i64 {
    let mut db = open_read_only(db).await;
    let n = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')")
        .fetch_one(&mut db)
        .await
        .unwrap();
    db.close().await.unwrap();
    n
}

/// `dateline serve` on the data folder, its log appended to `DATA/serve.log`
/// (a server that cannot start says why instead of timing out).
struct Serve {
    child: Child,
    base: String,
}

impl Serve {
    fn spawn(data: &Path, env: &[(&str, &str)]) -> Serve {
        let listen = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string();
        let log = std::fs::OpenOptions::new().create(true).append(true).open(data.join("serve.log")).unwrap();
        let child = Command::new(support::bin())
            .args(["serve", "--data", data.to_str().unwrap(), "--listen", &listen])
            .env_remove("DATELINE_CONFIG")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        Serve { child, base: format!("http://{listen}") }
    }

    /// Starts a server and waits until it answers.
    fn start(data: &Path, env: &[(&str, &str)]) -> Serve {
        let mut server = Self::spawn(data, env);
        let deadline = Instant::now() + Duration::from_secs(60);
        while support::get(&server.url("/healthz")).0 != 200 {
            let log = || std::fs::read_to_string(data.join("serve.log")).unwrap_or_default();
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("the server stopped while starting ({status}):\n{}\n{}", log(), lock_holders());
            }
            assert!(Instant::now() < deadline, "the server did not answer within 60 s:\n{}", log());
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills it at once (SIGKILL; a no-op when already killed) and reaps it.
    fn kill_9(mut self) {
        let _ = self.child.kill();
        self.child.wait().unwrap();
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The processes holding a search index's writer lock, with their state: to
/// explain a start refused with "in use by another Dateline process".
fn lock_holders() -> String {
    let mut out = String::from("processes holding a search index lock:");
    for process in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(fds) = std::fs::read_dir(process.path().join("fd")) else { continue };
        for fd in fds.flatten() {
            let Ok(target) = std::fs::read_link(fd.path()) else { continue };
            if target.to_string_lossy().contains(".tantivy-writer.lock") {
                let read = |name: &str| std::fs::read_to_string(process.path().join(name)).unwrap_or_default();
                out += &format!("\n  {} | {} | {}", target.display(), read("cmdline").replace('\0', " "), read("stat"));
            }
        }
    }
    out
}

/// Starts `dateline serve` and kills it after `delay`, whether or not it is up yet.
fn kill_while_starting(data: &Path, env: &[(&str, &str)], delay: Duration) {
    let server = Serve::spawn(data, env);
    std::thread::sleep(delay);
    server.kill_9();
}

fn newsroom() -> (tempfile::TempDir, PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let content = tempfile::tempdir().unwrap();
    std::fs::write(content.path().join("sections.toml"), "[[section]]\nslug = \"world\"\nname = \"World\"\n").unwrap();
    std::fs::create_dir(content.path().join("contributors")).unwrap();
    std::fs::write(
        content.path().join("contributors/desk.toml"),
        "slug = \"desk\"\nname = \"Crash Desk\"\nkind = \"desk\"\nbio = \"The desk that never sleeps.\"\n",
    )
    .unwrap();
    std::fs::create_dir(content.path().join("articles")).unwrap();
    let d = data.path().to_str().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    support::newsroom::add_user(d, EMAIL, "editor");
    // The real eSpeak NG voice: quick for short articles.
    let config = data.path().join("crash.toml");
    std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-gb\"\n").unwrap();
    (data, config)
}

#[test]
fn acknowledged_work_survives_kill_9_at_random_moments() {
    let started = Instant::now();
    let seed = match std::env::var("DATELINE_CRASH_SEED") {
        Ok(s) => s.parse().expect("DATELINE_CRASH_SEED is a number"),
        Err(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64,
    };
    println!("crash safety: seed {seed} (DATELINE_CRASH_SEED={seed} replays the kill moments)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();

    let (data, config) = newsroom();
    let d = data.path().to_str().unwrap().to_owned();
    let db = data.path().join("dateline.db");
    let key = support::api::add_key(&d, "crash desk", "editor");
    let env = [("DATELINE_WORKERS", "2"), ("DATELINE_CONFIG", config.to_str().unwrap())];
    let mut server = Serve::start(data.path(), &env);
    // Signed in through the real form once: the session lives in the store, so it outlives every kill.
    let mut browser = support::Browser::default();
    let csrf = browser.get(&server.url("/newsroom/sign-in")).field("csrf").unwrap();
    let fields = [("email", EMAIL), ("password", support::newsroom::PASSWORD), ("csrf", &csrf), ("next", "/newsroom/")];
    assert_eq!(browser.post(&server.url("/newsroom/sign-in"), &fields).status, 303);
    let session = browser.cookie_value("dateline_session").expect("signed in").to_owned();

    let mut ledger = Ledger::default();
    let mut modes = [0usize; 3];
    let mut startup_kills = 0;
    let mut abandoned = [0, 0];
    let media = data.path().join("media");
    for cycle in 0..CYCLES {
        let pid = server.pid();
        let mode = rng.usize(0..3);
        modes[mode] += 1;
        match mode {
            // Between requests: a few writes, then the kill.
            0 => {
                for _ in 0..rng.usize(1..=3) {
                    assert!(
                        one_write(&server, &key, &session, &mut ledger, &mut rng),
                        "cycle {cycle}: the server died"
                    );
                }
                sigkill(pid);
            }
            // During requests: writes one after another until the kill, which
            // comes from another thread at a random moment.
            1 => {
                let delay = Duration::from_millis(rng.u64(0..400));
                let killer = std::thread::spawn(move || {
                    std::thread::sleep(delay);
                    sigkill(pid);
                });
                while one_write(&server, &key, &session, &mut ledger, &mut rng) {}
                killer.join().unwrap();
            }
            // During a narration: a write or two, then the kill once a job runs.
            _ => {
                for _ in 0..rng.usize(1..=2) {
                    assert!(
                        one_write(&server, &key, &session, &mut ledger, &mut rng),
                        "cycle {cycle}: the server died"
                    );
                }
                let deadline = Instant::now() + Duration::from_secs(5);
                while !runtime.block_on(narration_running(&db)) && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(10));
                }
                std::thread::sleep(Duration::from_millis(rng.u64(0..300)));
                sigkill(pid);
            }
        }
        server.kill_9();
        runtime.block_on(check_data(data.path(), &mut ledger, cycle));
        // Sometimes killed again while starting: requeueing jobs, catching the search index up.
        if rng.u32(0..100) < 15 {
            kill_while_starting(data.path(), &env, Duration::from_millis(rng.u64(0..600)));
            startup_kills += 1;
            runtime.block_on(check_data(data.path(), &mut ledger, cycle));
        }
        if cycle == CYCLES - 1 {
            // As after a crash long ago: the last start must sweep what killed writes left.
            abandoned = [age(unfinished_writes(&media)), age(temporary_files(&data.path().join("narration-cache")))];
        }
        server = Serve::start(data.path(), &env);
        let touched = std::mem::take(&mut ledger.touched);
        check_served(&server, &ledger, &touched, cycle);
    }

    // The last restart: the queue drains, and every live article is narrated as last written.
    let deadline = Instant::now() + Duration::from_secs(240);
    while runtime.block_on(jobs_pending(&db)) > 0 {
        assert_eq!(runtime.block_on(jobs_stuck(&db)), 0, "a job stays 'running' with no worker on it");
        assert!(
            Instant::now() < deadline,
            "the narration queue did not drain:\n{}",
            text(&dateline(&["jobs", "--data", &d]))
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    let everything: BTreeSet<String> = ledger.articles.keys().cloned().collect();
    check_served(&server, &ledger, &everything, CYCLES);
    // (check_data below proves each narration is of the article's last text: no job is left.)
    for slug in ledger.articles.iter().filter(|(_, k)| k.published).map(|(s, _)| s) {
        let (_, html) = support::get(&server.url(&format!("/articles/{slug}")));
        let audio = html.split("<audio").nth(1).unwrap_or_else(|| panic!("{slug} has no player after the drain"));
        assert!(audio.contains(".mp3"), "{slug}: {audio}");
    }
    server.kill_9();
    runtime.block_on(check_data(data.path(), &mut ledger, CYCLES));
    let published = ledger.articles.values().filter(|k| k.published).count();
    assert_eq!(unfinished_writes(&media), Vec::<PathBuf>::new(), "the last start removes abandoned writes");
    assert_eq!(temporary_files(&data.path().join("narration-cache")), Vec::<PathBuf>::new());
    println!(
        "crash safety: seed {seed}, {CYCLES} kills (between requests {}, during requests {}, once jobs ran {}; \
         narration jobs caught running: {}) and {startup_kills} more while starting; {} writes acknowledged, \
         {} interrupted ({} had happened, whole), {} articles ({published} live), {} images, \
         unfinished writes removed at the last start: {} in media/, {} in narration-cache/; {:.1} s",
        modes[0],
        modes[1],
        modes[2],
        ledger.narrating,
        ledger.acknowledged,
        ledger.interrupted,
        ledger.adopted,
        ledger.articles.len(),
        ledger.images.len(),
        abandoned[0],
        abandoned[1],
        started.elapsed().as_secs_f64()
    );
}
