//! Narration: every published article read aloud by the system itself.
//!
//! article → [`script`] (what is spoken, in order) → [`normalize`] (text as
//! it is said) → [`sentences`] → [`engine`] (Piper neural voice or eSpeak NG)
//! → segments cached by content → [`assemble`] (one MP3 + WebVTT cues).
//!
//! Synthesis is CPU-bound and blocking; callers run it off the async runtime.

pub mod assemble;
pub mod cache;
pub mod engine;
pub mod lexicon;
pub mod narrate;
pub mod normalize;
pub mod script;
pub mod sentences;
pub mod voices;

pub use engine::{Audio, Engine, VoiceError, VoiceInfo};
