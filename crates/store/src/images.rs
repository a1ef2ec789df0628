//! Checking images before they are stored: real format (not the file name),
//! size limits, a full decode (broken files are refused), and the 16:9 crop
//! used for contributor photos.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// Largest image file accepted.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;
/// Largest side in pixels; also bounds memory when decoding (decompression bombs).
pub const MAX_IMAGE_SIDE: u32 = 12_000;
const MAX_DECODE_ALLOC: u64 = 512 * 1024 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImageError {
    #[error("is {:.1} MB; images are at most {:.1} MB", *bytes as f64 / 1e6, MAX_IMAGE_BYTES as f64 / 1e6)]
    TooLarge { bytes: u64 },
    #[error("is not a JPEG, PNG, WebP or GIF image")]
    NotAnImage,
    #[error("is {width}×{height} pixels; images are at most {MAX_IMAGE_SIDE} pixels on a side")]
    TooManyPixels { width: u32, height: u32 },
    #[error("is a damaged image: {0}")]
    Broken(String),
}

/// What an accepted image is, measured from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageFacts {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

impl ImageFacts {
    pub fn extension(&self) -> &'static str {
        match self.format {
            ImageFormat::Png => "png",
            ImageFormat::WebP => "webp",
            ImageFormat::Gif => "gif",
            _ => "jpg",
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self.format {
            ImageFormat::Png => "image/png",
            ImageFormat::WebP => "image/webp",
            ImageFormat::Gif => "image/gif",
            _ => "image/jpeg",
        }
    }
}

/// The content-addressed name for a file: hex SHA-256 prefix and extension.
pub fn media_key(bytes: &[u8], extension: &str) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{hex}.{extension}")
}

type BytesReader<'a> = ImageReader<Cursor<&'a [u8]>>;

/// A reader for an accepted format, with decoding limits set.
fn reader(bytes: &[u8]) -> Result<(BytesReader<'_>, ImageFormat), ImageError> {
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge { bytes: bytes.len() as u64 });
    }
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| ImageError::NotAnImage)?;
    let format = match reader.format() {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif)) => f,
        _ => return Err(ImageError::NotAnImage),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    Ok((reader, format))
}

/// Checks an image completely: format from its bytes, dimensions within
/// limits (read from the header before any pixel is decoded), and a full decode.
pub fn inspect(bytes: &[u8]) -> Result<ImageFacts, ImageError> {
    let (reader, format) = reader(bytes)?;
    let (width, height) = reader.into_dimensions().map_err(|e| ImageError::Broken(e.to_string()))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ImageError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Broken("it has no pixels".into()));
    }
    let (reader, _) = self::reader(bytes)?;
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooManyPixels { width, height },
        other => ImageError::Broken(other.to_string()),
    })?;
    Ok(ImageFacts { format, width, height })
}

/// Crops an image to 16:9 around its centre (contributor photos are shown at
/// that shape). Returns the input untouched when it already is 16:9.
pub fn crop_to_16_9(bytes: Vec<u8>) -> Result<(Vec<u8>, ImageFacts), ImageError> {
    let facts = inspect(&bytes)?;
    let (w, h) = (facts.width as u64, facts.height as u64);
    if (w * 9).abs_diff(h * 16) <= w.max(h) / 50 {
        return Ok((bytes, facts));
    }
    let (reader, _) = reader(&bytes)?;
    let img = reader.decode().map_err(|e| ImageError::Broken(e.to_string()))?;
    let (cw, ch) = if w * 9 > h * 16 { (h * 16 / 9, h) } else { (w, w * 9 / 16) };
    let (cw, ch) = (cw.max(1) as u32, ch.max(1) as u32);
    let cropped = img.crop_imm((facts.width - cw) / 2, (facts.height - ch) / 2, cw, ch).to_rgb8();
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    cropped.write_with_encoder(encoder).map_err(|e| ImageError::Broken(e.to_string()))?;
    Ok((out, ImageFacts { format: ImageFormat::Jpeg, width: cw, height: ch }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 40, 40]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn measures_real_images() {
        let facts = inspect(&png(32, 18)).unwrap();
        assert_eq!((facts.format, facts.width, facts.height), (ImageFormat::Png, 32, 18));
        assert_eq!(facts.extension(), "png");
    }

    #[test]
    fn refuses_text_named_like_an_image() {
        assert_eq!(inspect(b"just some words, not a picture"), Err(ImageError::NotAnImage));
    }

    #[test]
    fn refuses_truncated_images() {
        let mut bytes = png(64, 64);
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(inspect(&bytes), Err(ImageError::Broken(_))));
    }

    #[test]
    fn refuses_oversized_files_before_decoding() {
        let huge = vec![0u8; MAX_IMAGE_BYTES as usize + 1];
        assert!(matches!(inspect(&huge), Err(ImageError::TooLarge { .. })));
    }

    #[test]
    fn refuses_decompression_bombs_from_the_header() {
        // A tiny PNG claiming 20000×20000 pixels: refused before any pixel is decoded.
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let err = inspect(&bytes).unwrap_err();
        assert!(matches!(err, ImageError::TooManyPixels { .. } | ImageError::Broken(_)), "{err:?}");
    }

    #[test]
    fn crops_to_sixteen_by_nine() {
        let (bytes, facts) = crop_to_16_9(png(400, 400)).unwrap();
        assert_eq!((facts.width, facts.height), (400, 225));
        assert_eq!(inspect(&bytes).unwrap().width, 400);
        let (_, facts) = crop_to_16_9(png(1000, 100)).unwrap();
        assert_eq!((facts.width, facts.height), (177, 100));
        let original = png(160, 90);
        assert_eq!(crop_to_16_9(original.clone()).unwrap().0, original);
    }

    #[test]
    fn keys_follow_content() {
        assert_eq!(media_key(b"a", "jpg"), media_key(b"a", "jpg"));
        assert_ne!(media_key(b"a", "jpg"), media_key(b"b", "jpg"));
        assert!(dateline_core::media::is_media_key(&media_key(b"a", "jpg")));
    }
}
