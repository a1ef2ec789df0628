//! What `dateline backup` and `restore` need from the database: a consistent
//! copy taken while others write, the media it names, and checks of a copy.

use std::path::Path;
use std::str::FromStr;

use dateline_core::media::ImageVariant;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

use crate::{Result, SqliteStore, StoreError, migrations};

impl SqliteStore {
    /// Writes a consistent copy of the database to `dest` (which must not
    /// exist) with `VACUUM INTO`: it reads in one transaction, so it sees one
    /// moment while the server and other processes go on writing (WAL).
    pub async fn snapshot_into(&self, dest: &Path) -> Result<()> {
        let dest = dest.to_str().ok_or_else(|| StoreError::Invalid(format!("{} is not UTF-8", dest.display())))?;
        sqlx::query("VACUUM INTO ?").bind(dest).execute(self.pool()).await?;
        Ok(())
    }
}

/// The newest schema this build knows (its last migration).
pub fn schema_version() -> i64 {
    migrations::migrator().iter().map(|m| m.version).max().unwrap_or(0)
}

/// A database file that is not the live one (a snapshot, or a restored copy), opened read-only.
pub struct DatabaseFile {
    pool: SqlitePool,
}

impl DatabaseFile {
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite:")?.filename(path).read_only(true);
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
        Ok(Self { pool })
    }

    /// The last migration applied to it (0 for a database Dateline never set up).
    pub async fn schema_version(&self) -> Result<i64> {
        let exists: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
                .fetch_one(&self.pool)
                .await?;
        if exists == 0 {
            return Ok(0);
        }
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&self.pool).await?;
        Ok(version.unwrap_or(0))
    }

    /// Every media key the database names: each file and its WebP variants.
    /// Foreign keys make every other reference (lead images, photos,
    /// narrations, the library) one of these rows.
    pub async fn media_keys(&self) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT key, variants FROM media ORDER BY key").fetch_all(&self.pool).await?;
        let mut keys = Vec::with_capacity(rows.len());
        for row in rows {
            keys.push(row.try_get::<String, _>("key")?);
            let variants: String = row.try_get("variants")?;
            let variants: Vec<ImageVariant> = serde_json::from_str(&variants)
                .map_err(|e| StoreError::Corrupt(format!("media variants are not a list: {e}")))?;
            keys.extend(variants.into_iter().map(|v| v.key));
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    /// SQLite's own check of every page and index; `Err` lists what it found.
    pub async fn check_integrity(&self) -> Result<()> {
        let found: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&self.pool).await?;
        if found == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt(format!("the database check found: {}", found.join("; "))))
        }
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}
