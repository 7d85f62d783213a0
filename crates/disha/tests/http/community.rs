//! Registration with a mailed verification link, and the RealWorld community API: profiles, articles,
//! favourites, tags, comments on articles and careers, and moderation.

use crate::mail::Smtpd;
use crate::support::{TestApp, link_in, spawn_app, spawn_app_with};
use disha_domain::Role;
use serde_json::{Value, json};

const PASSWORD: &str = "river-mango-kite-42";

impl TestApp {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self
            .client
            .request(method.parse().expect("method"), self.url(path));
        if let Some(t) = token {
            req = req.header("authorization", format!("Token {t}"));
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

#[tokio::test]
async fn a_registration_is_confirmed_by_the_link_in_the_mail_and_never_reveals_a_taken_address() {
    let smtpd = Smtpd::start().await;
    let app =
        spawn_app_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtpd.port))).await;
    let (status, body) = app
        .call(
            "POST",
            "/api/users",
            None,
            Some(json!({"user": {"username": "kavya", "email": "Kavya@Example.in", "password": PASSWORD}})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["user"]["username"], "kavya");
    assert_eq!(body["user"]["email"], "kavya@example.in");
    let token = body["user"]["token"].as_str().expect("token").to_owned();
    let (status, me) = app.call("GET", "/api/user", Some(&token), None).await;
    assert_eq!(
        (status, me["user"]["username"].as_str()),
        (200, Some("kavya"))
    );
    let login = json!({"user": {"email": "kavya@example.in", "password": PASSWORD}});
    let (status, _) = app
        .call("POST", "/api/users/login", None, Some(login.clone()))
        .await;
    assert_eq!(
        status, 401,
        "no password sign-in before the address is confirmed"
    );

    let mails = smtpd.wait_for(1).await;
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("Subject: Confirm your Disha account"),
        "{}",
        mails[0]
    );
    let link = link_in(&mails[0], &format!("{}/verify/", app.url("")));
    let path = link.trim_start_matches(&app.url(""));
    let (status, page) = app.get_text(path).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Confirm my address"),
        "opening the link changes nothing by itself"
    );
    let r = app
        .client
        .post(app.url(path))
        .send()
        .await
        .expect("confirm");
    assert_eq!(r.status(), 200);
    let (status, _) = app
        .call("POST", "/api/users/login", None, Some(login))
        .await;
    assert_eq!(status, 200, "confirmed accounts sign in");
    let r = app.client.post(app.url(path)).send().await.expect("again");
    assert_eq!(r.status(), 410, "the link works once");

    // The same address again gets the same answer; its owner is told by mail instead.
    let (status, again) = app
        .call(
            "POST",
            "/api/users",
            None,
            Some(json!({"user": {"username": "kavya2", "email": "kavya@example.in", "password": PASSWORD}})),
        )
        .await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(
        again["user"]
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        body["user"]
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
    );
    let mails = smtpd.wait_for(2).await;
    assert!(
        mails
            .iter()
            .any(|m| m.contains("Subject: Someone tried to create a Disha account")),
        "{mails:?}"
    );
    let form = app
        .client
        .post(app.url("/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=kavya3&email=kavya%40example.in&password=river-mango-kite-42")
        .send()
        .await
        .expect("page");
    assert_eq!(form.status(), 200);
    assert!(
        form.text()
            .await
            .expect("html")
            .contains("Check your email")
    );
    app.stop().await;
}

#[tokio::test]
async fn registration_names_each_bad_field_and_a_taken_username() {
    let app = spawn_app().await;
    let (status, body) = app
        .call(
            "POST",
            "/api/users",
            None,
            Some(json!({"user": {"username": "x", "email": "nope", "password": "1234567890"}})),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&String> = body["errors"].as_object().expect("errors").keys().collect();
    assert_eq!(fields, ["email", "password", "username"]);
    app.account_token("taken", Role::Student).await;
    let (status, body) = app
        .call(
            "POST",
            "/api/users",
            None,
            Some(json!({"user": {"username": "TAKEN", "email": "new@example.in", "password": PASSWORD}})),
        )
        .await;
    assert_eq!(
        (status, body["errors"]["username"][0].as_str()),
        (422, Some("has already been taken"))
    );
    let (status, _) = app
        .call("POST", "/api/users", None, Some(json!({"nope": 1})))
        .await;
    assert_eq!(status, 422);
    let page = app
        .client
        .post(app.url("/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=ok-name&email=bad&password=short")
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), 400);
    let html = page.text().await.expect("html");
    assert!(html.contains("value=\"ok-name\""), "what was typed is kept");
    assert!(html.contains("href=\"#r-email\"") && html.contains("href=\"#r-password\""));
    app.stop().await;
}

