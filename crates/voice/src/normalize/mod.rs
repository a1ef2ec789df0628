//! Text as it is said: numbers, dates, currency, abbreviations… written out
//! so the voice reads them the way a newsreader would.
//!
//! Two layers:
//!
//! - [`common`], for every language: web and email addresses dropped,
//!   emoji and symbols that are not speech removed, dashes and item
//!   separators turned into comma pauses, whitespace collapsed. Other
//!   languages stop there: eSpeak NG reads numbers in its own languages.
//! - [`en`], for English (any region): numbers, years, dates, times, money,
//!   percentages, ranges, units, abbreviations, initialisms, domains. Its
//!   word lists are the const tables in [`tables`], so a newsroom can extend
//!   them without touching a rule.
//!
//! The sentence splitter runs after this, so a sentence's final full stop is
//! never removed and no full stop is ever added inside a sentence.

mod common;
mod en;
mod numbers;
mod tables;

#[cfg(test)]
mod tests;

/// Text as it is said, for the narration voice of `language` (a BCP 47 tag such as "en", "en-GB", "sw").
pub fn normalize(text: &str, language: &str) -> String {
    let cleaned = common::clean(text);
    let mut subtags = language.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    if primary.eq_ignore_ascii_case("en") {
        let month_first = subtags.any(|s| s.eq_ignore_ascii_case("US"));
        en::normalize(&cleaned, month_first)
    } else {
        cleaned
    }
}
