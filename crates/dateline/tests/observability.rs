//! Operating a running server: `/metrics` read by a real scraper's parser,
//! who may read it, JSON logs, and load shedding at the concurrency limit.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dateline_import::fixtures;
use dateline_store::{SqliteStore, Store};
use serde_json::Value;
use support::{Server, dateline, get, get_with_headers, header, text};

/// The samples of a scrape: (name, labels, value).
fn scrape(server: &Server) -> (Value, Vec<(String, Value, f64)>) {
    let read = support::python_reader("read_metrics.py", &server.url("/metrics"));
    let samples = read["samples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_owned(), s["labels"].clone(), s["value"].as_f64().unwrap()))
        .collect();
    (read, samples)
}

/// The value of the sample called `name` whose labels include `labels`.
fn value(samples: &[(String, Value, f64)], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    samples
        .iter()
        .find(|(n, l, _)| n == name && labels.iter().all(|(k, v)| l[*k].as_str() == Some(*v)))
        .map(|(_, _, v)| *v)
}

/// Jobs in `state` as `dateline jobs` lists them: the store's own count.
fn jobs_in(data: &Path, state: &str) -> usize {
    let listing = text(&dateline(&["jobs", "--limit", "100000", "--data", data.to_str().unwrap()]));
    listing.lines().filter(|l| l.starts_with('#') && l.split_whitespace().nth(2) == Some(state)).count()
}

#[test]
fn metrics_count_requests_by_route_cache_hits_and_the_queue_in_the_store() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start("demo", data.path());
    let home = get(&server.url("/")).1;
    let slug = home.split("href=\"/articles/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let (_, before) = scrape(&server);
    let count = |samples: &[_], route, status| {
        value(samples, "dateline_http_requests_total", &[("route", route), ("method", "GET"), ("status", status)])
            .unwrap_or(0.0)
    };
    let hits_before = value(&before, "dateline_page_cache_hits_total", &[]).unwrap();
    for _ in 0..3 {
        assert_eq!(get(&server.url(&format!("/articles/{slug}"))).0, 200);
    }
    assert_eq!(get(&server.url("/articles/no-such-story")).0, 404);
    assert_eq!(get(&server.url("/no/such/place")).0, 404);

    let (read, after) = scrape(&server);
    assert!(read["content_type"].as_str().unwrap().starts_with("application/openmetrics-text"), "{read}");
    assert_eq!(read["families"]["dateline_http_request_duration_seconds"], "histogram");
    assert_eq!(read["families"]["dateline_queue_depth"], "gauge");
    // Counted by route template, not by path: every article is one label.
    assert_eq!(count(&after, "/articles/{slug}", "2xx") - count(&before, "/articles/{slug}", "2xx"), 3.0);
    assert_eq!(count(&after, "/articles/{slug}", "4xx") - count(&before, "/articles/{slug}", "4xx"), 1.0);
    assert_eq!(count(&after, "unmatched", "4xx") - count(&before, "unmatched", "4xx"), 1.0);
    assert!(after.iter().all(|(_, labels, _)| !labels.to_string().contains(&slug)), "a raw path became a label");
    let latency = value(&after, "dateline_http_request_duration_seconds_count", &[("route", "/articles/{slug}")]);
    assert!(latency.unwrap() >= 4.0, "{latency:?}");
    // The first of the three rendered the page and kept it (unless an earlier
    // request did); the other two came from the page cache.
    assert!(value(&after, "dateline_page_cache_hits_total", &[]).unwrap() - hits_before >= 2.0);
    assert!(value(&after, "dateline_page_cache_misses_total", &[]).unwrap() >= 1.0);
    // The demo queued a narration per article; the test server runs no workers.
    let queued = jobs_in(data.path(), "queued");
    assert!(queued > 0);
    let depth = |queue, state| value(&after, "dateline_queue_depth", &[("queue", queue), ("state", state)]);
    assert_eq!(depth("narration", "queued"), Some(queued as f64));
    assert_eq!(depth("narration", "running"), Some(0.0));
    assert_eq!(depth("narration", "failed"), Some(0.0));
    assert_eq!(depth("webhooks", "queued"), Some(0.0));
    // /metrics itself is never kept by the page cache: a second scrape sees the first.
    let scrapes = |s: &[_]| count(s, "/metrics", "2xx");
    assert!(scrapes(&after) >= 1.0);
    let (_, again) = scrape(&server);
    assert_eq!(scrapes(&again), scrapes(&after) + 1.0);
}

#[test]
fn metrics_are_for_operators_only() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start("demo", data.path());
    assert_eq!(get(&server.url("/metrics")).0, 200);
    // Through a proxy on this machine every reader looks like loopback: refused.
    let (status, _, body) = get_with_headers(&server.url("/metrics"), &[("X-Forwarded-For", "203.0.113.9")]);
    assert_eq!(status, 403, "{body}");
    assert!(!body.contains("dateline_"), "{body}");
    drop(server);

    let token = "operators-only-7f3a9c";
    let server = Server::start_with_env("serve", data.path(), &[("DATELINE_METRICS_TOKEN", token)]);
    let (status, headers, body) = get_with_headers(&server.url("/metrics"), &[]);
    assert_eq!(status, 401, "{body}");
    assert_eq!(header(&headers, "www-authenticate"), Some("Bearer"));
    let wrong = get_with_headers(&server.url("/metrics"), &[("Authorization", "Bearer operators-only-7f3a9d")]);
    assert_eq!(wrong.0, 401);
    let (status, _, body) = get_with_headers(
        &server.url("/metrics"),
        &[("Authorization", &format!("Bearer {token}")), ("X-Forwarded-For", "203.0.113.9")],
    );
    assert_eq!(status, 200);
    assert!(body.contains("dateline_http_requests_total"), "{body}");

    // A token too short to be a secret is refused before serving.
    let out = support::dateline_with_env(
        &["serve", "--data", data.path().to_str().unwrap()],
        &[("DATELINE_METRICS_TOKEN", "short")],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("at least 16 characters"), "{}", text(&out));
}

