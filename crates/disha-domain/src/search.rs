//! One search box over careers, courses, colleges and articles: what a query may ask for, parsed from
//! untrusted text.

use crate::{FieldErrors, Problem, STATES, Stream};
use serde::Serialize;
use utoipa::ToSchema;

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words beyond this many are ignored: no one types more into a search box, and each costs a lookup.
pub const MAX_QUERY_WORDS: usize = 12;
/// Results per page.
pub const RESULTS_PER_PAGE: u32 = 20;
/// The deepest page served.
pub const MAX_RESULT_PAGE: u32 = 50;

/// What a result is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SearchKind {
    /// A career page (a curated profile or a US occupation).
    Career,
    /// A course that leads to careers, with the colleges that teach it.
    Course,
    /// A college or institute.
    College,
    /// A blog article.
    Article,
}

impl SearchKind {
    /// The key used in query strings and facets.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// A parsed search request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchQuery {
    /// What was typed, trimmed.
    pub text: String,
    /// Only this kind.
    pub kind: Option<SearchKind>,
    /// Only careers in this field.
    pub stream: Option<Stream>,
    /// Only colleges in this state.
    pub state: Option<&'static str>,
    /// Only this level (an education level's or a programme level's key).
    pub level: Option<String>,
    /// Which page, from 1.
    pub page: u32,
}

/// A search request as it arrives: every value is untrusted text.
#[derive(Debug, Clone, Default)]
pub struct RawSearchQuery<'a> {
    /// `q`
    pub q: Option<&'a str>,
    /// `kind`
    pub kind: Option<&'a str>,
    /// `stream`
    pub stream: Option<&'a str>,
    /// `state`
    pub state: Option<&'a str>,
    /// `level`
    pub level: Option<&'a str>,
    /// `page`
    pub page: Option<&'a str>,
}

fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// Levels a search filter may name: the Indian education levels of careers and the programme levels of courses.
pub fn level_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = <crate::EducationLevel as strum::VariantArray>::VARIANTS
        .iter()
        .map(|l| l.key())
        .collect();
    keys.extend(
        <crate::ProgrammeLevel as strum::VariantArray>::VARIANTS
            .iter()
            .map(|l| <&'static str>::from(*l)),
    );
    keys
}

impl SearchQuery {
    /// Parses every field and names each bad one. The text must be 1 to [`MAX_QUERY_CHARS`] characters
    /// without control characters.
    ///
    /// # Errors
    /// The fields that could not be parsed.
    pub fn parse(raw: &RawSearchQuery<'_>) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        // Checked as sent, before trimming, so the published schema (length and no control characters)
        // says exactly what is accepted. Text with no letter or digit is accepted and finds nothing.
        let sent = raw.q.unwrap_or_default();
        let n = sent.chars().count();
        if n == 0 || n > MAX_QUERY_CHARS {
            e.at("q", Problem::length(1, MAX_QUERY_CHARS, n));
        } else if sent.chars().any(char::is_control) {
            e.at("q", Problem::format("text without control characters"));
        }
        let text = sent.trim();
        let kind = given(raw.kind).and_then(|k| {
            let found = k.parse::<SearchKind>().ok();
            if found.is_none() {
                e.at("kind", Problem::one_of_variants::<SearchKind>());
            }
            found
        });
        let stream = given(raw.stream).and_then(|s| {
            let found = Stream::from_key(s);
            if found.is_none() {
                let keys: Vec<&str> = Stream::ALL.iter().map(|s| s.key()).collect();
                e.at("stream", Problem::one_of(&keys));
            }
            found
        });
        let state = given(raw.state).and_then(|s| {
            let found = STATES.iter().find(|k| k.eq_ignore_ascii_case(s)).copied();
            if found.is_none() {
                e.at("state", Problem::one_of(&STATES));
            }
            found
        });
        let level = given(raw.level).and_then(|l| {
            let keys = level_keys();
            if keys.contains(&l) {
                Some(l.to_owned())
            } else {
                e.at("level", Problem::one_of(&keys));
                None
            }
        });
        let page = match given(raw.page).map(str::parse::<u32>) {
            None => 1,
            Some(Ok(p)) if (1..=MAX_RESULT_PAGE).contains(&p) => p,
            Some(_) => {
                e.range("page", 1, MAX_RESULT_PAGE);
                1
            }
        };
        e.into_result(Self {
            text: text.to_owned(),
            kind,
            stream,
            state,
            level,
            page,
        })
    }

    /// The words to look for: letters and digits, lowercased, at most [`MAX_QUERY_WORDS`].
    #[must_use]
    pub fn words(&self) -> Vec<String> {
        words(&self.text)
    }
}

/// The words of a text: runs of letters and digits, lowercased, at most [`MAX_QUERY_WORDS`].
#[must_use]
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Result<SearchQuery, FieldErrors> {
        SearchQuery::parse(&RawSearchQuery {
            q: Some(q),
            ..RawSearchQuery::default()
        })
    }

    #[test]
    fn operators_quotes_and_sql_are_only_text() {
        let q = parse("  \"software\" AND (1=1); DROP TABLE careers -- ").expect("valid");
        assert_eq!(
            q.words(),
            ["software", "and", "1", "1", "drop", "table", "careers"]
        );
    }

    #[test]
    fn empty_long_and_control_text_is_refused_by_name() {
        for bad in [
            "",
            &"a".repeat(201),
            &format!(" {}", "a".repeat(200)),
            "nurse\u{0}",
            "\tnurse",
        ] {
            let errs = parse(bad).expect_err(bad);
            assert_eq!(
                errs.0.first().map(|e| e.field.as_str()),
                Some("q"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn filters_are_checked_and_named() {
        let errs = SearchQuery::parse(&RawSearchQuery {
            q: Some("nurse"),
            kind: Some("person"),
            stream: Some("cooking"),
            state: Some("Atlantis"),
            level: Some("phd"),
            page: Some("51"),
        })
        .expect_err("all bad");
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "stream", "state", "level", "page"]);
        let ok = SearchQuery::parse(&RawSearchQuery {
            q: Some("college"),
            kind: Some("college"),
            state: Some("kerala"),
            level: Some("ug"),
            ..RawSearchQuery::default()
        })
        .expect("valid");
        assert_eq!(ok.state, Some("Kerala"));
        assert_eq!(ok.kind, Some(SearchKind::College));
    }

    #[test]
    fn text_without_words_is_accepted_and_has_none() {
        let q = parse(" \"\" -- ").expect("valid");
        assert!(q.words().is_empty());
    }

    #[test]
    fn only_the_first_twelve_words_count() {
        let q = parse(&"word ".repeat(30)).expect("valid");
        assert_eq!(q.words().len(), MAX_QUERY_WORDS);
    }
}
