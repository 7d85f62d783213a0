//! Who is asking: the client's address for per-client rate limits, and the same-origin rule that keeps other
//! sites from submitting our forms in a visitor's browser.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The client's address. The connection's peer, unless the peer is a trusted proxy: then the nearest address
/// in `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the address it saw, so entries
/// to the left of the last untrusted one could have been written by the client). A request whose address
/// cannot be told counts as `unknown`, which shares one limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr(pub String);

fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let mut forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|s| s.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded.reverse();
    let mut last = peer;
    for hop in forwarded {
        // An entry that is not an address ends what can be believed.
        let Some(ip) = hop else { break };
        last = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    Some(last)
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let ip = client_ip(peer, &parts.headers, &app.trusted_proxies);
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
/// come from programs, not from a visitor's browser, and pass. So do API requests without the session
/// cookie: they authenticate with an `Authorization` header, which a browser never adds on its own, so a page
/// on another site cannot act as the visitor through them, and a RealWorld front end on its own origin works.
pub async fn same_origin(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let has_session_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(';')
                .any(|c| c.trim_start().starts_with(crate::respond::SESSION_COOKIE))
        });
    if req.uri().path().starts_with("/api/") && !has_session_cookie {
        return next.run(req).await;
    }
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

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("net")];
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "198.51.100.9, 203.0.113.7, 10.0.0.3"
                .parse()
                .expect("value"),
        );
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), &h, &trusted),
            Some(ip("203.0.113.7")),
            "the nearest untrusted hop is the client; what it wrote to its left is not believed"
        );
        assert_eq!(
            client_ip(Some(ip("192.0.2.1")), &h, &trusted),
            Some(ip("192.0.2.1")),
            "an untrusted peer is the client, whatever it claims"
        );
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), &HeaderMap::new(), &trusted),
            Some(ip("10.0.0.2")),
            "a trusted peer without the header is the client"
        );
        h.insert("x-forwarded-for", "not an address".parse().expect("value"));
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), &h, &trusted),
            Some(ip("10.0.0.2"))
        );
    }
}
