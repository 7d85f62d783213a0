use super::error_response;
use crate::AppError;
use crate::error::ErrorBody;
use crate::pages::careers_query_string;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use disha_domain::{Career, CareerQuery, CareerSummary, FieldErrors, RawCareerQuery, Slug, Stream};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Sort orders for career lists.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(
    dead_code,
    reason = "documents the accepted values; parsing happens in the domain"
)]
pub enum CareerSortKey {
    /// By title, A to Z.
    Title,
    /// Least preparation first.
    Level,
    /// Most recently changed first.
    Updated,
}

/// Filters for career lists. Values arrive as text and are checked one by one, so a bad value is reported
/// against its own name.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only careers in this stream.
    #[param(value_type = Option<Stream>)]
    pub stream: Option<String>,
    /// Only careers at this education level (O*NET Job Zone, 1–5).
    #[param(value_type = Option<u8>, minimum = 1, maximum = 5)]
    pub level: Option<String>,
    /// Only careers with a word in the title starting with this text (letters, digits, spaces, `-`, `.`, `&`, `'`).
    #[param(min_length = 1, max_length = 60, example = "dev")]
    pub q: Option<String>,
    /// Order of the results.
    #[param(value_type = Option<CareerSortKey>)]
    pub sort: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    pub page: Option<String>,
    /// Results per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub per_page: Option<String>,
}

impl ListParams {
    /// Parameters given with an empty value. Forms send those for "any", so pages accept them; API clients
    /// are held to the documented types and should leave a parameter out instead.
    pub fn empty_fields(&self) -> FieldErrors {
        let mut errs = FieldErrors::default();
        let all = [
            ("stream", &self.stream),
            ("level", &self.level),
            ("q", &self.q),
            ("sort", &self.sort),
            ("page", &self.page),
            ("per_page", &self.per_page),
        ];
        for (name, value) in all {
            // Spaces are a legitimate (if empty) search text, but never a number or a key.
            let blank = |v: &str| {
                if name == "q" {
                    v.is_empty()
                } else {
                    v.trim().is_empty()
                }
            };
            if value.as_deref().is_some_and(blank) {
                errs.push(name, "must not be empty; leave the parameter out instead");
            }
        }
        errs
    }

    /// The values as the domain parser takes them.
    pub fn as_raw(&self) -> RawCareerQuery<'_> {
        RawCareerQuery {
            stream: self.stream.as_deref(),
            level: self.level.as_deref(),
            q: self.q.as_deref(),
            sort: self.sort.as_deref(),
            page: self.page.as_deref(),
            per_page: self.per_page.as_deref(),
        }
    }
}

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

fn to_json<T: Serialize>(value: &T) -> Result<String, Response> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "could not encode a response");
        error_response(&AppError::Internal)
    })
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
    params: Result<Query<ListParams>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let params = match params {
        Ok(Query(p)) => p,
        Err(e) => return error_response(&AppError::bad_query(&e)),
    };
    let empty = params.empty_fields();
    if !empty.is_empty() {
        return error_response(&AppError::Invalid(empty));
    }
    let query = match CareerQuery::parse(&params.as_raw()) {
        Ok(q) => q,
        Err(errs) => return error_response(&AppError::Invalid(errs)),
    };
    let key = format!(
        "api:/api/careers{}",
        careers_query_string(&query, query.page.page)
    );
    cached(&app, &key, Kind::Json, &headers, || async {
        let page = app
            .library
            .careers(&query)
            .await
            .map_err(|e| error_response(&AppError::from(e)))?;
        let total_pages = page.total_pages();
        to_json(&CareerList {
            items: page.items,
            total: page.total,
            page: page.page,
            per_page: page.per_page,
            total_pages,
        })
    })
    .await
}

/// Get one career profile
///
/// Every section of a published profile, with its revision and timestamps.
#[utoipa::path(
    get,
    path = "/api/careers/{slug}",
    tag = "careers",
    params(("slug" = String, Path, description = "The career's slug", example = "backend-developer")),
    responses(
        (status = 200, description = "The profile", body = Career),
        (status = 404, description = "No published career has this slug", body = ErrorBody),
    )
)]
pub async fn get_career(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(slug) = Slug::parse(&slug) else {
        return error_response(&AppError::NotFound);
    };
    cached(
        &app,
        &format!("api:/api/careers/{slug}"),
        Kind::Json,
        &headers,
        || async {
            let page = app
                .library
                .career(&slug)
                .await
                .map_err(|e| error_response(&AppError::from(e)))?;
            to_json::<Career>(&page.career)
        },
    )
    .await
}
