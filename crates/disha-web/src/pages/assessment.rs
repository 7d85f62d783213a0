//! `/assessment`: the interest quiz, ten activities a page, without script. The answers so far travel in the
//! address (`a`, one character per item: `0`–`4`, or `-` when not answered yet), so Back and Next keep them
//! and a bookmarked page resumes where the student stopped. The last page sends them to be scored.

use super::notice::private;
use super::{Head, render};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use disha_core::CoreError;
use disha_domain::assessment::{Item, MAX_ANSWER};
use disha_domain::matching::job_zone_of;
use disha_domain::{EducationLevel, FieldErrors, SchoolStream};
use std::collections::BTreeMap;
use strum::VariantArray;

/// Items on one page.
pub const PER_PAGE: usize = 10;

/// The answers so far, one per item in order; `None` when not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers(Vec<Option<u8>>);

impl Answers {
    /// Reads `a` for `n` items; anything unreadable counts as not answered.
    #[must_use]
    pub fn parse(raw: &str, n: usize) -> Self {
        let mut out: Vec<Option<u8>> = raw
            .chars()
            .take(n)
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .filter(|d| *d <= MAX_ANSWER)
            })
            .collect();
        out.resize(n, None);
        Self(out)
    }

    /// The `a` value.
    #[must_use]
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|a| a.map_or('-', |d| char::from(b'0' + d)))
            .collect()
    }

    fn answered(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    fn first_unanswered(&self) -> Option<usize> {
        self.0.iter().position(Option::is_none)
    }
}

/// What a quiz form sends: the answers so far, the page, this page's answers (`q0`…`q59`), where to go,
/// and on the last page what the student aims for.
fn read_form(pairs: &[(String, String)], n: usize) -> (Answers, usize, String) {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let mut answers = Answers::parse(get("a").unwrap_or_default(), n);
    for (k, v) in pairs {
        let Some(i) = k.strip_prefix('q').and_then(|i| i.parse::<usize>().ok()) else {
            continue;
        };
        if let (Some(slot), Some(d)) = (
            answers.0.get_mut(i),
            v.parse::<u8>().ok().filter(|d| *d <= MAX_ANSWER),
        ) {
            *slot = Some(d);
        }
    }
    let page = get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    (answers, page, get("go").unwrap_or_default().to_owned())
}

fn pages(n: usize) -> usize {
    n.div_ceil(PER_PAGE).max(1)
}

fn quiz_url(page: usize, answers: &Answers) -> String {
    format!("/assessment?page={page}&a={}", answers.encode())
}

struct Choice {
    value: u8,
    label: String,
    checked: bool,
}

struct Question {
    index: usize,
    number: usize,
    text: String,
    choices: Vec<Choice>,
}

struct Opt {
    value: String,
    label: String,
}

#[derive(Template)]
#[template(path = "assessment.html")]
struct QuizView<'a> {
    t: &'a Messages,
    head: Head,
    page: usize,
    answered: usize,
    total: usize,
    progress: String,
    encoded: String,
    questions: Vec<Question>,
    last: bool,
    errors: Vec<String>,
    levels: Vec<Opt>,
    streams: Vec<Opt>,
}

