use super::{Card, Head, render};
use crate::AppError;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use disha_domain::CareerSummary;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    body: String,
    details: Vec<String>,
    /// A 404 offers a search box and the editors' picks.
    not_found: bool,
    popular: Vec<Card<'a>>,
}

fn view<'a>(app: &'a AppState, err: &AppError, popular: &'a [CareerSummary]) -> ErrorView<'a> {
    let t = &app.t;
    let heading = t.get(&format!("error_{}_title", err.code())).into_owned();
    let body = t.get(&format!("error_{}_body", err.code())).into_owned();
    let details = match err {
        AppError::Invalid(f) | AppError::Unprocessable(f) => {
            f.0.iter()
                .map(|e| format!("{}: {}", e.field, t.field_error(e)))
                .collect()
        }
        _ => Vec::new(),
    };
    ErrorView {
        t,
        head: Head::new(
            app,
            format!("{heading} · {}", t.get("site_name")),
            body.clone(),
            "/",
            "",
        ),
        heading,
        body,
        details,
        not_found: matches!(err, AppError::NotFound),
        popular: popular.iter().map(|c| Card::new(t, c)).collect(),
    }
}

/// The error page for people, in the site layout, with the error's status. The error layer adds the
/// caching and retry headers.
pub fn error_page(app: &AppState, err: &AppError, popular: &[CareerSummary]) -> Response {
    let v = view(app, err, popular);
    let html = v.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page failed to render");
        v.body.clone()
    });
    (err.status(), Html(html)).into_response()
}

/// The page for a panic, rendered once at start-up so that showing it cannot fail.
pub fn internal_error_html(app: &AppState) -> String {
    let v = view(app, &AppError::Internal, &[]);
    render(&v).unwrap_or_else(|_| v.body.clone())
}

/// Unknown addresses: the error layer shows JSON under `/api/` and a page elsewhere.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
