//! `dateline apikey`: keys other systems use with the content API. A key is
//! printed once; only its SHA-256 is stored.

use anyhow::{Result, bail};
use clap::Subcommand;
use dateline_core::Role;
use dateline_store::Accounts;

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Make a key acting as its own identity with a newsroom role; the key is printed once.
    Add {
        /// A name saying which system uses it (shown in the audit log and revisions).
        #[arg(long)]
        name: String,
        /// contributor, author, editor or admin: the newsroom's rules apply to the key.
        #[arg(long)]
        role: String,
    },
    /// List the keys (never the keys themselves).
    List,
    /// Revoke a key by name: it stops working at once.
    Revoke {
        #[arg(value_name = "NAME")]
        name: String,
    },
}

pub async fn run(config: &Config, action: Action) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    match action {
        Action::Add { name, role } => {
            let role = Role::parse(&role).map_err(anyhow::Error::msg)?;
            let key = dateline_web::api::new_key()?;
            let made = store.create_api_key(&name, role, &dateline_web::newsroom::token_hash(&key)).await?;
            store.audit(None, "api-key-added", &made.name, role.as_str()).await?;
            eprintln!("API key '{}' ({role}). Keep it now: it is not shown again.", made.name);
            println!("{key}");
        }
        Action::List => {
            let keys = store.api_keys().await?;
            if keys.is_empty() {
                println!("No API keys yet.");
            }
            for k in keys {
                let state = match k.revoked {
                    Some(at) => format!("revoked {at}"),
                    None => "live".into(),
                };
                println!("{:<32} {:<12} created {}  {state}", k.name, k.role.as_str(), k.created);
            }
        }
        Action::Revoke { name } => {
            if !store.revoke_api_key(&name).await? {
                bail!("no live API key named '{name}'");
            }
            store.audit(None, "api-key-revoked", &name, "").await?;
            println!("Revoked '{name}'.");
        }
    }
    Ok(())
}
