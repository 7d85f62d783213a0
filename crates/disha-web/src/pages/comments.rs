//! Comments on career profiles, from people: the thread on the profile, the form (guests give a name and an
//! address that is never shown; a hidden honeypot field catches bots), and the editors' moderation page.

use super::notice::{Notice, notice_page, private};
use super::{Head, render};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::{CoreError, GuestComment, GuestOutcome};
use disha_domain::{Comment, CommentAuthor, CommentStatus, CommentTarget, FieldErrors, Slug};
use disha_store::Moderation;
use serde::Deserialize;

/// One comment as the thread shows it.
pub struct CommentItem {
    pub id: i64,
    pub author: String,
    /// A guest's website; empty for none.
    pub website: String,
    pub date: String,
    pub body: String,
    pub pending: bool,
    pub replies: Vec<CommentItem>,
}

fn item(c: &Comment) -> CommentItem {
    let (author, website) = match &c.author {
        CommentAuthor::Member(p) => (p.username.as_str().to_owned(), String::new()),
        CommentAuthor::Guest { name, website } => {
            (name.clone(), website.clone().unwrap_or_default())
        }
    };
    CommentItem {
        id: c.id,
        author,
        website,
        date: format::date(c.created_at),
        body: c.body.clone(),
        pending: c.status == CommentStatus::Pending,
        replies: Vec::new(),
    }
}

/// Comments as a thread: top-level ones oldest first, each with its replies.
#[must_use]
pub fn thread(comments: &[Comment]) -> Vec<CommentItem> {
    let mut top: Vec<CommentItem> = comments
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(item)
        .collect();
    for c in comments {
        if let Some(parent) = c.parent_id
            && let Some(p) = top.iter_mut().find(|t| t.id == parent)
        {
            p.replies.push(item(c));
        }
    }
    top
}

#[derive(Template)]
#[template(path = "comment_form.html")]
struct FormView<'a> {
    t: &'a Messages,
    head: Head,
    back: String,
    page_title: String,
    action: String,
    parent: String,
    replying_to: String,
    replying_author: String,
    /// "Commenting as …" for members; empty for guests.
    member: String,
    name: String,
    email: String,
    website: String,
    body: String,
    errors: Vec<(String, String)>,
}

#[derive(Default, Deserialize)]
struct CommentForm {
    #[serde(default)]
    parent: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    homepage: String,
}

#[derive(Default, Deserialize)]
struct ReplyQuery {
    #[serde(default)]
    reply: Option<String>,
}

/// The page a comment is on.
struct Ctx {
    target: CommentTarget,
    title: String,
    /// The page's path: `/careers/nurse`, `/blog/neet-guide`.
    page: String,
}

async fn career(app: &AppState, raw: &str) -> AppResult<Ctx> {
    let slug = Slug::parse(raw).ok().ok_or(AppError::NotFound)?;
    let summary = app.library.summary(&slug).await?;
    Ok(Ctx {
        title: summary.title,
        page: format!("/careers/{slug}"),
        target: CommentTarget::Career(slug),
    })
}

async fn article(app: &AppState, raw: &str, viewer: &Viewer) -> AppResult<Ctx> {
    let a = app.community.article(raw, viewer.account.as_ref()).await?;
    Ok(Ctx {
        title: a.title,
        page: format!("/blog/{}", a.slug),
        target: CommentTarget::Article(a.slug),
    })
}

fn form_page(
    app: &AppState,
    ctx: &Ctx,
    viewer: &Viewer,
    parent: Option<&Comment>,
    f: CommentForm,
    errors: Vec<(String, String)>,
) -> AppResult<String> {
    let t = &app.t;
    let back = ctx.page.clone();
    let member = viewer.account.as_ref().map_or_else(String::new, |a| {
        t.fmt(
            "account_signed_in_as",
            &[("username", a.username.as_str().into())],
        )
    });
    let (replying_to, replying_author) = parent.map_or_else(Default::default, |p| {
        let i = item(p);
        (i.body, i.author)
    });
    render(&FormView {
        t,
        head: Head::new(
            app,
            format!(
                "{} · {} · {}",
                t.get("comment_leave"),
                ctx.title,
                t.get("site_name")
            ),
            t.get("comments_heading").into_owned(),
            &format!("{back}/comments/new"),
            "careers",
        ),
        action: format!("{back}/comments"),
        back,
        page_title: ctx.title.clone(),
        parent: parent.map(|p| p.id.to_string()).unwrap_or_default(),
        replying_to,
        replying_author,
        member,
        name: f.name,
        email: f.email,
        website: f.website,
        body: f.body,
        errors,
    })
}

