use super::{Head, render};
use crate::AppError;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView<'a> {
    t: &'a Messages,
    head: Head,
    heading: &'a str,
    body: &'a str,
    details: Vec<String>,
}

/// The error page for people, in the site layout, with the error's status.
pub fn error_page(app: &AppState, err: &AppError) -> Response {
    let t = &app.t;
    let (heading, body) = match err {
        AppError::NotFound => (&t.error_not_found_title, &t.error_not_found_body),
        AppError::Invalid(_) => (&t.error_bad_request_title, &t.error_bad_request_body),
        AppError::Unavailable => (&t.error_unavailable_title, &t.error_unavailable_body),
        AppError::Internal => (&t.error_internal_title, &t.error_internal_body),
    };
    let details = match err {
        AppError::Invalid(f) => f.0.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let view = ErrorView {
        t,
        head: Head::new(
            app,
            format!("{heading} · {}", t.site_name),
            body.clone(),
            "/",
            "",
        ),
        heading,
        body,
        details,
    };
    let html = match view.render() {
        Ok(html) => html,
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            body.clone()
        }
    };
    let mut resp = (err.status(), Html(html)).into_response();
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    resp
}

/// The page for a panic, rendered once at start-up so that showing it cannot fail.
pub fn internal_error_html(app: &AppState) -> String {
    match render(
        app,
        &ErrorView {
            t: &app.t,
            head: Head::new(
                app,
                app.t.error_internal_title.clone(),
                app.t.error_internal_body.clone(),
                "/",
                "",
            ),
            heading: &app.t.error_internal_title,
            body: &app.t.error_internal_body,
            details: Vec::new(),
        },
    ) {
        Ok(html) => html,
        Err(_) => app.t.error_internal_body.clone(),
    }
}

/// Unknown addresses: JSON under `/api/`, a page elsewhere.
pub async fn not_found(
    axum::extract::State(app): axum::extract::State<AppState>,
    uri: axum::http::Uri,
) -> Response {
    if uri.path().starts_with("/api/") {
        crate::api::error_response(&AppError::NotFound)
    } else {
        error_page(&app, &AppError::NotFound)
    }
}
