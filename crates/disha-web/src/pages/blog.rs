//! The blog for people: `/blog` (newest first, in pages, by topic), `/blog/{slug}` (Markdown through the
//! sanitiser, author card, topics, reading time, JSON-LD `Article`, Open Graph), `/authors/{username}`, the
//! Atom feed, and the pages where people write, preview, edit and publish. Every save keeps a revision.

use super::comments::{CommentItem, thread};
use super::notice::private;
use super::{Head, json_ld, render};
use crate::auth::Viewer;
use crate::error::{AppError, AppResult};
use crate::format;
use crate::i18n::Messages;
use crate::markdown::to_safe_html;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::{ArticleQuery, CoreError, RawArticle};
use disha_domain::{Account, Article, ArticleStatus, CommentTarget, FieldErrors, Slug};
use disha_store::{ArticleScope, scopes};
use serde::Deserialize;
use std::fmt::Write;

/// Articles on one page of the list.
const PER_PAGE: u32 = 10;
/// Reading speed for the "minutes read" estimate, in words a minute.
const WORDS_PER_MINUTE: usize = 200;

/// An article in a list.
pub struct Item {
    slug: String,
    title: String,
    description: String,
    byline: String,
}

fn minutes(body: &str) -> usize {
    body.split_whitespace()
        .count()
        .div_ceil(WORDS_PER_MINUTE)
        .max(1)
}

fn byline(t: &Messages, a: &Article) -> String {
    t.fmt(
        "blog_byline",
        &[
            ("author", a.author.username.as_str().into()),
            (
                "date",
                format::date(a.published_at.unwrap_or(a.created_at)).into(),
            ),
            ("minutes", minutes(&a.body).into()),
        ],
    )
}

fn items(t: &Messages, articles: &[Article]) -> Vec<Item> {
    articles
        .iter()
        .map(|a| Item {
            slug: a.slug.as_str().to_owned(),
            title: a.title.clone(),
            description: a.description.clone(),
            byline: byline(t, a),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "blog_list.html")]
struct ListView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    lead: String,
    tags: Vec<String>,
    current_tag: String,
    items: Vec<Item>,
    prev: String,
    next: String,
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    page: Option<String>,
}

fn page_number(raw: Option<&str>) -> AppResult<u32> {
    let q: PageQuery = serde_urlencoded::from_str(raw.unwrap_or_default()).unwrap_or_default();
    match q.page.as_deref() {
        None | Some("") => Ok(1),
        Some(p) => p
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=10_000).contains(n))
            .ok_or_else(|| {
                let mut e = FieldErrors::default();
                e.range("page", 1, 10_000);
                AppError::Invalid(e)
            }),
    }
}

async fn list_page(
    app: &AppState,
    headers: &HeaderMap,
    tag: Option<String>,
    page: u32,
) -> AppResult<Response> {
    let base = tag
        .as_ref()
        .map_or_else(|| "/blog".to_owned(), |t| format!("/blog/tag/{t}"));
    let key = format!("page:{base}?page={page}");
    cached(
        app,
        &key,
        &[scopes::ARTICLES],
        Kind::Html,
        headers,
        || async {
            let t = &app.t;
            let q = ArticleQuery {
                tag: tag.clone(),
                limit: Some(PER_PAGE),
                offset: Some(u64::from(page - 1) * u64::from(PER_PAGE)),
                ..ArticleQuery::default()
            };
            let (articles, total) = app
                .community
                .articles(&q, None, ArticleScope::Published)
                .await?;
            if articles.is_empty() && page > 1 {
                return Err(AppError::NotFound);
            }
            let heading = tag.as_ref().map_or_else(
                || t.get("blog_heading").into_owned(),
                |tg| t.fmt("blog_tag_heading", &[("tag", tg.clone().into())]),
            );
            let path = if page > 1 {
                format!("{base}?page={page}")
            } else {
                base.clone()
            };
            let shown = u64::from(page) * u64::from(PER_PAGE);
            render(&ListView {
                t,
                head: Head::new(
                    app,
                    format!("{heading} · {}", t.get("site_name")),
                    t.get("blog_description").into_owned(),
                    &path,
                    "blog",
                ),
                lead: t.get("blog_lead").into_owned(),
                heading,
                tags: app.community.tags().await?.into_iter().take(20).collect(),
                current_tag: tag.clone().unwrap_or_default(),
                items: items(t, &articles),
                prev: match page {
                    1 => String::new(),
                    2 => base.clone(),
                    n => format!("{base}?page={}", n - 1),
                },
                next: if shown < total {
                    format!("{base}?page={}", page + 1)
                } else {
                    String::new()
                },
            })
        },
    )
    .await
}

