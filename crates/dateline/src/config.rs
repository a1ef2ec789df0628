//! Configuration: command-line flags, then `DATELINE_*` environment
//! variables, then `dateline.toml`, then defaults — the first that says
//! something wins.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dateline_voice::voices::{Choice, VoiceConfig};
use dateline_web::SiteConfig;
use jiff::tz::TimeZone;
use serde::Deserialize;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA: &str = "data";
const DEFAULT_CONFIG: &str = "dateline.toml";

/// `dateline.toml`. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub server: ServerSection,
    #[serde(default)]
    pub site: SiteSection,
    #[serde(default)]
    pub voice: VoiceSection,
    #[serde(default)]
    pub webhooks: WebhooksSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhooksSection {
    /// Seconds to wait before each retry (default 10, 60, 300, 1800, 7200).
    pub backoff: Option<Vec<u32>>,
    /// Seconds a delivery may take, connecting included (default 10).
    pub timeout: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoiceSection {
    /// Folder of Piper voices.
    pub dir: Option<PathBuf>,
    /// Narration workers (default: the number of cores).
    pub workers: Option<usize>,
    /// ONNX Runtime threads per neural voice (default 1: workers already use the cores).
    pub threads: Option<usize>,
    /// Language → `piper:NAME` or `espeak:CODE`.
    #[serde(default)]
    pub languages: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub listen: Option<String>,
    pub data: Option<PathBuf>,
    /// Requests worked on at once (default 64 per core); beyond it they queue, then get 503.
    pub concurrency: Option<usize>,
    /// Requests that may wait for a turn, up to 2 s (default 4 × concurrency).
    pub queue: Option<usize>,
    /// Bearer token that lets any peer read /metrics (default: loopback only).
    pub metrics_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSection {
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub time_zone: Option<String>,
    pub theme_dir: Option<PathBuf>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: String,
    pub data: PathBuf,
    pub site: SiteConfig,
    pub voice: VoiceConfig,
    pub workers: usize,
    pub webhooks: crate::webhooks::WebhookConfig,
    pub serve: dateline_web::ServeOptions,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl FileConfig {
    /// Reads `path`, or `./dateline.toml` when no path is given and that file exists.
    pub fn load(path: Option<&Path>) -> Result<Self> {
        let path = match path {
            Some(p) => p.to_owned(),
            None if Path::new(DEFAULT_CONFIG).is_file() => PathBuf::from(DEFAULT_CONFIG),
            None => return Ok(Self::default()),
        };
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read config file {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("config file {} is not valid", path.display()))
    }
}

impl Config {
    /// `listen` and `data` come from flags or their environment variables (clap reads both).
    pub fn resolve(file: FileConfig, listen: Option<String>, data: Option<PathBuf>) -> Result<Self> {
        let serve = serve_options(&file.server)?;
        let listen = listen.or(file.server.listen).unwrap_or_else(|| DEFAULT_LISTEN.into());
        let data = data.or(file.server.data).unwrap_or_else(|| PathBuf::from(DEFAULT_DATA));
        let mut site = site_config(file.site, &listen)?;
        site.lexicon_dir = data.join("lexicon");
        site.search_dir = Some(data.join("search"));
        Ok(Self {
            site,
            voice: voice_config(&file.voice)?,
            webhooks: webhook_config(&file.webhooks)?,
            serve,
            workers: match env("DATELINE_WORKERS") {
                Some(n) => n.parse().with_context(|| format!("DATELINE_WORKERS={n} is not a number"))?,
                None => file.voice.workers.unwrap_or_else(cores),
            },
            data,
            listen,
        })
    }
}

/// `DATELINE_WEBHOOK_BACKOFF` ("10,60,300" seconds) and `DATELINE_WEBHOOK_TIMEOUT`
/// (seconds) win over `[webhooks]`; tests use them to retry within seconds.
fn webhook_config(section: &WebhooksSection) -> Result<crate::webhooks::WebhookConfig> {
    let mut config = crate::webhooks::WebhookConfig::default();
    let backoff: Option<Vec<u32>> = match env("DATELINE_WEBHOOK_BACKOFF") {
        Some(text) => Some(
            text.split(',')
                .map(|s| s.trim().parse::<u32>())
                .collect::<Result<_, _>>()
                .with_context(|| format!("DATELINE_WEBHOOK_BACKOFF={text} is not a list of seconds like 10,60,300"))?,
        ),
        None => section.backoff.clone(),
    };
    if let Some(list) = backoff {
        config.backoff = list.into_iter().map(|s| jiff::SignedDuration::from_secs(s.into())).collect();
    }
    let timeout = match env("DATELINE_WEBHOOK_TIMEOUT") {
        Some(text) => {
            Some(text.parse::<f64>().with_context(|| format!("DATELINE_WEBHOOK_TIMEOUT={text} is not seconds"))?)
        }
        None => section.timeout,
    };
    if let Some(seconds) = timeout {
        anyhow::ensure!(seconds > 0.0 && seconds <= 300.0, "the webhook timeout must be from 0 to 300 seconds");
        config.timeout = std::time::Duration::from_secs_f64(seconds);
    }
    Ok(config)
}

/// `DATELINE_CONCURRENCY`, `DATELINE_QUEUE` and `DATELINE_METRICS_TOKEN` win over `[server]`.
fn serve_options(section: &ServerSection) -> Result<dateline_web::ServeOptions> {
    let mut options = dateline_web::ServeOptions::for_cores(cores());
    let number = |name: &str, file: Option<usize>| -> Result<Option<usize>> {
        match env(name) {
            Some(text) => Ok(Some(text.trim().parse().with_context(|| format!("{name}={text} is not a number"))?)),
            None => Ok(file),
        }
    };
    if let Some(n) = number("DATELINE_CONCURRENCY", section.concurrency)? {
        anyhow::ensure!(n >= 1, "the concurrency limit must be at least 1");
        options.concurrency = n;
        options.queue = 4 * n;
    }
    if let Some(n) = number("DATELINE_QUEUE", section.queue)? {
        options.queue = n;
    }
    options.metrics_token = env("DATELINE_METRICS_TOKEN").or_else(|| section.metrics_token.clone());
    if let Some(token) = &options.metrics_token {
        anyhow::ensure!(token.trim().len() >= 16, "the metrics token must be at least 16 characters");
    }
    Ok(options)
}

fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

fn site_config(site: SiteSection, listen: &str) -> Result<SiteConfig> {
    let time_zone_name = env("DATELINE_TIME_ZONE").or(site.time_zone).unwrap_or_else(|| "UTC".into());
    let time_zone = TimeZone::get(&time_zone_name)
        .with_context(|| format!("unknown time zone '{time_zone_name}': use an IANA name like Europe/London"))?;
    let theme_dir = env("DATELINE_THEME_DIR").map(PathBuf::from).or(site.theme_dir);
    if let Some(dir) = &theme_dir {
        anyhow::ensure!(dir.is_dir(), "theme folder {} does not exist", dir.display());
    }
    let base_url = env("DATELINE_BASE_URL")
        .or(site.base_url)
        .unwrap_or_else(|| format!("http://{listen}"))
        .trim_end_matches('/')
        .to_owned();
    anyhow::ensure!(
        base_url.starts_with("http://") || base_url.starts_with("https://"),
        "base_url '{base_url}' must start with http:// or https://"
    );
    Ok(SiteConfig {
        title: env("DATELINE_SITE_TITLE").or(site.title).unwrap_or_else(|| "Dateline".into()),
        base_url,
        time_zone,
        theme_dir,
        lexicon_dir: PathBuf::from(DEFAULT_DATA).join("lexicon"),
        search_dir: Some(PathBuf::from(DEFAULT_DATA).join("search")),
    })
}

fn voice_config(voice: &VoiceSection) -> Result<VoiceConfig> {
    for (language, choice) in &voice.languages {
        Choice::parse(choice).map_err(|e| anyhow::anyhow!("[voice.languages] {language}: {e}"))?;
    }
    Ok(VoiceConfig {
        dir: env("DATELINE_VOICES")
            .map(PathBuf::from)
            .or_else(|| voice.dir.clone())
            .unwrap_or_else(dateline_voice::engine::discover::default_voice_dir),
        languages: voice.languages.clone(),
        threads: voice.threads.unwrap_or(1).max(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_the_file_and_the_file_beats_defaults() {
        let file: FileConfig = toml::from_str(
            "[server]\nlisten = \"0.0.0.0:9000\"\ndata = \"/srv/news\"\n[site]\ntitle = \"The Lakeside\"\n",
        )
        .unwrap();
        let config = Config::resolve(file, Some("127.0.0.1:1".into()), None).unwrap();
        assert_eq!(config.listen, "127.0.0.1:1");
        assert_eq!(config.data, PathBuf::from("/srv/news"));
        let defaults = Config::resolve(FileConfig::default(), None, None).unwrap();
        assert_eq!(defaults.listen, DEFAULT_LISTEN);
    }

    #[test]
    fn server_limits_come_from_the_file_or_the_cores() {
        let defaults = Config::resolve(FileConfig::default(), None, None).unwrap().serve;
        assert_eq!(defaults.concurrency, 64 * cores());
        assert_eq!(defaults.queue, 4 * defaults.concurrency);
        assert_eq!(defaults.metrics_token, None);
        let file: FileConfig =
            toml::from_str("[server]\nconcurrency = 8\nmetrics_token = \"0123456789abcdef\"\n").unwrap();
        let serve = Config::resolve(file, None, None).unwrap().serve;
        assert_eq!((serve.concurrency, serve.queue), (8, 32));
        assert_eq!(serve.metrics_token.as_deref(), Some("0123456789abcdef"));
        let file: FileConfig = toml::from_str("[server]\nconcurrency = 0\n").unwrap();
        assert!(Config::resolve(file, None, None).unwrap_err().to_string().contains("at least 1"));
    }

    #[test]
    fn unknown_keys_and_zones_are_explained() {
        assert!(toml::from_str::<FileConfig>("[site]\ntitel = \"x\"\n").is_err());
        let file: FileConfig = toml::from_str("[site]\ntime_zone = \"Mars/Olympus\"\n").unwrap();
        let err = Config::resolve(file, None, None).unwrap_err().to_string();
        assert!(err.contains("Mars/Olympus"), "{err}");
    }
}
