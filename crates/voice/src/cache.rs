//! Synthesised sentences cached on disk by content: a sentence is spoken once
//! per (engine, voice, voice version, lexicon entries used, text) and reused
//! until one of those changes.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::engine::{Audio, VoiceInfo};

/// The cache key of one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SegmentKey(String);

impl SegmentKey {
    pub fn new(voice: &VoiceInfo, lexicon_fingerprint: &str, text: &str) -> Self {
        let mut hash = Sha256::new();
        for part in [voice.engine, &voice.name, &voice.version, lexicon_fingerprint, text] {
            hash.update(part.as_bytes());
            hash.update([0u8]);
        }
        Self(hash.finalize().iter().take(20).map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Segments as 32-bit float WAV files, fanned out over 256 folders.
#[derive(Debug, Clone)]
pub struct SegmentCache {
    dir: PathBuf,
}

impl SegmentCache {
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Self { dir: dir.to_owned() })
    }

    fn path(&self, key: &SegmentKey) -> PathBuf {
        self.dir.join(&key.0[..2]).join(format!("{}.wav", key.0))
    }

    /// Whether a segment is stored (without reading it). A damaged file is
    /// found when it is read, removed, and made again on the next narration.
    pub fn contains(&self, key: &SegmentKey) -> bool {
        self.path(key).is_file()
    }

    /// The cached audio, or `None`. A damaged file counts as missing (and is removed).
    pub fn get(&self, key: &SegmentKey) -> Option<Audio> {
        let path = self.path(key);
        if !path.exists() {
            return None;
        }
        let read = hound::WavReader::open(&path).and_then(|mut reader| {
            let spec = reader.spec();
            let samples = reader.samples::<f32>().collect::<Result<Vec<f32>, _>>()?;
            Ok((spec, samples))
        });
        match read {
            Ok((spec, samples)) if spec.channels == 1 && spec.sample_format == hound::SampleFormat::Float => {
                Some(Audio { sample_rate: spec.sample_rate, samples })
            }
            _ => {
                tracing::warn!(path = %path.display(), "damaged narration segment: it will be made again");
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores audio atomically (temporary file, then rename).
    pub fn put(&self, key: &SegmentKey, audio: &Audio) -> std::io::Result<()> {
        let path = self.path(key);
        let dir = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(dir)?;
        let tmp = tempfile::NamedTempFile::new_in(dir)?;
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: audio.sample_rate,
            bits_per_sample: 32,
            sample_format: hound::SampleFormat::Float,
        };
        {
            let mut writer =
                hound::WavWriter::new(std::io::BufWriter::new(tmp.as_file()), spec).map_err(std::io::Error::other)?;
            for &s in &audio.samples {
                writer.write_sample(s).map_err(std::io::Error::other)?;
            }
            writer.finalize().map_err(std::io::Error::other)?;
        }
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(version: &str) -> VoiceInfo {
        VoiceInfo {
            engine: "espeak",
            name: "en".into(),
            version: version.into(),
            language: "en".into(),
            sample_rate: 22050,
        }
    }

    #[test]
    fn keys_change_with_every_part() {
        let base = SegmentKey::new(&voice("1"), "", "Hello.");
        assert_eq!(base, SegmentKey::new(&voice("1"), "", "Hello."));
        assert_ne!(base, SegmentKey::new(&voice("2"), "", "Hello."));
        assert_ne!(base, SegmentKey::new(&voice("1"), "ab", "Hello."));
        assert_ne!(base, SegmentKey::new(&voice("1"), "", "Hello!"));
    }

    #[test]
    fn round_trips_and_drops_damaged_files() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let key = SegmentKey::new(&voice("1"), "", "Hello.");
        assert!(cache.get(&key).is_none() && !cache.contains(&key));
        let audio = Audio { sample_rate: 22050, samples: vec![0.0, 0.5, -0.25] };
        cache.put(&key, &audio).unwrap();
        assert_eq!(cache.get(&key), Some(audio));
        assert!(cache.contains(&key));
        std::fs::write(cache.path(&key), b"not a wav").unwrap();
        assert!(cache.get(&key).is_none());
        assert!(!cache.path(&key).exists());
    }
}
