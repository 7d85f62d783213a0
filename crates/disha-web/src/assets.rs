//! The stylesheet and icon, compiled into the binary and served with long cache lifetimes; the stylesheet's
//! URL carries a hash of its contents so a new release is fetched at once.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

const CSS: &str = include_str!("../static/site.css");
const ICON: &str = include_str!("../static/icon.svg");
const SUGGEST_JS: &str = include_str!("../static/suggest.js");

/// `/static/suggest.js?v=<hash>`: the search box's suggestions.
pub static SUGGEST_HREF: LazyLock<String> = LazyLock::new(|| {
    let hash = crate::hash::fnv1a([SUGGEST_JS.as_bytes()]);
    format!("/static/suggest.js?v={:08x}", hash >> 32)
});

pub async fn suggest_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, LONG_CACHE),
        ],
        SUGGEST_JS,
    )
        .into_response()
}

/// `/static/site.css?v=<hash>`.
pub static CSS_HREF: LazyLock<String> = LazyLock::new(|| {
    let hash = crate::hash::fnv1a([CSS.as_bytes()]);
    format!("/static/site.css?v={:08x}", hash >> 32)
});

const LONG_CACHE: &str = "public, max-age=31536000, immutable";

pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, LONG_CACHE),
        ],
        CSS,
    )
        .into_response()
}

pub async fn icon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
        .into_response()
}
