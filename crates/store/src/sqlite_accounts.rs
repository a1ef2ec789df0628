//! [`Accounts`] on SQLite.

use async_trait::async_trait;
use dateline_core::Role;
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::accounts::{Accounts, ApiKey, AuditEntry, NewUser, Session, User};
use crate::{Result, SqliteStore, StoreError};

pub(crate) fn user(row: &SqliteRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::parse(&role).map_err(StoreError::Corrupt)?,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
    })
}

fn timestamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[async_trait]
impl Accounts for SqliteStore {
    async fn create_user(&self, new: NewUser) -> Result<User> {
        let taken = self.user_by_email(&new.email).await?.is_some();
        if taken {
            return Err(StoreError::Invalid(format!("a user with the email {} exists already", new.email)));
        }
        let row = sqlx::query(
            "INSERT INTO users (email, name, role, password_hash, created_ts) VALUES (?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(&new.email)
        .bind(&new.name)
        .bind(new.role.as_str())
        .bind(&new.password_hash)
        .bind(Timestamp::now().as_second())
        .fetch_one(self.pool())
        .await?;
        user(&row)
    }

    async fn user(&self, id: i64) -> Result<Option<User>> {
        let row = sqlx::query("SELECT * FROM users WHERE id = ?").bind(id).fetch_optional(self.pool()).await?;
        row.as_ref().map(user).transpose()
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let row = sqlx::query("SELECT * FROM users WHERE email = ?").bind(email).fetch_optional(self.pool()).await?;
        row.as_ref().map(user).transpose()
    }

    async fn users(&self) -> Result<Vec<User>> {
        let rows = sqlx::query("SELECT * FROM users ORDER BY name, email").fetch_all(self.pool()).await?;
        rows.iter().map(user).collect()
    }

    async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()> {
        sqlx::query("UPDATE users SET password_hash = ? WHERE id = ?")
            .bind(password_hash)
            .bind(user_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn set_role(&self, user_id: i64, role: Role) -> Result<()> {
        sqlx::query("UPDATE users SET role = ? WHERE id = ?")
            .bind(role.as_str())
            .bind(user_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn create_session(&self, s: &Session) -> Result<()> {
        let now = Timestamp::now().as_second();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_ts, last_seen_ts, expires_ts) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&s.token_hash)
        .bind(s.user_id)
        .bind(&s.csrf)
        .bind(now)
        .bind(now)
        .bind(s.expires.as_second())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<(Session, User)>> {
        let row = sqlx::query(
            "SELECT s.token_hash, s.csrf, s.expires_ts, u.* FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ? AND s.expires_ts > ? AND u.disabled = 0",
        )
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let user = user(&row)?;
        let session = Session {
            token_hash: row.try_get("token_hash")?,
            user_id: user.id,
            csrf: row.try_get("csrf")?,
            expires: timestamp(row.try_get("expires_ts")?)?,
        };
        Ok(Some((session, user)))
    }

    async fn touch_session(&self, token_hash: &str, now: Timestamp, expires: Timestamp) -> Result<()> {
        sqlx::query("UPDATE sessions SET last_seen_ts = ?, expires_ts = ? WHERE token_hash = ?")
            .bind(now.as_second())
            .bind(expires.as_second())
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).execute(self.pool()).await?;
        Ok(())
    }

    async fn delete_sessions_of(&self, user_id: i64, keep: Option<&str>) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = ? AND token_hash != COALESCE(?, '')")
            .bind(user_id)
            .bind(keep)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn create_sign_in_link(&self, token_hash: &str, user_id: i64, expires: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO sign_in_links (token_hash, user_id, expires_ts) VALUES (?, ?, ?)")
            .bind(token_hash)
            .bind(user_id)
            .bind(expires.as_second())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn consume_sign_in_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<User>> {
        let row = sqlx::query("DELETE FROM sign_in_links WHERE token_hash = ? RETURNING user_id, expires_ts")
            .bind(token_hash)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        if row.try_get::<i64, _>("expires_ts")? <= now.as_second() {
            return Ok(None);
        }
        let found = self.user(row.try_get("user_id")?).await?;
        Ok(found.filter(|u| !u.disabled))
    }

    async fn record_sign_in_failure(&self, key: &str, at: Timestamp) -> Result<()> {
        sqlx::query("INSERT INTO sign_in_failures (key, ts) VALUES (?, ?)")
            .bind(key)
            .bind(at.as_second())
            .execute(self.pool())
            .await?;
        // Old failures are no longer evidence of anything.
        sqlx::query("DELETE FROM sign_in_failures WHERE ts < ?")
            .bind(at.as_second() - 86_400)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn sign_in_failures_since(&self, key: &str, since: Timestamp) -> Result<u32> {
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ? AND ts >= ?")
            .bind(key)
            .bind(since.as_second())
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        Ok(n as u32)
    }

    async fn audit(&self, actor: Option<i64>, action: &str, subject: &str, detail: &str) -> Result<()> {
        sqlx::query("INSERT INTO audit_log (ts, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
            .bind(Timestamp::now().as_second())
            .bind(actor)
            .bind(action)
            .bind(subject)
            .bind(detail)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT a.ts, u.email AS actor, a.action, a.subject, a.detail FROM audit_log a
             LEFT JOIN users u ON u.id = a.actor ORDER BY a.id DESC LIMIT ?",
        )
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: timestamp(r.try_get("ts")?)?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    subject: r.try_get("subject")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect()
    }

    async fn create_api_key(&self, name: &str, role: Role, key_hash: &str) -> Result<ApiKey> {
        crate::sqlite_api_keys::create(self, name, role, key_hash).await
    }

    async fn api_keys(&self) -> Result<Vec<ApiKey>> {
        crate::sqlite_api_keys::list(self).await
    }

    async fn revoke_api_key(&self, name: &str) -> Result<bool> {
        crate::sqlite_api_keys::revoke(self, name).await
    }

    async fn api_key_user(&self, key_hash: &str) -> Result<Option<(ApiKey, User)>> {
        crate::sqlite_api_keys::by_hash(self, key_hash).await
    }
}
