//! Replays the `images` fuzz target's committed inputs (fuzz/seeds/ and, for
//! every crash the fuzzer found, fuzz/regressions/) in the normal suite: the
//! seeds are accepted, and nothing panics.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;

#[test]
fn the_image_road_takes_every_committed_input() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut seeds = 0;
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(kind).join("images")) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let result = support::fuzzed::image(&std::fs::read(&path).unwrap());
            if kind == "seeds" {
                assert!(result.is_ok(), "{}: {result:?}", path.display());
                seeds += 1;
            }
        }
    }
    assert!(seeds >= 5, "the seeds: JPEG, rotated JPEG, PNG, GIF, WebP");
}
