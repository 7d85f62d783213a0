//! Micro-benchmarks of the serving path, in process (no sockets): a cached career page, the same page
//! rendered from the database (cache invalidated before each request), the list API rendered, and checking
//! the whole starter catalog. Load tests over real sockets are in `scripts/bench-http`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use axum::body::Body;
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use disha::config::Config;
use std::hint::black_box;
use tower::ServiceExt;

fn get(router: &axum::Router, rt: &tokio::runtime::Runtime, path: &str) -> usize {
    rt.block_on(async {
        let resp = router
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).expect("request"))
            .await
            .expect("response");
        assert_eq!(resp.status(), 200, "{path}");
        axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("body")
            .len()
    })
}

fn serving(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let config = Config::for_database(format!(
        "sqlite://{}",
        dir.path().join("bench.db").display()
    ));
    let prepared = rt.block_on(disha::prepare(&config)).expect("prepare");
    let version = prepared.version.clone();
    let state = disha_web::AppState::new(
        prepared.library,
        prepared.store,
        disha_web::WebConfig {
            base_url: "http://bench".into(),
            cache_bytes: 64 << 20,
        },
    )
    .expect("state");
    let router = disha_web::router(state);

    get(&router, &rt, "/careers/backend-developer");
    c.bench_function("career page, cached", |b| {
        b.iter(|| black_box(get(&router, &rt, "/careers/backend-developer")))
    });
    c.bench_function("career page, rendered from the database", |b| {
        b.iter(|| {
            // Moving the local content version makes every cached entry stale, forcing a full render.
            let next = version.current(disha_store::scopes::CAREERS) + 1;
            version.observe([(disha_store::scopes::CAREERS.to_owned(), next)]);
            black_box(get(&router, &rt, "/careers/backend-developer"))
        });
    });
    c.bench_function("career list API, rendered from the database", |b| {
        b.iter(|| {
            let next = version.current(disha_store::scopes::CAREERS) + 1;
            version.observe([(disha_store::scopes::CAREERS.to_owned(), next)]);
            black_box(get(
                &router,
                &rt,
                "/api/careers?stream=engineering-technology&per_page=20",
            ))
        });
    });
    c.bench_function("checking the starter catalog (48 files)", |b| {
        b.iter(|| black_box(disha::catalog::embedded().expect("sound").len()))
    });
}

criterion_group!(benches, serving);
criterion_main!(benches);
