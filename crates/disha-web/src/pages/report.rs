//! `/careers/{slug}/report`: a short form for telling editors about a mistake in a profile. It asks for no
//! name, email or phone number. A bad submission comes back with every problem named and the text kept; so
//! does one refused by the rate limit.

use super::{Head, render};
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_domain::{FieldErrors, MAX_REPORT_CHARS, ProfileSection, RawMistakeReport, Slug};
use disha_store::scopes;

struct Opt {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportView<'a> {
    t: &'a Messages,
    head: Head,
    slug: &'a str,
    title: &'a str,
    sections: Vec<Opt>,
    message: String,
    evidence_url: String,
    max_chars: usize,
    /// Problems to show above the form, each naming its field in words.
    errors: Vec<String>,
    bad_section: bool,
    bad_message: bool,
    bad_url: bool,
}

#[derive(Template)]
#[template(path = "report_thanks.html")]
struct ThanksView<'a> {
    t: &'a Messages,
    head: Head,
    slug: &'a str,
    back: String,
}

fn parse_slug(raw: &str) -> AppResult<Slug> {
    Slug::parse(raw).ok().ok_or(AppError::NotFound)
}

fn form<'a>(
    app: &'a AppState,
    slug: &'a str,
    title: &'a str,
    raw: &RawMistakeReport,
    errors: Vec<String>,
    bad: &[&str],
) -> ReportView<'a> {
    let t = &app.t;
    let chosen = raw.section.as_deref().unwrap_or_default();
    let head = Head::new(
        app,
        format!(
            "{} · {title} · {}",
            t.get("report_heading"),
            t.get("site_name")
        ),
        t.get("report_description").into_owned(),
        &format!("/careers/{slug}/report"),
        "careers",
    );
    ReportView {
        t,
        head,
        slug,
        title,
        sections: <ProfileSection as strum::VariantArray>::VARIANTS
            .iter()
            .map(|s| Opt {
                value: s.key(),
                label: t.get(&format!("section-{}", s.key())).into_owned(),
                selected: chosen == s.key(),
            })
            .collect(),
        message: raw.message.clone().unwrap_or_default(),
        evidence_url: raw.evidence_url.clone().unwrap_or_default(),
        max_chars: MAX_REPORT_CHARS,
        errors,
        bad_section: bad.contains(&"section"),
        bad_message: bad.contains(&"message"),
        bad_url: bad.contains(&"evidence_url"),
    }
}

fn field_errors(t: &Messages, errs: &FieldErrors) -> (Vec<String>, Vec<&'static str>) {
    let mut bad = Vec::new();
    let lines = errs
        .0
        .iter()
        .map(|e| {
            let (name, key) = match e.field.as_str() {
                "section" => (t.get("report_section"), "section"),
                "evidence_url" => (t.get("report_url"), "evidence_url"),
                _ => (t.get("report_message"), "message"),
            };
            bad.push(key);
            format!("{name}: {}", t.field_error(e))
        })
        .collect();
    (lines, bad)
}

/// `GET /careers/{slug}/report`: the empty form.
pub async fn report_form(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slug = parse_slug(&slug)?;
    let key = format!("page:/careers/{slug}/report");
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Html,
        &headers,
        || async {
            let c = app.library.summary(&slug).await?;
            render(&form(
                &app,
                c.slug.as_str(),
                &c.title,
                &RawMistakeReport::default(),
                Vec::new(),
                &[],
            ))
        },
    )
    .await
}

/// `POST /careers/{slug}/report`: store the report and go to the thank-you page, or show the form again.
pub async fn report_send(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let slug = parse_slug(&slug)?;
    let raw: RawMistakeReport = serde_urlencoded::from_bytes(&body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    // The title is needed only to show the form again, and comes from memory; the report itself checks
    // the career against the store.
    let title = app.library.summary(&slug).await?.title;
    match app.feedback.report_mistake(&slug, &raw, &client.0).await {
        Ok(_) => Ok(Redirect::to(&format!("/careers/{slug}/report/thanks")).into_response()),
        Err(CoreError::Invalid(errs)) => {
            let (lines, bad) = field_errors(&app.t, &errs);
            let html = render(&form(&app, slug.as_str(), &title, &raw, lines, &bad))?;
            Ok((StatusCode::BAD_REQUEST, Html(html)).into_response())
        }
        Err(CoreError::RateLimited { retry_after_secs }) => {
            let minutes = retry_after_secs.div_ceil(60);
            let line = app.t.fmt("report_limited", &[("minutes", minutes.into())]);
            let html = render(&form(&app, slug.as_str(), &title, &raw, vec![line], &[]))?;
            let mut resp = (StatusCode::TOO_MANY_REQUESTS, Html(html)).into_response();
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /careers/{slug}/report/thanks`: what happens next.
pub async fn report_thanks(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slug = parse_slug(&slug)?;
    let key = format!("page:/careers/{slug}/report/thanks");
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Html,
        &headers,
        || async {
            let p = app.library.summary(&slug).await?;
            let t = &app.t;
            render(&ThanksView {
                t,
                head: Head::new(
                    &app,
                    format!(
                        "{} · {}",
                        t.get("report_thanks_heading"),
                        t.get("site_name")
                    ),
                    t.get("report_description").into_owned(),
                    &format!("/careers/{slug}/report/thanks"),
                    "careers",
                ),
                slug: p.slug.as_str(),
                back: t.fmt("report_thanks_back", &[("title", p.title.as_str().into())]),
            })
        },
    )
    .await
}
