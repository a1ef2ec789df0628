use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use dateline_import::{ImportOptions, ImportReport, import_folder};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Config;

/// Imports a folder with a progress bar, prints every problem, and fails
/// (exit 1) when any file was refused — after importing all the others.
pub async fn import(config: &Config, folder: &Path) -> Result<ExitCode> {
    let store = super::serve::open_store(config).await?;
    let report = import_with_progress(&store, folder, config).await?;
    for problem in &report.problems {
        eprintln!("{problem}");
    }
    println!("Imported {}: {report}", folder.display());
    if report.problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("Fix the files above and import again: the rest of the folder was imported.");
        Ok(ExitCode::FAILURE)
    }
}

pub async fn import_with_progress(
    store: &dyn dateline_store::Store,
    folder: &Path,
    config: &Config,
) -> Result<ImportReport> {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} importing [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let options = ImportOptions { time_zone: config.site.time_zone.clone() };
    let report = import_folder(store, folder, &options, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    })
    .await?;
    bar.finish_and_clear();
    Ok(report)
}
