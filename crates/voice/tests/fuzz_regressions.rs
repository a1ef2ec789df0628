//! Replays the `normalize` fuzz target's committed inputs (fuzz/seeds/ and,
//! for every crash the fuzzer found, fuzz/regressions/) in the normal suite.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

#[test]
fn the_normaliser_takes_every_committed_input() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut count = 0;
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(kind).join("normalize")) else { continue };
        for entry in entries {
            if let Ok(text) = String::from_utf8(std::fs::read(entry.unwrap().path()).unwrap()) {
                support::fuzzed::normalize_any(&text);
                count += 1;
            }
        }
    }
    assert!(count > 0, "no inputs");
}
