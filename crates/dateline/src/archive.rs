//! The backup file: a gzip-compressed tar whose first entry, `manifest.json`,
//! names every other entry with its size and SHA-256, so a restore can check
//! the whole file before it changes anything.
//!
//! Entries: `dateline.db` (a consistent copy of the database), `media/<key>`
//! (the files its rows name) and `lexicon/<lang>.toml` (the pronunciation
//! lexicon). Derived data (the search index, the narration segment cache)
//! is left out: it is rebuilt from these.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bumped when the layout changes in a way an older restore cannot read.
pub const FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
/// A manifest larger than this is not ours (one line per file).
const MANIFEST_LIMIT: u64 = 64 << 20;

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// The archive layout's version ([`FORMAT`]).
    pub format: u32,
    /// The Dateline that wrote it.
    pub dateline: String,
    /// The database's last migration: a restore refuses a newer one than it knows.
    pub schema: i64,
    /// When the database copy was taken (RFC 3339).
    pub created: String,
    /// Path inside the archive → size and checksum.
    pub files: BTreeMap<String, FileSum>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    pub bytes: u64,
    pub sha256: String,
}

impl Manifest {
    /// Reads the first entry of an archive, refusing anything that is not a manifest we can read.
    pub fn read(mut entry: impl Read, size: u64) -> Result<Self> {
        if size > MANIFEST_LIMIT {
            bail!("its manifest is {size} bytes, which no Dateline backup has");
        }
        let mut text = String::new();
        entry.read_to_string(&mut text).context("its manifest cannot be read")?;
        // The format first, so a newer layout is named as such rather than as damage.
        let format: serde_json::Value = serde_json::from_str(&text).context("its manifest is not JSON")?;
        match format.get("format").and_then(serde_json::Value::as_u64) {
            Some(n) if n == u64::from(FORMAT) => {}
            Some(n) => bail!(
                "it is backup format {n}, made by Dateline {}; this Dateline reads format {FORMAT}",
                format.get("dateline").and_then(|v| v.as_str()).unwrap_or("(unknown)")
            ),
            None => bail!("its manifest names no format"),
        }
        serde_json::from_value(format).context("its manifest is not valid")
    }
}

/// Whether `path` is an entry a backup may hold: the only names a restore
/// writes, so an archive can never place a file anywhere else.
pub fn is_entry_path(path: &str) -> bool {
    if path == dateline_store::sqlite::DATABASE_FILE {
        return true;
    }
    if let Some(key) = path.strip_prefix("media/") {
        return dateline_core::media::is_media_key(key);
    }
    if let Some(name) = path.strip_prefix("lexicon/").and_then(|n| n.strip_suffix(".toml")) {
        return is_lexicon_name(name);
    }
    false
}

/// A lexicon file's stem: a language tag (letters, digits, `-`, `_`).
pub fn is_lexicon_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 35 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Passes bytes through while counting and hashing them, and stops with an
/// error once `cancel` is set (Ctrl-C), so no caller finishes a half file.
pub struct Summing<'a, T> {
    inner: T,
    hash: Sha256,
    bytes: u64,
    cancel: &'a AtomicBool,
}

impl<'a, T> Summing<'a, T> {
    pub fn new(inner: T, cancel: &'a AtomicBool) -> Self {
        Self { inner, hash: Sha256::new(), bytes: 0, cancel }
    }

    pub fn sum(self) -> FileSum {
        FileSum { bytes: self.bytes, sha256: hex(&self.hash.finalize()) }
    }

    fn check(&self) -> io::Result<()> {
        if self.cancel.load(Ordering::Relaxed) {
            // Not `ErrorKind::Interrupted`: `io::copy` retries on that.
            return Err(io::Error::other("interrupted by Ctrl-C"));
        }
        Ok(())
    }
}

impl<T: Read> Read for Summing<'_, T> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.check()?;
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

impl<T: Write> Write for Summing<'_, T> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.check()?;
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Size and SHA-256 of a whole file.
/// Runs `job` on a blocking thread; Ctrl-C sets the flag it is handed (it
/// stops at its next read and cleans up) and waits for it, then fails with
/// `interrupted`. `Ok(Err(_))` is the job's own failure; `Err(_)` a panic.
pub async fn cancellable<T: Send + 'static>(
    job: impl FnOnce(&AtomicBool) -> T + Send + 'static,
    interrupted: impl FnOnce() -> String,
) -> Result<std::result::Result<T, tokio::task::JoinError>> {
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let task = {
        let cancel = cancel.clone();
        tokio::task::spawn_blocking(move || job(&cancel))
    };
    tokio::pin!(task);
    tokio::select! {
        done = &mut task => Ok(done),
        _ = tokio::signal::ctrl_c() => {
            cancel.store(true, Ordering::Relaxed);
            let _ = task.await;
            bail!("{}", interrupted());
        }
    }
}

pub fn sum_file(path: &std::path::Path, cancel: &AtomicBool) -> io::Result<FileSum> {
    let mut reader = Summing::new(std::fs::File::open(path)?, cancel);
    io::copy(&mut reader, &mut io::sink())?;
    Ok(reader.sum())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_names_are_entries() {
        for good in ["dateline.db", "media/0123456789abcdef0123.jpg", "lexicon/en.toml", "lexicon/pt-BR.toml"] {
            assert!(is_entry_path(good), "{good}");
        }
        for bad in [
            "manifest.json",
            "../dateline.db",
            "media/../../etc/passwd",
            "media/x.jpg",
            "lexicon/../x.toml",
            "lexicon/.toml",
            "lexicon/en.txt",
            "search/meta.json",
            "/dateline.db",
        ] {
            assert!(!is_entry_path(bad), "{bad}");
        }
    }

    #[test]
    fn a_newer_format_is_named_as_such() {
        let text = r#"{"format": 2, "dateline": "9.0.0"}"#;
        let e = Manifest::read(text.as_bytes(), text.len() as u64).unwrap_err().to_string();
        assert!(e.contains("format 2") && e.contains("9.0.0"), "{e}");
        let e = Manifest::read(&b"{}"[..], 2).unwrap_err().to_string();
        assert!(e.contains("no format"), "{e}");
    }
}
