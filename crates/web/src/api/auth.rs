//! Who is calling: an API key in `Authorization: Bearer KEY`, looked up by
//! its SHA-256. Cookies are never read here, so the API has no CSRF surface.

use axum::http::{HeaderMap, header};
use dateline_store::accounts::{ApiKey, User};

use super::problem::Problem;
use crate::SharedState;
use crate::newsroom::token_hash;

/// Keys look like `dl_` + 64 hex digits (256 random bits).
pub const PREFIX: &str = "dl_";

/// A caller with a live key, acting as the key's user.
pub struct Caller {
    pub key: ApiKey,
    pub user: User,
}

/// Makes a new key: 256 random bits.
pub fn new_key() -> Result<String, crate::WebError> {
    Ok(format!("{PREFIX}{}", crate::newsroom::new_token()?))
}

fn well_formed(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The caller, if the request carries a key; a malformed, unknown or revoked key is refused (401).
pub async fn caller(state: &SharedState, headers: &HeaderMap) -> Result<Option<Caller>, Problem> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().unwrap_or("");
    let Some((scheme, key)) = value.split_once(' ') else {
        return Err(Problem::invalid_token("use the header 'Authorization: Bearer KEY'"));
    };
    let key = key.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || !well_formed(key) {
        return Err(Problem::invalid_token("the API key is malformed: use 'Authorization: Bearer dl_…'"));
    }
    match state.accounts.api_key_user(&token_hash(key)).await? {
        Some((key, user)) => Ok(Some(Caller { key, user })),
        None => Err(Problem::invalid_token("the API key is unknown or revoked")),
    }
}

/// The caller, who must have a key.
pub async fn required(state: &SharedState, headers: &HeaderMap) -> Result<Caller, Problem> {
    caller(state, headers)
        .await?
        .ok_or_else(|| Problem::unauthorized("this needs an API key: 'Authorization: Bearer KEY'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_prefixed_random_hex() {
        let key = new_key().unwrap();
        assert!(well_formed(&key), "{key}");
        assert_ne!(key, new_key().unwrap());
        assert!(!well_formed("dl_123") && !well_formed(&key.replace("dl_", "xx_")) && !well_formed(""));
    }
}
