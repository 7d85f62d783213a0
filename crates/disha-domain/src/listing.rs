//! Listing careers: filters, sort order and pages, parsed from untrusted query strings.

use crate::{EducationLevel, FieldErrors, Problem, SchoolStream, Stream};
use serde::Serialize;
use utoipa::ToSchema;

/// The page size when none is asked for: the whole library on one page while it has at most 100 careers, so
/// a family can scan it without paging.
pub const DEFAULT_PER_PAGE: u32 = MAX_PER_PAGE;
/// The largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Deep pages cost a scan; nobody pages past this in a catalog of our size.
pub const MAX_PAGE: u32 = 10_000;

/// Which page of a list, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    /// 1-based page number.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl PageRequest {
    /// Rows to skip.
    #[must_use]
    pub fn offset(self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }
}

/// One page of results and the total across all pages.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Paged<T> {
    /// This page's items.
    pub items: Vec<T>,
    /// Matching items across all pages.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl<T> Paged<T> {
    /// How many pages there are (at least 1, so an empty list still has a page to show).
    #[must_use]
    pub fn total_pages(&self) -> u64 {
        self.total.div_ceil(u64::from(self.per_page.max(1))).max(1)
    }
}

/// The start of a word in a career's title, as typed into a filter box, normalised like titles are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TitlePrefix(String);

impl TitlePrefix {
    /// Normalises what was typed the way titles are normalised ([`title_words`]): lowercase words joined by
    /// single spaces, punctuation dropped. At most 60 characters; nothing left means no filter.
    ///
    /// # Errors
    /// A length problem.
    pub fn parse(raw: &str) -> Result<Option<Self>, Problem> {
        let n = raw.trim().chars().count();
        if n > 60 {
            return Err(Problem::length(0, 60, n));
        }
        let words = title_words(raw);
        let words = words.trim_start();
        if words.is_empty() {
            Ok(None)
        } else {
            Ok(Some(Self(words.to_owned())))
        }
    }

    /// What to look for in [`title_words`]: `" back end"` finds "Back-end Developer", `" d"` finds any word
    /// starting with d.
    #[must_use]
    pub fn needle(&self) -> String {
        format!(" {}", self.0)
    }

    /// The normalised prefix, as shown back in the filter box.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A title as a space, then its lowercased words joined by single spaces (`" back end developer"`).
/// Stored beside each title so that a word-prefix test is a plain substring search on every back end.
#[must_use]
pub fn title_words(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 1);
    out.push(' ');
    let mut gap = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && out.len() > 1 {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// How a career list is ordered. The one list of sort keys: parsing, the API's schema and the pages' sort
/// menu all come from here.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    ToSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum CareerSort {
    /// A to Z by title.
    #[default]
    Title,
    /// Shortest Indian route first (after class 10 … doctorate), then by title.
    Level,
    /// Most recently changed first, then by title.
    Updated,
}

impl CareerSort {
    /// The key used in query strings.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// A parsed, trusted career list request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CareerQuery {
    /// Only this career field.
    pub stream: Option<Stream>,
    /// Only careers this class-11 stream leads to.
    pub school_stream: Option<SchoolStream>,
    /// Only this education level (the shortest Indian route to a first job).
    pub level: Option<EducationLevel>,
    /// Only titles with a word starting with this.
    pub prefix: Option<TitlePrefix>,
    /// Order.
    pub sort: CareerSort,
    /// Which page.
    pub page: PageRequest,
}

/// A career list request as it arrives: every value is untrusted text.
#[derive(Debug, Clone, Default)]
pub struct RawCareerQuery<'a> {
    /// `stream`
    pub stream: Option<&'a str>,
    /// `school_stream`
    pub school_stream: Option<&'a str>,
    /// `level`
    pub level: Option<&'a str>,
    /// `q`
    pub q: Option<&'a str>,
    /// `sort`
    pub sort: Option<&'a str>,
    /// `page`
    pub page: Option<&'a str>,
    /// `per_page`
    pub per_page: Option<&'a str>,
}

