//! The one road every image takes into the store (uploads, imports, contributor
//! photos): checked, decoded with its EXIF orientation applied, then encoded
//! again from the pixels alone. Nothing of the original file survives — no
//! EXIF, GPS position, XMP or comments — and the original is never kept.
//!
//! What is stored: a *master* (JPEG, or PNG when the image has transparency)
//! at most [`MASTER_MAX_SIDE`] pixels on its longest side, used as the `src`
//! fallback; and lossy WebP *variants* at [`VARIANT_WIDTHS`] (those narrower
//! than the master) plus the master's own width, for `srcset`.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat};

use super::{ImageError, ImageFacts, check_header, decode_error, reader};

/// Longest side of the stored master; larger uploads are scaled down.
pub const MASTER_MAX_SIDE: u32 = 2400;
/// Widths of the WebP variants offered in `srcset`.
pub const VARIANT_WIDTHS: [u32; 4] = [480, 800, 1200, 1600];
const JPEG_QUALITY: u8 = 85;
const WEBP_QUALITY: f32 = 78.0;

/// One encoded file and what it is.
#[derive(Debug, Clone)]
pub struct EncodedImage {
    pub bytes: Vec<u8>,
    pub facts: ImageFacts,
}

/// An image ready to store: the master and its WebP variants, narrowest first.
#[derive(Debug, Clone)]
pub struct PreparedImage {
    pub master: EncodedImage,
    pub variants: Vec<EncodedImage>,
}

/// Prepares an image as it is.
pub fn prepare(bytes: &[u8]) -> Result<PreparedImage, ImageError> {
    encode_all(decode_upright(bytes)?)
}

/// Prepares an image cropped to 16:9 around its centre (contributor photos are
/// shown at that shape).
pub fn prepare_16_9(bytes: &[u8]) -> Result<PreparedImage, ImageError> {
    encode_all(crop_16_9(decode_upright(bytes)?))
}

/// Decodes within the limits and turns the pixels the way the camera meant
/// (the orientation lives in the EXIF data that is about to be dropped).
fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    let facts = check_header(bytes)?;
    let (reader, _) = reader(bytes)?;
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(e, &facts))?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(e, &facts))?;
    img.apply_orientation(orientation);
    Ok(img)
}

fn crop_16_9(img: DynamicImage) -> DynamicImage {
    let (w, h) = (u64::from(img.width()), u64::from(img.height()));
    if (w * 9).abs_diff(h * 16) <= w.max(h) / 50 {
        return img;
    }
    let (cw, ch) = if w * 9 > h * 16 { (h * 16 / 9, h) } else { (w, w * 9 / 16) };
    let (cw, ch) = (cw.max(1) as u32, ch.max(1) as u32);
    img.crop_imm((img.width() - cw) / 2, (img.height() - ch) / 2, cw, ch)
}

fn encode_all(img: DynamicImage) -> Result<PreparedImage, ImageError> {
    let img = if img.width().max(img.height()) > MASTER_MAX_SIDE {
        img.resize(MASTER_MAX_SIDE, MASTER_MAX_SIDE, FilterType::Triangle)
    } else {
        img
    };
    let master = if is_transparent(&img) { encode_png(&img)? } else { encode_jpeg(&img)? };
    let widths = VARIANT_WIDTHS.into_iter().filter(|&w| w < img.width()).chain(std::iter::once(img.width()));
    let variants = widths
        .map(|w| {
            let h = (u64::from(img.height()) * u64::from(w) / u64::from(img.width())).max(1) as u32;
            let scaled = if w == img.width() { img.clone() } else { img.resize_exact(w, h, FilterType::Triangle) };
            encode_webp(&scaled)
        })
        .collect();
    Ok(PreparedImage { master, variants })
}

/// Whether any pixel is less than opaque (an RGBA PNG of a photo usually is not).
fn is_transparent(img: &DynamicImage) -> bool {
    img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < u8::MAX)
}

fn facts(format: ImageFormat, img: &DynamicImage) -> ImageFacts {
    ImageFacts { format, width: img.width(), height: img.height() }
}

fn encode_jpeg(img: &DynamicImage) -> Result<EncodedImage, ImageError> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY);
    img.to_rgb8().write_with_encoder(encoder).map_err(|e| ImageError::Broken(e.to_string()))?;
    Ok(EncodedImage { bytes, facts: facts(ImageFormat::Jpeg, img) })
}

fn encode_png(img: &DynamicImage) -> Result<EncodedImage, ImageError> {
    let mut bytes = Vec::new();
    img.to_rgba8()
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .map_err(|e| ImageError::Broken(e.to_string()))?;
    Ok(EncodedImage { bytes, facts: facts(ImageFormat::Png, img) })
}

