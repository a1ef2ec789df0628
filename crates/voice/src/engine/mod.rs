//! Speech engines: one sentence of normalised text in, audio samples out.

use std::fmt;

pub mod audio;
pub mod discover;
pub mod espeak;
pub mod phonemes;
pub mod piper;
mod process;

pub use espeak::EspeakEngine;
pub use piper::PiperEngine;
pub use process::version as espeak_version;

/// Mono audio, samples in [-1, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct Audio {
    pub sample_rate: u32,
    pub samples: Vec<f32>,
}

impl Audio {
    pub fn duration_secs(&self) -> f64 {
        self.samples.len() as f64 / self.sample_rate as f64
    }
}

/// Which engine and voice made a piece of audio; part of every cache key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceInfo {
    /// `"piper"` or `"espeak"`.
    pub engine: &'static str,
    /// e.g. `en_US-joe-medium` or the eSpeak NG voice `sw`.
    pub name: String,
    /// Changes when the voice's model or program changes (a hash or a version).
    pub version: String,
    /// BCP 47 language the voice speaks.
    pub language: String,
    pub sample_rate: u32,
}

impl fmt::Display for VoiceInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.engine, self.name, self.language)
    }
}

/// A word the narrator must say a particular way, in IPA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpaOverride {
    /// The word or phrase as written (matched case-insensitively, whole words).
    pub text: String,
    pub ipa: String,
}

#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error("the voice could not be loaded: {0}")]
    Load(String),
    #[error("speech synthesis failed: {0}")]
    Synthesis(String),
    /// No installed voice reads this language; trying again will not help.
    #[error("no voice reads {0}: eSpeak NG has none for it and no neural voice is installed (see `dateline voices`)")]
    NoVoice(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A speech engine with one voice loaded.
pub trait Engine: Send + Sync {
    fn info(&self) -> &VoiceInfo;

    /// Speaks one sentence. `ipa` lists words to pronounce as given (engines
    /// that cannot take IPA say the word as written). Silence is trimmed from
    /// both ends: pauses are added when sentences are joined.
    fn synthesize(&self, sentence: &str, ipa: &[IpaOverride]) -> Result<Audio, VoiceError>;
}
