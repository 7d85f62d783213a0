//! The newsletter in the API: subscribing (double opt-in) and, for editors, sending an issue.

use super::realworld::json;
use super::users::{GenericErrorModel, RwError};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::pages::{confirm_mail, issue_mail};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A subscription request.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewSubscription {
    /// The address; a confirmation link is mailed to it.
    pub email: String,
    /// Streams the reader cares about; none for all.
    #[serde(default)]
    #[schema(value_type = Vec<disha_domain::SchoolStream>)]
    pub interests: Vec<String>,
}

/// What happens next.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionAccepted {
    /// Always the same, whether or not the address was already subscribed.
    pub message: String,
}

/// Subscribe to the newsletter
///
/// Mails a confirmation link (valid 48 hours); nothing else is sent until it is followed. The answer is the
/// same whether or not the address is already subscribed. Limited per client (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/newsletter",
    tag = "Newsletter",
    request_body = NewSubscription,
    responses(
        (status = 202, description = "A confirmation link is on its way if the address is new", body = SubscriptionAccepted),
        (status = 422, description = "The address or an interest is invalid", body = GenericErrorModel),
        (status = 429, description = "Too many requests; see `Retry-After`", body = GenericErrorModel),
    )
)]
pub async fn subscribe(
    State(app): State<AppState>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, RwError> {
    let req: NewSubscription =
        super::object_body(&body, None).map_err(|e| RwError::bad_body("a subscription", &e))?;
    app.newsletter
        .subscribe(&req.email, &req.interests, &client.0, |e, token| {
            confirm_mail(&app, e, token)
        })
        .await?;
    Ok(json(
        StatusCode::ACCEPTED,
        &SubscriptionAccepted {
            message: "If this address is not subscribed yet, a confirmation link is on its way."
                .into(),
        },
    ))
}

/// An issue to send.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewIssue {
    /// Subject line, 1–150 characters, on one line.
    #[schema(
        min_length = 1,
        max_length = 150,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    pub subject: String,
    /// The issue in Markdown (sent as plain text), up to 60,000 characters.
    #[schema(
        min_length = 1,
        max_length = 60000,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub body: String,
    /// Only readers interested in this stream (and those who chose no topic); absent for everyone.
    #[schema(value_type = Option<disha_domain::SchoolStream>)]
    pub interest: Option<String>,
}

/// How many readers an issue was queued for.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssueQueued {
    /// Confirmed readers it goes to.
    pub recipients: usize,
}

/// Send a newsletter issue
///
/// Editors queue an issue to every confirmed reader (filtered by interest); each copy carries its own
/// one-click unsubscribe link and RFC 8058 headers.
#[utoipa::path(
    post,
    path = "/api/newsletter/issues",
    tag = "Newsletter",
    security(("Token" = [])),
    request_body = NewIssue,
    responses(
        (status = 202, description = "Queued", body = IssueQueued),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Not an editor", body = GenericErrorModel),
        (status = 422, description = "A field is invalid", body = GenericErrorModel),
    )
)]
pub async fn send_issue(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, RwError> {
    let who = viewer.account.as_ref().ok_or_else(RwError::unauthorized)?;
    let req: NewIssue =
        super::object_body(&body, None).map_err(|e| RwError::bad_body("an issue", &e))?;
    let n = app
        .newsletter
        .send_issue(who, &req.subject, &req.body, req.interest.as_deref(), |r| {
            issue_mail(&app, &req.subject, &req.body, r)
        })
        .await?;
    Ok(json(StatusCode::ACCEPTED, &IssueQueued { recipients: n }))
}
