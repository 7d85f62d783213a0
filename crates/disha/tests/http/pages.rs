use crate::support::{Page, TestApp, spawn_app};

#[tokio::test]
async fn home_page_offers_search_fields_and_featured_careers() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    assert_eq!(page.attrs("html", "lang"), ["en"]);
    assert_eq!(page.count("form[action='/search']"), 1, "search form");
    let fields = page.texts("a[href='/careers?stream=engineering-technology']");
    assert!(
        fields
            .iter()
            .any(|t| t.contains("Engineering & Technology")),
        "{fields:?}"
    );
    assert!(page.count(".card") >= 6, "featured cards");
    assert!(
        page.text("footer").contains("O*NET 27.0 Database"),
        "O*NET attribution"
    );
    app.stop().await;
}

#[tokio::test]
async fn career_page_shows_every_section_with_sources() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers/backend-developer").await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    for id in [
        "overview",
        "routes",
        "responsibilities",
        "steps",
        "courses",
        "seats",
        "pending",
        "colleges",
        "skills",
        "jobs",
        "interests",
        "faqs",
        "related",
        "sources",
    ] {
        assert_eq!(page.count(&format!("section#{id}")), 1, "section {id}");
    }
    assert!(page.count("ol.steps > li") >= 3, "numbered steps");
    let glance = page.texts("dl.glance dt");
    for want in [
        "Stream after class 10",
        "Main entrance exams",
        "Shortest route",
        "Cost of the usual route, in all",
        "Starting pay",
    ] {
        assert!(
            glance.iter().any(|g| g == want),
            "at a glance: {want} in {glance:?}"
        );
    }
    let routes = page.texts("#routes ol.routes > li h3");
    assert!(
        routes[0].starts_with("Route A: ") && routes.len() >= 2,
        "routes as branches: {routes:?}"
    );
    let captions = page.texts("#courses caption");
    assert_eq!(
        captions,
        ["Undergraduate (UG) courses", "Postgraduate (PG) courses"]
    );
    let notes = page.texts("#courses p.source, #jobs p.source");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Source: ") && n.contains("As of 20")),
        "fee and salary sources: {notes:?}"
    );
    assert!(
        page.text("#jobs table").contains("CTC (cost to company)"),
        "salary basis"
    );
    assert!(page.count("#faqs details > summary") >= 2, "FAQs");
    assert_eq!(page.count("nav[aria-label='Breadcrumb']"), 1);
    let canonical = page.attrs("link[rel='canonical']", "href");
    assert!(
        canonical[0].ends_with("/careers/backend-developer"),
        "{canonical:?}"
    );
    assert_eq!(page.count("meta[property='og:title']"), 1);
    let ld = page.text("script[type='application/ld+json']");
    assert!(ld.contains("\"@type\":\"Occupation\"") && ld.contains("\"@type\":\"FAQPage\""));
    assert!(
        ld.contains("\"name\":\"CTC\""),
        "JSON-LD salary says CTC like the table"
    );
    assert_eq!(page.count("#interests meter"), 6, "interest scores");
    assert!(
        ld.contains("\"occupationalCategory\":\"15-1252.00\""),
        "the career's own O*NET occupation, Software Developers"
    );
    assert!(
        page.text("#interests")
            .contains("O*NET 27.0 has no interest scores for it"),
        "says where borrowed scores come from"
    );
    app.stop().await;
}

