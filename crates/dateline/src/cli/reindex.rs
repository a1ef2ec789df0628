//! `dateline reindex`: the search index rebuilt from the store.

use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_search::{SearchError, SearchIndex};

use crate::config::Config;

pub async fn reindex(config: &Config) -> Result<()> {
    let store = super::serve::open_store(config).await?;
    let dir = config.site.search_dir.as_deref().context("no search folder is configured")?;
    let index = match SearchIndex::open(dir) {
        Ok(index) => Arc::new(index),
        Err(SearchError::Busy(_)) => anyhow::bail!(
            "the search index in {} is held by a running Dateline server, which keeps it up to date by itself; \
             stop the server to rebuild it",
            dir.display()
        ),
        Err(e) => return Err(e).context("cannot open the search index"),
    };
    let started = Instant::now();
    let count = dateline_web::search::rebuild(&store, index).await.context("the search index was not rebuilt")?;
    let noun = if count == 1 { "article" } else { "articles" };
    println!("Indexed {count} published {noun} in {:.1} s into {}.", started.elapsed().as_secs_f64(), dir.display());
    Ok(())
}
