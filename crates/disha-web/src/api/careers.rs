//! `/api/careers`: career lists and profiles as JSON.

use crate::client::ClientAddr;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::params::{ListParams, Q, query_string};
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use disha_domain::{
    Career, CareerQuery, CareerSummary, FieldErrors, ONET_ATTRIBUTION, Occupation,
    RawMistakeReport, Slug, UsWages,
};
use disha_store::scopes;
use serde::Serialize;
use utoipa::ToSchema;

/// One page of careers.
#[derive(Debug, Serialize, ToSchema)]
pub struct CareerList {
    /// This page's careers.
    pub items: Vec<CareerSummary>,
    /// Matching careers across all pages.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// Careers per page.
    pub per_page: u32,
    /// Number of pages (at least 1).
    pub total_pages: u64,
}

/// A career page's data: a curated profile, or a US occupation from O*NET with its US wages.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "source", rename_all = "lowercase")]
pub enum CareerDocument {
    /// A profile written for students in India.
    Curated(Box<Career>),
    /// A US occupation from O*NET, with the attribution its licence requires.
    Onet(Box<UsOccupation>),
}

/// A US occupation as the API gives it.
#[derive(Debug, Serialize, ToSchema)]
pub struct UsOccupation {
    /// Its page's slug.
    pub slug: Slug,
    /// The occupation, as O*NET 27.0 describes it.
    #[serde(flatten)]
    pub occupation: Occupation,
    /// US wages (BLS OEWS, May 2023, US dollars a year) for its SOC code or the group holding it.
    pub us_wages: Option<UsWages>,
    /// Curated profiles built on this occupation.
    pub curated: Vec<Slug>,
    /// The attribution O*NET's CC BY 4.0 licence requires.
    pub attribution: &'static str,
    /// When an import last changed it.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: time::OffsetDateTime,
}

use super::to_json;

/// Strict parsing for apps: an empty parameter is an error rather than "any".
fn parse(params: &ListParams) -> AppResult<CareerQuery> {
    let empty = params.empty_fields();
    if !empty.is_empty() {
        return Err(AppError::Invalid(empty));
    }
    CareerQuery::parse(&params.as_raw()).map_err(AppError::Invalid)
}

/// List published careers
///
/// Filters combine with AND. Results are sorted by title unless `sort` says otherwise.
#[utoipa::path(
    get,
    path = "/api/careers",
    tag = "careers",
    params(ListParams),
    responses(
        (status = 200, description = "A page of careers", body = CareerList),
        (status = 400, description = "A filter is invalid; `fields` names it", body = ErrorBody),
    )
)]
pub async fn list_careers(
    State(app): State<AppState>,
    Q(params): Q<ListParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let query = parse(&params)?;
    let key = format!("api:/api/careers{}", query_string(&query, query.page.page));
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Json,
        &headers,
        || async {
            let page = app.library.careers(&query).await?;
            let total_pages = page.total_pages();
            to_json(&CareerList {
                items: page.items,
                total: page.total,
                page: page.page,
                per_page: page.per_page,
                total_pages,
            })
        },
    )
    .await
}

/// Get one career profile
///
/// Every section of a published profile, with its revision and timestamps; or, for a US occupation
/// imported from O*NET (`source` = `onet`), the occupation with its US wages and the attribution to show.
#[utoipa::path(
    get,
    path = "/api/careers/{slug}",
    tag = "careers",
    params(("slug" = String, Path, description = "The career's slug", example = "backend-developer")),
    responses(
        (status = 200, description = "The profile, or the US occupation", body = CareerDocument),
        (status = 404, description = "No published career has this slug", body = ErrorBody),
    )
)]
pub async fn get_career(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    // A malformed slug names no page, so it is the same 404 as an unknown one.
    let slug = Slug::parse(&slug).ok().ok_or(AppError::NotFound)?;
    let key = format!("api:/api/careers/{slug}");
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Json,
        &headers,
        || async {
            match app.library.career(&slug).await {
                Ok(page) => to_json(&CareerDocument::Curated(Box::new(page.career))),
                Err(disha_core::CoreError::NotFound) => {
                    let page = app.library.occupation(&slug).await?;
                    to_json(&CareerDocument::Onet(Box::new(UsOccupation {
                        slug: page.slug,
                        occupation: page.occupation,
                        us_wages: page.wages,
                        curated: page.curated.into_iter().map(|c| c.slug).collect(),
                        attribution: ONET_ATTRIBUTION,
                        updated_at: page.updated_at,
                    })))
                }
                Err(e) => Err(e.into()),
            }
        },
    )
    .await
}

/// A report's receipt.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportReceipt {
    /// The report's number.
    pub id: i64,
    /// Always `received`: an editor will check it.
    pub status: &'static str,
}

/// Report a mistake in a profile
///
/// Sends a reader's report to the editors. Nothing in it is published. Do not include names, email
/// addresses or phone numbers. Limited to a few reports an hour per client (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/careers/{slug}/reports",
    tag = "careers",
    params(("slug" = String, Path, description = "The career's slug", example = "nurse")),
    request_body(content = RawMistakeReport, content_type = "application/json"),
    responses(
        (status = 201, description = "Received", body = ReportReceipt),
        (status = 400, description = "A field is invalid; `fields` names it", body = ErrorBody),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 404, description = "No published career has this slug", body = ErrorBody),
        (status = 429, description = "Too many reports; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn report_mistake(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    client: ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let slug = Slug::parse(&slug).ok().ok_or(AppError::NotFound)?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let bad_body = |detail: &str| {
        let mut errs = FieldErrors::default();
        errs.push("body", detail);
        AppError::Invalid(errs)
    };
    if !json {
        return Err(bad_body(
            "must be JSON, sent with Content-Type: application/json",
        ));
    }
    let raw: RawMistakeReport = super::object_body(&body, None)
        .map_err(|e| bad_body(&format!("is not a report object: {e}")))?;
    let id = app.feedback.report_mistake(&slug, &raw, &client.0).await?;
    let body = to_json(&ReportReceipt {
        id,
        status: "received",
    })?;
    Ok((
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}
