//! What search engines read: the sitemap (a sitemap index once it outgrows one file) and `robots.txt`.

use crate::error::{AppError, AppResult};
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use disha_store::scopes;
use std::fmt::Write;

/// The most addresses one sitemap file may list (the sitemaps protocol's limit).
pub const MAX_PER_FILE: usize = 50_000;

/// Every scope the sitemap is built from.
const DEPS: [&str; 3] = [scopes::CAREERS, scopes::ARTICLES, scopes::COLLEGES];

/// An address on the site and, when known, its last change (`YYYY-MM-DD`).
type Url = (String, Option<String>);

/// Every public address: the home page and lists, every career (curated and US), every college, the blog and
/// every published article.
async fn urls(app: &AppState) -> AppResult<Vec<Url>> {
    let mut out: Vec<Url> = ["/", "/careers", "/colleges", "/search", "/about", "/blog"]
        .iter()
        .map(|p| ((*p).to_owned(), None))
        .collect();
    for (slug, updated) in app.library.sitemap().await? {
        out.push((
            format!("/careers/{slug}"),
            Some(crate::format::iso_date(updated)),
        ));
    }
    for slug in app.colleges.all_slugs().await? {
        out.push((format!("/colleges/{slug}"), None));
    }
    for (slug, updated) in super::blog::sitemap_entries(app).await? {
        out.push((
            format!("/blog/{slug}"),
            Some(crate::format::iso_date(updated)),
        ));
    }
    Ok(out)
}

/// One `<urlset>` file. Paths are built from slugs (`[a-z0-9-]`), so they need no XML escaping.
fn urlset(base: &str, urls: &[Url]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in urls {
        match lastmod {
            Some(d) => {
                let _ = writeln!(
                    xml,
                    "<url><loc>{base}{path}</loc><lastmod>{d}</lastmod></url>"
                );
            }
            None => {
                let _ = writeln!(xml, "<url><loc>{base}{path}</loc></url>");
            }
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The sitemap index naming `files` parts, `/sitemaps/1.xml` onwards.
fn index(base: &str, files: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        let _ = writeln!(xml, "<sitemap><loc>{base}/sitemaps/{n}.xml</loc></sitemap>");
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

/// `/sitemap.xml` for these addresses: every address in one file while they fit, otherwise an index of parts.
fn sitemap_xml(base: &str, urls: &[Url], per_file: usize) -> String {
    if urls.len() <= per_file {
        urlset(base, urls)
    } else {
        index(base, urls.len().div_ceil(per_file))
    }
}

/// Part `n` (from 1) of a sitemap split into files of `per_file`, or `None` when there is no such part.
fn part_xml(base: &str, urls: &[Url], per_file: usize, n: usize) -> Option<String> {
    if urls.len() <= per_file {
        return None;
    }
    let chunk = urls.chunks(per_file).nth(n.checked_sub(1)?)?;
    Some(urlset(base, chunk))
}

/// `/sitemap.xml`: every public address with its last change, or, past 50,000 addresses, the index of the
/// parts that list them.
pub async fn sitemap(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    cached(&app, "sitemap", &DEPS, Kind::Xml, &headers, || async {
        Ok(sitemap_xml(&app.base_url, &urls(&app).await?, MAX_PER_FILE))
    })
    .await
}

/// `/sitemaps/{n}.xml`: one part of a sitemap too big for one file.
pub async fn sitemap_part(
    State(app): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let n: usize = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or(AppError::NotFound)?;
    let key = format!("sitemap:{n}");
    cached(&app, &key, &DEPS, Kind::Xml, &headers, || async {
        part_xml(&app.base_url, &urls(&app).await?, MAX_PER_FILE, n).ok_or(AppError::NotFound)
    })
    .await
}

/// `/robots.txt`: everything public may be crawled except the API (for apps, not search results), search
/// results and the report forms (one per profile, nothing to find in them).
pub async fn robots(State(app): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search?\nDisallow: /careers/*/report\nDisallow: /*/comments/\nDisallow: /blog/new\n\nSitemap: {}/sitemap.xml\n",
            app.base_url
        ),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(n: usize) -> Vec<Url> {
        (0..n).map(|i| (format!("/colleges/c-{i}"), None)).collect()
    }

    #[test]
    fn one_file_while_the_addresses_fit() {
        let xml = sitemap_xml("https://x.in", &urls(3), 3);
        assert!(xml.contains("<urlset"));
        assert_eq!(xml.matches("<url>").count(), 3);
        assert_eq!(part_xml("https://x.in", &urls(3), 3, 1), None);
    }

    #[test]
    fn past_the_limit_an_index_of_parts_that_list_every_address_once() {
        let all = urls(7);
        let xml = sitemap_xml("https://x.in", &all, 3);
        assert!(xml.contains("<sitemapindex"));
        assert_eq!(xml.matches("<sitemap>").count(), 3);
        assert!(xml.contains("<loc>https://x.in/sitemaps/3.xml</loc>"));
        let parts: Vec<String> = (1..=3)
            .map(|n| part_xml("https://x.in", &all, 3, n).expect("part"))
            .collect();
        let listed: usize = parts.iter().map(|p| p.matches("<url>").count()).sum();
        assert_eq!(listed, 7);
        assert!(parts[2].contains("/colleges/c-6<"));
        assert_eq!(part_xml("https://x.in", &all, 3, 4), None);
        assert_eq!(part_xml("https://x.in", &all, 3, 0), None);
    }
}
