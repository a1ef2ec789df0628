//! The article editor: one form for new and existing articles. Saving is
//! always a new revision; a save based on an old revision is refused with the
//! differences shown and the person's text kept. Nothing is saved half-way:
//! every problem is shown next to its field and the form comes back as typed.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::draft::ArticleDraft;
use dateline_core::markdown::{ResolvedImage, image_sources};
use dateline_core::{Article, LeadImage, Permission, Problems, Status};
use dateline_store::accounts::User;
use dateline_store::editorial::{EditorialRow, SaveRefused};
use jiff::Timestamp;
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};

use super::{SignedIn, chrome, kept};
use crate::views::{ArticleView, Card};
use crate::{SharedState, WebError};

#[derive(Deserialize)]
pub struct EditorForm {
    csrf: String,
    /// The revision the form was opened at (text: flattened forms arrive as strings).
    #[serde(default)]
    revision: String,
    action: String,
    #[serde(flatten)]
    draft: ArticleDraft,
}

/// Whether `who` may change this article at all.
pub(super) fn may_edit(who: &SignedIn, row: Option<&EditorialRow>) -> bool {
    user_may_edit(&who.user, row)
}

/// Whether `who` may make (or keep) this article live.
pub(super) fn may_publish(who: &SignedIn, row: Option<&EditorialRow>) -> bool {
    user_may_publish(&who.user, row)
}

/// [`may_edit`] for any acting user (a person or an API key).
pub(crate) fn user_may_edit(user: &User, row: Option<&EditorialRow>) -> bool {
    match row {
        None => user.role.can(Permission::WriteDrafts),
        Some(r) => user.role.can(Permission::EditAnyArticle) || r.owner_id == Some(user.id),
    }
}

/// [`may_publish`] for any acting user (a person or an API key).
pub(crate) fn user_may_publish(user: &User, row: Option<&EditorialRow>) -> bool {
    let own = row.is_none_or(|r| r.owner_id == Some(user.id));
    user.role.can(Permission::PublishAny) || (own && user.role.can(Permission::PublishOwn))
}

#[derive(Serialize)]
struct SectionOption {
    slug: String,
    name: String,
}

/// An image the lead image may be chosen from.
#[derive(Serialize)]
struct ImageChoice {
    key: String,
    thumbnail: String,
    /// The alt text, shortened for a list of choices.
    label: String,
    credit: String,
}

/// How many of the newest library images the editor offers as lead images.
const LEAD_IMAGE_CHOICES: u32 = 500;

#[derive(Serialize, Default)]
struct Conflict {
    current: i64,
    fields: Vec<(String, String)>,
}

struct EditorPage<'a> {
    who: &'a SignedIn,
    /// The older revision loaded into the form, if restoring.
    restoring: Option<i64>,
    slug: Option<&'a str>,
    row: Option<&'a EditorialRow>,
    draft: &'a ArticleDraft,
    revision: i64,
    problems: &'a Problems,
    conflict: Option<Conflict>,
    saved: bool,
    /// The form holds text kept when the session ended before a save.
    kept: bool,
}

