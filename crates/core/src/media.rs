//! Stored media: files addressed by their content.

use serde::{Deserialize, Serialize};

/// What the site needs to know about a stored image to show it without layout shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediaInfo {
    /// Content-addressed file name, e.g. `3f2a…9c.jpg`.
    pub key: String,
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    /// Smaller WebP copies of an image for `srcset`, narrowest first; empty
    /// for other media.
    pub variants: Vec<ImageVariant>,
}

/// One WebP copy of an image at a given width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageVariant {
    pub key: String,
    pub width: u32,
    pub height: u32,
}

impl MediaInfo {
    pub fn url(&self) -> String {
        format!("/media/{}", self.key)
    }

    /// The smallest copy of an image (its narrowest variant, else itself), for thumbnails.
    pub fn thumbnail_url(&self) -> String {
        self.variants.first().map(|v| format!("/media/{}", v.key)).unwrap_or_else(|| self.url())
    }

    /// The `srcset` value of the WebP variants (`URL WIDTHw, …`); empty when there are none.
    pub fn webp_srcset(&self) -> String {
        let entries: Vec<String> = self.variants.iter().map(|v| format!("/media/{} {}w", v.key, v.width)).collect();
        entries.join(", ")
    }
}

/// Whether `key` looks like a key we made: hex digest, a dot, a known extension.
/// Keeps request paths from ever naming anything else on disk.
pub fn is_media_key(key: &str) -> bool {
    let Some((stem, ext)) = key.split_once('.') else {
        return false;
    };
    stem.len() >= 16
        && stem.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && matches!(ext, "jpg" | "png" | "webp" | "gif" | "mp3" | "vtt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_keys_are_strict() {
        assert!(is_media_key("0123456789abcdef.jpg"));
        assert!(!is_media_key("../etc/passwd"));
        assert!(!is_media_key("0123456789abcdef.exe"));
        assert!(!is_media_key("0123456789ABCDEF.jpg"));
        assert!(!is_media_key("0123.jpg"));
    }
}
