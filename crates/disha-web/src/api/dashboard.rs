//! `/api/dashboard`: a signed-in student's results, saved careers with their steps, shortlisted colleges and
//! next steps; and `/api/user/data`, everything kept about them, which they can download or delete.

use super::assessment::ResultJson;
use super::colleges::CollegeSummaryJson;
use super::{private_json, to_json};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use disha_core::guidance::{Dashboard, TrackedStep};
use disha_domain::{Account, FieldErrors, StepStatus};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A step of a saved career.
#[derive(Debug, Serialize, ToSchema)]
pub struct StepJson {
    /// Its number in the career's roadmap.
    pub number: usize,
    /// Its key, for `PUT /api/dashboard/steps/{key}`; careers with the same step share it.
    pub key: String,
    /// Its heading.
    pub title: String,
    /// What to do.
    pub detail: String,
    /// Where the student is with it.
    pub status: StepStatus,
    /// Their note.
    pub note: String,
}

impl From<&TrackedStep> for StepJson {
    fn from(s: &TrackedStep) -> Self {
        Self {
            number: s.number,
            key: s.key.clone(),
            title: s.title.clone(),
            detail: s.detail.clone(),
            status: s.status,
            note: s.note.clone(),
        }
    }
}

/// A saved career and the student's progress along it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SavedCareerJson {
    /// Its slug.
    pub slug: String,
    /// Its name.
    pub title: String,
    /// Steps done or skipped.
    pub finished: usize,
    /// Steps in all (0 for a US occupation, which has no roadmap).
    pub total: usize,
    /// Progress, 0–100.
    pub percent: u8,
    /// The numbered steps.
    pub steps: Vec<StepJson>,
}

/// What to do next for a saved career.
#[derive(Debug, Serialize, ToSchema)]
pub struct NextStepJson {
    /// The career's slug.
    pub career: String,
    /// The career's name.
    pub title: String,
    /// Its first step not yet done or skipped.
    pub step: Option<StepJson>,
    /// The first course leading to it, e.g. "B.E./B.Tech in Computer Science and Engineering".
    pub course: Option<String>,
    /// The colleges teaching that course.
    pub colleges_url: Option<String>,
}

/// A student's dashboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardJson {
    /// Their latest result.
    pub latest: Option<ResultJson>,
    /// Every result, newest first.
    pub results: Vec<ResultJson>,
    /// Saved careers, newest first.
    pub careers: Vec<SavedCareerJson>,
    /// Shortlisted colleges, newest first.
    pub colleges: Vec<CollegeSummaryJson>,
    /// Suggested next steps.
    pub next: Vec<NextStepJson>,
}

impl From<Dashboard> for DashboardJson {
    fn from(d: Dashboard) -> Self {
        let results: Vec<ResultJson> = d.results.iter().map(ResultJson::from).collect();
        Self {
            latest: d.results.first().map(ResultJson::from),
            results,
            careers: d
                .careers
                .iter()
                .map(|c| SavedCareerJson {
                    slug: c.career.slug.as_str().to_owned(),
                    title: c.career.title.clone(),
                    finished: c.finished(),
                    total: c.steps.len(),
                    percent: c.percent(),
                    steps: c.steps.iter().map(StepJson::from).collect(),
                })
                .collect(),
            colleges: d
                .colleges
                .into_iter()
                .map(CollegeSummaryJson::from)
                .collect(),
            next: d
                .next
                .iter()
                .map(|n| NextStepJson {
                    career: n.career.slug.as_str().to_owned(),
                    title: n.career.title.clone(),
                    step: n.step.as_ref().map(StepJson::from),
                    course: n.course.as_ref().map(|c| c.name.clone()),
                    colleges_url: n
                        .course
                        .as_ref()
                        .map(|c| format!("/colleges?course={}", c.slug)),
                })
                .collect(),
        }
    }
}

/// A step's new status.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StepUpdate {
    /// `not-started`, `learning`, `done` or `skipped`.
    #[schema(value_type = StepStatus, required = true)]
    pub status: Option<String>,
    /// A note of up to 1,000 characters (line breaks and tabs allowed, no other control characters); empty
    /// clears it.
    #[schema(
        max_length = 1000,
        pattern = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
    )]
    pub note: Option<String>,
}

/// The password again, before deleting an account.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeleteAccount {
    /// The account's password.
    pub password: Option<String>,
}

fn signed_in(viewer: Viewer) -> AppResult<Account> {
    viewer.account.ok_or(AppError::Unauthorized)
}

fn bad_body(what: &str, e: &serde_json::Error) -> AppError {
    let mut errs = FieldErrors::default();
    errs.push("body", format!("is not {what}: {e}"));
    AppError::Unprocessable(errs)
}

