//! `/dashboard`: a signed-in student's results, saved careers with each step's status and note and a progress
//! bar, the college shortlist and what to do next; the forms that change them (each answers with a redirect
//! back, so they work without script); downloading their data and deleting the account.

use super::notice::{Notice, notice_page, private};
use super::{Head, render};
use crate::auth::{Viewer, cleared_cookie};
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_core::guidance::Dashboard;
use disha_domain::{FieldErrors, StepStatus};
use std::collections::HashMap;
use strum::VariantArray;

/// A local path to come back to: one slash, then not a second (`//host` would leave the site).
#[must_use]
pub fn local_path(next: Option<&str>) -> Option<&str> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
}

/// The sign-in page, coming back to `path` afterwards.
#[must_use]
pub fn sign_in_then(path: &str) -> String {
    format!(
        "/sign-in?{}",
        serde_urlencoded::to_string([("next", path)]).unwrap_or_default()
    )
}

fn form(body: &Bytes) -> AppResult<HashMap<String, String>> {
    serde_urlencoded::from_bytes(body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })
}

struct StatusOpt {
    value: &'static str,
    label: String,
    selected: bool,
}

struct StepRow {
    number: usize,
    key: String,
    title: String,
    detail: String,
    status_key: &'static str,
    status_label: String,
    statuses: Vec<StatusOpt>,
    note: String,
}

struct CareerBox {
    slug: String,
    title: String,
    percent: u8,
    progress: String,
    steps: Vec<StepRow>,
}

struct ResultRow {
    id: String,
    code: String,
    label: String,
    date: String,
}

struct CollegeRow {
    slug: String,
    name: String,
    place: String,
}

struct NextRow {
    career_slug: String,
    career: String,
    step: String,
    colleges_href: String,
    colleges_label: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardView<'a> {
    t: &'a Messages,
    head: Head,
    latest: Option<ResultRow>,
    history: Vec<ResultRow>,
    careers: Vec<CareerBox>,
    colleges: Vec<CollegeRow>,
    next: Vec<NextRow>,
    errors: Vec<String>,
}

