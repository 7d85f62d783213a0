//! `/api/docs`: a readable page generated from the OpenAPI document itself, served like every other page
//! (no scripts, no third-party assets).

use crate::error::AppResult;
use crate::i18n::Messages;
use crate::markdown::to_safe_html;
use crate::pages::{Head, render};
use crate::state::AppState;
use askama::Template;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr, Required};

pub struct Param {
    name: String,
    location: &'static str,
    required: String,
    description: String,
}

pub struct Op {
    id: String,
    method: &'static str,
    path: String,
    summary: String,
    description: String,
    params: Vec<Param>,
    responses: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsView<'a> {
    t: &'a Messages,
    head: Head,
    intro_before: String,
    intro_after: String,
    operations: Vec<Op>,
}

/// Markdown for a table cell: rendered and sanitised, without the wrapping paragraph.
fn inline_markdown(text: &str) -> String {
    let html = to_safe_html(text);
    let trimmed = html.trim();
    trimmed
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(trimmed)
        .to_owned()
}

fn op(t: &Messages, method: &'static str, path: &str, o: &Operation) -> Op {
    let params = o
        .parameters
        .iter()
        .flatten()
        .filter_map(|p| match p {
            RefOr::T(p) => Some(Param {
                name: p.name.clone(),
                location: match p.parameter_in {
                    ParameterIn::Path => "path",
                    ParameterIn::Header => "header",
                    ParameterIn::Cookie => "cookie",
                    _ => "query",
                },
                required: t
                    .get(if matches!(p.required, Required::True) {
                        "api_docs_yes"
                    } else {
                        "api_docs_no"
                    })
                    .into_owned(),
                description: inline_markdown(p.description.as_deref().unwrap_or_default()),
            }),
            RefOr::Ref(_) => None,
        })
        .collect();
    let responses = o
        .responses
        .responses
        .iter()
        .map(|(code, r)| {
            let text = match r {
                RefOr::T(r) => r.description.clone(),
                RefOr::Ref(r) => r.ref_location.clone(),
            };
            (code.clone(), inline_markdown(&text))
        })
        .collect();
    Op {
        id: o
            .operation_id
            .clone()
            .unwrap_or_else(|| path.replace(['/', '{', '}'], "-")),
        method,
        path: path.to_owned(),
        summary: o.summary.clone().unwrap_or_default(),
        description: to_safe_html(o.description.as_deref().unwrap_or_default()),
        params,
        responses,
    }
}

/// Renders the docs page once; the spec never changes while the process runs.
pub fn render_docs(app: &AppState, spec: &OpenApi) -> AppResult<String> {
    let t = &app.t;
    let mut operations = Vec::new();
    for (path, item) in &spec.paths.paths {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, o) in methods {
            if let Some(o) = o {
                operations.push(op(t, method, path, o));
            }
        }
    }
    // The link to the spec goes where the message puts `{ $spec }`; a marker character finds the spot.
    let intro = t.fmt("api_docs_intro", &[("spec", "\u{1}".into())]);
    let (before, after) = intro.split_once('\u{1}').unwrap_or((&intro, ""));
    let title = t.get("api_docs_title");
    let view = DocsView {
        t,
        head: Head::new(
            app,
            format!("{title} · {}", t.get("site_name")),
            title.clone().into_owned(),
            "/api/docs",
            "api",
        ),
        intro_before: before.to_owned(),
        intro_after: after.to_owned(),
        operations,
    };
    render(&view)
}