/// The dashboard
///
/// The signed-in student's results, saved careers with each step's status and their progress, shortlisted
/// colleges and suggested next steps.
#[utoipa::path(
    get,
    path = "/api/dashboard",
    tag = "dashboard",
    security(("Token" = [])),
    responses(
        (status = 200, description = "The dashboard", body = DashboardJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn dashboard(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    let d = app.guidance.dashboard(account.id).await?;
    Ok(private_json(
        StatusCode::OK,
        to_json(&DashboardJson::from(d))?,
    ))
}

/// Save a career
///
/// Adds a published career to the dashboard; saving it again changes nothing.
#[utoipa::path(
    put,
    path = "/api/dashboard/careers/{slug}",
    tag = "dashboard",
    params(("slug" = String, Path, description = "The career's slug")),
    security(("Token" = [])),
    responses(
        (status = 204, description = "Saved"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "No published career has this slug", body = ErrorBody),
    )
)]
pub async fn save_career(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    app.guidance.keep_career(account.id, &slug, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove a saved career
///
/// Takes a career off the dashboard; the status of its steps is kept, for careers that share them.
#[utoipa::path(
    delete,
    path = "/api/dashboard/careers/{slug}",
    tag = "dashboard",
    params(("slug" = String, Path, description = "The career's slug")),
    security(("Token" = [])),
    responses(
        (status = 204, description = "Removed (or was not saved)"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "Not a slug", body = ErrorBody),
    )
)]
pub async fn unsave_career(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    app.guidance.keep_career(account.id, &slug, false).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Set a step's status
///
/// Marks a step of a saved career `not-started`, `learning`, `done` or `skipped`, with an optional note. A
/// step several saved careers share changes for all of them.
#[utoipa::path(
    put,
    path = "/api/dashboard/steps/{key}",
    tag = "dashboard",
    params(("key" = String, Path, description = "The step's key, from the dashboard")),
    request_body(content = StepUpdate, content_type = "application/json"),
    security(("Token" = [])),
    responses(
        (status = 200, description = "The step", body = StepJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "None of the student's saved careers has this step", body = ErrorBody),
        (status = 422, description = "`status` or `note` is invalid", body = ErrorBody),
    )
)]
pub async fn set_step(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(key): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    let req: StepUpdate =
        super::object_body(&body, None).map_err(|e| bad_body("a step update", &e))?;
    let step = app
        .guidance
        .set_step(
            account.id,
            &key,
            req.status.as_deref().unwrap_or_default(),
            req.note.as_deref(),
        )
        .await
        .map_err(|e| match e {
            disha_core::CoreError::Invalid(f) => AppError::Unprocessable(f),
            other => other.into(),
        })?;
    Ok(private_json(
        StatusCode::OK,
        to_json(&StepJson::from(&step))?,
    ))
}

/// Shortlist a college
///
/// Adds a college from the finder to the dashboard; adding it again changes nothing.
#[utoipa::path(
    put,
    path = "/api/dashboard/colleges/{slug}",
    tag = "dashboard",
    params(("slug" = String, Path, description = "The college's slug")),
    security(("Token" = [])),
    responses(
        (status = 204, description = "Shortlisted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "No college has this slug", body = ErrorBody),
    )
)]
pub async fn shortlist_college(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    app.guidance.keep_college(account.id, &slug, true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove a shortlisted college
#[utoipa::path(
    delete,
    path = "/api/dashboard/colleges/{slug}",
    tag = "dashboard",
    params(("slug" = String, Path, description = "The college's slug")),
    security(("Token" = [])),
    responses(
        (status = 204, description = "Removed (or was not shortlisted)"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "Not a slug", body = ErrorBody),
    )
)]
pub async fn unshortlist_college(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    app.guidance.keep_college(account.id, &slug, false).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Download my data
///
/// Everything Disha keeps about the signed-in student, as one JSON document: the account, every result
/// with its answers, saved careers, step statuses and notes, shortlisted colleges.
#[utoipa::path(
    get,
    path = "/api/user/data",
    tag = "dashboard",
    security(("Token" = [])),
    responses(
        (status = 200, description = "The student's data", body = Object),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn export(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    let data = app.guidance.export(&account).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"disha-my-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        to_json(&data)?,
    )
        .into_response())
}

/// Delete my account
///
/// Deletes the signed-in student's account and everything kept about them (results, saved careers, steps,
/// shortlist, articles, comments and sessions). The password is asked again.
#[utoipa::path(
    delete,
    path = "/api/user",
    tag = "dashboard",
    request_body(content = DeleteAccount, content_type = "application/json"),
    security(("Token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 422, description = "The password is missing or wrong; `fields` names `password`", body = ErrorBody),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn delete_account(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let account = signed_in(viewer)?;
    let req: DeleteAccount =
        super::object_body(&body, None).map_err(|e| bad_body("a confirmation", &e))?;
    app.accounts
        .confirm_password(
            &account,
            req.password.as_deref().unwrap_or_default(),
            &client.0,
        )
        .await
        .map_err(|e| match e {
            disha_core::CoreError::Invalid(f) => AppError::Unprocessable(f),
            other => other.into(),
        })?;
    app.guidance.delete_account(account.id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
