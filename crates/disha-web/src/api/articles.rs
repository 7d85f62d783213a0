//! The RealWorld profile, article, favourite, tag and comment endpoints.

use super::realworld::{
    ArticleJson, CommentJson, MultipleArticlesResponse, MultipleCommentsResponse, ProfileResponse,
    SingleArticleResponse, SingleCommentResponse, TagsResponse, json, json_response,
};
use super::users::{GenericErrorModel, RwError};
use crate::auth::Viewer;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use disha_core::{ArticleQuery, RawArticle, ReaderList};
use disha_domain::{Account, CommentTarget, Slug};
use disha_store::ArticleScope;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

fn signed_in(viewer: &Viewer) -> Result<&Account, RwError> {
    viewer.account.as_ref().ok_or_else(RwError::unauthorized)
}

fn article_target(slug: &str) -> Result<CommentTarget, RwError> {
    Slug::parse(slug)
        .map(CommentTarget::Article)
        .map_err(|_e| RwError::new(StatusCode::NOT_FOUND, "article", "not found"))
}

/// List filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only articles with this tag.
    tag: Option<String>,
    /// Only articles by this username.
    author: Option<String>,
    /// Only articles this username favourited.
    favorited: Option<String>,
    /// How many (default 20, 1 to 100).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// How many to skip (default 0, at most 1,000,000).
    #[param(maximum = 1_000_000)]
    offset: Option<u64>,
}

/// Offsets past this are refused rather than scanned.
const MAX_OFFSET: u64 = 1_000_000;

fn list_query(raw: Option<&str>) -> Result<ListQuery, RwError> {
    let q: ListQuery = serde_urlencoded::from_str(raw.unwrap_or_default()).map_err(|e| {
        RwError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "query",
            format!("is not understood: {e}"),
        )
    })?;
    if q.limit
        .is_some_and(|l| !(1..=disha_core::community::MAX_PAGE).contains(&l))
    {
        return Err(RwError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "limit",
            "must be from 1 to 100",
        ));
    }
    if q.offset.is_some_and(|o| o > MAX_OFFSET) {
        return Err(RwError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "offset",
            "must be at most 1000000",
        ));
    }
    Ok(q)
}

fn many(articles: Vec<disha_domain::Article>, count: u64) -> Response {
    json(
        StatusCode::OK,
        &MultipleArticlesResponse {
            articles: articles.into_iter().map(ArticleJson::from).collect(),
            articles_count: count,
        },
    )
}

fn one(status: StatusCode, a: &disha_domain::Article) -> Response {
    json(status, &SingleArticleResponse { article: a.into() })
}

/// Get a profile
///
/// A user's public profile; `following` says whether the signed-in user follows them.
#[utoipa::path(
    get,
    path = "/api/profiles/{username}",
    tag = "Profile",
    params(("username" = String, Path, description = "Public name")),
    responses(
        (status = 200, description = "The profile", body = ProfileResponse),
        (status = 404, description = "No such user", body = GenericErrorModel),
    )
)]
pub async fn get_profile(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Response, RwError> {
    let p = app
        .community
        .profile(&username, viewer.account.as_ref())
        .await?;
    Ok(json(
        StatusCode::OK,
        &ProfileResponse {
            profile: (&p).into(),
        },
    ))
}

/// Follow a user
#[utoipa::path(
    post,
    path = "/api/profiles/{username}/follow",
    tag = "Profile",
    security(("Token" = [])),
    params(("username" = String, Path, description = "Public name")),
    responses(
        (status = 200, description = "Followed", body = ProfileResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 404, description = "No such user", body = GenericErrorModel),
    )
)]
pub async fn follow(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Response, RwError> {
    let p = app
        .community
        .follow(signed_in(&viewer)?, &username, true)
        .await?;
    Ok(json(
        StatusCode::OK,
        &ProfileResponse {
            profile: (&p).into(),
        },
    ))
}

/// Unfollow a user
#[utoipa::path(
    delete,
    path = "/api/profiles/{username}/follow",
    tag = "Profile",
    security(("Token" = [])),
    params(("username" = String, Path, description = "Public name")),
    responses(
        (status = 200, description = "Unfollowed", body = ProfileResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 404, description = "No such user", body = GenericErrorModel),
    )
)]
pub async fn unfollow(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(username): Path<String>,
) -> Result<Response, RwError> {
    let p = app
        .community
        .follow(signed_in(&viewer)?, &username, false)
        .await?;
    Ok(json(
        StatusCode::OK,
        &ProfileResponse {
            profile: (&p).into(),
        },
    ))
}

