//! The JSON API under `/api`. Every route is declared with `#[utoipa::path]` and registered through
//! `OpenApiRouter`, so the OpenAPI document is generated from the same definitions that serve requests.

mod careers;
pub mod docs;

use crate::AppError;
use crate::error::{ErrorBody, ErrorDetail};
use crate::state::AppState;
use axum::Json;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use careers::ListParams;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Disha API",
        version = "1.0.0",
        description = "Career guidance data for students in India: career profiles with courses, fees, colleges, \
                       jobs and salaries. Every fee and salary carries its source, date and basis. Interest scores \
                       and education levels include information from the O*NET 27.0 Database by the U.S. Department \
                       of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license."
    ),
    tags((name = "careers", description = "The career library")),
    components(schemas(ErrorBody, ErrorDetail, careers::CareerSortKey))
)]
struct ApiDoc;

/// The API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(careers::list_careers))
        .routes(routes!(careers::get_career))
}

/// An error as the API reports it: the status and `{"error": {"code", "message", "fields"}}`.
pub fn error_response(err: &AppError) -> Response {
    let mut resp = (err.status(), Json(err.body())).into_response();
    resp.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    resp
}
