//! Operating the database itself: schema, health and the content version that keeps caches honest.

use crate::StoreError;
use async_trait::async_trait;

/// A snapshot of one connection pool, for metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Which pool (`writer`, `reader`, `main`).
    pub name: &'static str,
    /// Open connections.
    pub size: u32,
    /// Open connections not in use.
    pub idle: u32,
    /// The most connections the pool will open.
    pub max: u32,
}

/// Schema, health and change tracking.
#[async_trait]
pub trait SystemStore: Send + Sync {
    /// `sqlite` or `postgres`, for logs and metrics.
    fn backend(&self) -> &'static str;

    /// Applies pending migrations. Safe to call from several instances at once.
    async fn migrate(&self) -> Result<(), StoreError>;

    /// A round trip to the database.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Every freshness scope with its version. A scope's version goes up in the same transaction as any
    /// change to the content it names, on any instance; cached pages built from a scope are served only
    /// while its version stays the same. See [`crate::scopes`].
    async fn content_versions(&self) -> Result<Vec<(String, i64)>, StoreError>;

    /// Connection pool use, for metrics.
    fn pool_stats(&self) -> Vec<PoolStats>;

    /// Closes the pools, waiting for connections in use to be returned.
    async fn close(&self);
}
