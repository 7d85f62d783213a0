use crate::support::{TestApp, spawn_app};

#[tokio::test]
async fn home_page_offers_search_streams_and_featured_careers() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("action=\"/careers\""), "search form");
    assert!(
        html.contains("href=\"/careers?stream=engineering-technology\""),
        "stream links"
    );
    assert!(
        html.contains("Engineering &#38; Technology")
            || html.contains("Engineering &amp; Technology")
    );
    assert!(html.contains("class=\"card\""), "featured cards");
    assert!(
        html.contains("O*NET 27.0 Database"),
        "O*NET attribution in the footer"
    );
    app.stop().await;
}

#[tokio::test]
async fn career_page_shows_every_section_with_sources() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers/backend-developer").await;
    assert_eq!(status, 200);
    for id in [
        "overview",
        "responsibilities",
        "steps",
        "courses",
        "colleges",
        "skills",
        "jobs",
        "interests",
        "faqs",
        "related",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\"")),
            "missing section {id}"
        );
    }
    assert!(html.contains("<ol class=\"steps\">"), "numbered steps");
    assert!(
        html.contains("Undergraduate (UG) courses") && html.contains("Postgraduate (PG) courses")
    );
    assert!(
        html.contains("Source: Disha editorial estimate"),
        "salary and fee sources"
    );
    assert!(html.contains("As of 2025"));
    assert!(html.contains("CTC (cost to company)"), "salary basis");
    assert!(html.contains("<details><summary>"), "FAQs");
    assert!(html.contains("aria-label=\"Breadcrumb\""));
    assert!(
        html.contains("<link rel=\"canonical\" href=\"http://")
            && html.contains("/careers/backend-developer\">")
    );
    assert!(html.contains("<meta property=\"og:title\""));
    assert!(
        html.contains("\"@type\":\"Occupation\"") && html.contains("\"@type\":\"FAQPage\""),
        "JSON-LD"
    );
    assert!(html.contains("<meter"), "interest scores");
    app.stop().await;
}

#[tokio::test]
async fn unknown_career_is_a_404_page_in_the_site_layout() {
    let app = spawn_app().await;
    for path in ["/careers/no-such-career", "/careers/Not_A_Slug", "/nowhere"] {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(
            html.contains("Page not found") && html.contains("class=\"site\""),
            "{path}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn careers_list_filters_sorts_and_pages() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers?stream=law").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/careers/lawyer\"") && html.contains("href=\"/careers/judge\""));
    assert!(!html.contains("href=\"/careers/doctor\""));
    let (_, html) = app.get_text("/careers?q=dev").await;
    assert!(
        html.contains("href=\"/careers/backend-developer\"")
            && !html.contains("href=\"/careers/lawyer\"")
    );
    let (_, html) = app.get_text("/careers?per_page=5&page=2").await;
    assert!(html.contains("Showing 6–10 of"), "{html}");
    assert!(html.contains("rel=\"prev\"") && html.contains("rel=\"next\""));
    let (_, empty) = app.get_text("/careers?q=zzzz").await;
    assert!(empty.contains("No careers match"));
    app.stop().await;
}

#[tokio::test]
async fn careers_page_with_a_bad_filter_is_a_400_naming_the_field() {
    let app = spawn_app().await;
    let (status, html) = app.get_text("/careers?level=9&sort=random").await;
    assert_eq!(status, 400);
    assert!(
        html.contains("level: must be a whole number from 1 to 5"),
        "{html}"
    );
    assert!(html.contains("sort: must be one of"));
    assert!(
        html.contains("<form class=\"filters\""),
        "the form is shown again"
    );
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
    assert!(!html.contains("<script>alert"), "no script survives");
    assert!(!html.contains("<img src=x"), "no markup survives");
    assert!(
        html.contains("Chef &#60;script&#62;") || html.contains("Chef &lt;script&gt;"),
        "title is escaped"
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
        2 + 48,
        "home, list and every career"
    );
    assert!(xml.contains("/careers/backend-developer</loc><lastmod>"));
    let (status, robots) = app.get_text("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(robots.contains("Sitemap: http://") && robots.contains("/sitemap.xml"));
    app.stop().await;
}