/// `GET /blog`.
pub async fn blog(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let page = page_number(query.as_deref())?;
    list_page(&app, &headers, None, page).await
}

/// `GET /blog/tag/{tag}`.
pub async fn blog_tag(
    State(app): State<AppState>,
    Path(tag): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let page = page_number(query.as_deref())?;
    let tag = disha_domain::parse_tags(&[tag])
        .ok()
        .and_then(|t| t.into_iter().next())
        .ok_or(AppError::NotFound)?;
    list_page(&app, &headers, Some(tag), page).await
}

#[derive(Template)]
#[template(path = "blog_article.html")]
struct ArticleView<'a> {
    t: &'a Messages,
    head: Head,
    slug: String,
    title: String,
    description: String,
    byline: String,
    status_note: String,
    body_html: String,
    tags: Vec<String>,
    author: String,
    author_bio: String,
    can_edit: bool,
    comments: Vec<CommentItem>,
    comment_base: String,
}

fn article_page(
    app: &AppState,
    a: &Article,
    viewer: Option<&Account>,
    comments: &[disha_domain::Comment],
) -> AppResult<String> {
    let t = &app.t;
    let path = format!("/blog/{}", a.slug);
    let mut head = Head::new(
        app,
        format!("{} · {}", a.title, t.get("site_name")),
        a.description.clone(),
        &path,
        "blog",
    );
    head.og_type = "article";
    head.json_ld = json_ld(&serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": a.title,
        "description": a.description,
        "datePublished": format::iso_date(a.published_at.unwrap_or(a.created_at)),
        "dateModified": format::iso_date(a.updated_at),
        "author": {"@type": "Person", "name": a.author.username.as_str(),
                   "url": format!("{}/authors/{}", app.base_url, a.author.username.as_str())},
        "publisher": {"@type": "Organization", "name": t.get("site_name")},
        "mainEntityOfPage": head.canonical,
        "keywords": a.tags.join(", "),
        "inLanguage": "en-IN",
    }));
    let status_note = match a.status {
        ArticleStatus::Published => String::new(),
        ArticleStatus::Pending => t.get("blog_pending_note").into_owned(),
        ArticleStatus::Draft => t.get("blog_draft_note").into_owned(),
    };
    render(&ArticleView {
        t,
        head,
        slug: a.slug.as_str().to_owned(),
        title: a.title.clone(),
        description: a.description.clone(),
        byline: byline(t, a),
        status_note,
        body_html: to_safe_html(&a.body),
        tags: a.tags.clone(),
        author: a.author.username.as_str().to_owned(),
        author_bio: a.author.bio.clone(),
        can_edit: viewer.is_some_and(|v| v.role.edits() || v.username == a.author.username),
        comments: thread(comments),
        comment_base: format!("{path}/comments"),
    })
}

/// `GET /blog/{slug}`: one article with its comments; its author and editors also see it before it is
/// published.
pub async fn blog_article(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slug = Slug::parse(&slug).ok().ok_or(AppError::NotFound)?;
    let target = CommentTarget::Article(slug.clone());
    let comment_scope = scopes::comments_on(&target);
    let key = format!("page:/blog/{slug}");
    cached(
        &app,
        &key,
        &[scopes::ARTICLES, comment_scope.as_str()],
        Kind::Html,
        &headers,
        || async {
            let a = app
                .community
                .article(slug.as_str(), viewer.account.as_ref())
                .await?;
            let comments = app
                .community
                .comments(&target, viewer.account.as_ref())
                .await?;
            article_page(&app, &a, viewer.account.as_ref(), &comments)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "author.html")]
struct AuthorView<'a> {
    t: &'a Messages,
    head: Head,
    username: String,
    bio: String,
    items: Vec<Item>,
}

/// `GET /authors/{username}`: who they are and what they have published.
pub async fn author(
    State(app): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let profile = app.community.profile(&username, None).await?;
    let name = profile.username.as_str().to_owned();
    let key = format!("page:/authors/{}", profile.username.key());
    cached(
        &app,
        &key,
        &[scopes::ARTICLES],
        Kind::Html,
        &headers,
        || async {
            let t = &app.t;
            let q = ArticleQuery {
                author: Some(name.clone()),
                limit: Some(100),
                ..ArticleQuery::default()
            };
            let (articles, _) = app
                .community
                .articles(&q, None, ArticleScope::Published)
                .await?;
            render(&AuthorView {
                t,
                head: Head::new(
                    &app,
                    format!("{name} · {}", t.get("site_name")),
                    if profile.bio.is_empty() {
                        t.get("blog_description").into_owned()
                    } else {
                        profile.bio.clone()
                    },
                    &format!("/authors/{name}"),
                    "blog",
                ),
                username: name.clone(),
                bio: profile.bio.clone(),
                items: items(t, &articles),
            })
        },
    )
    .await
}