async fn render_editor(state: &SharedState, status: StatusCode, page: EditorPage<'_>) -> Result<Response, WebError> {
    let sections: Vec<SectionOption> = state
        .store
        .sections()
        .await?
        .into_iter()
        .map(|s| SectionOption { slug: s.slug.to_string(), name: s.name })
        .collect();
    let library: Vec<ImageChoice> = state
        .library
        .library(LEAD_IMAGE_CHOICES, 0)
        .await?
        .items
        .into_iter()
        .map(|i| ImageChoice {
            thumbnail: i.media.thumbnail_url(),
            key: i.media.key,
            label: super::short_label(&i.alt),
            credit: i.credit,
        })
        .collect();
    let errors: HashMap<&str, Vec<&str>> = page.problems.iter().fold(HashMap::new(), |mut m, p| {
        m.entry(p.field.as_str()).or_default().push(p.message.as_str());
        m
    });
    let action = match page.slug {
        Some(slug) => format!("/newsroom/articles/{slug}"),
        None => "/newsroom/articles/new".into(),
    };
    // The form shows exactly what is stored (so editor.js may forget a copy
    // it kept in the browser that equals it); autosave only for articles not live.
    let clean = page.problems.is_empty() && page.conflict.is_none() && page.restoring.is_none() && !page.kept;
    let autosave = match (page.slug, page.row) {
        (Some(slug), Some(row)) if row.status != Status::Published => {
            Some(format!("/newsroom/articles/{slug}/autosave"))
        }
        _ => None,
    };
    let title = match page.slug {
        Some(_) => state.messages.get("en", "editor-edit-title", &[]),
        None => state.messages.get("en", "editor-new-title", &[]),
    };
    let ctx = context! {
        page_title => title,
        action => action,
        slug => page.slug,
        draft => Serde(page.draft),
        revision => page.revision,
        status => page.row.map(|r| r.state(Timestamp::now())).unwrap_or("new"),
        sections => Serde(sections),
        library => Serde(library),
        errors => Serde(errors),
        error_count => page.problems.iter().count(),
        conflict => page.conflict.map(Serde),
        saved => page.saved,
        restoring => page.restoring,
        kept => page.kept,
        clean => clean,
        autosave => autosave,
        can_publish => may_publish(page.who, page.row),
        can_correct => page.row.is_some_and(|r| r.status == Status::Published) && page.who.user.role.can(Permission::EditAnyArticle),
        ..chrome(state, page.who, "/newsroom/")
    };
    let narration = match (page.slug, page.row) {
        (Some(slug), Some(row)) if row.status == Status::Published => narration_state(state, slug).await?,
        _ => None,
    };
    let ctx = context! { narration => narration, ..ctx };
    let html = state.templates.render("newsroom/editor.html", ctx)?;
    Ok((status, Html(html)).into_response())
}

/// What the newsroom says of a live article's narration: waiting, being made,
/// failed (with why), or ready (with its length).
async fn narration_state(state: &SharedState, slug: &str) -> Result<Option<String>, WebError> {
    use crate::i18n::Arg;
    let job = state.store.latest_job(slug, dateline_store::NARRATE).await?;
    Ok(match job.as_ref().map(|j| (j.state.as_str(), j.last_error.as_deref())) {
        Some(("queued", Some(error))) => {
            Some(state.messages.get("en", "narration-state-retrying", &[("error", Arg::Text(error.into()))]))
        }
        Some(("queued", None)) => Some(state.messages.get("en", "narration-state-queued", &[])),
        Some(("running", _)) => Some(state.messages.get("en", "narration-state-running", &[])),
        Some(("failed", error)) => Some(state.messages.get(
            "en",
            "narration-state-failed",
            &[("error", Arg::Text(error.unwrap_or("unknown").into()))],
        )),
        _ => match state.store.narration(slug).await? {
            Some(n) => {
                let minutes = crate::views::NarrationView::new(&n).minutes;
                Some(state.messages.get("en", "narration-state-ready", &[("minutes", Arg::Number(minutes as f64))]))
            }
            None => None,
        },
    })
}

/// The draft to edit: the latest revision, or (for imported articles) the article itself.
pub(crate) async fn current_draft(
    state: &SharedState,
    slug: &str,
    row: &EditorialRow,
) -> Result<ArticleDraft, WebError> {
    if row.revision > 0
        && let Some(json) = state.editorial.revision_draft(slug, row.revision).await?
        && let Some(draft) = ArticleDraft::from_json(&json)
    {
        return Ok(draft);
    }
    let article = state.store.article(slug).await?.ok_or(WebError::NotFound)?;
    Ok(ArticleDraft::from_article(&article))
}

pub async fn new_form(
    State(state): State<SharedState>,
    who: SignedIn,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    who.require(Permission::WriteDrafts)?;
    let kept = kept::take(&state, &headers, "/newsroom/articles/new").await?;
    let (revision, draft) =
        kept.clone().unwrap_or_else(|| (0, ArticleDraft { language: "en".into(), ..Default::default() }));
    let page = EditorPage {
        who: &who,
        restoring: None,
        slug: None,
        row: None,
        draft: &draft,
        revision,
        problems: &Problems::new(),
        conflict: None,
        saved: false,
        kept: kept.is_some(),
    };
    let response = render_editor(&state, StatusCode::OK, page).await?;
    Ok(if kept.is_some() { kept::forget(response) } else { response })
}

