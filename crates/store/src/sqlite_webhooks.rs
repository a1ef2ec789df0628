//! [`Webhooks`] on SQLite.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::Row;

use crate::webhooks::{Delivery, DeliveryRow, EVENTS, Webhook, Webhooks};
use crate::{Result, SqliteStore, StoreError};

fn timestamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[async_trait]
impl Webhooks for SqliteStore {
    async fn add_webhook(&self, url: &str, events: &[String], secret: &str) -> Result<Webhook> {
        if let Some(bad) = events.iter().find(|e| !EVENTS.contains(&e.as_str())) {
            return Err(StoreError::Invalid(format!("'{bad}' is not an event: use publish, update or unpublish")));
        }
        if events.is_empty() {
            return Err(StoreError::Invalid("name at least one event: publish, update, unpublish".into()));
        }
        let now = Timestamp::now();
        let id: i64 =
            sqlx::query("INSERT INTO webhooks (url, events, secret, created_ts) VALUES (?, ?, ?, ?) RETURNING id")
                .bind(url)
                .bind(events.join(","))
                .bind(secret)
                .bind(now.as_second())
                .fetch_one(self.pool())
                .await?
                .try_get("id")?;
        Ok(Webhook { id, url: url.to_owned(), events: events.to_vec(), created: now })
    }

    async fn webhooks(&self) -> Result<Vec<Webhook>> {
        let rows =
            sqlx::query("SELECT id, url, events, created_ts FROM webhooks ORDER BY id").fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                let events: String = r.try_get("events")?;
                Ok(Webhook {
                    id: r.try_get("id")?,
                    url: r.try_get("url")?,
                    events: events.split(',').map(str::to_owned).collect(),
                    created: timestamp(r.try_get("created_ts")?)?,
                })
            })
            .collect()
    }

    async fn remove_webhook(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM webhooks WHERE id = ?").bind(id).execute(self.pool()).await?;
        Ok(done.rows_affected() > 0)
    }

    async fn claim_delivery(&self, now: Timestamp) -> Result<Option<Delivery>> {
        let mut tx = crate::sqlite::begin_write(self.pool()).await?;
        let row = sqlx::query(
            // In order per article and subscription: not while an earlier one waits or runs.
            "UPDATE webhook_deliveries SET state = 'running', attempts = attempts + 1, updated_ts = ?1
             WHERE id = (SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                         WHERE d.state = 'queued' AND d.run_after_ts <= ?1
                           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p JOIN webhook_events pe ON pe.id = p.event_id
                                           WHERE p.webhook_id = d.webhook_id AND p.id < d.id
                                             AND p.state IN ('queued', 'running') AND pe.article_id = e.article_id)
                         ORDER BY d.run_after_ts, d.id LIMIT 1)
             RETURNING id, attempts, event_id, webhook_id",
        )
        .bind(now.as_second())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let (id, attempts, event_id, webhook_id): (i64, i64, i64, i64) =
            (row.try_get("id")?, row.try_get("attempts")?, row.try_get("event_id")?, row.try_get("webhook_id")?);
        let detail = sqlx::query(
            "SELECT w.url, w.secret, e.event, e.slug, e.headline, e.revision, e.at_ts
             FROM webhooks w, webhook_events e WHERE w.id = ? AND e.id = ?",
        )
        .bind(webhook_id)
        .bind(event_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(Delivery {
            id,
            attempts: attempts as u32,
            url: detail.try_get("url")?,
            secret: detail.try_get("secret")?,
            event: detail.try_get("event")?,
            slug: detail.try_get("slug")?,
            headline: detail.try_get("headline")?,
            revision: detail.try_get("revision")?,
            at: timestamp(detail.try_get("at_ts")?)?,
        }))
    }

    async fn finish_delivery(&self, id: i64) -> Result<()> {
        sqlx::query("UPDATE webhook_deliveries SET state = 'done', last_error = NULL, updated_ts = ? WHERE id = ?")
            .bind(Timestamp::now().as_second())
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn fail_delivery(&self, id: i64, error: &str, retry_at: Option<Timestamp>) -> Result<()> {
        let now = Timestamp::now().as_second();
        sqlx::query(
            "UPDATE webhook_deliveries SET state = ?, last_error = ?, run_after_ts = ?, updated_ts = ? WHERE id = ?",
        )
        .bind(if retry_at.is_some() { "queued" } else { "failed" })
        .bind(error)
        .bind(retry_at.map_or(now, |t| t.as_second()))
        .bind(now)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn requeue_interrupted_deliveries(&self) -> Result<u64> {
        let done = sqlx::query("UPDATE webhook_deliveries SET state = 'queued' WHERE state = 'running'")
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    async fn deliveries(&self, limit: u32) -> Result<Vec<DeliveryRow>> {
        let rows = sqlx::query(
            "SELECT d.id, d.webhook_id, w.url, e.event, e.slug, d.state, d.attempts, d.last_error, d.run_after_ts
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id
             ORDER BY d.id DESC LIMIT ?",
        )
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DeliveryRow {
                    id: r.try_get("id")?,
                    webhook_id: r.try_get("webhook_id")?,
                    url: r.try_get("url")?,
                    event: r.try_get("event")?,
                    slug: r.try_get("slug")?,
                    state: r.try_get("state")?,
                    attempts: r.try_get::<i64, _>("attempts")? as u32,
                    last_error: r.try_get("last_error")?,
                    run_after: timestamp(r.try_get("run_after_ts")?)?,
                })
            })
            .collect()
    }
}
