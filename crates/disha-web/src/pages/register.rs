//! `/register` and `/verify/{token}`. Registering never says whether an address already has an account:
//! the page always asks the person to check their email, and the mail tells the owner what happened.

use super::notice::{Notice, notice_page, private, token_path};
use super::{Head, render};
use crate::auth::session_cookie;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use disha_core::{CoreError, SignedIn};
use disha_domain::FieldErrors;
use disha_store::NewMail;
use serde::Deserialize;

/// Registers an account and queues the right mail; shared by the page and the API.
///
/// # Errors
/// As [`disha_core::Accounts::register`].
pub async fn register_account(
    app: &AppState,
    email: &str,
    username: &str,
    password: &str,
    client: &str,
) -> Result<SignedIn, CoreError> {
    let t = &app.t;
    let hours = disha_core::accounts::VERIFY_HOURS;
    let name = username.trim().to_owned();
    app.accounts
        .register(email, username, password, client, |address, token| {
            let verify = NewMail {
                to: address.as_str().to_owned(),
                subject: t.get("verify_mail_subject").into_owned(),
                text: t.fmt(
                    "verify_mail_body",
                    &[
                        ("username", name.into()),
                        ("link", format!("{}/verify/{token}", app.base_url).into()),
                        ("hours", hours.into()),
                    ],
                ),
                headers: Vec::new(),
                kind: "verify".into(),
            };
            let taken = NewMail {
                to: address.as_str().to_owned(),
                subject: t.get("taken_mail_subject").into_owned(),
                text: t.fmt(
                    "taken_mail_body",
                    &[
                        ("signin", format!("{}/sign-in", app.base_url).into()),
                        ("reset", format!("{}/forgot-password", app.base_url).into()),
                    ],
                ),
                headers: Vec::new(),
                kind: "taken".into(),
            };
            (verify, taken)
        })
        .await
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterView<'a> {
    t: &'a Messages,
    head: Head,
    next: String,
    username: String,
    email: String,
    /// (field, message) pairs.
    errors: Vec<(String, String)>,
}

fn register_page(
    app: &AppState,
    next: &str,
    username: String,
    email: String,
    errors: Vec<(String, String)>,
) -> AppResult<String> {
    let t = &app.t;
    render(&RegisterView {
        t,
        next: super::dashboard::local_path(Some(next))
            .unwrap_or_default()
            .to_owned(),
        head: Head::new(
            app,
            format!("{} · {}", t.get("register_heading"), t.get("site_name")),
            t.get("register_description").into_owned(),
            "/register",
            "account",
        ),
        username,
        email,
        errors,
    })
}

/// `GET /register`; `?next=` is where the new student goes on from the "check your email" page.
pub async fn register_form(
    State(app): State<AppState>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> AppResult<Response> {
    let q: std::collections::HashMap<String, String> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let next = q.get("next").map(String::as_str).unwrap_or_default();
    let html = register_page(&app, next, String::new(), String::new(), Vec::new())?;
    Ok(private(Html(html).into_response()))
}

#[derive(Deserialize, Default)]
struct RegisterForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /register`: "check your email" whether or not the address was free, signed in to the new
/// (unverified) account; or the form again naming each bad field, with what was typed kept.
pub async fn register(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let f: RegisterForm = serde_urlencoded::from_bytes(&body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    let t = &app.t;
    let field_name = |f: &str| match f {
        "username" => t.get("register_username").into_owned(),
        "email" => t.get("sign_in_email").into_owned(),
        _ => t.get("sign_in_password").into_owned(),
    };
    match register_account(&app, &f.email, &f.username, &f.password, &client.0).await {
        Ok(signed) => {
            let mut resp = notice_page(
                &app,
                Notice {
                    path: "/register".into(),
                    section: "account",
                    description: t.get("register_description").into_owned(),
                    heading: t.get("register_sent_heading").into_owned(),
                    lead: t.fmt(
                        "register_sent_lead",
                        &[("hours", disha_core::accounts::VERIFY_HOURS.into())],
                    ),
                    action: String::new(),
                    button: String::new(),
                    link: super::dashboard::local_path(Some(&f.next))
                        .map(|n| (n.to_owned(), t.get("register_continue").into_owned())),
                },
            )?;
            resp.headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&app, &signed.token));
            Ok(resp)
        }
        Err(CoreError::Invalid(errs)) => {
            let list = errs
                .0
                .iter()
                .map(|e| {
                    (
                        e.field.clone(),
                        format!("{}: {}", field_name(&e.field), t.field_error(e)),
                    )
                })
                .collect();
            let html = register_page(&app, &f.next, f.username, f.email, list)?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(CoreError::Conflict { field, .. }) => {
            let list = vec![(
                field.clone(),
                format!(
                    "{}: {}",
                    field_name(&field),
                    t.get("register_username_taken")
                ),
            )];
            let html = register_page(&app, &f.next, f.username, f.email, list)?;
            Ok(private((StatusCode::CONFLICT, Html(html)).into_response()))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /verify/{token}`: a button that confirms. The link itself changes nothing, so mail scanners that
/// open links do not use it up.
pub async fn verify_form(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token_path(&token)?;
    let t = &app.t;
    notice_page(
        &app,
        Notice {
            path: "/verify".into(),
            section: "account",
            description: t.get("register_description").into_owned(),
            heading: t.get("verify_heading").into_owned(),
            lead: t.get("verify_lead").into_owned(),
            action: format!("/verify/{token}"),
            button: t.get("verify_button").into_owned(),
            link: None,
        },
    )
}

/// `POST /verify/{token}`: confirms the address.
pub async fn verify(State(app): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let token = token_path(&token)?.to_owned();
    let t = &app.t;
    let sign_in = Some(("/sign-in".to_owned(), t.get("sign_in_heading").into_owned()));
    let (status, heading, lead) = match app.accounts.verify_email(&token).await {
        Ok(_) => (StatusCode::OK, "verify_done_heading", "verify_done_lead"),
        Err(CoreError::NotFound) => (StatusCode::GONE, "verify_heading", "verify_expired"),
        Err(CoreError::Conflict { .. }) => (StatusCode::CONFLICT, "verify_heading", "verify_taken"),
        Err(e) => return Err(e.into()),
    };
    let mut resp = notice_page(
        &app,
        Notice {
            path: "/verify".into(),
            section: "account",
            description: t.get("register_description").into_owned(),
            heading: t.get(heading).into_owned(),
            lead: t.get(lead).into_owned(),
            action: String::new(),
            button: String::new(),
            link: sign_in,
        },
    )?;
    *resp.status_mut() = status;
    Ok(resp)
}
