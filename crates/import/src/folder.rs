//! Reading a content folder safely: bounded sizes, UTF-8 with a located
//! error, and image references that cannot leave the folder.

use std::path::{Component, Path, PathBuf};

use dateline_core::front_matter::FileProblem;
use dateline_store::images::{self, MAX_IMAGE_BYTES, PreparedImage};
use walkdir::WalkDir;

/// Largest text file (article, TOML) accepted.
const MAX_TEXT_BYTES: u64 = 2 * 1024 * 1024;

/// Sizes as people read them: "52.4 MB".
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

pub struct ContentFolder {
    root: PathBuf,
}

impl ContentFolder {
    pub fn open(root: &Path) -> std::io::Result<Self> {
        Ok(Self { root: root.canonicalize()? })
    }

    pub fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_owned()
    }

    /// Files under `sub` with the given extension, sorted, following no links out.
    pub fn files_in(&self, sub: &str, extension: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = WalkDir::new(self.root.join(sub))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|x| x == extension))
            .collect();
        files.sort();
        files
    }

    pub fn read_text(&self, path: &Path) -> Result<String, FileProblem> {
        let size = std::fs::metadata(path).map_err(|e| FileProblem::new(None, format!("cannot read: {e}")))?.len();
        if size > MAX_TEXT_BYTES {
            return Err(FileProblem::new(
                None,
                format!("is {}; text files are at most {}", megabytes(size), megabytes(MAX_TEXT_BYTES)),
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| FileProblem::new(None, format!("cannot read: {e}")))?;
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            FileProblem::new(Some(line), format!("is not valid UTF-8 (byte {at}): save the file as UTF-8"))
        })
    }

    /// Finds an image referenced from `from` (a file in the folder): relative to
    /// that file first, then to the folder root. Never outside the folder.
    pub fn resolve(&self, from: &Path, reference: &str) -> Result<PathBuf, String> {
        if reference.contains("://") || reference.starts_with("data:") {
            return Err(format!("image '{reference}' must be a file in the content folder, not a URL"));
        }
        let rel = Path::new(reference);
        if rel.is_absolute() || rel.components().any(|c| matches!(c, Component::Prefix(_))) {
            return Err(format!("image '{reference}' must be a relative path"));
        }
        let near = from.parent().unwrap_or(&self.root).join(rel);
        let candidate = if near.exists() { near } else { self.root.join(rel) };
        let found = candidate.canonicalize().map_err(|_| format!("image '{reference}' was not found"))?;
        if !found.starts_with(&self.root) {
            return Err(format!("image '{reference}' is outside the content folder"));
        }
        Ok(found)
    }

    /// Resolves, size-checks, reads and fully checks an image.
    /// Reads and prepares an image (checked, metadata stripped, variants made);
    /// `crop_16_9` for contributor photos.
    pub fn load_image(&self, from: &Path, reference: &str, crop_16_9: bool) -> Result<PreparedImage, String> {
        let path = self.resolve(from, reference)?;
        let size = std::fs::metadata(&path).map_err(|e| format!("image '{reference}': {e}"))?.len();
        if size > MAX_IMAGE_BYTES {
            return Err(format!(
                "image '{reference}' is {}; images are at most {}",
                megabytes(size),
                megabytes(MAX_IMAGE_BYTES)
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("image '{reference}': {e}"))?;
        let prepared = if crop_16_9 { images::prepare_16_9(&bytes) } else { images::prepare(&bytes) };
        prepared.map_err(|e| format!("image '{reference}' {e}"))
    }
}
