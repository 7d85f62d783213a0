//! Disha's storage on PostgreSQL, for several stateless instances sharing one database.
//!
//! Migrations take PostgreSQL's advisory lock (sqlx does this), and batch writes take a transaction-scoped
//! advisory lock of their own, so instances that start together on an empty database seed it once and
//! never race each other into a half-applied state.

mod accounts;
mod careers;
mod community;
mod feedback;
mod guidance;
mod institutions;
mod newsletter;
mod open_data;
mod outbox;
mod rows;
mod system;

use disha_store::StoreError;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// The PostgreSQL store.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/db`). Call [`disha_store::SystemStore::migrate`] before use.
    ///
    /// # Errors
    /// When the URL is malformed or the server cannot be reached.
    pub async fn open(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let opts =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::Unavailable(Box::new(e)))?;
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .min_connections(1)
            // An outage must turn into a quick 503 with Retry-After, not a request hanging on the pool;
            // cached pages keep being served meanwhile because they need no connection.
            .acquire_timeout(Duration::from_secs(1))
            .connect_with(opts)
            .await
            .map_err(rows::unavailable)?;
        Ok(Self { pool })
    }
}
