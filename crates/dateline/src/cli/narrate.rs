//! `dateline narrate`, `dateline voices`, `dateline jobs`.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use dateline_store::{ArticleQuery, Store};
use dateline_voice::engine::discover;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;

use crate::config::Config;
use crate::narration::Narrator;

pub async fn narrate(config: &Config, slug: Option<&str>, all: bool) -> Result<ExitCode> {
    let sqlite = Arc::new(super::serve::open_store(config).await?);
    let store: Arc<dyn Store> = sqlite.clone();
    let narrator = Arc::new(Narrator::new(store.clone(), sqlite, config)?);
    let slugs: Vec<String> = if all {
        let everything = ArticleQuery::latest(Timestamp::now(), u32::MAX);
        store.list_articles(&everything).await?.items.into_iter().map(|a| a.slug.to_string()).collect()
    } else {
        slug.map(str::to_owned).into_iter().collect()
    };
    let bar = ProgressBar::new(slugs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} narrating [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut failed = 0;
    for slug in &slugs {
        bar.set_message(slug.clone());
        match narrator.narrate_slug(slug).await {
            // println, not bar.println: the report must reach scripts and logs too.
            Ok(o) => bar.suspend(|| {
                println!(
                    "{slug}: {:.0} s of audio, {} sentences ({} spoken now, the rest cached){}",
                    o.record.duration_ms as f64 / 1000.0,
                    o.record.sentences,
                    o.synthesized,
                    if o.skipped > 0 { format!(", {} left out", o.skipped) } else { String::new() }
                )
            }),
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("{slug}: not narrated: {e}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

pub fn voices(config: &Config) -> Result<()> {
    println!("Neural voices (Piper) in {}:", config.voice.dir.display());
    let piper = discover::piper_voices(&config.voice.dir);
    if piper.is_empty() {
        println!("  none installed (make setup installs en_US-joe-medium)");
    }
    for v in &piper {
        println!("  {:<24} {}", v.name, v.language);
    }
    match discover::espeak_voices() {
        Ok(list) => {
            let codes: Vec<&str> = list.iter().map(|v| v.code.as_str()).collect();
            println!("eSpeak NG voices ({}): {}", codes.len(), codes.join(" "));
        }
        Err(e) => println!("eSpeak NG: unavailable: {e}"),
    }
    let voices = dateline_voice::voices::Voices::new(config.voice.clone());
    for language in ["en", "sw", "fa", "ps", "ar", "fr"] {
        println!("  {language} → {:?}", voices.choose(language));
    }
    Ok(())
}

pub async fn jobs(config: &Config, limit: u32) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    let jobs = store.jobs(limit).await?;
    if jobs.is_empty() {
        println!("No jobs yet.");
    }
    for j in jobs {
        let when = match j.state.as_str() {
            "queued" => format!("due {}", j.run_after),
            _ => format!("at {}", j.updated),
        };
        println!("#{:<5} {:<8} {:<7} {:<40} attempt {} {when}", j.id, j.kind, j.state, j.article_slug, j.attempts);
        if let Some(error) = j.last_error {
            println!("       last error: {error}");
        }
    }
    Ok(())
}
