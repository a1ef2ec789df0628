//! Webhooks on the real binary: a receiver on loopback (a small HTTP server
//! in the test) checks every delivery's HMAC signature and timestamp; events
//! come from the API, from `dateline import` in another process, and from
//! before the server started; failures and hangs are retried.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use support::api::{add_key, send};
use support::newsroom::{PASSWORD, article_fields, newsroom_with_content, sign_in};
use support::{Server, dateline, text};

/// What the receiver does with its nth request (the last repeats).
#[derive(Clone, Copy)]
enum Reply {
    Status(u16),
    /// Says nothing for this long, then closes.
    Hang(Duration),
}

#[derive(Debug, Clone)]
struct Received {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    at: Instant,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A loopback HTTP receiver answering by `script`.
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    fn start(script: Vec<Reply>) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { continue };
                let reply = script[n.min(script.len() - 1)];
                let log = log.clone();
                std::thread::spawn(move || serve_one(stream, reply, &log));
            }
        });
        Receiver { url, received }
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits (bounded) until `count` requests have come.
    fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.received();
            if got.len() >= count {
                return got;
            }
            assert!(Instant::now() < deadline, "{count} deliveries expected, {} came: {got:?}", got.len());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn serve_one(stream: std::net::TcpStream, reply: Reply, log: &Mutex<Vec<Received>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut headers = Vec::new();
    let mut line = String::new();
    let _ = reader.read_line(&mut line); // request line
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.trim_end().split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    log.lock().unwrap().push(Received { headers, body, at: Instant::now() });
    let mut stream = stream;
    match reply {
        Reply::Status(code) => {
            let _ = write!(stream, "HTTP/1.1 {code} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
        Reply::Hang(time) => std::thread::sleep(time),
    }
}

/// Checks the signature as a receiver would: HMAC-SHA256(secret, timestamp + "." + body).
fn assert_signed(r: &Received, secret: &str) {
    let timestamp = r.header("X-Dateline-Timestamp");
    let seconds: i64 = timestamp.parse().unwrap();
    let now = jiff::Timestamp::now().as_second();
    assert!((now - seconds).abs() < 60, "a fresh timestamp: {seconds} vs {now}");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(&r.body);
    let expected: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(r.header("X-Dateline-Signature"), format!("sha256={expected}"));
    assert_eq!(r.header("Content-Type"), "application/json");
    assert_eq!(r.header("X-Dateline-Delivery"), r.json()["delivery"].as_str().unwrap());
    assert_eq!(r.header("X-Dateline-Event"), r.json()["event"].as_str().unwrap());
}

/// Subscribes `url` through the CLI; returns the secret printed once.
fn subscribe(data: &str, url: &str, events: &str) -> String {
    let out = dateline(&["webhook", "add", url, "--events", events, "--data", data]);
    assert!(out.status.success(), "{}", text(&out));
    let secret = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(secret.len(), 64, "{secret}");
    secret
}

fn restart(server: Server, data: &std::path::Path, env: &[(&str, &str)]) -> Server {
    drop(server);
    Server::start_with_env("serve", data, env)
}

const FAST: [(&str, &str); 2] = [("DATELINE_WEBHOOK_BACKOFF", "1,1,1"), ("DATELINE_WEBHOOK_TIMEOUT", "1")];

#[test]
fn publish_update_and_unpublish_arrive_signed_from_every_path() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let receiver = Receiver::start(vec![Reply::Status(200)]);
    let secret = subscribe(d, &receiver.url, "publish,update,unpublish");
    let only_publish = Receiver::start(vec![Reply::Status(204)]);
    subscribe(d, &only_publish.url, "publish");
    let server = restart(server, data.path(), &FAST);
    let key = add_key(d, "wire desk", "editor");

    let article =
        json!({"headline": "Ferry returns", "section": "world", "body": "Back.", "contributors": ["lakeside-desk"]});
    let api = server.url("/api/v1/articles/ferry-returns");
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &article).status, 201);
    assert_eq!(send("POST", &format!("{api}/publish"), Some(&key), &json!({"revision": 1})).status, 200);
    let mut edit = article.clone();
    edit["revision"] = json!(2);
    edit["headline"] = json!("Ferry returns to the lake");
    assert_eq!(send("PUT", &api, Some(&key), &edit).status, 200);
    assert_eq!(send("POST", &format!("{api}/unpublish"), Some(&key), &json!({"revision": 3})).status, 200);

    let got = receiver.wait_for(3, Duration::from_secs(20));
    let events: Vec<(String, i64, String)> = got
        .iter()
        .map(|r| {
            let j = r.json();
            (
                j["event"].as_str().unwrap().into(),
                j["article"]["revision"].as_i64().unwrap(),
                j["article"]["headline"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            ("publish".to_owned(), 2, "Ferry returns".to_owned()),
            ("update".to_owned(), 3, "Ferry returns to the lake".to_owned()),
            ("unpublish".to_owned(), 4, "Ferry returns to the lake".to_owned()),
        ]
    );
    for r in &got {
        assert_signed(r, &secret);
        assert_eq!(r.json()["article"]["url"], format!("{}/articles/ferry-returns", server.base));
        assert!(r.json()["time"].as_str().unwrap().ends_with('Z'));
    }
    let publishes = only_publish.wait_for(1, Duration::from_secs(10));
    assert_eq!(publishes[0].json()["event"], "publish");

    // `dateline import` in another process: a changed live article is an update.
    let content = dateline_import::fixtures::prepare("good").unwrap();
    let older = content.path().join("articles/world/older.md");
    let changed = std::fs::read_to_string(&older).unwrap().replace("record catch", "a record catch");
    std::fs::write(&older, changed).unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    let got = receiver.wait_for(4, Duration::from_secs(20));
    let imported = got[3].json();
    assert_eq!((imported["event"].as_str(), imported["article"]["slug"].as_str()), (Some("update"), Some("older")));
    assert_signed(&got[3], &secret);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(receiver.received().len(), 4, "unchanged articles of the import send nothing");
    assert_eq!(only_publish.received().len(), 1, "a subscription gets only its events");

    // The newsroom's editor.
    let (mut browser, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let csrf = browser.get(&server.url("/newsroom/articles/new")).field("csrf").unwrap();
    let fields = article_fields(&csrf, "0", "publish", "Night ferry starts", "It sails at ten.");
    assert_eq!(browser.post(&server.url("/newsroom/articles/new"), &fields).status, 303);
    let got = receiver.wait_for(5, Duration::from_secs(20));
    let published = got[4].json();
    assert_eq!(
        (published["event"].as_str(), published["article"]["slug"].as_str()),
        (Some("publish"), Some("night-ferry-starts"))
    );
    assert_signed(&got[4], &secret);
}

#[test]
fn a_scheduled_article_is_announced_when_it_goes_live() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let receiver = Receiver::start(vec![Reply::Status(200)]);
    subscribe(d, &receiver.url, "publish");
    let server = restart(server, data.path(), &FAST);
    let key = add_key(d, "wire desk", "editor");
    let at = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3);
    let at = jiff::Timestamp::from_second(at.as_second()).unwrap();
    let article = json!({"headline": "Ferry returns", "section": "world", "body": "Back.",
                         "contributors": ["lakeside-desk"], "publish_at": at.to_string()});
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &article).status, 201);
    let live = send("POST", &server.url("/api/v1/articles/ferry-returns/publish"), Some(&key), &json!({"revision": 1}));
    assert_eq!(live.status, 200, "{}", live.body);
    std::thread::sleep(Duration::from_millis(1000));
    assert!(receiver.received().is_empty(), "not announced before it is live");
    let got = receiver.wait_for(1, Duration::from_secs(20));
    let sent: i64 = got[0].header("X-Dateline-Timestamp").parse().unwrap();
    assert!(sent >= at.as_second(), "sent at {sent}, live at {at}");
    assert_eq!(got[0].json()["article"]["slug"], "ferry-returns");
}

