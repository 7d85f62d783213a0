//! `/api/colleges`: the college finder as JSON.

use crate::error::{AppError, AppResult, ErrorBody};
use crate::params::Q;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use disha_core::{College, CollegeSummary, RawCollegeQuery};
use disha_domain::{
    InstituteDetails, InstitutionKind, InstitutionSource, Programme, ProgrammeLevel,
};
use disha_store::scopes;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Filters for the list; all optional, combined with AND.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CollegeParams {
    /// State or union territory (old names such as `Orissa` are understood too).
    #[param(schema_with = state_schema)]
    pub state: Option<String>,
    /// District, e.g. `Pune`; compared without case.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*$")]
    pub district: Option<String>,
    /// Who runs the institution.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<InstitutionKind>)]
    pub kind: Option<String>,
    /// Programme level.
    #[param(value_type = Option<ProgrammeLevel>)]
    pub level: Option<String>,
    /// A curated course's slug, e.g. `btech-computer-science`: institutions offering it under any of the
    /// names AICTE's list gives it. A slug that names no curated course matches no college.
    #[param(max_length = 80, example = "btech-computer-science")]
    pub course: Option<String>,
    /// Only women's institutions.
    #[param(value_type = Option<bool>)]
    pub women: Option<String>,
    /// Words in the name.
    #[param(max_length = 100, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*$")]
    pub q: Option<String>,
    /// `name` (default) or `intake` (most seats first).
    #[param(value_type = Option<CollegeSort>)]
    pub sort: Option<String>,
    /// Page, from 1; 20 a page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub page: Option<String>,
}

/// How a list of colleges is sorted.
#[derive(Debug, Clone, Copy, ToSchema)]
#[expect(
    dead_code,
    reason = "only describes the `sort` parameter in the OpenAPI document"
)]
#[schema(rename_all = "lowercase")]
pub enum CollegeSort {
    /// A to Z.
    Name,
    /// Most seats a year first.
    Intake,
}

/// The colleges to compare.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the parameters in the OpenAPI document; the handler reads them in order"
)]
pub struct CompareParams {
    /// A college's slug; give 1 to 4, e.g. `?c=first&c=second`.
    #[param(style = Form, explode, schema_with = compared_schema)]
    c: Vec<String>,
}

/// Marks `c` of the comparison as required: a parameter described by its own schema function is otherwise
/// written as optional.
pub fn require_compared(spec: &mut utoipa::openapi::OpenApi) {
    let op = spec
        .paths
        .paths
        .get_mut("/api/colleges/compare")
        .and_then(|item| item.get.as_mut());
    for p in op
        .into_iter()
        .flat_map(|op| op.parameters.iter_mut().flatten())
    {
        if let utoipa::openapi::RefOr::T(p) = p
            && p.name == "c"
        {
            p.required = utoipa::openapi::Required::True;
        }
    }
}

fn compared_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .min_length(Some(2))
                .max_length(Some(80))
                .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$")),
        )
        .min_items(Some(1))
        .max_items(Some(4))
        .build()
}

pub(crate) fn state_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(disha_domain::STATES))
        .build()
}

impl CollegeParams {
    /// Apps get strict parsing: a parameter whose values the schema lists is an error when sent empty (not
    /// "any") or with spaces around it; the pages' forms send empty values for "any", and accept them.
    fn empty_fields(&self) -> disha_domain::FieldErrors {
        let mut errs = disha_domain::FieldErrors::default();
        for (name, value) in [
            ("state", &self.state),
            ("type", &self.kind),
            ("level", &self.level),
            ("women", &self.women),
            ("sort", &self.sort),
            ("page", &self.page),
        ] {
            match value.as_deref() {
                Some(v) if v.trim().is_empty() => {
                    errs.add(name, disha_domain::FieldCode::Empty, Vec::new());
                }
                Some(v) if v.trim() != v => {
                    errs.at(name, disha_domain::Problem::invalid("has spaces around it"));
                }
                _ => {}
            }
        }
        errs
    }

    fn raw(self) -> RawCollegeQuery {
        RawCollegeQuery {
            state: self.state,
            district: self.district,
            kind: self.kind,
            level: self.level,
            course: self.course,
            women: self.women,
            q: self.q,
            sort: self.sort,
            page: self.page,
        }
    }
}

