//! Piper neural voices: VITS models in ONNX with a JSON config, run on ONNX
//! Runtime through `ort`.
//!
//! Text → eSpeak NG IPA with pause punctuation ([`super::phonemes`]) → ids
//! from the config's `phoneme_id_map` (`^ _` then every phoneme's id
//! followed by `_`, then `$`, as piper-phonemize did when the voices were
//! trained) → one inference → f32 samples at the config's sample rate.
//!
//! ONNX Runtime is a shared library loaded at run time (`ort`'s
//! `load-dynamic`): `$ORT_DYLIB_PATH`, else
//! `~/.local/share/dateline/onnxruntime/libonnxruntime.so.1.32.0`, which
//! `make setup` copies out of PyPI's `onnxruntime==1.32.0` wheel. It is
//! loaded once per process; a failure is reported as [`VoiceError::Load`]
//! and retried on the next load.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use ort::environment::Environment;
use ort::session::{Session, SessionInputValue};
use ort::value::Tensor;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::audio;
use super::phonemes::{Phonemizer, nfd};
use super::{Audio, Engine, IpaOverride, VoiceError, VoiceInfo};

/// Environment variable naming the ONNX Runtime shared library.
pub const ORT_DYLIB_ENV: &str = "ORT_DYLIB_PATH";

/// The ONNX Runtime version the voices are run with (PyPI's wheel).
pub const ORT_VERSION: &str = "1.32.0";

/// Phonemes per inference run (about 55 words, 14 s of speech). Longer
/// sentences are cut at clause marks (or spaces) and their audio joined:
/// VITS's memory grows with the input. Measured with en_US-joe-medium: peak
/// memory about 0.4 GB for 300 phonemes, 1.6 GB for 1,800 in one run (a
/// 2,000-character sentence).
const MAX_PHONEMES_PER_RUN: usize = 300;

/// Hex digits of the model's SHA-256 kept as the voice version.
const VERSION_HEX_DIGITS: usize = 16;

/// `$ORT_DYLIB_PATH`, else `~/.local/share/dateline/onnxruntime/libonnxruntime.so.1.32.0`.
pub fn ort_library_path() -> PathBuf {
    match std::env::var_os(ORT_DYLIB_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => super::discover::data_dir().join("onnxruntime").join(format!("libonnxruntime.so.{ORT_VERSION}")),
    }
}

/// The process's ONNX Runtime environment, loading the library on first
/// use. Failures are not remembered: a later call tries again.
fn environment() -> Result<Environment, VoiceError> {
    static ENV: OnceLock<Environment> = OnceLock::new();
    static INIT: Mutex<()> = Mutex::new(());
    if let Some(env) = ENV.get() {
        return Ok(env.clone());
    }
    let _guard = INIT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(env) = ENV.get() {
        return Ok(env.clone());
    }
    let path = ort_library_path();
    // Checked here because ort panics, rather than failing, on some
    // later calls when no library could be loaded.
    if !path.is_file() {
        return Err(VoiceError::Load(format!(
            "the ONNX Runtime library {} does not exist; run `make setup` (it copies \
             libonnxruntime.so.{ORT_VERSION} from PyPI's onnxruntime=={ORT_VERSION}) or set {ORT_DYLIB_ENV}",
            path.display()
        )));
    }
    let env = ort::init_from(&path)
        .map_err(|e| VoiceError::Load(format!("ONNX Runtime {}: {e}", path.display())))?
        .with_name("dateline")
        .with_telemetry(false)
        .build()
        .map_err(|e| VoiceError::Load(format!("ONNX Runtime {}: {e}", path.display())))?;
    Ok(ENV.get_or_init(|| env).clone())
}

/// The parts of a Piper voice's `.onnx.json` that synthesis needs.
#[derive(Debug, Clone)]
pub struct PiperConfig {
    pub sample_rate: u32,
    /// eSpeak NG voice for phonemes, e.g. `en-us`.
    pub espeak_voice: String,
    pub noise_scale: f32,
    pub length_scale: f32,
    pub noise_w: f32,
    pub num_speakers: u32,
    /// BCP 47, e.g. `en-US`.
    pub language: String,
    /// One codepoint → its ids.
    pub phoneme_id_map: HashMap<char, Vec<i64>>,
    /// Optional phoneme substitutions applied before the ids (`phoneme_map`).
    pub phoneme_map: HashMap<char, Vec<char>>,
}

