//! Sections group articles on the site (World, Science, …).

use crate::{Language, Problems, Slug};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub slug: Slug,
    pub name: String,
    pub language: Language,
    /// Order in the navigation, smallest first.
    pub position: i64,
}

impl Section {
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        crate::article::require_text(&mut problems, "name", &self.name, 80);
        problems.into_result(())
    }
}