/// A college in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollegeSummaryJson {
    /// Its address: `/colleges/{slug}`.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind of institution (a key).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Kind of institution in words.
    pub type_label: &'static str,
    /// District.
    pub district: String,
    /// State or union territory.
    pub state: &'static str,
    /// Admits women only.
    pub women_only: bool,
    /// Programmes it runs.
    pub programmes: u32,
    /// Seats a year across them, where AICTE gives the intake (0 for a curated institute AICTE does not
    /// list).
    pub intake: u64,
    /// In AICTE's list of approved institutions.
    pub aicte: bool,
    /// Its page has facts from Disha's checked catalog: admission, seats kept for some students, sources.
    pub curated: bool,
}

impl From<CollegeSummary> for CollegeSummaryJson {
    fn from(s: CollegeSummary) -> Self {
        Self {
            slug: s.slug.as_str().to_owned(),
            name: s.name,
            kind: s.kind.into(),
            type_label: s.kind.label(),
            district: s.district,
            state: s.state,
            women_only: s.women_only,
            programmes: s.programmes,
            intake: s.intake,
            aicte: s.aicte,
            curated: s.curated,
        }
    }
}

/// One page of colleges.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollegeList {
    /// This page's colleges.
    pub items: Vec<CollegeSummaryJson>,
    /// Matching colleges across all pages.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// Number of pages.
    pub total_pages: u32,
}

/// A programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeJson {
    /// Course, e.g. "Computer Science and Engineering".
    pub course: String,
    /// Field, e.g. "Engineering and Technology".
    pub discipline: String,
    /// "1st Shift", "2nd Shift" or empty.
    pub shift: String,
    /// "Full Time", "Part Time" or empty.
    pub mode: String,
    /// Seats a year, when AICTE gives them.
    pub intake: Option<u32>,
}

/// Programmes at one level.
#[derive(Debug, Serialize, ToSchema)]
pub struct LevelJson {
    /// Level key.
    pub level: &'static str,
    /// Level in words.
    pub label: &'static str,
    /// Its programmes.
    pub programmes: Vec<ProgrammeJson>,
}

/// A college with its programmes grouped by level.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollegeJson {
    /// Its address: `/colleges/{slug}`.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind of institution (a key).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Kind of institution in words.
    pub type_label: &'static str,
    /// Postal address.
    pub address: String,
    /// District.
    pub district: String,
    /// State or union territory.
    pub state: &'static str,
    /// Affiliating university.
    pub university: String,
    /// Admits women only.
    pub women_only: bool,
    /// A minority institution.
    pub minority: bool,
    /// Seats a year across all programmes with a known intake.
    pub intake: u64,
    /// Where the record comes from, e.g. "AICTE approved institutions".
    pub source: String,
    /// AICTE's id, when it comes from AICTE.
    pub aicte_id: Option<String>,
    /// Programmes by level: AICTE's, or the curated main programmes (without intake) when AICTE does not
    /// list the college.
    pub levels: Vec<LevelJson>,
    /// Facts from Disha's checked catalog, for the institutes it covers (IITs, NITs, AIIMS, NLUs …).
    pub curated: Option<InstituteDetails>,
}

/// Programmes grouped by level, in level order.
pub fn by_level(programmes: &[Programme]) -> Vec<(ProgrammeLevel, Vec<&Programme>)> {
    let mut out: Vec<(ProgrammeLevel, Vec<&Programme>)> = Vec::new();
    for p in programmes {
        match out.iter_mut().find(|(l, _)| *l == p.level) {
            Some((_, list)) => list.push(p),
            None => out.push((p.level, vec![p])),
        }
    }
    out.sort_by_key(|(l, _)| *l);
    out
}

