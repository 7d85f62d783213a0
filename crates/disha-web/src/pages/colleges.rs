//! The college finder's pages: `/colleges` (filters, pages, ticking colleges to compare), `/colleges/{slug}`
//! (programmes by level with their seats) and `/colleges/compare` (up to four side by side). All work without
//! JavaScript; a bad filter gives the list again with a 400 and each field's problem.

use super::{Head, render};
use crate::api::colleges::{by_level, compared};
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use disha_core::{College, CollegePage, CoreError, RawCollegeQuery};
use disha_domain::{Institution, InstitutionKind, InstitutionSource, ProgrammeLevel, STATES};
use disha_store::scopes;
use strum::IntoEnumIterator;

struct Opt {
    value: String,
    label: String,
    selected: bool,
}

fn options<T: Copy + PartialEq>(
    items: impl IntoIterator<Item = T>,
    chosen: Option<T>,
    value: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<Opt> {
    items
        .into_iter()
        .map(|i| Opt {
            value: value(i),
            label: label(i),
            selected: chosen == Some(i),
        })
        .collect()
}

struct Row {
    slug: String,
    name: String,
    kind: &'static str,
    place: String,
    facts: String,
}

struct PageLink {
    number: u32,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "colleges.html")]
struct ListView<'a> {
    t: &'a Messages,
    head: Head,
    errors: Vec<String>,
    /// Whether any filter is set: then the results come first and the form folds away.
    filtered: bool,
    q: String,
    district: String,
    women: bool,
    states: Vec<Opt>,
    kinds: Vec<Opt>,
    levels: Vec<Opt>,
    courses: Vec<Opt>,
    sorts: Vec<Opt>,
    count_text: String,
    course_note: String,
    rows: Vec<Row>,
    pages: Vec<PageLink>,
}

