//! `/api/assessment`: the interest assessment's items, scoring a set of answers into six scores, a Holland
//! code and matched careers, reading a result again by its unguessable id, and claiming it for an account.

use super::{private_json, to_json};
use crate::auth::Viewer;
use crate::client::ClientAddr;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use disha_core::CoreError;
use disha_core::guidance::{TakenAssessment, scores_json};
use disha_domain::assessment::Item;
use disha_domain::matching::Match;
use disha_domain::{FieldErrors, SchoolStream};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A point of the answer scale.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScalePoint {
    /// The value to send.
    pub value: u8,
    /// What it means.
    pub label: &'static str,
}

/// The answer scale, 0 to 4.
pub const SCALE: [ScalePoint; 5] = [
    ScalePoint {
        value: 0,
        label: "Strongly dislike",
    },
    ScalePoint {
        value: 1,
        label: "Dislike",
    },
    ScalePoint {
        value: 2,
        label: "Not sure",
    },
    ScalePoint {
        value: 3,
        label: "Like",
    },
    ScalePoint {
        value: 4,
        label: "Strongly like",
    },
];

/// The items and the scale they are answered on.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemsJson<'a> {
    /// Sixty work activities, ten per interest area, in the order they are asked.
    pub items: &'a [Item],
    /// The answer scale.
    pub scale: &'static [ScalePoint],
}

/// A set of answers to score.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewResult {
    /// Every item's answer, 0 (strongly dislike) to 4 (strongly like), by item id: all sixty are needed.
    #[schema(schema_with = answers_schema, required = true)]
    pub answers: Option<BTreeMap<String, serde_json::Value>>,
    /// How much preparation the student means to do, as an O*NET Job Zone: 1 (little) to 5 (a master's
    /// degree or more). Careers needing about that much rank higher.
    #[schema(value_type = Option<u8>, minimum = 1, maximum = 5)]
    pub job_zone: Option<serde_json::Value>,
    /// The student's class-11 stream, when chosen: careers it does not lead to rank lower.
    #[schema(value_type = Option<SchoolStream>)]
    pub stream: Option<String>,
}

/// `answers`: an object with every item's id as a required whole number 0–4, and nothing else.
fn answers_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let items = disha_domain::assessment::ItemBank::parse(disha_domain::assessment::ITEMS_TOML)
        .unwrap_or_default();
    let mut b = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(
            utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
        ));
    for i in items.items() {
        b = b
            .property(
                i.id.as_str(),
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0))
                    .maximum(Some(4)),
            )
            .required(i.id.as_str());
    }
    b.build()
}

/// A scored assessment.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultJson {
    /// Its unguessable id: anyone with it can read the result.
    pub id: String,
    /// The page showing it.
    pub url: String,
    /// Each interest area's score, 0–40.
    #[schema(value_type = BTreeMap<String, u8>, example = json!({"R": 12, "I": 31, "A": 22, "S": 18, "E": 9, "C": 14}))]
    pub scores: BTreeMap<&'static str, u8>,
    /// The three highest areas, highest first, e.g. `IAS`.
    pub code: String,
    /// The Job Zone aimed for, when given.
    pub job_zone: Option<u8>,
    /// The stream given, when given.
    pub stream: Option<SchoolStream>,
    /// Careers that fit best, best first (30).
    pub matches: Vec<Match>,
    /// When it was taken (RFC 3339).
    pub taken_at: String,
    /// Whether an account has claimed it.
    pub claimed: bool,
}

impl From<&TakenAssessment> for ResultJson {
    fn from(r: &TakenAssessment) -> Self {
        let a = &r.assessment;
        Self {
            url: format!("/assessment/results/{}", r.id),
            id: r.id.clone(),
            scores: scores_json(&a.scores),
            code: a.scores.code(),
            job_zone: a.aim.job_zone,
            stream: a.aim.stream,
            matches: a.matches.clone(),
            taken_at: super::realworld::timestamp(r.taken_at),
            claimed: r.account_id.is_some(),
        }
    }
}

