//! The RealWorld ("Conduit") user endpoints: signing in and the current user, with RealWorld's own error shape
//! `{"errors": {"field": ["message"]}}`, so any RealWorld front end works against Disha unchanged.

use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use disha_core::CoreError;
use disha_domain::Account;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// RealWorld's error body.
#[derive(Debug, Serialize, ToSchema)]
pub struct GenericErrorModel {
    /// Messages by field (`body` for the request as a whole).
    pub errors: BTreeMap<String, Vec<String>>,
}

/// An error in RealWorld's shape.
#[derive(Debug)]
pub struct RwError {
    status: StatusCode,
    field: &'static str,
    message: String,
    retry_after: Option<u32>,
}

impl RwError {
    fn new(status: StatusCode, field: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            field,
            message: message.into(),
            retry_after: None,
        }
    }
}

impl From<CoreError> for RwError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Unauthenticated => Self::new(
                StatusCode::UNAUTHORIZED,
                "credentials",
                "email or password is invalid",
            ),
            CoreError::RateLimited { retry_after_secs } => Self {
                retry_after: Some(retry_after_secs),
                ..Self::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "body",
                    "too many attempts; try again later",
                )
            },
            CoreError::Invalid(f) => {
                let first = f.0.first().map(|e| e.english()).unwrap_or_default();
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "body", first)
            }
            CoreError::Unavailable(_) => {
                tracing::warn!(error = %e, "database unavailable");
                Self {
                    retry_after: Some(5),
                    ..Self::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "body",
                        "temporarily unavailable",
                    )
                }
            }
            other => {
                tracing::error!(error = %other, "internal error");
                Self::new(StatusCode::INTERNAL_SERVER_ERROR, "body", "internal error")
            }
        }
    }
}

impl IntoResponse for RwError {
    fn into_response(self) -> Response {
        let mut errors = BTreeMap::new();
        errors.insert(self.field.to_owned(), vec![self.message]);
        let body = serde_json::to_string(&GenericErrorModel { errors }).unwrap_or_default();
        let mut resp = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Token"));
        }
        resp
    }
}

/// A signed-in user as RealWorld returns them: the token and their own email included.
#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    /// Their address (only ever sent to themselves).
    pub email: String,
    /// The session token to send as `Authorization: Token …`.
    pub token: String,
    /// Public name.
    pub username: String,
    /// Short biography.
    pub bio: String,
    /// Picture address.
    pub image: String,
}

/// `{"user": …}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserResponse {
    /// The user.
    pub user: User,
}

/// Credentials.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginUser {
    /// Email address.
    pub email: String,
    /// Password.
    pub password: String,
}

/// `{"user": {"email", "password"}}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginUserRequest {
    /// The credentials.
    pub user: LoginUser,
}

fn user_json(account: &Account, token: &str) -> Response {
    let body = UserResponse {
        user: User {
            email: account.email.as_str().to_owned(),
            token: token.to_owned(),
            username: account.username.as_str().to_owned(),
            bio: account.bio.clone(),
            image: account.image.clone(),
        },
    };
    let json = serde_json::to_string(&body).unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        json,
    )
        .into_response()
}

/// Existing user login
///
/// Checks an email and password and returns the user with a session token. Wrong email and wrong password
/// get the same answer. Limited per client and per account (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/users/login",
    tag = "User and Authentication",
    request_body = LoginUserRequest,
    responses(
        (status = 200, description = "Signed in", body = UserResponse),
        (status = 401, description = "Email or password is invalid", body = GenericErrorModel),
        (status = 422, description = "The body is not a login request", body = GenericErrorModel),
        (status = 429, description = "Too many attempts; see `Retry-After`", body = GenericErrorModel),
    )
)]
pub async fn login(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, RwError> {
    let req: LoginUserRequest = serde_json::from_slice(&body).map_err(|e| {
        RwError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "body",
            format!("is not a login request: {e}"),
        )
    })?;
    let signed = app
        .accounts
        .sign_in(&req.user.email, &req.user.password, &client.0)
        .await?;
    Ok(user_json(&signed.account, &signed.token))
}

/// Get current user
///
/// The user the `Authorization: Token …` header's session belongs to.
#[utoipa::path(
    get,
    path = "/api/user",
    tag = "User and Authentication",
    security(("Token" = [])),
    responses(
        (status = 200, description = "The current user", body = UserResponse),
        (status = 401, description = "No live session", body = GenericErrorModel),
    )
)]
pub async fn current_user(viewer: Viewer) -> Result<Response, RwError> {
    match (viewer.account, viewer.token) {
        (Some(account), Some(token)) => Ok(user_json(&account, &token)),
        _ => Err(RwError::new(
            StatusCode::UNAUTHORIZED,
            "token",
            "is missing, unknown or expired",
        )),
    }
}
