//! Replays the fuzz targets' committed inputs (fuzz/seeds/ and, for every
//! crash the fuzzers found, fuzz/regressions/) through the same checks, in
//! the normal test suite: Markdown never renders to anything a browser could
//! run, and no article file makes the front-matter path panic.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::{Path, PathBuf};

use support::fuzzed;
use support::safe_html::unsafe_markup;

/// Every committed input of a target.
fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut all: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .filter_map(|kind| std::fs::read_dir(fuzz.join(kind).join(target)).ok())
        .flatten()
        .map(|e| e.unwrap().path())
        .collect();
    all.sort();
    assert!(!all.is_empty(), "no inputs for {target}");
    all
}

#[test]
fn markdown_inputs_render_to_safe_html() {
    for path in inputs("markdown") {
        if let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) {
            fuzzed::markdown(&text);
        }
    }
}

#[test]
fn the_checker_sees_what_a_browser_would_run() {
    for bad in [
        "<p><script>x</script></p>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"java&#x73;cript:alert(1)\">x</a>",
        "<a href=' javascript:x'>x</a>",
        "<a href=\"&#106;avascript:x\">x</a>",
        "<p style=\"x\">y</p>",
        "<svg><g/></svg>",
    ] {
        assert!(unsafe_markup(bad).is_some(), "{bad}");
    }
    for good in [
        "<p>onload=x javascript:y</p>",
        "<a href=\"/articles/x\" title=\"on x\">x</a>",
        "<img src=\"/m.jpg\" alt=\">\">",
    ] {
        assert_eq!(unsafe_markup(good), None, "{good}");
    }
}

#[test]
fn article_files_are_read_or_refused_without_panicking() {
    let parsed = inputs("front_matter")
        .iter()
        .filter_map(|path| String::from_utf8(std::fs::read(path).unwrap()).ok())
        .filter(|text| fuzzed::article_file(text))
        .count();
    assert!(parsed > 0, "some inputs get past the front matter");
}
