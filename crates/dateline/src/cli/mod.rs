//! The command line: `dateline <command> --help` explains each one.

mod apikey;
mod backup;
mod breaking;
mod export;
pub mod import;
mod narrate;
mod reindex;
mod restore;
mod serve;
mod user;
mod webhook;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::config::{Config, FileConfig};

#[derive(Debug, Parser)]
#[command(name = "dateline", version, about = "Dateline: a news publishing system — one binary runs the newsroom.")]
pub struct Cli {
    /// Configuration file (default: ./dateline.toml when it exists).
    #[arg(long, global = true, env = "DATELINE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Data folder: the database and media files (created when missing).
    #[arg(long, global = true, env = "DATELINE_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// How logs are written to stderr: text for people, json (one object a line) for log collectors.
    #[arg(long, global = true, env = "DATELINE_LOG_FORMAT", value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ListenArgs {
    /// Address to serve on, e.g. 127.0.0.1:8080.
    #[arg(long, env = "DATELINE_LISTEN", value_name = "ADDR")]
    listen: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve an existing data folder.
    Serve {
        #[command(flatten)]
        listen: ListenArgs,
    },
    /// Seed a sample newsroom into an empty data folder (once), then serve it.
    Demo {
        #[command(flatten)]
        listen: ListenArgs,
    },
    /// Import a content folder (Markdown articles with TOML front matter; see docs/CONTENT.md).
    Import {
        /// The content folder: sections.toml, contributors/*.toml, articles/**/*.md.
        #[arg(value_name = "DIR")]
        folder: PathBuf,
    },
    /// Raise, lower or show the breaking-news strip (takes effect on a running server at once).
    Breaking {
        #[command(subcommand)]
        action: breaking::Action,
    },
    /// Narrate an article now (or every published one), in this process.
    Narrate {
        /// The article's slug.
        #[arg(value_name = "SLUG", required_unless_present = "all", conflicts_with = "all")]
        slug: Option<String>,
        /// Narrate every published article.
        #[arg(long)]
        all: bool,
    },
    /// List the installed voices and the languages they read.
    Voices,
    /// Manage newsroom accounts.
    User {
        #[command(subcommand)]
        action: user::Action,
    },
    /// Manage API keys for the content API.
    Apikey {
        #[command(subcommand)]
        action: apikey::Action,
    },
    /// Manage webhooks: subscriptions to publish, update and unpublish events.
    Webhook {
        #[command(subcommand)]
        action: webhook::Action,
    },
    /// Write the public site into a folder any static host can serve (again: only what changed).
    Export {
        /// The folder to write (created when missing; refused when it holds other files, unless --force).
        #[arg(value_name = "OUT")]
        out: PathBuf,
        /// Absolute address of the exported site, for feeds, sitemaps and canonical links
        /// (default: the configured base_url).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Export into a non-empty folder that holds no earlier export; its other files are left alone.
        #[arg(long)]
        force: bool,
        /// Pages rendered at once.
        #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        jobs: u16,
    },
    /// Copy the database, media and lexicon into one file, consistently, even while a server serves and writes.
    Backup {
        /// The file to write, e.g. site-2026-11-25.tar.gz (replaced only once the new one is complete).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Restore a backup into the data folder (checked whole first; refused while a server uses the folder).
    Restore {
        /// A file written by `dateline backup`.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace a data folder that is not empty (everything in it goes).
        #[arg(long)]
        force: bool,
    },
    /// Rebuild the search index from the store (a running server keeps it up to date by itself).
    Reindex,
    /// Show the background job queue: what waits, runs, failed and why.
    Jobs {
        /// How many of the most recent jobs to show.
        #[arg(long, default_value_t = 30)]
        limit: u32,
    },
}

pub async fn run(cli: Cli) -> Result<ExitCode> {
    let file = FileConfig::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve { listen } => {
            let config = Config::resolve(file, listen.listen, cli.data)?;
            serve::serve(&config).await?;
        }
        Command::Demo { listen } => {
            let config = Config::resolve(file, listen.listen, cli.data)?;
            crate::demo::seed_if_empty(&config).await?;
            serve::serve(&config).await?;
        }
        Command::Import { folder } => {
            let config = Config::resolve(file, None, cli.data)?;
            return import::import(&config, &folder).await;
        }
        Command::Breaking { action } => {
            let config = Config::resolve(file, None, cli.data)?;
            breaking::run(&config, action).await?;
        }
        Command::Narrate { slug, all } => {
            let config = Config::resolve(file, None, cli.data)?;
            return narrate::narrate(&config, slug.as_deref(), all).await;
        }
        Command::Voices => {
            let config = Config::resolve(file, None, cli.data)?;
            narrate::voices(&config)?;
        }
        Command::User { action } => {
            let config = Config::resolve(file, None, cli.data)?;
            user::run(&config, action).await?;
        }
        Command::Apikey { action } => {
            let config = Config::resolve(file, None, cli.data)?;
            apikey::run(&config, action).await?;
        }
        Command::Webhook { action } => {
            let config = Config::resolve(file, None, cli.data)?;
            webhook::run(&config, action).await?;
        }
        Command::Export { out, base_url, force, jobs } => {
            let config = Config::resolve(file, None, cli.data)?;
            export::run(config, &out, base_url, force, jobs.into()).await?;
        }
        Command::Backup { file: out } => {
            let config = Config::resolve(file, None, cli.data)?;
            backup::run(&config, &out).await?;
        }
        Command::Restore { file: backup, force } => {
            let config = Config::resolve(file, None, cli.data)?;
            restore::run(&config, &backup, force).await?;
        }
        Command::Reindex => {
            let config = Config::resolve(file, None, cli.data)?;
            reindex::reindex(&config).await?;
        }
        Command::Jobs { limit } => {
            let config = Config::resolve(file, None, cli.data)?;
            narrate::jobs(&config, limit).await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