fn list_view<'a>(
    app: &'a AppState,
    raw: &RawCollegeQuery,
    page: Option<&CollegePage>,
    errors: Vec<String>,
    path: &str,
) -> ListView<'a> {
    let t = &app.t;
    let filter = page.map(|p| &p.filter);
    let course = page.and_then(|p| p.course.as_ref());
    let state = filter.and_then(|f| f.state);
    let count_text = match page {
        Some(p) if p.total > 0 => t.fmt(
            "colleges_count",
            &[
                ("total", p.total.into()),
                ("page", p.page.into()),
                ("pages", p.pages.into()),
            ],
        ),
        Some(_) => t.get("colleges_none").into_owned(),
        None => String::new(),
    };
    let base: Vec<(String, String)> = serde_urlencoded::from_str::<Vec<(String, String)>>(
        path.split_once('?').map_or("", |(_, q)| q),
    )
    .unwrap_or_default()
    .into_iter()
    .filter(|(k, v)| k != "page" && !v.is_empty())
    .collect();
    let href = |n: u32| {
        let mut pairs = base.clone();
        if n > 1 {
            pairs.push(("page".into(), n.to_string()));
        }
        let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        if qs.is_empty() {
            "/colleges".to_owned()
        } else {
            format!("/colleges?{qs}")
        }
    };
    let pages = match page {
        Some(p) if p.pages > 1 => (1..=p.pages)
            .filter(|n| *n == 1 || *n == p.pages || n.abs_diff(p.page) <= 2)
            .map(|n| PageLink {
                number: n,
                href: href(n),
                current: n == p.page,
            })
            .collect(),
        _ => Vec::new(),
    };
    let title = t.get("colleges_title").into_owned();
    ListView {
        t,
        head: Head::new(
            app,
            format!("{title} · {}", t.get("site_name")),
            t.get("colleges_description").into_owned(),
            path,
            "colleges",
        ),
        filtered: errors.is_empty() && *raw != RawCollegeQuery::default(),
        errors,
        q: raw.q.clone().unwrap_or_default(),
        district: raw.district.clone().unwrap_or_default(),
        women: filter.is_some_and(|f| f.women_only),
        states: options(STATES, state, str::to_owned, str::to_owned),
        kinds: options(
            InstitutionKind::iter(),
            filter.and_then(|f| f.kind),
            |k| <&'static str>::from(k).to_owned(),
            |k| k.label().to_owned(),
        ),
        levels: options(
            ProgrammeLevel::iter(),
            if course.is_some() {
                None
            } else {
                filter.and_then(|f| f.level)
            },
            |l| <&'static str>::from(l).to_owned(),
            |l| l.label().to_owned(),
        ),
        courses: app
            .colleges
            .courses()
            .all()
            .iter()
            .map(|c| Opt {
                value: c.slug.as_str().to_owned(),
                label: c.name.clone(),
                selected: course.is_some_and(|x| x.slug == c.slug),
            })
            .collect(),
        sorts: ["name", "intake"]
            .into_iter()
            .map(|s| Opt {
                value: s.to_owned(),
                label: t.get(&format!("colleges_sort_{s}")).into_owned(),
                selected: filter.is_some_and(|f| <&'static str>::from(f.sort) == s),
            })
            .collect(),
        count_text,
        course_note: course
            .map(|c| t.fmt("colleges_course_note", &[("course", c.name.clone().into())]))
            .unwrap_or_default(),
        rows: page
            .map(|p| {
                p.items
                    .iter()
                    .map(|i| Row {
                        slug: i.slug.as_str().to_owned(),
                        name: i.name.clone(),
                        kind: i.kind.label(),
                        place: if i.district.is_empty() {
                            i.state.to_owned()
                        } else {
                            format!("{}, {}", i.district, i.state)
                        },
                        facts: if i.aicte {
                            t.fmt(
                                "colleges_row_facts",
                                &[
                                    ("programmes", i.programmes.into()),
                                    ("seats", i.intake.into()),
                                ],
                            )
                        } else {
                            t.fmt(
                                "colleges_row_curated",
                                &[("programmes", i.programmes.into())],
                            )
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        pages,
    }
}

fn raw_query(raw: Option<&str>) -> RawCollegeQuery {
    serde_urlencoded::from_str(raw.unwrap_or_default()).unwrap_or_default()
}

/// `/colleges`: the finder.
pub async fn colleges(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let raw = raw_query(query.as_deref());
    if let Err(CoreError::Invalid(errs)) = app.colleges.parse_query(&raw) {
        let lines = errs
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, app.t.field_error(e)))
            .collect();
        let html = render(&list_view(&app, &raw, None, lines, "/colleges"))?;
        return Ok((StatusCode::BAD_REQUEST, Html(html)).into_response());
    }
    let path = match query.as_deref() {
        Some(q) if !q.is_empty() => format!("/colleges?{q}"),
        _ => "/colleges".to_owned(),
    };
    let key = format!("page:{path}");
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Html,
        &headers,
        || async {
            let page = app.colleges.list(&raw).await?;
            render(&list_view(&app, &raw, Some(&page), Vec::new(), &path))
        },
    )
    .await
}

struct ProgrammeRow {
    course: String,
    discipline: String,
    shift: String,
    seats: String,
}

struct LevelGroup {
    label: &'static str,
    rows: Vec<ProgrammeRow>,
}

#[derive(Template)]
#[template(path = "college.html")]
struct CollegeView<'a> {
    t: &'a Messages,
    head: Head,
    name: String,
    kind: &'static str,
    place: String,
    address: String,
    university: String,
    women_only: bool,
    minority: bool,
    total_seats: u64,
    groups: Vec<LevelGroup>,
    source: String,
    slug: String,
    facts: Option<super::institute::Facts>,
}

fn place(i: &Institution) -> String {
    if i.district.is_empty() {
        i.state.to_owned()
    } else {
        format!("{}, {}", i.district, i.state)
    }
}

fn source_note(t: &Messages, i: &Institution) -> String {
    match &i.source {
        InstitutionSource::Aicte(id) => t.fmt("college_source_aicte", &[("id", id.clone().into())]),
        InstitutionSource::Catalog => t.get("college_source_catalog").into_owned(),
    }
}

/// `/colleges/{slug}`: one institution.
pub async fn college(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let path = format!("/colleges/{slug}");
    let key = format!("page:{path}");
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Html,
        &headers,
        || async {
            let College {
                institution: i,
                curated,
            } = app.colleges.college(&slug).await?;
            if let (InstitutionSource::Catalog, Some(page)) = (&i.source, &curated) {
                return super::institute::render_page(&app, page);
            }
            let t = &app.t;
            let groups = by_level(&i.programmes)
                .into_iter()
                .map(|(level, ps)| LevelGroup {
                    label: level.label(),
                    rows: ps
                        .into_iter()
                        .map(|p| ProgrammeRow {
                            course: p.course.clone(),
                            discipline: p.discipline.clone(),
                            shift: [p.shift.as_str(), p.mode.as_str()]
                                .into_iter()
                                .filter(|s| !s.is_empty())
                                .collect::<Vec<_>>()
                                .join(", "),
                            seats: p.intake.map_or_else(|| "–".to_owned(), |n| n.to_string()),
                        })
                        .collect(),
                })
                .collect();
            let view = CollegeView {
                t,
                head: Head::new(
                    &app,
                    format!("{} · {}", i.name, t.get("site_name")),
                    t.fmt(
                        "college_description",
                        &[("name", i.name.clone().into()), ("place", place(&i).into())],
                    ),
                    &path,
                    "colleges",
                ),
                name: i.name.clone(),
                kind: i.kind.label(),
                place: place(&i),
                address: i.address.clone(),
                university: i.university.clone(),
                women_only: i.women_only,
                minority: i.minority,
                total_seats: i.total_intake(),
                groups,
                source: source_note(t, &i),
                slug: i.slug.as_str().to_owned(),
                facts: curated.as_ref().map(|c| super::institute::facts(t, c)),
            };
            render(&view)
        },
    )
    .await
}