#[tokio::test]
async fn official_sources_and_seat_restrictions_come_from_the_profile() {
    let app = spawn_app().await;
    let (_, html) = app.get_text("/careers/nurse").await;
    let page = Page::parse(&html);
    let sources = page.attrs("#sources a", "href");
    assert!(sources.len() >= 2, "{sources:?}");
    assert!(
        sources
            .iter()
            .all(|u| u.starts_with("https://") || u.starts_with("http://"))
    );
    let notes = page.texts("#sources .source");
    assert!(notes.iter().all(|n| n.contains("Checked ")), "{notes:?}");
    let seats = page.texts("#seats li");
    assert!(
        seats
            .iter()
            .any(|s| s.starts_with("Gender") && s.contains("AIIMS")),
        "the women-only AIIMS seats are shown as data: {seats:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_profile_with_no_restrictions_has_no_seats_section() {
    let app = spawn_app().await;
    let mut p = TestApp::catalog_profile("chef");
    p.restricted_seats.clear();
    p.pending.clear();
    app.library.put_profiles(&[p]).await.expect("edit");
    let page = Page::parse(&app.get_text("/careers/chef").await.1);
    assert_eq!(page.count("section#seats"), 0);
    assert_eq!(page.count("section#pending"), 0);
    assert_eq!(page.count("section#sources"), 1);
    app.stop().await;
}

#[tokio::test]
async fn unknown_pages_are_a_404_page_in_the_site_layout() {
    let app = spawn_app().await;
    for path in ["/careers/no-such-career", "/careers/Not_A_Slug", "/nowhere"] {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        let page = Page::parse(&html);
        assert_eq!(page.text("h1"), "Page not found", "{path}");
        assert_eq!(page.count("header.site"), 1, "{path}");
        assert_eq!(
            page.count("main form[action='/search'] input[name='q']"),
            1,
            "{path}: a search box"
        );
        assert!(
            page.count("main .cards .card") >= 6,
            "{path}: popular careers"
        );
    }
    app.stop().await;
}

fn career_links(page: &Page) -> Vec<String> {
    page.attrs(".cards a", "href")
}

#[tokio::test]
async fn careers_list_filters_sorts_and_pages() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers?stream=law").await;
    assert_eq!(status, 200);
    let links = career_links(&Page::parse(&html));
    assert!(
        links.contains(&"/careers/lawyer".to_owned())
            && links.contains(&"/careers/judge".to_owned())
    );
    assert!(!links.contains(&"/careers/doctor".to_owned()));
    let links = career_links(&Page::parse(&app.get_text("/careers?q=dev").await.1));
    assert!(links.contains(&"/careers/backend-developer".to_owned()));
    assert!(!links.contains(&"/careers/lawyer".to_owned()));
    let page = Page::parse(&app.get_text("/careers?per_page=5&page=2").await.1);
    assert!(
        page.text(".count").starts_with("Showing 6–10 of"),
        "{}",
        page.text(".count")
    );
    assert_eq!(page.count("a[rel='prev']"), 1);
    assert_eq!(page.count("a[rel='next']"), 1);
    let page = Page::parse(&app.get_text("/careers?q=zzzz").await.1);
    assert!(page.text(".count").contains("No careers match"));
    app.stop().await;
}

#[tokio::test]
async fn a_single_result_is_not_counted_as_careers_in_the_plural() {
    let app = spawn_app().await;
    let page = Page::parse(&app.get_text("/careers?q=chef").await.1);
    assert_eq!(page.text(".count"), "Showing the only matching career");
    app.stop().await;
}

#[tokio::test]
async fn careers_page_with_a_bad_filter_is_a_400_naming_the_field() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers?level=9&sort=random").await;
    assert_eq!(status, 400);
    let page = Page::parse(&html);
    let problems = page.texts(".errors li");
    assert_eq!(
        problems,
        [
            "level: must be one of: after-10, after-12, bachelors, professional, masters, doctorate",
            "sort: must be one of: title, level, updated"
        ]
    );
    assert_eq!(page.count("form.filters"), 1, "the form is shown again");
    app.stop().await;
}

#[tokio::test]
async fn profile_text_is_escaped_not_executed() {
    let app = spawn_app().await;
    let mut p = TestApp::catalog_profile("chef");
    p.title = "Chef <script>alert(1)</script>".into();
    p.faqs[0].answer = "Answer with <img src=x onerror=alert(1)> inside.".into();
    p.overview.push_str("\n\n<script>alert(2)</script>");
    app.library.put_profiles(&[p]).await.expect("edit");
    let (status, html) = app.get_text("/careers/chef").await;
    assert_eq!(status, 200);
    let page = Page::parse(&html);
    assert_eq!(
        page.count("script:not([type='application/ld+json'])"),
        0,
        "no script element"
    );
    assert_eq!(page.count("img"), 0, "no markup survives");
    assert_eq!(
        page.text("h1"),
        "Chef <script>alert(1)</script>",
        "the title is shown as text"
    );
    app.stop().await;
}

#[tokio::test]
async fn sitemap_and_robots_describe_the_public_site() {
    let app = spawn_app().await;
    let (status, xml) = app.get_text("/sitemap.xml").await;
    assert_eq!(status, 200);
    assert!(xml.starts_with("<?xml"));
    assert_eq!(
        xml.matches("<url><loc>").count(),
        6 + 48 + 348,
        "home, the lists, search, about, the blog, every career and every curated institute"
    );
    assert!(xml.contains("/colleges/iit-bombay</loc>"));
    assert!(xml.contains("/about</loc>"));
    assert!(xml.contains("/blog</loc>"));
    assert!(xml.contains("/careers/backend-developer</loc><lastmod>"));
    let (status, robots) = app.get_text("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(robots.contains("Sitemap: http://") && robots.contains("/sitemap.xml"));
    assert!(
        robots.contains("Disallow: /careers/*/report"),
        "report forms are not for search results"
    );
    app.stop().await;
}
