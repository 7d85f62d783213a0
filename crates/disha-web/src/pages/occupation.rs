//! `/careers/{slug}` for a US occupation imported from O*NET: what the job is, labelled throughout as US
//! data, with its US pay from BLS and the licence's attribution.

use super::{Card, Head, render};
use crate::error::AppResult;
use crate::format::{self, decimal, thousands, usd};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use disha_core::OccupationPage;
use disha_domain::{ONET_ATTRIBUTION, UsWage, UsWages};

/// How many tasks show before "more".
const TASKS_SHOWN: usize = 8;
/// How many other titles show.
const TITLES_SHOWN: usize = 24;
/// How many kinds of tool show, and how many tools of each.
const TOOL_KINDS: usize = 8;
const TOOLS_PER_KIND: usize = 8;

pub(super) struct WageRow {
    pub(super) label: String,
    pub(super) value: String,
}

/// US pay as a table, with its source and what it covers.
pub(super) struct WageTable {
    pub(super) rows: Vec<WageRow>,
    pub(super) median: String,
    pub(super) group_note: Option<String>,
    pub(super) employment: Option<String>,
    pub(super) source: String,
}

fn wage(t: &Messages, w: UsWage) -> String {
    match w {
        UsWage::Annual(n) => usd(n),
        UsWage::AtLeast(n) => t.fmt("occupation_wage_at_least", &[("usd", usd(n).into())]),
        UsWage::Withheld => t.get("occupation_wage_withheld").into_owned(),
    }
}

/// The wage table, or `None` when BLS published no yearly figure at all.
pub(super) fn wage_table(t: &Messages, w: &UsWages, own_soc: &str) -> Option<WageTable> {
    let all = [w.p10, w.p25, w.median, w.p75, w.p90];
    if all.iter().all(|v| *v == UsWage::Withheld) {
        return None;
    }
    let labels = [
        "occupation_wage_p10",
        "occupation_wage_p25",
        "occupation_wage_median",
        "occupation_wage_p75",
        "occupation_wage_p90",
    ];
    Some(WageTable {
        rows: labels
            .iter()
            .zip(all)
            .map(|(l, v)| WageRow {
                label: t.get(l).into_owned(),
                value: wage(t, v),
            })
            .collect(),
        median: t.fmt(
            "occupation_us_pay_value",
            &[("median", wage(t, w.median).into())],
        ),
        group_note: (w.soc != own_soc).then(|| {
            t.fmt(
                "occupation_wages_group",
                &[
                    ("title", w.title.as_str().into()),
                    ("soc", w.soc.as_str().into()),
                ],
            )
        }),
        employment: w.employment.map(|n| {
            t.fmt(
                "occupation_employment",
                &[
                    ("count", thousands(n).into()),
                    ("period", w.period.as_str().into()),
                ],
            )
        }),
        source: t.fmt(
            "occupation_wages_source",
            &[("period", w.period.as_str().into())],
        ),
    })
}

struct Interest {
    letter: char,
    label: String,
    value: String,
}

/// A kind of tool and the tools of that kind the occupation uses.
pub(super) struct ToolKind {
    pub(super) kind: String,
    pub(super) tools: Vec<(String, bool)>,
}

/// The largest `kinds` kinds of tool, with up to `per_kind` tools each.
pub(super) fn tool_kinds(
    o: &disha_domain::Occupation,
    kinds: usize,
    per_kind: usize,
) -> Vec<ToolKind> {
    o.technology_by_kind()
        .into_iter()
        .take(kinds)
        .map(|(kind, list)| ToolKind {
            kind: kind.to_owned(),
            tools: list
                .into_iter()
                .take(per_kind)
                .map(|x| (x.name.clone(), x.in_demand))
                .collect(),
        })
        .collect()
}

struct EducationRow {
    level: String,
    percent: String,
}

#[derive(Template)]
#[template(path = "occupation.html")]
struct OccupationView<'a> {
    t: &'a Messages,
    head: Head,
    slug: &'a str,
    title: &'a str,
    summary: String,
    description: &'a str,
    stream_key: &'static str,
    stream_name: String,
    curated: Vec<Card<'a>>,
    education_top: String,
    job_zone: String,
    suits: String,
    tasks: &'a [String],
    more_tasks: &'a [String],
    more_tasks_label: String,
    titles: &'a [String],
    interests: Vec<Interest>,
    tools: Vec<ToolKind>,
    education: Vec<EducationRow>,
    wages: Option<WageTable>,
    related: Vec<Card<'a>>,
    onet_url: String,
    onet_link: String,
    attribution: &'static str,
    updated: String,
}

fn education_name(t: &Messages, l: disha_domain::UsEducation) -> String {
    t.get(&format!("us_education-{}", l.key())).into_owned()
}

/// Renders an occupation's page.
pub(super) fn render_page(app: &AppState, page: &OccupationPage) -> AppResult<String> {
    let t = &app.t;
    let o = &page.occupation;
    let path = format!("/careers/{}", page.slug);
    let summary = o.summary();
    let head = Head::new(
        app,
        format!("{} (US) · {}", o.title, t.get("site_name")),
        summary.clone(),
        &path,
        "careers",
    );
    let shown = o.tasks.len().min(TASKS_SHOWN);
    let (tasks, more_tasks) = o.tasks.split_at(shown);
    let field = o.field();
    render(&OccupationView {
        t,
        head,
        slug: page.slug.as_str(),
        title: &o.title,
        summary,
        description: &o.description,
        stream_key: field.key(),
        stream_name: t.stream(field).into_owned(),
        curated: page.curated.iter().map(|c| Card::new(t, c)).collect(),
        education_top: o.education.first().map_or_else(String::new, |e| {
            t.fmt(
                "occupation_us_education_value",
                &[
                    ("level", education_name(t, e.level).into()),
                    ("percent", decimal(e.percent.round()).into()),
                ],
            )
        }),
        job_zone: o.job_zone.map_or_else(String::new, |z| t.job_zone(z)),
        suits: if o.high_point.is_empty() {
            String::new()
        } else {
            t.suits(&o.high_point)
        },
        tasks,
        more_tasks,
        more_tasks_label: t.fmt(
            "occupation_more_tasks",
            &[("count", more_tasks.len().into())],
        ),
        titles: o
            .alternate_titles
            .get(..o.alternate_titles.len().min(TITLES_SHOWN))
            .unwrap_or_default(),
        interests: o
            .interests
            .map(|i| {
                i.scores()
                    .iter()
                    .map(|(letter, v)| Interest {
                        letter: *letter,
                        label: t.riasec(*letter).into_owned(),
                        value: decimal(*v),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        tools: tool_kinds(o, TOOL_KINDS, TOOLS_PER_KIND),
        education: o
            .education
            .iter()
            .map(|e| EducationRow {
                level: education_name(t, e.level),
                percent: format!("{}%", decimal(e.percent.round())),
            })
            .collect(),
        wages: page
            .wages
            .as_ref()
            .and_then(|w| wage_table(t, w, o.code.soc())),
        related: page.related.iter().map(|c| Card::new(t, c)).collect(),
        onet_url: format!("https://www.onetonline.org/link/summary/{}", o.code),
        onet_link: t.fmt("occupation_onet_link", &[("code", o.code.as_str().into())]),
        attribution: ONET_ATTRIBUTION,
        updated: t.fmt(
            "occupation_updated",
            &[("date", format::date(page.updated_at).into())],
        ),
    })
}
