//! CSS and JS embedded in the binary, served under content-hashed names so
//! browsers may cache them for a year.

use std::collections::HashMap;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

static ASSET_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

pub struct Asset {
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

pub struct Assets {
    /// Logical name (`site.css`) → hashed URL (`/assets/site.1a2b3c4d5e.css`).
    urls: HashMap<String, String>,
    /// Hashed file name → asset.
    by_hashed_name: HashMap<String, Asset>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

impl Assets {
    pub fn embedded() -> Self {
        let mut urls = HashMap::new();
        let mut by_hashed_name = HashMap::new();
        for file in ASSET_DIR.files() {
            let Some(name) = file.path().to_str() else {
                continue;
            };
            let digest = Sha256::digest(file.contents());
            let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            urls.insert(name.to_owned(), format!("/assets/{hashed}"));
            by_hashed_name.insert(hashed, Asset { bytes: file.contents(), content_type: content_type(name) });
        }
        Self { urls, by_hashed_name }
    }

    pub fn url(&self, name: &str) -> Option<&str> {
        self.urls.get(name).map(String::as_str)
    }

    pub fn by_hashed_name(&self, hashed: &str) -> Option<&Asset> {
        self.by_hashed_name.get(hashed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_have_hashed_urls() {
        let assets = Assets::embedded();
        let url = assets.url("site.css").expect("site.css is embedded");
        assert!(url.starts_with("/assets/site.") && url.ends_with(".css"), "{url}");
        let hashed = url.trim_start_matches("/assets/");
        assert_eq!(assets.by_hashed_name(hashed).unwrap().content_type, "text/css; charset=utf-8");
    }
}
