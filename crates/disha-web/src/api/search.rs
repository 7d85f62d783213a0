//! `/api/search`: one search over careers, courses, colleges and articles, and titles for a search box.

use crate::error::{AppError, AppResult, ErrorBody};
use crate::params::Q;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use disha_domain::{FieldCode, FieldErrors, RawSearchQuery, SearchKind, SearchQuery, Stream};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// What to search for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for. A word one or two letters off still finds what it meant (`sofware`,
    /// `docter`), and the last word also matches as the start of a word. Quotes and operators are ordinary
    /// text; text with no letter or digit finds nothing.
    #[param(
        required = true,
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*$",
        example = "sofware"
    )]
    pub q: Option<String>,
    /// Only results of this kind.
    #[param(value_type = Option<SearchKind>)]
    pub kind: Option<String>,
    /// Only careers in this field.
    #[param(value_type = Option<Stream>)]
    pub stream: Option<String>,
    /// Only colleges in this state or union territory.
    #[param(schema_with = super::colleges::state_schema)]
    pub state: Option<String>,
    /// Only this level: a career's shortest Indian route (`after-12`, `bachelors` …) or a course's
    /// programme level (`ug`, `pg` …).
    #[param(schema_with = level_schema)]
    pub level: Option<String>,
    /// Page, from 1; 20 results a page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub page: Option<String>,
}

fn level_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(disha_domain::search::level_keys()))
        .build()
}

impl SearchParams {
    /// Strict parsing for apps: a missing `q`, and a listed value sent empty or with spaces around it, are
    /// errors rather than "any".
    pub(crate) fn parse_strict(&self) -> AppResult<SearchQuery> {
        let mut errs = FieldErrors::default();
        if self.q.is_none() {
            errs.add("q", FieldCode::Empty, Vec::new());
        }
        for (name, value) in [
            ("kind", &self.kind),
            ("stream", &self.stream),
            ("state", &self.state),
            ("level", &self.level),
            ("page", &self.page),
        ] {
            match value.as_deref() {
                Some(v) if v.trim().is_empty() => errs.add(name, FieldCode::Empty, Vec::new()),
                Some(v) if v.trim() != v => {
                    errs.at(name, disha_domain::Problem::invalid("has spaces around it"));
                }
                _ => {}
            }
        }
        if !errs.0.is_empty() {
            return Err(AppError::Invalid(errs));
        }
        SearchQuery::parse(&self.raw()).map_err(AppError::Invalid)
    }

    pub(crate) fn raw(&self) -> RawSearchQuery<'_> {
        RawSearchQuery {
            q: self.q.as_deref(),
            kind: self.kind.as_deref(),
            stream: self.stream.as_deref(),
            state: self.state.as_deref(),
            level: self.level.as_deref(),
            page: self.page.as_deref(),
        }
    }
}

/// One result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    /// What it is.
    pub kind: SearchKind,
    /// Its name.
    pub title: String,
    /// Its page on the site (a path).
    pub url: String,
    /// A piece of its text with the words found in `<mark>`: HTML, already escaped.
    pub snippet_html: String,
    /// A US occupation from O*NET (US data), not a profile written for India.
    pub us_data: bool,
    /// A career's field.
    pub stream: Option<Stream>,
    /// A college's state.
    pub state: Option<&'static str>,
    /// A college's district.
    pub district: Option<String>,
    /// A career's education level or a course's programme level.
    pub level: Option<String>,
}

/// How many results have a value.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value, as a filter takes it.
    pub value: String,
    /// Results with it.
    pub count: u64,
}

/// Counts for narrowing a search, most results first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    /// By kind.
    pub kind: Vec<FacetCount>,
    /// By career field.
    pub stream: Vec<FacetCount>,
    /// By state (colleges).
    pub state: Vec<FacetCount>,
    /// By level.
    pub level: Vec<FacetCount>,
}

/// A page of results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    /// The text searched for.
    pub query: String,
    /// Results across pages.
    pub total: u64,
    /// This page, from 1.
    pub page: u32,
    /// Pages (at least 1).
    pub total_pages: u64,
    /// A word was not found as typed, so words a letter or two away were searched for.
    pub corrected: bool,
    /// Nothing matched every word, so these results match some of them.
    pub partial: bool,
    /// This page's results, best first.
    pub results: Vec<SearchResult>,
    /// Counts for narrowing the search.
    pub facets: SearchFacets,
}