/// Escapes text for XML.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    crate::api::realworld::timestamp(t)
}

/// `GET /blog/feed.xml`: the newest 20 articles as an Atom feed.
pub async fn feed(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let mut resp = cached(&app, "feed:/blog", &[scopes::ARTICLES], Kind::Xml, &headers, || async {
        let q = ArticleQuery {
            limit: Some(20),
            ..ArticleQuery::default()
        };
        let (articles, _) = app
            .community
            .articles(&q, None, ArticleScope::Published)
            .await?;
        let base = &app.base_url;
        let t = &app.t;
        let updated = articles
            .iter()
            .map(|a| a.updated_at)
            .max()
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        let _ = writeln!(
            x,
            "<title>{}</title>\n<subtitle>{}</subtitle>\n<id>{base}/blog</id>\n<link rel=\"self\" href=\"{base}/blog/feed.xml\"/>\n<link href=\"{base}/blog\"/>\n<updated>{}</updated>",
            xml(&format!("{} · {}", t.get("blog_heading"), t.get("site_name"))),
            xml(&t.get("blog_description")),
            rfc3339(updated)
        );
        for a in &articles {
            let url = format!("{base}/blog/{}", a.slug);
            let _ = writeln!(
                x,
                "<entry>\n<title>{}</title>\n<id>{url}</id>\n<link href=\"{url}\"/>\n<published>{}</published>\n<updated>{}</updated>\n<author><name>{}</name><uri>{base}/authors/{}</uri></author>\n<summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>",
                xml(&a.title),
                rfc3339(a.published_at.unwrap_or(a.created_at)),
                rfc3339(a.updated_at),
                xml(a.author.username.as_str()),
                a.author.username.as_str(),
                xml(&a.description),
                xml(&to_safe_html(&a.body)),
            );
        }
        x.push_str("</feed>\n");
        Ok(x)
    })
    .await?;
    if resp.status() == StatusCode::OK {
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        );
    }
    Ok(resp)
}

#[derive(Template)]
#[template(path = "blog_editor.html")]
struct EditorView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    note: String,
    action: String,
    title: String,
    description: String,
    body: String,
    tags: String,
    save_label: String,
    editor: bool,
    errors: Vec<(String, String)>,
    preview_html: String,
}

#[derive(Deserialize, Default)]
struct ArticleForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: String,
    #[serde(default)]
    action: String,
}

impl ArticleForm {
    fn raw(&self) -> RawArticle {
        RawArticle {
            title: Some(self.title.clone()),
            description: Some(self.description.clone()),
            body: Some(self.body.clone()),
            tags: Some(self.tags.split(',').map(str::to_owned).collect()),
        }
    }
}

struct Editing {
    path: String,
    heading: String,
    note: String,
    new: bool,
}

fn editor_page(
    app: &AppState,
    who: &Account,
    e: Editing,
    f: &ArticleForm,
    errors: Vec<(String, String)>,
    preview: bool,
) -> AppResult<String> {
    let t = &app.t;
    let save_label = match (
        e.new,
        who.role.edits(),
        who.role.publishes() && who.verified,
    ) {
        (true, true, _) => t.get("blog_save_draft"),
        (true, false, false) => t.get("blog_submit"),
        _ => t.get("blog_save"),
    }
    .into_owned();
    render(&EditorView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", e.heading, t.get("site_name")),
            t.get("blog_description").into_owned(),
            &e.path,
            "blog",
        ),
        heading: e.heading,
        note: e.note,
        action: e.path,
        title: f.title.clone(),
        description: f.description.clone(),
        body: f.body.clone(),
        tags: f.tags.clone(),
        save_label,
        editor: who.role.edits(),
        errors,
        preview_html: if preview {
            to_safe_html(&f.body)
        } else {
            String::new()
        },
    })
}

fn field_errors(t: &Messages, errs: &FieldErrors) -> Vec<(String, String)> {
    errs.0
        .iter()
        .map(|e| {
            let label = match e.field.as_str() {
                "title" => t.get("blog_field_title"),
                "description" => t.get("blog_field_description"),
                "tagList" => t.get("blog_field_tags"),
                _ => t.get("blog_field_body"),
            };
            (e.field.clone(), format!("{label}: {}", t.field_error(e)))
        })
        .collect()
}

