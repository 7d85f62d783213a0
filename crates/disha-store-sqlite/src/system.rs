use crate::{SqliteStore, rows};
use async_trait::async_trait;
use disha_store::{PoolStats, StoreError, SystemStore};
use sqlx::SqlitePool;
use sqlx::migrate::Migrator;

/// The schema, embedded from `migrations/` at compile time: a file there is a migration, so none can be
/// forgotten. Shipped migrations are never edited; changes come as new files.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

fn stats(name: &'static str, pool: &SqlitePool) -> PoolStats {
    PoolStats {
        name,
        size: pool.size(),
        idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        max: pool.options().get_max_connections(),
    }
}

#[async_trait]
impl SystemStore for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR
            .run(&self.writer)
            .await
            .map_err(|e| StoreError::Database(Box::new(e)))
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.reader)
            .await
            .map(|_| ())
            .map_err(rows::unavailable)
    }

    async fn content_versions(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows: Vec<rows::VersionRow> =
            sqlx::query_as("SELECT scope, version FROM content_versions")
                .fetch_all(&self.reader)
                .await
                .map_err(rows::db)?;
        Ok(rows.into_iter().map(|r| (r.scope, r.version)).collect())
    }

    fn pool_stats(&self) -> Vec<PoolStats> {
        vec![stats("writer", &self.writer), stats("reader", &self.reader)]
    }

    async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}
