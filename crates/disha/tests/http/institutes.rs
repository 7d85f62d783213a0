//! The curated institutes AICTE leaves out: loaded at start, each with its own page, linked from the profiles
//! that name them, found by search and listed in the sitemap.

use crate::support::{Page, spawn_app};

#[tokio::test]
async fn a_curated_institute_has_a_page_with_admission_seats_pending_facts_and_sources() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/colleges/iit-bombay").await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    assert_eq!(page.text("h1"), "Indian Institute of Technology Bombay");
    assert!(page.text(".lead").contains("IIT Bombay"));
    assert!(page.text("#admission-h + p").contains("JEE Advanced"));
    assert!(
        page.attrs(".sources a", "href")
            .iter()
            .all(|u| u.starts_with("https://")),
        "official sources only"
    );
    assert!(
        page.text(".source")
            .contains("Checked against these official pages")
    );

    // Seats limited by domicile are shown with the official page, and what is unconfirmed says so.
    let (_, nls) = app.get_text("/colleges/nlsiu-bengaluru").await;
    let nls = Page::parse(&nls);
    assert!(
        nls.text(".seats").contains("Karnataka"),
        "{}",
        nls.text(".seats")
    );
    assert!(nls.count("#pending-h") == 1);

    let (status, _) = app.get_text("/colleges/no-such-institute").await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn every_college_a_profile_names_links_to_its_page() {
    let app = spawn_app().await;
    for slug in [
        "backend-developer",
        "doctor",
        "lawyer",
        "fashion-designer",
        "army-officer",
    ] {
        let (_, html) = app.get_text(&format!("/careers/{slug}")).await;
        let page = Page::parse(&html);
        let names = page.count("#colleges li");
        let links = page.attrs("#colleges li a.name", "href");
        assert!(names > 0, "{slug} names colleges");
        assert_eq!(
            links.len(),
            names,
            "{slug}: every college is linked: {links:?}"
        );
        for href in links {
            let (status, _) = app.get_text(&href).await;
            assert_eq!(status, 200, "{slug} → {href}");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn institutes_are_found_by_the_names_students_use_and_are_in_the_sitemap() {
    let app = spawn_app().await;
    let mut found = serde_json::Value::Null;
    for _ in 0..100 {
        let (_, f) = app.get_json("/api/search?q=nit+trichy").await;
        if f["total"].as_u64() > Some(0) {
            found = f;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        found["results"][0]["url"], "/colleges/nit-tiruchirappalli",
        "{found}"
    );
    let (_, sitemap) = app.get_text("/sitemap.xml").await;
    assert!(sitemap.contains("/colleges/iit-bombay</loc>"));
    app.stop().await;
}

#[tokio::test]
async fn the_finder_lists_curated_institutes_with_their_kind_level_and_courses_and_compares_them() {
    let app = spawn_app().await;
    let (status, iits) = app.get_json("/api/colleges?type=iit").await;
    assert_eq!(status, 200, "{iits}");
    assert_eq!(iits["total"], 23, "every IIT in the catalog");
    assert!(
        iits["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|c| c["curated"] == true && c["aicte"] == false && c["type"] == "iit")
    );

    let (_, cse) = app
        .get_json("/api/colleges?course=btech-computer-science&state=Maharashtra")
        .await;
    let names: Vec<&str> = cse["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Indian Institute of Technology Bombay")
            && names.contains(&"Visvesvaraya National Institute of Technology Nagpur"),
        "{names:?}"
    );
    let (_, law) = app
        .get_json("/api/colleges?type=nlu&level=integrated")
        .await;
    assert!(
        law["total"].as_u64() > Some(20),
        "BA LLB is integrated: {law}"
    );

    let (status, one) = app.get_json("/api/colleges/iit-bombay").await;
    assert_eq!(status, 200, "{one}");
    assert_eq!(one["source"], "Disha's curated list");
    assert!(
        one["curated"]["admission"]
            .as_str()
            .is_some_and(|a| a.contains("JEE Advanced"))
    );
    assert!(one["levels"].as_array().is_some_and(|l| !l.is_empty()));

    let (status, both) = app
        .get_json("/api/colleges/compare?c=iit-bombay&c=aiims-new-delhi")
        .await;
    assert_eq!(status, 200, "{both}");
    assert_eq!(both["colleges"][1]["type"], "aiims");
    let (status, html) = app
        .get_text("/colleges/compare?c=iit-bombay&c=aiims-new-delhi")
        .await;
    assert_eq!(status, 200);
    assert!(
        Page::parse(&html)
            .text("table")
            .contains("Not in AICTE's list")
    );

    let (_, list) = app.get_text("/colleges?type=iit&state=Maharashtra").await;
    let list = Page::parse(&list);
    assert!(
        list.attrs("a", "href")
            .contains(&"/colleges/iit-bombay".to_owned()),
        "the page lists it too"
    );
    app.stop().await;
}
