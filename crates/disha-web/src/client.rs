//! Who is asking: the client's address for per-client rate limits, and the same-origin rule that keeps other
//! sites from submitting our forms in a visitor's browser.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};

/// The client's address: from the load balancer's header when one is configured, else the connection's
/// peer. A request whose address cannot be told counts as `unknown`, which shares one limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr(pub String);

fn from_header(headers: &HeaderMap, name: &header::HeaderName) -> Option<IpAddr> {
    // A balancer appends the address it saw, so the last entry is the one no client can forge.
    let value = headers.get_all(name).iter().next_back()?.to_str().ok()?;
    value.rsplit(',').next()?.trim().parse().ok()
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ip = match &app.client_ip_header {
            Some(name) => from_header(&parts.headers, name),
            None => parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        };
        Ok(Self(
            ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()),
        ))
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

/// Refuses a state-changing request that a browser says comes from another site: `Sec-Fetch-Site` other
/// than `same-origin` or `none`, or an `Origin` other than the site's own. Requests without either header
/// come from programs, not from a visitor's browser, and pass (the API is for them).
pub async fn same_origin(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let cross_site = matches!(fetch_site, Some(s) if s != "same-origin" && s != "none");
    let foreign_origin = matches!(origin, Some(o) if o != origin_of(&app.base_url));
    if cross_site || foreign_origin {
        tracing::info!(?origin, ?fetch_site, path = %req.uri().path(), "cross-site request refused");
        return AppError::Forbidden.into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://disha.example/app"),
            "https://disha.example"
        );
        assert_eq!(origin_of("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    }

    #[test]
    fn the_last_forwarded_address_is_the_client() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "10.0.0.1, 203.0.113.7".parse().expect("value"),
        );
        let name = header::HeaderName::from_static("x-forwarded-for");
        assert_eq!(from_header(&h, &name), "203.0.113.7".parse().ok());
        h.insert("x-forwarded-for", "not an address".parse().expect("value"));
        assert_eq!(from_header(&h, &name), None);
    }
}
