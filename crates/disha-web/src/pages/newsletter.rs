//! The newsletter for people: subscribing (the footer form on every page and `/newsletter` with topics),
//! confirming by the mailed link, unsubscribing in one click (RFC 8058: the `List-Unsubscribe-Post` a mail
//! program sends is a plain POST to the same address), and the editors' page for sending an issue.

use super::notice::{Notice, notice_page, private, token_path};
use super::{Head, render};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_core::newsletter::CONFIRM_HOURS;
use disha_domain::{Email, SchoolStream};
use disha_store::{NewMail, Reader};
use strum::VariantArray;

/// The confirmation mail for `email` with `token`.
#[must_use]
pub fn confirm_mail(app: &AppState, email: &Email, token: &str) -> NewMail {
    let t = &app.t;
    NewMail {
        to: email.as_str().to_owned(),
        subject: t.get("newsletter_confirm_mail_subject").into_owned(),
        text: t.fmt(
            "newsletter_confirm_mail_body",
            &[
                (
                    "link",
                    format!("{}/newsletter/confirm/{token}", app.base_url).into(),
                ),
                ("hours", CONFIRM_HOURS.into()),
            ],
        ),
        headers: Vec::new(),
        kind: "newsletter-confirm".into(),
    }
}

/// One reader's copy of an issue, with the RFC 8058 one-click unsubscribe headers and the same link at its
/// foot.
#[must_use]
pub fn issue_mail(app: &AppState, subject: &str, body: &str, reader: &Reader) -> NewMail {
    let link = format!(
        "{}/newsletter/unsubscribe/{}",
        app.base_url, reader.unsubscribe_token
    );
    NewMail {
        to: reader.email.clone(),
        subject: subject.trim().to_owned(),
        text: format!(
            "{}\n\n{}",
            body.trim_end(),
            app.t
                .fmt("newsletter_issue_footer", &[("link", link.clone().into())])
        ),
        headers: vec![
            ("List-Unsubscribe".into(), format!("<{link}>")),
            (
                "List-Unsubscribe-Post".into(),
                "List-Unsubscribe=One-Click".into(),
            ),
        ],
        kind: "newsletter".into(),
    }
}

fn topics(t: &Messages) -> Vec<(&'static str, String)> {
    SchoolStream::VARIANTS
        .iter()
        .map(|s| (s.key(), t.school_stream(*s).into_owned()))
        .collect()
}

#[derive(Template)]
#[template(path = "newsletter.html")]
struct SubscribeView<'a> {
    t: &'a Messages,
    head: Head,
    email: String,
    topics: Vec<(&'static str, String)>,
    errors: Vec<String>,
}

fn notice(
    app: &AppState,
    path: &str,
    heading: &str,
    lead: String,
    action: String,
    button: &str,
) -> AppResult<Response> {
    let t = &app.t;
    notice_page(
        app,
        Notice {
            path: path.to_owned(),
            section: "newsletter",
            description: t.get("newsletter_description").into_owned(),
            heading: t.get(heading).into_owned(),
            lead,
            action,
            button: if button.is_empty() {
                String::new()
            } else {
                t.get(button).into_owned()
            },
            link: Some(("/".into(), t.get("site_name").into_owned())),
        },
    )
}

fn subscribe_page(app: &AppState, email: String, errors: Vec<String>) -> AppResult<String> {
    let t = &app.t;
    render(&SubscribeView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", t.get("newsletter_heading"), t.get("site_name")),
            t.get("newsletter_description").into_owned(),
            "/newsletter",
            "newsletter",
        ),
        email,
        topics: topics(t),
        errors,
    })
}

/// `GET /newsletter`.
pub async fn newsletter(State(app): State<AppState>) -> AppResult<Response> {
    let html = subscribe_page(&app, String::new(), Vec::new())?;
    Ok(Html(html).into_response())
}

