//! Markdown → sanitised HTML: never a panic, and never anything a browser
//! could run in the output, whatever the body holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/support/mod.rs"]
#[allow(dead_code)] // Only part of the shared support is used by each target.
mod support;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        support::fuzzed::markdown(text);
    }
});
