//! `/careers`: filters, sort and pages. Bad filters give the list page again, with a 400 and each field's
//! problem, so the form stays in front of the student.

use super::{Card, Head, render};
use crate::error::AppResult;
use crate::i18n::Messages;
use crate::params::{ListParams, Q, query_string};
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use disha_domain::{
    CareerQuery, CareerSort, CareerSummary, EducationLevel, FieldErrors, Paged, SchoolStream,
    Stream,
};
use disha_store::scopes;
use strum::IntoEnumIterator;

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
    school_options: Vec<Opt>,
    level_options: Vec<Opt>,
    sort_options: Vec<Opt>,
    count_text: String,
    cards: Vec<Card<'a>>,
    /// For a search that found nothing: titles a slip away, and every field to browse.
    suggestions: Vec<Card<'a>>,
    fields: Vec<Opt>,
    pages: Vec<PageLink>,
    prev: Option<String>,
    next: Option<String>,
}

/// The filter menus with the chosen values selected.
struct Menus {
    streams: Vec<Opt>,
    schools: Vec<Opt>,
    levels: Vec<Opt>,
    sorts: Vec<Opt>,
}

impl Menus {
    fn new(t: &Messages, q: &CareerQuery, raw_stream: Option<&str>) -> Self {
        let stream_sel = raw_stream.unwrap_or_default();
        let streams = Stream::ALL
            .iter()
            .map(|s| Opt {
                value: s.key().to_owned(),
                label: t.stream(*s).into_owned(),
                selected: stream_sel == s.key(),
            })
            .collect();
        let schools = <SchoolStream as strum::VariantArray>::VARIANTS
            .iter()
            .map(|&s| Opt {
                value: s.key().to_owned(),
                label: t.school_stream(s).into_owned(),
                selected: q.school_stream == Some(s),
            })
            .collect();
        let levels = <EducationLevel as strum::VariantArray>::VARIANTS
            .iter()
            .map(|&l| Opt {
                value: l.key().to_owned(),
                label: t.level_short(l).into_owned(),
                selected: q.level == Some(l),
            })
            .collect();
        let sorts = CareerSort::iter()
            .map(|s| Opt {
                value: s.key().to_owned(),
                label: t.get(&format!("sort_{}", s.key())).into_owned(),
                selected: q.sort == s,
            })
            .collect();
        Self {
            streams,
            schools,
            levels,
            sorts,
        }
    }
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
            label: t.fmt("pagination_page", &[("page", n.into())]),
            current: n == current,
        })
        .collect();
    let prev = (current > 1).then(|| href(current.min(pages + 1) - 1));
    let next = (current < pages).then(|| href(current + 1));
    (links, prev, next)
}

/// The list page after a bad filter: the form, each problem, no results.
fn invalid_view<'a>(app: &'a AppState, raw: &ListParams, errs: &FieldErrors) -> ListView<'a> {
    let t = &app.t;
    let menus = Menus::new(t, &CareerQuery::default(), raw.stream.as_deref());
    ListView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", t.get("careers_title"), t.get("site_name")),
            t.get("careers_description").into_owned(),
            "/careers",
            "careers",
        ),
        heading: t.get("careers_heading").into_owned(),
        errors: errs
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, t.field_error(e)))
            .collect(),
        q: raw.q.clone().unwrap_or_default(),
        stream_options: menus.streams,
        school_options: menus.schools,
        level_options: menus.levels,
        sort_options: menus.sorts,
        count_text: String::new(),
        cards: Vec::new(),
        suggestions: Vec::new(),
        fields: Vec::new(),
        pages: Vec::new(),
        prev: None,
        next: None,
    }
}

fn list_view<'a>(
    app: &'a AppState,
    query: &CareerQuery,
    path: &str,
    page: &'a Paged<CareerSummary>,
    suggested: &'a [CareerSummary],
) -> ListView<'a> {
    let t = &app.t;
    let heading = match query.stream {
        Some(s) => t.stream(s).into_owned(),
        None => t.get("careers_heading").into_owned(),
    };
    let from = u64::from(page.page.saturating_sub(1)) * u64::from(page.per_page) + 1;
    let shown = u64::try_from(page.items.len()).unwrap_or_default();
    let count_text = if page.items.is_empty() {
        t.get("results_none").into_owned()
    } else {
        t.fmt(
            "results_count",
            &[
                ("from", from.into()),
                ("to", (from + shown - 1).into()),
                ("total", page.total.into()),
            ],
        )
    };
    let mut title = format!("{heading} · {}", t.get("site_name"));
    if page.page > 1 {
        let of = t.fmt(
            "pagination_current",
            &[
                ("page", page.page.into()),
                ("pages", page.total_pages().into()),
            ],
        );
        title = format!("{heading} · {of} · {}", t.get("site_name"));
    }
    let menus = Menus::new(t, query, query.stream.map(Stream::key));
    let (pages, prev, next) = pagination(t, query, page);
    ListView {
        t,
        head: Head::new(
            app,
            title,
            t.get("careers_description").into_owned(),
            path,
            "careers",
        ),
        heading,
        errors: Vec::new(),
        q: query
            .prefix
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        stream_options: menus.streams,
        school_options: menus.schools,
        level_options: menus.levels,
        sort_options: menus.sorts,
        count_text,
        cards: page.items.iter().map(|c| Card::new(t, c)).collect(),
        suggestions: suggested.iter().map(|c| Card::new(t, c)).collect(),
        fields: if page.items.is_empty() {
            Stream::ALL
                .iter()
                .map(|s| Opt {
                    value: s.key().to_owned(),
                    label: t.stream(*s).into_owned(),
                    selected: false,
                })
                .collect()
        } else {
            Vec::new()
        },
        pages,
        prev,
        next,
    }
}

/// `/careers`: parse the filters, fetch the page of careers, render.
pub async fn careers(
    State(app): State<AppState>,
    Q(raw): Q<ListParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let query = match CareerQuery::parse(&raw.as_raw()) {
        Ok(q) => q,
        Err(errs) => {
            let html = render(&invalid_view(&app, &raw, &errs))?;
            return Ok((StatusCode::BAD_REQUEST, Html(html)).into_response());
        }
    };
    let path = format!("/careers{}", query_string(&query, query.page.page));
    let key = format!("page:{path}");
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Html,
        &headers,
        || async {
            let page = app.library.careers(&query).await?;
            let suggested = match &query.prefix {
                Some(typed) if page.total == 0 => app.library.suggest(typed).await?,
                _ => Vec::new(),
            };
            render(&list_view(&app, &query, &path, &page, &suggested))
        },
    )
    .await
}
