//! One error type for every handler, shown as a page to people and as JSON to apps, each with a stable code.

use axum::http::StatusCode;
use disha_core::CoreError;
use disha_domain::FieldErrors;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Why a request failed.
#[derive(Debug)]
pub enum AppError {
    /// No such page or resource.
    NotFound,
    /// The request was malformed; each field says why.
    Invalid(FieldErrors),
    /// The database is unreachable.
    Unavailable,
    /// A bug; details are logged, not shown.
    Internal,
}

impl AppError {
    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable, machine-readable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Invalid(_) => "invalid_input",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
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
    pub fn body(&self) -> ErrorBody {
        let (message, fields) = match self {
            AppError::NotFound => ("No such resource.".to_owned(), BTreeMap::new()),
            AppError::Invalid(errs) => (
                "Some fields are invalid.".to_owned(),
                errs.0
                    .iter()
                    .map(|e| (e.field.clone(), e.message.clone()))
                    .collect(),
            ),
            AppError::Unavailable => (
                "The database is unavailable; try again shortly.".to_owned(),
                BTreeMap::new(),
            ),
            AppError::Internal => ("An internal error occurred.".to_owned(), BTreeMap::new()),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code().to_owned(),
                message,
                fields,
            },
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::NotFound => AppError::NotFound,
            CoreError::Invalid(f) => AppError::Invalid(f),
            CoreError::Unavailable(m) => {
                tracing::warn!(error = %m, "database unavailable");
                AppError::Unavailable
            }
            CoreError::Internal(m) => {
                tracing::error!(error = %m, "internal error");
                AppError::Internal
            }
        }
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
    /// Stable code: `not_found`, `invalid_input`, `unavailable` or `internal`.
    #[schema(example = "invalid_input")]
    pub code: String,
    /// A sentence for developers.
    pub message: String,
    /// For `invalid_input`: what is wrong with each field, by field name.
    pub fields: BTreeMap<String, String>,
}
