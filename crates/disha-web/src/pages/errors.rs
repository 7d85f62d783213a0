use super::{Head, render};
use crate::AppError;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    body: String,
    details: Vec<String>,
}

fn view<'a>(app: &'a AppState, err: &AppError) -> ErrorView<'a> {
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
    }
}

/// The error page for people, in the site layout, with the error's status. The error layer adds the
/// caching and retry headers.
pub fn error_page(app: &AppState, err: &AppError) -> Response {
    let v = view(app, err);
    let html = v.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page failed to render");
        v.body.clone()
    });
    (err.status(), Html(html)).into_response()
}

/// The page for a panic, rendered once at start-up so that showing it cannot fail.
pub fn internal_error_html(app: &AppState) -> String {
    let v = view(app, &AppError::Internal);
    render(&v).unwrap_or_else(|_| v.body.clone())
}

/// Unknown addresses: the error layer shows JSON under `/api/` and a page elsewhere.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
