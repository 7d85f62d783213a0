//! The message catalog: all fixed page text, loaded from `locales/<lang>.toml`. Templates read fields from
//! here and never hold sentences of their own, so a translation needs no template change.

use disha_domain::{EducationLevel, SalaryBasis, Stream};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Display;

/// Every message a page can show, in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    missing_docs,
    reason = "each field is named for the message it holds; see locales/en.toml"
)]
pub struct Messages {
    pub lang: String,
    pub site_name: String,
    pub site_tagline: String,
    pub skip_to_content: String,
    pub nav_label: String,
    pub nav_home: String,
    pub nav_careers: String,
    pub nav_api: String,
    pub footer_about: String,
    pub footer_figures: String,
    pub footer_onet: String,
    pub home_title: String,
    pub home_description: String,
    pub home_heading: String,
    pub home_intro: String,
    pub search_label: String,
    pub search_hint: String,
    pub search_button: String,
    pub home_streams: String,
    pub stream_count_one: String,
    pub stream_count: String,
    pub home_featured: String,
    pub home_all_careers: String,
    pub careers_title: String,
    pub careers_description: String,
    pub careers_heading: String,
    pub careers_intro: String,
    pub filter_heading: String,
    pub filter_stream: String,
    pub filter_any_stream: String,
    pub filter_level: String,
    pub filter_any_level: String,
    pub filter_q: String,
    pub filter_sort: String,
    pub sort_title: String,
    pub sort_level: String,
    pub sort_updated: String,
    pub filter_apply: String,
    pub filter_clear: String,
    pub results_count: String,
    pub results_none: String,
    pub pagination_label: String,
    pub pagination_prev: String,
    pub pagination_next: String,
    pub pagination_page: String,
    pub pagination_current: String,
    pub invalid_filters: String,
    pub level_short: String,
    pub level_1: String,
    pub level_2: String,
    pub level_3: String,
    pub level_4: String,
    pub level_5: String,
    pub breadcrumb_label: String,
    pub career_facts: String,
    pub career_stream: String,
    pub career_level: String,
    pub career_holland: String,
    pub career_on_this_page: String,
    pub career_overview: String,
    pub career_responsibilities: String,
    pub career_steps: String,
    pub career_courses: String,
    pub career_courses_ug: String,
    pub career_courses_pg: String,
    pub course_name: String,
    pub course_duration: String,
    pub course_exams: String,
    pub course_fees: String,
    pub course_exams_none: String,
    pub duration_one: String,
    pub duration_many: String,
    pub fee_per_year: String,
    pub fee_total: String,
    pub fee_free: String,
    pub fee_range: String,
    pub career_colleges: String,
    pub career_skills: String,
    pub career_jobs: String,
    pub job_title: String,
    pub job_experience: String,
    pub job_salary: String,
    pub job_basis: String,
    pub salary_range: String,
    pub basis_ctc: String,
    pub basis_in_hand: String,
    pub example_mark: String,
    pub figures_source: String,
    pub figures_note: String,
    pub career_interests: String,
    pub interests_intro: String,
    pub interest_score: String,
    pub riasec_r: String,
    pub riasec_i: String,
    pub riasec_a: String,
    pub riasec_s: String,
    pub riasec_e: String,
    pub riasec_c: String,
    pub career_faqs: String,
    pub career_related: String,
    pub career_revision: String,
    pub error_not_found_title: String,
    pub error_not_found_body: String,
    pub error_bad_request_title: String,
    pub error_bad_request_body: String,
    pub error_unavailable_title: String,
    pub error_unavailable_body: String,
    pub error_internal_title: String,
    pub error_internal_body: String,
    pub error_go_home: String,
    pub error_request_id: String,
    pub api_docs_title: String,
    pub api_docs_intro: String,
    pub api_docs_parameters: String,
    pub api_docs_responses: String,
    pub api_docs_name: String,
    pub api_docs_in: String,
    pub api_docs_required: String,
    pub api_docs_description: String,
    pub api_docs_yes: String,
    pub api_docs_no: String,
    /// Display names of the streams, by key.
    pub streams: BTreeMap<String, String>,
}

impl Messages {
    /// The English catalog compiled into the binary.
    ///
    /// # Errors
    /// A message naming the missing, unknown or malformed key.
    pub fn english() -> Result<Self, String> {
        Self::parse(include_str!("../locales/en.toml"))
    }

    /// Parses a catalog and checks that every stream has a name.
    ///
    /// # Errors
    /// A message naming the missing, unknown or malformed key.
    pub fn parse(text: &str) -> Result<Self, String> {
        let m: Messages =
            toml::from_str(text).map_err(|e| format!("message catalog: {}", e.message()))?;
        if let Some(s) = Stream::ALL
            .iter()
            .find(|s| !m.streams.contains_key(s.key()))
        {
            return Err(format!("message catalog: streams.{} is missing", s.key()));
        }
        Ok(m)
    }

    /// A stream's display name.
    #[must_use]
    pub fn stream(&self, s: Stream) -> &str {
        self.streams.get(s.key()).map_or(s.key(), String::as_str)
    }

    /// The description of an education level.
    #[must_use]
    pub fn level(&self, l: EducationLevel) -> &str {
        match l.get() {
            1 => &self.level_1,
            2 => &self.level_2,
            3 => &self.level_3,
            4 => &self.level_4,
            _ => &self.level_5,
        }
    }

    /// "Level 4 of 5".
    #[must_use]
    pub fn level_short(&self, l: EducationLevel) -> String {
        fill(&self.level_short, &[("level", &l.get())])
    }

    /// The label of a salary basis.
    #[must_use]
    pub fn basis(&self, b: SalaryBasis) -> &str {
        match b {
            SalaryBasis::Ctc => &self.basis_ctc,
            SalaryBasis::InHand => &self.basis_in_hand,
        }
    }

    /// "1 career" or "12 careers".
    #[must_use]
    pub fn stream_count(&self, n: u64) -> String {
        if n == 1 {
            self.stream_count_one.clone()
        } else {
            fill(&self.stream_count, &[("count", &n)])
        }
    }

    /// The name of a RIASEC letter.
    #[must_use]
    pub fn riasec(&self, letter: char) -> &str {
        match letter {
            'R' => &self.riasec_r,
            'I' => &self.riasec_i,
            'A' => &self.riasec_a,
            'S' => &self.riasec_s,
            'E' => &self.riasec_e,
            _ => &self.riasec_c,
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_catalog_is_complete() {
        let m = Messages::english().expect("valid catalog");
        assert_eq!(m.lang, "en");
        for s in Stream::ALL {
            assert_ne!(m.stream(s), s.key(), "{} needs a display name", s.key());
        }
    }

    #[test]
    fn a_missing_key_is_named() {
        let text = include_str!("../locales/en.toml").replace("nav_home = ", "nav_hom = ");
        let err = Messages::parse(&text).expect_err("must fail");
        assert!(err.contains("nav_hom"), "{err}");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} of {b}, {a}", &[("a", &1), ("b", &"x")]),
            "1 of x, 1"
        );
    }
}
