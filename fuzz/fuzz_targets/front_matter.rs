//! An article file as the importer reads it, short of the store: front
//! matter (TOML), slugs, language, times, image references and the body.
//! Bad input is a reported problem, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/support/mod.rs"]
#[allow(dead_code)] // Only part of the shared support is used by each target.
mod support;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        support::fuzzed::article_file(text);
    }
});
