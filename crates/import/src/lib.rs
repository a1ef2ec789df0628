//! Importing content folders — Dateline's authoring path before the newsroom
//! exists, and the way in for Hugo and Zola users (format: docs/CONTENT.md).
//!
//! Each file is checked completely before anything of it is written: a broken
//! file is reported with its path (and line when known), nothing of it is
//! stored, and the rest of the folder is still imported. Importing the same
//! folder again updates what it imported before instead of duplicating it.

#[cfg(feature = "fixtures")]
pub mod fixtures;
mod folder;
mod read_article;
mod report;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dateline_core::front_matter::{ContributorFile, SectionsFile, parse_toml};
use dateline_core::{Contributor, ContributorKind, Language, Problems, Section, Slug};
use dateline_store::{Store, StoreError};
use jiff::tz::TimeZone;

use folder::ContentFolder;
pub use report::{ImportProblem, ImportReport};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("cannot read the content folder: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How far an import has got, for progress bars.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a Path,
}

pub struct ImportOptions {
    /// Zone for publication times written without one.
    pub time_zone: TimeZone,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self { time_zone: TimeZone::UTC }
    }
}

/// Imports `sections.toml`, `contributors/*.toml` and `articles/**/*.md` from `root`.
pub async fn import_folder(
    store: &dyn Store,
    root: &Path,
    options: &ImportOptions,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ImportError> {
    if !root.is_dir() {
        return Err(ImportError::NotAFolder(root.to_owned()));
    }
    let folder = ContentFolder::open(root)?;
    let mut report = ImportReport::default();
    let contributor_files = folder.files_in("contributors", "toml");
    let article_files = folder.files_in("articles", "md");
    let total = 1 + contributor_files.len() + article_files.len();
    let mut done = 0;

    let sections_path = root.join("sections.toml");
    if sections_path.exists() {
        import_sections(store, &folder, &sections_path, &mut report).await?;
    }
    done += 1;
    on_progress(Progress { done, total, path: &sections_path });

    for path in &contributor_files {
        import_contributor(store, &folder, path, &mut report).await?;
        done += 1;
        on_progress(Progress { done, total, path });
    }

    let mut claimed: HashMap<Slug, PathBuf> = HashMap::new();
    for path in &article_files {
        match read_article::read(store, &folder, path, options, &claimed).await? {
            Ok(ready) => {
                let existed = store.article(ready.article.slug.as_str()).await?.is_some();
                for image in ready.media {
                    store.put_image(image).await?;
                }
                store.save_article(&ready.article).await?;
                claimed.insert(ready.article.slug, path.clone());
                if existed {
                    report.articles_updated += 1;
                } else {
                    report.articles_created += 1;
                }
            }
            Err(problems) => report.add_all(folder.relative(path), problems),
        }
        done += 1;
        on_progress(Progress { done, total, path });
    }
    Ok(report)
}

/// Reads and parses a TOML file; a problem is reported against the file and gives `None`.
fn read_toml<T: serde::de::DeserializeOwned>(
    folder: &ContentFolder,
    path: &Path,
    report: &mut ImportReport,
) -> Option<T> {
    match folder.read_text(path).and_then(|text| parse_toml::<T>(&text)) {
        Ok(file) => Some(file),
        Err(problem) => {
            report.add(folder.relative(path), problem);
            None
        }
    }
}

async fn import_sections(
    store: &dyn Store,
    folder: &ContentFolder,
    path: &Path,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let rel = folder.relative(path);
    let Some(file) = read_toml::<SectionsFile>(folder, path, report) else { return Ok(()) };
    for (position, entry) in file.section.into_iter().enumerate() {
        let mut problems = Problems::new();
        let slug = Slug::parse(&entry.slug).map_err(|e| problems.add("slug", e)).ok();
        let language =
            Language::parse(entry.language.as_deref().unwrap_or("en")).map_err(|e| problems.add("language", e)).ok();
        if let (Some(slug), Some(language)) = (slug, language) {
            let section = Section { slug, name: entry.name, language, position: position as i64 };
            match section.validate() {
                Ok(()) => {
                    store.save_section(&section).await?;
                    report.sections += 1;
                    continue;
                }
                Err(p) => problems.extend(p),
            }
        }
        report.add_problems(rel.clone(), &format!("section '{}'", entry.slug), problems);
    }
    Ok(())
}

async fn import_contributor(
    store: &dyn Store,
    folder: &ContentFolder,
    path: &Path,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let rel = folder.relative(path);
    let Some(file) = read_toml::<ContributorFile>(folder, path, report) else { return Ok(()) };
    let mut problems = Problems::new();
    let slug = Slug::parse(&file.slug).map_err(|e| problems.add("slug", e)).ok();
    let kind = ContributorKind::parse(&file.kind).map_err(|e| problems.add("kind", e)).ok();
    let photo = match &file.photo {
        Some(reference) => match folder.load_image(path, reference, true) {
            Ok(prepared) => Some(prepared),
            Err(message) => {
                problems.add("photo", message);
                None
            }
        },
        None => None,
    };
    if let (Some(slug), Some(kind), true) = (slug, kind, problems.is_empty()) {
        let mut contributor = Contributor { slug, name: file.name, kind, bio: file.bio.trim().to_owned(), photo: None };
        match contributor.validate() {
            Ok(()) => {
                if let Some(image) = photo {
                    contributor.photo = Some(store.put_image(image).await?.key);
                }
                store.save_contributor(&contributor).await?;
                report.contributors += 1;
                return Ok(());
            }
            Err(p) => problems.extend(p),
        }
    }
    report.add_problems(rel, "", problems);
    Ok(())
}