pub async fn edit_form(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(slug): Path<String>,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let row = state.editorial.editorial(&slug).await?.ok_or(WebError::NotFound)?;
    if !may_edit(&who, Some(&row)) {
        return Err(WebError::Forbidden);
    }
    let kept = kept::take(&state, &headers, &format!("/newsroom/articles/{slug}")).await?;
    let restoring = q.get("from").and_then(|n| n.parse::<i64>().ok()).filter(|_| kept.is_none());
    let draft = match (&kept, restoring) {
        (Some((_, draft)), _) => draft.clone(),
        (None, Some(n)) => {
            let json = state.editorial.revision_draft(&slug, n).await?.ok_or(WebError::NotFound)?;
            ArticleDraft::from_json(&json).ok_or(WebError::NotFound)?
        }
        (None, None) => current_draft(&state, &slug, &row).await?,
    };
    let page = EditorPage {
        who: &who,
        restoring,
        slug: Some(&slug),
        row: Some(&row),
        draft: &draft,
        revision: kept.as_ref().map_or(row.revision, |(revision, _)| *revision),
        problems: &Problems::new(),
        conflict: None,
        saved: q.contains_key("saved") && kept.is_none(),
        kept: kept.is_some(),
    };
    let response = render_editor(&state, StatusCode::OK, page).await?;
    Ok(if kept.is_some() { kept::forget(response) } else { response })
}

pub async fn create(
    State(state): State<SharedState>,
    who: Option<SignedIn>,
    headers: HeaderMap,
    Form(form): Form<EditorForm>,
) -> Result<Response, WebError> {
    match who {
        Some(who) => save(state, who, None, form).await,
        None => kept::sign_in_keeping(&state, &headers, "/newsroom/articles/new", &form.revision, &form.draft).await,
    }
}

pub async fn update(
    State(state): State<SharedState>,
    who: Option<SignedIn>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(form): Form<EditorForm>,
) -> Result<Response, WebError> {
    match who {
        Some(who) => save(state, who, Some(slug), form).await,
        None => {
            let path = format!("/newsroom/articles/{slug}");
            kept::sign_in_keeping(&state, &headers, &path, &form.revision, &form.draft).await
        }
    }
}

/// Inline images may be any stored image, written as `/media/KEY`.
pub(super) async fn resolve_images(
    state: &SharedState,
    markdown: &str,
) -> Result<HashMap<String, ResolvedImage>, WebError> {
    let mut found = HashMap::new();
    for src in image_sources(markdown) {
        if let Some(key) = src.strip_prefix("/media/")
            && let Some(media) = state.store.media(key).await?
        {
            found.insert(src.clone(), ResolvedImage { url: media.url(), width: media.width, height: media.height });
        }
    }
    Ok(found)
}

/// Builds the article the form describes, checking references the draft cannot.
pub(crate) async fn article_from_form(
    state: &SharedState,
    existing: Option<&Article>,
    draft: &ArticleDraft,
    status: Status,
) -> Result<Result<Article, Problems>, WebError> {
    let images = resolve_images(state, &draft.body).await?;
    let now = Timestamp::now();
    // References are checked from the draft's text, so they are reported
    // together with every other problem.
    let mut problems = Problems::new();
    let lead = match draft.lead_image.trim() {
        "" => None,
        key => match state.library.library_image(key).await? {
            Some(image) => Some(LeadImage {
                media: image.media.key,
                alt: image.alt,
                caption: None,
                credit: Some(image.credit).filter(|c| !c.is_empty()),
            }),
            None => {
                problems.add("lead_image", "choose an image from the media library");
                None
            }
        },
    };
    let section = draft.section.trim();
    if !section.is_empty() && state.store.section(section).await?.is_none() {
        problems.add("section", "choose a section");
    }
    for c in draft.contributors.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if state.store.contributor(c).await?.is_none() {
            problems.add("contributors", format!("'{c}' is not a contributor"));
        }
    }
    let mut article = match draft.to_article(status, &state.site.time_zone, &images, lead, now) {
        Ok(a) if problems.is_empty() => a,
        Ok(_) => return Ok(Err(problems)),
        Err(more) => {
            problems.extend(more);
            return Ok(Err(problems));
        }
    };
    // A live article keeps its publication time and gains an update time.
    if let Some(old) = existing.filter(|a| a.status == Status::Published && status == Status::Published) {
        if draft.publish_at.trim().is_empty() {
            article.published = old.published.clone();
        }
        article.updated = Some(now.to_zoned_datetime(state.site.time_zone.clone()));
    }
    Ok(Ok(article))
}

