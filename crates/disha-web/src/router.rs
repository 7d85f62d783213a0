//! The whole HTTP surface and the layers around it.

use crate::api;
use crate::assets;
use crate::body_limit;
use crate::middleware::{security_headers, track};
use crate::pages;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// A request still running after this gets 503; keeps slow clients and slow queries from piling up.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The OpenAPI document for `/api`, as the routes define it.
#[must_use]
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::spec(api::router().split_for_parts().1)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(app): State<AppState>) -> Response {
    match app.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

/// Every route, with request ids, tracing, panic recovery, metrics, timeouts, body limits, compression and
/// security headers.
pub fn router(state: AppState) -> Router {
    let (api_routes, spec) = api::router().split_for_parts();
    let spec = api::spec(spec);
    // RealWorld front ends run on their own origins and authenticate with `Authorization: Token …`. Any origin
    // may call the API, but never with credentials, so a browser sends no Disha cookie along.
    let api_routes = api_routes.layer(
        tower_http::cors::CorsLayer::new()
            .allow_origin(tower_http::cors::Any)
            .allow_methods([
                axum::http::Method::GET,
                axum::http::Method::POST,
                axum::http::Method::PUT,
                axum::http::Method::DELETE,
            ])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
            .max_age(Duration::from_secs(3600)),
    );
    let spec_json = Bytes::from(spec.to_pretty_json().unwrap_or_default());
    let docs_html = match api::docs::render_docs(&state, &spec) {
        Ok(html) => Bytes::from(html),
        Err(_) => Bytes::from_static(b"API documentation is unavailable."),
    };
    let errors = axum::middleware::from_fn_with_state(state.clone(), crate::error::render_errors);
    let same_origin =
        axum::middleware::from_fn_with_state(state.clone(), crate::client::same_origin);
    let panic_page = Arc::new(pages::internal_error_html(&state));

    let mut app = Router::new()
        .route("/", get(pages::home))
        .route("/about", get(pages::about))
        .route("/about/guidance", get(pages::guidance))
        .route("/assessment", get(pages::assessment))
        .route(
            "/assessment/results",
            axum::routing::post(pages::assessment_submit),
        )
        .route("/assessment/results/{id}", get(pages::assessment_result))
        .route(
            "/assessment/results/{id}/claim",
            axum::routing::post(pages::result_claim),
        )
        .route("/dashboard", get(pages::dashboard))
        .route(
            "/dashboard/careers/{slug}",
            axum::routing::post(pages::save_career),
        )
        .route(
            "/dashboard/careers/{slug}/remove",
            axum::routing::post(pages::remove_career),
        )
        .route(
            "/dashboard/colleges/{slug}",
            axum::routing::post(pages::shortlist_college),
        )
        .route(
            "/dashboard/colleges/{slug}/remove",
            axum::routing::post(pages::remove_college),
        )
        .route(
            "/dashboard/steps/{key}",
            axum::routing::post(pages::set_step),
        )
        .route(
            "/account/delete",
            axum::routing::post(pages::delete_account),
        )
        .route("/sign-in", get(pages::sign_in_form).post(pages::sign_in))
        .route("/sign-out", axum::routing::post(pages::sign_out))
        .route("/register", get(pages::register_form).post(pages::register))
        .route(
            "/verify/{token}",
            get(pages::verify_form).post(pages::verify),
        )
        .route("/account", get(pages::account))
        .route(
            "/forgot-password",
            get(pages::forgot_form).post(pages::forgot),
        )
        .route(
            "/reset-password/{token}",
            get(pages::reset_form).post(pages::reset),
        )
        .route("/search", get(pages::search))
        .route("/careers", get(pages::careers))
        .route("/careers/compare", get(pages::compare))
        .route("/careers/{slug}", get(pages::career))
        .route(
            "/careers/{slug}/report",
            get(pages::report_form).post(pages::report_send),
        )
        .route("/careers/{slug}/report/thanks", get(pages::report_thanks))
        .route(
            "/careers/{slug}/comments",
            axum::routing::post(pages::comment_send).layer(body_limit::writing()),
        )
        .route("/careers/{slug}/comments/new", get(pages::comment_form))
        .route(
            "/careers/{slug}/comments/thanks",
            get(pages::comment_thanks),
        )
        .route("/colleges", get(pages::colleges))
        .route("/colleges/compare", get(pages::college_compare))
        .route("/colleges/{slug}", get(pages::college))
        .route("/blog", get(pages::blog))
        .route("/blog/feed.xml", get(pages::blog_feed))
        .route(
            "/blog/new",
            get(pages::blog_new_form)
                .post(pages::blog_create)
                .layer(body_limit::writing()),
        )
        .route("/blog/tag/{tag}", get(pages::blog_tag))
        .route("/blog/{slug}", get(pages::blog_article))
        .route(
            "/blog/{slug}/edit",
            get(pages::blog_edit_form)
                .post(pages::blog_edit)
                .layer(body_limit::writing()),
        )
        .route(
            "/blog/{slug}/comments",
            axum::routing::post(pages::article_comment_send).layer(body_limit::writing()),
        )
        .route(
            "/blog/{slug}/comments/new",
            get(pages::article_comment_form),
        )
        .route(
            "/blog/{slug}/comments/thanks",
            get(pages::article_comment_thanks),
        )
        .route("/authors/{username}", get(pages::author))
        .route(
            "/newsletter",
            get(pages::newsletter).post(pages::newsletter_subscribe),
        )
        .route(
            "/newsletter/confirm/{token}",
            get(pages::newsletter_confirm_form).post(pages::newsletter_confirm),
        )
        .route(
            "/newsletter/unsubscribe/{token}",
            get(pages::newsletter_unsubscribe_form).post(pages::newsletter_unsubscribe),
        )
        .route(
            "/newsletter/send",
            get(pages::newsletter_send_form)
                .post(pages::newsletter_send)
                .layer(body_limit::writing()),
        )
        .route("/moderation", get(pages::moderation))
        .route("/moderation/{id}", axum::routing::post(pages::moderate))
        .route("/sitemap.xml", get(pages::sitemap))
        .route("/sitemaps/{file}", get(pages::sitemap_part))
        .route("/robots.txt", get(pages::robots))
        .route("/static/site.css", get(assets::css))
        .route("/static/icon.svg", get(assets::icon))
        .route("/static/suggest.js", get(assets::suggest_js))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route(
            "/api/openapi.json",
            get(move || {
                let body = spec_json.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], body) }
            }),
        )
        .route(
            "/api/docs",
            get(move || {
                let body = docs_html.clone();
                async move { Html(body) }
            }),
        )
        .merge(api_routes)
        .fallback(pages::not_found)
        .with_state(state);
    app = app.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &Request| {
                        let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                        tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                    })
                    .on_request(())
                    .on_response(DefaultOnResponse::new().level(Level::DEBUG)),
            )
            .layer(CatchPanicLayer::custom(move |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a handler panicked");
                let mut resp = (StatusCode::INTERNAL_SERVER_ERROR, Html(panic_page.as_ref().clone())).into_response();
                resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                resp
            }))
            .layer(axum::middleware::from_fn(track))
            .layer(errors)
            .layer(same_origin)
            .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
            .layer(RequestBodyLimitLayer::new(body_limit::WRITING))
            .layer(body_limit::default())
            .layer(CompressionLayer::new()),
    );
    // Outermost, so error pages made by the layers above carry them too.
    for (name, value) in security_headers() {
        app = app.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    app
}
