//! Disha's HTTP face: server-rendered pages for people, a JSON API for apps, and the OpenAPI document that
//! describes the API (built from the same route definitions, so the two cannot drift apart).

#![allow(
    clippy::result_large_err,
    reason = "renderers return a finished error response; it is built only when a request fails"
)]

mod api;
mod assets;
mod cache;
mod error;
mod format;
pub mod i18n;
mod markdown;
mod middleware;
mod pages;
mod respond;
mod router;
mod state;

pub use error::AppError;
pub use router::{openapi, router};
pub use state::{AppState, WebConfig};
