//! The narrator's pronunciation lexicon: names of people and places said the
//! way their owners say them. One TOML file per language in the data folder:
//!
//! ```toml
//! "Nyando" = { say = "Nyahn-doh" }     # a respelling every engine can read
//! "Kisumu" = { ipa = "kiˈsuːmu" }       # IPA, for voices that take phonemes
//! ```
//!
//! Only the entries a sentence contains go into that sentence's cache key, so
//! changing one entry re-synthesises only the sentences that use it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::engine::IpaOverride;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pronunciation {
    pub say: Option<String>,
    pub ipa: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub pronunciation: Pronunciation,
}

/// A problem with one entry; the entry is left out, the rest still apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconProblem {
    pub text: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

/// A sentence with the lexicon applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The text with respellings in place.
    pub text: String,
    pub ipa: Vec<IpaOverride>,
    /// Identifies the entries used (empty when none): part of the cache key.
    pub fingerprint: String,
}

/// Characters allowed in an IPA entry: the IPA letters, stress and length
/// marks, combining diacritics, and plain letters and spaces.
fn is_ipa_char(c: char) -> bool {
    c.is_ascii_lowercase()
        || c == ' '
        || matches!(
            c,
            'ˈ' | 'ˌ'
                | 'ː'
                | 'ˑ'
                | '.'
                | 'ʰ'
                | 'ʲ'
                | 'ʷ'
                | 'ⁿ'
                | 'ˠ'
                | 'ˤ'
                | '̃'
                | 'æ'
                | 'ç'
                | 'ð'
                | 'ø'
                | 'ŋ'
                | 'œ'
                | 'ħ'
                | 'θ'
                | 'χ'
                | 'β'
        )
        || ('\u{0250}'..='\u{02AF}').contains(&c)
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{1D00}'..='\u{1DBF}').contains(&c)
}

impl Lexicon {
    /// Parses a lexicon file's text. Bad entries are reported and left out.
    pub fn parse(text: &str) -> Result<(Self, Vec<LexiconProblem>), String> {
        let raw: BTreeMap<String, Pronunciation> = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        for (word, pronunciation) in raw {
            let problem = match (&pronunciation.say, &pronunciation.ipa) {
                _ if word.trim().is_empty() => Some("the word is empty".to_owned()),
                (None, None) => Some("give `say` (a respelling) or `ipa`".to_owned()),
                (_, Some(ipa)) if ipa.trim().is_empty() || !ipa.chars().all(is_ipa_char) => {
                    let bad: String = ipa.chars().filter(|c| !is_ipa_char(*c)).take(5).collect();
                    Some(format!("'{ipa}' is not IPA (unexpected: '{bad}')"))
                }
                (Some(say), _) if say.trim().is_empty() => Some("`say` is empty".to_owned()),
                _ => None,
            };
            match problem {
                Some(message) => problems.push(LexiconProblem { text: word, message }),
                None => entries.push(Entry { text: word, pronunciation }),
            }
        }
        // Longest first, so "New York City" wins over "New York".
        entries.sort_by(|a, b| b.text.chars().count().cmp(&a.text.chars().count()).then(a.text.cmp(&b.text)));
        Ok((Self { entries }, problems))
    }

    /// Reads a lexicon file; a missing file is an empty lexicon.
    pub fn load(path: &Path) -> Result<(Self, Vec<LexiconProblem>), String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Self::default(), Vec::new())),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Applies the entries found in `sentence` (whole words, case-insensitive).
    pub fn apply(&self, sentence: &str) -> Applied {
        let mut text = sentence.to_owned();
        let mut ipa = Vec::new();
        let mut used = Vec::new();
        for entry in &self.entries {
            let Some(ranges) = whole_word_matches(&text, &entry.text) else {
                continue;
            };
            used.push(entry);
            match (&entry.pronunciation.say, &entry.pronunciation.ipa) {
                (_, Some(phonemes)) => ipa.push(IpaOverride { text: entry.text.clone(), ipa: phonemes.clone() }),
                (Some(say), None) => {
                    for range in ranges.into_iter().rev() {
                        text.replace_range(range, say);
                    }
                }
                (None, None) => {}
            }
        }
        let fingerprint = if used.is_empty() {
            String::new()
        } else {
            let mut hash = Sha256::new();
            for e in &used {
                hash.update(format!("{}\u{1}{:?}\u{1}{:?}\u{2}", e.text, e.pronunciation.say, e.pronunciation.ipa));
            }
            hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
        };
        Applied { text, ipa, fingerprint }
    }
}

/// Byte ranges where `word` occurs in `text` as a whole word, ignoring case.
fn whole_word_matches(text: &str, word: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let lower_text = text.to_lowercase();
    let lower_word = word.to_lowercase();
    // Lowercasing can change byte lengths (rare scripts): then match exactly.
    let (haystack, needle) = if lower_text.len() == text.len() && lower_word.len() == word.len() {
        (lower_text.as_str(), lower_word.as_str())
    } else {
        (text, word)
    };
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        if !is_word_char(haystack[..start].chars().next_back()) && !is_word_char(haystack[end..].chars().next()) {
            found.push(start..end);
        }
        from = end;
    }
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
"Nyando" = { say = "Nyahn-doh" }
"Kisumu" = { ipa = "kiˈsuːmu" }
"Bad" = { ipa = "<script>" }
"Empty" = {}
"#;

    #[test]
    fn parses_entries_and_reports_bad_ones() {
        let (lexicon, problems) = Lexicon::parse(FILE).unwrap();
        assert_eq!(lexicon.entries().len(), 2);
        let texts: Vec<_> = problems.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Bad", "Empty"]);
        assert!(problems[0].message.contains("is not IPA"));
        assert!(Lexicon::parse("not toml = = x").is_err());
    }

    #[test]
    fn applies_whole_words_only_and_fingerprints_what_it_used() {
        let (lexicon, _) = Lexicon::parse(FILE).unwrap();
        let applied = lexicon.apply("In nyando and Kisumu, not Nyandorua.");
        assert_eq!(applied.text, "In Nyahn-doh and Kisumu, not Nyandorua.");
        assert_eq!(applied.ipa, [IpaOverride { text: "Kisumu".into(), ipa: "kiˈsuːmu".into() }]);
        assert!(!applied.fingerprint.is_empty());
        let untouched = lexicon.apply("Nothing to change here.");
        assert_eq!((untouched.text.as_str(), untouched.fingerprint.as_str()), ("Nothing to change here.", ""));
    }

    #[test]
    fn a_changed_entry_changes_only_the_fingerprints_of_sentences_using_it() {
        let (before, _) = Lexicon::parse(FILE).unwrap();
        let (after, _) = Lexicon::parse(&FILE.replace("Nyahn-doh", "Nyan-doe")).unwrap();
        assert_ne!(before.apply("In Nyando.").fingerprint, after.apply("In Nyando.").fingerprint);
        assert_eq!(before.apply("In Kisumu.").fingerprint, after.apply("In Kisumu.").fingerprint);
    }

    #[test]
    fn a_missing_file_is_an_empty_lexicon() {
        let (lexicon, problems) = Lexicon::load(Path::new("/no/such/lexicon.toml")).unwrap();
        assert!(lexicon.entries().is_empty() && problems.is_empty());
    }
}
