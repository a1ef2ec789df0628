//! Configuration: command-line flags, then `DATELINE_*` environment
//! variables, then `dateline.toml`, then defaults — the first that says
//! something wins.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSection {
    pub listen: Option<String>,
    pub data: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSection {
    pub title: Option<String>,
    pub time_zone: Option<String>,
    pub theme_dir: Option<PathBuf>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: String,
    pub data: PathBuf,
    pub site: SiteConfig,
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
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("config file {} is not valid", path.display()))
    }
}

impl Config {
    /// `listen` and `data` come from flags or their environment variables (clap reads both).
    pub fn resolve(
        file: FileConfig,
        listen: Option<String>,
        data: Option<PathBuf>,
    ) -> Result<Self> {
        let time_zone_name = env("DATELINE_TIME_ZONE")
            .or(file.site.time_zone)
            .unwrap_or_else(|| "UTC".into());
        let time_zone = TimeZone::get(&time_zone_name).with_context(|| {
            format!("unknown time zone '{time_zone_name}': use an IANA name like Europe/London")
        })?;
        let theme_dir = env("DATELINE_THEME_DIR")
            .map(PathBuf::from)
            .or(file.site.theme_dir);
        if let Some(dir) = &theme_dir {
            anyhow::ensure!(
                dir.is_dir(),
                "theme folder {} does not exist",
                dir.display()
            );
        }
        Ok(Self {
            listen: listen
                .or(file.server.listen)
                .unwrap_or_else(|| DEFAULT_LISTEN.into()),
            data: data
                .or(file.server.data)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA)),
            site: SiteConfig {
                title: env("DATELINE_SITE_TITLE")
                    .or(file.site.title)
                    .unwrap_or_else(|| "Dateline".into()),
                time_zone,
                theme_dir,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_the_file_and_the_file_beats_defaults() {
        let file: FileConfig =
            toml::from_str("[server]\nlisten = \"0.0.0.0:9000\"\ndata = \"/srv/news\"\n[site]\ntitle = \"The Lakeside\"\n").unwrap();
        let config = Config::resolve(file, Some("127.0.0.1:1".into()), None).unwrap();
        assert_eq!(config.listen, "127.0.0.1:1");
        assert_eq!(config.data, PathBuf::from("/srv/news"));
        let defaults = Config::resolve(FileConfig::default(), None, None).unwrap();
        assert_eq!(defaults.listen, DEFAULT_LISTEN);
    }

    #[test]
    fn unknown_keys_and_zones_are_explained() {
        assert!(toml::from_str::<FileConfig>("[site]\ntitel = \"x\"\n").is_err());
        let file: FileConfig = toml::from_str("[site]\ntime_zone = \"Mars/Olympus\"\n").unwrap();
        let err = Config::resolve(file, None, None).unwrap_err().to_string();
        assert!(err.contains("Mars/Olympus"), "{err}");
    }
}
