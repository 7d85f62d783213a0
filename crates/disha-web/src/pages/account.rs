//! `/sign-in`, `/account` and `/sign-out` for people, with the session in a cookie. A sign-in issues a new
//! session id every time, so an id planted before sign-in is never the one that ends up signed in.

use super::notice::{private, token_path};
use super::{Head, render};
use crate::auth::{Viewer, cleared_cookie, session_cookie};
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_domain::FieldErrors;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInView<'a> {
    t: &'a Messages,
    head: Head,
    next: String,
    email: String,
    error: String,
    notice: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountView<'a> {
    t: &'a Messages,
    head: Head,
    signed_in_as: String,
    role: String,
    verified: bool,
    editor: bool,
}

#[derive(Deserialize, Default)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn sign_in_page(
    app: &AppState,
    next: &str,
    email: String,
    error: String,
    notice: String,
) -> AppResult<String> {
    let t = &app.t;
    render(&SignInView {
        t,
        next: super::dashboard::local_path(Some(next))
            .unwrap_or_default()
            .to_owned(),
        head: Head::new(
            app,
            format!("{} · {}", t.get("sign_in_heading"), t.get("site_name")),
            t.get("sign_in_description").into_owned(),
            "/sign-in",
            "account",
        ),
        email,
        error,
        notice,
    })
}

#[derive(Deserialize, Default)]
struct SignInQuery {
    #[serde(default)]
    reset: Option<String>,
    #[serde(default)]
    next: String,
}

/// `GET /sign-in`; after a password reset (`?reset=1`) it says the new password is set.
pub async fn sign_in_form(
    State(app): State<AppState>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> AppResult<Response> {
    let q: SignInQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let notice = if q.reset.is_some() {
        app.t.get("reset_done").into_owned()
    } else {
        String::new()
    };
    let html = sign_in_page(&app, &q.next, String::new(), String::new(), notice)?;
    Ok(private(Html(html).into_response()))
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
            let to = super::dashboard::local_path(Some(&form.next)).unwrap_or("/account");
            let mut resp = Redirect::to(to).into_response();
            resp.headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&app, &signed.token));
            Ok(private(resp))
        }
        Err(CoreError::Unauthenticated) => {
            let html = sign_in_page(
                &app,
                &form.next,
                form.email,
                app.t.get("sign_in_failed").into_owned(),
                String::new(),
            )?;
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
        verified: account.verified,
        editor: account.role.edits(),
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

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    lead: String,
    /// Where the form posts; empty for a page with no form.
    action: String,
    /// `email` for the request form, `password` for the new-password form.
    field: &'static str,
    error: String,
}

fn password_page(
    app: &AppState,
    path: &str,
    heading_id: &str,
    lead: String,
    action: String,
    field: &'static str,
    error: String,
) -> AppResult<Response> {
    let t = &app.t;
    let heading = t.get(heading_id).into_owned();
    let html = render(&PasswordView {
        t,
        head: Head::new(
            app,
            format!("{heading} · {}", t.get("site_name")),
            t.get("sign_in_description").into_owned(),
            path,
            "account",
        ),
        heading,
        lead,
        action,
        field,
        error,
    })?;
    Ok(private(Html(html).into_response()))
}

#[derive(Deserialize, Default)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize, Default)]
struct PasswordForm {
    #[serde(default)]
    password: String,
}

fn form<T: serde::de::DeserializeOwned>(body: &[u8]) -> AppResult<T> {
    serde_urlencoded::from_bytes(body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })
}

/// `GET /forgot-password`.
pub async fn forgot_form(State(app): State<AppState>) -> AppResult<Response> {
    let lead = app.t.get("forgot_lead").into_owned();
    password_page(
        &app,
        "/forgot-password",
        "forgot_heading",
        lead,
        "/forgot-password".into(),
        "email",
        String::new(),
    )
}

/// `POST /forgot-password`: mails a reset link when the address has an account, and says the same thing
/// whether or not it does.
pub async fn forgot(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let f: EmailForm = form(&body)?;
    let t = &app.t;
    app.accounts
        .request_password_reset(&f.email, &client.0, |email, token| disha_store::NewMail {
            to: email.as_str().to_owned(),
            subject: t.get("reset_mail_subject").into_owned(),
            text: t.fmt(
                "reset_mail_body",
                &[
                    (
                        "link",
                        format!("{}/reset-password/{token}", app.base_url).into(),
                    ),
                    ("hours", disha_core::accounts::RESET_HOURS.into()),
                ],
            ),
            headers: Vec::new(),
            kind: "reset".into(),
        })
        .await?;
    let lead = t.get("forgot_sent").into_owned();
    password_page(
        &app,
        "/forgot-password",
        "forgot_heading",
        lead,
        String::new(),
        "email",
        String::new(),
    )
}

/// `GET /reset-password/{token}`: the new-password form.
pub async fn reset_form(
    State(app): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> AppResult<Response> {
    let lead = app.t.get("reset_lead").into_owned();
    let action = format!("/reset-password/{}", token_path(&token)?);
    password_page(
        &app,
        "/reset-password",
        "reset_heading",
        lead,
        action,
        "password",
        String::new(),
    )
}

/// `POST /reset-password/{token}`: sets the password and sends the person to sign in.
pub async fn reset(
    State(app): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let token = token_path(&token)?.to_owned();
    let f: PasswordForm = form(&body)?;
    let action = format!("/reset-password/{token}");
    match app.accounts.reset_password(&token, &f.password).await {
        Ok(()) => Ok(private(Redirect::to("/sign-in?reset=1").into_response())),
        Err(CoreError::Invalid(errs)) => {
            let line = errs
                .0
                .first()
                .map(|e| {
                    format!(
                        "{}: {}",
                        app.t.get("reset_new_password"),
                        app.t.field_error(e)
                    )
                })
                .unwrap_or_default();
            let lead = app.t.get("reset_lead").into_owned();
            let mut resp = password_page(
                &app,
                "/reset-password",
                "reset_heading",
                lead,
                action,
                "password",
                line,
            )?;
            *resp.status_mut() = StatusCode::BAD_REQUEST;
            Ok(resp)
        }
        Err(CoreError::NotFound) => {
            let lead = app.t.get("reset_expired").into_owned();
            let mut resp = password_page(
                &app,
                "/reset-password",
                "reset_heading",
                lead,
                String::new(),
                "password",
                String::new(),
            )?;
            *resp.status_mut() = StatusCode::GONE;
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}
