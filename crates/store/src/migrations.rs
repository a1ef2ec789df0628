//! Migrations are embedded in the binary: a data folder is upgraded in place when opened.

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

pub fn migrator() -> Migrator {
    let migration = |version: i64, name: &'static str, sql: &'static str| {
        Migration::new(version, name.into(), MigrationType::Simple, sql.into_sql_str(), false)
    };
    Migrator::with_migrations(vec![
        migration(1, "initial", include_str!("../migrations/0001_initial.sql")),
        migration(2, "narration", include_str!("../migrations/0002_narration.sql")),
        migration(3, "accounts", include_str!("../migrations/0003_accounts.sql")),
        migration(4, "revisions", include_str!("../migrations/0004_revisions.sql")),
        migration(5, "corrections", include_str!("../migrations/0005_corrections.sql")),
        migration(6, "media library", include_str!("../migrations/0006_media_library.sql")),
        migration(7, "kept drafts", include_str!("../migrations/0007_kept_drafts.sql")),
        migration(8, "site version", include_str!("../migrations/0008_site_version.sql")),
        migration(9, "api keys", include_str!("../migrations/0009_api_keys.sql")),
        migration(10, "webhooks", include_str!("../migrations/0010_webhooks.sql")),
        migration(11, "search changes", include_str!("../migrations/0011_search_changes.sql")),
    ])
}
