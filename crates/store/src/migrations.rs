//! Migrations are embedded in the binary: a data folder is upgraded in place when opened.

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

pub fn migrator() -> Migrator {
    Migrator::with_migrations(vec![Migration::new(
        1,
        "initial".into(),
        MigrationType::Simple,
        include_str!("../migrations/0001_initial.sql").into_sql_str(),
        false,
    )])
}