fn quiz_page(
    app: &AppState,
    page: usize,
    answers: &Answers,
    errors: Vec<String>,
) -> AppResult<String> {
    let t = &app.t;
    let items: &[Item] = app.guidance.items();
    let pages = pages(items.len());
    let page = page.clamp(1, pages);
    let start = (page - 1) * PER_PAGE;
    let scale: Vec<String> = (0..=MAX_ANSWER)
        .map(|v| t.get(&format!("assessment_scale_{v}")).into_owned())
        .collect();
    let questions = items
        .iter()
        .enumerate()
        .skip(start)
        .take(PER_PAGE)
        .map(|(index, item)| Question {
            index,
            number: index + 1,
            text: item.text.clone(),
            choices: (0..=MAX_ANSWER)
                .map(|value| Choice {
                    value,
                    label: scale.get(usize::from(value)).cloned().unwrap_or_default(),
                    checked: answers.0.get(index).copied().flatten() == Some(value),
                })
                .collect(),
        })
        .collect();
    let level_opt = |l: &EducationLevel| Opt {
        value: <&'static str>::from(*l).to_owned(),
        label: t
            .get(&format!("level-{}", <&'static str>::from(*l)))
            .into_owned(),
    };
    render(&QuizView {
        t,
        head: Head::new(
            app,
            format!("{} · {}", t.get("assessment_title"), t.get("site_name")),
            t.get("assessment_description").into_owned(),
            "/assessment",
            "assessment",
        ),
        page,
        answered: answers.answered(),
        total: items.len(),
        progress: t.fmt(
            "assessment_progress",
            &[
                ("page", page.into()),
                ("pages", pages.into()),
                ("answered", answers.answered().into()),
                ("total", items.len().into()),
            ],
        ),
        encoded: answers.encode(),
        questions,
        last: page == pages,
        errors,
        levels: EducationLevel::VARIANTS.iter().map(level_opt).collect(),
        streams: SchoolStream::VARIANTS
            .iter()
            .map(|s| Opt {
                value: s.key().to_owned(),
                label: t.get(&format!("school_stream_{}", s.key())).into_owned(),
            })
            .collect(),
    })
}

/// `GET /assessment`: a page of the quiz; with `go` (from the form's Back and Next) it keeps this page's
/// answers and moves to the next address.
pub async fn quiz(State(app): State<AppState>, RawQuery(query): RawQuery) -> AppResult<Response> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let n = app.guidance.items().len();
    let (answers, page, go) = read_form(&pairs, n);
    let to = match go.as_str() {
        "back" => Some(page.saturating_sub(1).max(1)),
        "next" => Some((page + 1).min(pages(n))),
        _ => None,
    };
    if let Some(to) = to {
        return Ok(Redirect::to(&quiz_url(to, &answers)).into_response());
    }
    let html = quiz_page(&app, page, &answers, Vec::new())?;
    Ok(private(Html(html).into_response()))
}

/// `POST /assessment/results`: scores the answers and shows the result; or, with answers missing, the
/// first page that has one, saying how many are left.
pub async fn submit(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).map_err(|_e| {
        let mut errs = FieldErrors::default();
        errs.push("body", "must be a form (application/x-www-form-urlencoded)");
        AppError::Invalid(errs)
    })?;
    let items = app.guidance.items();
    let (answers, _, _) = read_form(&pairs, items.len());
    if let Some(first) = answers.first_unanswered() {
        let left = items.len() - answers.answered();
        let page = first / PER_PAGE + 1;
        let msg = app.t.fmt(
            "assessment_unanswered",
            &[("count", left.into()), ("page", page.into())],
        );
        let html = quiz_page(&app, page, &answers, vec![msg])?;
        return Ok(private(
            (StatusCode::BAD_REQUEST, Html(html)).into_response(),
        ));
    }
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, v)| key == k && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    let job_zone = get("level")
        .and_then(|l| l.parse::<EducationLevel>().ok())
        .map(|l| serde_json::Value::from(job_zone_of(l)));
    let map: BTreeMap<String, serde_json::Value> = items
        .iter()
        .zip(&answers.0)
        .filter_map(|(i, a)| Some((i.id.clone(), serde_json::Value::from((*a)?))))
        .collect();
    let taken = match app
        .guidance
        .take(
            &map,
            job_zone.as_ref(),
            get("stream"),
            viewer.account.as_ref().map(|a| a.id),
            &client.0,
        )
        .await
    {
        Ok(t) => t,
        Err(CoreError::Invalid(errs)) => {
            let lines = errs
                .0
                .iter()
                .map(|e| format!("{}: {}", e.field, app.t.field_error(e)))
                .collect();
            let html = quiz_page(&app, pages(items.len()), &answers, lines)?;
            return Ok(private(
                (StatusCode::BAD_REQUEST, Html(html)).into_response(),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/assessment/results/{}", taken.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_travel_as_one_character_each_and_bad_ones_count_as_unanswered() {
        let a = Answers::parse("04x-9", 6);
        assert_eq!(a.encode(), "04----");
        assert_eq!(a.answered(), 2);
        assert_eq!(a.first_unanswered(), Some(2));
        let pairs = vec![
            ("a".to_owned(), "04----".to_owned()),
            ("q2".to_owned(), "3".to_owned()),
            ("q5".to_owned(), "7".to_owned()),
            ("page".to_owned(), "1".to_owned()),
            ("go".to_owned(), "next".to_owned()),
        ];
        let (merged, page, go) = read_form(&pairs, 6);
        assert_eq!(
            (merged.encode().as_str(), page, go.as_str()),
            ("043---", 1, "next")
        );
    }
}
