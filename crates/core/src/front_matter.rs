//! Content files: TOML front matter between `+++` lines, then a Markdown body.
//!
//! Parsing only: turning the values into an [`crate::Article`] needs the store
//! (sections, contributors, images) and happens in the importer.

use serde::Deserialize;

/// A problem in one file, with the line it is on when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: Option<usize>,
    pub message: String,
}

impl FileProblem {
    pub fn new(line: Option<usize>, message: impl Into<String>) -> Self {
        Self { line, message: message.into() }
    }
}

/// A time as written: a TOML date-time (`2026-11-20T08:30:00Z`) or a string
/// (which may carry a zone: `"2026-11-20T08:30:00+00:00[Europe/London]"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum TimeValue {
    Toml(toml::value::Datetime),
    Text(String),
}

impl TimeValue {
    pub fn text(&self) -> String {
        match self {
            TimeValue::Toml(d) => d.to_string(),
            TimeValue::Text(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadImageFront {
    pub file: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// The front matter of an article file. Unknown keys are refused, so a typo
/// never silently drops a field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFront {
    pub headline: String,
    pub dek: Option<String>,
    pub slug: Option<String>,
    pub section: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub dateline: Option<String>,
    pub published: Option<TimeValue>,
    pub updated: Option<TimeValue>,
    #[serde(default)]
    pub contributors: Vec<String>,
    #[serde(default)]
    pub summary: Vec<String>,
    /// Keep the article out of the site even when it has a publication time.
    #[serde(default)]
    pub draft: bool,
    pub lead_image: Option<LeadImageFront>,
}

/// A parsed article file.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleFile {
    pub front: ArticleFront,
    pub body: String,
}

/// Splits and parses an article file.
pub fn parse_article(text: &str) -> Result<ArticleFile, FileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(FileProblem::new(Some(1), "the file must start with a +++ line opening the TOML front matter"));
    }
    let front_start = first.len();
    let mut offset = front_start;
    let mut closing = None;
    for line in lines {
        if line.trim_end() == "+++" {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start)) = closing else {
        return Err(FileProblem::new(None, "the front matter is not closed: add a +++ line after it"));
    };
    let front_text = &text[front_start..front_end];
    let front: ArticleFront = toml::from_str(front_text).map_err(|e| {
        // Lines in the file: the opening +++ is line 1, the front matter starts on line 2.
        let line = e.span().map(|span| 2 + front_text[..span.start.min(front_text.len())].matches('\n').count());
        FileProblem::new(line, format!("front matter: {}", e.message().trim()))
    })?;
    Ok(ArticleFile { front, body: text[body_start..].trim_start_matches(['\r', '\n']).to_owned() })
}

/// `contributors/<slug>.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributorFile {
    pub slug: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub bio: String,
    pub photo: Option<String>,
}

/// `sections.toml`: `[[section]]` tables in navigation order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionsFile {
    #[serde(default)]
    pub section: Vec<SectionEntry>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    pub slug: String,
    pub name: String,
    pub language: Option<String>,
}

/// Parses a whole TOML file (contributors, sections), locating errors by line.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, FileProblem> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|span| 1 + text[..span.start.min(text.len())].matches('\n').count());
        FileProblem::new(line, e.message().trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nheadline = \"Rivers rise\"\nsection = \"world\"\npublished = 2026-11-20T08:30:00Z\ntags = [\"a\"]\n\n[lead_image]\nfile = \"images/x.jpg\"\nalt = \"A river\"\n+++\n\nThe body.\n";

    #[test]
    fn parses_front_matter_and_body() {
        let file = parse_article(GOOD).unwrap();
        assert_eq!(file.front.headline, "Rivers rise");
        assert_eq!(file.front.published.unwrap().text(), "2026-11-20T08:30:00Z");
        assert_eq!(file.front.lead_image.unwrap().alt.as_deref(), Some("A river"));
        assert_eq!(file.body, "The body.\n");
    }

    #[test]
    fn accepts_zoned_times_as_strings() {
        let text = GOOD.replace("2026-11-20T08:30:00Z", "\"2026-11-20T08:30:00+00:00[Europe/London]\"");
        let file = parse_article(&text).unwrap();
        assert_eq!(file.front.published.unwrap().text(), "2026-11-20T08:30:00+00:00[Europe/London]");
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let text = GOOD.replace("tags = [\"a\"]", "tags = [\"a\"]\nauthor = \"Someone\"");
        let problem = parse_article(&text).unwrap_err();
        assert_eq!(problem.line, Some(6));
        assert!(problem.message.contains("unknown field `author`"), "{}", problem.message);
    }

    #[test]
    fn malformed_front_matter_names_the_line() {
        let text = GOOD.replace("section = \"world\"", "section = world\"");
        let problem = parse_article(&text).unwrap_err();
        assert_eq!(problem.line, Some(3), "{problem:?}");
    }

    #[test]
    fn missing_fences_and_fields_are_explained() {
        assert_eq!(parse_article("headline = \"x\"").unwrap_err().line, Some(1));
        assert!(parse_article("+++\nheadline = \"x\"\n").unwrap_err().message.contains("not closed"));
        let missing = parse_article("+++\nheadline = \"x\"\n+++\nbody").unwrap_err();
        assert!(missing.message.contains("missing field `section`"), "{}", missing.message);
    }

    #[test]
    fn parses_contributors_and_sections() {
        let c: ContributorFile = parse_toml("slug = \"a\"\nname = \"A\"\nkind = \"desk\"\n").unwrap();
        assert_eq!(c.kind, "desk");
        let s: SectionsFile = parse_toml("[[section]]\nslug = \"world\"\nname = \"World\"\n").unwrap();
        assert_eq!(s.section.len(), 1);
        let bad = parse_toml::<ContributorFile>("slug = \"a\"\nname = \"A\"\nkind = \"desk\"\nage = 3\n").unwrap_err();
        assert_eq!(bad.line, Some(4));
    }
}