#[derive(Deserialize)]
struct RawConfig {
    audio: RawAudio,
    espeak: Option<RawEspeak>,
    inference: Option<RawInference>,
    phoneme_id_map: HashMap<String, Vec<i64>>,
    #[serde(default)]
    phoneme_map: HashMap<String, Vec<String>>,
    #[serde(default)]
    phoneme_type: Option<String>,
    num_speakers: Option<u32>,
}

#[derive(Deserialize)]
struct RawAudio {
    sample_rate: u32,
}

#[derive(Deserialize)]
struct RawEspeak {
    voice: String,
}

#[derive(Deserialize)]
struct RawInference {
    noise_scale: Option<f32>,
    length_scale: Option<f32>,
    noise_w: Option<f32>,
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

impl PiperConfig {
    /// Reads and checks a voice config.
    pub fn load(path: &Path) -> Result<Self, VoiceError> {
        let bytes =
            std::fs::read(path).map_err(|e| VoiceError::Load(format!("Piper voice config {}: {e}", path.display())))?;
        Self::from_json(&bytes).map_err(|e| VoiceError::Load(format!("Piper voice config {}: {e}", path.display())))
    }

    /// Parses a voice config; the error says what is wrong.
    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        let json: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON: {e}"))?;
        let raw: RawConfig = serde_json::from_value(json.clone()).map_err(|e| format!("not a Piper config: {e}"))?;
        if let Some(t) = raw.phoneme_type.as_deref().filter(|t| *t != "espeak") {
            return Err(format!("phoneme_type `{t}` is not supported (only espeak)"));
        }
        if raw.audio.sample_rate == 0 {
            return Err("audio.sample_rate is 0".into());
        }
        let espeak_voice = raw.espeak.map(|e| e.voice).filter(|v| !v.is_empty()).ok_or("espeak.voice is missing")?;
        let mut phoneme_id_map = HashMap::new();
        for (phoneme, ids) in raw.phoneme_id_map {
            match single_char(&phoneme) {
                Some(c) if !ids.is_empty() => {
                    phoneme_id_map.insert(c, ids);
                }
                _ => tracing::debug!(?phoneme, "phoneme_id_map entry ignored (not one codepoint)"),
            }
        }
        for required in ['^', '_', '$'] {
            if !phoneme_id_map.contains_key(&required) {
                return Err(format!("phoneme_id_map has no `{required}`"));
            }
        }
        let phoneme_map = raw
            .phoneme_map
            .into_iter()
            .filter_map(|(from, to)| {
                let to: Option<Vec<char>> = to.iter().map(|t| single_char(t)).collect();
                Some((single_char(&from)?, to?))
            })
            .collect();
        let inference = raw.inference.unwrap_or(RawInference { noise_scale: None, length_scale: None, noise_w: None });
        let language = super::discover::config_language(&json).unwrap_or_else(|| "und".into());
        Ok(PiperConfig {
            sample_rate: raw.audio.sample_rate,
            espeak_voice,
            noise_scale: inference.noise_scale.unwrap_or(0.667),
            length_scale: inference.length_scale.unwrap_or(1.0),
            noise_w: inference.noise_w.unwrap_or(0.8),
            num_speakers: raw.num_speakers.unwrap_or(1),
            language,
            phoneme_id_map,
            phoneme_map,
        })
    }

    /// Phoneme ids for a phoneme string: `^ _`, then each phoneme's ids and
    /// `_`, then `$`. Phonemes without an id (and `^ _ $` inside the text)
    /// are skipped; the second value counts them.
    pub fn phoneme_ids(&self, phonemes: &str) -> (Vec<i64>, usize) {
        let map = &self.phoneme_id_map;
        let ids_of = |c: char| map.get(&c).map(Vec::as_slice).unwrap_or(&[]);
        let pad = ids_of('_');
        let mut ids = Vec::with_capacity(phonemes.len() * 2 + 3);
        ids.extend_from_slice(ids_of('^'));
        ids.extend_from_slice(pad);
        let mut missing = 0;
        let mut push = |c: char| match map.get(&c) {
            // Start, end and pad symbols are the model's own, never text.
            Some(_) if matches!(c, '^' | '_' | '$') => missing += 1,
            Some(found) => {
                ids.extend_from_slice(found);
                ids.extend_from_slice(pad);
            }
            None => missing += 1,
        };
        for c in nfd(phonemes).chars() {
            match self.phoneme_map.get(&c) {
                Some(mapped) => mapped.iter().copied().for_each(&mut push),
                None => push(c),
            }
        }
        ids.extend_from_slice(ids_of('$'));
        (ids, missing)
    }
}

