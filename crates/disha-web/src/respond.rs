//! Serving rendered output through the version-checked cache.

use crate::cache::{Deps, Outcome};
use crate::error::AppResult;
use crate::state::AppState;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::future::Future;

/// The cookie a signed-in browser sends. A request carrying it may be shown personal content, so its
/// response is rendered for it alone: never taken from or put into the shared cache.
pub const SESSION_COOKIE: &str = "disha_session";

/// What a body is.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A page.
    Html,
    /// An API response.
    Json,
    /// The sitemap.
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

/// True when the request carries a session cookie.
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| c.trim_start().starts_with(SESSION_COOKIE) && c.contains('='))
}

fn etag(deps: &Deps, key: &str) -> String {
    let versions: Vec<u8> = deps.iter().flat_map(|v| v.to_le_bytes()).collect();
    let hash = crate::hash::fnv1a([versions.as_slice(), key.as_bytes()]);
    format!("\"{hash:016x}\"")
}

/// Serves `key` from the cache while the scopes it is built from are unchanged; otherwise calls `render`,
/// caches a successful result and serves it. Requests that carry a session are rendered for themselves and
/// never cached.
///
/// # Errors
/// The render's error, for the error layer to show.
pub async fn cached<F, Fut>(
    app: &AppState,
    key: &str,
    scopes: &[&str],
    kind: Kind,
    headers: &HeaderMap,
    render: F,
) -> AppResult<Response>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<String>>,
{
    if has_session(headers) {
        let body = render().await?;
        let mut resp = body.into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(kind.content_type()),
        );
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        h.insert("x-cache", HeaderValue::from_static(Outcome::Bypass.into()));
        return Ok(resp);
    }
    // Versions are read before rendering: if content changes mid-render, the entry is filed under the older
    // versions and simply rendered again on the next request.
    let deps: Deps = scopes
        .iter()
        .map(|s| app.library.content_version(s))
        .collect();
    let tag = etag(&deps, key);
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == tag.as_bytes())
    {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    let (entry, outcome) = app.cache.get_or_render(key, deps, render).await?;
    let gzip = accepts_gzip(headers) && !entry.gzip().is_empty();
    let mut resp = if gzip {
        entry.gzip().clone().into_response()
    } else {
        entry.identity.clone().into_response()
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Encoding, Cookie"),
    );
    h.insert("x-cache", HeaderValue::from_static(outcome.into()));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    Ok(resp)
}

/// Where a page marks the account link, so a signed-in reader's copy can name their account.
const ACCOUNT_START: &str = "<!--account-->";
const ACCOUNT_END: &str = "<!--/account-->";

/// The public page with the account link pointing at `username`'s account page.
fn personalise(public: &[u8], username: &str) -> Option<String> {
    let html = std::str::from_utf8(public).ok()?;
    let start = html.find(ACCOUNT_START)?;
    let end = html[start..].find(ACCOUNT_END)? + start + ACCOUNT_END.len();
    // Usernames are letters, digits, `_`, `-` and `.` only, so they need no escaping in HTML.
    Some(format!(
        "{}<a href=\"/account\">{username}</a>{}",
        &html[..start],
        &html[end..]
    ))
}

/// Like [`cached`] for a page whose content is the same for everyone but its account link: a signed-in
/// reader gets the shared public copy with their own account link put in, made for them and never stored,
/// so the page costs them no render. Signed-out readers are served exactly as by [`cached`].
///
/// # Errors
/// As [`cached`].
pub async fn cached_public<F, Fut>(
    app: &AppState,
    key: &str,
    scopes: &[&str],
    headers: &HeaderMap,
    reader: Option<&disha_domain::Account>,
    render: F,
) -> AppResult<Response>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<String>>,
{
    let Some(reader) = reader else {
        return cached(app, key, scopes, Kind::Html, headers, render).await;
    };
    let deps: Deps = scopes
        .iter()
        .map(|s| app.library.content_version(s))
        .collect();
    let (entry, _) = app.cache.get_or_render(key, deps, render).await?;
    let body = personalise(&entry.identity, reader.username.as_str()).ok_or_else(|| {
        tracing::error!(key, "a public page lacks its account marker");
        crate::error::AppError::Internal
    })?;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(Kind::Html.content_type()),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    h.insert(
        "x-cache",
        HeaderValue::from_static(Outcome::Personal.into()),
    );
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: header::HeaderName, v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(v).expect("header"));
        h
    }

    #[test]
    fn a_personal_copy_changes_only_the_account_link() {
        let public =
            b"<p>Hi</p><!--account--><a href=\"/sign-in\">Sign in</a><!--/account--><p>Bye</p>";
        assert_eq!(
            personalise(public, "asha").as_deref(),
            Some("<p>Hi</p><a href=\"/account\">asha</a><p>Bye</p>")
        );
        assert_eq!(personalise(b"<p>no marker</p>", "asha"), None);
    }

    #[test]
    fn gzip_is_used_only_when_offered() {
        let ae = |v| with(header::ACCEPT_ENCODING, v);
        assert!(accepts_gzip(&ae("gzip, deflate, br")));
        assert!(accepts_gzip(&ae("br;q=1.0, gzip;q=0.8")));
        assert!(!accepts_gzip(&ae("gzip;q=0")));
        assert!(!accepts_gzip(&ae("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn a_session_cookie_is_recognised_among_others() {
        assert!(has_session(&with(header::COOKIE, "a=1; disha_session=abc")));
        assert!(!has_session(&with(header::COOKIE, "a=1; theme=dark")));
        assert!(!has_session(&HeaderMap::new()));
    }

    #[test]
    fn etags_change_with_any_scope_version() {
        let key = "page:/";
        assert_ne!(etag(&vec![1], key), etag(&vec![2], key));
        assert_ne!(etag(&vec![1], key), etag(&vec![1], "page:/x"));
    }
}
