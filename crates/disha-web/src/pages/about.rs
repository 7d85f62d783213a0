//! `/about`: who writes the profiles, the editorial policy, where the figures come from, how to report a
//! mistake. The text is Markdown kept beside the code, so editors change it without touching a template.

use super::{Head, render};
use crate::error::AppResult;
use crate::i18n::Messages;
use crate::markdown::to_safe_html;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

const ABOUT_MD: &str = include_str!("../../content/about.md");
const GUIDANCE_MD: &str = include_str!("../../content/guidance.md");

#[derive(Template)]
#[template(path = "about.html")]
struct AboutView<'a> {
    t: &'a Messages,
    head: Head,
    body_html: String,
}

/// `/about`: the About page.
pub async fn about(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    cached(&app, "page:/about", &[], Kind::Html, &headers, || async {
        let t = &app.t;
        render(&AboutView {
            t,
            head: Head::new(
                &app,
                format!("{} · {}", t.get("about_heading"), t.get("site_name")),
                t.get("about_description").into_owned(),
                "/about",
                "about",
            ),
            body_html: to_safe_html(ABOUT_MD),
        })
    })
    .await
}

#[derive(Template)]
#[template(path = "prose.html")]
struct ProseView<'a> {
    t: &'a Messages,
    head: Head,
    body_html: String,
}

/// `/about/guidance`: how the interest quiz scores and matches, in plain words.
pub async fn guidance(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    cached(
        &app,
        "page:/about/guidance",
        &[],
        Kind::Html,
        &headers,
        || async {
            let t = &app.t;
            render(&ProseView {
                t,
                head: Head::new(
                    &app,
                    format!("{} · {}", t.get("guidance_heading"), t.get("site_name")),
                    t.get("guidance_description").into_owned(),
                    "/about/guidance",
                    "assessment",
                ),
                body_html: to_safe_html(GUIDANCE_MD),
            })
        },
    )
    .await
}
