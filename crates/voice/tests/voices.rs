//! Voice choice with real files: the installed neural voice for English,
//! eSpeak NG for other languages, and a safe fallback when a voice is broken.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

use std::collections::BTreeMap;

use dateline_voice::VoiceError;
use dateline_voice::engine::discover::default_voice_dir;
use dateline_voice::voices::{Choice, VoiceConfig, Voices};

const JOE: &str = "en_US-joe-medium";

fn config(dir: &std::path::Path) -> VoiceConfig {
    VoiceConfig { dir: dir.to_owned(), languages: BTreeMap::new(), threads: 1 }
}

#[test]
fn english_gets_the_installed_neural_voice_and_swahili_espeak() {
    let dir = default_voice_dir();
    assert!(
        dir.join(format!("{JOE}.onnx")).is_file(),
        "the Piper voice is missing in {}: run `make setup`",
        dir.display()
    );
    let voices = Voices::new(config(&dir));
    assert_eq!(voices.choose("en-GB"), Choice::Piper(JOE.into()));
    let english = voices.for_language("en").unwrap();
    assert_eq!((english.info().engine, english.info().name.as_str()), ("piper", JOE));
    let swahili = voices.for_language("sw").unwrap();
    assert_eq!(swahili.info().engine, "espeak");
}

#[test]
fn a_corrupt_neural_voice_falls_back_to_espeak() {
    let dir = tempfile::tempdir().unwrap();
    let json = std::fs::read(default_voice_dir().join(format!("{JOE}.onnx.json"))).unwrap();
    std::fs::write(dir.path().join("en_US-broken-medium.onnx.json"), json).unwrap();
    std::fs::write(dir.path().join("en_US-broken-medium.onnx"), b"this is not a neural network").unwrap();
    let voices = Voices::new(config(dir.path()));
    assert_eq!(voices.choose("en"), Choice::Piper("en_US-broken-medium".into()));
    let engine = voices.for_language("en").unwrap();
    assert_eq!(engine.info().engine, "espeak", "a broken voice must not stop narration");
    assert!(!engine.synthesize("The river rose overnight.", &[]).unwrap().samples.is_empty());
}

#[test]
fn a_language_nobody_speaks_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let voices = Voices::new(config(dir.path()));
    match voices.for_language("ps") {
        Err(VoiceError::NoVoice(code)) => assert_eq!(code, "ps"),
        Err(other) => panic!("expected NoVoice, got {other}"),
        Ok(engine) => panic!("expected no voice for Pashto, got {}", engine.info()),
    }
}