async fn parent_comment(
    app: &AppState,
    target: &CommentTarget,
    viewer: &Viewer,
    raw: &str,
) -> AppResult<Option<Comment>> {
    if raw.is_empty() {
        return Ok(None);
    }
    let id: i64 = raw.parse().ok().ok_or(AppError::NotFound)?;
    let all = app
        .community
        .comments(target, viewer.account.as_ref())
        .await?;
    all.into_iter()
        .find(|c| c.id == id && c.status == CommentStatus::Published)
        .map(Some)
        .ok_or(AppError::NotFound)
}

/// `GET /careers/{slug}/comments/new[?reply=ID]`: the comment form, replying to a comment when asked.
pub async fn comment_form(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let ctx = career(&app, &slug).await?;
    form_for(&app, &ctx, &viewer, query.as_deref()).await
}

/// `GET /blog/{slug}/comments/new[?reply=ID]`.
pub async fn article_comment_form(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let ctx = article(&app, &slug, &viewer).await?;
    form_for(&app, &ctx, &viewer, query.as_deref()).await
}

async fn form_for(
    app: &AppState,
    ctx: &Ctx,
    viewer: &Viewer,
    query: Option<&str>,
) -> AppResult<Response> {
    let q: ReplyQuery = serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    let parent = parent_comment(
        app,
        &ctx.target,
        viewer,
        q.reply.as_deref().unwrap_or_default(),
    )
    .await?;
    let html = form_page(
        app,
        ctx,
        viewer,
        parent.as_ref(),
        CommentForm::default(),
        Vec::new(),
    )?;
    Ok(private(Html(html).into_response()))
}

/// `POST /careers/{slug}/comments`: a member's comment goes to the thread at once; a guest's to the editors
/// with a thank-you page. A bad one comes back with every field named and the text kept.
pub async fn comment_send(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let ctx = career(&app, &slug).await?;
    send_for(&app, &ctx, &viewer, &client, &body).await
}

/// `POST /blog/{slug}/comments`.
pub async fn article_comment_send(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let ctx = article(&app, &slug, &viewer).await?;
    send_for(&app, &ctx, &viewer, &client, &body).await
}