/// `GET /blog/new`: the writing page (signed in).
pub async fn new_form(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let Some(who) = viewer.account else {
        return Ok(private(Redirect::to("/sign-in").into_response()));
    };
    let e = Editing {
        path: "/blog/new".into(),
        heading: app.t.get("blog_write").into_owned(),
        note: String::new(),
        new: true,
    };
    let html = editor_page(&app, &who, e, &ArticleForm::default(), Vec::new(), false)?;
    Ok(private(Html(html).into_response()))
}

fn form(body: &[u8]) -> AppResult<ArticleForm> {
    serde_urlencoded::from_bytes(body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })
}

/// `POST /blog/new`: preview, save (a draft for editors, sent to the editors for students) or publish.
pub async fn create(
    State(app): State<AppState>,
    viewer: Viewer,
    body: Bytes,
) -> AppResult<Response> {
    let who = viewer.account.ok_or(AppError::Unauthorized)?;
    let f = form(&body)?;
    let editing = || Editing {
        path: "/blog/new".into(),
        heading: app.t.get("blog_write").into_owned(),
        note: String::new(),
        new: true,
    };
    if f.action == "preview" {
        let html = editor_page(&app, &who, editing(), &f, Vec::new(), true)?;
        return Ok(private(Html(html).into_response()));
    }
    let wanted = match (who.role.edits(), f.action.as_str()) {
        (true, "publish") => Some(ArticleStatus::Published),
        (true, _) => Some(ArticleStatus::Draft),
        _ => None,
    };
    match app.community.create_article_as(&who, f.raw(), wanted).await {
        Ok(a) => Ok(private(
            Redirect::to(&format!("/blog/{}", a.slug)).into_response(),
        )),
        Err(CoreError::Invalid(errs)) => {
            let html = editor_page(
                &app,
                &who,
                editing(),
                &f,
                field_errors(&app.t, &errs),
                false,
            )?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /blog/{slug}/edit`: its author or an editor edits it.
pub async fn edit_form(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let Some(who) = viewer.account else {
        return Ok(private(Redirect::to("/sign-in").into_response()));
    };
    let a = app.community.article(&slug, Some(&who)).await?;
    if !(who.role.edits() || who.username == a.author.username) {
        return Err(AppError::Forbidden);
    }
    let f = ArticleForm {
        title: a.title.clone(),
        description: a.description.clone(),
        body: a.body.clone(),
        tags: a.tags.join(", "),
        action: String::new(),
    };
    let e = Editing {
        path: format!("/blog/{}/edit", a.slug),
        heading: app
            .t
            .fmt("blog_edit_heading", &[("title", a.title.clone().into())]),
        note: app.t.fmt("blog_saved", &[("revision", a.revision.into())]),
        new: false,
    };
    let html = editor_page(&app, &who, e, &f, Vec::new(), false)?;
    Ok(private(Html(html).into_response()))
}

/// `POST /blog/{slug}/edit`: preview, save a new revision, or (editors) publish.
pub async fn edit(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    body: Bytes,
) -> AppResult<Response> {
    let who = viewer.account.ok_or(AppError::Unauthorized)?;
    let f = form(&body)?;
    let editing = || Editing {
        path: format!("/blog/{slug}/edit"),
        heading: app
            .t
            .fmt("blog_edit_heading", &[("title", f.title.clone().into())]),
        note: String::new(),
        new: false,
    };
    if f.action == "preview" {
        let html = editor_page(&app, &who, editing(), &f, Vec::new(), true)?;
        return Ok(private(Html(html).into_response()));
    }
    let status = (who.role.edits() && f.action == "publish").then_some(ArticleStatus::Published);
    match app
        .community
        .update_article(&who, &slug, f.raw(), status)
        .await
    {
        Ok(a) => Ok(private(
            Redirect::to(&format!("/blog/{}", a.slug)).into_response(),
        )),
        Err(CoreError::Invalid(errs)) => {
            let html = editor_page(
                &app,
                &who,
                editing(),
                &f,
                field_errors(&app.t, &errs),
                false,
            )?;
            Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Every published article's address and last change, for the sitemap.
///
/// # Errors
/// When the store fails.
pub async fn sitemap_entries(app: &AppState) -> AppResult<Vec<(String, time::OffsetDateTime)>> {
    let mut out = Vec::new();
    let mut offset = 0_u64;
    loop {
        let q = ArticleQuery {
            limit: Some(100),
            offset: Some(offset),
            ..ArticleQuery::default()
        };
        let (page, total) = app
            .community
            .articles(&q, None, ArticleScope::Published)
            .await?;
        out.extend(
            page.iter()
                .map(|a| (a.slug.as_str().to_owned(), a.updated_at)),
        );
        offset += 100;
        if page.is_empty() || offset >= total {
            return Ok(out);
        }
    }
}
