//! Narration as a service of the running newsroom: a pool of workers takes
//! jobs from the store's queue, narrates off the async runtime, and switches
//! the article to its new audio. Jobs survive restarts; failures retry with
//! backoff and stay visible in `dateline jobs`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use dateline_store::{NarrationRecord, NewMedia, NewNarration, Store};
use dateline_voice::cache::SegmentCache;
use dateline_voice::lexicon::Lexicon;
use dateline_voice::narrate::{NarrationError, narrate};
use dateline_voice::voices::Voices;
use jiff::{SignedDuration, Timestamp};

use crate::config::Config;

/// How long an idle worker waits before looking at the queue again.
const POLL: Duration = Duration::from_millis(500);
/// Waits before each retry; after the last, a job fails for good.
const BACKOFF_SECS: [i64; 4] = [10, 60, 300, 1800];

pub struct Narrator {
    store: Arc<dyn Store>,
    editorial: Arc<dyn dateline_store::Editorial>,
    voices: Voices,
    cache: SegmentCache,
    lexicon_dir: PathBuf,
    /// The server's `/metrics`, when narrating inside one.
    metrics: Option<Arc<dateline_web::metrics::Metrics>>,
}

/// What one narration did, for logs and the CLI.
pub struct Outcome {
    pub record: NarrationRecord,
    pub synthesized: usize,
    pub skipped: usize,
}

impl Narrator {
    pub fn new(store: Arc<dyn Store>, editorial: Arc<dyn dateline_store::Editorial>, config: &Config) -> Result<Self> {
        let cache =
            SegmentCache::open(&config.data.join("narration-cache")).context("cannot open the narration cache")?;
        Ok(Self {
            store,
            editorial,
            voices: Voices::new(config.voice.clone()),
            cache,
            lexicon_dir: config.site.lexicon_dir.clone(),
            metrics: None,
        })
    }

    /// Counts each narration's audio and working seconds into `/metrics`.
    pub fn with_metrics(mut self, metrics: Arc<dateline_web::metrics::Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// Reads `lexicon/<language>.toml`; bad entries are logged and left out.
    fn lexicon(&self, language: &str) -> Lexicon {
        let primary = language.split('-').next().unwrap_or(language);
        match Lexicon::load(&self.lexicon_dir.join(format!("{primary}.toml"))) {
            Ok((lexicon, problems)) => {
                for p in problems {
                    tracing::warn!(language = primary, word = %p.text, problem = %p.message, "lexicon entry ignored");
                }
                lexicon
            }
            Err(e) => {
                tracing::warn!(error = %e, "lexicon unreadable: narrating without it");
                Lexicon::default()
            }
        }
    }

    /// Narrates one article now and stores the result.
    pub async fn narrate_slug(self: &Arc<Self>, slug: &str) -> Result<Outcome, NarrateFailure> {
        let article = self
            .store
            .article(slug)
            .await
            .map_err(NarrateFailure::retry)?
            .ok_or_else(|| NarrateFailure::permanent(anyhow!("no article '{slug}'")))?;
        let language = article.language.to_string();
        let corrections: Vec<String> = self
            .editorial
            .corrections(slug)
            .await
            .map_err(NarrateFailure::retry)?
            .into_iter()
            .map(|c| c.text)
            .collect();
        let this = self.clone();
        let narrated = tokio::task::spawn_blocking(move || {
            let engine = this.voices.for_language(&language)?;
            let lexicon = this.lexicon(&language);
            narrate(&article, &corrections, engine.as_ref(), &lexicon, &this.cache)
        })
        .await
        .map_err(|e| NarrateFailure::retry(anyhow!("narration worker stopped: {e}")))?
        .map_err(NarrateFailure::from_narration)?;
        let record = self
            .store
            .save_narration(
                slug,
                NewNarration {
                    audio: NewMedia::mp3(narrated.mp3),
                    cues: NewMedia::webvtt(narrated.vtt),
                    duration_ms: narrated.duration_ms,
                    voice: format!("{} {}", narrated.voice.engine, narrated.voice.name),
                    sentences: narrated.sentences as u32,
                },
            )
            .await
            .map_err(NarrateFailure::retry)?;
        Ok(Outcome { record, synthesized: narrated.synthesized, skipped: narrated.skipped.len() })
    }

    /// Takes and runs one due job; `false` when the queue had none.
    pub async fn run_one_job(self: &Arc<Self>) -> Result<bool> {
        let Some(job) = self.store.claim_job(Timestamp::now()).await? else {
            return Ok(false);
        };
        let visible =
            self.store.article(&job.article_slug).await?.is_some_and(|a| a.status == dateline_core::Status::Published);
        if !visible {
            self.store.finish_job(job.id).await?;
            return Ok(true);
        }
        let started = std::time::Instant::now();
        match self.narrate_slug(&job.article_slug).await {
            Ok(outcome) => {
                self.store.finish_job(job.id).await?;
                if let Some(metrics) = &self.metrics {
                    metrics.narrated(outcome.record.duration_ms as f64 / 1000.0, started.elapsed().as_secs_f64());
                }
                tracing::info!(
                    slug = %job.article_slug,
                    seconds = started.elapsed().as_secs_f64(),
                    synthesized = outcome.synthesized,
                    sentences = outcome.record.sentences,
                    "narrated"
                );
            }
            Err(failure) => {
                let retry_at = (!failure.permanent)
                    .then(|| BACKOFF_SECS.get(job.attempts.saturating_sub(1) as usize))
                    .flatten()
                    .map(|secs| Timestamp::now() + SignedDuration::from_secs(*secs));
                tracing::warn!(slug = %job.article_slug, attempt = job.attempts, error = %failure.error, retry = retry_at.is_some(), "narration failed");
                self.store.fail_job(job.id, &format!("{:#}", failure.error), retry_at).await?;
            }
        }
        Ok(true)
    }
}

/// Why a narration failed, and whether trying again could help.
pub struct NarrateFailure {
    pub error: anyhow::Error,
    pub permanent: bool,
}

impl NarrateFailure {
    fn retry(e: impl Into<anyhow::Error>) -> Self {
        Self { error: e.into(), permanent: false }
    }

