// The speech engines with the real eSpeak NG program, the real ONNX Runtime
// library and the real en_US-joe-medium voice. Nothing here is skipped: on a
// machine without them every test fails and says to run `make setup`.
//
// Figures (load time, real-time factors, phonemisation cost) are printed by
// the ignored `bench_engines` test:
//   cargo test --release -p dateline-voice --test engines -- --ignored --nocapture

use std::path::PathBuf;
use std::sync::OnceLock;

use dateline_voice::engine::audio::{KEEP_MS, SILENCE_THRESHOLD};
use dateline_voice::engine::discover::{default_voice_dir, espeak_voices, piper_voices};
use dateline_voice::engine::phonemes::Phonemizer;
use dateline_voice::engine::{Audio, Engine, EspeakEngine, IpaOverride, PiperEngine, VoiceError};

const SETUP: &str = "run `make setup` (it installs espeak-ng, ONNX Runtime 1.32.0 and the \
                     en_US-joe-medium voice into ~/.local/share/dateline)";

const JOE: &str = "en_US-joe-medium";

fn joe_files() -> (PathBuf, PathBuf) {
    let dir = default_voice_dir();
    let onnx = dir.join(format!("{JOE}.onnx"));
    let config = dir.join(format!("{JOE}.onnx.json"));
    for f in [&onnx, &config] {
        assert!(f.is_file(), "the Piper voice file {} is missing; {SETUP}", f.display());
    }
    (onnx, config)
}

/// The first neural voice, loaded once for all tests.
fn joe() -> &'static PiperEngine {
    static ENGINE: OnceLock<PiperEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let (onnx, config) = joe_files();
        PiperEngine::load(&onnx, &config).unwrap_or_else(|e| panic!("{e}; {SETUP}"))
    })
}

fn espeak(voice: &str) -> EspeakEngine {
    EspeakEngine::new(voice).unwrap_or_else(|e| panic!("eSpeak NG voice {voice}: {e}; {SETUP}"))
}

fn phonemizer(voice: &str) -> Phonemizer {
    Phonemizer::new(voice).unwrap_or_else(|e| panic!("eSpeak NG voice {voice}: {e}; {SETUP}"))
}

/// Speech of plausible length for a short sentence, with silence trimmed:
/// within `KEEP_MS` of each end there is sound above the threshold.
fn assert_speech(audio: &Audio, what: &str) {
    let secs = audio.duration_secs();
    assert!((0.5..10.0).contains(&secs), "{what}: {secs:.2} s of audio");
    assert!(audio.samples.iter().all(|s| (-1.0..=1.0).contains(s)), "{what}: samples out of range");
    let keep = (audio.sample_rate * KEEP_MS / 1000) as usize + 1;
    let loud = |s: &f32| s.abs() > SILENCE_THRESHOLD;
    assert!(audio.samples[..keep].iter().any(loud), "{what}: leading silence not trimmed");
    assert!(audio.samples[audio.samples.len() - keep..].iter().any(loud), "{what}: trailing silence not trimmed");
    let (first, last) = (audio.samples[0], audio.samples[audio.samples.len() - 1]);
    assert!(first.abs() <= SILENCE_THRESHOLD && last.abs() <= SILENCE_THRESHOLD, "{what}: ends at {first}, {last}");
}

// ---------------------------------------------------------------- eSpeak NG

#[test]
fn espeak_speaks_english_and_swahili() {
    for (voice, language, sentence) in [
        ("en-gb", "en-GB", "The council approved the new budget on Tuesday."),
        ("sw", "sw", "Serikali imetangaza bajeti mpya ya mwaka huu."),
    ] {
        let engine = espeak(voice);
        let info = engine.info();
        assert_eq!((info.engine, info.name.as_str(), info.language.as_str()), ("espeak", voice, language));
        assert!(info.version.contains("eSpeak NG"), "version {:?}", info.version);
        let audio = engine.synthesize(sentence, &[]).unwrap();
        assert_eq!(audio.sample_rate, info.sample_rate);
        assert_eq!(audio.sample_rate, 22_050);
        assert_speech(&audio, voice);
    }
}

