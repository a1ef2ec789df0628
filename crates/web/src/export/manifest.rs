//! What an export folder holds that the export wrote: `.dateline-export.json`
//! (path → SHA-256 and size). Only files listed there are ever replaced or
//! removed. While an export runs, every finished write or removal is appended
//! to `.dateline-export.journal` first, so an interrupted export leaves a
//! record of exactly what it changed; the next export folds it in.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ExportError;

pub const MANIFEST: &str = ".dateline-export.json";
pub const JOURNAL: &str = ".dateline-export.journal";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub sha256: String,
    pub size: u64,
}

impl Entry {
    pub fn of(bytes: &[u8]) -> Self {
        Self { sha256: hex(&Sha256::digest(bytes)), size: bytes.len() as u64 }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub files: BTreeMap<String, Entry>,
}

/// One line of the journal.
#[derive(Serialize, Deserialize)]
struct Change {
    path: String,
    /// `None`: the file was removed.
    entry: Option<Entry>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io { path: path.to_owned(), source }
}

impl Manifest {
    /// The manifest in `out` with any journal of an interrupted export folded
    /// in; `None` when the folder has neither.
    pub fn load(out: &Path) -> Result<Option<Self>, ExportError> {
        let path = out.join(MANIFEST);
        let mut manifest = match std::fs::read(&path) {
            Ok(bytes) => Some(
                serde_json::from_slice::<Manifest>(&bytes)
                    .map_err(|e| ExportError::Damaged { path: path.clone(), detail: e.to_string() })?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(&path)(e)),
        };
        let journal = out.join(JOURNAL);
        match std::fs::read_to_string(&journal) {
            Ok(text) => {
                let manifest = manifest.get_or_insert_with(Manifest::default);
                // A line cut short by a crash is the last one; skip it.
                for change in text.lines().filter_map(|line| serde_json::from_str::<Change>(line).ok()) {
                    match change.entry {
                        Some(entry) => manifest.files.insert(change.path, entry),
                        None => manifest.files.remove(&change.path),
                    };
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&journal)(e)),
        }
        Ok(manifest)
    }

    /// Writes the manifest (temp + rename), then drops the journal it replaces.
    pub fn save(&self, out: &Path) -> Result<(), ExportError> {
        let path = out.join(MANIFEST);
        let bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| ExportError::Io { path: path.clone(), source: std::io::Error::other(e) })?;
        write_atomically(&path, &bytes)?;
        let journal = out.join(JOURNAL);
        match std::fs::remove_file(&journal) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&journal)(e)),
            _ => Ok(()),
        }
    }
}

/// The journal of a running export.
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    /// Opens (or creates) the journal: the first write an export makes, so an
    /// unwritable folder is found before anything else happens.
    pub fn open(out: &Path) -> Result<Self, ExportError> {
        let path = out.join(JOURNAL);
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|source| ExportError::NotWritable { path: out.to_owned(), source })?;
        Ok(Self { path, file: Mutex::new(file) })
    }

    /// Removes the journal of an export that changed nothing.
    pub fn discard(&self) -> Result<(), ExportError> {
        std::fs::remove_file(&self.path).map_err(io(&self.path))
    }

    /// Records a finished write (`Some`) or removal (`None`): one line, one write.
    pub fn record(&self, path: &str, entry: Option<&Entry>) -> Result<(), ExportError> {
        let change = Change { path: path.to_owned(), entry: entry.cloned() };
        let mut line = serde_json::to_vec(&change).map_err(|e| io(&self.path)(std::io::Error::other(e)))?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        file.write_all(&line).map_err(io(&self.path))
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// a reader (or a crash) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut temp = tempfile::Builder::new().prefix(".dateline-").tempfile_in(dir).map_err(io(dir))?;
    temp.write_all(bytes).map_err(io(path))?;
    set_readable(temp.as_file()).map_err(io(path))?;
    temp.persist(path).map_err(|e| io(path)(e.error))?;
    Ok(())
}

/// Temporary files are private (0600); a static host's server must read ours.
fn set_readable(file: &File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Puts a stored media file at `path`: a hard link when the export is on the
/// data folder's file system and the file is readable by all (media never
/// change: their names are their hashes), else a readable copy; either way
/// under a temporary name, then renamed.
pub fn link_or_copy(source: &Path, path: &Path) -> Result<(), ExportError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("media");
    let temp = dir.join(format!(".dateline-{name}.{}.part", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    if !(readable_by_all(source) && std::fs::hard_link(source, &temp).is_ok()) {
        std::fs::copy(source, &temp).map_err(io(source))?;
        let file = File::open(&temp).map_err(io(&temp))?;
        set_readable(&file).map_err(io(&temp))?;
    }
    std::fs::rename(&temp, path).map_err(io(path))
}

/// The data folder keeps media private (0600); a static host's server must
/// read the export's, and the data folder's modes are not ours to change.
fn readable_by_all(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o004 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// SHA-256 and size of a file, read in pieces.
pub fn entry_of_file(path: &Path) -> Result<Entry, ExportError> {
    let mut file = File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    let size = std::io::copy(&mut file, &mut hasher).map_err(io(path))?;
    Ok(Entry { sha256: hex(&hasher.finalize()), size })
}

/// Removes `file` (under `out`) and the folders it leaves empty, up to `out`.
pub fn remove_with_empty_parents(out: &Path, file: &str) -> Result<(), ExportError> {
    let path = out.join(file);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&path)(e)),
        _ => {}
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_export_is_folded_in_from_its_journal() {
        let out = tempfile::tempdir().unwrap();
        let mut manifest = Manifest { version: 1, ..Manifest::default() };
        manifest.files.insert("old.html".into(), Entry::of(b"old"));
        manifest.files.insert("gone.html".into(), Entry::of(b"gone"));
        manifest.save(out.path()).unwrap();
        let journal = Journal::open(out.path()).unwrap();
        journal.record("old.html", Some(&Entry::of(b"new"))).unwrap();
        journal.record("gone.html", None).unwrap();
        journal.record("added.html", Some(&Entry::of(b"added"))).unwrap();
        drop(journal);
        // A crash in the middle of a line leaves half of it.
        let mut file = OpenOptions::new().append(true).open(out.path().join(JOURNAL)).unwrap();
        file.write_all(b"{\"path\":\"half").unwrap();

        let loaded = Manifest::load(out.path()).unwrap().unwrap();
        let files: Vec<(&str, &Entry)> = loaded.files.iter().map(|(p, e)| (p.as_str(), e)).collect();
        assert_eq!(files, [("added.html", &Entry::of(b"added")), ("old.html", &Entry::of(b"new"))]);
        loaded.save(out.path()).unwrap();
        assert!(!out.path().join(JOURNAL).exists(), "the journal is folded into the manifest");
    }
}
