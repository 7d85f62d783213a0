//! The JSON shapes the RealWorld ("Conduit") API uses for profiles, articles and comments, built from domain
//! types. Email addresses have no place in any of them.

use disha_domain::{Article, Comment, CommentAuthor, Profile};
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

/// A public profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileJson {
    /// Public name (for a guest's comment, the name they gave).
    pub username: String,
    /// Short biography.
    pub bio: String,
    /// Picture address.
    pub image: String,
    /// Whether the signed-in user follows them.
    pub following: bool,
}

impl From<&Profile> for ProfileJson {
    fn from(p: &Profile) -> Self {
        Self {
            username: p.username.as_str().to_owned(),
            bio: p.bio.clone(),
            image: p.image.clone(),
            following: p.following,
        }
    }
}

/// `{"profile": …}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileResponse {
    /// The profile.
    pub profile: ProfileJson,
}

/// RFC 3339 in UTC to the millisecond, as RealWorld clients expect.
#[must_use]
pub fn timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let t = t
        .replace_nanosecond(t.nanosecond() / 1_000_000 * 1_000_000)
        .unwrap_or(t);
    t.format(&Rfc3339).unwrap_or_default()
}

/// An article.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArticleJson {
    /// Address.
    pub slug: String,
    /// Title.
    pub title: String,
    /// One-sentence summary.
    pub description: String,
    /// Markdown (pages render it through a sanitiser).
    pub body: String,
    /// Tags.
    pub tag_list: Vec<String>,
    /// First saved (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
    /// Whether the signed-in user favourited it.
    pub favorited: bool,
    /// How many people favourited it.
    pub favorites_count: u64,
    /// `published`, or `pending` while an editor has not yet checked a student's article (Disha's addition).
    pub status: String,
    /// The author.
    pub author: ProfileJson,
}

impl From<&Article> for ArticleJson {
    fn from(a: &Article) -> Self {
        Self {
            slug: a.slug.as_str().to_owned(),
            title: a.title.clone(),
            description: a.description.clone(),
            body: a.body.clone(),
            tag_list: a.tags.clone(),
            created_at: timestamp(a.created_at),
            updated_at: timestamp(a.updated_at),
            favorited: a.favorited,
            favorites_count: a.favorites_count,
            status: a.status.as_ref().to_owned(),
            author: (&a.author).into(),
        }
    }
}

impl From<Article> for ArticleJson {
    /// Takes the article's text instead of copying it, for lists.
    fn from(a: Article) -> Self {
        Self {
            slug: a.slug.as_str().to_owned(),
            created_at: timestamp(a.created_at),
            updated_at: timestamp(a.updated_at),
            status: a.status.as_ref().to_owned(),
            title: a.title,
            description: a.description,
            body: a.body,
            tag_list: a.tags,
            favorited: a.favorited,
            favorites_count: a.favorites_count,
            author: ProfileJson {
                username: a.author.username.as_str().to_owned(),
                bio: a.author.bio,
                image: a.author.image,
                following: a.author.following,
            },
        }
    }
}

/// `{"article": …}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SingleArticleResponse {
    /// The article.
    pub article: ArticleJson,
}

/// `{"articles": […], "articlesCount": n}`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MultipleArticlesResponse {
    /// A page of articles, newest first.
    pub articles: Vec<ArticleJson>,
    /// How many match in all.
    pub articles_count: u64,
}

/// A comment.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentJson {
    /// Its number.
    pub id: i64,
    /// Written (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
    /// Plain text.
    pub body: String,
    /// The comment it replies to (Disha's addition).
    pub parent_id: Option<i64>,
    /// `published`, or `pending` while it waits for an editor (Disha's addition).
    pub status: String,
    /// `member`, or `guest` for someone without an account (Disha's addition).
    pub author_kind: String,
    /// A guest's website, if they gave one (Disha's addition).
    pub website: Option<String>,
    /// The author.
    pub author: ProfileJson,
}

impl From<&Comment> for CommentJson {
    fn from(c: &Comment) -> Self {
        let (kind, website, author) = match &c.author {
            CommentAuthor::Member(p) => ("member", None, p.into()),
            CommentAuthor::Guest { name, website } => (
                "guest",
                website.clone(),
                ProfileJson {
                    username: name.clone(),
                    bio: String::new(),
                    image: String::new(),
                    following: false,
                },
            ),
        };
        Self {
            id: c.id,
            created_at: timestamp(c.created_at),
            updated_at: timestamp(c.updated_at),
            body: c.body.clone(),
            parent_id: c.parent_id,
            status: c.status.as_ref().to_owned(),
            author_kind: kind.to_owned(),
            website,
            author,
        }
    }
}

/// `{"comment": …}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SingleCommentResponse {
    /// The comment.
    pub comment: CommentJson,
}

/// `{"comments": […]}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct MultipleCommentsResponse {
    /// Oldest first.
    pub comments: Vec<CommentJson>,
}

/// `{"tags": […]}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct TagsResponse {
    /// Most used first.
    pub tags: Vec<String>,
}

/// A JSON response that no shared cache keeps (it may depend on who asks).
pub fn json<T: Serialize>(status: axum::http::StatusCode, body: &T) -> axum::response::Response {
    json_response(status, json_bytes(body))
}

/// `body` serialised.
pub fn json_bytes<T: Serialize>(body: &T) -> Vec<u8> {
    serde_json::to_vec(body).unwrap_or_default()
}

/// A JSON response of bytes already serialised, for this reader alone.
pub fn json_response(status: axum::http::StatusCode, body: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        body,
    )
        .into_response()
}

/// An optional whole number that may arrive written as `12` or `12.0` (JSON does not tell them apart).
///
/// # Errors
/// When the value is not a whole number that fits in `i64`.
pub fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::Deserialize;
    let n: Option<serde_json::Number> = Option::deserialize(d)?;
    n.map(|n| {
        n.as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .and_then(|f| format!("{f:.0}").parse().ok())
            })
            .ok_or_else(|| serde::de::Error::custom("must be a whole number"))
    })
    .transpose()
}
