//! The JSON API under `/api`. Every route is declared with `#[utoipa::path]` and registered through
//! `OpenApiRouter`, so the OpenAPI document is generated from the same definitions that serve requests.

mod careers;
pub mod docs;

use crate::error::{ErrorBody, ErrorDetail, FieldProblem};
use crate::state::AppState;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Disha API",
        version = "1.0.0",
        description = "Career guidance data for students in India: career profiles with courses, fees, colleges, \
                       jobs and salaries. Every fee and salary carries its source, date and basis. Interest scores \
                       and Job Zones include information from the O*NET 27.0 Database by the U.S. Department \
                       of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license."
    ),
    tags((name = "careers", description = "The career library")),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem, disha_domain::CareerSort))
)]
struct ApiDoc;

/// The API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(careers::list_careers))
        .routes(routes!(careers::get_career))
        .routes(routes!(careers::report_mistake))
}
