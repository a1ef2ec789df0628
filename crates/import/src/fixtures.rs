//! Test fixtures: the content folders in `tests/fixtures/`, copied to a
//! temporary folder with their images drawn by code (no binaries committed).

use std::path::{Path, PathBuf};

use image::{ImageFormat, Rgb, RgbImage};

/// Size of the huge image: over the import limit. Written sparse, so it costs no disk.
pub const HUGE_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(from).map_err(std::io::Error::other)?;
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn draw(path: &Path, width: u32, height: u32, format: ImageFormat) -> std::io::Result<()> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 140]));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    img.save_with_format(path, format).map_err(std::io::Error::other)
}

/// Copies fixture folder `name` ("good" or "bad") and draws its images.
pub fn prepare(name: &str) -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    copy_tree(&fixtures_dir().join(name), root)?;
    match name {
        "good" => {
            draw(&root.join("images/lead.jpg"), 320, 180, ImageFormat::Jpeg)?;
            draw(&root.join("images/amara-square.png"), 200, 200, ImageFormat::Png)?;
            draw(&root.join("articles/world/inline.png"), 160, 90, ImageFormat::Png)?;
        }
        "bad" => {
            draw(&root.join("images/ok.png"), 160, 90, ImageFormat::Png)?;
            std::fs::File::create(root.join("images/huge.jpg"))?.set_len(HUGE_IMAGE_BYTES)?;
            let mut invalid = b"+++\nheadline = \"Bad bytes \xff\xfe\"\nsection = \"world\"\n+++\n".to_vec();
            invalid.extend_from_slice(b"Body.\n");
            std::fs::write(root.join("articles/bad-utf8.md"), invalid)?;
        }
        _ => {}
    }
    Ok(dir)
}
