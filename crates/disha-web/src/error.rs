//! One error type for every handler. Handlers return [`AppResult`] and use `?`; the error becomes a response
//! that carries the error itself, and [`render_errors`] — the one place that knows whether the client is a
//! person or an app — turns it into a page in the site layout or the API's JSON, each with a stable code.
//! Failures produced by layers (an oversized body, a timeout) go through the same place.

use crate::i18n::Messages;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use disha_core::CoreError;
use disha_domain::{FieldError, FieldErrors};
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;
use utoipa::ToSchema;

/// What handlers return.
pub type AppResult<T> = Result<T, AppError>;

/// How long clients are asked to wait after an outage.
const UNAVAILABLE_RETRY: Duration = Duration::from_secs(5);

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum AppError {
    /// No such page or resource (404).
    NotFound,
    /// The request was malformed; each field says why (400).
    #[strum(serialize = "invalid_input")]
    Invalid(FieldErrors),
    /// Signing in is needed (401).
    Unauthorized,
    /// Signed in, but not allowed to do this (403).
    Forbidden,
    /// A unique value is already taken (409); names the field.
    Conflict {
        /// The field whose value clashed.
        field: String,
    },
    /// The body is larger than the server accepts (413).
    PayloadTooLarge,
    /// Well-formed, but the values break a rule (422); each field says why.
    Unprocessable(FieldErrors),
    /// Too many attempts; try again after the given time (429).
    #[strum(serialize = "rate_limited")]
    TooManyRequests {
        /// How long to wait.
        retry_after: Duration,
    },
    /// The database is unreachable or overloaded (503).
    Unavailable {
        /// How long to wait.
        retry_after: Duration,
    },
    /// A bug; details are logged, not shown (500).
    Internal,
}

impl AppError {
    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable, machine-readable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The service is unavailable; clients should retry after the usual pause.
    #[must_use]
    pub fn unavailable() -> Self {
        AppError::Unavailable {
            retry_after: UNAVAILABLE_RETRY,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            AppError::TooManyRequests { retry_after } | AppError::Unavailable { retry_after } => {
                Some(*retry_after)
            }
            _ => None,
        }
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid(f) | AppError::Unprocessable(f) => Some(f),
            _ => None,
        }
    }

    /// A query string that could not be decoded at all (before any field was looked at).
    #[must_use]
    pub fn bad_query(rejection: &axum::extract::rejection::QueryRejection) -> Self {
        let mut errs = FieldErrors::default();
        errs.push("query", rejection.body_text());
        AppError::Invalid(errs)
    }

    /// The JSON body for the API.
    #[must_use]
    pub fn body(&self, t: &Messages) -> ErrorBody {
        let fields = self
            .field_errors()
            .map(|f| {
                f.0.iter()
                    .map(|e| (e.field.clone(), FieldProblem::new(t, e)))
                    .collect()
            })
            .unwrap_or_default();
        let mut detail = ErrorDetail {
            code: self.code().to_owned(),
            message: t.get(&format!("error_{}_body", self.code())).into_owned(),
            fields,
            field: None,
        };
        if let AppError::Conflict { field } = self {
            detail.field = Some(field.clone());
        }
        ErrorBody { error: detail }
    }

    /// The error as JSON, for API clients.
    #[must_use]
    pub fn to_json(&self, t: &Messages) -> Response {
        let mut resp = (self.status(), Json(self.body(t))).into_response();
        self.decorate(&mut resp);
        resp
    }

    /// Headers every error response carries: never stored by caches, and when to retry.
    fn decorate(&self, resp: &mut Response) {
        let h = resp.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(after) = self.retry_after() {
            h.insert(
                header::RETRY_AFTER,
                HeaderValue::from(after.as_secs().max(1)),
            );
        }
    }
}

impl IntoResponse for AppError {
    /// A bare response carrying the error; [`render_errors`] gives it a body fit for the client.
    fn into_response(self) -> Response {
        let mut resp = self.status().into_response();
        self.decorate(&mut resp);
        resp.extensions_mut().insert(self);
        resp
    }
}

/// The error chain on one line, for logs.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(s) = next {
        out.push_str(": ");
        out.push_str(&s.to_string());
        next = s.source();
    }
    out
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::NotFound => AppError::NotFound,
            CoreError::Invalid(f) => AppError::Invalid(f),
            CoreError::Conflict { field, .. } => AppError::Conflict { field },
            CoreError::Unauthenticated => AppError::Unauthorized,
            CoreError::Forbidden => AppError::Forbidden,
            CoreError::Crypto(_) => {
                tracing::error!(error = %chain(&e), "crypto failure");
                AppError::Internal
            }
            CoreError::RateLimited { retry_after_secs } => AppError::TooManyRequests {
                retry_after: Duration::from_secs(u64::from(retry_after_secs)),
            },
            CoreError::Unavailable(_) => {
                tracing::warn!(error = %chain(&e), "database unavailable");
                AppError::unavailable()
            }
            CoreError::Internal(_) => {
                tracing::error!(error = %chain(&e), "internal error");
                AppError::Internal
            }
        }
    }
}

