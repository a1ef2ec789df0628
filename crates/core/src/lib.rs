//! Dateline's domain: the things a newsroom publishes and the rules they obey.
//!
//! No I/O and no async here: every function is a pure transformation, so the
//! rules can be tested without a database, a disk or a clock.

pub mod account;
pub mod article;
pub mod breaking;
pub mod contributor;
pub mod draft;
pub mod front_matter;
pub mod language;
pub mod markdown;
pub mod media;
pub mod problems;
pub mod section;
pub mod slug;
pub mod time;

pub use account::{Permission, Role};
pub use article::{Article, Body, LeadImage, Status};
pub use breaking::BreakingNews;
pub use contributor::{Contributor, ContributorKind};
pub use language::{Direction, Language};
pub use media::{ImageVariant, MediaInfo};
pub use problems::{Problem, Problems};
pub use section::Section;
pub use slug::Slug;
