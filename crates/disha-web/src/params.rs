//! Query parameters shared by the career list page and the career list API, parsed in one place.

use disha_domain::{CareerQuery, CareerSort, FieldCode, FieldErrors, RawCareerQuery, Stream};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Filters for career lists. Values arrive as text and are checked one by one, so a bad value is reported
/// against its own name.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only careers in this field.
    #[param(value_type = Option<Stream>)]
    pub stream: Option<String>,
    /// Only careers that this class-11 stream leads to.
    #[param(value_type = Option<disha_domain::SchoolStream>)]
    pub school_stream: Option<String>,
    /// Only careers whose shortest Indian route to a first job is at this education level.
    #[param(value_type = Option<disha_domain::EducationLevel>)]
    pub level: Option<String>,
    /// Only careers with a word in the title starting with this text (letters, digits, spaces, `-`, `.`, `&`, `'`).
    #[param(min_length = 1, max_length = 60, example = "dev")]
    pub q: Option<String>,
    /// Order of the results.
    #[param(value_type = Option<CareerSort>)]
    pub sort: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    pub page: Option<String>,
    /// Results per page; by default every career fits on one page, up to 100.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub per_page: Option<String>,
}

impl ListParams {
    /// Parameters given with an empty value. Forms send those for "any", so pages accept them; API clients
    /// are held to the documented types and should leave a parameter out instead.
    pub fn empty_fields(&self) -> FieldErrors {
        let mut errs = FieldErrors::default();
        let all = [
            ("stream", &self.stream),
            ("school_stream", &self.school_stream),
            ("level", &self.level),
            ("q", &self.q),
            ("sort", &self.sort),
            ("page", &self.page),
            ("per_page", &self.per_page),
        ];
        for (name, value) in all {
            // Spaces are a legitimate (if empty) search text, but never a number or a key.
            let blank = |v: &str| {
                if name == "q" {
                    v.is_empty()
                } else {
                    v.trim().is_empty()
                }
            };
            if value.as_deref().is_some_and(blank) {
                errs.add(name, FieldCode::Empty, Vec::new());
            }
        }
        errs
    }

    /// The values as the domain parser takes them.
    pub fn as_raw(&self) -> RawCareerQuery<'_> {
        RawCareerQuery {
            stream: self.stream.as_deref(),
            school_stream: self.school_stream.as_deref(),
            level: self.level.as_deref(),
            q: self.q.as_deref(),
            sort: self.sort.as_deref(),
            page: self.page.as_deref(),
            per_page: self.per_page.as_deref(),
        }
    }
}

/// The canonical query string of a career list: defaults left out, so each listing has one address.
#[derive(Serialize)]
struct Canonical<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    school_stream: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    q: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
}

/// `?stream=law&q=corporate+law&page=3`, or empty for the default listing.
pub fn query_string(q: &CareerQuery, page: u32) -> String {
    let per_page = CareerQuery::default().page.per_page;
    let c = Canonical {
        school_stream: q.school_stream.map(disha_domain::SchoolStream::key),
        stream: q.stream.map(Stream::key),
        level: q.level.map(disha_domain::EducationLevel::key),
        q: q.prefix.as_ref().map(|p| p.as_str()),
        sort: (q.sort != CareerSort::default()).then(|| q.sort.key()),
        per_page: (q.page.per_page != per_page).then_some(q.page.per_page),
        page: (page > 1).then_some(page),
    };
    match serde_urlencoded::to_string(&c) {
        Ok(s) if !s.is_empty() => format!("?{s}"),
        _ => String::new(),
    }
}

/// `Query<T>` whose rejection is an [`AppError`], so a query string that cannot be decoded at all is
/// reported like any other bad input.
#[derive(Debug)]
pub struct Q<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequestParts<S> for Q<T> {
    type Rejection = crate::AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| Q(v))
            .map_err(|e| crate::AppError::bad_query(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_leaves_out_defaults() {
        let q = CareerQuery::parse(&RawCareerQuery {
            stream: Some("law"),
            q: Some("Corporate Law"),
            ..Default::default()
        })
        .expect("ok");
        assert_eq!(query_string(&q, 1), "?stream=law&q=corporate+law");
        assert_eq!(query_string(&q, 3), "?stream=law&q=corporate+law&page=3");
        assert_eq!(query_string(&CareerQuery::default(), 1), "");
    }

    #[test]
    fn apostrophes_and_ampersands_are_encoded() {
        let q = CareerQuery::parse(&RawCareerQuery {
            q: Some("r&d o'neil"),
            ..Default::default()
        })
        .expect("ok");
        assert!(
            !query_string(&q, 1).contains('&'),
            "{}",
            query_string(&q, 1)
        );
    }
}
