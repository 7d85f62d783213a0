//! `/careers/compare?c=a&c=b`: two or three careers side by side, with a menu to choose them that works
//! without JavaScript.

use super::career::glance;
use super::{Head, render};
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use disha_domain::{Career, CareerSummary, CompareRequest, MAX_COMPARED};
use disha_store::scopes;

struct Column {
    slug: String,
    title: String,
}

struct Row {
    label: String,
    values: Vec<String>,
}

struct Opt {
    value: String,
    label: String,
    selected: bool,
}

/// One career menu of the picker.
struct Menu {
    id: String,
    label: String,
    options: Vec<Opt>,
}

#[derive(Template)]
#[template(path = "compare.html")]
struct CompareView<'a> {
    t: &'a Messages,
    head: Head,
    heading: String,
    columns: Vec<Column>,
    rows: Vec<Row>,
    menus: Vec<Menu>,
}

fn rows(t: &Messages, careers: &[Career]) -> Vec<Row> {
    let facts: Vec<_> = careers
        .iter()
        .map(|c| (&c.profile, glance(t, &c.profile)))
        .collect();
    let row =
        |id: &str, f: &dyn Fn(&disha_domain::CareerProfile, &super::career::Glance) -> String| {
            Row {
                label: t.get(id).into_owned(),
                values: facts.iter().map(|(p, g)| f(p, g)).collect(),
            }
        };
    vec![
        row("career_stream", &|p, _| t.stream(p.stream).into_owned()),
        row("glance_streams", &|_, g| g.streams.clone()),
        row("career_level", &|p, _| {
            t.level(p.education_level).into_owned()
        }),
        row("glance_route", &|_, g| g.route.clone()),
        row("glance_exams", &|_, g| g.exams.clone()),
        row("glance_cost", &|_, g| g.cost.clone()),
        row("glance_pay", &|_, g| g.pay.clone()),
        row("compare_suits", &|p, _| {
            t.likes(&p.interests.holland_code())
        }),
    ]
}

fn menus(t: &Messages, all: &[CareerSummary], chosen: &[disha_domain::Slug]) -> Vec<Menu> {
    (0..MAX_COMPARED)
        .map(|i| {
            let pick = chosen.get(i);
            Menu {
                id: format!("c{}", i + 1),
                label: if i < 2 {
                    t.fmt("compare_pick", &[("n", (i + 1).into())])
                } else {
                    t.fmt("compare_pick_optional", &[("n", (i + 1).into())])
                },
                options: all
                    .iter()
                    .map(|c| Opt {
                        value: c.slug.as_str().to_owned(),
                        label: c.title.clone(),
                        selected: pick == Some(&c.slug),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn view<'a>(
    app: &'a AppState,
    req: &CompareRequest,
    careers: &[Career],
    all: &[CareerSummary],
    path: &str,
) -> CompareView<'a> {
    let t = &app.t;
    let titles: Vec<&str> = careers.iter().map(|c| c.profile.title.as_str()).collect();
    let heading = if titles.is_empty() {
        t.get("compare_heading").into_owned()
    } else {
        t.fmt(
            "compare_heading_with",
            &[("titles", titles.join(" · ").into())],
        )
    };
    CompareView {
        t,
        head: Head::new(
            app,
            format!("{heading} · {}", t.get("site_name")),
            t.get("compare_description").into_owned(),
            path,
            "compare",
        ),
        heading,
        columns: careers
            .iter()
            .map(|c| Column {
                slug: c.profile.slug.as_str().to_owned(),
                title: c.profile.title.clone(),
            })
            .collect(),
        rows: if careers.is_empty() {
            Vec::new()
        } else {
            rows(t, careers)
        },
        menus: menus(t, all, req.slugs()),
    }
}

/// `/careers/compare`: the careers named by `c`, side by side once two are chosen.
pub async fn compare(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.as_deref().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let req = CompareRequest::parse(
        pairs
            .iter()
            .filter(|(k, _)| k == "c")
            .map(|(_, v)| v.as_str()),
    )
    .map_err(AppError::Invalid)?;
    let canonical: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(req.slugs().iter().map(|s| ("c", s.as_str())))
        .finish();
    let path = if canonical.is_empty() {
        "/careers/compare".to_owned()
    } else {
        format!("/careers/compare?{canonical}")
    };
    let key = format!("page:{path}");
    cached(
        &app,
        &key,
        &[scopes::CAREERS],
        Kind::Html,
        &headers,
        || async {
            let all = app.library.all_summaries().await?;
            let careers = if req.is_ready() {
                app.library.compare(req.slugs()).await?
            } else {
                Vec::new()
            };
            render(&view(&app, &req, &careers, &all, &path))
        },
    )
    .await
}
