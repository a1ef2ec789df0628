//! Contributors: the people and desks credited on articles.

use serde::Serialize;

use crate::{Problems, Slug};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContributorKind {
    Person,
    /// A team credited as one, such as a language service.
    Desk,
}

impl ContributorKind {
    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "person" => Ok(Self::Person),
            "desk" => Ok(Self::Desk),
            other => Err(format!("kind must be \"person\" or \"desk\", not \"{other}\"")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Desk => "desk",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributor {
    pub slug: Slug,
    pub name: String,
    pub kind: ContributorKind,
    pub bio: String,
    /// Media key of a 16:9 photo.
    pub photo: Option<String>,
}

impl Contributor {
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        crate::article::require_text(&mut problems, "name", &self.name, 120);
        if self.bio.chars().count() > 600 {
            problems.add("bio", "a bio is at most 600 characters");
        }
        problems.into_result(())
    }
}
