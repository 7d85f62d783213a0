//! Comments on career profiles (from guests and members) and the editors' moderation queue.

use super::realworld::{CommentJson, MultipleCommentsResponse, SingleCommentResponse, json};
use super::users::{GenericErrorModel, RwError};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use disha_core::{GuestComment, GuestOutcome};
use disha_domain::{CommentTarget, Slug};
use disha_store::Moderation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn career_target(slug: &str) -> Result<CommentTarget, RwError> {
    Slug::parse(slug)
        .map(CommentTarget::Career)
        .map_err(|_e| RwError::new(StatusCode::NOT_FOUND, "career", "not found"))
}

/// Comments on a career profile
#[utoipa::path(
    get,
    path = "/api/careers/{slug}/comments",
    tag = "Comments",
    params(("slug" = String, Path, description = "The career's slug")),
    responses(
        (status = 200, description = "Published comments, oldest first", body = MultipleCommentsResponse),
        (status = 404, description = "No such career", body = GenericErrorModel),
    )
)]
pub async fn career_comments(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    let comments = app
        .community
        .comments(&career_target(&slug)?, viewer.account.as_ref())
        .await?;
    Ok(json(
        StatusCode::OK,
        &MultipleCommentsResponse {
            comments: comments.iter().map(CommentJson::from).collect(),
        },
    ))
}

/// A comment on a career: members send only `body` (and `parentId`); guests also `name` and `email`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CareerComment {
    /// Plain text, 1–5,000 characters; a guest's may carry at most 2 links.
    pub body: Option<String>,
    /// The comment this answers.
    #[serde(default, deserialize_with = "super::realworld::whole_number")]
    pub parent_id: Option<i64>,
    /// A guest's name, shown with the comment.
    pub name: Option<String>,
    /// A guest's address; required, never shown or returned.
    pub email: Option<String>,
    /// A guest's website, optional (`https://…`).
    pub website: Option<String>,
}

/// `{"comment": …}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CareerCommentRequest {
    /// The comment.
    pub comment: CareerComment,
}

/// Comment on a career profile
///
/// With a session token the comment is the member's (published at once once their address is verified).
/// Without one it is a guest's: `name` and `email` are required, the address is never shown, and the
/// comment waits for an editor (`202`). Guests are limited per client (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/careers/{slug}/comments",
    tag = "Comments",
    params(("slug" = String, Path, description = "The career's slug")),
    request_body = CareerCommentRequest,
    responses(
        (status = 200, description = "A member's comment", body = SingleCommentResponse),
        (status = 202, description = "A guest's comment, waiting for an editor", body = SingleCommentResponse),
        (status = 404, description = "No such career or parent comment", body = GenericErrorModel),
        (status = 422, description = "A field is invalid", body = GenericErrorModel),
        (status = 429, description = "Too many comments; see `Retry-After`", body = GenericErrorModel),
    )
)]
pub async fn add_career_comment(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, RwError> {
    let target = career_target(&slug)?;
    let req: CareerCommentRequest = super::object_body(&body, Some("comment"))
        .map_err(|e| RwError::bad_body("a new comment", &e))?;
    let c = req.comment;
    let text = c.body.unwrap_or_default();
    if let Some(account) = &viewer.account {
        let made = app
            .community
            .comment(account, &target, c.parent_id, &text)
            .await?;
        return Ok(json(
            StatusCode::OK,
            &SingleCommentResponse {
                comment: (&made).into(),
            },
        ));
    }
    let guest = GuestComment {
        name: c.name.unwrap_or_default(),
        email: c.email.unwrap_or_default(),
        website: c.website.unwrap_or_default(),
        body: text,
        honeypot: String::new(),
    };
    match app
        .community
        .guest_comment(&target, c.parent_id, &guest, &client.0)
        .await?
    {
        GuestOutcome::Queued(made) => Ok(json(
            StatusCode::ACCEPTED,
            &SingleCommentResponse {
                comment: (&made).into(),
            },
        )),
        GuestOutcome::Dropped => Ok(json(StatusCode::ACCEPTED, &serde_json::json!({}))),
    }
}

/// A comment waiting for an editor, with what it is on.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedCommentJson {
    /// `article` or `career`.
    pub on: String,
    /// The article's or career's slug.
    pub slug: String,
    /// The comment.
    pub comment: CommentJson,
}

/// Comments in each state.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentCountsJson {
    /// Waiting.
    pub pending: u64,
    /// Shown.
    pub published: u64,
    /// Marked as spam.
    pub spam: u64,
}

/// The moderation queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModerationQueue {
    /// Oldest first, at most 100.
    pub comments: Vec<QueuedCommentJson>,
    /// Counts by state.
    pub counts: CommentCountsJson,
}

/// Comments waiting for an editor
#[utoipa::path(
    get,
    path = "/api/moderation/comments",
    tag = "Moderation",
    security(("Token" = [])),
    responses(
        (status = 200, description = "The queue and counts", body = ModerationQueue),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Not an editor", body = GenericErrorModel),
    )
)]
pub async fn moderation_queue(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Response, RwError> {
    let account = viewer.account.as_ref().ok_or_else(RwError::unauthorized)?;
    let (queue, counts) = app.community.moderation_queue(account).await?;
    let comments = queue
        .iter()
        .map(|q| {
            let (on, slug) = match &q.target {
                CommentTarget::Article(s) => ("article", s),
                CommentTarget::Career(s) => ("career", s),
            };
            QueuedCommentJson {
                on: on.to_owned(),
                slug: slug.as_str().to_owned(),
                comment: (&q.comment).into(),
            }
        })
        .collect();
    Ok(json(
        StatusCode::OK,
        &ModerationQueue {
            comments,
            counts: CommentCountsJson {
                pending: counts.pending,
                published: counts.published,
                spam: counts.spam,
            },
        },
    ))
}

/// What an editor decides.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ModerationAction {
    /// Publish it.
    Approve,
    /// Hide it as spam.
    Spam,
    /// Delete it with its replies.
    Delete,
}

/// An editor's decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ModerationRequest {
    /// The decision.
    pub action: ModerationAction,
}

/// Approve, mark as spam or delete a comment
#[utoipa::path(
    post,
    path = "/api/moderation/comments/{id}",
    tag = "Moderation",
    security(("Token" = [])),
    params(("id" = i64, Path, description = "The comment's number")),
    request_body = ModerationRequest,
    responses(
        (status = 200, description = "Done"),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Not an editor", body = GenericErrorModel),
        (status = 404, description = "No such comment", body = GenericErrorModel),
        (status = 422, description = "Unknown action", body = GenericErrorModel),
    )
)]
pub async fn moderate(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, RwError> {
    let account = viewer.account.as_ref().ok_or_else(RwError::unauthorized)?;
    let id: i64 = id
        .parse()
        .map_err(|_e| RwError::new(StatusCode::NOT_FOUND, "comment", "not found"))?;
    let req: ModerationRequest = super::object_body(&body, None)
        .map_err(|e| RwError::bad_body("a moderation request", &e))?;
    let action = match req.action {
        ModerationAction::Approve => Moderation::Approve,
        ModerationAction::Spam => Moderation::Spam,
        ModerationAction::Delete => Moderation::Delete,
    };
    app.community.moderate(account, id, action).await?;
    Ok(json(StatusCode::OK, &serde_json::json!({})))
}
