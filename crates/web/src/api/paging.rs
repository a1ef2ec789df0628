//! Query parameters of list endpoints: paging and filters, every bad or
//! unknown parameter reported at once.

use std::collections::HashMap;

use axum::http::StatusCode;
use jiff::Timestamp;

use super::problem::{Errors, Problem};

pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
const MAX_PAGE: u32 = 10_000;

/// The raw query, one value per name.
pub struct Params {
    values: HashMap<String, String>,
    pub errors: Errors,
}

impl Params {
    /// Reads `pairs`, refusing names not in `allowed` and repeated names.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> Self {
        let mut errors = Errors::default();
        let mut values = HashMap::new();
        for (name, value) in pairs {
            if allowed.is_empty() {
                errors.add(&name, "unknown parameter: this list takes none");
            } else if !allowed.contains(&name.as_str()) {
                errors.add(&name, format!("unknown parameter; use {}", allowed.join(", ")));
            } else if values.insert(name.clone(), value).is_some() {
                errors.add(&name, "given more than once");
            }
        }
        Params { values, errors }
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    fn number(&mut self, name: &str, default: u32, max: u32) -> u32 {
        match self.text(name).map(str::parse::<u32>) {
            None => default,
            Some(Ok(n)) if (1..=max).contains(&n) => n,
            Some(_) => {
                self.errors.add(name, format!("must be a whole number from 1 to {max}"));
                default
            }
        }
    }

    pub fn paging(&mut self) -> Paging {
        Paging {
            page: self.number("page", 1, MAX_PAGE),
            per_page: self.number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
        }
    }

    /// An instant (`2026-11-24T08:00:00Z`) or a day (`2026-11-24`, from midnight in `zone`).
    pub fn time(&mut self, name: &str, zone: &jiff::tz::TimeZone) -> Option<Timestamp> {
        let text = self.text(name)?.to_owned();
        if let Ok(t) = text.parse::<Timestamp>() {
            return Some(t);
        }
        if let Ok(day) = text.parse::<jiff::civil::Date>()
            && let Ok(z) = day.to_zoned_datetime(zone.clone())
        {
            return Some(z.timestamp());
        }
        self.errors.add(name, "must be a time like 2026-11-24T08:00:00Z or a day like 2026-11-24");
        None
    }

    /// Fails with every problem found, if any.
    pub fn check(self) -> Result<(), Problem> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Problem::invalid(StatusCode::BAD_REQUEST, "the query has bad parameters", self.errors.0))
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    pub fn offset(&self) -> u32 {
        (self.page - 1) * self.per_page
    }

    /// Past the end is an error, except the first page (an empty list is a fine answer).
    pub fn check_total(&self, total: u64) -> Result<(), Problem> {
        let last = total.div_ceil(self.per_page as u64).max(1);
        if self.page as u64 > last {
            return Err(
                Problem::not_found(format!("page {} is past the last page, {last}", self.page)).with("last_page", last)
            );
        }
        Ok(())
    }
}

/// `?a=b&c=d` for a link to another page of the same list.
pub fn encode(pairs: &[(&str, String)]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    pairs.iter().map(|(k, v)| format!("{k}={}", enc(v))).collect::<Vec<_>>().join("&")
}
