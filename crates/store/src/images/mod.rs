//! Checking images before they are stored: real format (not the file name),
//! size and pixel limits read from the header before anything is decoded
//! (decompression bombs), and a full decode (broken files are refused).
//! [`prepare`] turns an accepted image into what is stored.

mod prepare;

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// Largest image file accepted.
pub const MAX_IMAGE_BYTES: u64 = 20_000_000;
/// Largest side in pixels; also bounds memory when decoding (decompression bombs).
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// Most pixels in one image (a 50-megapixel camera's frame): bounds decoding
/// time and memory, whatever the sides are.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;
const MAX_DECODE_ALLOC: u64 = 400 * 1024 * 1024;

pub use prepare::{EncodedImage, PreparedImage, VARIANT_WIDTHS, prepare, prepare_16_9};

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImageError {
    #[error("is {:.1} MB; images are at most {:.1} MB", *bytes as f64 / 1e6, MAX_IMAGE_BYTES as f64 / 1e6)]
    TooLarge { bytes: u64 },
    #[error("is not a JPEG, PNG, WebP or GIF image")]
    NotAnImage,
    #[error(
        "is {width}×{height} pixels; images are at most {MAX_IMAGE_SIDE} pixels on a side and {} megapixels",
        MAX_IMAGE_PIXELS / 1_000_000
    )]
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
    // Sides and area are checked by `check_header` (to name them in the
    // error); the allocation cap is the decoder's own second line of defence.
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    Ok((reader, format))
}

/// Checks an image completely: format from its bytes, dimensions within
/// limits (read from the header before any pixel is decoded), and a full decode.
pub fn inspect(bytes: &[u8]) -> Result<ImageFacts, ImageError> {
    let facts = check_header(bytes)?;
    let (reader, _) = self::reader(bytes)?;
    reader.decode().map_err(|e| decode_error(e, &facts))?;
    Ok(facts)
}

/// Format and dimensions from the header alone, within the limits.
fn check_header(bytes: &[u8]) -> Result<ImageFacts, ImageError> {
    let (reader, format) = reader(bytes)?;
    let (width, height) = reader.into_dimensions().map_err(|e| ImageError::Broken(e.to_string()))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(ImageError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Broken("it has no pixels".into()));
    }
    Ok(ImageFacts { format, width, height })
}

fn decode_error(e: image::ImageError, facts: &ImageFacts) -> ImageError {
    match e {
        image::ImageError::Limits(_) => ImageError::TooManyPixels { width: facts.width, height: facts.height },
        other => ImageError::Broken(other.to_string()),
    }
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

    /// A well-formed PNG (valid header checksum) that claims `width`×`height`.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = u32::MAX;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn refuses_too_many_pixels_even_within_the_side_limit() {
        // 10000×10000 is 100 megapixels: each side is allowed, the area is not.
        let err = inspect(&png_claiming(10_000, 10_000));
        assert_eq!(err, Err(ImageError::TooManyPixels { width: 10_000, height: 10_000 }));
    }

    #[test]
    fn refuses_decompression_bombs_from_the_header() {
        // A tiny PNG claiming 20000×20000 pixels: refused before any pixel is decoded.
        let err = inspect(&png_claiming(20_000, 20_000));
        assert_eq!(err, Err(ImageError::TooManyPixels { width: 20_000, height: 20_000 }));
    }

    #[test]
    fn keys_follow_content() {
        assert_eq!(media_key(b"a", "jpg"), media_key(b"a", "jpg"));
        assert_ne!(media_key(b"a", "jpg"), media_key(b"b", "jpg"));
        assert!(dateline_core::media::is_media_key(&media_key(b"a", "jpg")));
    }
}
