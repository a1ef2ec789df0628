//! Webhook delivery, in the serving process: workers take due deliveries
//! from the store's outbox (written by triggers in the same transaction as
//! each article change), POST them signed, and retry failures with backoff.
//! Deliveries survive restarts; a delivery that was running when the process
//! died is sent again (receivers de-duplicate by `X-Dateline-Delivery`).

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Result, anyhow};
use dateline_store::Webhooks;
use dateline_store::webhooks::Delivery;
use hmac::{Hmac, Mac};
use jiff::{SignedDuration, Timestamp};
use sha2::Sha256;

/// How long an idle worker waits before looking at the outbox again.
const POLL: Duration = Duration::from_millis(500);
/// Deliveries sent at once: a receiver that hangs holds one worker, not the queue.
const WORKERS: usize = 2;
/// The most of a receiver's answer read (and ignored).
const MAX_ANSWER: u64 = 64 * 1024;

/// How deliveries are sent and retried (`[webhooks]` in dateline.toml).
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// Waits before each retry; after the last, a delivery fails for good.
    pub backoff: Vec<SignedDuration>,
    /// Bound on connecting and on the whole request.
    pub timeout: Duration,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        let minutes = |m: i64| SignedDuration::from_mins(m);
        Self {
            backoff: vec![SignedDuration::from_secs(10), minutes(1), minutes(5), minutes(30), minutes(120)],
            timeout: Duration::from_secs(10),
        }
    }
}

/// `sha256=` + hex HMAC-SHA256 of `timestamp.body` under the subscription's secret.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// The JSON a receiver gets.
pub fn payload(d: &Delivery, base_url: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "event": d.event,
        "delivery": d.id.to_string(),
        "time": d.at.to_string(),
        "article": {
            "slug": d.slug,
            "headline": d.headline,
            "revision": d.revision,
            "url": format!("{base_url}/articles/{}", d.slug),
            "api_url": format!("{base_url}/api/v1/articles/{}", d.slug),
        },
    });
    serde_json::to_vec(&body).unwrap_or_default()
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_connect(Some(timeout))
        .timeout_global(Some(timeout))
        .user_agent(concat!("Dateline-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// Sends one delivery (blocking); a 2xx answer is success.
fn send(agent: &ureq::Agent, d: &Delivery, body: Vec<u8>) -> Result<()> {
    let timestamp = Timestamp::now().as_second();
    let mut response = agent
        .post(&d.url)
        .header("Content-Type", "application/json")
        .header("X-Dateline-Event", &d.event)
        .header("X-Dateline-Delivery", d.id.to_string())
        .header("X-Dateline-Timestamp", timestamp.to_string())
        .header("X-Dateline-Signature", signature(&d.secret, timestamp, &body))
        .send(&body[..])
        .map_err(|e| anyhow!("{e}"))?;
    let status = response.status();
    let _ = response.body_mut().with_config().limit(MAX_ANSWER).read_to_vec();
    if status.is_success() { Ok(()) } else { Err(anyhow!("the receiver answered HTTP {}", status.as_u16())) }
}

struct Worker<W: ?Sized> {
    store: Arc<W>,
    config: WebhookConfig,
    base_url: String,
    agent: ureq::Agent,
}

impl<W: Webhooks + ?Sized + 'static> Worker<W> {
    /// Takes and sends one due delivery; `false` when none was due.
    async fn run_one(self: &Arc<Self>) -> Result<bool> {
        let Some(d) = self.store.claim_delivery(Timestamp::now()).await? else {
            return Ok(false);
        };
        let body = payload(&d, &self.base_url);
        let this = self.clone();
        let sent = {
            let d = d.clone();
            tokio::task::spawn_blocking(move || send(&this.agent, &d, body))
                .await
                .map_err(|e| anyhow!("the delivery task stopped: {e}"))
                .and_then(|r| r)
        };
        match sent {
            Ok(()) => {
                self.store.finish_delivery(d.id).await?;
                tracing::info!(delivery = d.id, event = %d.event, slug = %d.slug, url = %d.url, "webhook delivered");
            }
            Err(e) => {
                let retry_at =
                    self.config.backoff.get(d.attempts.saturating_sub(1) as usize).map(|wait| Timestamp::now() + *wait);
                tracing::warn!(delivery = d.id, url = %d.url, attempt = d.attempts, error = %e, retry = retry_at.is_some(), "webhook failed");
                self.store.fail_delivery(d.id, &format!("{e:#}"), retry_at).await?;
            }
        }
        Ok(true)
    }
}

/// Queues again what a dead process left running, then starts the workers.
pub async fn start<W: Webhooks + ?Sized + 'static>(
    store: Arc<W>,
    config: WebhookConfig,
    base_url: String,
) -> Result<()> {
    let requeued = store.requeue_interrupted_deliveries().await?;
    if requeued > 0 {
        tracing::info!(requeued, "resuming webhook deliveries interrupted by a restart");
    }
    let agent = agent(config.timeout);
    let worker = Arc::new(Worker { store, config, base_url, agent });
    for n in 0..WORKERS {
        let worker = worker.clone();
        tokio::spawn(async move {
            loop {
                match worker.run_one().await {
                    Ok(true) => {}
                    Ok(false) => tokio::time::sleep(POLL).await,
                    Err(e) => {
                        tracing::error!(worker = n, error = %e, "webhook outbox unavailable");
                        tokio::time::sleep(POLL * 4).await;
                    }
                }
            }
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hmac_sha256_of_timestamp_dot_body() {
        // Computed independently: python3 -c "import hmac, hashlib;
        // print(hmac.new(b'key', b'1700000000.{}', hashlib.sha256).hexdigest())"
        let sig = signature("key", 1700000000, b"{}");
        assert_eq!(sig, "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
        assert_ne!(sig, signature("key", 1700000001, b"{}"));
        assert_ne!(sig, signature("other", 1700000000, b"{}"));
    }
}
