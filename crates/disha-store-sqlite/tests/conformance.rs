//! The shared storage suite, run against a fresh SQLite file per test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use disha_store::SystemStore;
use disha_store_sqlite::SqliteStore;

/// Keeps the temporary directory alive as long as the store.
struct TestStore {
    store: SqliteStore,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for TestStore {
    type Target = SqliteStore;
    fn deref(&self) -> &SqliteStore {
        &self.store
    }
}

async fn fresh() -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store = SqliteStore::open(&url, 2).await.expect("open");
    store.migrate().await.expect("migrate");
    TestStore { store, _dir: dir }
}

disha_store::conformance_suite!(fresh);
