use crate::error::AppResult;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use disha_store::scopes;
use std::fmt::Write;

/// `/sitemap.xml`: the home page, the career list, every published profile, the blog and every published
/// article, each with its last change.
pub async fn sitemap(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let deps = [scopes::CAREERS, scopes::ARTICLES];
    cached(&app, "sitemap", &deps, Kind::Xml, &headers, || async {
        let slugs = app.library.sitemap().await?;
        let base = &app.base_url;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        let _ = writeln!(
            xml,
            "<url><loc>{base}/</loc></url>\n<url><loc>{base}/careers</loc></url>\n<url><loc>{base}/about</loc></url>"
        );
        for (slug, updated) in slugs {
            // Slugs are [a-z0-9-] only, so they need no XML escaping.
            let _ = writeln!(
                xml,
                "<url><loc>{base}/careers/{slug}</loc><lastmod>{}</lastmod></url>",
                crate::format::iso_date(updated)
            );
        }
        let _ = writeln!(xml, "<url><loc>{base}/blog</loc></url>");
        for (slug, updated) in super::blog::sitemap_entries(&app).await? {
            let _ = writeln!(
                xml,
                "<url><loc>{base}/blog/{slug}</loc><lastmod>{}</lastmod></url>",
                crate::format::iso_date(updated)
            );
        }
        xml.push_str("</urlset>\n");
        Ok(xml)
    })
    .await
}

/// `/robots.txt`: everything public may be crawled except the API (for apps, not search results) and the
/// report forms (one per profile, nothing to find in them).
pub async fn robots(State(app): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /careers/*/report\nDisallow: /*/comments/\nDisallow: /blog/new\n\nSitemap: {}/sitemap.xml\n",
            app.base_url
        ),
    )
        .into_response()
}
