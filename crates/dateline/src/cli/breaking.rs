use anyhow::{Result, bail};
use clap::Subcommand;
use dateline_core::BreakingNews;
use dateline_core::breaking::parse_until;
use dateline_store::Store;
use jiff::{SignedDuration, Timestamp};

use crate::config::Config;

/// How long a strip stays up when no `--until` is given.
const DEFAULT_HOURS: i64 = 2;

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Raise the strip (replacing any other).
    Set {
        /// What the strip says.
        text: String,
        /// Where it links: a site path like /articles/slug, or an http(s) URL.
        #[arg(long)]
        link: Option<String>,
        /// When it lowers itself: a duration (90m, 2h) or a time (2026-11-24T18:00:00Z). Default: 2h.
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
    },
    /// Lower the strip now.
    Clear,
    /// Show the strip that is up, if any.
    Show,
}

pub async fn run(config: &Config, action: Action) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    let now = Timestamp::now();
    match action {
        Action::Set { text, link, until } => {
            let until = match until {
                Some(u) => parse_until(&u, &config.site.time_zone, now).map_err(|e| anyhow::anyhow!("--until: {e}"))?,
                None => now + SignedDuration::from_hours(DEFAULT_HOURS),
            };
            let news = BreakingNews { text: text.trim().to_owned(), link, until };
            if let Err(problems) = news.validate(now) {
                bail!("the strip was not raised:\n{problems}");
            }
            store.set_breaking(&news).await?;
            println!("Breaking-news strip raised until {}.", until.to_zoned_datetime(config.site.time_zone.clone()));
        }
        Action::Clear => {
            store.clear_breaking().await?;
            println!("Breaking-news strip lowered.");
        }
        Action::Show => match store.breaking(now).await? {
            Some(b) => println!("{} (link: {}, until {})", b.text, b.link.as_deref().unwrap_or("none"), b.until),
            None => println!("No breaking-news strip is up."),
        },
    }
    Ok(())
}
