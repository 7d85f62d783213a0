//! Signing in and out, from pages and from the RealWorld API, with sessions any instance can read.

use crate::support::{Page, TestApp, spawn_app, spawn_app_on};
use disha_domain::Role;

const PASSWORD: &str = "river-mango-kite-42";

impl TestApp {
    async fn editor(&self) {
        let accounts =
            disha_core::Accounts::new(std::sync::Arc::clone(&self.store)).expect("accounts");
        accounts
            .create("Meera@Example.in", "meera", PASSWORD, Role::Editor)
            .await
            .expect("create");
    }

    async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/users/login"))
            .json(&serde_json::json!({"user": {"email": email, "password": password}}))
            .send()
            .await
            .expect("request")
    }
}

#[tokio::test]
async fn an_app_signs_in_and_reads_the_current_user_with_the_token() {
    let app = spawn_app().await;
    app.editor().await;
    let r = app.login("meera@example.in", PASSWORD).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "private, no-store");
    let body: serde_json::Value = r.json().await.expect("json");
    let user = &body["user"];
    assert_eq!(user["username"], "meera");
    assert_eq!(
        user["email"], "meera@example.in",
        "the owner sees their own address"
    );
    let token = user["token"].as_str().expect("token").to_owned();
    assert_eq!(token.len(), 64);

    let me = app
        .client
        .get(app.url("/api/user"))
        .header("authorization", format!("Token {token}"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.json().await.expect("json");
    assert_eq!(me["user"]["username"], "meera");

    // Another instance on the same database knows the session: it lives in the database.
    let other = spawn_app_on(app.database_url.clone(), app.dir()).await;
    let me = other
        .client
        .get(other.url("/api/user"))
        .header("authorization", format!("Token {token}"))
        .send()
        .await
        .expect("request");
    assert_eq!(me.status(), 200);
    other.stop().await;

    let anon = app.get("/api/user").await;
    assert_eq!(anon.status(), 401);
    let body: serde_json::Value = anon.json().await.expect("json");
    assert!(
        body["errors"]["token"].is_array(),
        "RealWorld's error shape: {body}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    app.editor().await;
    let wrong = app.login("meera@example.in", "not-the-password").await;
    let status_wrong = wrong.status();
    let body_wrong = wrong.text().await.expect("body");
    let unknown = app.login("nobody@example.in", "not-the-password").await;
    assert_eq!(status_wrong, 401);
    assert_eq!(unknown.status(), 401);
    assert_eq!(
        unknown.text().await.expect("body"),
        body_wrong,
        "no response reveals whether an email is registered"
    );
    let bad = app
        .client
        .post(app.url("/api/users/login"))
        .json(&serde_json::json!({"email": "meera@example.in"}))
        .send()
        .await
        .expect("request");
    assert_eq!(bad.status(), 422);
    let body: serde_json::Value = bad.json().await.expect("json");
    assert!(body["errors"]["body"].is_array(), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn repeated_sign_in_attempts_for_one_account_are_throttled() {
    let app = spawn_app().await;
    app.editor().await;
    let mut statuses = Vec::new();
    for _ in 0..11 {
        statuses.push(
            app.login("meera@example.in", "guess-guess-guess")
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(statuses[10], 429);
    let r = app.login("meera@example.in", PASSWORD).await;
    assert_eq!(
        r.status(),
        429,
        "even the right password waits out the window"
    );
    assert!(r.headers().contains_key("retry-after"));
    app.stop().await;
}

#[tokio::test]
async fn a_person_signs_in_with_a_fresh_http_only_cookie_and_signs_out() {
    let app = spawn_app().await;
    app.editor().await;
    // A session id planted before sign-in is not the one that ends up signed in.
    let planted = "a".repeat(64);
    let r = app
        .client
        .post(app.url("/sign-in"))
        .header("cookie", format!("disha_session={planted}"))
        .form(&[("email", "meera@example.in"), ("password", PASSWORD)])
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/account");
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
    let session = cookie
        .split(';')
        .next()
        .and_then(|c| c.strip_prefix("disha_session="))
        .expect("session cookie")
        .to_owned();
    assert_ne!(session, planted);

    let page = app
        .client
        .get(app.url("/account"))
        .header("cookie", format!("disha_session={session}"))
        .send()
        .await
        .expect("request");
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "private, no-store");
    let html = page.text().await.expect("body");
    assert!(
        Page::parse(&html)
            .text("main")
            .contains("You are signed in as meera.")
    );
    assert!(
        !html.contains("meera@example.in"),
        "the page shows no email address"
    );

    let out = app
        .client
        .post(app.url("/sign-out"))
        .header("cookie", format!("disha_session={session}"))
        .send()
        .await
        .expect("request");
    assert_eq!(out.status(), 303);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .contains("Max-Age=0")
    );
    let after = app
        .client
        .get(app.url("/account"))
        .header("cookie", format!("disha_session={session}"))
        .send()
        .await
        .expect("request");
    assert_eq!(
        after.status(),
        303,
        "the session is over in the database, not just in the browser"
    );

    let wrong = app
        .client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "meera@example.in"),
            ("password", "nope-nope-nope"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(wrong.status(), 401);
    assert!(
        Page::parse(&wrong.text().await.expect("body"))
            .text(".errors")
            .contains("did not match")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_the_link_in_the_mail_and_only_once() {
    let smtpd = crate::mail::Smtpd::start().await;
    let app = crate::support::spawn_app_with(|c| {
        c.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtpd.port));
    })
    .await;
    app.editor().await;
    let ask = |email: &'static str| {
        app.client
            .post(app.url("/forgot-password"))
            .form(&[("email", email)])
            .send()
    };
    let known = ask("meera@example.in").await.expect("request");
    assert_eq!(known.status(), 200);
    let known = Page::parse(&known.text().await.expect("body")).text(".lead");
    let unknown = ask("nobody@example.in").await.expect("request");
    let unknown = Page::parse(&unknown.text().await.expect("body")).text(".lead");
    assert_eq!(
        known, unknown,
        "the answer does not tell whether the address has an account"
    );

    let mail = smtpd.wait_for(1).await;
    assert_eq!(mail.len(), 1, "one mail, to the account that exists");
    assert!(mail[0].contains("To: meera@example.in"));
    // Long lines arrive quoted-printable, with soft line breaks that are not part of the text.
    let body = mail[0].replace("=\r\n", "").replace("=\n", "");
    let start = body.find("/reset-password/").expect("a link");
    let path: String = body[start..]
        .chars()
        .take("/reset-password/".len() + 64)
        .collect();

    let (status, _) = app.get_text(&path).await;
    assert_eq!(status, 200);
    let set = |password: &'static str| {
        app.client
            .post(app.url(&path))
            .form(&[("password", password)])
            .send()
    };
    let weak = set("1234567890").await.expect("request");
    assert_eq!(weak.status(), 400);
    let ok = set("new-river-kite-77").await.expect("request");
    assert_eq!(ok.status(), 303);
    let next = ok.headers()["location"].to_str().expect("ascii").to_owned();
    let (_, html) = app.get_text(&next).await;
    assert!(
        Page::parse(&html)
            .text("[role=status]")
            .contains("new password is set")
    );
    assert_eq!(
        app.login("meera@example.in", "new-river-kite-77")
            .await
            .status(),
        200
    );
    assert_eq!(app.login("meera@example.in", PASSWORD).await.status(), 401);
    let again = set("another-kite-88").await.expect("request");
    assert_eq!(again.status(), 410, "the link works once");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        smtpd.messages().len(),
        1,
        "no mail went to the unknown address"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_front_end_on_another_origin_signs_in_by_token_but_cookies_cannot_be_ridden() {
    let app = spawn_app().await;
    app.editor().await;
    let r = app
        .client
        .post(app.url("/api/users/login"))
        .header("origin", "https://conduit.example")
        .json(&serde_json::json!({"user": {"email": "meera@example.in", "password": PASSWORD}}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        r.status(),
        200,
        "token-based API calls from another origin are not CSRF"
    );
    let r = app
        .client
        .post(app.url("/api/users/login"))
        .header("origin", "https://evil.example")
        .header("cookie", "disha_session=whatever")
        .json(&serde_json::json!({"user": {"email": "meera@example.in", "password": PASSWORD}}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        r.status(),
        403,
        "a request riding the session cookie from another site is refused"
    );
    let r = app
        .client
        .post(app.url("/sign-out"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("request");
    assert_eq!(
        r.status(),
        403,
        "pages are protected with or without a cookie"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_front_end_on_another_origin_may_call_the_api_without_credentials() {
    let app = spawn_app().await;
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/articles"))
        .header("origin", "https://conduit.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .send()
        .await
        .expect("preflight");
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let h = preflight.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    assert!(
        h["access-control-allow-headers"]
            .to_str()
            .expect("ascii")
            .contains("authorization")
    );
    assert!(
        h.get("access-control-allow-credentials").is_none(),
        "never with cookies"
    );
    let r = app
        .client
        .get(app.url("/api/tags"))
        .header("origin", "https://conduit.example")
        .send()
        .await
        .expect("request");
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let page = app
        .client
        .get(app.url("/careers"))
        .header("origin", "https://conduit.example")
        .send()
        .await
        .expect("request");
    assert!(
        page.headers().get("access-control-allow-origin").is_none(),
        "pages are not shared"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_session_ended_on_one_instance_soon_stops_working_on_every_other() {
    let app = spawn_app().await;
    app.editor().await;
    let user: serde_json::Value = app
        .login("meera@example.in", PASSWORD)
        .await
        .json()
        .await
        .expect("json");
    let token = user["user"]["token"].as_str().expect("token").to_owned();
    let other = spawn_app_on(app.database_url.clone(), app.dir()).await;
    let status_on = |a: &TestApp| {
        let req = a
            .client
            .get(a.url("/api/user"))
            .header("authorization", format!("Token {token}"));
        async move { req.send().await.expect("request").status().as_u16() }
    };
    // Twice, so the second answer comes from the other instance's memory.
    assert_eq!(
        (status_on(&other).await, status_on(&other).await),
        (200, 200)
    );

    let out = app
        .client
        .post(app.url("/sign-out"))
        .header("cookie", format!("disha_session={token}"))
        .send()
        .await
        .expect("request");
    assert_eq!(out.status(), 303);
    assert_eq!(status_on(&app).await, 401, "at once where it was ended");
    // Elsewhere within a poll of the content versions (every half second); ten seconds is ample.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while status_on(&other).await != 401 {
        assert!(
            std::time::Instant::now() < deadline,
            "the other instance still honours the ended session"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    other.stop().await;
    app.stop().await;
}
