//! `/search`: one box over careers, courses, colleges and articles, with counts to narrow by and pages of
//! results. Works without JavaScript; a small script only offers titles while typing.

use super::{Head, render};
use crate::error::AppResult;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use disha_domain::{
    EducationLevel, ProgrammeLevel, RawSearchQuery, SearchKind, SearchQuery, Stream,
    search::RESULTS_PER_PAGE,
};

struct ResultRow {
    kind_label: String,
    us: bool,
    title: String,
    url: String,
    snippet_html: String,
    meta: String,
}

/// A link that narrows (or widens) the search by one value.
struct FacetLink {
    label: String,
    count: u64,
    href: String,
    current: bool,
}

struct FacetGroup {
    heading: String,
    links: Vec<FacetLink>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchView<'a> {
    t: &'a Messages,
    head: Head,
    q: String,
    errors: Vec<String>,
    searched: bool,
    count_text: String,
    notes: Vec<String>,
    rows: Vec<ResultRow>,
    groups: Vec<FacetGroup>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_text: String,
}

/// The query's parameters as sent, in their order, from the raw query string.
fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// `/search?…` with one parameter set (or removed) and the page reset.
fn href(q: &SearchQuery, set: &str, to: Option<&str>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("q", &q.text);
    let kind = q.kind.map(SearchKind::key);
    let stream = q.stream.map(Stream::key);
    for (name, current) in [
        ("kind", kind),
        ("stream", stream),
        ("state", q.state),
        ("level", q.level.as_deref()),
    ] {
        let v = if name == set { to } else { current };
        if let Some(v) = v {
            out.append_pair(name, v);
        }
    }
    format!("/search?{}", out.finish())
}

fn page_href(q: &SearchQuery, page: u32) -> String {
    let base = href(q, "", None);
    if page > 1 {
        format!("{base}&page={page}")
    } else {
        base
    }
}

fn kind_label(t: &Messages, kind: SearchKind, us: bool) -> String {
    if us {
        return t.get("search_kind_us").into_owned();
    }
    t.get(&format!("search_kind-{}", kind.key())).into_owned()
}

fn level_label(t: &Messages, key: &str) -> String {
    if let Ok(l) = key.parse::<EducationLevel>() {
        return t.level_short(l).into_owned();
    }
    key.parse::<ProgrammeLevel>()
        .map_or_else(|_unknown| key.to_owned(), |l| l.label().to_owned())
}

fn facet_groups(t: &Messages, q: &SearchQuery, f: &disha_core::search::Facets) -> Vec<FacetGroup> {
    let group = |heading: &str,
                 name: &str,
                 current: Option<&str>,
                 values: &[(String, u64)],
                 label: &dyn Fn(&str) -> String| {
        let mut links: Vec<FacetLink> = Vec::new();
        if current.is_some() {
            links.push(FacetLink {
                label: t.get("search_any").into_owned(),
                count: 0,
                href: href(q, name, None),
                current: false,
            });
        }
        links.extend(values.iter().take(12).map(|(v, n)| FacetLink {
            label: label(v),
            count: *n,
            href: href(q, name, Some(v)),
            current: current == Some(v.as_str()),
        }));
        FacetGroup {
            heading: t.get(heading).into_owned(),
            links,
        }
    };
    let mut out = vec![group(
        "search_facet_kind",
        "kind",
        q.kind.map(SearchKind::key),
        &f.kind,
        &|v| {
            v.parse::<SearchKind>()
                .map_or_else(|_unknown| v.to_owned(), |k| kind_label(t, k, false))
        },
    )];
    if !f.stream.is_empty() {
        out.push(group(
            "search_facet_stream",
            "stream",
            q.stream.map(Stream::key),
            &f.stream,
            &|v| Stream::from_key(v).map_or_else(|| v.to_owned(), |s| t.stream(s).into_owned()),
        ));
    }
    if !f.state.is_empty() {
        out.push(group(
            "search_facet_state",
            "state",
            q.state,
            &f.state,
            &|v| v.to_owned(),
        ));
    }
    if !f.level.is_empty() {
        out.push(group(
            "search_facet_level",
            "level",
            q.level.as_deref(),
            &f.level,
            &|v| level_label(t, v),
        ));
    }
    out.retain(|g| g.links.len() > 1 || g.links.iter().any(|l| l.current));
    out
}

