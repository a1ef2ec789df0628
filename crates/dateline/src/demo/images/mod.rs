//! Original pictures for the demo newsroom, drawn by code.
//!
//! Every picture the demo content names is listed in
//! [`catalogue::PICTURES`] with a recipe: a landscape scene built from layers
//! (sky, sun, hills, water, buildings, boats, people…), a stylised
//! head-and-shoulders portrait, or a desk emblem. A small PRNG seeded from the
//! file name keeps every run's output identical.
//!
//! From the ground up: [`colour`] helpers and the [`rng`]; the [`canvas`] and
//! its primitives; the [`figures`], [`trees`] and [`vehicles`] that scenes
//! scatter; the scene [`layers`]; [`portraits`] and desk [`emblems`]; and the
//! [`catalogue`] of recipes with its shared [`palettes`].

mod canvas;
mod catalogue;
mod colour;
mod emblems;
mod figures;
mod layers;
mod palettes;
mod portraits;
mod rng;
mod trees;
mod vehicles;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;

use canvas::Canvas;
use catalogue::{PICTURES, Picture};
use emblems::draw_emblem;
use layers::draw_layer;
use portraits::draw_portrait;
use rng::Rng;

/// Lead and inline pictures.
const SCENE_SIZE: (u32, u32) = (1200, 675);
/// Contributor photos and desk emblems.
const PHOTO_SIZE: (u32, u32) = (640, 360);
const JPEG_QUALITY: u8 = 78;

/// Writes every image the demo content refers to under `content_root`.
pub fn write_demo_images(content_root: &Path) -> io::Result<()> {
    let dir = content_root.join("images");
    std::fs::create_dir_all(&dir)?;
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, PICTURES.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|k| {
                let dir = &dir;
                scope.spawn(move || -> io::Result<()> {
                    for (name, picture) in PICTURES.iter().skip(k).step_by(workers) {
                        save_jpeg(&render(name, picture), &dir.join(name))?;
                    }
                    Ok(())
                })
            })
            .collect();
        for handle in handles {
            handle.join().map_err(|_| io::Error::other("a demo image worker panicked"))??;
        }
        Ok(())
    })
}

fn save_jpeg(picture: &RgbImage, path: &Path) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).encode_image(picture).map_err(io::Error::other)?;
    out.flush()
}

/// Draws one picture; its file name seeds the randomness.
fn render(name: &str, picture: &Picture) -> RgbImage {
    let mut rng = Rng::new(name);
    match picture {
        Picture::Scene(layers) => {
            let mut canvas = Canvas::new(SCENE_SIZE);
            for layer in *layers {
                draw_layer(&mut canvas, layer, &mut rng);
            }
            canvas.into_image(&mut rng, 5.0)
        }
        Picture::Portrait(p) => {
            let mut canvas = Canvas::new(PHOTO_SIZE);
            draw_portrait(&mut canvas, p, &mut rng);
            canvas.into_image(&mut rng, 3.0)
        }
        Picture::Emblem(e) => {
            let mut canvas = Canvas::new(PHOTO_SIZE);
            draw_emblem(&mut canvas, e, &mut rng);
            canvas.into_image(&mut rng, 2.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use image::GenericImageView;

    fn content_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/content")
    }

    /// Every `images/….jpg` or `images/….png` named in the content's .md and .toml files.
    fn referenced_images(dir: &Path, found: &mut BTreeSet<String>) {
        let entries = std::fs::read_dir(dir).expect("the demo content folder is readable");
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                referenced_images(&path, found);
                continue;
            }
            let wanted = path.extension().is_some_and(|e| e == "md" || e == "toml");
            if !wanted {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("content files are UTF-8");
            let mut rest = text.as_str();
            while let Some(at) = rest.find("images/") {
                let tail = &rest[at..];
                let end = tail.find(|c: char| !(c.is_ascii_alphanumeric() || "-_./".contains(c))).unwrap_or(tail.len());
                let candidate = tail[..end].trim_end_matches('.');
                if candidate.ends_with(".jpg") || candidate.ends_with(".png") {
                    found.insert(candidate.to_owned());
                }
                rest = &tail["images/".len()..];
            }
        }
    }

    #[test]
    fn every_referenced_image_is_written_at_16_by_9() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        write_demo_images(dir.path()).expect("demo images are written");
        let mut referenced = BTreeSet::new();
        referenced_images(&content_root(), &mut referenced);
        assert!(referenced.len() >= 20, "only {} images referenced", referenced.len());
        for path in &referenced {
            let file = dir.path().join(path);
            let picture = image::open(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
            let (w, h) = picture.dimensions();
            let expected = if path.starts_with("images/contributor-") { PHOTO_SIZE } else { SCENE_SIZE };
            assert_eq!((w, h), expected, "{path}");
            assert_eq!(w * 9, h * 16, "{path} is not 16:9");
        }
        // Nothing is drawn that the content does not use.
        for (name, _) in PICTURES {
            assert!(referenced.contains(&format!("images/{name}")), "{name} is not used by the content");
        }
    }

    #[test]
    fn names_are_unique_and_output_is_reproducible() {
        let names: BTreeSet<_> = PICTURES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), PICTURES.len());
        let (name, picture) = &PICTURES[0];
        assert_eq!(render(name, picture), render(name, picture));
    }
}
