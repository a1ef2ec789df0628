//! Media files on local disk, named by content and written atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dateline_core::media::is_media_key;

/// Names of files being written (tempfile's own prefix, said once here).
const TEMP_PREFIX: &str = ".tmp";
/// A temporary file this old was left by a writer that died (kill -9, power
/// loss): a live write takes seconds, and media names never start with a dot.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// The folder holding media files. Files are written to a temporary name in the
/// same folder, flushed to disk, then renamed into place, so a reader (or a
/// crash) never sees half a file.
#[derive(Debug, Clone)]
pub struct MediaFiles {
    dir: PathBuf,
}

impl MediaFiles {
    /// Opens the folder, first removing what crashed writes left behind.
    pub fn open(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        remove_abandoned_writes(&dir);
        Ok(Self { dir })
    }

    /// The path of a stored file, or `None` when `key` is not a media key
    /// (so a request path can never name another file).
    pub fn path(&self, key: &str) -> Option<PathBuf> {
        is_media_key(key).then(|| self.dir.join(key))
    }

    pub fn write(&self, key: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = self
            .path(key)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("bad media key {key}")))?;
        if path.exists() {
            return Ok(path);
        }
        let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(&self.dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        sync_dir(&self.dir)?;
        Ok(path)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Makes the rename itself durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Removes temporary files of writes that never finished. Only old ones:
/// another process (an import) may be writing a new one right now.
fn remove_abandoned_writes(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let abandoned = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > ABANDONED_AFTER));
        if abandoned {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => tracing::info!(file = %entry.path().display(), "removed a media file a crashed write left"),
                Err(e) => {
                    tracing::warn!(file = %entry.path().display(), error = %e, "cannot remove a crashed write's file")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_removes_only_old_unfinished_writes() {
        let dir = tempfile::tempdir().unwrap();
        let files = MediaFiles::open(dir.path().to_owned()).unwrap();
        let stored = files.write("0123456789abcdef.mp3", b"audio").unwrap();
        let aged = |name: &str| {
            let path = dir.path().join(name);
            let file = std::fs::File::create(&path).unwrap();
            file.set_modified(std::time::SystemTime::now() - 2 * ABANDONED_AFTER).unwrap();
            path
        };
        let (abandoned, writing) = (aged(".tmpAbC123"), dir.path().join(".tmpXyZ789"));
        std::fs::write(&writing, b"half").unwrap();
        let old_media = aged("fedcba9876543210.jpg");
        MediaFiles::open(dir.path().to_owned()).unwrap();
        assert!(!abandoned.exists(), "an old unfinished write is removed");
        assert!(writing.exists(), "a write that may be under way is kept");
        assert!(stored.exists() && old_media.exists(), "media files are never touched");
    }
}