#[test]
fn espeak_ignores_ipa_overrides_and_speaks_the_word() {
    let engine = espeak("en-gb");
    let ov = [IpaOverride { text: "Nguyen".into(), ipa: "ŋwˈɪən".into() }];
    let audio = engine.synthesize("Minister Nguyen spoke.", &ov).unwrap();
    assert_speech(&audio, "override");
}

#[test]
fn espeak_unknown_voice_lists_the_voices() {
    let err = EspeakEngine::new("xx-nope").unwrap_err();
    let VoiceError::Load(msg) = &err else { panic!("{err:?}") };
    assert!(msg.contains("xx-nope") && msg.contains("en-gb") && msg.contains("sw"), "{msg}");
    // Not a voice name at all: refused before anything runs.
    assert!(matches!(EspeakEngine::new("-w /tmp/x"), Err(VoiceError::Load(_))));
}

#[test]
fn espeak_voices_are_listed() {
    let voices = espeak_voices().unwrap_or_else(|e| panic!("{e}; {SETUP}"));
    for code in ["en-gb", "en-us", "sw", "fa"] {
        assert!(voices.iter().any(|v| v.code == code), "no {code} in {voices:?}");
    }
    let gb = voices.iter().find(|v| v.code == "en-gb").unwrap();
    assert_eq!(gb.name, "English (Great Britain)");
}

#[test]
fn espeak_text_is_not_markup_or_phonemes() {
    // `[[…]]` would be raw phoneme input; control characters and a
    // shell-looking string are just text.
    let engine = espeak("en-gb");
    for text in ["[[h@l'oU]] world", "$(rm -rf /tmp/x); echo `id`", "line one\nline two\r\n\u{0}"] {
        let audio = engine.synthesize(text, &[]).unwrap();
        assert!(audio.duration_secs() > 0.3, "{text:?}");
    }
}

// ---------------------------------------------------------------- phonemes

#[test]
fn phonemes_keep_the_punctuation() {
    let en = phonemizer("en-us");
    assert_eq!(en.phonemize("Hello, world.", &[]).unwrap(), "həlˈoʊ, wˈɜːld.");
    let p = en.phonemize("One; two: three! Four? Five", &[]).unwrap();
    assert_eq!(p, "wˈʌn; tˈuː: θɹˈiː! fˈoːɹ? fˈaɪv");
    // Numbers and times are not clauses; an inner full stop is not a pause.
    let p = en.phonemize("Mr. Smith paid 1,000 dollars at 10:30.", &[]).unwrap();
    assert!(p.ends_with('.') && !p.contains(',') && !p.contains(':') && p.matches('.').count() == 1, "{p}");
    assert_eq!(en.phonemize("", &[]).unwrap(), "");
    assert_eq!(en.phonemize(" ... ", &[]).unwrap(), "");

    let sw = phonemizer("sw");
    let p = sw.phonemize("Habari, dunia.", &[]).unwrap();
    assert!(p.contains(", ") && p.ends_with('.'), "{p}");
}

#[test]
fn phonemes_take_ipa_overrides() {
    let en = phonemizer("en-us");
    let ov = [IpaOverride { text: "nguyen".into(), ipa: "ŋwˈɪən".into() }];
    assert_eq!(en.phonemize("Hello, Nguyen.", &ov).unwrap(), "həlˈoʊ, ŋwˈɪən.");
    let p = en.phonemize("Minister NGUYEN spoke, and Nguyenville listened.", &ov).unwrap();
    assert!(p.contains(" ŋwˈɪən spˈoʊk, "), "{p}");
    assert_eq!(p.matches("ŋwˈɪən").count(), 1, "{p}");
}