/// `POST /newsletter`: "check your email", whether or not the address was already subscribed.
pub async fn subscribe(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).map_err(|_e| {
        let mut errs = disha_domain::FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    let email = pairs
        .iter()
        .find(|(k, _)| k == "email")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let interests: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "interests")
        .map(|(_, v)| v.clone())
        .collect();
    match app
        .newsletter
        .subscribe(&email, &interests, &client.0, |e, token| {
            confirm_mail(&app, e, token)
        })
        .await
    {
        Ok(()) => notice(
            &app,
            "/newsletter",
            "newsletter_check_heading",
            app.t
                .fmt("newsletter_check_lead", &[("hours", CONFIRM_HOURS.into())]),
            String::new(),
            "",
        ),
        Err(CoreError::Invalid(errs)) => {
            let list = errs
                .0
                .iter()
                .map(|e| {
                    let label = if e.field == "email" {
                        app.t.get("sign_in_email")
                    } else {
                        app.t.get("newsletter_topics")
                    };
                    format!("{label}: {}", app.t.field_error(e))
                })
                .collect();
            let html = subscribe_page(&app, email, list)?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /newsletter/confirm/{token}`: a button, so a mail scanner opening the link confirms nothing.
pub async fn confirm_form(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token_path(&token)?;
    notice(
        &app,
        "/newsletter/confirm",
        "newsletter_confirm_heading",
        app.t.get("newsletter_confirm_lead").into_owned(),
        format!("/newsletter/confirm/{token}"),
        "newsletter_confirm_button",
    )
}

/// `POST /newsletter/confirm/{token}`.
pub async fn confirm(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token_path(&token)?.to_owned();
    match app.newsletter.confirm(&token).await {
        Ok(()) => notice(
            &app,
            "/newsletter/confirm",
            "newsletter_confirmed_heading",
            app.t.get("newsletter_confirmed_lead").into_owned(),
            String::new(),
            "",
        ),
        Err(CoreError::NotFound) => {
            let mut resp = notice(
                &app,
                "/newsletter/confirm",
                "newsletter_confirm_heading",
                app.t.get("newsletter_confirm_expired").into_owned(),
                String::new(),
                "",
            )?;
            *resp.status_mut() = StatusCode::GONE;
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /newsletter/unsubscribe/{token}`: the one button.
pub async fn unsubscribe_form(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token_path(&token)?;
    notice(
        &app,
        "/newsletter/unsubscribe",
        "newsletter_unsubscribe_heading",
        app.t.get("newsletter_unsubscribe_lead").into_owned(),
        format!("/newsletter/unsubscribe/{token}"),
        "newsletter_unsubscribe_button",
    )
}

/// `POST /newsletter/unsubscribe/{token}`: from the button or from a mail program's one-click request.
pub async fn unsubscribe(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token_path(&token)?.to_owned();
    app.newsletter.unsubscribe(&token).await?;
    notice(
        &app,
        "/newsletter/unsubscribe",
        "newsletter_unsubscribed_heading",
        app.t.get("newsletter_unsubscribed_lead").into_owned(),
        String::new(),
        "",
    )
}

#[derive(Template)]
#[template(path = "newsletter_send.html")]
struct SendView<'a> {
    t: &'a Messages,
    head: Head,
    note: String,
    errors: Vec<String>,
    subject: String,
    body: String,
    topics: Vec<(&'static str, String)>,
}

fn send_page(
    app: &AppState,
    note: String,
    errors: Vec<String>,
    subject: String,
    body: String,
) -> AppResult<String> {
    let t = &app.t;
    render(&SendView {
        t,
        head: Head::new(
            app,
            format!(
                "{} · {}",
                t.get("newsletter_send_heading"),
                t.get("site_name")
            ),
            t.get("newsletter_description").into_owned(),
            "/newsletter/send",
            "account",
        ),
        note,
        errors,
        subject,
        body,
        topics: topics(t),
    })
}

/// `GET /newsletter/send`: editors only.
pub async fn send_form(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let Some(who) = viewer.account else {
        return Ok(private(Redirect::to("/sign-in").into_response()));
    };
    if !who.role.edits() {
        return Err(AppError::Forbidden);
    }
    let html = send_page(
        &app,
        String::new(),
        Vec::new(),
        String::new(),
        String::new(),
    )?;
    Ok(private(Html(html).into_response()))
}

#[derive(serde::Deserialize, Default)]
struct SendForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    interest: String,
}

/// `POST /newsletter/send`: queues the issue and says to how many readers.
pub async fn send(State(app): State<AppState>, viewer: Viewer, body: Bytes) -> AppResult<Response> {
    let who = viewer.account.ok_or(AppError::Unauthorized)?;
    let f: SendForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    match app
        .newsletter
        .send_issue(
            &who,
            &f.subject,
            &f.body,
            (!f.interest.is_empty()).then_some(f.interest.as_str()),
            |r| issue_mail(&app, &f.subject, &f.body, r),
        )
        .await
    {
        Ok(n) => {
            let note = app.t.fmt("newsletter_sent", &[("count", n.into())]);
            let html = send_page(&app, note, Vec::new(), String::new(), String::new())?;
            Ok(private(Html(html).into_response()))
        }
        Err(CoreError::Invalid(errs)) => {
            let list = errs.0.iter().map(|e| app.t.field_error(e)).collect();
            let html = send_page(&app, String::new(), list, f.subject, f.body)?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}
