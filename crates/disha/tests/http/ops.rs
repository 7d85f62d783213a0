use crate::support::spawn_app;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get_text("/healthz").await, (200, "ok".to_owned()));
    assert_eq!(app.get_text("/readyz").await, (200, "ready".to_owned()));
    app.stop().await;
}

#[tokio::test]
async fn responses_carry_security_headers_and_a_request_id() {
    let app = spawn_app().await;
    for path in ["/", "/careers/doctor", "/api/careers", "/nowhere"] {
        let r = app.get(path).await;
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().expect("csp");
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
        assert!(h["x-request-id"].len() >= 32, "{path}");
    }
    let r = app
        .client
        .get(app.url("/"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .expect("request");
    assert_eq!(
        r.headers()["x-request-id"],
        "abc-123",
        "a caller's request id is kept"
    );
    app.stop().await;
}

#[tokio::test]
async fn pages_are_gzipped_when_the_client_accepts_it() {
    let app = spawn_app().await;
    let plain = app.get("/careers/backend-developer").await;
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_len = plain.bytes().await.expect("body").len();
    let r = app
        .client
        .get(app.url("/careers/backend-developer"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(r.headers()["content-encoding"], "gzip");
    let zipped = r.bytes().await.expect("body");
    assert!(
        zipped.len() * 3 < plain_len,
        "{} vs {plain_len}",
        zipped.len()
    );
    app.stop().await;
}

#[tokio::test]
async fn a_matching_etag_gets_304_not_modified() {
    let app = spawn_app().await;
    let r = app.get("/api/careers/doctor").await;
    let tag = r.headers()["etag"].clone();
    let again = app
        .client
        .get(app.url("/api/careers/doctor"))
        .header("if-none-match", tag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), 304);
    app.stop().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413_in_the_shape_the_reader_expects() {
    let app = spawn_app().await;
    // Past the ceiling of every route: refused from the length alone, whatever the route.
    let r = app
        .client
        .post(app.url("/api/careers"))
        .body(vec![b'x'; 2 * 1024 * 1024])
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 413);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["error"]["code"], "payload_too_large");
    // Past the limit of a route that takes short text.
    let r = app
        .client
        .post(app.url("/careers/doctor/report"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![b'x'; 200 * 1024])
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 413);
    let page = crate::support::Page::parse(&r.text().await.expect("page"));
    assert_eq!(page.text("h1"), "Too much to send", "a page for people");
    app.stop().await;
}

#[tokio::test]
async fn metrics_are_served_on_the_internal_listener_only() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/metrics").await.status(),
        404,
        "never on the public port"
    );
    let store = app.second_store().await;
    let addr = disha::metrics::spawn("127.0.0.1:0".parse().expect("addr"), store)
        .await
        .expect("metrics listener");
    app.get("/careers/doctor").await;
    let text = app
        .client
        .get(format!("http://{addr}/metrics"))
        .send()
        .await
        .expect("scrape")
        .text()
        .await
        .expect("body");
    assert!(text.contains("http_requests_total"), "{text}");
    assert!(
        text.contains("route=\"/careers/{slug}\""),
        "labelled by route template"
    );
    assert!(text.contains("db_pool_connections"), "pool gauges");
    app.stop().await;
}

#[tokio::test]
async fn graceful_shutdown_finishes_and_stops_serving() {
    let app = spawn_app().await;
    let addr = app.addr;
    app.stop().await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the port is closed after shutdown"
    );
}

#[tokio::test]
async fn a_database_outage_is_a_503_with_retry_after_while_cached_pages_are_still_served() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/careers/doctor").await.status(),
        200,
        "warms the cache"
    );
    app.store.close().await;
    let cached = app.get("/careers/doctor").await;
    assert_eq!(cached.status(), 200, "a cached page needs no database");
    assert_eq!(cached.headers()["x-cache"], "hit");
    let list = app.get("/careers?stream=law&sort=level").await;
    assert_eq!(
        list.status(),
        200,
        "lists come from the summaries already in memory"
    );
    let r = app.get("/careers/lawyer").await;
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "5");
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.expect("page");
    assert!(
        html.contains("Disha is busy") && html.contains("class=\"site\""),
        "{html}"
    );
    let (status, body) = app.get_json("/api/careers/judge").await;
    assert_eq!(status, 503);
    assert_eq!(body["error"]["code"], "unavailable");
    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_eq!(
        app.get("/healthz").await.status(),
        200,
        "the process itself is still up"
    );
}
