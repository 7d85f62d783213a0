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
    errors: BTreeMap<String, Vec<String>>,
    retry_after: Option<u32>,
}

impl RwError {
    /// One message about one field (`body` for the request as a whole).
    pub fn new(status: StatusCode, field: &str, message: impl Into<String>) -> Self {
        let mut errors = BTreeMap::new();
        errors.insert(field.to_owned(), vec![message.into()]);
        Self {
            status,
            errors,
            retry_after: None,
        }
    }

    /// 401 for a request that needs a session and has none.
    #[must_use]
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "token",
            "is missing, unknown or expired",
        )
    }

    /// 422 for a body that is not the JSON the operation takes.
    #[must_use]
    pub fn bad_body(what: &str, e: &serde_json::Error) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "body",
            format!("is not {what}: {e}"),
        )
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
            CoreError::Forbidden => {
                Self::new(StatusCode::FORBIDDEN, "body", "is not yours to change")
            }
            CoreError::NotFound => Self::new(StatusCode::NOT_FOUND, "body", "not found"),
            CoreError::Conflict { field, .. } => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                &field,
                "has already been taken",
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
                let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for fe in &f.0 {
                    let english = fe.english();
                    let message = english
                        .strip_prefix(&format!("{}: ", fe.field))
                        .unwrap_or(&english)
                        .to_owned();
                    errors.entry(fe.field.clone()).or_default().push(message);
                }
                Self {
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                    errors,
                    retry_after: None,
                }
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
        let body = serde_json::to_string(&GenericErrorModel {
            errors: self.errors,
        })
        .unwrap_or_default();
        let mut resp = (
            self.status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
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
    let req: LoginUserRequest = super::object_body(&body, Some("user"))
        .map_err(|e| RwError::bad_body("a login request", &e))?;
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
        _ => Err(RwError::unauthorized()),
    }
}

/// A new user.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewUser {
    /// Public name: 3–30 letters, digits, `_`, `-` or `.`.
    pub username: String,
    /// Email address; a verification link is mailed to it.
    pub email: String,
    /// At least 10 characters, not a common password.
    pub password: String,
}

/// `{"user": {"username", "email", "password"}}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewUserRequest {
    /// The new user.
    pub user: NewUser,
}

/// Register a new user
///
/// Creates an account and returns it with a session token. The answer is the same whether or not the email
/// already has an account: a link to verify the address is mailed to a new address, and a note to its owner
/// to an address already in use. Until the address is verified the account cannot sign in with its password,
/// and its comments and articles wait for an editor. Limited per client (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/users",
    tag = "User and Authentication",
    request_body = NewUserRequest,
    responses(
        (status = 201, description = "Registered and signed in", body = UserResponse),
        (status = 422, description = "A field is invalid or the username is taken", body = GenericErrorModel),
        (status = 429, description = "Too many registrations; see `Retry-After`", body = GenericErrorModel),
    )
)]
pub async fn register(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, RwError> {
    let req: NewUserRequest =
        super::object_body(&body, Some("user")).map_err(|e| RwError::bad_body("a new user", &e))?;
    let signed = crate::pages::register_account(
        &app,
        &req.user.email,
        &req.user.username,
        &req.user.password,
        &client.0,
    )
    .await?;
    let mut resp = user_json(&signed.account, &signed.token);
    *resp.status_mut() = StatusCode::CREATED;
    Ok(resp)
}

/// Changes to the current user; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateUser {
    /// The current address (addresses cannot be changed here).
    pub email: Option<String>,
    /// New password.
    pub password: Option<String>,
    /// New public name.
    pub username: Option<String>,
    /// New biography (at most 500 characters).
    pub bio: Option<String>,
    /// New picture address (`https://…`).
    pub image: Option<String>,
}

/// `{"user": {…}}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateUserRequest {
    /// The changes.
    pub user: UpdateUser,
}

/// Update current user
///
/// Changes the signed-in user's name, biography, picture or password.
#[utoipa::path(
    put,
    path = "/api/user",
    tag = "User and Authentication",
    security(("Token" = [])),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "The updated user", body = UserResponse),
        (status = 401, description = "No live session", body = GenericErrorModel),
        (status = 422, description = "A field is invalid or the username is taken", body = GenericErrorModel),
    )
)]
pub async fn update_user(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, RwError> {
    let (Some(account), Some(token)) = (viewer.account, viewer.token) else {
        return Err(RwError::unauthorized());
    };
    let req: UpdateUserRequest = super::object_body(&body, Some("user"))
        .map_err(|e| RwError::bad_body("a user update", &e))?;
    let u = req.user;
    let updated = app
        .accounts
        .update(
            &account,
            disha_core::RawAccountChanges {
                email: u.email,
                username: u.username,
                bio: u.bio,
                image: u.image,
                password: u.password,
            },
        )
        .await?;
    Ok(user_json(&updated, &token))
}
