//! API keys in the newsroom (admins): list, make one (shown once, on the
//! answer to the form, never again), revoke. The same store calls as
//! `dateline apikey`.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::{Permission, Role};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};

use super::{SignedIn, chrome, token_hash};
use crate::views::TimeView;
use crate::{SharedState, WebError};

#[derive(Serialize)]
struct KeyRow {
    id: i64,
    name: String,
    role: &'static str,
    created: TimeView,
    revoked: Option<TimeView>,
}

/// The page; `made` is a key just made (shown this once), `error` a refusal.
async fn render(
    state: &SharedState,
    who: &SignedIn,
    status: StatusCode,
    made: Option<(&str, &str)>,
    error: Option<String>,
) -> Result<Response, WebError> {
    let zone = state.site.time_zone.clone();
    let keys: Vec<KeyRow> = state
        .accounts
        .api_keys()
        .await?
        .into_iter()
        .map(|k| KeyRow {
            id: k.id,
            name: k.name,
            role: k.role.as_str(),
            created: TimeView::new(&k.created.to_zoned_datetime(zone.clone())),
            revoked: k.revoked.map(|t| TimeView::new(&t.to_zoned_datetime(zone.clone()))),
        })
        .collect();
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let ctx = context! {
        page_title => state.messages.get("en", "newsroom-nav-api-keys", &[]),
        keys => Serde(keys),
        roles => roles,
        made => made.map(|(name, key)| context! { name => name, key => key }),
        error => error,
        ..chrome(state, who, "/newsroom/api-keys")
    };
    Ok((status, Html(state.templates.render("newsroom/api_keys.html", ctx)?)).into_response())
}

pub async fn page(State(state): State<SharedState>, who: SignedIn) -> Result<Response, WebError> {
    who.require(Permission::ManageUsers)?;
    render(&state, &who, StatusCode::OK, None, None).await
}

#[derive(Deserialize)]
pub struct NewKeyForm {
    csrf: String,
    name: String,
    role: String,
}

pub async fn create(
    State(state): State<SharedState>,
    who: SignedIn,
    Form(form): Form<NewKeyForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageUsers)?;
    who.check_csrf(&form.csrf)?;
    let role = Role::parse(&form.role).map_err(|_| WebError::BadRequest)?;
    let key = crate::api::new_key()?;
    match state.accounts.create_api_key(&form.name, role, &token_hash(&key)).await {
        Ok(made) => {
            state.accounts.audit(Some(who.user.id), "api-key-added", &made.name, role.as_str()).await?;
            render(&state, &who, StatusCode::OK, Some((&made.name, &key)), None).await
        }
        Err(dateline_store::StoreError::Invalid(why)) => {
            render(&state, &who, StatusCode::UNPROCESSABLE_ENTITY, None, Some(why)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RevokeForm {
    csrf: String,
}

pub async fn revoke(
    State(state): State<SharedState>,
    who: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<RevokeForm>,
) -> Result<Response, WebError> {
    who.require(Permission::ManageUsers)?;
    who.check_csrf(&form.csrf)?;
    let key = state.accounts.api_keys().await?.into_iter().find(|k| k.id == id).ok_or(WebError::NotFound)?;
    if state.accounts.revoke_api_key(&key.name).await? {
        state.accounts.audit(Some(who.user.id), "api-key-revoked", &key.name, "").await?;
    }
    Ok(Redirect::to("/newsroom/api-keys").into_response())
}
