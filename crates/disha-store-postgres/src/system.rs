use crate::{PgStore, rows};
use async_trait::async_trait;
use disha_store::{PoolStats, StoreError, SystemStore};
use sqlx::migrate::Migrator;

/// The schema, embedded from `migrations/` at compile time: a file there is a migration, so none can be
/// forgotten. Shipped migrations are never edited; changes come as new files.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

#[async_trait]
impl SystemStore for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        // The migrator holds a PostgreSQL advisory lock while it runs, so instances starting together queue.
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(Box::new(e)))
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(rows::unavailable)
    }

    async fn content_versions(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows: Vec<rows::VersionRow> =
            sqlx::query_as("SELECT scope, version FROM content_versions")
                .fetch_all(&self.pool)
                .await
                .map_err(rows::db)?;
        Ok(rows.into_iter().map(|r| (r.scope, r.version)).collect())
    }

    fn pool_stats(&self) -> Vec<PoolStats> {
        vec![PoolStats {
            name: "main",
            size: self.pool.size(),
            idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
            max: self.pool.options().get_max_connections(),
        }]
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
