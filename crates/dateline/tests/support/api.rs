//! The content API as tests meet it: keys from the CLI, JSON requests with
//! or without a bearer key, answers as JSON.

use std::time::Duration;

use serde_json::Value;

use super::{dateline, text};

/// Makes an API key through the CLI; returns the key it printed once.
pub fn add_key(data: &str, name: &str, role: &str) -> String {
    let out = dateline(&["apikey", "add", "--name", name, "--role", role, "--data", data]);
    assert!(out.status.success(), "{}", text(&out));
    let key = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(key.starts_with("dl_") && key.len() == 67, "printed key: {key}");
    key
}

/// An answer: status, headers, body (as JSON when it is JSON).
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {} {}", self.status, self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        super::header(&self.headers, name)
    }

    /// The `field` of every listed problem, in order.
    pub fn problem_fields(&self) -> Vec<String> {
        assert_eq!(self.header("content-type"), Some("application/problem+json"), "{}", self.body);
        let json = self.json();
        json["errors"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|e| e["field"].as_str().unwrap_or("").to_owned())
            .collect()
    }
}

/// Sends `method url` with optional bearer `key`, extra headers and a body.
pub fn call(method: &str, url: &str, key: Option<&str>, extra: &[(&str, &str)], body: Option<&[u8]>) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into();
    let mut auth = key.map(|k| ("Authorization", format!("Bearer {k}"))).into_iter().collect::<Vec<_>>();
    auth.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let sent = match (method, body) {
        ("GET", _) => auth.iter().fold(agent.get(url), |r, (k, v)| r.header(*k, v)).call(),
        ("POST", b) => auth.iter().fold(agent.post(url), |r, (k, v)| r.header(*k, v)).send(b.unwrap_or_default()),
        ("PUT", b) => auth.iter().fold(agent.put(url), |r, (k, v)| r.header(*k, v)).send(b.unwrap_or_default()),
        _ => panic!("no helper for {method}"),
    };
    let mut response = sent.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let headers =
        response.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    Answer {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().with_config().limit(16 * 1024 * 1024).read_to_string().unwrap_or_default(),
    }
}

pub fn get(url: &str, key: Option<&str>) -> Answer {
    call("GET", url, key, &[], None)
}

/// Sends JSON.
pub fn send(method: &str, url: &str, key: Option<&str>, json: &Value) -> Answer {
    let body = serde_json::to_vec(json).expect("JSON");
    call(method, url, key, &[("Content-Type", "application/json")], Some(&body))
}