impl From<&College> for CollegeJson {
    fn from(c: &College) -> Self {
        let i = &c.institution;
        let (source, aicte_id) = match (&i.source, &c.curated) {
            (InstitutionSource::Aicte(id), None) => {
                ("AICTE approved institutions".to_owned(), Some(id.clone()))
            }
            (InstitutionSource::Aicte(id), Some(_)) => (
                "AICTE approved institutions; Disha's curated list".to_owned(),
                Some(id.clone()),
            ),
            (InstitutionSource::Catalog, _) => ("Disha's curated list".to_owned(), None),
        };
        Self {
            slug: i.slug.as_str().to_owned(),
            name: i.name.clone(),
            kind: i.kind.into(),
            type_label: i.kind.label(),
            address: i.address.clone(),
            district: i.district.clone(),
            state: i.state,
            university: i.university.clone(),
            women_only: i.women_only,
            minority: i.minority,
            intake: i.total_intake(),
            source,
            aicte_id,
            levels: by_level(&i.programmes)
                .into_iter()
                .map(|(level, ps)| LevelJson {
                    level: level.into(),
                    label: level.label(),
                    programmes: ps
                        .into_iter()
                        .map(|p| ProgrammeJson {
                            course: p.course.clone(),
                            discipline: p.discipline.clone(),
                            shift: p.shift.clone(),
                            mode: p.mode.clone(),
                            intake: p.intake,
                        })
                        .collect(),
                })
                .collect(),
            curated: c.curated.as_ref().map(|p| p.details.clone()),
        }
    }
}

/// Colleges side by side.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollegeComparison {
    /// The colleges, in the order asked.
    pub colleges: Vec<CollegeJson>,
}

use super::to_json;

/// List colleges
///
/// AICTE-approved institutions and the institutes Disha's catalog covers (IITs, NITs, AIIMS, NLUs … which
/// AICTE does not approve), filtered and paged. Data: AICTE's list of approved institutions (intake as AICTE
/// lists it; no fees) and Disha's checked catalog.
#[utoipa::path(
    get,
    path = "/api/colleges",
    tag = "colleges",
    params(CollegeParams),
    responses(
        (status = 200, description = "A page of colleges", body = CollegeList),
        (status = 400, description = "A filter is invalid; `fields` names it", body = ErrorBody),
    )
)]
pub async fn list_colleges(
    State(app): State<AppState>,
    Q(params): Q<CollegeParams>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let empty = params.empty_fields();
    if !empty.is_empty() {
        return Err(AppError::Invalid(empty));
    }
    let query = params.raw();
    // Checked before the cache, so a bad filter is a 400 whatever is cached.
    app.colleges.parse_query(&query)?;
    let key = format!("api:/api/colleges?{}", raw.unwrap_or_default());
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Json,
        &headers,
        || async {
            let page = app.colleges.list(&query).await?;
            to_json(&CollegeList {
                items: page
                    .items
                    .into_iter()
                    .map(CollegeSummaryJson::from)
                    .collect(),
                total: page.total,
                page: page.page,
                total_pages: page.pages.max(1),
            })
        },
    )
    .await
}

/// Get one college
///
/// The institution with its programmes grouped by level, and the intake of each; for a curated institute,
/// also the catalog's facts.
#[utoipa::path(
    get,
    path = "/api/colleges/{slug}",
    tag = "colleges",
    params(("slug" = String, Path, description = "The college's slug")),
    responses(
        (status = 200, description = "The college", body = CollegeJson),
        (status = 404, description = "No college has this slug", body = ErrorBody),
    )
)]
pub async fn get_college(
    State(app): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let key = format!("api:/api/colleges/{slug}");
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Json,
        &headers,
        || async {
            let college = app.colleges.college(&slug).await?;
            to_json(&CollegeJson::from(&college))
        },
    )
    .await
}

/// The `c` values of a query string, in order.
pub fn compared(raw: Option<&str>) -> Vec<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(raw.unwrap_or_default())
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k == "c")
        .map(|(_, v)| v)
        .collect()
}

/// Compare colleges
///
/// Up to four colleges side by side: `?c=first-slug&c=second-slug`.
#[utoipa::path(
    get,
    path = "/api/colleges/compare",
    tag = "colleges",
    params(CompareParams),
    responses(
        (status = 200, description = "The colleges in the order asked", body = CollegeComparison),
        (status = 400, description = "None or more than four; `fields` names `c`", body = ErrorBody),
        (status = 404, description = "No college has one of the slugs", body = ErrorBody),
    )
)]
pub async fn compare_colleges(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let slugs = disha_core::Colleges::compare_request(&compared(raw.as_deref()))?;
    let key = format!("api:/api/colleges/compare?{}", slugs.join(","));
    cached(
        &app,
        &key,
        &[scopes::COLLEGES],
        Kind::Json,
        &headers,
        || async {
            let colleges = app.colleges.compare(&slugs).await?;
            to_json(&CollegeComparison {
                colleges: colleges.iter().map(CollegeJson::from).collect(),
            })
        },
    )
    .await
}
