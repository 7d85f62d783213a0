//! One search box over the real data: O*NET's occupations and AICTE's institutions imported as an operator
//! would, beside the curated profiles and courses.

use crate::support::{Page, TestApp, spawn_app};
use serde_json::Value;

/// The app after both imports, once its search index has caught up with them (it is rebuilt in the
/// background, at most every few seconds).
async fn imported() -> TestApp {
    let app = spawn_app().await;
    app.import_onet().await;
    app.import_aicte().await;
    for _ in 0..100 {
        let (_, a) = app
            .get_json("/api/search?q=registered+nurses&kind=career")
            .await;
        let (_, b) = app.get_json("/api/search?q=pune&kind=college").await;
        let onet = a["results"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x["url"] == "/careers/registered-nurses"));
        if onet && b["total"].as_u64() > Some(100) {
            return app;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the search index never caught up with the imports");
}

fn titles(v: &Value) -> Vec<String> {
    v["results"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|x| x["title"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_word_a_letter_or_two_off_still_finds_the_career_it_meant() {
    let app = imported().await;
    for (typed, expected) in [
        ("sofware", "Back-end Developer"),
        ("docter", "Doctor (Physician)"),
        ("enginer", "Civil Engineer"),
        ("chartered acountant", "Chartered Accountant"),
        ("nurse", "Nurse"),
    ] {
        let (status, found) = app
            .get_json(&format!("/api/search?q={}", typed.replace(' ', "+")))
            .await;
        assert_eq!(status, 200, "{typed}: {found}");
        let top: Vec<String> = titles(&found).into_iter().take(5).collect();
        assert!(top.contains(&expected.to_owned()), "{typed}: {top:?}");
    }
    let (_, found) = app.get_json("/api/search?q=sofware").await;
    assert_eq!(found["corrected"], true);
    assert!(
        found["results"]
            .as_array()
            .expect("results")
            .iter()
            .any(|r| r["snippet_html"]
                .as_str()
                .is_some_and(|s| s.contains("<mark>software</mark>"))),
        "the corrected word is highlighted: {found}"
    );
    app.stop().await;
}

#[tokio::test]
async fn results_are_ranked_title_first_and_counted_by_kind_and_state() {
    let app = imported().await;
    let (_, found) = app.get_json("/api/search?q=nurse").await;
    assert_eq!(
        titles(&found).first().map(String::as_str),
        Some("Nurse"),
        "the curated profile leads"
    );
    let top = found["results"].as_array().expect("results");
    assert!(
        top.iter()
            .take(5)
            .any(|r| r["title"] == "Registered Nurses" && r["us_data"] == true),
        "US occupations follow, marked as such: {found}"
    );

    let (_, colleges) = app.get_json("/api/search?q=engineering+pune").await;
    let results = colleges["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(
        results
            .iter()
            .all(|r| r["kind"] == "college" && r["district"] == "Pune"),
        "{colleges}"
    );
    let kinds = colleges["facets"]["kind"].as_array().expect("kinds");
    assert_eq!(kinds[0]["value"], "college");

    let (_, kerala) = app.get_json("/api/search?q=engineering&state=Kerala").await;
    assert!(kerala["total"].as_u64() > Some(10), "{}", kerala["total"]);
    assert!(
        kerala["results"]
            .as_array()
            .expect("r")
            .iter()
            .all(|r| r["state"] == "Kerala")
    );
    let (_, careers) = app
        .get_json("/api/search?q=engineering&kind=career&stream=engineering-technology")
        .await;
    assert!(
        careers["results"]
            .as_array()
            .expect("r")
            .iter()
            .all(|r| r["kind"] == "career")
    );

    let (_, courses) = app.get_json("/api/search?q=btech&kind=course").await;
    assert!(
        titles(&courses).iter().any(|t| t.contains("B.Tech")),
        "{:?}",
        titles(&courses)
    );
    app.stop().await;
}

#[tokio::test]
async fn malformed_queries_get_a_200_or_a_400_naming_the_field() {
    let app = imported().await;
    for q in [
        "%22software%22",
        "software+AND+OR+NOT",
        "title%3Adoctor",
        "%27%3B+DROP+TABLE+careers%3B+--",
        "*",
        "%28%28%28",
        "%E0%A4%A1%E0%A5%89%E0%A4%95%E0%A5%8D%E0%A4%9F%E0%A4%B0",
    ] {
        let (status, body) = app.get_json(&format!("/api/search?q={q}")).await;
        assert_eq!(status, 200, "{q}: {body}");
    }
    let long = "a".repeat(5000);
    for (query, field) in [
        (format!("q={long}"), "q"),
        (String::new(), "q"),
        ("q=".to_owned(), "q"),
        ("q=nurse%00".to_owned(), "q"),
        ("q=nurse&kind=person".to_owned(), "kind"),
        ("q=nurse&state=Atlantis".to_owned(), "state"),
        ("q=nurse&page=0".to_owned(), "page"),
    ] {
        let (status, body) = app.get_json(&format!("/api/search?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert!(
            body["error"]["fields"][field].is_object(),
            "{query}: {body}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn the_box_suggests_titles_as_they_are_typed_and_the_page_works_without_script() {
    let app = imported().await;
    let (status, s) = app.get_json("/api/search/suggest?q=softw").await;
    assert_eq!(status, 200);
    let suggested: Vec<&str> = s["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .filter_map(|x| x["title"].as_str())
        .collect();
    assert!(suggested.contains(&"Back-end Developer"), "{suggested:?}");
    assert!(suggested.contains(&"Software Developers"), "{suggested:?}");
    assert!(suggested.len() <= 8);

    let (status, html) = app.get_text("/search?q=sofware").await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    assert!(
        page.text(".count").contains("results for “sofware”"),
        "{}",
        page.text(".count")
    );
    assert!(
        page.attrs(".results a", "href")
            .contains(&"/careers/backend-developer".to_owned())
    );
    assert!(page.count(".results mark") > 0, "words found are marked");

    let (status, html) = app.get_text("/search?q=nurse&kind=person").await;
    assert_eq!(status, 400);
    assert!(Page::parse(&html).text("[role=alert]").contains("kind"));

    let (status, html) = app.get_text("/search").await;
    assert_eq!(status, 200);
    assert_eq!(
        Page::parse(&html).count("form[action='/search'] input[name=q]"),
        1
    );
    app.stop().await;
}
