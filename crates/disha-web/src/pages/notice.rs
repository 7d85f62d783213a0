//! What the account, comment and newsletter pages share: short pages with a heading, a lead and at most one
//! button and one link; responses for one person only; and the shape of the tokens in mailed links.

use super::{Head, render};
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

/// Marks a response as for this person only: never stored by a browser or a shared cache.
pub fn private(mut resp: Response) -> Response {
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    resp
}

/// Tokens in mailed links are 64 hex digits; anything else is no link of ours.
///
/// # Errors
/// `NotFound`.
pub fn token_path(token: &str) -> AppResult<&str> {
    if token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(token)
    } else {
        Err(AppError::NotFound)
    }
}

#[derive(Template)]
#[template(path = "notice.html")]
struct NoticeView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    lead: String,
    action: String,
    button: String,
    link_href: String,
    link_text: String,
}

/// A short page: a heading, a lead, optionally a one-button form and a link.
pub struct Notice {
    /// The page's path, for its canonical link.
    pub path: String,
    /// The navigation section it belongs to.
    pub section: &'static str,
    /// Its meta description.
    pub description: String,
    /// The heading.
    pub heading: String,
    /// The paragraph under it.
    pub lead: String,
    /// Where the button posts; empty for no button.
    pub action: String,
    /// The button's words.
    pub button: String,
    /// A link (address, words) under it.
    pub link: Option<(String, String)>,
}

/// Renders a [`Notice`] as a private page.
///
/// # Errors
/// When the template fails.
pub fn notice_page(app: &AppState, n: Notice) -> AppResult<Response> {
    let t = &app.t;
    let (link_href, link_text) = n.link.unwrap_or_default();
    let html = render(&NoticeView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", n.heading, t.get("site_name")),
            n.description,
            &n.path,
            n.section,
        ),
        heading: n.heading,
        lead: n.lead,
        action: n.action,
        button: n.button,
        link_href,
        link_text,
    })?;
    Ok(private(Html(html).into_response()))
}