fn meta(t: &Messages, e: &disha_core::search::Entry) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = e.stream {
        parts.push(t.stream(s).into_owned());
    }
    if let Some(d) = &e.district {
        parts.push(d.clone());
    }
    if let Some(s) = e.state {
        parts.push(s.to_owned());
    }
    if let Some(l) = &e.level {
        parts.push(level_label(t, l));
    }
    parts.join(" · ")
}

/// `/search`: results for `q`, or the empty box.
pub async fn search(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: axum::http::HeaderMap,
) -> AppResult<Response> {
    let t = &app.t;
    let pairs = pairs(query.as_deref());
    let typed = value(&pairs, "q").unwrap_or_default();
    let mut head = Head::new(
        &app,
        format!("{} · {}", t.get("search_title"), t.get("site_name")),
        t.get("search_description").into_owned(),
        "/search",
        "search",
    );
    let mut view = SearchView {
        t,
        head: head.clone(),
        q: typed.to_owned(),
        errors: Vec::new(),
        searched: false,
        count_text: String::new(),
        notes: Vec::new(),
        rows: Vec::new(),
        groups: Vec::new(),
        prev_href: None,
        next_href: None,
        page_text: String::new(),
    };
    if typed.trim().is_empty() {
        return Ok(Html(render(&view)?).into_response());
    }
    let raw = RawSearchQuery {
        q: Some(typed),
        kind: value(&pairs, "kind"),
        stream: value(&pairs, "stream"),
        state: value(&pairs, "state"),
        level: value(&pairs, "level"),
        page: value(&pairs, "page"),
    };
    let q = match SearchQuery::parse(&raw) {
        Ok(q) => q,
        Err(errs) => {
            view.errors = errs
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, t.field_error(e)))
                .collect();
            return Ok((StatusCode::BAD_REQUEST, Html(render(&view)?)).into_response());
        }
    };
    // Like the API: the page depends only on the query and the index, so it is cached per index generation.
    let key = format!(
        "page:search:{}:{}",
        app.search.generation(),
        crate::api::search::cache_key(&q)
    );
    let app2 = app.clone();
    crate::respond::cached(
        &app,
        &key,
        &[],
        crate::respond::Kind::Html,
        &headers,
        || async move {
            let app = app2;
            let t = &app.t;
            let found = app.search.search(&q).await?;
            head.title = format!(
                "{} · {}",
                t.fmt("search_title_for", &[("q", q.text.as_str().into())]),
                t.get("site_name")
            );
            // Result pages are many and change with the data; the empty search page is the one to index.
            head.canonical = format!("{}/search", app.base_url);
            view.head = head;
            view.searched = true;
            view.count_text = t.fmt(
                "search_count",
                &[("count", found.total.into()), ("q", q.text.as_str().into())],
            );
            if found.partial {
                view.notes.push(t.get("search_partial").into_owned());
            }
            if found.corrected {
                view.notes.push(t.get("search_corrected").into_owned());
            }
            view.groups = facet_groups(t, &q, &found.facets);
            view.rows = found
                .hits
                .into_iter()
                .map(|h| ResultRow {
                    kind_label: kind_label(t, h.entry.kind, h.entry.us),
                    us: h.entry.us,
                    meta: meta(t, &h.entry),
                    title: h.entry.title,
                    url: h.entry.url,
                    snippet_html: h.snippet_html,
                })
                .collect();
            let pages = found.total.div_ceil(u64::from(RESULTS_PER_PAGE)).max(1);
            let last = u32::try_from(pages.min(u64::from(disha_domain::search::MAX_RESULT_PAGE)))
                .unwrap_or(1);
            if q.page > 1 {
                view.prev_href = Some(page_href(&q, q.page - 1));
            }
            if q.page < last {
                view.next_href = Some(page_href(&q, q.page + 1));
            }
            if last > 1 {
                view.page_text = t.fmt(
                    "search_page",
                    &[("page", q.page.into()), ("pages", last.into())],
                );
            }
            render(&view)
        },
    )
    .await
}