/// A loaded Piper voice. One ONNX Runtime session, shared by all threads
/// (runs take turns; phonemisation runs in parallel).
pub struct PiperEngine {
    info: VoiceInfo,
    config: PiperConfig,
    phonemizer: Phonemizer,
    session: Mutex<Session>,
    output: String,
    has_sid: bool,
    speaker: i64,
}

impl std::fmt::Debug for PiperEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PiperEngine").field("info", &self.info).finish_non_exhaustive()
    }
}

impl PiperEngine {
    /// Loads a voice with ONNX Runtime's default thread count.
    pub fn load(onnx: &Path, config_json: &Path) -> Result<Self, VoiceError> {
        Self::load_with_threads(onnx, config_json, 0)
    }

    /// Loads a voice whose inference uses `threads` threads (0: ONNX
    /// Runtime's default, one per physical core).
    ///
    /// Missing, truncated or garbage files, a missing ONNX Runtime library
    /// or eSpeak NG without the voice's language are [`VoiceError::Load`]s
    /// naming the file and the reason.
    pub fn load_with_threads(onnx: &Path, config_json: &Path, threads: usize) -> Result<Self, VoiceError> {
        let started = Instant::now();
        let config = PiperConfig::load(config_json)?;
        let model_error = |reason: String| VoiceError::Load(format!("Piper voice model {}: {reason}", onnx.display()));
        let model = std::fs::read(onnx).map_err(|e| model_error(e.to_string()))?;
        if model.is_empty() {
            return Err(model_error("the file is empty".into()));
        }
        let phonemizer = Phonemizer::new(&config.espeak_voice)?;
        let env = environment()?;

        // Hash the model while ONNX Runtime builds the session.
        let (version, session) = std::thread::scope(|scope| {
            let hash = scope.spawn(|| {
                // The config too: its phoneme map and scales change the sound.
                let json = std::fs::read(config_json).unwrap_or_default();
                let digest = Sha256::new().chain_update(&model).chain_update(&json).finalize();
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                hex[..VERSION_HEX_DIGITS].to_string()
            });
            let session = build_session(&env, &model, threads);
            (hash.join(), session)
        });
        let version = version.map_err(|_| model_error("hashing the model failed".into()))?;
        let session = session.map_err(model_error)?;

        let input_names: Vec<String> = session.inputs().iter().map(|i| i.name().to_string()).collect();
        for required in ["input", "input_lengths", "scales"] {
            if !input_names.iter().any(|n| n == required) {
                return Err(model_error(format!(
                    "not a Piper voice: no input `{required}` (inputs: {})",
                    input_names.join(", ")
                )));
            }
        }
        let output = session
            .outputs()
            .first()
            .map(|o| o.name().to_string())
            .ok_or_else(|| model_error("the model has no output".into()))?;
        let has_sid = config.num_speakers > 1 && input_names.iter().any(|n| n == "sid");
        let name = onnx
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.strip_suffix(".onnx").unwrap_or(n).to_string())
            .unwrap_or_default();
        let info = VoiceInfo {
            engine: "piper",
            name,
            version,
            language: config.language.clone(),
            sample_rate: config.sample_rate,
        };
        tracing::debug!(voice = %info.name, elapsed = ?started.elapsed(), "Piper voice loaded");
        Ok(PiperEngine { info, config, phonemizer, session: Mutex::new(session), output, has_sid, speaker: 0 })
    }

    /// Speaker for multi-speaker voices (by number; 0 is the default).
    pub fn with_speaker(mut self, speaker: i64) -> Self {
        self.speaker = speaker;
        self
    }

    pub fn config(&self) -> &PiperConfig {
        &self.config
    }

    /// The sentence as the IPA this voice is given (with pause marks).
    pub fn phonemize(&self, sentence: &str, ipa: &[IpaOverride]) -> Result<String, VoiceError> {
        self.phonemizer.phonemize(sentence, ipa)
    }

    /// Speaks a phoneme string (IPA with pause marks). Untrimmed samples.
    /// Long strings are spoken in pieces (see `MAX_PHONEMES_PER_RUN`) whose
    /// edges are faded so the joins do not click.
    pub fn synthesize_phonemes(&self, phonemes: &str) -> Result<Vec<f32>, VoiceError> {
        let chunks = chunk_phonemes(phonemes, MAX_PHONEMES_PER_RUN);
        let mut samples = Vec::new();
        for chunk in &chunks {
            let (ids, missing) = self.config.phoneme_ids(chunk);
            if missing > 0 {
                tracing::debug!(voice = %self.info.name, missing, "phonemes without an id skipped");
            }
            if ids.len() <= 3 {
                continue; // ^ _ $: nothing to say
            }
            let mut piece = self.infer(ids)?;
            if chunks.len() > 1 {
                audio::fade_edges(&mut piece, self.config.sample_rate, audio::FADE_MS);
            }
            samples.extend(piece);
        }
        Ok(samples)
    }

    fn infer(&self, ids: Vec<i64>) -> Result<Vec<f32>, VoiceError> {
        let err = |e: ort::Error| VoiceError::Synthesis(format!("Piper voice {}: {e}", self.info.name));
        let n = ids.len();
        let c = &self.config;
        let mut inputs: Vec<(Cow<'static, str>, SessionInputValue<'static>)> = vec![
            ("input".into(), Tensor::from_array(([1usize, n], ids)).map_err(err)?.into()),
            ("input_lengths".into(), Tensor::from_array(([1usize], vec![n as i64])).map_err(err)?.into()),
            (
                "scales".into(),
                Tensor::from_array(([3usize], vec![c.noise_scale, c.length_scale, c.noise_w])).map_err(err)?.into(),
            ),
        ];
        if self.has_sid {
            inputs.push(("sid".into(), Tensor::from_array(([1usize], vec![self.speaker])).map_err(err)?.into()));
        }
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        let outputs = session.run(inputs).map_err(err)?;
        let output = outputs.get(self.output.as_str()).ok_or_else(|| {
            VoiceError::Synthesis(format!("Piper voice {}: no output `{}`", self.info.name, self.output))
        })?;
        let (_, samples) = output.try_extract_tensor::<f32>().map_err(err)?;
        Ok(peak_normalize(samples))
    }
}

