//! The sample newsroom: original articles (embedded Markdown) and pictures
//! drawn by code, seeded through the same importer users run.

mod images;

use std::path::Path;

use anyhow::{Context, Result, bail};
use dateline_core::BreakingNews;
use dateline_core::Role;
use dateline_store::accounts::NewUser;
use dateline_store::{Accounts, ArticleQuery, Editorial, SqliteStore, Store};
use include_dir::{Dir, include_dir};
use jiff::{SignedDuration, Timestamp};

use crate::config::Config;

static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/demo/content");

/// Seeds `config.data` when it is empty or missing; leaves a seeded folder
/// alone; refuses a folder holding anything else.
pub async fn seed_if_empty(config: &Config) -> Result<()> {
    let data = &config.data;
    if data.join(dateline_store::sqlite::DATABASE_FILE).exists() {
        println!("{} already holds a newsroom: serving it as it is.", data.display());
        return Ok(());
    }
    if data.exists() && std::fs::read_dir(data)?.next().is_some() {
        bail!("{} is not empty and is not a Dateline data folder: choose an empty or new folder", data.display());
    }
    let started = std::time::Instant::now();
    let content = tempfile::tempdir().context("cannot make a temporary folder")?;
    write_content(content.path())?;
    let store = SqliteStore::open(data).await?;
    let report = crate::cli::import::import_with_progress(&store, content.path(), config).await?;
    if !report.problems.is_empty() {
        let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        bail!("the sample content has problems (a bug in Dateline):\n{}", lines.join("\n"));
    }
    raise_sample_breaking(&store).await?;
    let editor = add_demo_people(&store).await?;
    // One correction, so the demo shows the notice (and its narration reads it).
    store.add_correction(CORRECTED, CORRECTION, editor, Timestamp::now()).await?;
    println!("Seeded the sample newsroom in {:.1} s: {report}.", started.elapsed().as_secs_f64());
    println!(
        "Newsroom: {}/newsroom/ — sign in as {} (admin), {} (editor), {} (author) or {} (contributor), password \"{DEMO_PASSWORD}\" (demo only).",
        config.site.base_url, DEMO_PEOPLE[0].0, DEMO_PEOPLE[1].0, DEMO_PEOPLE[2].0, DEMO_PEOPLE[3].0
    );
    Ok(())
}

/// The sample newsroom's staff, one of each role. Their shared password is
/// printed at start: a demo on a laptop, never a site to expose.
pub const DEMO_PEOPLE: [(&str, &str, Role); 4] = [
    ("admin@newsroom.test", "Ngozi Adeyemi", Role::Admin),
    ("editor@newsroom.test", "Rahel Bekele", Role::Editor),
    ("author@newsroom.test", "Jonas Lind", Role::Author),
    ("contributor@newsroom.test", "Mei Takahashi", Role::Contributor),
];
pub const DEMO_PASSWORD: &str = "dateline demo newsroom";

/// Adds the demo staff; returns the editor's id.
async fn add_demo_people(store: &SqliteStore) -> Result<i64> {
    let hash = dateline_web::newsroom::hash_password(DEMO_PASSWORD)?;
    let mut editor = 0;
    for (email, name, role) in DEMO_PEOPLE {
        let person = NewUser { email: email.into(), name: name.into(), role, password_hash: Some(hash.clone()) };
        let id = store.create_user(person).await?.id;
        if role == Role::Editor {
            editor = id;
        }
    }
    Ok(editor)
}

/// The sample article that carries a correction notice.
pub const CORRECTED: &str = "kampala-mobile-money-outage";
const CORRECTION: &str =
    "An earlier version of this article said the outage began on Friday evening. It began on Saturday morning.";

fn write_content(root: &Path) -> Result<()> {
    CONTENT.extract(root).context("cannot write the sample content")?;
    images::write_demo_images(root).context("cannot draw the sample images")?;
    Ok(())
}

/// The demo shows the breaking strip, linked to the top story, for a day.
async fn raise_sample_breaking(store: &SqliteStore) -> Result<()> {
    let now = Timestamp::now();
    let top = store.list_articles(&ArticleQuery::latest(now, 1)).await?.items.into_iter().next();
    let news = BreakingNews {
        text: match &top {
            Some(a) => a.headline.clone(),
            None => "Welcome to the Dateline sample newsroom".into(),
        },
        link: top.map(|a| format!("/articles/{}", a.slug)),
        until: now + SignedDuration::from_hours(24),
    };
    store.set_breaking(&news).await?;
    Ok(())
}
