//! URL slugs: lowercase ASCII words joined by single hyphens.

use std::fmt;

use serde::{Deserialize, Serialize};

pub const MAX_SLUG_LEN: usize = 100;

/// A validated slug: `[a-z0-9]+(-[a-z0-9]+)*`, at most [`MAX_SLUG_LEN`] bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            return Err("a slug cannot be empty".into());
        }
        if s.len() > MAX_SLUG_LEN {
            return Err(format!("a slug is at most {MAX_SLUG_LEN} characters"));
        }
        let well_formed =
            s.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if !well_formed {
            return Err(format!(
                "'{s}' is not a slug: use lowercase letters a-z, digits and single hyphens between words"
            ));
        }
        Ok(Self(s.to_owned()))
    }

    /// Makes a slug from any text (a headline, a name), transliterating
    /// non-Latin scripts. `None` when nothing usable remains.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut s = slug::slugify(text);
        if s.len() > MAX_SLUG_LEN {
            s.truncate(MAX_SLUG_LEN);
            while s.ends_with('-') || !s.is_char_boundary(s.len()) {
                s.pop();
            }
        }
        Self::parse(&s).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_well_formed_slugs() {
        for ok in ["a", "flood-warning", "2026-budget", "g7"] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_malformed_slugs() {
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "ü", "../x"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Slug::parse(&"a".repeat(MAX_SLUG_LEN + 1)).is_err());
    }

    #[test]
    fn makes_slugs_from_text() {
        assert_eq!(
            Slug::from_text("Rivers Rise: 3 Towns Evacuated!").unwrap().as_str(),
            "rivers-rise-3-towns-evacuated"
        );
        assert_eq!(Slug::from_text("Café déjà vu").unwrap().as_str(), "cafe-deja-vu");
        assert!(Slug::from_text("!!!").is_none());
        let long = Slug::from_text(&"word ".repeat(60)).unwrap();
        assert!(long.as_str().len() <= MAX_SLUG_LEN && !long.as_str().ends_with('-'));
    }
}
