use crate::support::{TestApp, spawn_app, spawn_app_on};
use std::time::Duration;

async fn wait_for(app: &TestApp, path: &str, needle: &str) -> bool {
    for _ in 0..100 {
        if app.get_text(path).await.1.contains(needle) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn an_edit_through_the_app_is_visible_on_the_next_request() {
    let app = spawn_app().await;
    let (_, before) = app.get_text("/careers/nurse").await;
    let (_, api_before) = app.get_json("/api/careers/nurse").await;
    assert_eq!(api_before["revision"], 1);
    let mut p = TestApp::catalog_profile("nurse");
    p.summary = "An edited summary that must show at once on every cached page.".into();
    let out = app.library.put_profiles(&[p]).await.expect("edit");
    assert_eq!(out.updated, 1);
    let (_, after) = app.get_text("/careers/nurse").await;
    assert_ne!(before, after);
    assert!(after.contains("An edited summary that must show at once"));
    assert!(after.contains("Revision 2"));
    let (_, api_after) = app.get_json("/api/careers/nurse").await;
    assert_eq!(api_after["revision"], 2);
    let (_, list) = app.get_text("/careers?q=nurse").await;
    assert!(
        list.contains("An edited summary"),
        "cached list pages are refreshed too"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_edit_by_another_process_reaches_cached_pages() {
    let app = spawn_app().await;
    assert!(
        app.get_text("/careers/judge")
            .await
            .1
            .contains("Revision 1")
    );
    let other = app.second_store().await;
    let mut p = TestApp::catalog_profile("judge");
    p.summary = "Summary written by another process while the page was cached.".into();
    other.put_careers(&[p]).await.expect("edit elsewhere");
    assert!(
        wait_for(&app, "/careers/judge", "written by another process").await,
        "the watcher must pick the edit up"
    );
    app.stop().await;
}

#[tokio::test]
async fn two_instances_on_one_database_serve_the_same_edit() {
    let a = spawn_app().await;
    let b = spawn_app_on(a.database_url.clone(), a.dir()).await;
    assert!(
        b.get_text("/careers/chemist")
            .await
            .1
            .contains("Revision 1")
    );
    let mut p = TestApp::catalog_profile("chemist");
    p.summary = "Edited on instance A and served by instance B after it notices.".into();
    a.library.put_profiles(&[p]).await.expect("edit on A");
    assert!(wait_for(&b, "/careers/chemist", "served by instance B").await);
    assert!(wait_for(&b, "/api/careers/chemist", "\"revision\":2").await);
    b.stop().await;
    a.stop().await;
}

#[tokio::test]
async fn a_catalog_load_with_one_malformed_file_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("dir");
    for p in disha::catalog::embedded().expect("catalog") {
        std::fs::write(dir.path().join(format!("{}.toml", p.slug)), toml_of(&p)).expect("write");
    }
    let mut good = TestApp::catalog_profile("chef");
    good.summary = "This edit must not land because another file in the batch is bad.".into();
    std::fs::write(dir.path().join("chef.toml"), toml_of(&good)).expect("write");
    std::fs::write(
        dir.path().join("broken.toml"),
        "slug = \"broken\"\ntitle = 5\n",
    )
    .expect("write");
    let out = catalog_load(dir.path(), &app.database_url);
    assert!(!out.status.success(), "the load is refused");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.toml: title"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    let stored = app
        .store
        .published_career(&disha_domain::Slug::parse("chef").expect("slug"))
        .await
        .expect("read")
        .expect("chef");
    assert_eq!(
        stored.revision, 1,
        "the good file in the batch was not written either"
    );
    assert!(!stored.profile.summary.contains("must not land"));
    // Once the broken file is gone the same command writes the edit, so the refusal above was the check.
    std::fs::remove_file(dir.path().join("broken.toml")).expect("remove");
    let out = catalog_load(dir.path(), &app.database_url);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(wait_for(&app, "/careers/chef", "must not land").await);
    app.stop().await;
}

#[tokio::test]
async fn an_edit_invalidates_the_pages_built_from_careers_and_a_hit_is_served_until_then() {
    let app = spawn_app().await;
    assert_eq!(app.get("/careers/nurse").await.headers()["x-cache"], "miss");
    assert_eq!(app.get("/careers/nurse").await.headers()["x-cache"], "hit");
    let mut p = TestApp::catalog_profile("nurse");
    p.summary = "A new summary, so the careers scope moves on.".into();
    app.library.put_profiles(&[p]).await.expect("edit");
    assert_eq!(app.get("/careers/nurse").await.headers()["x-cache"], "miss");
    app.stop().await;
}

#[tokio::test]
async fn a_request_with_a_session_is_never_served_from_or_stored_in_the_shared_cache() {
    let app = spawn_app().await;
    let signed_in = |path: &str| {
        app.client
            .get(app.url(path))
            .header("cookie", format!("{}=someone", disha_web::SESSION_COOKIE))
            .send()
    };
    assert_eq!(
        app.get("/careers/doctor").await.headers()["x-cache"],
        "miss"
    );
    let r = signed_in("/careers/doctor").await.expect("request");
    assert_eq!(
        r.headers()["x-cache"],
        "bypass",
        "not taken from the shared cache"
    );
    assert_eq!(r.headers()["cache-control"], "private, no-store");
    let r = signed_in("/careers/judge").await.expect("request");
    assert_eq!(r.headers()["x-cache"], "bypass");
    assert_eq!(
        app.get("/careers/judge").await.headers()["x-cache"],
        "miss",
        "the signed-in render was not stored for others"
    );
    app.stop().await;
}

/// The real `disha catalog load` command, against the database the app is serving from.
fn catalog_load(dir: &std::path::Path, database_url: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_disha"))
        .args(["catalog", "load", "--dir"])
        .arg(dir)
        .env("DATABASE_URL", database_url)
        .env("DISHA_METRICS_ADDR", "off")
        .output()
        .expect("disha runs")
}

fn toml_of(p: &disha_domain::CareerProfile) -> String {
    // The catalog format is the profile's own serde shape, so serialising a profile gives a valid file.
    let value = serde_json::to_value(p).expect("json");
    json_to_toml(&value)
}

fn json_to_toml(v: &serde_json::Value) -> String {
    fn scalar(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::String(s) => format!("{s:?}"),
            serde_json::Value::Array(a) => {
                format!("[{}]", a.iter().map(scalar).collect::<Vec<_>>().join(", "))
            }
            serde_json::Value::Object(o) => format!(
                "{{ {} }}",
                o.iter()
                    .map(|(k, v)| format!("{k} = {}", scalar(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => other.to_string(),
        }
    }
    let obj = v.as_object().expect("object");
    obj.iter()
        .map(|(k, v)| format!("{k} = {}\n", scalar(v)))
        .collect()
}

#[tokio::test]
async fn a_signed_in_reader_gets_the_public_page_with_their_own_account_link_and_nobody_else_sees_it()
 {
    let app = spawn_app().await;
    let token = app
        .account_token("kavya", disha_domain::Role::Student)
        .await;
    let r = app
        .client
        .get(app.url("/careers/doctor"))
        .header("cookie", format!("{}={token}", disha_web::SESSION_COOKIE))
        .send()
        .await
        .expect("request");
    assert_eq!(r.headers()["x-cache"], "personal");
    assert_eq!(r.headers()["cache-control"], "private, no-store");
    let html = r.text().await.expect("html");
    assert!(
        html.contains("<a href=\"/account\">kavya</a>"),
        "their own account link"
    );
    assert!(!html.contains("href=\"/sign-in\">Sign in</a>"));
    let public = app.get("/careers/doctor").await;
    assert_eq!(
        public.headers()["x-cache"],
        "hit",
        "the public copy was made once and shared"
    );
    let html = public.text().await.expect("html");
    assert!(
        !html.contains("kavya"),
        "no one else sees the reader's name"
    );
    assert!(html.contains("href=\"/sign-in\">Sign in</a>"));
    app.stop().await;
}
