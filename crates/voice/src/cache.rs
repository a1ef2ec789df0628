//! Synthesised sentences cached on disk by content: a sentence is spoken once
//! per (engine, voice, voice version, lexicon entries used, text) and reused
//! until one of those changes.

use std::path::{Path, PathBuf};
use std::time::Duration;

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

/// Names of segments being written (tempfile's own prefix, said once here).
const TEMP_PREFIX: &str = ".tmp";
/// A temporary file this old was left by a narration that was killed: a
/// segment is written in well under a second.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// Segments as 32-bit float WAV files, fanned out over 256 folders.
#[derive(Debug, Clone)]
pub struct SegmentCache {
    dir: PathBuf,
}

impl SegmentCache {
    /// Opens the cache, first removing what killed writes left behind.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        remove_abandoned_writes(dir);
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
        let tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
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

/// Removes temporary files of segments whose writer died. Only old ones:
/// `dateline narrate` in another process may be writing one right now.
fn remove_abandoned_writes(dir: &Path) {
    let folders = std::fs::read_dir(dir).into_iter().flatten().flatten().filter(|e| e.path().is_dir());
    for entry in folders.flat_map(|f| std::fs::read_dir(f.path()).into_iter().flatten().flatten()) {
        let abandoned = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|a| a > ABANDONED_AFTER));
        if abandoned && let Err(e) = std::fs::remove_file(entry.path()) {
            tracing::warn!(file = %entry.path().display(), error = %e, "cannot remove a killed write's file");
        }
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

    #[test]
    fn opening_removes_only_old_unfinished_writes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        let key = SegmentKey::new(&voice("1"), "", "Hello.");
        cache.put(&key, &Audio { sample_rate: 22050, samples: vec![0.5] }).unwrap();
        let folder = cache.path(&key).parent().unwrap().to_owned();
        let (abandoned, writing) = (folder.join(".tmpAbC123"), folder.join(".tmpXyZ789"));
        for path in [&abandoned, &writing] {
            std::fs::write(path, b"half a segment").unwrap();
        }
        let old = std::time::SystemTime::now() - 2 * ABANDONED_AFTER;
        std::fs::File::options().write(true).open(&abandoned).unwrap().set_modified(old).unwrap();
        let cache = SegmentCache::open(dir.path()).unwrap();
        assert!(!abandoned.exists(), "an old unfinished write is removed");
        assert!(writing.exists(), "a write that may be under way is kept");
        assert!(cache.contains(&key), "segments are kept");
    }
}
