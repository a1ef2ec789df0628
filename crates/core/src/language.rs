//! Languages as BCP 47 tags, and the writing direction that follows from them.

use std::fmt;

use serde::{Deserialize, Serialize};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// Writing direction of a page, as the HTML `dir` attribute spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A well-formed BCP 47 language tag in canonical form (`en-GB`, `ps`, `fa-AF`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Language(String);

impl Language {
    pub fn parse(tag: &str) -> Result<Self, String> {
        let id: LanguageIdentifier = tag
            .parse()
            .map_err(|_| format!("'{tag}' is not a BCP 47 language tag (try 'en', 'en-GB', 'ps' or 'fa-AF')"))?;
        if id.language.is_empty() {
            return Err(format!("'{tag}' names no language"));
        }
        Ok(Self(id.to_string()))
    }

    pub fn english() -> Self {
        Self("en".into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag: `en` for `en-GB`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    pub fn direction(&self) -> Direction {
        let id: Result<LanguageIdentifier, _> = self.0.parse();
        match id.map(|id| id.character_direction()) {
            Ok(CharacterDirection::RTL) => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

impl TryFrom<String> for Language {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Language> for String {
    fn from(l: Language) -> String {
        l.0
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_tags() {
        assert_eq!(Language::parse("en-gb").unwrap().as_str(), "en-GB");
        assert_eq!(Language::parse("en-GB").unwrap().primary(), "en");
    }

    #[test]
    fn rejects_garbage() {
        assert!(Language::parse("english please").is_err());
        assert!(Language::parse("").is_err());
    }

    #[test]
    fn right_to_left_languages_mirror() {
        for rtl in ["ps", "fa", "ur", "ar", "fa-AF"] {
            assert_eq!(Language::parse(rtl).unwrap().direction(), Direction::Rtl, "{rtl}");
        }
        for ltr in ["en", "sw", "hi"] {
            assert_eq!(Language::parse(ltr).unwrap().direction(), Direction::Ltr, "{ltr}");
        }
    }
}
