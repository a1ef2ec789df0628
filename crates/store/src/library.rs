//! The media library: images uploaded once with their alt text and credit,
//! then chosen as lead images and contributor photos.

use async_trait::async_trait;
use dateline_core::MediaInfo;
use jiff::Timestamp;

use crate::images::PreparedImage;
use crate::{Page, Result};

/// An image in the library, as the newsroom lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryImage {
    pub media: MediaInfo,
    pub alt: String,
    pub credit: String,
    /// The uploaded file's name, for finding it again; never used as a path.
    pub file_name: String,
    pub uploaded_by: Option<String>,
    pub uploaded: Timestamp,
}

/// What the person uploading says about an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageDetails {
    pub alt: String,
    pub credit: String,
    pub file_name: String,
}

#[async_trait]
pub trait MediaLibrary: Send + Sync {
    /// Stores the prepared files, then the media rows and the library entry
    /// in one transaction. Uploading the same picture again updates its
    /// details instead of making a second entry.
    async fn add_to_library(&self, image: PreparedImage, details: &ImageDetails, by: i64) -> Result<LibraryImage>;
    /// Newest first.
    async fn library(&self, limit: u32, offset: u32) -> Result<Page<LibraryImage>>;
    async fn library_image(&self, key: &str) -> Result<Option<LibraryImage>>;
}
