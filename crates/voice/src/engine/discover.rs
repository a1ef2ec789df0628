//! Where voices live: Piper voice files in a folder, eSpeak NG voices from
//! the installed program.

use std::path::{Path, PathBuf};

use super::VoiceError;
use super::process::{self, PROGRAM};

/// Environment variable that overrides [`default_voice_dir`].
pub const VOICES_ENV: &str = "DATELINE_VOICES";

/// `$DATELINE_VOICES`, else `~/.local/share/dateline/voices` (where `make
/// setup` puts the first neural voice).
pub fn default_voice_dir() -> PathBuf {
    match std::env::var_os(VOICES_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => data_dir().join("voices"),
    }
}

/// `~/.local/share/dateline`, where `make setup` puts the voices and ONNX
/// Runtime.
pub fn data_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    home.join(".local/share/dateline")
}

/// A Piper voice: `X.onnx` with its `X.onnx.json` beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiperVoiceFiles {
    /// File name without `.onnx`, e.g. `en_US-joe-medium`.
    pub name: String,
    /// BCP 47, from the config's `language.code` (`en_US` → `en-US`).
    pub language: String,
    pub onnx: PathBuf,
    pub config: PathBuf,
}

/// The Piper voices in `dir`, sorted by name. A model without its JSON, or
/// a JSON that cannot be read, is skipped (with a warning in the log); a
/// missing folder has no voices.
pub fn piper_voices(dir: &Path) -> Vec<PiperVoiceFiles> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut voices = Vec::new();
    for entry in entries.flatten() {
        let onnx = entry.path();
        let Some(name) = onnx.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".onnx")) else {
            continue;
        };
        if name.is_empty() || !onnx.is_file() {
            continue;
        }
        let config = dir.join(format!("{name}.onnx.json"));
        let language = match std::fs::read(&config)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).map_err(|e| e.to_string()))
        {
            Ok(json) => config_language(&json).unwrap_or_else(|| "und".to_string()),
            Err(e) => {
                tracing::warn!(model = %onnx.display(), config = %config.display(), "skipping Piper voice: {e}");
                continue;
            }
        };
        voices.push(PiperVoiceFiles { name: name.to_string(), language, onnx, config });
    }
    voices.sort_by(|a, b| a.name.cmp(&b.name));
    voices
}

/// The BCP 47 language of a Piper config: `language.code` (`en_US`), or
/// a plain string `language`, or the eSpeak NG voice as a last resort.
pub(crate) fn config_language(json: &serde_json::Value) -> Option<String> {
    let code = match json.get("language") {
        Some(serde_json::Value::String(s)) => Some(s.as_str()),
        Some(lang) => lang.get("code").and_then(|c| c.as_str()),
        None => None,
    }
    .or_else(|| json.get("espeak")?.get("voice")?.as_str())?;
    let code = code.trim();
    (!code.is_empty()).then(|| super::espeak::bcp47(code))
}

/// An eSpeak NG voice as `espeak-ng --voices` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EspeakVoice {
    /// What `-v` takes, e.g. `en-gb`, `sw`.
    pub code: String,
    /// e.g. `English (Great Britain)`.
    pub name: String,
}

/// The installed eSpeak NG voices, one per language code, in the program's
/// order. A missing program is a [`VoiceError::Load`] saying what to
/// install.
pub fn espeak_voices() -> Result<Vec<EspeakVoice>, VoiceError> {
    let out = process::run(&["--voices"], b"").map_err(|e| VoiceError::Load(e.to_string()))?;
    let voices = parse_voices(&String::from_utf8_lossy(&out));
    if voices.is_empty() {
        return Err(VoiceError::Load(format!("`{PROGRAM} --voices` listed no voices")));
    }
    Ok(voices)
}

/// Parses the table `espeak-ng --voices` prints:
/// `Pty Language Age/Gender VoiceName File Other Languages`.
fn parse_voices(table: &str) -> Vec<EspeakVoice> {
    let mut seen = std::collections::HashSet::new();
    table
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("Pty"))
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let (code, name, file) = (*cols.get(1)?, *cols.get(3)?, *cols.get(4)?);
            // MBROLA voices need the separate mbrola program and databases.
            if file.starts_with("mb/") || !seen.insert(code.to_string()) {
                return None;
            }
            Some(EspeakVoice { code: code.to_string(), name: name.replace('_', " ") })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_voice_table() {
        let table = "Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  af              --/M      Afrikaans          gmw/af
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 5  en-us           --/M      us-mbrola-2        mb/mb-us2            (en 7)
 5  sw              --/M      Swahili            bnt/sw
 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
 5  yue             --/M      Chinese_(Cantonese_latin_as_Jyutping) sit/yue-Latn-jyutping (zhy 5)
";
        let v = parse_voices(table);
        let codes: Vec<_> = v.iter().map(|v| v.code.as_str()).collect();
        assert_eq!(codes, ["af", "en-gb", "sw", "yue"]);
        assert_eq!(v[1].name, "English (Great Britain)");
    }

    #[test]
    fn language_from_config() {
        let j = serde_json::json!({"language": {"code": "en_US"}, "espeak": {"voice": "en-us"}});
        assert_eq!(config_language(&j).as_deref(), Some("en-US"));
        let j = serde_json::json!({"language": "sw_CD"});
        assert_eq!(config_language(&j).as_deref(), Some("sw-CD"));
        let j = serde_json::json!({"espeak": {"voice": "fa"}});
        assert_eq!(config_language(&j).as_deref(), Some("fa"));
        assert_eq!(config_language(&serde_json::json!({})), None);
    }

    #[test]
    fn pairs_models_with_configs() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("b_voice.onnx"), b"x").unwrap();
        std::fs::write(p.join("b_voice.onnx.json"), br#"{"language":{"code":"sw_CD"}}"#).unwrap();
        std::fs::write(p.join("a_voice.onnx"), b"x").unwrap();
        std::fs::write(p.join("a_voice.onnx.json"), br#"{"language":{"code":"en_GB"}}"#).unwrap();
        std::fs::write(p.join("lonely.onnx"), b"x").unwrap();
        std::fs::write(p.join("broken.onnx"), b"x").unwrap();
        std::fs::write(p.join("broken.onnx.json"), b"{not json").unwrap();
        std::fs::write(p.join("notes.json"), b"{}").unwrap();
        let v = piper_voices(p);
        assert_eq!(
            v,
            vec![
                PiperVoiceFiles {
                    name: "a_voice".into(),
                    language: "en-GB".into(),
                    onnx: p.join("a_voice.onnx"),
                    config: p.join("a_voice.onnx.json"),
                },
                PiperVoiceFiles {
                    name: "b_voice".into(),
                    language: "sw-CD".into(),
                    onnx: p.join("b_voice.onnx"),
                    config: p.join("b_voice.onnx.json"),
                },
            ]
        );
        assert!(piper_voices(&p.join("missing")).is_empty());
    }
}
