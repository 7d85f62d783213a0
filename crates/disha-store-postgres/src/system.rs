use crate::{PgStore, rows};
use async_trait::async_trait;
use disha_store::{PoolStats, StoreError, SystemStore};
use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use std::borrow::Cow;

/// The schema, oldest first. Shipped migrations are never edited; changes come as new files.
const MIGRATIONS: &[(i64, &str, &str)] =
    &[(1, "careers", include_str!("../migrations/0001_careers.sql"))];

#[async_trait]
impl SystemStore for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        // The migrator holds a PostgreSQL advisory lock while it runs, so instances starting together queue.
        Migrator::with_migrations(
            MIGRATIONS
                .iter()
                .map(|(v, d, sql)| {
                    Migration::new(
                        *v,
                        Cow::Borrowed(*d),
                        MigrationType::Simple,
                        sql.into_sql_str(),
                        false,
                    )
                })
                .collect(),
        )
        .run(&self.pool)
        .await
        .map_err(|e| StoreError::Database(format!("migration failed: {e}")))
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(rows::unavailable)
    }

    async fn content_version(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT version FROM content_version WHERE id = 1")
            .fetch_one(&self.pool)
            .await
            .map_err(rows::db)
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