#[test]
fn json_logs_are_one_object_a_line_with_route_status_and_latency() {
    let data = tempfile::tempdir().unwrap();
    let log = data.path().join("server.log");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let mut child = Command::new(support::bin())
        .args(["demo", "--data", data.path().join("d").to_str().unwrap(), "--listen", &listen])
        .args(["--log-format", "json"])
        .env_remove("DATELINE_CONFIG")
        .env_remove("DATELINE_LOG")
        .env("DATELINE_WORKERS", "0")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let base = format!("http://{listen}");
    let deadline = Instant::now() + Duration::from_secs(120);
    while get(&format!("{base}/healthz")).0 != 200 {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get(&format!("{base}/sections/no-such-section")).0, 404);
    let _ = child.kill();
    let _ = child.wait();

    let lines: Vec<Value> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(lines.iter().any(|l| l["message"] == "serving" && l["level"] == "INFO"), "{lines:?}");
    let request = lines
        .iter()
        .find(|l| l["message"] == "request" && l["route"] == "/sections/{slug}")
        .unwrap_or_else(|| panic!("no request line: {lines:?}"));
    assert_eq!(request["status"], 404);
    assert_eq!(request["method"], "GET");
    assert!(request["latency_ms"].as_f64().unwrap() >= 0.0);
    assert!(request["timestamp"].as_str().unwrap().ends_with('Z'));
}

/// Starts a sign-in POST whose body never finishes arriving: the request
/// holds its place (the form reader waits for the rest) until the socket closes.
fn slow_request(server: &Server) -> TcpStream {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    let head = format!(
        "POST /newsroom/sign-in HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: 1000\r\n\r\nemail=slow"
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream
}

#[test]
fn over_the_concurrency_limit_requests_are_shed_with_503_and_retry_after() {
    let data = tempfile::tempdir().unwrap();
    // Seed once, then serve with room for one request and no queue.
    drop(Server::start("demo", data.path()));
    let env = [("DATELINE_CONCURRENCY", "1"), ("DATELINE_QUEUE", "0")];
    let server = Server::start_with_env("serve", data.path(), &env);
    assert_eq!(get(&server.url("/")).0, 200);

    let mut slow = slow_request(&server);
    // Wait until the slow request holds the only place.
    let began = Instant::now();
    let (status, headers, body) = loop {
        let answer = get_with_headers(&server.url("/"), &[]);
        if answer.0 == 503 || began.elapsed() > Duration::from_secs(5) {
            break answer;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status, 503, "{body}");
    assert_eq!(header(&headers, "retry-after"), Some("1"));
    assert!(body.contains("busy"), "{body}");
    // Shed at once, not after a wait.
    let asked = Instant::now();
    assert_eq!(get(&server.url("/sections/world")).0, 503);
    assert!(asked.elapsed() < Duration::from_secs(1), "shedding took {:?}", asked.elapsed());
    // Health and metrics still answer, and count what was shed.
    assert_eq!(get(&server.url("/healthz")).0, 200);
    let (_, samples) = scrape(&server);
    assert!(value(&samples, "dateline_http_shed_total", &[]).unwrap() >= 2.0);
    assert!(value(&samples, "dateline_http_requests_total", &[("route", "/"), ("status", "5xx")]).unwrap() >= 1.0);

    // The slow client goes away: the place is free and the site answers again.
    slow.shutdown(std::net::Shutdown::Both).unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    drop(slow);
    let freed = Instant::now();
    while get(&server.url("/")).0 != 200 {
        assert!(freed.elapsed() < Duration::from_secs(5), "still shedding after the slow request ended");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn narration_seconds_are_counted() {
    let content = fixtures::prepare("good").unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = dateline(&["import", content.path().to_str().unwrap(), "--data", data.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let config = data.path().join("espeak.toml");
    std::fs::write(&config, "[voice.languages]\nen = \"espeak:en-us\"\n").unwrap();
    let env = [("DATELINE_WORKERS", "1"), ("DATELINE_CONFIG", config.to_str().unwrap())];
    let server = Server::start_with_env("serve", data.path(), &env);
    let deadline = Instant::now() + Duration::from_secs(300);
    while jobs_in(data.path(), "queued") + jobs_in(data.path(), "running") > 0 {
        assert!(Instant::now() < deadline, "narration jobs still pending");
        std::thread::sleep(Duration::from_millis(300));
    }
    let (_, samples) = scrape(&server);
    drop(server);

    let store = SqliteStore::open(data.path()).await.unwrap();
    let articles =
        store.list_articles(&dateline_store::ArticleQuery::latest(jiff::Timestamp::now(), 1000)).await.unwrap();
    let mut narrated = 0;
    let mut audio_ms = 0;
    for a in &articles.items {
        if let Some(n) = store.narration(a.slug.as_str()).await.unwrap() {
            narrated += 1;
            audio_ms += n.duration_ms;
        }
    }
    assert!(narrated > 0);
    assert_eq!(value(&samples, "dateline_narrations_total", &[]), Some(narrated as f64));
    let audio = value(&samples, "dateline_narration_audio_seconds_total", &[]).unwrap();
    assert!((audio - audio_ms as f64 / 1000.0).abs() < 0.01, "{audio} s counted, {audio_ms} ms stored");
    assert!(value(&samples, "dateline_narration_synthesis_seconds_total", &[]).unwrap() > 0.0);
}