/// Scales a sentence so its loudest sample reaches [`PEAK`], as Piper itself
/// does: the models' raw output level varies from sentence to sentence.
/// Near-silence is left alone rather than amplified into noise.
fn peak_normalize(samples: &[f32]) -> Vec<f32> {
    const PEAK: f32 = 0.9;
    let loudest = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    let gain = if loudest > 0.01 { PEAK / loudest } else { 1.0 };
    samples.iter().map(|s| (s * gain).clamp(-1.0, 1.0)).collect()
}

fn build_session(env: &Environment, model: &[u8], threads: usize) -> Result<Session, String> {
    let mut builder = Session::builder(env).map_err(|e| e.to_string())?;
    if threads > 0 {
        builder = builder.with_intra_threads(threads).map_err(|e| e.to_string())?;
    }
    builder.commit_from_memory(model).map_err(|e| format!("ONNX Runtime cannot load it: {e}"))
}

impl Engine for PiperEngine {
    fn info(&self) -> &VoiceInfo {
        &self.info
    }

    /// Speaks one sentence; text with nothing to say gives empty audio.
    fn synthesize(&self, sentence: &str, ipa: &[IpaOverride]) -> Result<Audio, VoiceError> {
        let phonemes = self.phonemize(sentence, ipa)?;
        let samples = self.synthesize_phonemes(&phonemes)?;
        let sample_rate = self.config.sample_rate;
        Ok(Audio { sample_rate, samples: audio::trim(&samples, sample_rate) })
    }
}

/// Cuts a long phoneme string into pieces of at most `max` codepoints:
/// after the last pause mark (`, ; : . ! ?` then a space) that leaves the
/// piece at least half full, else at the last space, else anywhere.
fn chunk_phonemes(phonemes: &str, max: usize) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut rest = phonemes.trim();
    while rest.chars().count() > max {
        // Byte offset just after `max` codepoints.
        let limit = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let half = window.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
        let at_pause = window
            .rmatch_indices(' ')
            .map(|(i, _)| i)
            .take_while(|&i| i >= half)
            .find(|&i| window[..i].ends_with([',', ';', ':', '.', '!', '?']));
        let cut = at_pause.or_else(|| window.rfind(' ').filter(|&i| i > 0)).unwrap_or(limit);
        chunks.push(rest[..cut].trim());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        chunks.push(rest);
    }
    chunks
}