async fn save(state: SharedState, who: SignedIn, slug: Option<String>, form: EditorForm) -> Result<Response, WebError> {
    who.check_csrf(&form.csrf)?;
    let row = match &slug {
        Some(s) => Some(state.editorial.editorial(s).await?.ok_or(WebError::NotFound)?),
        None => None,
    };
    if !may_edit(&who, row.as_ref()) {
        return Err(WebError::Forbidden);
    }
    let existing = match &slug {
        Some(s) => state.store.article(s).await?,
        None => None,
    };
    let current_status = row.as_ref().map(|r| r.status).unwrap_or(Status::Draft);
    let status = match form.action.as_str() {
        "publish" => Status::Published,
        "unpublish" => Status::Unpublished,
        "submit" => Status::InReview,
        "save" | "preview" if current_status == Status::Published => Status::Published,
        "save" | "preview" => {
            if current_status == Status::InReview {
                Status::InReview
            } else {
                Status::Draft
            }
        }
        _ => return Err(WebError::BadRequest),
    };
    let changes_live = status == Status::Published || current_status == Status::Published;
    if changes_live && !may_publish(&who, row.as_ref()) {
        return Err(WebError::Forbidden);
    }
    let draft = form.draft;
    let base: i64 = form.revision.trim().parse().unwrap_or(0);
    let page = |problems, conflict| EditorPage {
        who: &who,
        restoring: None,
        slug: slug.as_deref(),
        row: row.as_ref(),
        draft: &draft,
        revision: base,
        problems,
        conflict,
        saved: false,
        kept: false,
    };
    let article = match article_from_form(&state, existing.as_ref(), &draft, status).await? {
        Ok(a) => a,
        Err(problems) => return render_editor(&state, StatusCode::UNPROCESSABLE_ENTITY, page(&problems, None)).await,
    };
    if form.action == "preview" {
        return preview(&state, &article).await;
    }
    let saved = state.editorial.save_revision(slug.as_deref(), &article, &draft.to_json(), who.user.id, base).await?;
    match saved {
        Ok(_) => {
            if status != current_status {
                let detail = format!("{} → {}", current_status.as_str(), status.as_str());
                state.accounts.audit(Some(who.user.id), "status-changed", article.slug.as_str(), &detail).await?;
            }
            Ok(Redirect::to(&format!("/newsroom/articles/{}?saved", article.slug)).into_response())
        }
        Err(SaveRefused::SlugTaken) => {
            let mut problems = Problems::new();
            problems.add("slug", format!("'{}' is used by another article: choose another", article.slug));
            render_editor(&state, StatusCode::CONFLICT, page(&problems, None)).await
        }
        Err(SaveRefused::Conflict { current }) => {
            let theirs = match &slug {
                Some(s) => match state.editorial.editorial(s).await? {
                    Some(r) => current_draft(&state, s, &r).await?,
                    None => ArticleDraft::default(),
                },
                None => ArticleDraft::default(),
            };
            let fields = draft
                .differences(&theirs)
                .into_iter()
                .map(|f| (f.to_owned(), field_value(&theirs, f).to_owned()))
                .collect();
            let none = Problems::new();
            render_editor(&state, StatusCode::CONFLICT, page(&none, Some(Conflict { current, fields }))).await
        }
    }
}

fn field_value<'a>(d: &'a ArticleDraft, field: &str) -> &'a str {
    match field {
        "headline" => &d.headline,
        "dek" => &d.dek,
        "slug" => &d.slug,
        "section" => &d.section,
        "tags" => &d.tags,
        "language" => &d.language,
        "dateline" => &d.dateline,
        "summary" => &d.summary,
        "lead_image" => &d.lead_image,
        "lead_caption" => &d.lead_caption,
        "body" => &d.body,
        "contributors" => &d.contributors,
        _ => &d.publish_at,
    }
}

