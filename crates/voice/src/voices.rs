//! Which voice reads which language: a neural (Piper) voice where one is
//! installed and configured, eSpeak NG for every other language it knows.
//! Voices load once, on first use, and are shared by every worker.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::engine::discover::{self, PiperVoiceFiles};
use crate::engine::espeak::EspeakEngine;
use crate::engine::piper::PiperEngine;
use crate::engine::{Engine, VoiceError};

#[derive(Debug, Clone)]
pub struct VoiceConfig {
    /// Folder of Piper voices (`NAME.onnx` + `NAME.onnx.json`).
    pub dir: PathBuf,
    /// Language tag (or primary subtag) → `piper:NAME` or `espeak:CODE`.
    pub languages: BTreeMap<String, String>,
    /// ONNX Runtime threads per Piper voice.
    pub threads: usize,
}

impl Default for VoiceConfig {
    fn default() -> Self {
        Self { dir: discover::default_voice_dir(), languages: BTreeMap::new(), threads: 1 }
    }
}

/// A voice choice, parsed from config or found by default.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Choice {
    Piper(String),
    Espeak(String),
}

impl Choice {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.split_once(':') {
            Some(("piper", name)) if !name.is_empty() => Ok(Self::Piper(name.to_owned())),
            Some(("espeak", code)) if !code.is_empty() => Ok(Self::Espeak(code.to_owned())),
            _ => Err(format!("'{text}' is not a voice: write piper:NAME or espeak:CODE")),
        }
    }
}

pub struct Voices {
    config: VoiceConfig,
    loaded: Mutex<HashMap<Choice, Arc<dyn Engine>>>,
    /// Languages already warned about reading with eSpeak NG instead of a neural voice.
    warned: Mutex<std::collections::HashSet<String>>,
}

/// Languages a neural voice is expected for (one ships with `make setup`).
const NEURAL_EXPECTED: &[&str] = &["en"];

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

impl Voices {
    pub fn new(config: VoiceConfig) -> Self {
        Self { config, loaded: Mutex::new(HashMap::new()), warned: Mutex::new(Default::default()) }
    }

    pub fn config(&self) -> &VoiceConfig {
        &self.config
    }

    pub fn piper_voices(&self) -> Vec<PiperVoiceFiles> {
        discover::piper_voices(&self.config.dir)
    }

    /// The voice for `language`: configured, else an installed Piper voice of
    /// the same language, else eSpeak NG.
    pub fn choose(&self, language: &str) -> Choice {
        let configured = self.config.languages.get(language).or_else(|| self.config.languages.get(primary(language)));
        if let Some(choice) = configured.and_then(|c| Choice::parse(c).ok()) {
            return choice;
        }
        let piper = self.piper_voices();
        let exact = piper.iter().find(|v| v.language.eq_ignore_ascii_case(language));
        let same_language = piper.iter().find(|v| primary(&v.language).eq_ignore_ascii_case(primary(language)));
        match exact.or(same_language) {
            Some(voice) => Choice::Piper(voice.name.clone()),
            None => Choice::Espeak(espeak_code(language)),
        }
    }

    /// Loads (once) the voice for `language`. A Piper voice that fails to load
    /// falls back to eSpeak NG, with a warning.
    pub fn for_language(&self, language: &str) -> Result<Arc<dyn Engine>, VoiceError> {
        let choice = self.choose(language);
        if matches!(choice, Choice::Espeak(_)) && NEURAL_EXPECTED.contains(&primary(language)) {
            let first_time = self.warned.lock().map(|mut w| w.insert(language.to_owned())).unwrap_or(false);
            if first_time {
                tracing::warn!(language, dir = %self.config.dir.display(), "no neural voice installed: using eSpeak NG (run `make setup`)");
            }
        }
        match self.load(&choice) {
            Ok(engine) => Ok(engine),
            Err(e) if matches!(choice, Choice::Piper(_)) => {
                tracing::warn!(language, error = %e, "neural voice unavailable: using eSpeak NG");
                self.load(&Choice::Espeak(espeak_code(language)))
            }
            Err(e) => Err(e),
        }
    }

    fn load(&self, choice: &Choice) -> Result<Arc<dyn Engine>, VoiceError> {
        let mut loaded = self.loaded.lock().map_err(|_| VoiceError::Load("voice registry poisoned".into()))?;
        if let Some(engine) = loaded.get(choice) {
            return Ok(engine.clone());
        }
        let engine: Arc<dyn Engine> = match choice {
            Choice::Piper(name) => {
                let files = self.piper_voices().into_iter().find(|v| &v.name == name).ok_or_else(|| {
                    VoiceError::Load(format!("no Piper voice '{name}' in {}", self.config.dir.display()))
                })?;
                Arc::new(PiperEngine::load_with_threads(&files.onnx, &files.config, self.config.threads)?)
            }
            Choice::Espeak(code) => {
                let known = discover::espeak_voices()?.iter().any(|v| v.code.eq_ignore_ascii_case(code));
                if !known {
                    return Err(VoiceError::NoVoice(code.clone()));
                }
                Arc::new(EspeakEngine::new(code)?)
            }
        };
        loaded.insert(choice.clone(), engine.clone());
        Ok(engine)
    }
}

/// eSpeak NG's name for a language: its own codes are mostly BCP 47 lowercased
/// (`en-gb`, `pt-br`, `fa`); English without a region reads as British.
fn espeak_code(language: &str) -> String {
    let lower = language.to_ascii_lowercase();
    if lower == "en" { "en-gb".into() } else { lower }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_choices() {
        assert_eq!(Choice::parse("piper:en_US-joe-medium"), Ok(Choice::Piper("en_US-joe-medium".into())));
        assert_eq!(Choice::parse("espeak:sw"), Ok(Choice::Espeak("sw".into())));
        assert!(Choice::parse("festival:x").is_err());
        assert!(Choice::parse("piper:").is_err());
    }

    #[test]
    fn configured_voices_win_and_other_languages_use_espeak() {
        let empty = tempfile::tempdir().unwrap();
        let mut config = VoiceConfig { dir: empty.path().to_owned(), ..VoiceConfig::default() };
        config.languages.insert("sw".into(), "espeak:sw".into());
        let voices = Voices::new(config);
        assert_eq!(voices.choose("sw-KE"), Choice::Espeak("sw".into()));
        assert_eq!(voices.choose("ps"), Choice::Espeak("ps".into()));
        assert_eq!(voices.choose("en"), Choice::Espeak("en-gb".into()), "no Piper voice installed in this folder");
    }
}
