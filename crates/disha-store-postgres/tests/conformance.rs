//! The shared storage suite, run against a fresh PostgreSQL database per test.
//!
//! Needs `TEST_POSTGRES_URL` (an admin connection; `scripts/with-postgres` provides one). Without it the
//! tests fail rather than pass quietly, unless `DISHA_SKIP_POSTGRES=1` says skipping is intended.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use disha_store::SystemStore;
use disha_store_postgres::PgStore;
use sqlx::Connection;

struct TestStore(Option<PgStore>);

impl std::ops::Deref for TestStore {
    type Target = PgStore;
    fn deref(&self) -> &PgStore {
        self.0.as_ref().expect("store")
    }
}

async fn fresh() -> TestStore {
    let Ok(admin) = std::env::var("TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("DISHA_SKIP_POSTGRES").is_ok(),
            "TEST_POSTGRES_URL is not set: run under scripts/with-postgres"
        );
        return TestStore(None);
    };
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("admin connection");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("create db");
    let url = match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("TEST_POSTGRES_URL has no database part"),
    };
    let store = PgStore::open(&url, 4).await.expect("open");
    store.migrate().await.expect("migrate");
    TestStore(Some(store))
}

disha_store::conformance_suite!(fresh);
