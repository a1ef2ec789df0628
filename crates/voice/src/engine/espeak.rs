//! eSpeak NG as a voice: the fallback for every language without a neural
//! voice.
//!
//! The `espeak-ng` program runs once per sentence (about 10–20 ms of start-up
//! on top of the synthesis itself): text on stdin (`--stdin`, read whole, so
//! there is no line-length limit), a WAV file on stdout (`--stdout`). It is
//! never linked as a library: the library keeps global state, is not
//! thread-safe, and is GPL-licensed.
//!
//! IPA overrides cannot be expressed: eSpeak NG's phoneme input (`[[…]]`)
//! takes its own mnemonics, not IPA, so overridden words are spoken as
//! written.

use std::io::Cursor;

use super::audio;
use super::process::{self, RunError};
use super::{Audio, Engine, IpaOverride, VoiceError, VoiceInfo};

/// One eSpeak NG voice, e.g. `en-gb`, `sw`, `fa`.
#[derive(Debug, Clone)]
pub struct EspeakEngine {
    info: VoiceInfo,
    voice: String,
}

impl EspeakEngine {
    /// Checks that the program is installed and has the voice (by speaking a
    /// word with it, which also tells the sample rate).
    ///
    /// A missing program or an unknown voice is a [`VoiceError::Load`] that
    /// says what to install or which voices exist.
    pub fn new(voice: &str) -> Result<Self, VoiceError> {
        process::check_voice_name(voice)?;
        let version = process::version()?;
        let wav = speak(voice, "a").map_err(|e| {
            if e.is_unknown_voice() { process::unknown_voice(voice) } else { VoiceError::Load(e.to_string()) }
        })?;
        let (sample_rate, _) =
            parse_wav(&wav).map_err(|e| VoiceError::Load(format!("eSpeak NG voice `{voice}`: {e}")))?;
        Ok(EspeakEngine {
            info: VoiceInfo { engine: "espeak", name: voice.to_string(), version, language: bcp47(voice), sample_rate },
            voice: voice.to_string(),
        })
    }
}

impl Engine for EspeakEngine {
    fn info(&self) -> &VoiceInfo {
        &self.info
    }

    /// Speaks the sentence; `ipa` is ignored (see the module docs). Text
    /// with nothing to say gives empty audio.
    fn synthesize(&self, sentence: &str, _ipa: &[IpaOverride]) -> Result<Audio, VoiceError> {
        let text = process::sanitize(sentence);
        let rate = self.info.sample_rate;
        if text.trim().is_empty() {
            return Ok(Audio { sample_rate: rate, samples: Vec::new() });
        }
        let wav = speak(&self.voice, &text).map_err(|e| VoiceError::Synthesis(e.to_string()))?;
        if wav.is_empty() {
            return Ok(Audio { sample_rate: rate, samples: Vec::new() });
        }
        let (sample_rate, samples) =
            parse_wav(&wav).map_err(|e| VoiceError::Synthesis(format!("eSpeak NG output: {e}")))?;
        Ok(Audio { sample_rate, samples: audio::trim(&samples, sample_rate) })
    }
}

fn speak(voice: &str, text: &str) -> Result<Vec<u8>, RunError> {
    process::run(&["--stdout", "--stdin", "-v", voice], text.as_bytes())
}

/// Reads eSpeak NG's WAV output into f32 samples (first channel).
///
/// eSpeak NG writes to a pipe, so its header cannot carry the real length:
/// the data chunk claims 0x7FFFF000 bytes. Samples are read until the bytes
/// run out. No output at all (nothing to say) is empty audio at 22,050 Hz.
pub(crate) fn parse_wav(bytes: &[u8]) -> Result<(u32, Vec<f32>), String> {
    if bytes.is_empty() {
        return Ok((22_050, Vec::new()));
    }
    let reader = hound::WavReader::new(Cursor::new(bytes)).map_err(|e| format!("bad WAV: {e}"))?;
    let spec = reader.spec();
    let channels = usize::from(spec.channels.max(1));
    let samples: Vec<f32> = match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Int, 16) => reader
            .into_samples::<i16>()
            .map_while(Result::ok)
            .step_by(channels)
            .map(|s| f32::from(s) / 32_768.0)
            .collect(),
        (hound::SampleFormat::Float, 32) => {
            reader.into_samples::<f32>().map_while(Result::ok).step_by(channels).collect()
        }
        (format, bits) => return Err(format!("unsupported WAV format: {format:?} {bits}-bit")),
    };
    Ok((spec.sample_rate, samples))
}

/// eSpeak NG voice code → BCP 47 casing: `en-gb` → `en-GB`,
/// `cmn-latn-pinyin` → `cmn-Latn-pinyin`, `en-gb-x-rp` → `en-GB-x-rp`;
/// a variant (`+f3`) and a voice-file folder (`gmw/`) are dropped.
pub fn bcp47(code: &str) -> String {
    let code = code.split('+').next().unwrap_or(code);
    let code = code.rsplit('/').next().unwrap_or(code);
    let mut out = Vec::new();
    let mut private = false;
    for (i, part) in code.split(['-', '_']).enumerate() {
        let lower = part.to_ascii_lowercase();
        let tag = if i == 0 || private {
            lower
        } else if lower == "x" {
            private = true;
            lower
        } else if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            part.to_ascii_uppercase()
        } else if part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            let mut t = lower;
            t[..1].make_ascii_uppercase();
            t
        } else {
            lower
        };
        out.push(tag);
    }
    out.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcp47_casing() {
        assert_eq!(bcp47("en-gb"), "en-GB");
        assert_eq!(bcp47("sw"), "sw");
        assert_eq!(bcp47("en-us+f3"), "en-US");
        assert_eq!(bcp47("gmw/en-US"), "en-US");
        assert_eq!(bcp47("cmn-latn-pinyin"), "cmn-Latn-pinyin");
        assert_eq!(bcp47("en-gb-x-rp"), "en-GB-x-rp");
        assert_eq!(bcp47("es-419"), "es-419");
        assert_eq!(bcp47("en_US"), "en-US");
    }

    #[test]
    fn streaming_wav_header_is_read_to_the_end() {
        // 44-byte header whose sizes are eSpeak NG's placeholders, 3 samples.
        let mut wav = Vec::new();
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&0x7fff_f024u32.to_le_bytes());
        wav.extend_from_slice(b"WAVEfmt ");
        wav.extend_from_slice(&16u32.to_le_bytes());
        wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
        wav.extend_from_slice(&1u16.to_le_bytes()); // mono
        wav.extend_from_slice(&22_050u32.to_le_bytes());
        wav.extend_from_slice(&44_100u32.to_le_bytes());
        wav.extend_from_slice(&2u16.to_le_bytes());
        wav.extend_from_slice(&16u16.to_le_bytes());
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&0x7fff_f000u32.to_le_bytes());
        for s in [0i16, 16_384, -32_768] {
            wav.extend_from_slice(&s.to_le_bytes());
        }
        let (rate, samples) = parse_wav(&wav).unwrap();
        assert_eq!(rate, 22_050);
        assert_eq!(samples, vec![0.0, 0.5, -1.0]);
    }

    #[test]
    fn no_output_is_empty_audio() {
        assert_eq!(parse_wav(&[]).unwrap().1, Vec::<f32>::new());
        assert!(parse_wav(b"not a wav file").is_err());
    }
}