fn counts(v: Vec<(String, u64)>) -> Vec<FacetCount> {
    v.into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect()
}

pub(crate) fn result(h: disha_core::search::Hit) -> SearchResult {
    let e = h.entry;
    SearchResult {
        kind: e.kind,
        title: e.title,
        url: e.url,
        snippet_html: h.snippet_html,
        us_data: e.us,
        stream: e.stream,
        state: e.state,
        district: e.district,
        level: e.level,
    }
}

use super::to_json;

/// Search careers, courses, colleges and articles
///
/// Ranked by relevance: a match in a title counts most, then in other names (alternate titles, the words
/// students use), then in the text. Curated profiles rank above US occupations from O*NET. Each result
/// carries a snippet, and the response counts results by kind, field, state and level for narrowing.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of results (possibly none)", body = SearchResponse),
        (status = 400, description = "A parameter is invalid; `fields` names it", body = ErrorBody),
    )
)]
pub async fn search(
    State(app): State<AppState>,
    Q(params): Q<SearchParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let query = params.parse_strict()?;
    // An answer depends only on the query and the index, so it is cached per index generation: popular
    // searches cost a lookup, and a rebuilt index starts a fresh set of keys.
    let key = format!(
        "api:search:{}:{}",
        app.search.generation(),
        cache_key(&query)
    );
    cached(&app, &key, &[], Kind::Json, &headers, || async {
        let found = app.search.search(&query).await?;
        let per_page = u64::from(disha_domain::search::RESULTS_PER_PAGE);
        to_json(&SearchResponse {
            query: query.text.clone(),
            total: found.total,
            page: query.page,
            total_pages: found.total.div_ceil(per_page).max(1),
            corrected: found.corrected,
            partial: found.partial,
            results: found.hits.into_iter().map(result).collect(),
            facets: SearchFacets {
                kind: counts(found.facets.kind),
                stream: counts(found.facets.stream),
                state: counts(found.facets.state),
                level: counts(found.facets.level),
            },
        })
    })
    .await
}

/// The parts of a query that change its answer, as one key.
pub(crate) fn cache_key(q: &SearchQuery) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}",
        q.text,
        q.kind.map_or("", SearchKind::key),
        q.stream.map_or("", Stream::key),
        q.state.unwrap_or_default(),
        q.level.as_deref().unwrap_or_default(),
        q.page
    )
}

/// What the box may suggest.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestParams {
    /// What has been typed so far; the last word is matched as the start of a word.
    #[param(
        required = true,
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*$",
        example = "softw"
    )]
    pub q: Option<String>,
}

/// A title to offer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Suggestion {
    /// What it is.
    pub kind: SearchKind,
    /// Its name.
    pub title: String,
    /// Its page on the site (a path).
    pub url: String,
    /// A US occupation from O*NET.
    pub us_data: bool,
}

/// Titles to offer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Suggestions {
    /// Up to eight, best first.
    pub suggestions: Vec<Suggestion>,
}

/// Suggest titles for a search box
///
/// Up to eight careers, courses, colleges or articles whose title (or other name) matches what has been
/// typed so far. For a box that offers choices while typing; the search itself works without it.
#[utoipa::path(
    get,
    path = "/api/search/suggest",
    tag = "search",
    params(SuggestParams),
    responses(
        (status = 200, description = "Titles to offer (possibly none)", body = Suggestions),
        (status = 400, description = "`q` is missing or invalid", body = ErrorBody),
    )
)]
pub async fn suggest(
    State(app): State<AppState>,
    Q(params): Q<SuggestParams>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let query = SearchQuery::parse(&RawSearchQuery {
        q: Some(params.q.as_deref().unwrap_or_default()),
        ..RawSearchQuery::default()
    })
    .map_err(AppError::Invalid)?;
    let key = format!("api:suggest:{}:{}", app.search.generation(), query.text);
    cached(&app, &key, &[], Kind::Json, &headers, || async {
        let found = app.search.suggest(&query.text).await?;
        to_json(&Suggestions {
            suggestions: found
                .into_iter()
                .map(|e| Suggestion {
                    kind: e.kind,
                    title: e.title,
                    url: e.url,
                    us_data: e.us,
                })
                .collect(),
        })
    })
    .await
}
