//! Who is signed in: the session token from `Authorization: Token …` (apps, as the RealWorld spec says) or
//! from the session cookie (pages), looked up in the database so every instance agrees.

use crate::respond::SESSION_COOKIE;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use disha_domain::Account;

/// The signed-in account, if any, and the token it came with.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    /// The account, when the token names a live session.
    pub account: Option<Account>,
    /// The token as sent.
    pub token: Option<String>,
}

/// The session token a request carries: the `Authorization` header first, then the cookie.
pub fn token(headers: &HeaderMap) -> Option<String> {
    if let Some(t) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Token "))
    {
        return Some(t.trim().to_owned());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = crate::error::AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = token(&parts.headers) else {
            return Ok(Self::default());
        };
        let account = app.accounts.account_for(&token).await?;
        Ok(Self {
            account,
            token: Some(token),
        })
    }
}

/// The `Set-Cookie` value that starts a session in a browser: not readable by scripts, not sent on
/// cross-site subrequests or form posts, and only over HTTPS when the site is served over HTTPS.
pub fn session_cookie(app: &AppState, token: &str) -> HeaderValue {
    let secure = if app.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let max_age = disha_core::accounts::SESSION_DAYS * 24 * 3600;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends a browser session.
pub fn cleared_cookie(app: &AppState) -> HeaderValue {
    let secure = if app.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorization_header_wins_over_the_cookie() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; disha_session=fromcookie; b=2"),
        );
        assert_eq!(token(&h).as_deref(), Some("fromcookie"));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Token fromheader"),
        );
        assert_eq!(token(&h).as_deref(), Some("fromheader"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert_eq!(
            token(&h).as_deref(),
            Some("fromcookie"),
            "only the RealWorld scheme is read"
        );
    }
}
