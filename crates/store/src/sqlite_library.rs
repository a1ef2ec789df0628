//! [`MediaLibrary`] on SQLite, and the writing of prepared images shared with
//! the content store.

use async_trait::async_trait;
use dateline_core::{ImageVariant, MediaInfo};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use crate::images::{EncodedImage, PreparedImage};
use crate::library::{ImageDetails, LibraryImage, MediaLibrary};
use crate::{MediaFiles, NewMedia, Page, Result, SqliteStore, StoreError, rows};

fn info(image: &EncodedImage) -> MediaInfo {
    NewMedia::image(image.bytes.clone(), image.facts).info()
}

/// A prepared image whose files are on disk.
pub(crate) struct WrittenImage {
    /// Lists the variants.
    pub master: MediaInfo,
    pub variants: Vec<MediaInfo>,
}

/// Writes every file of a prepared image to disk (each atomically); rows come after.
pub(crate) fn write_files(files: &MediaFiles, image: &PreparedImage) -> Result<WrittenImage> {
    let mut variants = Vec::new();
    for v in &image.variants {
        let v_info = info(v);
        files.write(&v_info.key, &v.bytes)?;
        variants.push(v_info);
    }
    let mut master = info(&image.master);
    files.write(&master.key, &image.master.bytes)?;
    master.variants =
        variants.iter().map(|v| ImageVariant { key: v.key.clone(), width: v.width, height: v.height }).collect();
    Ok(WrittenImage { master, variants })
}

/// The media rows of an image whose files are on disk: the variants, then the
/// master listing them.
pub(crate) async fn insert_image_rows(tx: &mut sqlx::SqliteConnection, image: &WrittenImage) -> Result<()> {
    let now = Timestamp::now().as_second();
    for v in &image.variants {
        crate::sqlite::insert_media_row(&mut *tx, v).await?;
    }
    let master = &image.master;
    let variants = serde_json::to_string(&master.variants).map_err(|e| StoreError::Invalid(e.to_string()))?;
    sqlx::query(
        "INSERT INTO media (key, content_type, width, height, bytes, created_ts, variants) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET variants = excluded.variants",
    )
    .bind(&master.key)
    .bind(&master.content_type)
    .bind(master.width)
    .bind(master.height)
    .bind(master.bytes as i64)
    .bind(now)
    .bind(variants)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const SELECT: &str = "SELECT m.*, l.alt, l.credit, l.file_name, l.uploaded_ts, u.name AS uploader
    FROM library_images l JOIN media m ON m.key = l.key LEFT JOIN users u ON u.id = l.uploaded_by";

fn library_row(row: &SqliteRow) -> Result<LibraryImage> {
    Ok(LibraryImage {
        media: rows::media(row)?,
        alt: row.try_get("alt")?,
        credit: row.try_get("credit")?,
        file_name: row.try_get("file_name")?,
        uploaded_by: row.try_get("uploader")?,
        uploaded: Timestamp::from_second(row.try_get("uploaded_ts")?)
            .map_err(|e| StoreError::Corrupt(format!("upload time: {e}")))?,
    })
}

#[async_trait]
impl MediaLibrary for SqliteStore {
    async fn add_to_library(&self, image: PreparedImage, details: &ImageDetails, by: i64) -> Result<LibraryImage> {
        let written = write_files(self.media_files_ref(), &image)?;
        let mut tx = crate::sqlite::begin_write(self.pool()).await?;
        insert_image_rows(&mut tx, &written).await?;
        let master = written.master;
        sqlx::query(
            "INSERT INTO library_images (key, alt, credit, file_name, uploaded_by, uploaded_ts) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(key) DO UPDATE SET alt = excluded.alt, credit = excluded.credit,
                file_name = excluded.file_name, uploaded_by = excluded.uploaded_by, uploaded_ts = excluded.uploaded_ts",
        )
        .bind(&master.key)
        .bind(&details.alt)
        .bind(&details.credit)
        .bind(&details.file_name)
        .bind(by)
        .bind(Timestamp::now().as_second())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.library_image(&master.key).await?.ok_or_else(|| StoreError::Corrupt("library entry vanished".into()))
    }

    async fn library(&self, limit: u32, offset: u32) -> Result<Page<LibraryImage>> {
        let total: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM library_images").fetch_one(self.pool()).await?.try_get("n")?;
        let sql = sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY l.uploaded_ts DESC, l.rowid DESC LIMIT ? OFFSET ?"));
        let rows = sqlx::query(sql).bind(i64::from(limit)).bind(i64::from(offset)).fetch_all(self.pool()).await?;
        Ok(Page { items: rows.iter().map(library_row).collect::<Result<_>>()?, total: total as u64 })
    }

    async fn library_image(&self, key: &str) -> Result<Option<LibraryImage>> {
        let sql = sqlx::AssertSqlSafe(format!("{SELECT} WHERE l.key = ?"));
        let row = sqlx::query(sql).bind(key).fetch_optional(self.pool()).await?;
        row.as_ref().map(library_row).transpose()
    }
}
