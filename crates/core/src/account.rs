//! Newsroom accounts: who may do what.
//!
//! Roles are cumulative: an author can do everything a contributor can, an
//! editor everything an author can, an admin everything. The web layer asks
//! [`Role::can`] before every action; this table is the one place the rules live.

use std::fmt;

use crate::Problems;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Writes drafts and submits them for review; cannot publish.
    Contributor,
    /// Publishes their own work.
    Author,
    /// Works on every article; manages contributors, sections, breaking news, the lexicon.
    Editor,
    /// Manages users and settings.
    Admin,
}

/// Things a signed-in person may try to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    UseNewsroom,
    WriteDrafts,
    PublishOwn,
    EditAnyArticle,
    PublishAny,
    ManageContributors,
    ManageSections,
    ManageBreaking,
    ManageLexicon,
    ManageMedia,
    ViewAudit,
    ManageUsers,
    ManageSettings,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Contributor, Role::Author, Role::Editor, Role::Admin];

    pub fn parse(s: &str) -> Result<Self, String> {
        Ok(match s {
            "contributor" => Role::Contributor,
            "author" => Role::Author,
            "editor" => Role::Editor,
            "admin" => Role::Admin,
            other => return Err(format!("'{other}' is not a role: use contributor, author, editor or admin")),
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Contributor => "contributor",
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// The least role that holds `permission`.
    fn least_for(permission: Permission) -> Role {
        use Permission::*;
        match permission {
            UseNewsroom | WriteDrafts | ManageMedia => Role::Contributor,
            PublishOwn => Role::Author,
            EditAnyArticle | PublishAny | ManageContributors | ManageSections | ManageBreaking | ManageLexicon
            | ViewAudit => Role::Editor,
            ManageUsers | ManageSettings => Role::Admin,
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        self >= Role::least_for(permission)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Shortest password accepted. Length beats composition rules (NIST SP 800-63B).
pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_CHARS: usize = 256;

/// Checks a new password; every problem at once.
pub fn check_password(password: &str, email: &str) -> Result<(), Problems> {
    let mut problems = Problems::new();
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        problems.add("password", format!("use at least {MIN_PASSWORD_CHARS} characters (a few words make a good one)"));
    }
    if chars > MAX_PASSWORD_CHARS {
        problems.add("password", format!("use at most {MAX_PASSWORD_CHARS} characters"));
    }
    if !email.is_empty() && password.to_lowercase().contains(&email.to_lowercase()) {
        problems.add("password", "do not use your email address in your password");
    }
    problems.into_result(())
}

/// Normalises and checks an email address (lowercase; one @; no spaces).
pub fn normalize_email(email: &str) -> Result<String, String> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split('@').count() == 2
        && email.split('@').all(|part| !part.is_empty())
        && email
            .rsplit('@')
            .next()
            .is_some_and(|domain| domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'))
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'));
    if valid { Ok(email) } else { Err(format!("'{email}' is not an email address")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn roles_are_cumulative_and_match_the_newsroom_rules() {
        let table = [
            (Role::Contributor, [true, true, false, false, false, false, false]),
            (Role::Author, [true, true, true, false, false, false, false]),
            (Role::Editor, [true, true, true, true, true, true, false]),
            (Role::Admin, [true, true, true, true, true, true, true]),
        ];
        let permissions =
            [UseNewsroom, WriteDrafts, PublishOwn, PublishAny, ManageBreaking, ManageLexicon, ManageUsers];
        for (role, expected) in table {
            for (p, want) in permissions.iter().zip(expected) {
                assert_eq!(role.can(*p), want, "{role} {p:?}");
            }
        }
    }

    #[test]
    fn roles_parse_and_print() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert!(Role::parse("owner").unwrap_err().contains("contributor, author, editor or admin"));
    }

    #[test]
    fn passwords_need_length_not_tricks() {
        assert!(check_password("correct horse battery", "a@b.org").is_ok());
        assert!(check_password("short", "a@b.org").unwrap_err().to_string().contains("at least 12"));
        assert!(check_password("amara@lakeside.news1", "amara@lakeside.news").is_err());
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(normalize_email(" Amara@Lakeside.News ").unwrap(), "amara@lakeside.news");
        for bad in ["", "amara", "a@b", "a@@b.org", "a b@c.org", "@b.org", "a@.org", "<a>@b.org"] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
    }
}
