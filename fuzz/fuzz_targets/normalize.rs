//! The speech normaliser: any text, in English (both date orders) and in a
//! language it leaves to eSpeak NG, never panics and never grows without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/voice/tests/support/mod.rs"]
#[allow(dead_code)] // Only part of the shared support is used by each target.
mod support;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        support::fuzzed::normalize_any(text);
    }
});