    fn permanent(e: anyhow::Error) -> Self {
        Self { error: e, permanent: true }
    }

    fn from_narration(e: NarrationError) -> Self {
        let permanent = matches!(
            e,
            NarrationError::TooLong { .. }
                | NarrationError::Unspeakable(_)
                | NarrationError::Voice(dateline_voice::VoiceError::NoVoice(_))
        );
        Self { error: e.into(), permanent }
    }
}

impl std::fmt::Display for NarrateFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#}", self.error)
    }
}

/// How often the lexicon files are checked for changes.
const LEXICON_CHECK: Duration = Duration::from_secs(2);

/// Modification times of the lexicon files, to notice edits.
fn lexicon_stamps(dir: &std::path::Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let mut stamps: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| Some((e.path(), e.metadata().ok()?.modified().ok()?)))
        .collect();
    stamps.sort();
    stamps
}

impl Narrator {
    /// Queues every published article again when a lexicon file changes. The
    /// segment cache makes this cheap: only sentences using a changed entry
    /// are spoken again.
    async fn watch_lexicon(self: Arc<Self>) {
        let mut seen = lexicon_stamps(&self.lexicon_dir);
        loop {
            tokio::time::sleep(LEXICON_CHECK).await;
            let now = lexicon_stamps(&self.lexicon_dir);
            if now == seen {
                continue;
            }
            seen = now;
            let everything = dateline_store::ArticleQuery::latest(Timestamp::now(), u32::MAX);
            match self.store.list_articles(&everything).await {
                Ok(page) => {
                    for a in &page.items {
                        if let Err(e) = self.store.queue_narration(a.slug.as_str()).await {
                            tracing::warn!(slug = %a.slug, error = %e, "could not queue narration after a lexicon change");
                        }
                    }
                    tracing::info!(articles = page.items.len(), "lexicon changed: narration queued again");
                }
                Err(e) => {
                    tracing::warn!(error = %e, "lexicon changed but articles could not be listed")
                }
            }
        }
    }
}

/// Queues again what a dead process left running, then starts `count` workers
/// and the lexicon watcher.
pub async fn start_workers(narrator: Arc<Narrator>, store: &dyn Store, count: usize) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    let requeued = store.requeue_interrupted_jobs().await?;
    if requeued > 0 {
        tracing::info!(requeued, "resuming narration jobs interrupted by a restart");
    }
    tokio::spawn(narrator.clone().watch_lexicon());
    for worker in 0..count {
        let narrator = narrator.clone();
        tokio::spawn(async move {
            loop {
                match narrator.run_one_job().await {
                    Ok(true) => {}
                    Ok(false) => tokio::time::sleep(POLL).await,
                    Err(e) => {
                        tracing::error!(worker, error = %e, "narration queue unavailable");
                        tokio::time::sleep(POLL * 4).await;
                    }
                }
            }
        });
    }
    Ok(())
}
