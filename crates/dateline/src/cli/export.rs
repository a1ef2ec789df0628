//! `dateline export OUT`: the public site as static files (the work is
//! `dateline_web::export`); this adds the data-folder checks, `--base-url`,
//! the progress bar and Ctrl-C.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use dateline_web::export::{ExportOptions, Progress, export};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Config;

pub async fn run(mut config: Config, out: &Path, base_url: Option<String>, force: bool, jobs: usize) -> Result<()> {
    anyhow::ensure!(
        config.data.join(dateline_store::sqlite::DATABASE_FILE).is_file(),
        "no Dateline data folder at {}: import content (dateline import) or seed the demo first, or name it with --data",
        config.data.display()
    );
    if let Some(base) = base_url {
        let base = base.trim_end_matches('/').to_owned();
        anyhow::ensure!(
            base.starts_with("http://") || base.starts_with("https://"),
            "--base-url '{base}' must start with http:// or https://"
        );
        config.site.base_url = base;
    }
    let store = Arc::new(super::serve::open_store(&config).await?);
    // The data folder's search index belongs to the server that may be running
    // beside this export; pages exported never search it anyway.
    config.site.search_dir = None;
    // Pages (and their corrections) read a snapshot in memory: the export renders one moment, and it is
    // much faster than a query per question.
    let snapshot = Arc::new(dateline_store::SnapshotStore::load(store.clone()).await?);
    let state = dateline_web::AppState::new(snapshot.clone(), store.clone(), snapshot, store, config.site.clone())?;
    let options = ExportOptions { out: out.to_owned(), force, concurrency: jobs };

    // indicatif draws nothing when standard error is not a terminal.
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} exporting [{bar:30}] {pos}/{len} {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let on_progress = |p: Progress| {
        bar.set_length(p.known);
        bar.set_position(p.done);
    };
    let report = tokio::select! {
        report = export(state, &options, &on_progress) => report,
        _ = tokio::signal::ctrl_c() => {
            bar.abandon();
            anyhow::bail!(
                "interrupted: what was written so far is recorded in {}; run the export again to finish it",
                out.display()
            );
        }
    };
    bar.finish_and_clear();
    let report = report.with_context(|| format!("the export to {} stopped", out.display()))?;
    for link in &report.broken {
        eprintln!("warning: a page links to {}, which answers {}", link.url, link.status);
    }
    println!("Exported {} to {}: {report}", config.site.base_url, out.display());
    Ok(())
}