#[tokio::test]
async fn an_article_as_long_as_the_schema_allows_in_hindi_is_accepted() {
    let app = spawn_app().await;
    let token = app.account_token("asha", Role::Counsellor).await;
    // 60,000 characters of Devanagari are 180,000 bytes of UTF-8: far past the 64 KiB most routes take.
    let body: String = "क".repeat(60_000);
    let (status, made) = app
        .call(
            "POST",
            "/api/articles",
            Some(&token),
            Some(json!({"article": {"title": "लंबा लेख", "description": "d", "body": body}})),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(
        made["article"]["body"].as_str().map(|b| b.chars().count()),
        Some(60_000)
    );
    let (status, _) = app
        .call(
            "POST",
            "/api/careers/doctor/reports",
            None,
            Some(json!({"message": "क".repeat(30_000)})),
        )
        .await;
    assert_eq!(status, 413, "a short-text route keeps its small limit");
    app.stop().await;
}

#[tokio::test]
async fn a_signed_in_readers_list_marks_only_their_own_favourites_and_follows_at_once() {
    let app = spawn_app().await;
    let asha = app.account_token("asha", Role::Counsellor).await;
    let ravi = app.account_token("ravi", Role::Student).await;
    let meera = app.account_token("meera", Role::Student).await;
    for title in ["Class 10 streams", "NEET in a year", "After a B.Sc."] {
        let (status, _) = app
            .call(
                "POST",
                "/api/articles",
                Some(&asha),
                Some(json!({"article": {"title": title, "description": "d", "body": "b"}})),
            )
            .await;
        assert_eq!(status, 201);
    }
    app.call(
        "POST",
        "/api/articles/neet-in-a-year/favorite",
        Some(&meera),
        None,
    )
    .await;
    let marks = |list: &Value| -> Vec<(String, bool, u64, bool)> {
        list["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| {
                (
                    a["slug"].as_str().unwrap_or_default().to_owned(),
                    a["favorited"].as_bool().unwrap_or_default(),
                    a["favoritesCount"].as_u64().unwrap_or_default(),
                    a["author"]["following"].as_bool().unwrap_or_default(),
                )
            })
            .collect()
    };
    let (_, list) = app.call("GET", "/api/articles", Some(&ravi), None).await;
    assert_eq!(
        marks(&list),
        [
            ("after-a-b-sc".to_owned(), false, 0, false),
            ("neet-in-a-year".to_owned(), false, 1, false),
            ("class-10-streams".to_owned(), false, 0, false),
        ]
    );
    app.call(
        "POST",
        "/api/articles/after-a-b-sc/favorite",
        Some(&ravi),
        None,
    )
    .await;
    app.call("POST", "/api/profiles/asha/follow", Some(&ravi), None)
        .await;
    let (_, list) = app.call("GET", "/api/articles", Some(&ravi), None).await;
    assert_eq!(
        marks(&list),
        [
            ("after-a-b-sc".to_owned(), true, 1, true),
            ("neet-in-a-year".to_owned(), false, 1, true),
            ("class-10-streams".to_owned(), false, 0, true),
        ]
    );
    let (_, list) = app.call("GET", "/api/articles", Some(&meera), None).await;
    assert_eq!(
        marks(&list),
        [
            ("after-a-b-sc".to_owned(), false, 1, false),
            ("neet-in-a-year".to_owned(), true, 1, false),
            ("class-10-streams".to_owned(), false, 0, false),
        ],
        "another reader sees only their own marks"
    );
    let (status, _) = app
        .call(
            "PUT",
            "/api/user",
            Some(&asha),
            Some(json!({"user": {"bio": "Counsellor in Pune"}})),
        )
        .await;
    assert_eq!(status, 200);
    for token in [Some(ravi.as_str()), None] {
        let (_, list) = app.call("GET", "/api/articles", token, None).await;
        assert_eq!(
            list["articles"][0]["author"]["bio"],
            "Counsellor in Pune",
            "a new biography shows at once (signed in: {})",
            token.is_some()
        );
    }
    app.call(
        "POST",
        "/api/articles",
        Some(&ravi),
        Some(json!({"article": {"title": "My first try", "description": "d", "body": "b"}})),
    )
    .await;
    let (_, list) = app.call("GET", "/api/articles", Some(&ravi), None).await;
    assert_eq!(
        (
            list["articlesCount"].as_u64(),
            list["articles"][0]["slug"].as_str()
        ),
        (Some(4), Some("my-first-try")),
        "their own article waiting for an editor is in their list"
    );
    let (_, list) = app.call("GET", "/api/articles", Some(&meera), None).await;
    assert_eq!(list["articlesCount"], 3, "and in no one else's");
    app.stop().await;
}

