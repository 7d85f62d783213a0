//! Micro-benchmarks of the serving path, in process (no sockets): a cached career page; cache misses without
//! an edit (a router whose cache keeps nothing: the profile read from the database, a list at a new address
//! answered from the summaries in memory); the same after an edit (the careers scope moved, so the summaries
//! are read again too); and checking the whole starter catalog. Load tests over real sockets are in
//! `scripts/bench-http` and `scripts/bench/compare`.
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
        prepared.library.clone(),
        std::sync::Arc::clone(&prepared.store),
        disha_web::WebConfig {
            base_url: "http://bench".into(),
            cache_bytes: 64 << 20,
            trusted_proxies: Vec::new(),
        },
    )
    .expect("state");
    let router = disha_web::router(state);
    // The same app with a cache that keeps nothing: every request is a miss, but no edit happened.
    let uncached = disha_web::router(
        disha_web::AppState::new(
            prepared.library.clone(),
            std::sync::Arc::clone(&prepared.store),
            disha_web::WebConfig {
                base_url: "http://bench".into(),
                cache_bytes: 0,
                trusted_proxies: Vec::new(),
            },
        )
        .expect("state"),
    );

    get(&router, &rt, "/careers/backend-developer");
    c.bench_function("career page, cached", |b| {
        b.iter(|| black_box(get(&router, &rt, "/careers/backend-developer")))
    });
    get(&uncached, &rt, "/careers");
    c.bench_function("career page, cache miss", |b| {
        b.iter(|| black_box(get(&uncached, &rt, "/careers/backend-developer")))
    });
    let mut n = 0_u32;
    c.bench_function("career list page at a new address, cache miss", |b| {
        b.iter(|| {
            n += 1;
            let path = format!("/careers?per_page={}&page={}", n % 100 + 1, n / 100 % 4 + 1);
            black_box(get(&uncached, &rt, &path))
        })
    });
    c.bench_function("career page after an edit", |b| {
        b.iter(|| {
            // Moving the local content version makes every cached entry stale, forcing a full render.
            let next = version.current(disha_store::scopes::CAREERS) + 1;
            version.observe([(disha_store::scopes::CAREERS.to_owned(), next)]);
            black_box(get(&router, &rt, "/careers/backend-developer"))
        });
    });
    c.bench_function("career list API after an edit", |b| {
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