fn view<'a>(app: &'a AppState, d: Dashboard, errors: Vec<String>) -> DashboardView<'a> {
    let t = &app.t;
    let status_label = |s: StepStatus| {
        t.get(&format!("status-{}", <&'static str>::from(s)))
            .into_owned()
    };
    let mut results = d.results.iter().map(|r| ResultRow {
        id: r.id.clone(),
        code: r.assessment.scores.code(),
        label: t.fmt(
            "result_code",
            &[("code", r.assessment.scores.code().into())],
        ),
        date: t.fmt(
            "dashboard_taken",
            &[("date", format::date(r.taken_at).into())],
        ),
    });
    DashboardView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", t.get("dashboard_title"), t.get("site_name")),
            t.get("dashboard_description").into_owned(),
            "/dashboard",
            "assessment",
        ),
        latest: results.next(),
        history: results.collect(),
        careers: d
            .careers
            .iter()
            .map(|c| CareerBox {
                slug: c.career.slug.as_str().to_owned(),
                title: c.career.title.clone(),
                percent: c.percent(),
                progress: t.fmt(
                    "dashboard_progress",
                    &[
                        ("finished", c.finished().into()),
                        ("total", c.steps.len().into()),
                    ],
                ),
                steps: c
                    .steps
                    .iter()
                    .map(|s| StepRow {
                        number: s.number,
                        key: s.key.clone(),
                        title: s.title.clone(),
                        detail: s.detail.clone(),
                        status_key: <&'static str>::from(s.status),
                        status_label: status_label(s.status),
                        statuses: StepStatus::VARIANTS
                            .iter()
                            .map(|v| StatusOpt {
                                value: <&'static str>::from(*v),
                                label: status_label(*v),
                                selected: *v == s.status,
                            })
                            .collect(),
                        note: s.note.clone(),
                    })
                    .collect(),
            })
            .collect(),
        colleges: d
            .colleges
            .iter()
            .map(|c| CollegeRow {
                slug: c.slug.as_str().to_owned(),
                name: c.name.clone(),
                place: if c.district.is_empty() {
                    c.state.to_owned()
                } else {
                    format!("{}, {}", c.district, c.state)
                },
            })
            .collect(),
        next: d
            .next
            .iter()
            .map(|n| NextRow {
                career_slug: n.career.slug.as_str().to_owned(),
                career: n.career.title.clone(),
                step: n.step.as_ref().map_or_else(
                    || t.get("dashboard_next_done").into_owned(),
                    |s| {
                        t.fmt(
                            "dashboard_next_step",
                            &[
                                ("number", s.number.into()),
                                ("title", s.title.clone().into()),
                            ],
                        )
                    },
                ),
                colleges_href: n
                    .course
                    .as_ref()
                    .map(|c| format!("/colleges?course={}", c.slug))
                    .unwrap_or_default(),
                colleges_label: n
                    .course
                    .as_ref()
                    .map(|c| {
                        t.fmt(
                            "dashboard_next_colleges",
                            &[("course", c.name.clone().into())],
                        )
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        errors,
    }
}

/// The dashboard again with a 400 and each problem named, for a form that could not be taken.
async fn refused(app: &AppState, account_id: i64, lines: Vec<String>) -> AppResult<Response> {
    let d = app.guidance.dashboard(account_id).await?;
    let html = render(&view(app, d, lines))?;
    Ok(private(
        (StatusCode::BAD_REQUEST, Html(html)).into_response(),
    ))
}

/// `GET /dashboard`; sends others to sign in first.
pub async fn dashboard(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let Some(account) = viewer.account else {
        return Ok(private(
            Redirect::to(&sign_in_then("/dashboard")).into_response(),
        ));
    };
    let d = app.guidance.dashboard(account.id).await?;
    let html = render(&view(&app, d, Vec::new()))?;
    Ok(private(Html(html).into_response()))
}

async fn keep(
    app: &AppState,
    viewer: Viewer,
    body: &Bytes,
    back: String,
    change: impl AsyncFnOnce(&AppState, i64) -> Result<(), CoreError>,
) -> AppResult<Response> {
    let f = form(body)?;
    let next = local_path(f.get("next").map(String::as_str))
        .unwrap_or("/dashboard")
        .to_owned();
    let Some(account) = viewer.account else {
        return Ok(Redirect::to(&sign_in_then(&back)).into_response());
    };
    change(app, account.id).await?;
    Ok(Redirect::to(&next).into_response())
}

/// `POST /dashboard/careers/{slug}`: saves a career (signing in first when needed).
pub async fn save_career(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let back = format!("/careers/{slug}");
    keep(&app, viewer, &body, back, async |app: &AppState, id| {
        app.guidance.keep_career(id, &slug, true).await
    })
    .await
}

/// `POST /dashboard/careers/{slug}/remove`.
pub async fn remove_career(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    keep(
        &app,
        viewer,
        &body,
        "/dashboard".into(),
        async |app: &AppState, id| app.guidance.keep_career(id, &slug, false).await,
    )
    .await
}

/// `POST /dashboard/colleges/{slug}`: shortlists a college (signing in first when needed).
pub async fn shortlist_college(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let back = format!("/colleges/{slug}");
    keep(&app, viewer, &body, back, async |app: &AppState, id| {
        app.guidance.keep_college(id, &slug, true).await
    })
    .await
}

/// `POST /dashboard/colleges/{slug}/remove`.
pub async fn remove_college(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    keep(
        &app,
        viewer,
        &body,
        "/dashboard".into(),
        async |app: &AppState, id| app.guidance.keep_college(id, &slug, false).await,
    )
    .await
}

/// `POST /dashboard/steps/{key}`: a step's status and note; the dashboard again at that step, or with the
/// problem named.
pub async fn set_step(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(key): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let f = form(&body)?;
    let Some(account) = viewer.account else {
        return Ok(Redirect::to(&sign_in_then("/dashboard")).into_response());
    };
    let status = f.get("status").map(String::as_str).unwrap_or_default();
    match app
        .guidance
        .set_step(account.id, &key, status, f.get("note").map(String::as_str))
        .await
    {
        Ok(step) => Ok(Redirect::to(&format!("/dashboard#step-{}", step.key)).into_response()),
        Err(CoreError::Invalid(errs)) => {
            let lines = errs
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, app.t.field_error(e)))
                .collect();
            refused(&app, account.id, lines).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /account/delete`: with the right password, deletes the account and everything kept about the
/// student, ends the session and says so.
pub async fn delete_account(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let f = form(&body)?;
    let Some(account) = viewer.account else {
        return Ok(Redirect::to(&sign_in_then("/dashboard")).into_response());
    };
    let password = f.get("password").map(String::as_str).unwrap_or_default();
    if let Err(e) = app
        .accounts
        .confirm_password(&account, password, &client.0)
        .await
    {
        return match e {
            CoreError::Invalid(errs) => {
                let lines = errs
                    .0
                    .iter()
                    .map(|e| {
                        format!(
                            "{}: {}",
                            app.t.get("dashboard_delete_password"),
                            app.t.field_error(e)
                        )
                    })
                    .collect();
                refused(&app, account.id, lines).await
            }
            other => Err(other.into()),
        };
    }
    app.guidance.delete_account(account.id).await?;
    let t = &app.t;
    let mut resp = notice_page(
        &app,
        Notice {
            path: "/account/delete".into(),
            section: "account",
            description: t.get("dashboard_deleted_lead").into_owned(),
            heading: t.get("dashboard_deleted_heading").into_owned(),
            lead: t.get("dashboard_deleted_lead").into_owned(),
            action: String::new(),
            button: String::new(),
            link: None,
        },
    )?;
    resp.headers_mut()
        .insert(header::SET_COOKIE, cleared_cookie(&app));
    Ok(private(resp))
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_are_followed_after_signing_in() {
        assert_eq!(local_path(Some("/dashboard")), Some("/dashboard"));
        for away in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "dashboard",
        ] {
            assert_eq!(local_path(Some(away)), None, "{away}");
        }
    }
}
