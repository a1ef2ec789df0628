//! Webhooks: subscriptions and the outbox of their deliveries. Events are
//! written by SQLite triggers in the same transaction as the article change
//! (migration 0010), so this trait only manages subscriptions and hands due
//! deliveries to the worker.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::Result;

/// The events a subscription may ask for.
pub const EVENTS: [&str; 3] = ["publish", "update", "unpublish"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub created: Timestamp,
}

/// A delivery the worker has claimed, with what it needs to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    /// Including this one.
    pub attempts: u32,
    pub url: String,
    pub secret: String,
    pub event: String,
    pub slug: String,
    pub headline: String,
    pub revision: i64,
    /// When the change was made.
    pub at: Timestamp,
}

/// A delivery as `dateline webhook deliveries` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRow {
    pub id: i64,
    pub webhook_id: i64,
    pub url: String,
    pub event: String,
    pub slug: String,
    pub state: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub run_after: Timestamp,
}

#[async_trait]
pub trait Webhooks: Send + Sync {
    /// Subscribes `url` to `events` (from [`EVENTS`]); `secret` signs its deliveries.
    async fn add_webhook(&self, url: &str, events: &[String], secret: &str) -> Result<Webhook>;
    async fn webhooks(&self) -> Result<Vec<Webhook>>;
    /// Removes a subscription and its pending deliveries; `false` when there was none.
    async fn remove_webhook(&self, id: i64) -> Result<bool>;
    /// Takes the next due delivery, marking it running.
    async fn claim_delivery(&self, now: Timestamp) -> Result<Option<Delivery>>;
    async fn finish_delivery(&self, id: i64) -> Result<()>;
    /// Records a failure: queued again at `retry_at`, or failed for good when `None`.
    async fn fail_delivery(&self, id: i64, error: &str, retry_at: Option<Timestamp>) -> Result<()>;
    /// Queues again deliveries a dead process left running; returns how many.
    async fn requeue_interrupted_deliveries(&self) -> Result<u64>;
    /// The most recent deliveries, newest first.
    async fn deliveries(&self, limit: u32) -> Result<Vec<DeliveryRow>>;
}
