//! `/sign-in`, `/account` and `/sign-out` for people, with the session in a cookie. A sign-in issues a new
//! session id every time, so an id planted before sign-in is never the one that ends up signed in.

use super::{Head, render};
use crate::auth::{Viewer, cleared_cookie, session_cookie};
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_domain::FieldErrors;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInView<'a> {
    t: &'a Messages,
    head: Head,
    email: String,
    error: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountView<'a> {
    t: &'a Messages,
    head: Head,
    signed_in_as: String,
    role: String,
}

#[derive(Deserialize, Default)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

fn private(mut resp: Response) -> Response {
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    resp
}

fn sign_in_page(app: &AppState, email: String, error: String) -> AppResult<String> {
    let t = &app.t;
    render(&SignInView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", t.get("sign_in_heading"), t.get("site_name")),
            t.get("sign_in_description").into_owned(),
            "/sign-in",
            "account",
        ),
        email,
        error,
    })
}

/// `GET /sign-in`.
pub async fn sign_in_form(State(app): State<AppState>) -> AppResult<Response> {
    Ok(private(
        Html(sign_in_page(&app, String::new(), String::new())?).into_response(),
    ))
}

/// `POST /sign-in`: a new session and its cookie, then the account page; or the form again with one message
/// that does not say which part was wrong.
pub async fn sign_in(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let form: SignInForm = serde_urlencoded::from_bytes(&body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    match app
        .accounts
        .sign_in(&form.email, &form.password, &client.0)
        .await
    {
        Ok(signed) => {
            let mut resp = Redirect::to("/account").into_response();
            resp.headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&app, &signed.token));
            Ok(private(resp))
        }
        Err(CoreError::Unauthenticated) => {
            let html = sign_in_page(&app, form.email, app.t.get("sign_in_failed").into_owned())?;
            Ok(private(
                (StatusCode::UNAUTHORIZED, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /account`: who is signed in, with a sign-out button; sends others to sign in.
pub async fn account(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let Some(account) = viewer.account else {
        return Ok(private(Redirect::to("/sign-in").into_response()));
    };
    let t = &app.t;
    let html = render(&AccountView {
        t,
        head: Head::new(
            &app,
            format!("{} · {}", t.get("account_heading"), t.get("site_name")),
            t.get("sign_in_description").into_owned(),
            "/account",
            "account",
        ),
        signed_in_as: t.fmt(
            "account_signed_in_as",
            &[("username", account.username.as_str().into())],
        ),
        role: t.get(&format!("role-{}", account.role.key())).into_owned(),
    })?;
    Ok(private(Html(html).into_response()))
}

/// `POST /sign-out`: ends the session in the database and clears the cookie.
pub async fn sign_out(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    if let Some(token) = viewer.token {
        app.accounts.sign_out(&token).await?;
    }
    let mut resp = Redirect::to("/").into_response();
    resp.headers_mut()
        .insert(header::SET_COOKIE, cleared_cookie(&app));
    Ok(private(resp))
}
