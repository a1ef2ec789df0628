//! Contributors and sections, managed by editors. A slug, once made, stays:
//! pages and articles link to it. Every problem is shown at once; nothing
//! is saved until all is valid. A contributor's photo is chosen from the
//! media library and stored cropped to 16:9, the shape cards show.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::{Contributor, ContributorKind, Language, Permission, Problems, Section, Slug};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};

use super::{SignedIn, chrome};
use crate::{SharedState, WebError};

#[derive(Serialize, Deserialize, Default)]
pub struct ContributorForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    bio: String,
    /// A media key: the current photo, a library image to crop, or empty for none.
    #[serde(default)]
    photo: String,
}

#[derive(Serialize, Deserialize, Default)]
pub struct SectionForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    position: String,
}

impl From<Contributor> for ContributorForm {
    fn from(c: Contributor) -> Self {
        Self {
            csrf: String::new(),
            slug: c.slug.to_string(),
            name: c.name,
            kind: c.kind.as_str().into(),
            bio: c.bio,
            photo: c.photo.unwrap_or_default(),
        }
    }
}

impl From<Section> for SectionForm {
    fn from(s: Section) -> Self {
        Self {
            csrf: String::new(),
            slug: s.slug.to_string(),
            name: s.name,
            language: s.language.to_string(),
            position: s.position.to_string(),
        }
    }
}

/// Which catalogue a page shows.
struct Catalogue {
    template: &'static str,
    title_id: &'static str,
    url: &'static str,
}

const CONTRIBUTORS: Catalogue = Catalogue {
    template: "newsroom/contributors.html",
    title_id: "newsroom-nav-contributors",
    url: "/newsroom/contributors",
};
const SECTIONS: Catalogue =
    Catalogue { template: "newsroom/sections.html", title_id: "newsroom-nav-sections", url: "/newsroom/sections" };

/// A library image a contributor photo may be made from.
#[derive(Serialize)]
struct PhotoChoice {
    key: String,
    /// The alt text, shortened for a list of choices.
    label: String,
}

/// How many of the newest library images the contributor form offers.
const PHOTO_CHOICES: u32 = 500;

/// A catalogue page: the list, and the form (new, or editing one entry) with its problems.
fn render<T: Serialize>(
    state: &SharedState,
    who: &SignedIn,
    (catalogue, status): (&Catalogue, StatusCode),
    rows: Vec<T>,
    form: &T,
    (editing, errors): (bool, Vec<String>),
    photos: Vec<PhotoChoice>,
) -> Result<Response, WebError> {
    let ctx = context! { page_title => state.messages.get("en", catalogue.title_id, &[]),
    rows => Serde(rows), form => Serde(form), editing => editing, errors => errors, photos => Serde(photos),
    ..chrome(state, who, catalogue.url) };
    Ok((status, Html(state.templates.render(catalogue.template, ctx)?)).into_response())
}

fn problem_list(p: &Problems) -> Vec<String> {
    p.iter().map(|p| format!("{}: {}", p.field, p.message)).collect()
}

// ------------------------------------------------------------- contributors

async fn contributors_page(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    form: &ContributorForm,
    editing: bool,
    errors: Vec<String>,
) -> Result<Response, WebError> {
    let rows = state.store.all_contributors().await?.into_iter().map(ContributorForm::from).collect();
    let library = state.library.library(PHOTO_CHOICES, 0).await?.items;
    let photos =
        library.into_iter().map(|i| PhotoChoice { key: i.media.key, label: super::short_label(&i.alt) }).collect();
    render(state, who, (&CONTRIBUTORS, status), rows, form, (editing, errors), photos)
}

pub async fn contributors(State(state): State<SharedState>, who: SignedIn) -> Result<Response, WebError> {
    who.require(Permission::ManageContributors)?;
    let form = ContributorForm { kind: "person".into(), ..Default::default() };
    contributors_page(&state, &who, StatusCode::OK, &form, false, Vec::new()).await
}

pub async fn edit_contributor(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageContributors)?;
    let form = ContributorForm::from(state.store.contributor(&slug).await?.ok_or(WebError::NotFound)?);
    contributors_page(&state, &who, StatusCode::OK, &form, true, Vec::new()).await
}

