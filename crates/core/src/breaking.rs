//! The site-wide breaking-news strip.

use jiff::Timestamp;

use crate::Problems;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakingNews {
    pub text: String,
    /// Where the strip links to: a site path (`/articles/x`) or an http(s) URL.
    pub link: Option<String>,
    /// The strip lowers itself at this moment.
    pub until: Timestamp,
}

impl BreakingNews {
    pub fn validate(&self, now: Timestamp) -> Result<(), Problems> {
        let mut problems = Problems::new();
        crate::article::require_text(&mut problems, "text", &self.text, 200);
        if let Some(link) = &self.link {
            let site_path = link.starts_with('/') && !link.starts_with("//");
            let web = link.starts_with("https://") || link.starts_with("http://");
            if !(site_path || web) || link.chars().any(char::is_whitespace) {
                problems.add("link", "the link must be a site path like /articles/slug or an http(s) URL");
            }
        }
        if self.until <= now {
            problems.add("until", "the expiry must be in the future");
        }
        problems.into_result(())
    }

    pub fn is_live(&self, now: Timestamp) -> bool {
        now < self.until
    }
}
