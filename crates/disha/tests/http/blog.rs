//! The blog for people: writing, previewing, publishing and editing from pages, the lists, the article page
//! with its structured data, the Atom feed and the sitemap.

use crate::support::{Page, TestApp, spawn_app};
use disha_domain::Role;

impl TestApp {
    async fn send_form(&self, path: &str, session: Option<&str>, body: &str) -> reqwest::Response {
        let mut req = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned());
        if let Some(s) = session {
            req = req.header("cookie", format!("disha_session={s}"));
        }
        req.send().await.expect("post")
    }

    async fn page_as(&self, path: &str, session: &str) -> (u16, String) {
        let r = self
            .client
            .get(self.url(path))
            .header("cookie", format!("disha_session={session}"))
            .send()
            .await
            .expect("get");
        (r.status().as_u16(), r.text().await.expect("body"))
    }
}

const ARTICLE: &str = "title=NEET+2027%3A+what+to+study&description=A+plan+for+class+12.&tags=NEET%2C+class+12\
&body=Start+with+**NCERT**.%0A%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+%5Bx%5D(javascript%3Aalert(1))";

#[tokio::test]
async fn an_editor_previews_publishes_and_edits_an_article_that_readers_find_everywhere() {
    let app = spawn_app().await;
    let editor = app.account_token("meera", Role::Editor).await;
    let r = app.get("/blog/new").await;
    assert_eq!(
        r.headers()["location"],
        "/sign-in",
        "writing needs an account"
    );

    let preview = app
        .send_form(
            "/blog/new",
            Some(&editor),
            &format!("{ARTICLE}&action=preview"),
        )
        .await;
    assert_eq!(preview.status(), 200);
    let html = preview.text().await.expect("html");
    assert!(
        html.contains("<strong>NCERT</strong>"),
        "the preview renders Markdown"
    );
    let (_, list) = app.get_text("/blog").await;
    assert!(!list.contains("what to study"), "a preview saves nothing");

    let made = app
        .send_form(
            "/blog/new",
            Some(&editor),
            &format!("{ARTICLE}&action=publish"),
        )
        .await;
    assert_eq!(made.headers()["location"], "/blog/neet-2027-what-to-study");
    let (status, html) = app.get_text("/blog/neet-2027-what-to-study").await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("<script>alert")
            && !html.contains("onerror")
            && !html.contains("href=\"javascript:"),
        "the body is sanitised"
    );
    let page = Page::parse(&html);
    assert_eq!(page.text("h1"), "NEET 2027: what to study");
    assert_eq!(
        page.attrs("meta[property='og:type']", "content"),
        ["article"]
    );
    let ld = page.texts("script[type='application/ld+json']");
    let ld: serde_json::Value = serde_json::from_str(&ld[0]).expect("json-ld");
    assert_eq!(
        (ld["@type"].as_str(), ld["author"]["name"].as_str()),
        (Some("Article"), Some("meera"))
    );
    assert!(
        page.text(".post .source").contains("1 minute read"),
        "{}",
        page.text(".post .source")
    );
    assert_eq!(page.texts(".post ul.tags a"), ["neet", "class-12"]);

    for (path, want) in [
        ("/blog", "NEET 2027: what to study"),
        ("/blog/tag/neet", "NEET 2027: what to study"),
        ("/authors/meera", "NEET 2027: what to study"),
        ("/blog/feed.xml", "<title>NEET 2027: what to study</title>"),
        ("/sitemap.xml", "/blog/neet-2027-what-to-study</loc>"),
    ] {
        let (status, body) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(want), "{path}: {body}");
    }
    let feed = app.get("/blog/feed.xml").await;
    assert_eq!(
        feed.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let (status, _) = app.get_text("/blog/tag/no-such-topic?page=2").await;
    assert_eq!(status, 404);

    let (_, form) = app
        .page_as("/blog/neet-2027-what-to-study/edit", &editor)
        .await;
    assert!(form.contains("Revision 1."), "{form}");
    let edited = app
        .send_form(
            "/blog/neet-2027-what-to-study/edit",
            Some(&editor),
            "title=NEET+2027%3A+what+to+study&description=Updated.&body=New+text.&tags=neet&action=save",
        )
        .await;
    assert_eq!(
        edited.headers()["location"],
        "/blog/neet-2027-what-to-study",
        "the address stays"
    );
    let (_, form) = app
        .page_as("/blog/neet-2027-what-to-study/edit", &editor)
        .await;
    assert!(form.contains("Revision 2."), "every save keeps a revision");
    let mut updated = String::new();
    for _ in 0..40 {
        updated = app.get_text("/blog/neet-2027-what-to-study").await.1;
        if updated.contains("New text.") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(updated.contains("New text."), "readers see the edit");
    app.stop().await;
}

#[tokio::test]
async fn a_students_article_waits_for_an_editor_and_nobody_else_can_edit_it() {
    let app = spawn_app().await;
    let student = app.account_token("ravi", Role::Student).await;
    let other = app.account_token("asha", Role::Student).await;
    let editor = app.account_token("meera", Role::Editor).await;
    let bad = app
        .send_form(
            "/blog/new",
            Some(&student),
            "title=&description=&body=&tags=&action=save",
        )
        .await;
    assert_eq!(bad.status(), 400);
    let html = bad.text().await.expect("html");
    assert!(html.contains("href=\"#a-title\"") && html.contains("href=\"#a-body\""));
    let made = app
        .send_form("/blog/new", Some(&student), "title=My+board+exam+story&description=How+I+planned.&body=Slowly.&tags=&action=publish")
        .await;
    assert_eq!(made.headers()["location"], "/blog/my-board-exam-story");
    let (status, _) = app.get_text("/blog/my-board-exam-story").await;
    assert_eq!(status, 404, "not public until an editor publishes it");
    let (status, mine) = app.page_as("/blog/my-board-exam-story", &student).await;
    assert_eq!(status, 200);
    assert!(mine.contains("waits for an editor"));
    let (status, _) = app.page_as("/blog/my-board-exam-story/edit", &other).await;
    assert_eq!(status, 404, "others cannot even see it");
    let r = app
        .send_form("/blog/my-board-exam-story/edit", Some(&editor), "title=My+board+exam+story&description=How+I+planned.&body=Slowly.&tags=&action=publish")
        .await;
    assert_eq!(r.status(), 303);
    let mut status = 0;
    for _ in 0..40 {
        status = app.get("/blog/my-board-exam-story").await.status().as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, 200, "published by the editor");
    let (status, _) = app.page_as("/blog/my-board-exam-story/edit", &other).await;
    assert_eq!(status, 403, "and still not theirs to edit");

    let guest = app
        .send_form(
            "/blog/my-board-exam-story/comments",
            None,
            "name=Asha&email=asha%40example.in&body=Well+done%21",
        )
        .await;
    assert_eq!(
        guest.headers()["location"],
        "/blog/my-board-exam-story/comments/thanks"
    );
    let (_, queue) = {
        let r = app
            .client
            .get(app.url("/moderation"))
            .header("cookie", format!("disha_session={editor}"))
            .send()
            .await
            .expect("queue");
        (r.status(), r.text().await.expect("html"))
    };
    assert!(queue.contains("Well done!") && queue.contains("/blog/my-board-exam-story"));
    app.stop().await;
}