/// List articles
///
/// Published articles, newest first, filtered by tag, author or who favourited them; a signed-in author
/// also sees their own articles that wait for an editor.
#[utoipa::path(
    get,
    path = "/api/articles",
    tag = "Articles",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of articles", body = MultipleArticlesResponse),
        (status = 422, description = "A filter is malformed", body = GenericErrorModel),
    )
)]
pub async fn list_articles(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
    headers: axum::http::HeaderMap,
) -> Result<Response, RwError> {
    let q = list_query(raw.as_deref())?;
    let query = ArticleQuery {
        tag: q.tag,
        author: q.author,
        favorited: q.favorited,
        limit: q.limit,
        offset: q.offset,
    };
    if viewer.account.is_none() && viewer.token.is_none() {
        // Without a session the list is the same for everyone: cached under the articles scope, which every
        // article write and favourite bumps.
        let key = format!("api:/api/articles?{}", raw.as_deref().unwrap_or_default());
        return crate::respond::cached(
            &app,
            &key,
            &[disha_store::scopes::ARTICLES],
            crate::respond::Kind::Json,
            &headers,
            || async {
                let (articles, count) = app
                    .community
                    .articles(&query, None, ArticleScope::Published)
                    .await
                    .map_err(crate::error::AppError::from)?;
                Ok(serde_json::to_string(&MultipleArticlesResponse {
                    articles: articles.iter().map(ArticleJson::from).collect(),
                    articles_count: count,
                })
                .unwrap_or_default())
            },
        )
        .await
        .map_err(|e| RwError::new(e.status(), "body", <&'static str>::from(&e)));
    }
    let Some(account) = viewer.account.as_ref() else {
        let (articles, count) = app
            .community
            .articles(&query, None, ArticleScope::Published)
            .await?;
        return Ok(many(articles, count));
    };
    match app.community.reader_articles(&query, account).await? {
        ReaderList::Shared { page, marks } => {
            let key = raw.as_deref().unwrap_or_default();
            Ok(json_response(
                StatusCode::OK,
                app.reader_lists.body(key, page, &marks).await,
            ))
        }
        own @ ReaderList::Own { .. } => {
            let (articles, count) = own.into_articles();
            Ok(many(articles, count))
        }
    }
}

/// Feed of followed authors
#[utoipa::path(
    get,
    path = "/api/articles/feed",
    tag = "Articles",
    security(("Token" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "Articles by followed authors, newest first", body = MultipleArticlesResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 422, description = "A paging parameter is malformed", body = GenericErrorModel),
    )
)]
pub async fn feed(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, RwError> {
    let account = signed_in(&viewer)?;
    let q = list_query(raw.as_deref())?;
    let (articles, count) = app.community.feed(account, q.limit, q.offset).await?;
    Ok(many(articles, count))
}

// Patterns: no control characters but line breaks and tabs; titles and summaries need a character that is not a
// space.
/// A new article.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewArticle {
    /// Title, 1–150 characters (spaces around it are dropped).
    #[schema(
        min_length = 1,
        max_length = 150,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub title: String,
    /// Summary, 1–300 characters.
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub description: String,
    /// Markdown, 1–60,000 characters.
    #[schema(
        min_length = 1,
        max_length = 60000,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub body: String,
    /// Up to 8 tags: letters, digits, spaces, `.`, `+` or `-`; stored lowercase with hyphens for spaces.
    #[schema(max_items = 8, inline)]
    pub tag_list: Option<Vec<Tag>>,
}

/// One tag as sent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, max_length = 30, pattern = "^[A-Za-z0-9 .+-]*$")]
pub struct Tag(String);

/// `{"article": …}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewArticleRequest {
    /// The article.
    pub article: NewArticle,
}

/// Changes to an article; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateArticle {
    /// New title.
    #[schema(
        min_length = 1,
        max_length = 150,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub title: Option<String>,
    /// New summary.
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub description: Option<String>,
    /// New Markdown body.
    #[schema(
        min_length = 1,
        max_length = 60000,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub body: Option<String>,
    /// New tags (Disha's addition).
    #[schema(max_items = 8, inline)]
    pub tag_list: Option<Vec<Tag>>,
}