pub async fn save_contributor(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(form): Form<ContributorForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageContributors)?;
    who.check_csrf(&form.csrf)?;
    let existing = state.store.contributor(form.slug.trim()).await?;
    let mut problems = Problems::new();
    let slug = Slug::parse(form.slug.trim()).map_err(|e| problems.add("slug", e)).ok();
    let kind = ContributorKind::parse(&form.kind).map_err(|e| problems.add("kind", e)).ok();
    if let (Some(slug), Some(kind)) = (slug, kind) {
        let current = existing.as_ref().and_then(|c| c.photo.clone());
        let mut c = Contributor { slug, name: form.name.trim().into(), kind, bio: form.bio.trim().into(), photo: None };
        match c.validate() {
            Ok(()) => match chosen_photo(&state, form.photo.trim(), current).await? {
                Ok(photo) => {
                    c.photo = photo;
                    state.store.save_contributor(&c).await?;
                    let action = if existing.is_some() { "contributor-changed" } else { "contributor-added" };
                    state.accounts.audit(Some(who.user.id), action, c.slug.as_str(), &c.name).await?;
                    return Ok(Redirect::to("/newsroom/contributors").into_response());
                }
                Err(message) => problems.add("photo", message),
            },
            Err(p) => problems.extend(p),
        }
    }
    let errors = problem_list(&problems);
    contributors_page(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, &form, existing.is_some(), errors).await
}

/// The photo key to store: none, the current one kept, or a 16:9 crop of a
/// library image (made and stored now, after everything else was checked).
async fn chosen_photo(
    state: &SharedState,
    chosen: &str,
    current: Option<String>,
) -> Result<Result<Option<String>, String>, WebError> {
    if chosen.is_empty() {
        return Ok(Ok(None));
    }
    if current.as_deref() == Some(chosen) {
        return Ok(Ok(current));
    }
    let Some(image) = state.library.library_image(chosen).await? else {
        return Ok(Err("choose a photo from the media library".into()));
    };
    let Some(path) = state.store.media_files().path(&image.media.key) else {
        return Ok(Err("choose a photo from the media library".into()));
    };
    let bytes = tokio::fs::read(&path).await.map_err(dateline_store::StoreError::from)?;
    let cropped = tokio::task::spawn_blocking(move || dateline_store::images::prepare_16_9(&bytes))
        .await
        .map_err(|e| WebError::Setup(format!("cropping a photo failed: {e}")))?;
    match cropped {
        Ok(prepared) => Ok(Ok(Some(state.store.put_image(prepared).await?.key))),
        Err(e) => Ok(Err(format!("the chosen image {e}"))),
    }
}

// ----------------------------------------------------------------- sections

async fn sections_page(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    form: &SectionForm,
    editing: bool,
    errors: Vec<String>,
) -> Result<Response, WebError> {
    let rows = state.store.sections().await?.into_iter().map(SectionForm::from).collect();
    render(state, who, (&SECTIONS, status), rows, form, (editing, errors), Vec::new())
}

pub async fn sections(State(state): State<SharedState>, who: SignedIn) -> Result<Response, WebError> {
    who.require(Permission::ManageSections)?;
    let next = state.store.sections().await?.len();
    let form = SectionForm { language: "en".into(), position: next.to_string(), ..Default::default() };
    sections_page(&state, &who, StatusCode::OK, &form, false, Vec::new()).await
}

pub async fn edit_section(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageSections)?;
    let form = SectionForm::from(state.store.section(&slug).await?.ok_or(WebError::NotFound)?);
    sections_page(&state, &who, StatusCode::OK, &form, true, Vec::new()).await
}

pub async fn save_section(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(form): Form<SectionForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageSections)?;
    who.check_csrf(&form.csrf)?;
    let existing = state.store.section(form.slug.trim()).await?;
    let mut problems = Problems::new();
    let slug = Slug::parse(form.slug.trim()).map_err(|e| problems.add("slug", e)).ok();
    let language = Language::parse(form.language.trim()).map_err(|e| problems.add("language", e)).ok();
    let position =
        form.position.trim().parse::<i64>().map_err(|_| problems.add("position", "write a whole number")).ok();
    if let (Some(slug), Some(language), Some(position)) = (slug, language, position) {
        let s = Section { slug, name: form.name.trim().into(), language, position };
        match s.validate() {
            Ok(()) => {
                state.store.save_section(&s).await?;
                let action = if existing.is_some() { "section-changed" } else { "section-added" };
                state.accounts.audit(Some(who.user.id), action, s.slug.as_str(), &s.name).await?;
                return Ok(Redirect::to("/newsroom/sections").into_response());
            }
            Err(p) => problems.extend(p),
        }
    }
    let errors = problem_list(&problems);
    sections_page(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, &form, existing.is_some(), errors).await
}
