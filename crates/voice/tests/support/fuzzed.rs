//! The body of the `normalize` fuzz target.

use dateline_voice::normalize::normalize;

/// Normalises `text` as English (both date orders) and as a language left to
/// eSpeak NG; panics if the output grows past what writing numbers out
/// explains ("777" → "seven hundred and seventy-seven").
pub fn normalize_any(text: &str) {
    for language in ["en", "en-US", "sw"] {
        let spoken = normalize(text, language);
        assert!(spoken.len() <= 32 * text.len() + 256, "{language}: {} bytes → {} bytes", text.len(), spoken.len());
    }
}
