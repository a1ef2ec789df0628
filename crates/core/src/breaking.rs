//! The site-wide breaking-news strip.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::Problems;

/// When a strip lowers itself, from what people type: a duration from now
/// (`90m`, `2h`) or a time (`2026-11-24T18:00:00Z`, read in `zone` when it has no offset).
pub fn parse_until(text: &str, zone: &TimeZone, now: Timestamp) -> Result<Timestamp, String> {
    let text = text.trim();
    if let Ok(duration) = text.parse::<SignedDuration>() {
        return Ok(now + duration);
    }
    crate::time::parse_time(text, zone)
        .map(|t| t.timestamp())
        .map_err(|e| format!("{e}; or give a duration like 90m or 2h"))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiries_are_durations_or_times() {
        let now: Timestamp = "2026-11-24T12:00:00Z".parse().unwrap();
        assert_eq!(parse_until("90m", &TimeZone::UTC, now).unwrap(), "2026-11-24T13:30:00Z".parse().unwrap());
        assert_eq!(
            parse_until("2026-11-24T18:00:00Z", &TimeZone::UTC, now).unwrap(),
            "2026-11-24T18:00:00Z".parse().unwrap()
        );
        assert!(parse_until("soon", &TimeZone::UTC, now).unwrap_err().contains("90m or 2h"));
    }

    #[test]
    fn a_strip_needs_text_a_safe_link_and_a_future_expiry() {
        let now: Timestamp = "2026-11-24T12:00:00Z".parse().unwrap();
        let news = BreakingNews { text: " ".into(), link: Some("javascript:alert(1)".into()), until: now };
        let fields: Vec<_> = news.validate(now).unwrap_err().iter().map(|p| p.field.clone()).collect();
        assert_eq!(fields, ["text", "link", "until"]);
    }
}
