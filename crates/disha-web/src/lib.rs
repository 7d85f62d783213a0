//! Disha's HTTP face: server-rendered pages for people, a JSON API for apps, and the OpenAPI document that
//! describes the API (built from the same route definitions, so the two cannot drift apart).

mod api;
mod assets;
mod auth;
mod body_limit;
mod cache;
mod client;
mod error;
mod format;
mod hash;
pub mod i18n;
mod markdown;
mod middleware;
mod pages;
mod params;
mod respond;
mod router;
mod state;

pub use error::{AppError, AppResult};
pub use respond::SESSION_COOKIE;
pub use router::{openapi, router};
pub use state::{AppState, WebConfig};