#[test]
fn phonemes_of_clauses_with_silent_parts_still_map() {
    // `— ♪` makes eSpeak NG print an empty line inside the clause: the batch
    // cannot be mapped, so the clauses are asked one by one.
    let en = phonemizer("en-us");
    let p = en.phonemize("Hello — ♪, world, again.", &[]).unwrap();
    assert_eq!(p, "həlˈoʊ, wˈɜːld, ɐɡˈɛn.");
}

#[test]
fn phonemes_drop_language_switches() {
    let fr = phonemizer("fr-fr");
    let p = fr.phonemize("Bonjour Facebook.", &[]).unwrap();
    assert!(!p.contains('(') && !p.contains(')') && p.ends_with('.'), "{p}");
}

// ---------------------------------------------------------------- Piper

#[test]
fn piper_speaks_a_sentence() {
    let engine = joe();
    let info = engine.info();
    assert_eq!((info.engine, info.name.as_str(), info.language.as_str()), ("piper", JOE, "en-US"));
    assert_eq!(info.sample_rate, 22_050);
    assert!(info.version.len() == 16 && info.version.chars().all(|c| c.is_ascii_hexdigit()), "{}", info.version);

    let sentence = "The council approved the new budget on Tuesday, after a long debate.";
    let first = engine.synthesize(sentence, &[]).unwrap();
    assert_eq!(first.sample_rate, 22_050);
    assert_speech(&first, "piper");
    // Noise makes every rendering different; the length stays close.
    let second = engine.synthesize(sentence, &[]).unwrap();
    assert_speech(&second, "piper again");
    let ratio = first.duration_secs() / second.duration_secs();
    assert!((0.85..1.18).contains(&ratio), "{:.2} s vs {:.2} s", first.duration_secs(), second.duration_secs());
}

#[test]
fn piper_pauses_at_commas() {
    // Punctuation reaches the voice: the comma version is longer.
    let engine = joe();
    let plain = engine.synthesize_phonemes("wˈʌn tˈuː θɹˈiː fˈoːɹ").unwrap().len();
    let commas = engine.synthesize_phonemes("wˈʌn, tˈuː, θɹˈiː, fˈoːɹ").unwrap().len();
    assert!(commas as f64 > plain as f64 * 1.15, "{commas} vs {plain} samples");
}

#[test]
fn piper_takes_ipa_overrides() {
    let engine = joe();
    let ov = [IpaOverride { text: "Nguyen".into(), ipa: "ŋwˈɪən".into() }];
    assert_eq!(engine.phonemize("Minister Nguyen spoke.", &ov).unwrap(), "mˈɪnɪstɚ ŋwˈɪən spˈoʊk.");
    assert_speech(&engine.synthesize("Minister Nguyen spoke.", &ov).unwrap(), "override");
}

#[test]
fn unknown_characters_do_not_crash() {
    let engines: [&dyn Engine; 2] = [joe(), &espeak("en-gb")];
    for engine in engines {
        for text in ["😀", "中文新闻", "∑", "ǂ", "Prices ∑ 😀 中文 rose.", "\u{200b}\u{feff}", "\u{301}\u{301}"]
        {
            match engine.synthesize(text, &[]) {
                Ok(audio) => assert!(audio.duration_secs() < 30.0, "{text:?}"),
                Err(VoiceError::Synthesis(_)) => {}
                Err(e) => panic!("{} on {text:?}: {e:?}", engine.info()),
            }
        }
    }
}