#[tokio::test]
async fn articles_follow_the_realworld_api_and_only_their_authors_or_editors_change_them() {
    let app = spawn_app().await;
    let asha = app.account_token("asha", Role::Counsellor).await;
    let ravi = app.account_token("ravi", Role::Student).await;
    let editor = app.account_token("meera", Role::Editor).await;
    let new = json!({"article": {"title": "How to prepare for NEET", "description": "A plan for class 12.",
                                  "body": "Start with **NCERT**.", "tagList": ["NEET", "class 12"]}});
    let (status, _) = app
        .call("POST", "/api/articles", None, Some(new.clone()))
        .await;
    assert_eq!(status, 401);
    let (status, made) = app
        .call("POST", "/api/articles", Some(&asha), Some(new.clone()))
        .await;
    assert_eq!(status, 201, "{made}");
    let a = &made["article"];
    assert_eq!(
        (
            a["slug"].as_str(),
            a["status"].as_str(),
            a["favoritesCount"].as_u64()
        ),
        (Some("how-to-prepare-for-neet"), Some("published"), Some(0))
    );
    assert_eq!(a["tagList"], json!(["neet", "class-12"]));
    assert_eq!(
        a["author"],
        json!({"username": "asha", "bio": "", "image": "", "following": false})
    );
    let (_, again) = app
        .call("POST", "/api/articles", Some(&asha), Some(new))
        .await;
    let second = again["article"]["slug"].as_str().expect("slug").to_owned();
    assert!(
        second.starts_with("how-to-prepare-for-neet-")
            && second.len() == "how-to-prepare-for-neet".len() + 7,
        "{second}"
    );

    let (_, mine) = app
        .call(
            "POST",
            "/api/articles",
            Some(&ravi),
            Some(json!({"article": {"title": "My story", "description": "d", "body": "b"}})),
        )
        .await;
    assert_eq!(
        mine["article"]["status"], "pending",
        "a student's article waits for an editor"
    );
    let (status, _) = app.call("GET", "/api/articles/my-story", None, None).await;
    assert_eq!(status, 404);
    let (_, list) = app.call("GET", "/api/articles", None, None).await;
    assert_eq!(list["articlesCount"], 2);
    let (_, list) = app
        .call("GET", "/api/articles?author=ravi", Some(&ravi), None)
        .await;
    assert_eq!(
        list["articlesCount"], 1,
        "authors see their own waiting articles"
    );

    let path = "/api/articles/how-to-prepare-for-neet";
    let change = json!({"article": {"body": "Start with NCERT, then past papers."}});
    let (status, err) = app
        .call("PUT", path, Some(&ravi), Some(change.clone()))
        .await;
    assert_eq!((status, err["errors"].is_object()), (403, true));
    let (status, _) = app.call("DELETE", path, Some(&ravi), None).await;
    assert_eq!(status, 403);
    let (status, edited) = app.call("PUT", path, Some(&editor), Some(change)).await;
    assert_eq!(status, 200);
    assert_eq!(
        edited["article"]["slug"], "how-to-prepare-for-neet",
        "the address stays"
    );
    let (status, bad) = app
        .call(
            "PUT",
            path,
            Some(&asha),
            Some(json!({"article": {"title": ""}})),
        )
        .await;
    assert_eq!((status, bad["errors"]["title"].is_array()), (422, true));

    let (_, fav) = app
        .call("POST", &format!("{path}/favorite"), Some(&ravi), None)
        .await;
    assert_eq!(
        (
            fav["article"]["favorited"].as_bool(),
            fav["article"]["favoritesCount"].as_u64()
        ),
        (Some(true), Some(1))
    );
    let (_, list) = app
        .call("GET", "/api/articles?favorited=ravi", None, None)
        .await;
    assert_eq!(list["articlesCount"], 1);
    let (_, list) = app
        .call("GET", "/api/articles?tag=neet&limit=1&offset=1", None, None)
        .await;
    assert_eq!(
        (
            list["articlesCount"].as_u64(),
            list["articles"].as_array().map(Vec::len)
        ),
        (Some(2), Some(1))
    );
    let (_, tags) = app.call("GET", "/api/tags", None, None).await;
    assert_eq!(tags["tags"], json!(["class-12", "neet"]));

    let (_, p) = app
        .call("POST", "/api/profiles/asha/follow", Some(&ravi), None)
        .await;
    assert_eq!(p["profile"]["following"], true);
    let (_, feed) = app
        .call("GET", "/api/articles/feed", Some(&ravi), None)
        .await;
    assert_eq!(feed["articlesCount"], 2);
    let (status, _) = app.call("GET", "/api/articles/feed", None, None).await;
    assert_eq!(status, 401);
    let (status, _) = app.call("GET", "/api/profiles/nobody", None, None).await;
    assert_eq!(status, 404);

    let comments = format!("{path}/comments");
    let (status, c) = app
        .call(
            "POST",
            &comments,
            Some(&ravi),
            Some(json!({"comment": {"body": "Thank you!"}})),
        )
        .await;
    assert_eq!(
        (status, c["comment"]["status"].as_str()),
        (200, Some("published"))
    );
    let id = c["comment"]["id"].as_i64().expect("id");
    let (_, list) = app.call("GET", &comments, None, None).await;
    assert_eq!(list["comments"][0]["author"]["username"], "ravi");
    let (status, _) = app
        .call("DELETE", &format!("{comments}/{id}"), Some(&asha), None)
        .await;
    assert_eq!(
        status, 403,
        "the article's author cannot delete a reader's comment"
    );
    let (status, _) = app
        .call("DELETE", &format!("{comments}/{id}"), Some(&ravi), None)
        .await;
    assert_eq!(status, 200);
    let (status, _) = app.call("DELETE", path, Some(&asha), None).await;
    assert_eq!(status, 200);
    let (status, _) = app.call("GET", path, None, None).await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn a_guest_comment_on_a_career_waits_for_an_editor_and_its_address_is_never_shown() {
    let app = spawn_app().await;
    let editor = app.account_token("meera", Role::Editor).await;
    let student = app.account_token("ravi", Role::Student).await;
    let path = "/api/careers/nurse/comments";
    let guest = json!({"comment": {"name": "Asha", "email": "asha.secret@example.in",
                                    "website": "https://asha.example", "body": "Is GNM still offered?"}});
    let (status, made) = app.call("POST", path, None, Some(guest)).await;
    assert_eq!(
        (status, made["comment"]["status"].as_str()),
        (202, Some("pending")),
        "{made}"
    );
    let (_, list) = app.call("GET", path, None, None).await;
    assert_eq!(
        list["comments"],
        json!([]),
        "waiting comments are not shown"
    );
    let (status, bad) = app
        .call(
            "POST",
            path,
            None,
            Some(json!({"comment": {"name": "", "email": "x", "body": ""}})),
        )
        .await;
    let mut fields: Vec<&str> = bad["errors"]
        .as_object()
        .expect("errors")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!((status, fields), (422, vec!["body", "email", "name"]));
    let (status, _) = app
        .call(
            "POST",
            "/api/careers/no-such-career/comments",
            None,
            Some(json!({"comment": {"name": "A", "email": "a@example.in", "body": "Hi"}})),
        )
        .await;
    assert_eq!(status, 404);

    let (status, _) = app
        .call("GET", "/api/moderation/comments", Some(&student), None)
        .await;
    assert_eq!(status, 403, "only editors moderate");
    let (status, queue) = app
        .call("GET", "/api/moderation/comments", Some(&editor), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            queue["counts"]["pending"].as_u64(),
            queue["comments"][0]["slug"].as_str()
        ),
        (Some(1), Some("nurse"))
    );
    let id = queue["comments"][0]["comment"]["id"].as_i64().expect("id");
    let (status, _) = app
        .call(
            "POST",
            &format!("/api/moderation/comments/{id}"),
            Some(&student),
            Some(json!({"action": "approve"})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .call(
            "POST",
            &format!("/api/moderation/comments/{id}"),
            Some(&editor),
            Some(json!({"action": "bless"})),
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = app
        .call(
            "POST",
            &format!("/api/moderation/comments/{id}"),
            Some(&editor),
            Some(json!({"action": "approve"})),
        )
        .await;
    assert_eq!(status, 200);
    let (_, list) = app.call("GET", path, None, None).await;
    assert_eq!(list["comments"][0]["author"]["username"], "Asha");
    assert_eq!(list["comments"][0]["authorKind"], "guest");
    let (_, reply) = app
        .call(
            "POST",
            path,
            Some(&student),
            Some(json!({"comment": {"body": "Yes, in many states.", "parentId": id}})),
        )
        .await;
    assert_eq!(reply["comment"]["parentId"], id);

    for public in [path, "/api/articles", "/api/profiles/ravi"] {
        let (_, body) = app.call("GET", public, None, None).await;
        assert!(!body.to_string().contains('@'), "{public}: {body}");
    }
    let (_, page) = app.get_text("/careers/nurse").await;
    assert!(
        !page.contains("asha.secret"),
        "the address is not on the page"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_guest_comment_posted_from_the_page_appears_after_an_editor_approves_it_and_other_pages_stay_cached()
 {
    let app = spawn_app().await;
    let editor = app.account_token("meera", Role::Editor).await;
    // Warm two cached pages.
    for p in ["/careers/nurse", "/careers/doctor"] {
        app.get(p).await;
    }
    let r = app.get("/careers/doctor").await;
    assert_eq!(r.headers()["x-cache"], "hit");
    let form = app.get_text("/careers/nurse/comments/new").await;
    assert_eq!(form.0, 200);
    assert!(
        form.1.contains("name=\"homepage\""),
        "the honeypot is there"
    );

    let post = |body: &'static str| {
        app.client
            .post(app.url("/careers/nurse/comments"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let bad = post("name=&email=nope&body=").await.expect("post");
    assert_eq!(bad.status(), 400);
    let html = bad.text().await.expect("html");
    assert!(
        html.contains("href=\"#c-name\"")
            && html.contains("href=\"#c-email\"")
            && html.contains("href=\"#c-body\"")
    );
    let bot =
        post("name=Bot&email=bot%40example.in&body=Buy+now&homepage=http%3A%2F%2Fspam.example")
            .await
            .expect("post");
    assert_eq!(
        bot.headers()["location"],
        "/careers/nurse/comments/thanks",
        "bots are thanked"
    );
    let ok = post("name=Asha+%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=asha.secret%40example.in&body=Is+GNM+still+offered%3F").await.expect("post");
    assert_eq!(ok.status(), 303);
    assert_eq!(ok.headers()["location"], "/careers/nurse/comments/thanks");
    let (_, page) = app.get_text("/careers/nurse").await;
    assert!(
        !page.contains("Is GNM still offered?"),
        "waits for an editor"
    );

    let (_, queue) = app
        .call("GET", "/api/moderation/comments", Some(&editor), None)
        .await;
    assert_eq!(
        queue["counts"]["pending"], 1,
        "the honeypot's comment was never stored"
    );
    let id = queue["comments"][0]["comment"]["id"].as_i64().expect("id");
    let approve = app
        .client
        .post(app.url(&format!("/moderation/{id}")))
        .header("cookie", format!("disha_session={editor}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=approve")
        .send()
        .await
        .expect("approve");
    assert_eq!(approve.headers()["location"], "/moderation");
    let mut shown = String::new();
    for _ in 0..40 {
        shown = app.get_text("/careers/nurse").await.1;
        if shown.contains("Is GNM still offered?") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        shown.contains("Is GNM still offered?"),
        "published after approval"
    );
    assert!(
        shown.contains("alert(1)") && !shown.contains("<script>alert(1)"),
        "names are escaped"
    );
    assert!(!shown.contains("asha.secret"), "the address is never shown");
    let r = app.get("/careers/doctor").await;
    assert_eq!(
        r.headers()["x-cache"],
        "hit",
        "a comment on one page leaves the others cached"
    );
    app.stop().await;
}