/// Gives every error response its body: JSON under `/api/`, a page in the site layout elsewhere. Errors that
/// layers produce without an [`AppError`] (an oversized body, a timeout, a panic) are mapped here too.
pub async fn render_errors(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let resp = next.run(req).await;
    let err = match resp.extensions().get::<AppError>() {
        Some(e) => e.clone(),
        None => match resp.status() {
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::SERVICE_UNAVAILABLE
                if resp.headers().get(header::CONTENT_TYPE).is_none() =>
            {
                AppError::unavailable()
            }
            _ => return resp,
        },
    };
    if api {
        err.to_json(&app.t)
    } else {
        // A lost visitor gets the editors' picks to start from; they come from memory, and an outage only
        // leaves the list out.
        let popular = match err {
            AppError::NotFound => app
                .library
                .home()
                .await
                .map(|h| h.featured)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut page = crate::pages::error_page(&app, &err, &popular);
        err.decorate(&mut page);
        page
    }
}

/// The JSON shape of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// Details of an API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code: `not_found`, `invalid_input`, `unauthorized`, `forbidden`, `conflict`,
    /// `payload_too_large`, `unprocessable`, `rate_limited`, `unavailable` or `internal`.
    #[schema(example = "invalid_input")]
    pub code: String,
    /// A sentence for developers.
    pub message: String,
    /// For `invalid_input` and `unprocessable`: what is wrong with each field, by field name.
    pub fields: BTreeMap<String, FieldProblem>,
    /// For `conflict`: the field whose value is already taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// What is wrong with one field: a stable code with its parameters, and the same in English.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// Stable code, e.g. `range`, `one_of`, `length`, `format`, `empty`.
    #[schema(value_type = disha_domain::FieldCode)]
    pub code: disha_domain::FieldCode,
    /// The code's parameters, e.g. `{"min": "1", "max": "5"}`.
    #[schema(value_type = BTreeMap<String, String>)]
    pub params: BTreeMap<&'static str, String>,
    /// The problem in words, from the message catalog.
    pub message: String,
}

impl FieldProblem {
    fn new(t: &Messages, e: &FieldError) -> Self {
        Self {
            code: e.code,
            params: e.params.iter().map(|(k, v)| (*k, v.clone())).collect(),
            message: t.field_error(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use disha_domain::FieldCode;

    #[test]
    fn every_variant_has_its_status_code_and_retry_advice() {
        let wait = Duration::from_secs(30);
        let cases = [
            (AppError::NotFound, 404, "not_found", None),
            (
                AppError::Invalid(FieldErrors::default()),
                400,
                "invalid_input",
                None,
            ),
            (AppError::Unauthorized, 401, "unauthorized", None),
            (AppError::Forbidden, 403, "forbidden", None),
            (
                AppError::Conflict {
                    field: "email".into(),
                },
                409,
                "conflict",
                None,
            ),
            (AppError::PayloadTooLarge, 413, "payload_too_large", None),
            (
                AppError::Unprocessable(FieldErrors::default()),
                422,
                "unprocessable",
                None,
            ),
            (
                AppError::TooManyRequests { retry_after: wait },
                429,
                "rate_limited",
                Some("30"),
            ),
            (AppError::unavailable(), 503, "unavailable", Some("5")),
            (AppError::Internal, 500, "internal", None),
        ];
        let t = Messages::english().expect("catalog");
        for (err, status, code, retry) in cases {
            assert_eq!(err.status().as_u16(), status, "{code}");
            assert_eq!(err.code(), code);
            let resp = err.to_json(&t);
            assert_eq!(
                resp.headers()
                    .get(header::RETRY_AFTER)
                    .map(|v| v.to_str().unwrap_or_default()),
                retry,
                "{code}"
            );
            assert_eq!(resp.headers()[header::CACHE_CONTROL], "no-store");
            assert!(!err.body(&t).error.message.is_empty(), "{code} has words");
        }
    }

    #[test]
    fn a_conflict_names_its_field_and_field_errors_keep_their_codes() {
        let t = Messages::english().expect("catalog");
        let body = AppError::Conflict {
            field: "email".into(),
        }
        .body(&t);
        assert_eq!(body.error.field.as_deref(), Some("email"));
        let mut f = FieldErrors::default();
        f.range("level", 1, 5);
        let body = AppError::Unprocessable(f).body(&t);
        let level = &body.error.fields["level"];
        assert_eq!(level.code, FieldCode::Range);
        assert_eq!(level.params["max"], "5");
        assert_eq!(level.message, "must be a whole number from 1 to 5");
    }

    #[test]
    fn the_error_travels_in_the_response_for_the_render_layer() {
        let resp = AppError::Forbidden.into_response();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            resp.extensions().get::<AppError>(),
            Some(&AppError::Forbidden)
        );
    }
}
