//! The college finder over AICTE's real list of approved institutions, imported the way an operator would.

use crate::support::{Page, TestApp, spawn_app};
use disha::config::Config;
use std::path::PathBuf;

fn aicte_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/aicte-institutions")
}

impl TestApp {
    pub async fn import_aicte(&self) -> disha_core::ImportSummary {
        disha::import::aicte(
            &Config::for_database(self.database_url.clone()),
            &aicte_dir(),
        )
        .await
        .expect("import")
    }
}

#[tokio::test]
async fn the_whole_aicte_list_imports_once_and_answers_the_finder_the_page_and_compare() {
    let app = spawn_app().await;
    let first = app.import_aicte().await;
    assert!(first.read > 13_000, "{first}");
    assert_eq!(
        first.counts.inserted + u64::try_from(first.rejected.len()).expect("count"),
        first.read,
        "every record is stored or rejected with a reason: {first}"
    );
    let again = app.import_aicte().await;
    assert_eq!(
        (
            again.counts.inserted,
            again.counts.updated,
            again.counts.removed
        ),
        (0, 0, 0),
        "a second run changes nothing: {again}"
    );
    assert_eq!(again.counts.unchanged, first.counts.inserted);
    assert!(again.to_string().contains("nothing changed"));

    let (status, list) = app
        .get_json("/api/colleges?state=Kerala&course=btech-computer-science&sort=intake")
        .await;
    assert_eq!(status, 200, "{list}");
    let items = list["items"].as_array().expect("items");
    let kerala_cse = list["total"].as_u64().expect("total");
    assert!(list["total"].as_u64() > Some(20), "{}", list["total"]);
    assert_eq!(items.len(), 20);
    assert!(items.iter().all(|c| c["state"] == "Kerala"));
    let intakes: Vec<u64> = items.iter().filter_map(|c| c["intake"].as_u64()).collect();
    assert!(
        intakes.windows(2).all(|w| w[0] >= w[1]),
        "most seats first: {intakes:?}"
    );

    let slug = items[0]["slug"].as_str().expect("slug").to_owned();
    let (status, college) = app.get_json(&format!("/api/colleges/{slug}")).await;
    assert_eq!(status, 200);
    let levels = college["levels"].as_array().expect("levels");
    assert!(
        levels.iter().any(|l| l["level"] == "ug"
            && l["programmes"].as_array().is_some_and(|ps| ps
                .iter()
                .any(|p| p["course"].as_str().is_some_and(|c| c.contains("Computer"))))),
        "{college}"
    );
    assert_eq!(college["source"], "AICTE approved institutions");

    let second = items[1]["slug"].as_str().expect("slug");
    let (status, both) = app
        .get_json(&format!("/api/colleges/compare?c={slug}&c={second}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(both["colleges"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        both["colleges"][0]["slug"],
        slug.as_str(),
        "in the order asked"
    );

    // The same from pages: the career links to its course, the course to colleges, and on to compare.
    let (_, career) = app.get_text("/careers/backend-developer").await;
    let course_links = Page::parse(&career).attrs("#courses a", "href");
    assert!(
        course_links.contains(&"/colleges?course=btech-computer-science".to_owned()),
        "{course_links:?}"
    );
    let (status, list) = app
        .get_text("/colleges?course=btech-computer-science&state=Kerala&sort=intake")
        .await;
    assert_eq!(status, 200);
    let list = Page::parse(&list);
    assert!(
        list.text(".count")
            .starts_with(&format!("{kerala_cse} colleges")),
        "{}",
        list.text(".count")
    );
    let first = list.attrs(".cards h3 a", "href");
    assert_eq!(
        first.first().map(String::as_str),
        Some(format!("/colleges/{slug}").as_str())
    );
    assert_eq!(
        list.count("input[name=c]"),
        20,
        "each college can be ticked to compare"
    );
    let (status, one) = app.get_text(&format!("/colleges/{slug}")).await;
    assert_eq!(status, 200);
    let one = Page::parse(&one);
    assert_eq!(one.text("h1"), college["name"].as_str().unwrap_or_default());
    assert!(one.count("table.programmes") >= 1);
    assert!(
        one.text(".source").contains("AICTE"),
        "the data's source is named"
    );
    let (status, side) = app
        .get_text(&format!("/colleges/compare?c={slug}&c={second}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(Page::parse(&side).count("thead th[scope=col]"), 2);

    // FTII is in AICTE's list under the slug of its curated file: one page with both sets of facts.
    let (status, ftii) = app.get_json("/api/colleges/ftii-pune").await;
    assert_eq!(status, 200, "{ftii}");
    assert_eq!(ftii["name"], "Film and Television Institute of India");
    assert!(ftii["aicte_id"].is_string() && ftii["curated"]["admission"].is_string());
    let (_, page) = app.get_text("/colleges/ftii-pune").await;
    let page = Page::parse(&page);
    assert_eq!(page.count("#admission-h"), 1, "the curated facts");
    assert!(page.count("table.programmes") >= 1, "AICTE's programmes");
    let (_, named) = app
        .get_json("/api/colleges?q=film+and+television+institute+of+india")
        .await;
    assert_eq!(named["total"], 1, "one line: {named}");

    let (status, bad) = app.get_text("/colleges?state=Atlantis").await;
    assert_eq!(status, 400);
    assert!(Page::parse(&bad).text(".errors").contains("state"));

    let (status, women) = app
        .get_json("/api/colleges?women=true&state=Tamil%20Nadu")
        .await;
    assert_eq!(status, 200);
    assert!(women["total"].as_u64() > Some(0));
    assert!(
        women["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|c| c["women_only"] == true)
    );

    let (status, text) = app.get_json("/api/colleges?q=polytechnic&state=Goa").await;
    assert_eq!(status, 200);
    assert!(text["items"].as_array().expect("items").iter().all(|c| {
        c["name"]
            .as_str()
            .is_some_and(|n| n.to_lowercase().contains("polytechnic"))
    }));
    app.stop().await;
}

#[tokio::test]
async fn bad_college_filters_and_comparisons_are_400s_naming_the_field() {
    let app = spawn_app().await;
    for (path, field) in [
        ("/api/colleges?state=Atlantis", "state"),
        ("/api/colleges?type=castle", "type"),
        ("/api/colleges?level=phd", "level"),
        ("/api/colleges?page=0", "page"),
        ("/api/colleges?women=maybe", "women"),
        ("/api/colleges?state=", "state"),
        ("/api/colleges?level=ug%20", "level"),
        ("/api/colleges/compare", "c"),
        ("/api/colleges/compare?c=a&c=b&c=c&c=d&c=e", "c"),
    ] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(
            body["error"]["fields"][field].is_array() || body["error"]["fields"][field].is_object(),
            "{path} names {field}: {body}"
        );
    }
    let (status, none) = app.get_json("/api/colleges?course=astronomy").await;
    assert_eq!(
        (status, none["total"].as_u64()),
        (200, Some(0)),
        "a course no one curated names no college"
    );
    let (status, body) = app.get_json("/api/colleges?q=abc%00def").await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"]["fields"]["q"].is_object(), "{body}");
    let (status, _) = app.get_json("/api/colleges/no-such-college").await;
    assert_eq!(status, 404);
    let (status, _) = app
        .get_json("/api/colleges/compare?c=no-such-college")
        .await;
    assert_eq!(status, 404);
    let (status, body) = app
        .get_json(&format!("/api/colleges?course={}", "c".repeat(81)))
        .await;
    assert_eq!(status, 400, "{body}");
    let long = "x".repeat(5_000);
    let (status, _) = app.get_json(&format!("/api/colleges?q={long}")).await;
    assert_eq!(status, 400);
    let (status, body) = app
        .get_json("/api/colleges?q=%27%20OR%201%3D1%20--&state=Orissa")
        .await;
    assert_eq!(
        (status, body["total"].as_u64()),
        (200, Some(0)),
        "SQL is only text"
    );
    app.stop().await;
}
