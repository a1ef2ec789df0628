//! `dateline restore FILE [--force]`: a backup back into the data folder.
//!
//! Nothing in the data folder changes until the whole backup has been read
//! and checked (format, every entry's name, size and SHA-256, the gzip
//! checksum, SQLite's integrity check, the schema) in a new folder beside it;
//! then the two folders swap by renaming. No server may hold the folder: the
//! search index's writer lock, which every server takes, is held here from
//! start to end.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result, bail};
use dateline_search::{SearchError, SearchIndex};
use dateline_store::SqliteStore;
use dateline_store::backup::{DatabaseFile, schema_version};
use dateline_store::sqlite::DATABASE_FILE;
use flate2::read::GzDecoder;

use super::backup::parent;
use crate::archive::{self, MANIFEST, Manifest, Summing};
use crate::config::Config;

pub async fn run(config: &Config, file: &Path, force: bool) -> Result<()> {
    let data = &config.data;
    let index = config.site.search_dir.clone().unwrap_or_else(|| data.join("search"));
    let _lock = match SearchIndex::lock_unused(&index) {
        Ok(lock) => lock,
        Err(SearchError::Busy(_)) => {
            bail!("a Dateline server is using {}: stop it before restoring into that folder", data.display())
        }
        Err(e) => return Err(e).context("cannot tell whether a server uses the data folder"),
    };
    anyhow::ensure!(!data.exists() || data.is_dir(), "{} is not a folder", data.display());
    let in_use = data.is_dir() && std::fs::read_dir(data)?.next().is_some();
    anyhow::ensure!(
        !in_use || force,
        "the data folder {} is not empty: restore into a new folder (--data), or add --force to replace \
         everything in it",
        data.display()
    );
    let reader = File::open(file).with_context(|| format!("cannot open the backup {}", file.display()))?;
    let name = data.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let folder = parent(data);
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot make {}", folder.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.restore-"))
        .tempdir_in(&folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;

    let unpacked = {
        let into = staging.path().to_owned();
        archive::cancellable(
            move |cancel| unpack(reader, &into, cancel),
            || format!("interrupted: {} is unchanged", data.display()),
        )
        .await?
    };
    let manifest = unpacked.context("the restore stopped")?.with_context(|| {
        format!("{} is not a usable Dateline backup; {} is unchanged", file.display(), data.display())
    })?;
    check_database(staging.path(), &manifest).await.with_context(|| {
        format!("the database in {} is not usable; {} is unchanged", file.display(), data.display())
    })?;

    swap(data, staging.keep())?;
    println!(
        "Restored {} (taken {} by Dateline {}) into {}: the database, {} media files, {} lexicon files. \
         The search index is rebuilt when the server starts.",
        file.display(),
        manifest.created,
        manifest.dateline,
        data.display(),
        manifest.files.keys().filter(|p| p.starts_with("media/")).count(),
        manifest.files.keys().filter(|p| p.starts_with("lexicon/")).count(),
    );
    Ok(())
}

/// Reads the whole archive into `into`, checking every entry against the manifest.
fn unpack(reader: File, into: &Path, cancel: &AtomicBool) -> Result<Manifest> {
    let mut archive = tar::Archive::new(GzDecoder::new(BufReader::new(reader)));
    let mut entries = archive.entries().context("it is not a tar file")?;
    let mut first = match entries.next() {
        Some(Ok(entry)) => entry,
        Some(Err(e)) => return Err(e).context("it is not a gzip-compressed tar file"),
        None => bail!("it is empty"),
    };
    if first.path_bytes().as_ref() != MANIFEST.as_bytes() {
        bail!("it does not start with a Dateline manifest");
    }
    let size = first.size();
    let manifest = Manifest::read(&mut first, size)?;
    if let Some(bad) = manifest.files.keys().find(|p| !archive::is_entry_path(p)) {
        bail!("its manifest names '{bad}', which no Dateline backup holds");
    }
    anyhow::ensure!(manifest.files.contains_key(DATABASE_FILE), "its manifest names no database");

    let mut seen = BTreeSet::new();
    for entry in entries {
        let mut entry = entry.context("it is damaged or cut short")?;
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let Some(expected) = manifest.files.get(&path) else {
            bail!("it holds '{path}', which its manifest does not list")
        };
        anyhow::ensure!(entry.header().entry_type() == tar::EntryType::Regular, "'{path}' is not a file");
        anyhow::ensure!(seen.insert(path.clone()), "it holds '{path}' twice");
        let target = into.join(&path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut out = Summing::new(BufWriter::new(File::create_new(&target)?), cancel);
        io::copy(&mut entry, &mut out).with_context(|| format!("it is damaged or cut short (in '{path}')"))?;
        out.flush()?;
        let sum = out.sum();
        anyhow::ensure!(sum == *expected, "'{path}' does not match its checksum: the file is damaged");
    }
    let missing: Vec<&String> = manifest.files.keys().filter(|p| !seen.contains(*p)).collect();
    if let Some(first) = missing.first() {
        bail!("it is cut short: {} of its {} files are missing, e.g. '{first}'", missing.len(), manifest.files.len());
    }
    // gzip's own checksum is checked when its stream is read to the end.
    io::copy(&mut archive.into_inner(), &mut io::sink()).context("it is damaged or cut short (at its end)")?;
    sync_tree(into)?;
    Ok(manifest)
}

/// The restored database: a schema this build knows, whole by SQLite's own
/// check, then brought up to date by opening it (migrations).
async fn check_database(dir: &Path, manifest: &Manifest) -> Result<()> {
    let newest = schema_version();
    let db = DatabaseFile::open(&dir.join(DATABASE_FILE)).await?;
    let schema = db.schema_version().await?;
    let checked = db.check_integrity().await;
    db.close().await;
    checked?;
    anyhow::ensure!(
        schema <= newest,
        "it has schema version {schema}, made by Dateline {}; this Dateline knows up to {newest}: use a newer Dateline",
        manifest.dateline
    );
    let store = SqliteStore::open(dir).await?;
    store.pool().close().await;
    Ok(())
}

/// Puts `new` in the place of `data`, keeping `data` until `new` is there.
fn swap(data: &Path, new: PathBuf) -> Result<()> {
    let fail = |e: io::Error| {
        let _ = std::fs::remove_dir_all(&new);
        anyhow::Error::new(e).context(format!("cannot put the restored folder in place of {}", data.display()))
    };
    if !data.exists() {
        std::fs::rename(&new, data).map_err(fail)?;
    } else {
        let name = data.file_name().and_then(|n| n.to_str()).unwrap_or("data");
        let old = parent(data).join(format!(".{name}.replaced-{}", std::process::id()));
        std::fs::rename(data, &old).map_err(fail)?;
        if let Err(e) = std::fs::rename(&new, data) {
            let _ = std::fs::rename(&old, data);
            return Err(fail(e));
        }
        if let Err(e) = std::fs::remove_dir_all(&old) {
            eprintln!("warning: the replaced folder {} could not be removed: {e}", old.display());
        }
    }
    File::open(parent(data))?.sync_all()?;
    Ok(())
}

/// Makes every restored file durable before the swap names it.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            sync_tree(&path)?;
        } else {
            File::open(&path)?.sync_all()?;
        }
    }
    File::open(dir)?.sync_all()
}
