//! The body of the `images` fuzz target.

use dateline_store::images::{self, ImageError};

/// Decoding and re-encoding a large picture takes seconds: every input gets
/// the header checks and the full decode, pictures up to this many pixels
/// the whole pipeline (orientation, master, WebP variants, 16:9 crop).
const FULL_PIPELINE_PIXELS: u64 = 1_000_000;

/// Runs `bytes` through the image road; `Err` is a refusal (never a panic).
pub fn image(bytes: &[u8]) -> Result<(), ImageError> {
    let facts = images::inspect(bytes)?;
    if u64::from(facts.width) * u64::from(facts.height) <= FULL_PIPELINE_PIXELS {
        images::prepare(bytes)?;
        images::prepare_16_9(bytes)?;
    }
    Ok(())
}