#[test]
fn a_failing_receiver_gets_the_event_again_and_a_dead_one_is_given_up() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let flaky = Receiver::start(vec![Reply::Status(500), Reply::Status(200)]);
    let secret = subscribe(d, &flaky.url, "publish");
    let dead = Receiver::start(vec![Reply::Status(503)]);
    subscribe(d, &dead.url, "publish");
    let server = restart(server, data.path(), &[("DATELINE_WEBHOOK_BACKOFF", "2")]);
    let key = add_key(d, "wire desk", "editor");
    let article =
        json!({"headline": "Ferry returns", "section": "world", "body": "Back.", "contributors": ["lakeside-desk"]});
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &article).status, 201);
    let live = send("POST", &server.url("/api/v1/articles/ferry-returns/publish"), Some(&key), &json!({"revision": 1}));
    assert_eq!(live.status, 200);

    let got = flaky.wait_for(2, Duration::from_secs(20));
    assert_eq!(got[0].header("X-Dateline-Delivery"), got[1].header("X-Dateline-Delivery"), "the same delivery again");
    // Retry times are kept in whole seconds: a 2 s backoff waits more than 1 s.
    assert!(got[1].at - got[0].at >= Duration::from_secs(1), "after the backoff");
    assert_signed(&got[1], &secret);
    // One retry allowed: two attempts, then failed with the error, shown by the CLI.
    dead.wait_for(2, Duration::from_secs(20));
    let deadline = Instant::now() + Duration::from_secs(10);
    let listing = loop {
        let listing = text(&dateline(&["webhook", "deliveries", "--data", d]));
        if listing.contains("failed") && listing.contains("done") || Instant::now() > deadline {
            break listing;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(listing.contains("failed") && listing.contains("HTTP 503"), "{listing}");
    assert!(listing.lines().any(|l| l.contains("done") && l.contains("ferry-returns")), "{listing}");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(dead.received().len(), 2, "no attempts after giving up");
}

#[test]
fn a_hanging_receiver_is_timed_out_and_retried() {
    let (data, server) = newsroom_with_content();
    let d = data.path().to_str().unwrap();
    let slow = Receiver::start(vec![Reply::Hang(Duration::from_secs(30)), Reply::Status(200)]);
    subscribe(d, &slow.url, "publish");
    let server = restart(server, data.path(), &FAST);
    let key = add_key(d, "wire desk", "editor");
    let article =
        json!({"headline": "Ferry returns", "section": "world", "body": "Back.", "contributors": ["lakeside-desk"]});
    assert_eq!(send("POST", &server.url("/api/v1/articles"), Some(&key), &article).status, 201);
    assert_eq!(
        send("POST", &server.url("/api/v1/articles/ferry-returns/publish"), Some(&key), &json!({"revision": 1})).status,
        200
    );
    let got = slow.wait_for(2, Duration::from_secs(15));
    let gap = got[1].at - got[0].at;
    assert!(
        gap >= Duration::from_millis(950) && gap < Duration::from_secs(10),
        "timed out after 1 s, then retried: {gap:?}"
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while !text(&dateline(&["webhook", "deliveries", "--data", d])).contains("done") {
        assert!(Instant::now() < deadline, "the retry was not recorded as done");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn events_made_while_the_server_is_down_are_delivered_when_it_starts() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let receiver = Receiver::start(vec![Reply::Status(200)]);
    // The outbox exists before any server: subscribe, then import (publishing three articles).
    let out = dateline(&["webhook", "list", "--data", d]);
    assert!(text(&out).contains("No webhooks yet"), "{}", text(&out));
    let secret = subscribe(d, &receiver.url, "publish,update,unpublish");
    let listed = text(&dateline(&["webhook", "list", "--data", d]));
    assert!(listed.contains(&receiver.url) && listed.contains("publish,update,unpublish"), "{listed}");
    let content = dateline_import::fixtures::prepare("good").unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    std::thread::sleep(Duration::from_millis(700));
    assert!(receiver.received().is_empty(), "no server, no delivery yet");
    let queued = text(&dateline(&["webhook", "deliveries", "--data", d]));
    assert_eq!(queued.lines().filter(|l| l.contains("queued")).count(), 3, "{queued}");

    let _server = Server::start("serve", data.path());
    let got = receiver.wait_for(3, Duration::from_secs(20));
    let mut slugs: Vec<String> = got.iter().map(|r| r.json()["article"]["slug"].as_str().unwrap().to_owned()).collect();
    slugs.sort();
    assert_eq!(slugs, ["lake-towns-move", "older", "river-rises-ps"]);
    for r in &got {
        assert_eq!(r.json()["event"], "publish");
        assert_signed(r, &secret);
    }
    let id = listed.trim_start_matches('#').split_whitespace().next().unwrap().to_owned();
    let out = dateline(&["webhook", "remove", &id, "--data", d]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&dateline(&["webhook", "list", "--data", d])).contains("No webhooks yet"));
}