async fn send_for(
    app: &AppState,
    ctx: &Ctx,
    viewer: &Viewer,
    client: &ClientAddr,
    body: &[u8],
) -> AppResult<Response> {
    let f: CommentForm = serde_urlencoded::from_bytes(body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    let target = ctx.target.clone();
    let parent = parent_comment(app, &target, viewer, f.parent.trim()).await?;
    let parent_id = parent.as_ref().map(|p| p.id);
    let result = match &viewer.account {
        Some(account) => app
            .community
            .comment(account, &target, parent_id, &f.body)
            .await
            .map(|c| Some(c.id)),
        None => {
            let guest = GuestComment {
                name: f.name.clone(),
                email: f.email.clone(),
                website: f.website.clone(),
                body: f.body.clone(),
                honeypot: f.homepage.clone(),
            };
            app.community
                .guest_comment(&target, parent_id, &guest, &client.0)
                .await
                .map(|o| match o {
                    GuestOutcome::Queued(_) | GuestOutcome::Dropped => None,
                })
        }
    };
    let t = &app.t;
    match result {
        Ok(Some(id)) => Ok(private(
            Redirect::to(&format!("{}#comment-{id}", ctx.page)).into_response(),
        )),
        Ok(None) => Ok(private(
            Redirect::to(&format!("{}/comments/thanks", ctx.page)).into_response(),
        )),
        Err(CoreError::Invalid(errs)) => {
            let label = |field: &str| match field {
                "name" => t.get("comment_name"),
                "email" => t.get("sign_in_email"),
                "website" => t.get("comment_website"),
                _ => t.get("comment_text"),
            };
            let list = errs
                .0
                .iter()
                .map(|e| {
                    let id = if e.field == "body" {
                        "body"
                    } else {
                        e.field.as_str()
                    };
                    (
                        id.to_owned(),
                        format!("{}: {}", label(&e.field), t.field_error(e)),
                    )
                })
                .collect();
            let html = form_page(app, ctx, viewer, parent.as_ref(), f, list)?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /careers/{slug}/comments/thanks`.
pub async fn comment_thanks(
    State(app): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let ctx = career(&app, &slug).await?;
    thanks_for(&app, &ctx)
}

/// `GET /blog/{slug}/comments/thanks`.
pub async fn article_comment_thanks(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let ctx = article(&app, &slug, &viewer).await?;
    thanks_for(&app, &ctx)
}

fn thanks_for(app: &AppState, ctx: &Ctx) -> AppResult<Response> {
    let t = &app.t;
    notice_page(
        app,
        Notice {
            path: format!("{}/comments/thanks", ctx.page),
            section: "careers",
            description: t.get("comments_heading").into_owned(),
            heading: t.get("comment_thanks_heading").into_owned(),
            lead: t.get("comment_thanks_lead").into_owned(),
            action: String::new(),
            button: String::new(),
            link: Some((
                format!("{}#comments", ctx.page),
                t.fmt("comment_back", &[("title", ctx.title.clone().into())]),
            )),
        },
    )
}

struct QueueItem {
    id: i64,
    author: String,
    date: String,
    body: String,
    page: String,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct ModerationView<'a> {
    t: &'a Messages,
    head: Head,
    counts: String,
    items: Vec<QueueItem>,
}

/// `GET /moderation`: the editors' queue with counts; others are sent to sign in or refused.
pub async fn moderation(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let Some(account) = viewer.account else {
        return Ok(private(Redirect::to("/sign-in").into_response()));
    };
    let (queue, counts) = app.community.moderation_queue(&account).await?;
    let t = &app.t;
    let items = queue
        .iter()
        .map(|q| {
            let i = item(&q.comment);
            let page = match &q.target {
                CommentTarget::Career(s) => format!("/careers/{s}"),
                CommentTarget::Article(s) => format!("/blog/{s}"),
            };
            QueueItem {
                id: i.id,
                author: i.author,
                date: i.date,
                body: i.body,
                page,
            }
        })
        .collect();
    let heading = t.get("moderation_heading").into_owned();
    let html = render(&ModerationView {
        t,
        head: Head::new(
            &app,
            format!("{heading} · {}", t.get("site_name")),
            heading.clone(),
            "/moderation",
            "account",
        ),
        counts: t.fmt(
            "moderation_counts",
            &[
                ("pending", counts.pending.into()),
                ("published", counts.published.into()),
                ("spam", counts.spam.into()),
            ],
        ),
        items,
    })?;
    Ok(private(Html(html).into_response()))
}

#[derive(Default, Deserialize)]
struct ModerationForm {
    #[serde(default)]
    action: String,
}

/// `POST /moderation/{id}`: approve, spam or delete, then back to the queue.
pub async fn moderate(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let account = viewer.account.ok_or(AppError::Unauthorized)?;
    let id: i64 = id.parse().ok().ok_or(AppError::NotFound)?;
    let f: ModerationForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let action: Moderation = f.action.parse().map_err(|_e: strum::ParseError| {
        let mut errs = FieldErrors::default();
        errs.at(
            "action",
            disha_domain::Problem::one_of(&["approve", "spam", "delete"]),
        );
        AppError::Invalid(errs)
    })?;
    app.community.moderate(&account, id, action).await?;
    Ok(private(Redirect::to("/moderation").into_response()))
}
