//! The narration lexicon, edited by editors: one TOML file per language in
//! the data folder. A file is checked whole with the narrator's own parser
//! and saved only when every entry is valid (atomically: a narration never
//! reads half a file). The narration workers notice the change and re-narrate
//! only the sentences that use a changed entry.

use std::io::Write;
use std::path::Path;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dateline_core::Permission;
use dateline_voice::lexicon::Lexicon;
use minijinja::context;
use serde::Deserialize;

use super::{SignedIn, chrome};
use crate::{SharedState, WebError};

/// A language's file name: its primary subtag, 2–3 lowercase letters.
fn language_code(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_lowercase();
    (matches!(code.len(), 2 | 3) && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

fn languages(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.path().file_stem().and_then(|s| s.to_str()).and_then(language_code))
        .collect();
    if !found.contains(&"en".to_owned()) {
        found.push("en".into());
    }
    found.sort();
    found
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

struct LexiconPage<'a> {
    lang: &'a str,
    text: &'a str,
    errors: Vec<String>,
    saved: bool,
}

fn render(state: &SharedState, who: &SignedIn, status: StatusCode, page: LexiconPage) -> Result<Response, WebError> {
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-lexicon", &[]),
    language => page.lang, languages => languages(&state.site.lexicon_dir), text => page.text,
    errors => page.errors, saved => page.saved, ..chrome(state, who, "/newsroom/lexicon") };
    Ok((status, Html(state.templates.render("newsroom/lexicon.html", ctx)?)).into_response())
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

pub async fn page(
    State(state): State<SharedState>,
    who: SignedIn,
    Query(q): Query<LangQuery>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageLexicon)?;
    let lang = language_code(q.lang.as_deref().unwrap_or("en")).ok_or(WebError::BadRequest)?;
    let text = std::fs::read_to_string(state.site.lexicon_dir.join(format!("{lang}.toml"))).unwrap_or_default();
    render(&state, &who, StatusCode::OK, LexiconPage { lang: &lang, text: &text, errors: Vec::new(), saved: false })
}

#[derive(Deserialize)]
pub struct LexiconForm {
    csrf: String,
    lang: String,
    text: String,
}

pub async fn save(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(f): Form<LexiconForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageLexicon)?;
    who.check_csrf(&f.csrf)?;
    let lang = language_code(&f.lang).ok_or(WebError::BadRequest)?;
    let errors = match Lexicon::parse(&f.text) {
        Err(message) => vec![message],
        Ok((_, problems)) => problems.into_iter().map(|p| format!("{}: {}", p.text, p.message)).collect(),
    };
    if !errors.is_empty() {
        let page = LexiconPage { lang: &lang, text: &f.text, errors, saved: false };
        return render(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, page);
    }
    write_atomically(&state.site.lexicon_dir.join(format!("{lang}.toml")), &f.text)
        .map_err(|e| WebError::Setup(format!("cannot save the lexicon: {e}")))?;
    state.accounts.audit(Some(who.user.id), "lexicon-changed", &lang, "").await?;
    render(&state, &who, StatusCode::OK, LexiconPage { lang: &lang, text: &f.text, errors: Vec::new(), saved: true })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plain_language_codes_name_files() {
        assert_eq!(super::language_code("EN").as_deref(), Some("en"));
        assert_eq!(super::language_code("fil").as_deref(), Some("fil"));
        for bad in ["", "e", "../x", "en-GB", "engl", "e1"] {
            assert_eq!(super::language_code(bad), None, "{bad}");
        }
    }
}
