//! Newsroom pages behind sign-in: the dashboard, password change, users
//! (admins) and the audit log (editors).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::account::check_password;
use dateline_core::{Permission, Role};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};

use super::auth::{hash_password, verify_password};
use super::{SignedIn, chrome};
use crate::views::TimeView;
use crate::{SharedState, WebError};

#[derive(Serialize)]
struct ArticleRow {
    slug: String,
    headline: String,
    status: &'static str,
    owner: String,
    modified: TimeView,
}

pub async fn dashboard(State(state): State<SharedState>, who: SignedIn) -> Result<Html<String>, WebError> {
    who.require(Permission::UseNewsroom)?;
    let zone = state.site.time_zone.clone();
    let now = jiff::Timestamp::now();
    let articles: Vec<ArticleRow> = super::editor::rows_for(&state, &who)
        .await?
        .into_iter()
        .map(|r| ArticleRow {
            status: r.state(now),
            owner: r.owner_name.unwrap_or_else(|| "—".into()),
            modified: TimeView::new(&r.modified.to_zoned_datetime(zone.clone())),
            slug: r.slug,
            headline: r.headline,
        })
        .collect();
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-articles", &[]), articles => Serde(articles),
    ..chrome(&state, &who, "/newsroom/") };
    Ok(Html(state.templates.render("newsroom/dashboard.html", ctx)?))
}

fn password_page(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    errors: Vec<String>,
    done: bool,
) -> Result<Response, WebError> {
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-password", &[]),
    needs_current => who.user.password_hash.is_some(), errors => errors, done => done,
    ..chrome(state, who, "/newsroom/password") };
    Ok((status, Html(state.templates.render("newsroom/password.html", ctx)?)).into_response())
}

pub async fn password_form(State(state): State<SharedState>, who: SignedIn) -> Result<Response, WebError> {
    password_page(&state, &who, StatusCode::OK, Vec::new(), false)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    #[serde(default)]
    current: String,
    new: String,
    repeat: String,
}

pub async fn password_submit(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    who.check_csrf(&f.csrf)?;
    let mut errors = Vec::new();
    if who.user.password_hash.is_some() && !verify_password(&f.current, who.user.password_hash.as_deref()) {
        errors.push(state.messages.get("en", "password-current-wrong", &[]));
    }
    if let Err(problems) = check_password(&f.new, &who.user.email) {
        errors.extend(problems.iter().map(|p| p.message.clone()));
    }
    if f.new != f.repeat {
        errors.push(state.messages.get("en", "password-mismatch", &[]));
    }
    if !errors.is_empty() {
        return password_page(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, errors, false);
    }
    state.accounts.set_password(who.user.id, &hash_password(&f.new)?).await?;
    // Every other session signs in again with the new password.
    state.accounts.delete_sessions_of(who.user.id, Some(&who.session.token_hash)).await?;
    state.accounts.audit(Some(who.user.id), "password-changed", &who.user.email, "").await?;
    password_page(&state, &who, StatusCode::OK, Vec::new(), true)
}

#[derive(Serialize)]
struct UserRow {
    id: i64,
    name: String,
    email: String,
    role: &'static str,
    is_me: bool,
}

pub async fn users(State(state): State<SharedState>, who: SignedIn) -> Result<Html<String>, WebError> {
    who.require(Permission::ManageUsers)?;
    let rows: Vec<UserRow> = state
        .accounts
        .users()
        .await?
        .into_iter()
        .map(|u| UserRow { is_me: u.id == who.user.id, id: u.id, name: u.name, email: u.email, role: u.role.as_str() })
        .collect();
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-users", &[]), users => Serde(rows),
    roles => roles, ..chrome(&state, &who, "/newsroom/users") };
    Ok(Html(state.templates.render("newsroom/users.html", ctx)?))
}

#[derive(Deserialize)]
pub struct RoleForm {
    csrf: String,
    role: String,
}

pub async fn set_role(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(id): Path<i64>,
    Form(f): Form<RoleForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageUsers)?;
    who.check_csrf(&f.csrf)?;
    let role = Role::parse(&f.role).map_err(|_| WebError::BadRequest)?;
    let user = state.accounts.user(id).await?.ok_or(WebError::NotFound)?;
    // An admin cannot demote themself: a newsroom must never lose its last admin by accident.
    if user.id == who.user.id {
        return Err(WebError::BadRequest);
    }
    if user.role != role {
        state.accounts.set_role(user.id, role).await?;
        let detail = format!("{} → {}", user.role, role);
        state.accounts.audit(Some(who.user.id), "role-changed", &user.email, &detail).await?;
    }
    Ok(Redirect::to("/newsroom/users").into_response())
}

#[derive(Serialize)]
struct AuditRow {
    at: TimeView,
    actor: String,
    action: String,
    subject: String,
    detail: String,
}

pub async fn audit(State(state): State<SharedState>, who: SignedIn) -> Result<Html<String>, WebError> {
    who.require(Permission::ViewAudit)?;
    let rows: Vec<AuditRow> = state
        .accounts
        .audit_log(200)
        .await?
        .into_iter()
        .map(|e| AuditRow {
            at: TimeView::new(&e.at.to_zoned_datetime(state.site.time_zone.clone())),
            actor: e.actor.unwrap_or_else(|| "—".into()),
            action: e.action,
            subject: e.subject,
            detail: e.detail,
        })
        .collect();
    let ctx = context! { page_title => state.messages.get("en", "newsroom-nav-audit", &[]), entries => Serde(rows),
    ..chrome(&state, &who, "/newsroom/audit") };
    Ok(Html(state.templates.render("newsroom/audit.html", ctx)?))
}
