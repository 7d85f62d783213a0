//! The JSON API under `/api`. Every route is declared with `#[utoipa::path]` and registered through
//! `OpenApiRouter`, so the OpenAPI document is generated from the same definitions that serve requests.

mod articles;
pub mod assessment;
mod careers;
pub mod colleges;
mod comments;
pub mod dashboard;
pub mod docs;
mod newsletter;
pub mod reader_lists;
pub mod realworld;
pub mod search;
pub mod users;

use crate::body_limit;
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
    tags(
        (name = "careers", description = "The career library"),
        (name = "colleges", description = "The college finder: AICTE-approved institutions and their programmes"),
        (name = "search", description = "One search over careers, courses, colleges and articles"),
        (name = "assessment", description = "The interest assessment: items, scores, Holland code and matched careers"),
        (name = "dashboard", description = "A signed-in student's saved careers, step progress, shortlisted colleges and data"),
        (name = "User and Authentication", description = "Registering and signing in, as the RealWorld (Conduit) API specifies"),
        (name = "Profile", description = "Public profiles and follows (RealWorld)"),
        (name = "Articles", description = "The blog's articles (RealWorld)"),
        (name = "Favorites", description = "Favourite articles (RealWorld)"),
        (name = "Comments", description = "Comments on articles (RealWorld) and on career profiles"),
        (name = "Tags", description = "Article tags (RealWorld)"),
        (name = "Moderation", description = "The editors' queue of comments waiting for approval"),
        (name = "Newsletter", description = "Double opt-in subscriptions and issues")
    ),
    modifiers(&TokenScheme),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem, disha_domain::CareerSort))
)]
struct ApiDoc;

/// The RealWorld `Token` security scheme: `Authorization: Token <session token>`.
struct TokenScheme;

impl utoipa::Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
        openapi
            .components
            .get_or_insert_default()
            .add_security_scheme(
                "Token",
                SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                    "Authorization",
                    "`Token <session token>`, the token returned by /api/users/login",
                ))),
            );
    }
}

/// A response body as JSON; a value that cannot be encoded is a bug, logged and answered with a 500.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> crate::error::AppResult<String> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "could not encode a response");
        crate::error::AppError::Internal
    })
}

/// A JSON response about one student (their result, dashboard or data): no shared cache may keep it.
pub(crate) fn private_json(
    status: axum::http::StatusCode,
    body: String,
) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response()
}

/// Reads a request body that must be a JSON object, and whose `wrapper` member, when given and present, must
/// be an object too. `serde_json` would otherwise fill a struct from an array of its fields in order, which
/// no schema allows and no client means.
pub(crate) fn object_body<T: serde::de::DeserializeOwned>(
    body: &[u8],
    wrapper: Option<&str>,
) -> Result<T, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_slice(body)?;
    let not_object = |what: &str| {
        <serde_json::Error as serde::de::Error>::custom(format!("{what} must be a JSON object"))
    };
    let Some(object) = value.as_object() else {
        return Err(not_object("the body"));
    };
    if let Some(key) = wrapper
        && object.get(key).is_some_and(|v| !v.is_object())
    {
        return Err(not_object(&format!("`{key}`")));
    }
    serde_json::from_value(value)
}

/// The API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    // Every route gets the default body limit from the outer router; these take long writing.
    let short = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(careers::list_careers))
        .routes(routes!(careers::get_career))
        .routes(routes!(careers::report_mistake))
        .routes(routes!(colleges::list_colleges))
        .routes(routes!(colleges::compare_colleges))
        .routes(routes!(colleges::get_college))
        .routes(routes!(search::search))
        .routes(routes!(search::suggest))
        .routes(routes!(users::login))
        .routes(routes!(users::register))
        .routes(routes!(
            users::current_user,
            users::update_user,
            dashboard::delete_account
        ))
        .routes(routes!(articles::get_profile))
        .routes(routes!(articles::follow, articles::unfollow))
        .routes(routes!(articles::feed))
        .routes(routes!(articles::favorite, articles::unfavorite))
        .routes(routes!(articles::tags))
        .routes(routes!(articles::delete_article_comment))
        .routes(routes!(comments::moderation_queue))
        .routes(routes!(comments::moderate))
        .routes(routes!(newsletter::subscribe))
        .routes(routes!(assessment::items))
        .routes(routes!(assessment::create_result))
        .routes(routes!(assessment::get_result))
        .routes(routes!(assessment::claim_result))
        .routes(routes!(dashboard::dashboard))
        .routes(routes!(dashboard::save_career, dashboard::unsave_career))
        .routes(routes!(dashboard::set_step))
        .routes(routes!(
            dashboard::shortlist_college,
            dashboard::unshortlist_college
        ))
        .routes(routes!(dashboard::export));
    let writing = OpenApiRouter::new()
        .routes(routes!(articles::list_articles, articles::create_article))
        .routes(routes!(
            articles::get_article,
            articles::update_article,
            articles::delete_article
        ))
        .routes(routes!(
            articles::article_comments,
            articles::add_article_comment
        ))
        .routes(routes!(
            comments::career_comments,
            comments::add_career_comment
        ))
        .routes(routes!(newsletter::send_issue))
        .layer(body_limit::writing());
    short.merge(writing)
}

/// The API's OpenAPI document, with what every route shares stated on each.
#[must_use]
pub fn spec(mut spec: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    body_limit::document(&mut spec);
    colleges::require_compared(&mut spec);
    spec
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug)]
    struct Inner {
        #[expect(dead_code, reason = "only read by serde")]
        email: String,
    }

    #[derive(serde::Deserialize, Debug)]
    struct Wrapped {
        #[expect(dead_code, reason = "only read by serde")]
        user: Inner,
    }

    #[test]
    fn a_body_must_be_an_object_and_so_must_its_wrapper() {
        assert!(
            super::object_body::<Wrapped>(br#"{"user":{"email":"a@b.in"}}"#, Some("user")).is_ok()
        );
        for bad in [
            &br#"[{"email":"a@b.in"}]"#[..],
            br#"{"user":["a@b.in"]}"#,
            b"\"x\"",
        ] {
            let e = super::object_body::<Wrapped>(bad, Some("user")).expect_err("refused");
            assert!(e.to_string().contains("must be a JSON object"), "{e}");
        }
    }
}