#[test]
fn a_very_long_sentence_without_punctuation() {
    let words = ["the", "committee", "said", "that", "work", "on", "the", "bridge", "would", "continue"];
    let mut sentence = String::new();
    let mut i = 0;
    while sentence.len() < 2_000 {
        sentence.push_str(words[i % words.len()]);
        sentence.push(' ');
        i += 1;
    }
    let sentence = sentence.trim();
    assert!(sentence.len() >= 1_990);

    let phonemes = joe().phonemize(sentence, &[]).unwrap();
    // eSpeak NG runs some words together ("on the" → "ɔnðə").
    assert!(phonemes.split(' ').count() >= i * 3 / 4, "{i} words in, {phonemes}");

    let engines: [&dyn Engine; 2] = [joe(), &espeak("en-gb")];
    for engine in engines {
        match engine.synthesize(sentence, &[]) {
            // ~340 words: about two minutes of speech.
            Ok(audio) => assert!(
                (60.0..300.0).contains(&audio.duration_secs()),
                "{}: {:.1} s",
                engine.info(),
                audio.duration_secs()
            ),
            Err(VoiceError::Synthesis(_)) => {}
            Err(e) => panic!("{}: {e:?}", engine.info()),
        }
    }
}

#[test]
fn missing_and_garbage_voice_files_are_load_errors() {
    let (onnx, config) = joe_files();
    let dir = tempfile::tempdir().unwrap();
    let assert_load_error = |result: Result<PiperEngine, VoiceError>, path: &std::path::Path, what: &str| match result {
        Err(VoiceError::Load(msg)) => {
            assert!(msg.contains(&path.display().to_string()), "{what}: {msg}")
        }
        Err(e) => panic!("{what}: not a load error: {e:?}"),
        Ok(_) => panic!("{what}: loaded"),
    };

    let missing = dir.path().join("missing.onnx");
    assert_load_error(PiperEngine::load(&missing, &config), &missing, "missing model");
    let missing_json = dir.path().join("missing.onnx.json");
    assert_load_error(PiperEngine::load(&onnx, &missing_json), &missing_json, "missing config");

    let empty = dir.path().join("empty.onnx");
    std::fs::write(&empty, b"").unwrap();
    assert_load_error(PiperEngine::load(&empty, &config), &empty, "empty model");

    let garbage = dir.path().join("garbage.onnx");
    std::fs::write(&garbage, (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<_>>())
        .unwrap();
    assert_load_error(PiperEngine::load(&garbage, &config), &garbage, "garbage model");

    let truncated = dir.path().join("truncated.onnx");
    let bytes = std::fs::read(&onnx).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    assert_load_error(PiperEngine::load(&truncated, &config), &truncated, "truncated model");

    let bad_json = dir.path().join("bad.onnx.json");
    std::fs::write(&bad_json, b"{\"audio\": ").unwrap();
    assert_load_error(PiperEngine::load(&onnx, &bad_json), &bad_json, "garbage config");

    // A config whose eSpeak NG voice does not exist.
    let odd = dir.path().join("odd.onnx.json");
    let json = std::fs::read_to_string(&config).unwrap().replace("\"en-us\"", "\"xx-nope\"");
    std::fs::write(&odd, json).unwrap();
    match PiperEngine::load(&onnx, &odd) {
        Err(VoiceError::Load(msg)) => assert!(msg.contains("xx-nope"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn voices_are_discovered() {
    let voices = piper_voices(&default_voice_dir());
    let joe = voices.iter().find(|v| v.name == JOE).unwrap_or_else(|| panic!("{JOE} not in {voices:?}; {SETUP}"));
    assert_eq!(joe.language, "en-US");
    assert_eq!(joe.onnx, joe_files().0);
}

#[test]
fn two_threads_at_once() {
    let joe = joe();
    let en = espeak("en-gb");
    let sentences = ["The river rose overnight.", "Schools will reopen on Monday, officials said."];
    std::thread::scope(|scope| {
        let handles: Vec<_> = sentences
            .iter()
            .map(|s| {
                let en = &en;
                scope.spawn(move || (joe.synthesize(s, &[]), en.synthesize(s, &[])))
            })
            .collect();
        for h in handles {
            let (piper, espeak) = h.join().unwrap();
            assert_speech(&piper.unwrap(), "piper in a thread");
            assert_speech(&espeak.unwrap(), "espeak in a thread");
        }
    });
}
