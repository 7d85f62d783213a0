use super::{Card, Head, render};
use crate::api::ListParams;
use crate::i18n::{Messages, fill};
use crate::respond::{Kind, cached};
use crate::state::AppState;
use crate::{AppError, pages::error_page};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use disha_domain::{CareerQuery, CareerSort, CareerSummary, EducationLevel, Paged, Stream};

struct Opt {
    value: String,
    label: String,
    selected: bool,
}

struct PageLink {
    number: u64,
    href: String,
    label: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "careers.html")]
struct ListView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    errors: Vec<String>,
    q: String,
    stream_options: Vec<Opt>,
    level_options: Vec<Opt>,
    sort_options: Vec<Opt>,
    count_text: String,
    cards: Vec<Card>,
    pages: Vec<PageLink>,
    prev: Option<String>,
    next: Option<String>,
}

/// The query string that reproduces `q` on page `page`, leaving out defaults so each listing has one address.
pub fn query_string(q: &CareerQuery, page: u32) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = q.stream {
        parts.push(format!("stream={}", s.key()));
    }
    if let Some(l) = q.level {
        parts.push(format!("level={}", l.get()));
    }
    if let Some(p) = &q.prefix {
        parts.push(format!("q={}", encode(p.as_str())));
    }
    if q.sort != CareerSort::default() {
        parts.push(format!("sort={}", q.sort.key()));
    }
    if q.page.per_page != CareerQuery::default().page.per_page {
        parts.push(format!("per_page={}", q.page.per_page));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a filter value for a query string (the prefix allows only letters, digits, space and
/// `-.&'`, so this is all it needs).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn options(t: &Messages, q: &CareerQuery, raw: &ListParams) -> (Vec<Opt>, Vec<Opt>, Vec<Opt>) {
    let stream_sel = raw.stream.as_deref().unwrap_or_default();
    let streams = Stream::ALL
        .iter()
        .map(|s| Opt {
            value: s.key().to_owned(),
            label: t.stream(*s).to_owned(),
            selected: stream_sel == s.key(),
        })
        .collect();
    let level_sel = q.level.map(EducationLevel::get);
    let levels = (1..=5)
        .filter_map(|n| EducationLevel::new(n).ok())
        .map(|l| Opt {
            value: l.get().to_string(),
            label: format!("{} · {}", l.get(), t.level(l)),
            selected: level_sel == Some(l.get()),
        })
        .collect();
    let sorts = [
        (CareerSort::Title, &t.sort_title),
        (CareerSort::Level, &t.sort_level),
        (CareerSort::Updated, &t.sort_updated),
    ]
    .into_iter()
    .map(|(s, label)| Opt {
        value: s.key().to_owned(),
        label: label.clone(),
        selected: q.sort == s,
    })
    .collect();
    (streams, levels, sorts)
}

fn pagination(
    t: &Messages,
    q: &CareerQuery,
    page: &Paged<CareerSummary>,
) -> (Vec<PageLink>, Option<String>, Option<String>) {
    let pages = page.total_pages();
    if pages <= 1 {
        return (Vec::new(), None, None);
    }
    let current = u64::from(page.page);
    let href = |n: u64| format!("/careers{}", query_string(q, u32::try_from(n).unwrap_or(1)));
    let links = (1..=pages)
        .filter(|n| *n == 1 || *n == pages || n.abs_diff(current) <= 2)
        .map(|n| PageLink {
            number: n,
            href: href(n),
            label: fill(&t.pagination_page, &[("page", &n)]),
            current: n == current,
        })
        .collect();
    let prev = (current > 1).then(|| href(current.min(pages + 1) - 1));
    let next = (current < pages).then(|| href(current + 1));
    (links, prev, next)
}

/// `/careers`: filters, sort and pages. Bad filters give a 400 page naming each field.
pub async fn careers(
    State(app): State<AppState>,
    params: Result<Query<ListParams>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let raw = match params {
        Ok(Query(p)) => p,
        Err(e) => return error_page(&app, &AppError::bad_query(&e)),
    };
    let t = &app.t;
    let query = match CareerQuery::parse(&raw.as_raw()) {
        Ok(q) => q,
        Err(errs) => {
            let q = CareerQuery::default();
            let (stream_options, level_options, sort_options) = options(t, &q, &raw);
            let view = ListView {
                t,
                head: Head::new(
                    &app,
                    format!("{} · {}", t.careers_title, t.site_name),
                    t.careers_description.clone(),
                    "/careers",
                    "careers",
                ),
                heading: t.careers_heading.clone(),
                errors: errs.0.iter().map(ToString::to_string).collect(),
                q: raw.q.clone().unwrap_or_default(),
                stream_options,
                level_options,
                sort_options,
                count_text: String::new(),
                cards: Vec::new(),
                pages: Vec::new(),
                prev: None,
                next: None,
            };
            return match render(&app, &view) {
                Ok(html) => (StatusCode::BAD_REQUEST, Html(html)).into_response(),
                Err(resp) => resp,
            };
        }
    };
    let path = format!("/careers{}", query_string(&query, query.page.page));
    cached(
        &app,
        &format!("page:{path}"),
        Kind::Html,
        &headers,
        || async {
            let page = app
                .library
                .careers(&query)
                .await
                .map_err(|e| error_page(&app, &AppError::from(e)))?;
            let heading = match query.stream {
                Some(s) => t.stream(s).to_owned(),
                None => t.careers_heading.clone(),
            };
            let from = (page.page.saturating_sub(1)) as u64 * u64::from(page.per_page) + 1;
            let to = (from + page.items.len() as u64).saturating_sub(1);
            let count_text = if page.items.is_empty() {
                t.results_none.clone()
            } else {
                fill(
                    &t.results_count,
                    &[("from", &from), ("to", &to), ("total", &page.total)],
                )
            };
            let (stream_options, level_options, sort_options) = options(t, &query, &raw);
            let (pages, prev, next) = pagination(t, &query, &page);
            let mut title = format!("{heading} · {}", t.site_name);
            if page.page > 1 {
                title = format!(
                    "{heading} · {} · {}",
                    fill(
                        &t.pagination_current,
                        &[("page", &page.page), ("pages", &page.total_pages())]
                    ),
                    t.site_name
                );
            }
            let view = ListView {
                t,
                head: Head::new(&app, title, t.careers_description.clone(), &path, "careers"),
                heading,
                errors: Vec::new(),
                q: query
                    .prefix
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
                stream_options,
                level_options,
                sort_options,
                count_text,
                cards: page.items.iter().map(|c| Card::new(t, c)).collect(),
                pages,
                prev,
                next,
            };
            render(&app, &view)
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use disha_domain::RawCareerQuery;

    #[test]
    fn the_query_string_leaves_out_defaults() {
        let q = CareerQuery::parse(&RawCareerQuery {
            stream: Some("law"),
            q: Some("Corporate Law"),
            ..Default::default()
        })
        .expect("ok");
        assert_eq!(query_string(&q, 1), "?stream=law&q=corporate+law");
        assert_eq!(query_string(&q, 3), "?stream=law&q=corporate+law&page=3");
        assert_eq!(query_string(&CareerQuery::default(), 1), "");
    }

    #[test]
    fn apostrophes_and_ampersands_are_encoded() {
        assert_eq!(encode("r&d o'neil"), "r%26d+o%27neil");
    }
}
