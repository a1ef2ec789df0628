//! Runs the real `dateline` binary: commands, and a server on a loopback port.

#![allow(dead_code)]

pub mod api;
pub mod newsroom;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dateline"))
}

/// Runs `dateline ARGS` to completion.
pub fn dateline(args: &[&str]) -> Output {
    dateline_with_env(args, &[])
}

pub fn dateline_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(bin())
        .args(args)
        .env_remove("DATELINE_CONFIG")
        .envs(env.iter().copied())
        .output()
        .expect("the dateline binary runs")
}

pub fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// A running server, killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts `dateline <command> --data DATA --listen 127.0.0.1:<port>` and waits until it answers.
    pub fn start(command: &str, data: &Path) -> Server {
        Self::start_with_env(command, data, &[])
    }

    pub fn start_with_env(command: &str, data: &Path, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let child = Command::new(bin())
            .args([command, "--data", data.to_str().expect("utf-8 path"), "--listen", &listen])
            .env_remove("DATELINE_CONFIG")
            // No narration unless a test asks for it: it would race page checks.
            .env("DATELINE_WORKERS", "0")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let server = Server { child, base: format!("http://{listen}") };
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if get(&server.url("/healthz")).0 == 200 {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not answer on {listen} within 120 s");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Server {
    /// The server's process id, for crash tests.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the server at once (SIGKILL): no shutdown code runs.
    pub fn kill_9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// GET with optional cookie: (status, headers as "name: value" lines, body).
pub fn get_with_cookie(url: &str, cookie: Option<&str>) -> (u16, Vec<(String, String)>, String) {
    get_with_headers(url, &cookie.map(|c| ("Cookie", c)).into_iter().collect::<Vec<_>>())
}

/// GET with extra request headers: (status, headers, body).
/// Like [`get_with_headers`], with the body as bytes (compressed answers are not text).
pub fn get_bytes_with_headers(url: &str, extra: &[(&str, &str)]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut request = agent().get(url);
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    let mut response = request.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let headers =
        response.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    let status = response.status().as_u16();
    (status, headers, response.body_mut().read_to_vec().unwrap_or_default())
}

pub fn get_with_headers(url: &str, extra: &[(&str, &str)]) -> (u16, Vec<(String, String)>, String) {
    let mut request = agent().get(url);
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    match request.call() {
        Ok(mut response) => {
            let headers = response
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                .collect();
            let status = response.status().as_u16();
            let body = response.body_mut().read_to_string().unwrap_or_default();
            (status, headers, body)
        }
        Err(_) => (0, Vec::new(), String::new()),
    }
}

pub fn get(url: &str) -> (u16, String) {
    let (status, _, body) = get_with_cookie(url, None);
    (status, body)
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Asserts the `needles` appear in `html` in this order, naming the first that does not.
pub fn assert_in_order(html: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match html[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("'{needle}' is missing or out of order after byte {from}\n\n{html}"),
        }
    }
}

/// A tiny browser: keeps cookies, follows no redirects, posts forms.
#[derive(Default)]
pub struct Browser {
    cookies: std::collections::BTreeMap<String, String>,
}

pub struct Page {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        header(&self.headers, "location")
    }

    /// The value of a hidden form field, e.g. the anti-forgery token.
    pub fn field(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker)? + marker.len();
        Some(self.body[start..start + self.body[start..].find('"')?].to_owned())
    }
}

fn form_encode(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep_cookies(&mut self, headers: &[(String, String)]) {
        for (name, value) in headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie")) {
            let _ = name;
            let pair = value.split(';').next().unwrap_or("");
            if let Some((k, v)) = pair.split_once('=') {
                if v.is_empty() || value.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), v.to_owned());
                }
            }
        }
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.contains_key(name)
    }

    pub fn cookie_value(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub fn get(&mut self, url: &str) -> Page {
        let cookie = self.cookie_header();
        let (status, headers, body) = get_with_headers(url, &[("Cookie", cookie.as_str())]);
        self.keep_cookies(&headers);
        Page { status, headers, body }
    }

    pub fn post(&mut self, url: &str, fields: &[(&str, &str)]) -> Page {
        self.post_with_headers(url, fields, &[])
    }

    /// POST with extra request headers (what a browser adds: Origin, Sec-Fetch-Site…).
    pub fn post_with_headers(&mut self, url: &str, fields: &[(&str, &str)], extra: &[(&str, &str)]) -> Page {
        let body = form_encode(fields).into_bytes();
        self.send(url, "application/x-www-form-urlencoded", body, extra)
    }

    /// POST a `multipart/form-data` form, as a file input sends it; `file` is
    /// (field name, file name, bytes).
    pub fn post_multipart(
        &mut self,
        url: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, &[u8])>,
        extra: &[(&str, &str)],
    ) -> Page {
        const BOUNDARY: &str = "----dateline-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        if let Some((name, file_name, bytes)) = file {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        self.send(url, &format!("multipart/form-data; boundary={BOUNDARY}"), body, extra)
    }

    fn send(&mut self, url: &str, content_type: &str, body: Vec<u8>, extra: &[(&str, &str)]) -> Page {
        let mut request =
            agent().post(url).header("Cookie", &self.cookie_header()).header("Content-Type", content_type);
        for (name, value) in extra {
            request = request.header(*name, *value);
        }
        let page = match request.send(&body[..]) {
            Ok(mut r) => Page {
                status: r.status().as_u16(),
                headers: r
                    .headers()
                    .iter()
                    .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                    .collect(),
                body: r.body_mut().with_config().limit(64 * 1024 * 1024).read_to_string().unwrap_or_default(),
            },
            Err(e) => panic!("POST {url}: {e}"),
        };
        self.keep_cookies(&page.headers);
        page
    }
}

/// Waits up to a second for `check` to hold: a change made by another process
/// reaches a running server's page cache within its recheck interval (0.1 s).
pub fn within_a_second(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(1);
    while !check() {
        assert!(Instant::now() < deadline, "{what}: not seen within a second");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs one of the Python readers in `tests/python/` (feedparser, the sitemap
/// parser, extruct: what real consumers use) on `url` and returns the JSON it
/// prints. A missing parser is a failure that says how to install it.
pub fn python_reader(script: &str, url: &str) -> serde_json::Value {
    let path = format!("{}/../../tests/python/{script}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3").arg(&path).arg(url).output().expect("python3 runs");
    assert!(out.status.success(), "{script} failed on {url}:\n{}", text(&out));
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}