fn tag_texts(t: Option<Vec<Tag>>) -> Option<Vec<String>> {
    t.map(|v| v.into_iter().map(|Tag(s)| s).collect())
}

/// Create an article
///
/// Counsellors', editors' and admins' articles publish at once; a student's waits for an editor
/// (`status: pending`) and is visible to its author meanwhile.
#[utoipa::path(
    post,
    path = "/api/articles",
    tag = "Articles",
    security(("Token" = [])),
    request_body = NewArticleRequest,
    responses(
        (status = 201, description = "Created", body = SingleArticleResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 422, description = "A field is invalid", body = GenericErrorModel),
    )
)]
pub async fn create_article(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, RwError> {
    let account = signed_in(&viewer)?;
    let req: NewArticleRequest = super::object_body(&body, Some("article"))
        .map_err(|e| RwError::bad_body("a new article", &e))?;
    let a = app
        .community
        .create_article(
            account,
            RawArticle {
                title: Some(req.article.title),
                description: Some(req.article.description),
                body: Some(req.article.body),
                tags: tag_texts(req.article.tag_list),
            },
        )
        .await?;
    Ok(one(StatusCode::CREATED, &a))
}

/// Get an article
#[utoipa::path(
    get,
    path = "/api/articles/{slug}",
    tag = "Articles",
    params(("slug" = String, Path, description = "The article's address")),
    responses(
        (status = 200, description = "The article", body = SingleArticleResponse),
        (status = 404, description = "No such article", body = GenericErrorModel),
    )
)]
pub async fn get_article(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    let a = app
        .community
        .article(&slug, viewer.account.as_ref())
        .await?;
    Ok(one(StatusCode::OK, &a))
}

/// `{"article": …}` with the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateArticleRequest {
    /// The changes.
    pub article: UpdateArticle,
}

/// Update an article
///
/// Its author or an editor changes the title, description, body or tags; every edit keeps a revision. The
/// address stays the same so links keep working.
#[utoipa::path(
    put,
    path = "/api/articles/{slug}",
    tag = "Articles",
    security(("Token" = [])),
    params(("slug" = String, Path, description = "The article's address")),
    request_body = UpdateArticleRequest,
    responses(
        (status = 200, description = "Updated", body = SingleArticleResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Someone else's article", body = GenericErrorModel),
        (status = 404, description = "No such article", body = GenericErrorModel),
        (status = 422, description = "A field is invalid", body = GenericErrorModel),
    )
)]
pub async fn update_article(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, RwError> {
    let account = signed_in(&viewer)?;
    let req: UpdateArticleRequest = super::object_body(&body, Some("article"))
        .map_err(|e| RwError::bad_body("an article update", &e))?;
    let a = app
        .community
        .update_article(
            account,
            &slug,
            RawArticle {
                title: req.article.title,
                description: req.article.description,
                body: req.article.body,
                tags: tag_texts(req.article.tag_list),
            },
            None,
        )
        .await?;
    Ok(one(StatusCode::OK, &a))
}

/// Delete an article
#[utoipa::path(
    delete,
    path = "/api/articles/{slug}",
    tag = "Articles",
    security(("Token" = [])),
    params(("slug" = String, Path, description = "The article's address")),
    responses(
        (status = 200, description = "Deleted"),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Someone else's article", body = GenericErrorModel),
        (status = 404, description = "No such article", body = GenericErrorModel),
    )
)]
pub async fn delete_article(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    app.community
        .delete_article(signed_in(&viewer)?, &slug)
        .await?;
    Ok(json(StatusCode::OK, &serde_json::json!({})))
}

/// Favourite an article
#[utoipa::path(
    post,
    path = "/api/articles/{slug}/favorite",
    tag = "Favorites",
    security(("Token" = [])),
    params(("slug" = String, Path, description = "The article's address")),
    responses(
        (status = 200, description = "Favourited", body = SingleArticleResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 404, description = "No such article", body = GenericErrorModel),
    )
)]
pub async fn favorite(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    let a = app
        .community
        .favorite(signed_in(&viewer)?, &slug, true)
        .await?;
    Ok(one(StatusCode::OK, &a))
}

