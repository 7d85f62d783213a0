use crate::{SqliteStore, rows};
use async_trait::async_trait;
use disha_store::{PoolStats, StoreError, SystemStore};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{SqlSafeStr, SqlitePool};
use std::borrow::Cow;

/// The schema, oldest first. Shipped migrations are never edited; changes come as new files.
const MIGRATIONS: &[(i64, &str, &str)] =
    &[(1, "careers", include_str!("../migrations/0001_careers.sql"))];

fn migrator() -> Migrator {
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
}

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
        migrator()
            .run(&self.writer)
            .await
            .map_err(|e| StoreError::Database(format!("migration failed: {e}")))
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.reader)
            .await
            .map(|_| ())
            .map_err(rows::unavailable)
    }

    async fn content_version(&self) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT version FROM content_version WHERE id = 1")
            .fetch_one(&self.reader)
            .await
            .map_err(rows::db)
    }

    fn pool_stats(&self) -> Vec<PoolStats> {
        vec![stats("writer", &self.writer), stats("reader", &self.reader)]
    }

    async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}