/// Lossy WebP through libwebp (the `image` crate only writes lossless WebP,
/// several times larger for photographs).
fn encode_webp(img: &DynamicImage) -> EncodedImage {
    let bytes = if img.color().has_alpha() {
        let rgba = img.to_rgba8();
        webp::Encoder::from_rgba(&rgba, img.width(), img.height()).encode(WEBP_QUALITY).to_vec()
    } else {
        let rgb = img.to_rgb8();
        webp::Encoder::from_rgb(&rgb, img.width(), img.height()).encode(WEBP_QUALITY).to_vec()
    };
    EncodedImage { bytes, facts: facts(ImageFormat::WebP, img) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::inspect;

    fn photo(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        }))
    }

    fn jpeg(img: &DynamicImage) -> Vec<u8> {
        encode_jpeg(img).unwrap().bytes
    }

    /// A minimal big-endian TIFF/EXIF block: IFD0 with Orientation and a GPS
    /// IFD pointer; the GPS IFD holds latitude reference and latitude.
    fn exif_with_gps(orientation: u16) -> Vec<u8> {
        let mut t = Vec::new();
        t.extend_from_slice(b"MM\0\x2a\0\0\0\x08");
        // IFD0 at 8: two entries.
        t.extend_from_slice(&2u16.to_be_bytes());
        t.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]); // Orientation, SHORT, 1
        t.extend_from_slice(&orientation.to_be_bytes());
        t.extend_from_slice(&[0, 0]);
        t.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD pointer, LONG → 38
        t.extend_from_slice(&0u32.to_be_bytes());
        // GPS IFD at 38: two entries, rationals at 68.
        t.extend_from_slice(&2u16.to_be_bytes());
        t.extend_from_slice(&[0x00, 0x01, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef "N"
        t.extend_from_slice(&[0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68]); // GPSLatitude, 3 RATIONALs
        t.extend_from_slice(&0u32.to_be_bytes());
        for (n, d) in [(51u32, 1u32), (30, 1), (2637, 100)] {
            t.extend_from_slice(&n.to_be_bytes());
            t.extend_from_slice(&d.to_be_bytes());
        }
        t
    }

    /// A JPEG carrying `exif` in an APP1 segment right after its start marker.
    fn with_exif(jpeg: &[u8], exif: &[u8]) -> Vec<u8> {
        let payload = [b"Exif\0\0".as_slice(), exif].concat();
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn exif_of(bytes: &[u8]) -> Option<Vec<u8>> {
        let (reader, _) = reader(bytes).unwrap();
        reader.into_decoder().unwrap().exif_metadata().unwrap()
    }

    #[test]
    fn strips_exif_and_the_gps_position() {
        let upload = with_exif(&jpeg(&photo(64, 48)), &exif_with_gps(1));
        assert!(exif_of(&upload).is_some(), "the test photo carries EXIF");
        let prepared = prepare(&upload).unwrap();
        for file in std::iter::once(&prepared.master).chain(&prepared.variants) {
            assert_eq!(exif_of(&file.bytes), None, "{:?} keeps no EXIF", file.facts.format);
            let gps_latitude = [0x00, 0x02, 0, 5];
            assert!(!file.bytes.windows(4).any(|w| w == gps_latitude), "no GPS tag bytes remain");
        }
    }

    #[test]
    fn turns_the_picture_as_the_camera_meant_before_dropping_exif() {
        // Orientation 6: stored landscape, shown rotated 90° clockwise.
        let upload = with_exif(&jpeg(&photo(64, 48)), &exif_with_gps(6));
        let master = prepare(&upload).unwrap().master;
        assert_eq!((master.facts.width, master.facts.height), (48, 64));
    }

    #[test]
    fn makes_webp_variants_no_wider_than_the_picture() {
        let prepared = prepare(&jpeg(&photo(1000, 500))).unwrap();
        assert_eq!(prepared.master.facts.format, ImageFormat::Jpeg);
        let widths: Vec<(u32, u32)> = prepared.variants.iter().map(|v| (v.facts.width, v.facts.height)).collect();
        assert_eq!(widths, [(480, 240), (800, 400), (1000, 500)]);
        for v in &prepared.variants {
            let facts = inspect(&v.bytes).unwrap();
            assert_eq!((facts.format, facts.width), (ImageFormat::WebP, v.facts.width), "a real WebP file");
        }
    }

    #[test]
    fn scales_down_very_large_pictures() {
        let prepared = prepare(&jpeg(&photo(3000, 1500))).unwrap();
        assert_eq!((prepared.master.facts.width, prepared.master.facts.height), (2400, 1200));
        assert_eq!(prepared.variants.last().unwrap().facts.width, 2400);
    }

    #[test]
    fn keeps_transparency_as_png() {
        let clear = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(40, 20, image::Rgba([0, 0, 0, 0])));
        assert_eq!(prepare(&encode_png(&clear).unwrap().bytes).unwrap().master.facts.format, ImageFormat::Png);
        let opaque = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(40, 20, image::Rgba([9, 9, 9, 255])));
        assert_eq!(prepare(&encode_png(&opaque).unwrap().bytes).unwrap().master.facts.format, ImageFormat::Jpeg);
    }

    #[test]
    fn crops_contributor_photos_to_sixteen_by_nine() {
        let master = |w, h| prepare_16_9(&jpeg(&photo(w, h))).unwrap().master.facts;
        assert_eq!((master(400, 400).width, master(400, 400).height), (400, 225));
        assert_eq!((master(1000, 100).width, master(1000, 100).height), (177, 100));
        assert_eq!((master(160, 90).width, master(160, 90).height), (160, 90));
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert!(matches!(prepare(b"%PDF-1.7 not a picture"), Err(ImageError::NotAnImage)));
    }
}
