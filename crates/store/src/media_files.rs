//! Media files on local disk, named by content and written atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use dateline_core::media::is_media_key;

/// The folder holding media files. Files are written to a temporary name in the
/// same folder, flushed to disk, then renamed into place, so a reader (or a
/// crash) never sees half a file.
#[derive(Debug, Clone)]
pub struct MediaFiles {
    dir: PathBuf,
}

impl MediaFiles {
    pub fn open(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
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
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
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