#[cfg(test)]
mod tests {

    #[test]
    fn sentences_are_peak_normalised_but_silence_is_not_amplified() {
        let loud = super::peak_normalize(&[0.1, -0.45, 0.2]);
        assert!((loud[1] + 0.9).abs() < 1e-6 && (loud[0] - 0.2).abs() < 1e-6);
        assert_eq!(super::peak_normalize(&[0.001, -0.002]), [0.001, -0.002]);
    }
    use super::*;

    const CONFIG: &str = r#"{
        "audio": {"sample_rate": 22050},
        "espeak": {"voice": "en-us"},
        "inference": {"noise_scale": 0.5, "length_scale": 1.1, "noise_w": 0.7},
        "phoneme_type": "espeak",
        "phoneme_map": {},
        "phoneme_id_map": {"_": [0], "^": [1], "$": [2], " ": [3], ",": [8],
            "a": [14], "c": [16], "h": [20], "\u0327": [140], "ab": [99]},
        "num_speakers": 1,
        "language": {"code": "en_US"}
    }"#;

    #[test]
    fn parses_a_config() {
        let c = PiperConfig::from_json(CONFIG.as_bytes()).unwrap();
        assert_eq!(c.sample_rate, 22_050);
        assert_eq!(c.espeak_voice, "en-us");
        assert_eq!((c.noise_scale, c.length_scale, c.noise_w), (0.5, 1.1, 0.7));
        assert_eq!(c.language, "en-US");
        assert_eq!(c.num_speakers, 1);
        assert!(!c.phoneme_id_map.contains_key(&'b'));
    }

    #[test]
    fn ids_are_padded_and_unknown_phonemes_skipped() {
        let c = PiperConfig::from_json(CONFIG.as_bytes()).unwrap();
        // "ha, ç∑": ç is decomposed to c + U+0327; ∑ has no id.
        let (ids, missing) = c.phoneme_ids("ha, ç∑");
        assert_eq!(ids, [1, 0, 20, 0, 14, 0, 8, 0, 3, 0, 16, 0, 140, 0, 2]);
        assert_eq!(missing, 1);
        assert_eq!(c.phoneme_ids("^a_$"), (vec![1, 0, 14, 0, 2], 3));
        assert_eq!(c.phoneme_ids("").0, [1, 0, 2]);
    }

    #[test]
    fn phoneme_map_substitutes() {
        let json = CONFIG.replace(r#""phoneme_map": {}"#, r#""phoneme_map": {"h": ["a", "a"]}"#);
        let c = PiperConfig::from_json(json.as_bytes()).unwrap();
        assert_eq!(c.phoneme_ids("h").0, [1, 0, 14, 0, 14, 0, 2]);
    }

    #[test]
    fn bad_configs_say_why() {
        let err = |s: &str| PiperConfig::from_json(s.as_bytes()).unwrap_err();
        assert!(err("").contains("not JSON"));
        assert!(err("{\"audio\": 1}").contains("not a Piper config"));
        assert!(err(&CONFIG.replace(r#""^": [1], "#, "")).contains("no `^`"));
        assert!(err(&CONFIG.replace(r#""espeak": {"voice": "en-us"},"#, "")).contains("espeak.voice"));
        assert!(err(&CONFIG.replace("22050", "0")).contains("sample_rate"));
    }

    #[test]
    fn long_phoneme_strings_are_cut_at_pauses() {
        let s = "aaa bbb, ccc ddd eee";
        assert_eq!(chunk_phonemes(s, 100), [s]);
        assert_eq!(chunk_phonemes(s, 12), ["aaa bbb,", "ccc ddd eee"]);
        assert_eq!(chunk_phonemes("aaaa bbbb cccc", 10), ["aaaa bbbb", "cccc"]);
        assert_eq!(chunk_phonemes("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let long = "wˈɜːd ".repeat(300);
        let chunks = chunk_phonemes(&long, MAX_PHONEMES_PER_RUN);
        assert!(chunks.iter().all(|c| c.chars().count() <= MAX_PHONEMES_PER_RUN));
        assert_eq!(chunks.concat().replace(' ', ""), long.replace(' ', ""));
    }
}
