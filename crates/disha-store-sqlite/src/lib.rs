//! Disha's storage on embedded SQLite.
//!
//! SQLite allows one writer at a time, so writes go through a pool of exactly one connection and every write
//! transaction starts with `BEGIN IMMEDIATE` (a deferred transaction that later upgrades to a write lock fails
//! with `SQLITE_BUSY` at once instead of waiting). Reads use a separate read-only pool, which WAL lets run
//! beside the writer.

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
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

/// How long a connection waits for a lock before giving up with `SQLITE_BUSY`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The SQLite store: one writer connection and a pool of readers.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` (`sqlite://path/to/file.db` or `sqlite:file.db`).
    /// Call [`disha_store::SystemStore::migrate`] before use.
    ///
    /// # Errors
    /// When the URL is malformed or the file cannot be opened.
    pub async fn open(url: &str, readers: u32) -> Result<Self, StoreError> {
        let base = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Unavailable(Box::new(e)))?
            .journal_mode(SqliteJournalMode::Wal)
            // FULL rather than NORMAL: an acknowledged write must survive a power cut, not just a crash,
            // and catalog writes are rare enough that the extra fsync costs nothing noticeable.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(base.clone().create_if_missing(true))
            .await
            .map_err(rows::unavailable)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(readers.max(1))
            .acquire_timeout(Duration::from_secs(1))
            .min_connections(1)
            .connect_lazy_with(base.read_only(true));
        Ok(Self { writer, reader })
    }

    /// A write transaction on the single writer, taking the write lock at once (`BEGIN IMMEDIATE`), so it
    /// waits for the lock up front instead of failing when a read would have to be upgraded.
    pub(crate) async fn write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        self.writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(rows::db)
    }
}
