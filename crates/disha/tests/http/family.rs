//! What a family sees: starting from the stream after class 10, Indian education levels, comparing careers,
//! words that are not in titles, and who checked a profile.

use crate::support::{Page, spawn_app};

#[tokio::test]
async fn the_home_page_starts_from_the_stream_after_class_10_with_counts() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/").await.1);
    assert_eq!(page.text("h1"), "Which stream are you in, or considering?");
    let links = page.attrs(".schools a", "href");
    assert_eq!(
        links,
        [
            "/careers?school_stream=pcm",
            "/careers?school_stream=pcb",
            "/careers?school_stream=commerce",
            "/careers?school_stream=humanities",
            "/careers?school_stream=vocational"
        ]
    );
    let pcb = page.text(".schools li:nth-child(2) .count");
    let (_, api) = app.get_json("/api/careers?school_stream=pcb").await;
    assert_eq!(
        pcb,
        format!("{} careers", api["total"]),
        "the count is what the link lists"
    );
    app.stop().await;
}

#[tokio::test]
async fn lists_filter_and_sort_by_the_indian_education_level() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/careers?level=after-12").await.1);
    let titles = page.texts(".card h3");
    assert!(titles.contains(&"Nurse".to_owned()), "{titles:?}");
    assert!(
        !titles.contains(&"Doctor (Physician)".to_owned()),
        "{titles:?}"
    );
    assert!(
        page.texts(".card .tag.level")
            .iter()
            .all(|t| t == "After class 12 (diploma)"),
        "every card names its level"
    );
    let options = page.texts("#f-level option");
    assert_eq!(options.len(), 7, "any, then six levels: {options:?}");

    let (_, body) = app.get_json("/api/careers?sort=level").await;
    let levels: Vec<&str> = body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["education_level"].as_str())
        .collect();
    let order = [
        "after-10",
        "after-12",
        "bachelors",
        "professional",
        "masters",
        "doctorate",
    ];
    let ranks: Vec<usize> = levels
        .iter()
        .map(|l| order.iter().position(|o| o == l).expect("known level"))
        .collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "shortest first: {levels:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn two_or_three_careers_compare_side_by_side() {
    let app = spawn_app().await;
    let (status, html) = app
        .get_text("/careers/compare?c=doctor&c=nurse&c=pharmacist")
        .await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    assert_eq!(
        page.texts("table.compare thead th"),
        ["Doctor (Physician)", "Nurse", "Pharmacist"]
    );
    let labels = page.texts("table.compare tbody th");
    for want in [
        "Stream after class 10",
        "Main entrance exams",
        "Shortest route",
        "Cost of the usual route, in all",
        "Starting pay",
    ] {
        assert!(
            labels.contains(&want.to_owned()),
            "{want} missing: {labels:?}"
        );
    }
    assert_eq!(page.count("table.compare tbody tr:first-child td"), 3);
    assert_eq!(
        page.attrs("select#c2 option[selected]", "value"),
        ["nurse"],
        "the menus show the choice"
    );

    // One career is still choosing; four is too many; an unknown one is not found.
    let (status, html) = app.get_text("/careers/compare?c=nurse").await;
    assert_eq!(status, 200);
    assert_eq!(Page::parse(&html).count("table.compare"), 0);
    let (status, body) = app.get_text("/careers/compare?c=a1&c=b1&c=c1&c=d1").await;
    assert_eq!(status, 400);
    let details = Page::parse(&body).texts(".error li");
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("c: must have 2 to 3 items")),
        "names the field: {details:?}"
    );
    let (status, _) = app.get_text("/careers/compare?c=nurse&c=pilot").await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn common_words_and_abbreviations_find_careers_and_a_miss_suggests_others() {
    let app = spawn_app().await;
    for (typed, want) in [
        ("CA", "chartered-accountant"),
        ("MBBS", "doctor"),
        ("software", "backend-developer"),
        ("computer", "data-scientist"),
        ("nursing", "nurse"),
        ("advocate", "lawyer"),
        ("CS", "company-secretary"),
        ("IAS", "ias-officer"),
    ] {
        let (_, body) = app.get_json(&format!("/api/careers?q={typed}")).await;
        let slugs: Vec<&str> = body["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|c| c["slug"].as_str())
            .collect();
        assert!(slugs.contains(&want), "{typed}: {slugs:?}");
    }
    let page = Page::parse(&app.get_text("/careers?q=docter").await.1);
    assert_eq!(page.texts(".none .card h3"), ["Doctor (Physician)"]);
    assert!(page.count(".none .chips a") >= 13, "every field to browse");
    app.stop().await;
}

#[tokio::test]
async fn a_profile_says_who_checked_it_and_how_to_share_compare_or_report() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/careers/ias-officer").await.1);
    assert!(
        page.text(".revision")
            .contains("Checked against its sources by Disha editorial team on 28 Nov 2026"),
        "{}",
        page.text(".revision")
    );
    let hrefs = page.attrs(".share a", "href");
    assert!(
        hrefs
            .iter()
            .any(|h| h.starts_with("https://wa.me/?text=IAS+Officer")),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/careers/compare?c=ias-officer".to_owned()));
    assert_eq!(page.count("script[src]"), 0, "sharing loads no script");
    assert!(
        page.text("dl.glance").contains("Official pay scale"),
        "government pay is quoted from the pay matrix"
    );
    assert!(
        page.text("#interests .suits")
            .starts_with("Suits you if you enjoy")
    );
    assert!(
        !page.text("#interests > p").contains("Holland code"),
        "the code itself is behind a details element"
    );
    let (status, about) = app.get_text("/about").await;
    assert_eq!(status, 200);
    assert!(
        Page::parse(&about)
            .text("main")
            .contains("Found a mistake?")
    );
    app.stop().await;
}

#[tokio::test]
async fn course_tables_give_fees_a_year_and_for_the_whole_course() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/careers/actuary").await.1);
    let heads = page.texts("#courses-ug ~ thead th, #courses thead th");
    assert!(
        heads.contains(&"Whole course, about".to_owned()),
        "{heads:?}"
    );
    let cells = page.texts("#courses td[data-label='Whole course, about']");
    // B.Sc (Hons) Statistics: ₹3,000–₹2,50,000 a year for 3 years.
    assert!(
        cells.contains(&"₹9,000–₹7,50,000 for the whole course".to_owned()),
        "{cells:?}"
    );
    app.stop().await;
}
