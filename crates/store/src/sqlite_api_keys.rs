//! API keys on SQLite. A key acts as a user row of its own (no password, so
//! it can never sign in to the newsroom), which the audit log and revisions
//! name like any person.

use dateline_core::Role;
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::accounts::{ApiKey, User};
use crate::{Result, SqliteStore, StoreError};

fn timestamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn api_key(r: &SqliteRow) -> Result<ApiKey> {
    let role: String = r.try_get("role")?;
    Ok(ApiKey {
        id: r.try_get("key_id")?,
        name: r.try_get("key_name")?,
        user_id: r.try_get("user_id")?,
        role: Role::parse(&role).map_err(StoreError::Corrupt)?,
        created: timestamp(r.try_get("key_created_ts")?)?,
        revoked: r.try_get::<Option<i64>, _>("revoked_ts")?.map(timestamp).transpose()?,
    })
}

const SELECT: &str = "SELECT k.id AS key_id, k.name AS key_name, k.user_id, k.created_ts AS key_created_ts,
        k.revoked_ts, u.* FROM api_keys k JOIN users u ON u.id = k.user_id";

pub(crate) async fn create(store: &SqliteStore, name: &str, role: Role, key_hash: &str) -> Result<ApiKey> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(StoreError::Invalid("an API key's name must be 1 to 80 characters".into()));
    }
    let mut tx = crate::sqlite::begin_write(store.pool()).await?;
    let taken = sqlx::query("SELECT 1 FROM api_keys WHERE name = ?").bind(name).fetch_optional(&mut *tx).await?;
    if taken.is_some() {
        return Err(StoreError::Invalid(format!("an API key named '{name}' exists already")));
    }
    let now = Timestamp::now().as_second();
    // A unique address that can receive no mail (the user is only ever the
    // key), readable in the audit log: `wire-desk.1a2b3c4d@api-key.invalid`.
    let readable = dateline_core::Slug::from_text(name).map(|s| s.to_string()).unwrap_or_else(|| "key".into());
    let email = format!("{readable}.{}{}", &key_hash[..8.min(key_hash.len())], crate::accounts::API_KEY_DOMAIN);
    let user_id: i64 = sqlx::query(
        "INSERT INTO users (email, name, role, password_hash, created_ts) VALUES (?, ?, ?, NULL, ?) RETURNING id",
    )
    .bind(email)
    .bind(format!("{name} (API key)"))
    .bind(role.as_str())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    sqlx::query("INSERT INTO api_keys (name, key_hash, user_id, created_ts) VALUES (?, ?, ?, ?)")
        .bind(name)
        .bind(key_hash)
        .bind(user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE k.name = ?"));
    api_key(&sqlx::query(sql).bind(name).fetch_one(store.pool()).await?)
}

pub(crate) async fn list(store: &SqliteStore) -> Result<Vec<ApiKey>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY k.id"));
    sqlx::query(sql).fetch_all(store.pool()).await?.iter().map(api_key).collect()
}

pub(crate) async fn revoke(store: &SqliteStore, name: &str) -> Result<bool> {
    let mut tx = crate::sqlite::begin_write(store.pool()).await?;
    let user: Option<i64> =
        sqlx::query("UPDATE api_keys SET revoked_ts = ? WHERE name = ? AND revoked_ts IS NULL RETURNING user_id")
            .bind(Timestamp::now().as_second())
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get("user_id"))
            .transpose()?;
    let Some(user) = user else { return Ok(false) };
    sqlx::query("UPDATE users SET disabled = 1 WHERE id = ?").bind(user).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn by_hash(store: &SqliteStore, key_hash: &str) -> Result<Option<(ApiKey, User)>> {
    let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE k.key_hash = ? AND k.revoked_ts IS NULL AND u.disabled = 0"));
    let Some(row) = sqlx::query(sql).bind(key_hash).fetch_optional(store.pool()).await? else {
        return Ok(None);
    };
    Ok(Some((api_key(&row)?, crate::sqlite_accounts::user(&row)?)))
}
