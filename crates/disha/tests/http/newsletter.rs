//! The newsletter: double opt-in by the mailed link, issues only to confirmed readers by interest, and the
//! RFC 8058 one-click unsubscribe, over a real SMTP server.

use crate::mail::Smtpd;
use crate::support::{link_in, spawn_app_with};
use disha_domain::Role;
use serde_json::json;

#[tokio::test]
async fn a_reader_confirms_gets_issues_for_their_interest_and_leaves_in_one_click() {
    let smtpd = Smtpd::start().await;
    let app =
        spawn_app_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtpd.port))).await;
    let form = |body: &'static str| {
        app.client
            .post(app.url("/newsletter"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let r = form("email=Reader%40Example.in&interests=pcb")
        .await
        .expect("subscribe");
    assert_eq!(r.status(), 200);
    let first = r.text().await.expect("html");
    assert!(first.contains("Check your email"));
    let mails = smtpd.wait_for(1).await;
    assert!(mails[0].contains("Subject: Confirm your Disha newsletter subscription"));
    let link = link_in(&mails[0], &app.url("/newsletter/confirm/"));
    let path = link.trim_start_matches(&app.url(""));

    // Nothing goes to an unconfirmed reader.
    let accounts = disha_core::Accounts::new(std::sync::Arc::clone(&app.store)).expect("accounts");
    accounts
        .create(
            "meera@example.in",
            "meera",
            "river-mango-kite-42",
            Role::Editor,
        )
        .await
        .expect("editor");
    let editor = accounts
        .sign_in("meera@example.in", "river-mango-kite-42", "t")
        .await
        .expect("sign in")
        .token;
    let send = |interest: Option<&str>| {
        app.client
            .post(app.url("/api/newsletter/issues"))
            .header("authorization", format!("Token {editor}"))
            .json(&json!({"subject": "NEET news", "body": "The dates are out.", "interest": interest}))
            .send()
    };
    let r = send(None).await.expect("send");
    assert_eq!(r.status(), 202);
    assert_eq!(
        r.json::<serde_json::Value>().await.expect("json")["recipients"],
        0
    );

    let (status, page) = app.get_text(path).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Confirm my subscription"),
        "opening the link changes nothing by itself"
    );
    let r = app
        .client
        .post(app.url(path))
        .send()
        .await
        .expect("confirm");
    assert_eq!(r.status(), 200);
    let r = app.client.post(app.url(path)).send().await.expect("again");
    assert_eq!(r.status(), 410, "the link works once");

    // Subscribing again answers the same and sends nothing to a confirmed reader.
    let again = form("email=reader%40example.in").await.expect("again");
    assert_eq!(again.text().await.expect("html"), first);
    let api = app
        .client
        .post(app.url("/api/newsletter"))
        .json(&json!({"email": "reader@example.in", "interests": ["pcb"]}))
        .send()
        .await
        .expect("api");
    assert_eq!(api.status(), 202);
    let bad = app
        .client
        .post(app.url("/api/newsletter"))
        .json(&json!({"email": "nope", "interests": ["astrology"]}))
        .send()
        .await
        .expect("api");
    assert_eq!(bad.status(), 422);
    let errors = bad.json::<serde_json::Value>().await.expect("json");
    assert!(
        errors["errors"]["email"].is_array() && errors["errors"]["interests"].is_array(),
        "{errors}"
    );

    let r = send(Some("pcm")).await.expect("send");
    assert_eq!(
        r.json::<serde_json::Value>().await.expect("json")["recipients"],
        0,
        "not their interest"
    );
    let r = send(Some("pcb")).await.expect("send");
    assert_eq!(
        r.json::<serde_json::Value>().await.expect("json")["recipients"],
        1
    );
    let mails = smtpd.wait_for(2).await;
    assert_eq!(mails.len(), 2, "the confirmation and one issue");
    let issue = mails
        .iter()
        .find(|m| m.contains("Subject: NEET news"))
        .expect("issue");
    assert!(
        issue.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{issue}"
    );
    let unsubscribe = link_in(issue, &app.url("/newsletter/unsubscribe/"));
    assert!(
        issue.contains(&format!("List-Unsubscribe: <{unsubscribe}>")),
        "{issue}"
    );

    // What a mail program sends for a one-click unsubscribe (RFC 8058).
    let r = app
        .client
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("one click");
    assert_eq!(r.status(), 200);
    let r = send(None).await.expect("send");
    assert_eq!(
        r.json::<serde_json::Value>().await.expect("json")["recipients"],
        0,
        "gone"
    );
    let student = accounts
        .create(
            "s@example.in",
            "student",
            "river-mango-kite-42",
            Role::Student,
        )
        .await
        .map(|_| ());
    assert!(student.is_ok());
    let token = accounts
        .sign_in("s@example.in", "river-mango-kite-42", "t")
        .await
        .expect("in")
        .token;
    let r = app
        .client
        .post(app.url("/api/newsletter/issues"))
        .header("authorization", format!("Token {token}"))
        .json(&json!({"subject": "Spam", "body": "Buy"}))
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 403, "only editors send issues");
    app.stop().await;
}