struct Compared {
    slug: String,
    name: String,
}

struct CompareRow {
    label: String,
    values: Vec<String>,
}

#[derive(Template)]
#[template(path = "college_compare.html")]
struct CompareView<'a> {
    t: &'a Messages,
    head: Head,
    columns: Vec<Compared>,
    rows: Vec<CompareRow>,
}

fn compare_rows(t: &Messages, colleges: &[College]) -> Vec<CompareRow> {
    let yes_no = |b: bool| {
        t.get(if b { "college_yes" } else { "college_no" })
            .into_owned()
    };
    let row = |id: &str, f: &dyn Fn(&Institution) -> String| CompareRow {
        label: t.get(id).into_owned(),
        values: colleges.iter().map(|c| f(&c.institution)).collect(),
    };
    vec![
        row("college_type", &|i| i.kind.label().to_owned()),
        row("college_place", &place),
        row("college_university", &|i| {
            if i.university.is_empty() {
                "–".to_owned()
            } else {
                i.university.clone()
            }
        }),
        row("college_women_only", &|i| yes_no(i.women_only)),
        row("college_total_seats", &|i| match i.source {
            InstitutionSource::Aicte(_) => i.total_intake().to_string(),
            InstitutionSource::Catalog => t.get("college_seats_not_listed").into_owned(),
        }),
        row("college_levels", &|i| {
            by_level(&i.programmes)
                .iter()
                .map(|(l, ps)| format!("{} ({})", l.label(), ps.len()))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        row("college_ug_courses", &|i| {
            let ug: Vec<&str> = i
                .programmes
                .iter()
                .filter(|p| p.level == ProgrammeLevel::Ug)
                .map(|p| p.course.as_str())
                .collect();
            if ug.is_empty() {
                "–".to_owned()
            } else {
                ug.join(", ")
            }
        }),
    ]
}

/// `/colleges/compare?c=a&c=b`: up to four colleges side by side.
pub async fn compare(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slugs = disha_core::Colleges::compare_request(&compared(query.as_deref()))
        .map_err(AppError::from)?;
    let canonical =
        serde_urlencoded::to_string(slugs.iter().map(|s| ("c", s.as_str())).collect::<Vec<_>>())
            .unwrap_or_default();
    let path = format!("/colleges/compare?{canonical}");
    let key = format!("page:{path}");
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Html,
        &headers,
        || async {
            let colleges = app.colleges.compare(&slugs).await?;
            let t = &app.t;
            let names: Vec<&str> = colleges
                .iter()
                .map(|c| c.institution.name.as_str())
                .collect();
            let view = CompareView {
                t,
                head: Head::new(
                    &app,
                    format!("{} · {}", names.join(" · "), t.get("site_name")),
                    t.get("colleges_compare_description").into_owned(),
                    &path,
                    "colleges",
                ),
                columns: colleges
                    .iter()
                    .map(|c| Compared {
                        slug: c.institution.slug.as_str().to_owned(),
                        name: c.institution.name.clone(),
                    })
                    .collect(),
                rows: compare_rows(t, &colleges),
            };
            render(&view)
        },
    )
    .await
}