/// Unprocessable answers are a 422 naming each bad item; other core errors as usual.
fn unprocessable(e: CoreError) -> AppError {
    match e {
        CoreError::Invalid(f) => AppError::Unprocessable(f),
        other => other.into(),
    }
}

fn json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The assessment's items
///
/// Sixty work activities, ten for each RIASEC interest area (`R`, `I`, `A`, `S`, `E`, `C`), and the scale
/// they are answered on.
#[utoipa::path(
    get,
    path = "/api/assessment/items",
    tag = "assessment",
    responses((status = 200, description = "The items", body = ItemsJson)),
)]
pub async fn items(State(app): State<AppState>) -> AppResult<Response> {
    Ok(json(to_json(&ItemsJson {
        items: app.guidance.items(),
        scale: &SCALE,
    })?))
}

/// Score an assessment
///
/// Scores the answers (each area 0–40), gives the Holland code and the 30 careers that fit best with the
/// reasons, and keeps the result under an unguessable id. With a session the result is the student's at
/// once; without one it can be claimed later. Limited per client (`429` with `Retry-After`).
#[utoipa::path(
    post,
    path = "/api/assessment/results",
    tag = "assessment",
    request_body(content = NewResult, content_type = "application/json"),
    responses(
        (status = 201, description = "The result", body = ResultJson),
        (status = 403, description = "Sent from another site in a browser", body = ErrorBody),
        (status = 422, description = "Answers missing, unknown or out of range: `fields` names each item (`answers.r01`), or `job_zone` or `stream`", body = ErrorBody),
        (status = 429, description = "Too many results from this client; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn create_result(
    State(app): State<AppState>,
    viewer: Viewer,
    client: ClientAddr,
    body: Bytes,
) -> AppResult<Response> {
    let req: NewResult = super::object_body(&body, None).map_err(|e| {
        let mut errs = FieldErrors::default();
        errs.push("body", format!("is not a set of answers: {e}"));
        AppError::Unprocessable(errs)
    })?;
    let answers = req.answers.unwrap_or_default();
    let taken = app
        .guidance
        .take(
            &answers,
            req.job_zone.as_ref(),
            req.stream.as_deref(),
            viewer.account.as_ref().map(|a| a.id),
            &client.0,
        )
        .await
        .map_err(unprocessable)?;
    Ok(private_json(
        StatusCode::CREATED,
        to_json(&ResultJson::from(&taken))?,
    ))
}

/// Get a result
///
/// A result again, by the id its scoring returned.
#[utoipa::path(
    get,
    path = "/api/assessment/results/{id}",
    tag = "assessment",
    params(("id" = String, Path, description = "The result's id")),
    responses(
        (status = 200, description = "The result", body = ResultJson),
        (status = 404, description = "No result has this id", body = ErrorBody),
    )
)]
pub async fn get_result(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let taken = app.guidance.result(&id).await?;
    Ok(private_json(
        StatusCode::OK,
        to_json(&ResultJson::from(&taken))?,
    ))
}

/// Claim a result
///
/// Makes a result taken without an account the signed-in student's, so it shows on their dashboard.
#[utoipa::path(
    post,
    path = "/api/assessment/results/{id}/claim",
    tag = "assessment",
    params(("id" = String, Path, description = "The result's id")),
    security(("Token" = [])),
    responses(
        (status = 200, description = "The result, now theirs", body = ResultJson),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Another account has claimed it", body = ErrorBody),
        (status = 404, description = "No result has this id", body = ErrorBody),
    )
)]
pub async fn claim_result(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let account = viewer.account.ok_or(AppError::Unauthorized)?;
    let taken = app.guidance.claim(&id, account.id).await?;
    Ok(private_json(
        StatusCode::OK,
        to_json(&ResultJson::from(&taken))?,
    ))
}
