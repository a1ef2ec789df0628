//! `dateline user`: newsroom accounts from the command line (the first admin
//! is made here; later ones in the newsroom).

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use dateline_core::Role;
use dateline_core::account::{check_password, normalize_email};
use dateline_store::Accounts;
use dateline_store::accounts::NewUser;
use jiff::{SignedDuration, Timestamp};

use crate::config::Config;

/// How long a one-time sign-in link works.
const LINK_HOURS: i64 = 24;

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Add a person. The password is read from standard input (one line), or
    /// with --link a one-time sign-in link is printed instead.
    Add {
        #[arg(long)]
        email: String,
        /// contributor, author, editor or admin.
        #[arg(long)]
        role: String,
        /// Display name (default: the part of the email before @).
        #[arg(long)]
        name: Option<String>,
        /// Print a one-time sign-in link (valid 24 hours) instead of reading a password.
        #[arg(long)]
        link: bool,
    },
    /// Print a new one-time sign-in link for an existing person.
    Link {
        #[arg(long)]
        email: String,
    },
    /// List the people and their roles.
    List,
    /// Change a person's role.
    Role {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
}

fn read_password() -> Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (at least 12 characters; it is shown as you type): ");
        std::io::stderr().flush()?;
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn print_link(store: &dateline_store::SqliteStore, config: &Config, user_id: i64) -> Result<()> {
    let token = dateline_web::newsroom::new_token()?;
    let expires = Timestamp::now() + SignedDuration::from_hours(LINK_HOURS);
    store.create_sign_in_link(&dateline_web::newsroom::token_hash(&token), user_id, expires).await?;
    println!("One-time sign-in link (valid {LINK_HOURS} hours): {}/newsroom/link/{token}", config.site.base_url);
    Ok(())
}

pub async fn run(config: &Config, action: Action) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    match action {
        Action::Add { email, role, name, link } => {
            let email = normalize_email(&email).map_err(anyhow::Error::msg)?;
            let role = Role::parse(&role).map_err(anyhow::Error::msg)?;
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or(&email).to_owned());
            let password_hash = if link {
                None
            } else {
                let password = read_password()?;
                if let Err(problems) = check_password(&password, &email) {
                    bail!("the person was not added: {problems}");
                }
                Some(dateline_web::newsroom::hash_password(&password)?)
            };
            let user = store.create_user(NewUser { email: email.clone(), name, role, password_hash }).await?;
            store.audit(None, "user-added", &email, role.as_str()).await?;
            println!("Added {email} as {role}.");
            if link {
                print_link(&store, config, user.id).await?;
            }
        }
        Action::Link { email } => {
            let email = normalize_email(&email).map_err(anyhow::Error::msg)?;
            let user =
                store.user_by_email(&email).await?.with_context(|| format!("no person with the email {email}"))?;
            // An API key's identity never signs in to the newsroom.
            if email.ends_with(dateline_store::accounts::API_KEY_DOMAIN) {
                bail!("{email} is an API key's identity, not a person");
            }
            print_link(&store, config, user.id).await?;
        }
        Action::List => {
            for u in store.users().await? {
                println!("{:<32} {:<12} {}", u.email, u.role, u.name);
            }
        }
        Action::Role { email, role } => {
            let email = normalize_email(&email).map_err(anyhow::Error::msg)?;
            let role = Role::parse(&role).map_err(anyhow::Error::msg)?;
            let user =
                store.user_by_email(&email).await?.with_context(|| format!("no person with the email {email}"))?;
            store.set_role(user.id, role).await?;
            store.audit(None, "role-changed", &email, &format!("{} → {role} (command line)", user.role)).await?;
            println!("{email} is now {role}.");
        }
    }
    Ok(())
}
