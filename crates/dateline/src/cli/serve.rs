use std::sync::Arc;

use anyhow::{Context, Result};
use dateline_store::SqliteStore;

use crate::config::Config;

pub async fn open_store(config: &Config) -> Result<SqliteStore> {
    SqliteStore::open(&config.data)
        .await
        .with_context(|| format!("cannot open the data folder {}", config.data.display()))
}

pub async fn serve(config: &Config) -> Result<()> {
    let sqlite = Arc::new(open_store(config).await?);
    let store: Arc<dyn dateline_store::Store> = sqlite.clone();
    let state = dateline_web::AppState::new(
        store.clone(),
        sqlite.clone(),
        sqlite.clone(),
        sqlite.clone(),
        config.site.clone(),
    )?;
    let narrator = Arc::new(
        crate::narration::Narrator::new(store.clone(), sqlite.clone(), config)?.with_metrics(state.metrics.clone()),
    );
    crate::narration::start_workers(narrator, store.as_ref(), config.workers).await?;
    crate::webhooks::start(sqlite, config.webhooks.clone(), config.site.base_url.clone()).await?;
    // Catch up with what changed while no server ran, then follow the store.
    dateline_web::search::sync(&state).await.context("cannot bring the search index up to date")?;
    dateline_web::search::follow(state.clone());
    let listener = tokio::net::TcpListener::bind(&config.listen).await.with_context(|| {
        format!("cannot listen on {}: is another server using it? Try --listen 127.0.0.1:8081", config.listen)
    })?;
    let address = listener.local_addr()?;
    println!("Dateline is serving {} at http://{address}/", config.data.display());
    tracing::info!(%address, data = %config.data.display(), "serving");
    dateline_web::serve(listener, state, config.serve.clone()).await.context("the server stopped with an error")
}