/// The article page as readers would see it, from the unsaved form (no JavaScript needed).
async fn preview(state: &SharedState, article: &Article) -> Result<Response, WebError> {
    let section = state.store.section(article.section.as_str()).await?.ok_or(WebError::BadRequest)?;
    let mut cards = Vec::new();
    for c in state.store.contributors(&article.contributors).await? {
        let photo = match &c.photo {
            Some(key) => state.store.media(key).await?,
            None => None,
        };
        cards.push(Card::new(&c, photo.as_ref()));
    }
    let lead_media = match &article.lead_image {
        Some(lead) => state.store.media(&lead.media).await?,
        None => None,
    };
    let view = ArticleView::new(article, &section, lead_media.as_ref(), cards, None);
    let chrome = crate::chrome::Chrome::minimal(state);
    let ctx = context! { page_title => &article.headline, description => "", preview => true, article => Serde(view),
    ..chrome.into_context() };
    Ok(Html(state.templates.render("article.html", ctx)?).into_response())
}

#[derive(Serialize)]
struct RevisionView {
    number: i64,
    saved_by: String,
    saved: crate::views::TimeView,
    status: &'static str,
    /// Form labels of the fields this revision changed from the one before.
    changed: Vec<String>,
}

pub async fn history(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(slug): Path<String>,
) -> Result<Html<String>, WebError> {
    let row = state.editorial.editorial(&slug).await?.ok_or(WebError::NotFound)?;
    if !may_edit(&who, Some(&row)) {
        return Err(WebError::Forbidden);
    }
    let infos = state.editorial.revisions(&slug).await?;
    let mut drafts = HashMap::new();
    for r in &infos {
        let draft = state.editorial.revision_draft(&slug, r.number).await?.and_then(|j| ArticleDraft::from_json(&j));
        drafts.insert(r.number, draft.unwrap_or_default());
    }
    let revisions: Vec<RevisionView> = infos
        .into_iter()
        .map(|r| {
            let changed = match (drafts.get(&r.number), drafts.get(&(r.number - 1))) {
                (Some(now), Some(before)) => now
                    .differences(before)
                    .into_iter()
                    .map(|f| state.messages.get("en", &format!("editor-field-{f}"), &[]))
                    .collect(),
                _ => vec![state.messages.get("en", "history-first", &[])],
            };
            RevisionView {
                number: r.number,
                saved_by: r.saved_by.unwrap_or_else(|| "—".into()),
                saved: crate::views::TimeView::new(&r.saved.to_zoned_datetime(state.site.time_zone.clone())),
                status: r.status.as_str(),
                changed,
            }
        })
        .collect();
    let ctx = context! { page_title => &row.headline, slug => &slug, revisions => Serde(revisions), ..chrome(&state, &who, "/newsroom/") };
    Ok(Html(state.templates.render("newsroom/history.html", ctx)?))
}

/// Articles the person may work on: all for editors, their own otherwise.
pub async fn rows_for(state: &SharedState, who: &SignedIn) -> Result<Vec<EditorialRow>, WebError> {
    let owner = (!who.user.role.can(Permission::EditAnyArticle)).then_some(who.user.id);
    Ok(state.editorial.newsroom_articles(owner).await?)
}

#[derive(Deserialize)]
pub struct CorrectionForm {
    csrf: String,
    text: String,
}

/// Editors add a correction to a published article: shown on the page, read
/// in the narration (made again), and audited.
pub async fn add_correction(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(slug): Path<String>,
    Form(form): Form<CorrectionForm>,
) -> Result<Response, WebError> {
    who.require(Permission::EditAnyArticle)?;
    who.check_csrf(&form.csrf)?;
    let text = form.text.trim();
    if text.is_empty() || text.chars().count() > 1000 {
        return Err(WebError::BadRequest);
    }
    if !state.editorial.add_correction(&slug, text, who.user.id, Timestamp::now()).await? {
        return Err(WebError::NotFound);
    }
    state.accounts.audit(Some(who.user.id), "correction-added", &slug, text).await?;
    Ok(Redirect::to(&format!("/newsroom/articles/{slug}?saved")).into_response())
}
