//! Newsroom accounts in the store: users, sessions, sign-in links, failed
//! sign-ins (for rate limiting) and the audit log. Tokens are stored hashed.

use async_trait::async_trait;
use dateline_core::Role;
use jiff::Timestamp;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// argon2id PHC string; `None` until the person sets a password.
    pub password_hash: Option<String>,
    pub disabled: bool,
}

pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: Option<String>,
}

/// A signed-in session (found by the hash of its cookie's token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_hash: String,
    pub user_id: i64,
    /// The anti-forgery token every form of this session must carry.
    pub csrf: String,
    pub expires: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// The email domain of API keys' identities (`wire-desk.1a2b3c4d@api-key.invalid`):
/// `.invalid` can receive no mail, and these users have no password.
pub const API_KEY_DOMAIN: &str = "@api-key.invalid";

/// An API key as listed (the key itself is never stored, only its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    pub name: String,
    /// The user the key acts as: its name and role in the audit log and revisions.
    pub user_id: i64,
    pub role: Role,
    pub created: Timestamp,
    pub revoked: Option<Timestamp>,
}

#[async_trait]
pub trait Accounts: Send + Sync {
    /// Fails with [`crate::StoreError::Invalid`] when the email is taken.
    async fn create_user(&self, user: NewUser) -> Result<User>;
    async fn user(&self, id: i64) -> Result<Option<User>>;
    async fn user_by_email(&self, email: &str) -> Result<Option<User>>;
    async fn users(&self) -> Result<Vec<User>>;
    async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()>;
    async fn set_role(&self, user_id: i64, role: Role) -> Result<()>;

    async fn create_session(&self, session: &Session) -> Result<()>;
    /// The session and its (enabled) user, if the session exists and has not expired at `now`.
    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<(Session, User)>>;
    /// Slides the session's expiry forward (idle timeout), never past `cap`.
    async fn touch_session(&self, token_hash: &str, now: Timestamp, expires: Timestamp) -> Result<()>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Signs a user out everywhere (after a password change, say), except `keep`.
    async fn delete_sessions_of(&self, user_id: i64, keep: Option<&str>) -> Result<()>;

    async fn create_sign_in_link(&self, token_hash: &str, user_id: i64, expires: Timestamp) -> Result<()>;
    /// Uses up a sign-in link: its user, if it existed and had not expired.
    async fn consume_sign_in_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<User>>;

    async fn record_sign_in_failure(&self, key: &str, at: Timestamp) -> Result<()>;
    async fn sign_in_failures_since(&self, key: &str, since: Timestamp) -> Result<u32>;

    async fn audit(&self, actor: Option<i64>, action: &str, subject: &str, detail: &str) -> Result<()>;
    /// Newest first.
    async fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>>;

    /// Creates a key named `name` (unique) acting as a user of its own with
    /// `role`; fails with [`crate::StoreError::Invalid`] when the name is taken.
    async fn create_api_key(&self, name: &str, role: Role, key_hash: &str) -> Result<ApiKey>;
    /// Every key, revoked ones too, oldest first.
    async fn api_keys(&self) -> Result<Vec<ApiKey>>;
    /// Revokes the named key (its user is disabled too); `false` when there is no such live key.
    async fn revoke_api_key(&self, name: &str) -> Result<bool>;
    /// The live key with this hash and the (enabled) user it acts as.
    async fn api_key_user(&self, key_hash: &str) -> Result<Option<(ApiKey, User)>>;
}
