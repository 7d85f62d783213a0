//! Serving rendered output through the version-checked cache.

use crate::cache::Cached;
use crate::state::AppState;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use std::future::Future;

/// What a body is.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Html,
    Json,
    Xml,
}

impl Kind {
    const fn content_type(self) -> &'static str {
        match self {
            Kind::Html => "text/html; charset=utf-8",
            Kind::Json => "application/json",
            Kind::Xml => "application/xml; charset=utf-8",
        }
    }
}

/// True when the client accepts gzip (and has not refused it with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q == 0.0))
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

fn etag(version: i64, key: &str) -> String {
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("\"{version:x}-{hash:016x}\"")
}

/// Serves `key` from the cache while the content version is unchanged; otherwise calls `render`, caches a
/// successful result and serves it. `render` returns a ready response for failures; those are not cached.
pub async fn cached<F, Fut>(
    app: &AppState,
    key: &str,
    kind: Kind,
    headers: &HeaderMap,
    render: F,
) -> Response
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<String, Response>>,
{
    // Read the version before rendering: if content changes mid-render, the entry is filed under the older
    // version and simply re-rendered on the next request.
    let version = app.library.content_version();
    let tag = etag(version, key);
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response();
    }
    let entry = match app.cache.get(key, version) {
        Some(hit) => hit,
        None => {
            let flight = app.cache.flight(key);
            let guard = flight.lock().await;
            // Whoever held the lock before us may have rendered this very entry.
            let rendered = match app.cache.get(key, version) {
                Some(hit) => Ok(hit),
                None => render().await.map(|body| {
                    let entry = Cached::new(Bytes::from(body));
                    app.cache.put(key.to_owned(), version, entry.clone());
                    entry
                }),
            };
            drop(guard);
            app.cache.land(key, flight);
            match rendered {
                Ok(entry) => entry,
                Err(resp) => return resp,
            }
        }
    };
    let gzip = accepts_gzip(headers) && !entry.gzip.is_empty();
    let mut resp = if gzip {
        entry.gzip.into_response()
    } else {
        entry.identity.into_response()
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(ae: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(ae).expect("header"),
        );
        h
    }

    #[test]
    fn gzip_is_used_only_when_offered() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, gzip;q=0.8")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn etags_change_with_the_version() {
        assert_ne!(etag(1, "page:/"), etag(2, "page:/"));
        assert_ne!(etag(1, "page:/"), etag(1, "page:/careers"));
    }
}