/// Unfavourite an article
#[utoipa::path(
    delete,
    path = "/api/articles/{slug}/favorite",
    tag = "Favorites",
    security(("Token" = [])),
    params(("slug" = String, Path, description = "The article's address")),
    responses(
        (status = 200, description = "Unfavourited", body = SingleArticleResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 404, description = "No such article", body = GenericErrorModel),
    )
)]
pub async fn unfavorite(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    let a = app
        .community
        .favorite(signed_in(&viewer)?, &slug, false)
        .await?;
    Ok(one(StatusCode::OK, &a))
}

/// Get tags
#[utoipa::path(
    get,
    path = "/api/tags",
    tag = "Tags",
    responses((status = 200, description = "Tags of published articles, most used first", body = TagsResponse))
)]
pub async fn tags(State(app): State<AppState>) -> Result<Response, RwError> {
    Ok(json(
        StatusCode::OK,
        &TagsResponse {
            tags: app.community.tags().await?,
        },
    ))
}

/// Comments on an article
#[utoipa::path(
    get,
    path = "/api/articles/{slug}/comments",
    tag = "Comments",
    params(("slug" = String, Path, description = "The article's address")),
    responses(
        (status = 200, description = "Published comments, oldest first, and the signed-in user's own that wait", body = MultipleCommentsResponse),
        (status = 404, description = "No such article", body = GenericErrorModel),
    )
)]
pub async fn article_comments(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, RwError> {
    let comments = app
        .community
        .comments(&article_target(&slug)?, viewer.account.as_ref())
        .await?;
    Ok(json(
        StatusCode::OK,
        &MultipleCommentsResponse {
            comments: comments.iter().map(CommentJson::from).collect(),
        },
    ))
}

/// A new comment.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewComment {
    /// Plain text, 1–5,000 characters.
    #[schema(
        min_length = 1,
        max_length = 5000,
        pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
    )]
    pub body: String,
    /// The comment this answers (Disha's addition; replies are one level deep).
    #[serde(default, deserialize_with = "super::realworld::whole_number")]
    pub parent_id: Option<i64>,
}

/// `{"comment": …}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewCommentRequest {
    /// The comment.
    pub comment: NewComment,
}

/// Comment on an article
///
/// Published at once for a verified account; an unverified one's waits for an editor.
#[utoipa::path(
    post,
    path = "/api/articles/{slug}/comments",
    tag = "Comments",
    security(("Token" = [])),
    params(("slug" = String, Path, description = "The article's address")),
    request_body = NewCommentRequest,
    responses(
        (status = 200, description = "The comment", body = SingleCommentResponse),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 404, description = "No such article or parent comment", body = GenericErrorModel),
        (status = 422, description = "The text is empty or too long", body = GenericErrorModel),
        (status = 429, description = "Too many comments; see `Retry-After`", body = GenericErrorModel),
    )
)]
pub async fn add_article_comment(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, RwError> {
    let account = signed_in(&viewer)?;
    let req: NewCommentRequest = super::object_body(&body, Some("comment"))
        .map_err(|e| RwError::bad_body("a new comment", &e))?;
    let c = app
        .community
        .comment(
            account,
            &article_target(&slug)?,
            req.comment.parent_id,
            &req.comment.body,
        )
        .await?;
    Ok(json(
        StatusCode::OK,
        &SingleCommentResponse {
            comment: (&c).into(),
        },
    ))
}

/// Delete a comment
///
/// Its author or an editor deletes it, with its replies.
#[utoipa::path(
    delete,
    path = "/api/articles/{slug}/comments/{id}",
    tag = "Comments",
    security(("Token" = [])),
    params(
        ("slug" = String, Path, description = "The article's address"),
        ("id" = i64, Path, description = "The comment's number"),
    ),
    responses(
        (status = 200, description = "Deleted"),
        (status = 401, description = "Not signed in", body = GenericErrorModel),
        (status = 403, description = "Someone else's comment", body = GenericErrorModel),
        (status = 404, description = "No such comment on that article", body = GenericErrorModel),
    )
)]
pub async fn delete_article_comment(
    State(app): State<AppState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, RwError> {
    let account = signed_in(&viewer)?;
    let id: i64 = id
        .parse()
        .map_err(|_e| RwError::new(StatusCode::NOT_FOUND, "comment", "not found"))?;
    app.community
        .delete_comment(account, &article_target(&slug)?, id)
        .await?;
    Ok(json(StatusCode::OK, &serde_json::json!({})))
}
