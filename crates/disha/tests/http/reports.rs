//! Reporting a mistake: the form, its errors, the shared limit, the same-origin rule and the API.

use crate::support::{Page, TestApp, spawn_app};

const GOOD: &[(&str, &str)] = &[
    ("section", "courses"),
    (
        "message",
        "The GNM fee at the top government colleges went up this year.",
    ),
    ("evidence_url", "https://www.indiannursingcouncil.org/"),
];

impl TestApp {
    async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        origin: Option<&str>,
    ) -> reqwest::Response {
        let mut req = self.client.post(self.url(path)).form(form);
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        req.send().await.expect("request")
    }

    async fn open_reports(&self) -> usize {
        self.store
            .open_mistake_reports()
            .await
            .expect("reports")
            .len()
    }
}

#[tokio::test]
async fn a_reader_reports_a_mistake_and_lands_on_a_thank_you_page() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/careers/nurse").await.1);
    assert!(
        page.attrs("a", "href")
            .contains(&"/careers/nurse/report".to_owned()),
        "every profile links to its report form"
    );
    let (status, html) = app.get_text("/careers/nurse/report").await;
    assert_eq!(status, 200);
    let form = Page::parse(&html);
    assert_eq!(form.count("form.report select[name=section] option"), 12);
    assert_eq!(
        form.count(
            "form.report input[type=email], form.report input[type=tel], form.report input[name=name]"
        ),
        0,
        "the form asks for no contact details"
    );

    let own_origin = app.url("");
    let r = app
        .post_form("/careers/nurse/report", GOOD, Some(&own_origin))
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/careers/nurse/report/thanks");
    let (status, html) = app.get_text("/careers/nurse/report/thanks").await;
    assert_eq!(status, 200);
    assert_eq!(Page::parse(&html).text("h1"), "Thank you for your report");

    let reports = app.store.open_mistake_reports().await.expect("reports");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].career.as_str(), "nurse");
    assert_eq!(reports[0].message, GOOD[1].1);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_report_comes_back_naming_each_field_with_the_text_kept_and_nothing_stored() {
    let app = spawn_app().await;
    let form = [
        ("section", "header"),
        ("message", "too short"),
        ("evidence_url", "javascript:alert(1)"),
    ];
    let r = app.post_form("/careers/nurse/report", &form, None).await;
    assert_eq!(r.status(), 400);
    let page = Page::parse(&r.text().await.expect("body"));
    let problems = page.texts(".errors li");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("Which part is wrong?"),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("What is wrong?"), "{problems:?}");
    assert!(
        problems[2].starts_with("Where is the correct fact published?"),
        "{problems:?}"
    );
    assert_eq!(
        page.text("textarea[name=message]"),
        "too short",
        "the text is kept"
    );
    assert_eq!(page.count("[aria-invalid=true]"), 3);
    assert_eq!(app.open_reports().await, 0);
    app.stop().await;
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let r = app
        .post_form("/careers/nurse/report", GOOD, Some("https://evil.example"))
        .await;
    assert_eq!(r.status(), 403);
    let r = app
        .client
        .post(app.url("/careers/nurse/report"))
        .header("sec-fetch-site", "cross-site")
        .form(GOOD)
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 403);
    assert_eq!(app.open_reports().await, 0);
    app.stop().await;
}

#[tokio::test]
async fn the_sixth_report_in_an_hour_is_refused_with_retry_after_and_the_text_kept() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let r = app.post_form("/careers/nurse/report", GOOD, None).await;
        assert_eq!(r.status(), 303);
    }
    let r = app.post_form("/careers/nurse/report", GOOD, None).await;
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=3600).contains(&wait), "{wait}");
    let page = Page::parse(&r.text().await.expect("body"));
    assert_eq!(page.text("textarea[name=message]"), GOOD[1].1);
    assert_eq!(app.open_reports().await, 5);

    // The API shares the same limit, because it is counted in the database.
    let r = app
        .client
        .post(app.url("/api/careers/nurse/reports"))
        .json(&serde_json::json!({"section": "jobs", "message": "The salary range looks old."}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    app.stop().await;
}

#[tokio::test]
async fn apps_report_mistakes_as_json() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/api/careers/doctor/reports"))
        .json(&serde_json::json!({"section": "at-a-glance", "message": "NEET-UG is now held twice a year?"}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 201);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["status"], "received");
    assert!(body["id"].is_i64());

    let r = app
        .client
        .post(app.url("/api/careers/doctor/reports"))
        .json(&serde_json::json!({"message": "short"}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 400);
    let body: serde_json::Value = r.json().await.expect("json");
    let fields = body["error"]["fields"].as_object().expect("fields");
    assert!(
        fields.contains_key("section") && fields.contains_key("message"),
        "{body}"
    );

    let r = app
        .client
        .post(app.url("/api/careers/pilot/reports"))
        .json(&serde_json::json!({"section": "other", "message": "There is no pilot career yet."}))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 404);
    assert_eq!(app.open_reports().await, 1);
    app.stop().await;
}
