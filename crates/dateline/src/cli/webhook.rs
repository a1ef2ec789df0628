//! `dateline webhook`: subscriptions to publish, update and unpublish events,
//! and the deliveries made to them.

use anyhow::{Result, bail};
use clap::Subcommand;
use dateline_store::Webhooks;
use dateline_store::webhooks::EVENTS;

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Subscribe URL to events; the signing secret is printed once.
    Add {
        #[arg(value_name = "URL")]
        url: String,
        /// Comma-separated: publish, update, unpublish.
        #[arg(long, default_value = "publish,update,unpublish")]
        events: String,
    },
    /// List the subscriptions.
    List,
    /// Remove a subscription (by the id `list` shows) and its pending deliveries.
    Remove {
        #[arg(value_name = "ID")]
        id: i64,
    },
    /// The most recent deliveries: queued, done, failed (with the error).
    Deliveries {
        #[arg(long, default_value_t = 30)]
        limit: u32,
    },
}

fn check_url(url: &str) -> Result<()> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !url.chars().any(char::is_whitespace) => Ok(()),
        _ => bail!("'{url}' is not a web address: use http://… or https://…"),
    }
}

pub async fn run(config: &Config, action: Action) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    match action {
        Action::Add { url, events } => {
            check_url(&url)?;
            let events: Vec<String> =
                events.split(',').map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect();
            if let Some(bad) = events.iter().find(|e| !EVENTS.contains(&e.as_str())) {
                bail!("'{bad}' is not an event: use {}", EVENTS.join(", "));
            }
            let secret = dateline_web::newsroom::new_token()?;
            let hook = store.add_webhook(&url, &events, &secret).await?;
            eprintln!(
                "Webhook #{} sends {} to {}. Its signing secret (shown once):",
                hook.id,
                hook.events.join(","),
                hook.url
            );
            println!("{secret}");
        }
        Action::List => {
            let hooks = store.webhooks().await?;
            if hooks.is_empty() {
                println!("No webhooks yet.");
            }
            for h in hooks {
                println!("#{:<4} {:<28} {}", h.id, h.events.join(","), h.url);
            }
        }
        Action::Remove { id } => {
            if !store.remove_webhook(id).await? {
                bail!("no webhook #{id}");
            }
            println!("Removed webhook #{id}.");
        }
        Action::Deliveries { limit } => {
            let rows = store.deliveries(limit).await?;
            if rows.is_empty() {
                println!("No deliveries yet.");
            }
            for d in rows {
                println!(
                    "#{:<5} hook #{:<3} {:<9} {:<9} {:<36} attempt {} due {}",
                    d.id, d.webhook_id, d.event, d.state, d.slug, d.attempts, d.run_after
                );
                if let Some(error) = d.last_error {
                    println!("       {error}");
                }
            }
        }
    }
    Ok(())
}
