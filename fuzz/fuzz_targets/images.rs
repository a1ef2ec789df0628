//! The one image road (`store::images`): any bytes are checked from the
//! header (format, size, sides, pixels) and refused, or decoded within the
//! decoder's allocation cap (EXIF orientation applied) and encoded again;
//! never a panic. libFuzzer's -rss_limit_mb / -malloc_limit_mb (bench/fuzz.py)
//! catch any allocation past the pipeline's own limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/store/tests/support/mod.rs"]
#[allow(dead_code)] // Only part of the shared support is used by each target.
mod support;

fuzz_target!(|data: &[u8]| {
    let _ = support::fuzzed::image(data);
});
