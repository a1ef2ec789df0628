//! `dateline backup FILE`: the database, the media files it names and the
//! pronunciation lexicon in one file (layout: `crate::archive`), taken while
//! a server serves and writes.
//!
//! Why it is consistent: the database copy is one SQLite read transaction
//! (`VACUUM INTO`). Media files are named by their content, written whole
//! before any row names them, and never changed or deleted, so every file the
//! copy names is on disk, complete and unchanged when it is read afterwards.
//! Lexicon files are replaced whole (temp + rename), so each copy is one
//! version of the file. The archive is written under a temporary name and
//! renamed when complete: a failed or interrupted backup leaves no half file.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use dateline_store::backup::DatabaseFile;
use dateline_store::sqlite::{DATABASE_FILE, MEDIA_DIR};
use flate2::Compression;
use flate2::write::GzEncoder;

use crate::archive::{self, MANIFEST, Manifest, Summing};
use crate::config::Config;

pub async fn run(config: &Config, out: &Path) -> Result<()> {
    let started = Instant::now();
    anyhow::ensure!(
        config.data.join(DATABASE_FILE).is_file(),
        "no Dateline data folder at {}: name it with --data",
        config.data.display()
    );
    anyhow::ensure!(!out.is_dir(), "{} is a folder: name the backup file to write, e.g. site.tar.gz", out.display());
    let folder = parent(out);
    anyhow::ensure!(folder.is_dir(), "the folder {} does not exist", folder.display());

    // Copies made here are beside the archive, and go when this returns.
    let staging = tempfile::Builder::new()
        .prefix(".dateline-backup-")
        .tempdir_in(&folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;
    let store = super::serve::open_store(config).await?;
    let created = jiff::Timestamp::now();
    let db_copy = staging.path().join(DATABASE_FILE);
    store.snapshot_into(&db_copy).await.context("cannot copy the database")?;
    store.pool().close().await;
    let copy = DatabaseFile::open(&db_copy).await?;
    let (keys, schema) = (copy.media_keys().await?, copy.schema_version().await?);
    copy.close().await;

    let mut plan = vec![(DATABASE_FILE.to_owned(), db_copy)];
    let media = config.data.join(MEDIA_DIR);
    for key in keys {
        let path = media.join(&key);
        anyhow::ensure!(
            path.is_file(),
            "the database names the media file {key}, which is missing from {}",
            media.display()
        );
        plan.push((format!("media/{key}"), path));
    }
    plan.extend(copy_lexicon(&config.site.lexicon_dir, staging.path())?);

    let manifest = Manifest {
        format: archive::FORMAT,
        dateline: env!("CARGO_PKG_VERSION").to_owned(),
        schema,
        created: created.to_string(),
        files: BTreeMap::new(),
    };
    let written = {
        let out = out.to_owned();
        // The writer stops at its next read and removes its temporary file.
        archive::cancellable(
            move |cancel| write(manifest, &plan, &out, cancel),
            || "interrupted: no backup was written".to_owned(),
        )
        .await?
    };
    let written = written
        .context("the backup stopped")?
        .with_context(|| format!("no backup was written to {}", out.display()))?;
    println!(
        "Backed up {} to {}: the database, {} media files, {} lexicon files; {:.1} MB in {:.1} s.",
        config.data.display(),
        out.display(),
        written.media,
        written.lexicon,
        written.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What a finished backup holds.
struct Written {
    media: usize,
    lexicon: usize,
    bytes: u64,
}

/// The folder a path is in ("." for a bare name).
pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Copies each lexicon file into `staging/lexicon/`, so the archive holds the
/// version its checksum was taken of even if the newsroom saves a new one meanwhile.
fn copy_lexicon(dir: &Path, staging: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    let into = staging.join("lexicon");
    std::fs::create_dir_all(&into)?;
    let mut plan = Vec::new();
    for entry in entries {
        let name = entry?.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".toml")) else { continue };
        if !archive::is_lexicon_name(stem) {
            continue;
        }
        let copy = into.join(&name);
        std::fs::copy(dir.join(&name), &copy).with_context(|| format!("cannot read {}", dir.join(&name).display()))?;
        plan.push((format!("lexicon/{stem}.toml"), copy));
    }
    plan.sort();
    Ok(plan)
}

/// Writes the archive: checksums first (the manifest leads the file), then
/// each file, checked against its checksum as it is copied.
fn write(mut manifest: Manifest, plan: &[(String, PathBuf)], out: &Path, cancel: &AtomicBool) -> Result<Written> {
    for (entry, path) in plan {
        let sum = archive::sum_file(path, cancel).with_context(|| format!("cannot read {}", path.display()))?;
        manifest.files.insert(entry.clone(), sum);
    }
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("backup");
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(parent(out))
        .with_context(|| format!("cannot write beside {}", out.display()))?;
    let mtime = jiff::Timestamp::now().as_second().max(0).unsigned_abs();
    let mut tar = tar::Builder::new(GzEncoder::new(BufWriter::new(temp.as_file()), Compression::fast()));
    let text = serde_json::to_vec_pretty(&manifest)?;
    tar.append_data(&mut header(text.len() as u64, mtime), MANIFEST, text.as_slice())?;
    for (entry, path) in plan {
        let expected = &manifest.files[entry];
        let mut reader = Summing::new(File::open(path)?, cancel);
        tar.append_data(&mut header(expected.bytes, mtime), entry, &mut reader)
            .with_context(|| format!("cannot copy {}", path.display()))?;
        if reader.sum() != *expected {
            bail!("{} changed while it was being copied", path.display());
        }
    }
    let mut buffered = tar.into_inner()?.finish()?;
    buffered.flush()?;
    drop(buffered);
    temp.as_file().sync_all()?;
    let bytes = temp.as_file().metadata()?.len();
    temp.persist(out).map_err(|e| e.error).with_context(|| format!("cannot name the backup {}", out.display()))?;
    File::open(parent(out))?.sync_all()?;
    let count = |prefix: &str| plan.iter().filter(|(e, _)| e.starts_with(prefix)).count();
    Ok(Written { media: count("media/"), lexicon: count("lexicon/"), bytes })
}

fn header(size: u64, mtime: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(size);
    header.set_mode(0o600);
    header.set_mtime(mtime);
    header
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::*;

    #[test]
    fn a_bare_name_is_in_the_current_folder() {
        assert_eq!(parent(Path::new("site.tar.gz")), PathBuf::from("."));
        assert_eq!(parent(Path::new("/b/site.tar.gz")), PathBuf::from("/b"));
    }

    #[test]
    fn the_file_is_only_there_when_complete() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("b.tar.gz");
        let cancel = AtomicBool::new(false);
        let manifest = || Manifest {
            format: archive::FORMAT,
            dateline: "0".into(),
            schema: 1,
            created: "x".into(),
            files: BTreeMap::new(),
        };
        let missing = [("dateline.db".to_owned(), dir.path().join("nothing-here"))];
        assert!(write(manifest(), &missing, &out, &cancel).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file, not even a temporary one");

        let db = tempfile::tempdir().unwrap();
        std::fs::write(db.path().join("dateline.db"), b"x").unwrap();
        let plan = [("dateline.db".to_owned(), db.path().join("dateline.db"))];
        cancel.store(true, Ordering::Relaxed);
        assert!(write(manifest(), &plan, &out, &cancel).is_err(), "interrupted");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        cancel.store(false, Ordering::Relaxed);
        write(manifest(), &plan, &out, &cancel).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
