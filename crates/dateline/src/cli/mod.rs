//! The command line: `dateline <command> --help` explains each one.

mod breaking;
pub mod import;
mod narrate;
mod reindex;
mod serve;
mod user;

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
    #[command(subcommand)]
    command: Command,
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
