//! `/assessment/results/{id}`: a quiz result at its unguessable address: the six scores as a chart drawn on
//! the server with a data table beside it, the Holland code explained, the careers that fit best with the
//! reasons, the link to share and the JSON to download; and keeping it on the student's dashboard.

use super::notice::private;
use super::{Head, render};
use crate::auth::Viewer;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_domain::ONET_ATTRIBUTION;
use disha_domain::assessment::{Area, MAX_SCORE};
use disha_domain::matching::Reason;

/// Matches the page lists.
const SHOWN: usize = 20;

struct Bar {
    name: String,
    score: u8,
    /// Bar length in the chart's units (0–200).
    width: u32,
    y: u32,
}

struct MatchRow {
    slug: String,
    title: String,
    fit: String,
    reasons: String,
    us: bool,
}

struct CodeArea {
    name: String,
    about: String,
}

#[derive(Template)]
#[template(path = "assessment_result.html")]
struct ResultView<'a> {
    t: &'a Messages,
    head: Head,
    id: String,
    code: String,
    code_areas: Vec<CodeArea>,
    bars: Vec<Bar>,
    chart_desc: String,
    matches_intro: String,
    matches: Vec<MatchRow>,
    share_url: String,
    signed_in: bool,
    claimed_by_viewer: bool,
    claimable: bool,
    attribution: &'static str,
}

fn area_name(t: &Messages, a: Area) -> String {
    t.get(&format!("area_name-{}", a.letter())).into_owned()
}

fn reasons(t: &Messages, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            Reason::Interests { areas } => {
                let names: Vec<String> = areas.iter().map(|a| area_name(t, *a)).collect();
                let list = match names.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                };
                t.fmt("result_reason_interests", &[("areas", list.into())])
            }
            Reason::Level { job_zone, aimed } => t
                .get(match job_zone.cmp(aimed) {
                    std::cmp::Ordering::Equal => "result_reason_level_same",
                    std::cmp::Ordering::Greater => "result_reason_level_more",
                    std::cmp::Ordering::Less => "result_reason_level_less",
                })
                .into_owned(),
            Reason::Stream { .. } => t.get("result_reason_stream").into_owned(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `GET /assessment/results/{id}`.
pub async fn result(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let taken = app.guidance.result(&id).await?;
    let t = &app.t;
    let a = &taken.assessment;
    let scores = a.scores;
    let code = scores.code();
    let bars: Vec<Bar> = Area::ALL
        .iter()
        .zip(0_u32..)
        .map(|(area, n)| Bar {
            name: area_name(t, *area),
            score: scores.get(*area),
            width: u32::from(scores.get(*area)) * 200 / u32::from(MAX_SCORE),
            y: n * 30,
        })
        .collect();
    let chart_desc = t.fmt(
        "result_chart_desc",
        &[(
            "list",
            bars.iter()
                .map(|b| format!("{} {}", b.name, b.score))
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
        )],
    );
    let matches = a
        .matches
        .iter()
        .take(SHOWN)
        .map(|m| MatchRow {
            slug: m.slug.as_str().to_owned(),
            title: m.title.clone(),
            fit: t.fmt("result_fit", &[("fit", m.fit.into())]),
            reasons: reasons(t, &m.reasons),
            us: m.source == disha_domain::CareerSource::Onet,
        })
        .collect();
    let path = format!("/assessment/results/{}", taken.id);
    let viewer_id = viewer.account.as_ref().map(|v| v.id);
    let html = render(&ResultView {
        t,
        head: Head::new(
            &app,
            format!("{} · {}", t.get("result_title"), t.get("site_name")),
            t.get("result_description").into_owned(),
            &path,
            "assessment",
        ),
        id: taken.id.clone(),
        code_areas: scores
            .ranked()
            .iter()
            .take(3)
            .map(|a| CodeArea {
                name: area_name(t, *a),
                about: t.get(&format!("area_about-{}", a.letter())).into_owned(),
            })
            .collect(),
        code: t.fmt("result_code", &[("code", code.into())]),
        bars,
        chart_desc,
        matches_intro: t.fmt(
            "result_matches_intro",
            &[(
                "aim",
                if a.aim.job_zone.is_some() {
                    t.get("result_matches_aim").into_owned()
                } else {
                    String::new()
                }
                .into(),
            )],
        ),
        matches,
        share_url: format!("{}{path}", app.base_url),
        signed_in: viewer_id.is_some(),
        claimed_by_viewer: viewer_id.is_some() && taken.account_id == viewer_id,
        claimable: viewer_id.is_some() && taken.account_id.is_none(),
        attribution: ONET_ATTRIBUTION,
    })?;
    // The address is the only key to a result: no shared cache may keep it.
    Ok(private(Html(html).into_response()))
}

/// `POST /assessment/results/{id}/claim`: keeps the result on the signed-in student's dashboard.
pub async fn claim(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let back = format!("/assessment/results/{id}");
    let Some(account) = viewer.account else {
        return Ok(Redirect::to(&super::dashboard::sign_in_then(&back)).into_response());
    };
    match app.guidance.claim(&id, account.id).await {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(e) => Err(AppError::from(e)),
    }
}