impl CareerQuery {
    /// Parses every field and reports every bad one by name. Empty values mean "not given" (as HTML forms
    /// send them).
    ///
    /// # Errors
    /// The fields that could not be parsed.
    pub fn parse(raw: &RawCareerQuery<'_>) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let stream = given(raw.stream).and_then(|s| {
            let found = Stream::from_key(s);
            if found.is_none() {
                let keys: Vec<&str> = Stream::ALL.iter().map(|s| s.key()).collect();
                e.at("stream", Problem::one_of(&keys));
            }
            found
        });
        let school_stream = given(raw.school_stream).and_then(|s| {
            let found = s.parse::<SchoolStream>().ok();
            if found.is_none() {
                e.at("school_stream", Problem::one_of_variants::<SchoolStream>());
            }
            found
        });
        let level = given(raw.level).and_then(|l| {
            let found = l.parse::<EducationLevel>().ok();
            if found.is_none() {
                e.at("level", Problem::one_of_variants::<EducationLevel>());
            }
            found
        });
        let prefix = match TitlePrefix::parse(raw.q.unwrap_or_default()) {
            Ok(p) => p,
            Err(p) => {
                e.at("q", p);
                None
            }
        };
        let sort = match given(raw.sort).map(str::parse::<CareerSort>) {
            None => CareerSort::default(),
            Some(Ok(s)) => s,
            Some(Err(_)) => {
                let keys: Vec<&str> = <CareerSort as strum::IntoEnumIterator>::iter()
                    .map(CareerSort::key)
                    .collect();
                e.at("sort", Problem::one_of(&keys));
                CareerSort::default()
            }
        };
        let page = number(&mut e, "page", given(raw.page), 1, MAX_PAGE, 1);
        let per_page = number(
            &mut e,
            "per_page",
            given(raw.per_page),
            1,
            MAX_PER_PAGE,
            DEFAULT_PER_PAGE,
        );
        e.into_result(Self {
            stream,
            school_stream,
            level,
            prefix,
            sort,
            page: PageRequest { page, per_page },
        })
    }
}

fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

fn number(
    e: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    min: u32,
    max: u32,
    default: u32,
) -> u32 {
    match raw.map(str::parse::<u32>) {
        None => default,
        Some(Ok(n)) if (min..=max).contains(&n) => n,
        Some(_) => {
            e.range(field, min, max);
            default
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_given_means_the_first_page_by_title() {
        let q = CareerQuery::parse(&RawCareerQuery::default()).expect("valid");
        assert_eq!(q, CareerQuery::default());
        assert_eq!(q.page.offset(), 0);
    }

    #[test]
    fn empty_form_values_count_as_not_given() {
        let raw = RawCareerQuery {
            stream: Some(""),
            level: Some(" "),
            q: Some(""),
            ..Default::default()
        };
        assert_eq!(CareerQuery::parse(&raw), Ok(CareerQuery::default()));
    }

    #[test]
    fn every_bad_field_is_named() {
        let raw = RawCareerQuery {
            stream: Some("cooking"),
            school_stream: Some("biology"),
            level: Some("9"),
            q: Some("this text is far too long to be the start of any career title at all"),
            sort: Some("random"),
            page: Some("0"),
            per_page: Some("1000"),
        };
        let errs = CareerQuery::parse(&raw).expect_err("all bad");
        let fields: Vec<_> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "stream",
                "school_stream",
                "level",
                "q",
                "sort",
                "page",
                "per_page"
            ]
        );
    }

    #[test]
    fn good_values_are_kept() {
        let raw = RawCareerQuery {
            stream: Some("law"),
            school_stream: Some("pcb"),
            level: Some("professional"),
            q: Some("  Back "),
            sort: Some("level"),
            page: Some("3"),
            per_page: Some("20"),
        };
        let q = CareerQuery::parse(&raw).expect("valid");
        assert_eq!(q.stream, Some(Stream::Law));
        assert_eq!(q.school_stream, Some(SchoolStream::Pcb));
        assert_eq!(q.level, Some(EducationLevel::Professional));
        assert_eq!(q.prefix.as_ref().map(TitlePrefix::as_str), Some("back"));
        assert_eq!(q.sort, CareerSort::Level);
        assert_eq!(q.page.offset(), 40);
    }

    #[test]
    fn title_words_normalises_case_and_punctuation() {
        assert_eq!(title_words("Back-end Developer"), " back end developer");
        assert_eq!(title_words("  R&D -- Lead "), " r d lead");
        let needle = TitlePrefix::parse("BACK-END")
            .expect("ok")
            .expect("some")
            .needle();
        assert_eq!(needle, " back end");
        assert_eq!(
            TitlePrefix::parse("--"),
            Ok(None),
            "punctuation alone filters nothing"
        );
    }

    #[test]
    fn total_pages_rounds_up_and_is_never_zero() {
        let p = |total| Paged::<()> {
            items: vec![],
            total,
            page: 1,
            per_page: 12,
        };
        assert_eq!(p(0).total_pages(), 1);
        assert_eq!(p(12).total_pages(), 1);
        assert_eq!(p(13).total_pages(), 2);
    }
}
