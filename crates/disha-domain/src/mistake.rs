//! A reader's report of a mistake in a career profile: which part, what is wrong, and where the right fact
//! is published. Reports go to the editors only; nothing in them is ever shown publicly.

use crate::{FieldErrors, Problem, Slug, SourceUrl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The part of a profile a report is about.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ProfileSection {
    /// The facts at the top: streams, exams, route, cost, starting pay.
    AtAGlance,
    /// The overview text.
    Overview,
    /// The ways in.
    Routes,
    /// The numbered steps.
    Steps,
    /// Courses and fees.
    Courses,
    /// Seats with conditions.
    Seats,
    /// Well-known colleges.
    Colleges,
    /// Jobs and salaries.
    Jobs,
    /// The questions and answers.
    Faqs,
    /// The official sources.
    Sources,
    /// Anything else.
    Other,
}

impl ProfileSection {
    /// The key used in forms and the API.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Drops spaces at either end, where a space is what `\s` means in the JSON Schema patterns the API publishes
/// (ECMA-262 white space and line terminators). Rust's `trim` also drops U+0085, which those patterns count
/// as a character, so a message the schema allows could otherwise come up one character short here.
#[must_use]
pub fn trim_spaces(s: &str) -> &str {
    s.trim_matches(|c: char| {
        matches!(
            c,
            '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202f}'
                    | '\u{205f}'
                    | '\u{3000}'
                    | '\u{feff}'
        )
    })
}

/// Longest report text accepted: room for a paragraph and a quotation, not for an essay.
pub const MAX_REPORT_CHARS: usize = 2000;

/// A report as it arrives: every value untrusted text.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RawMistakeReport {
    /// Which part of the profile: a section key.
    #[schema(value_type = ProfileSection, required = true)]
    pub section: Option<String>,
    /// What is wrong, in the reader's words: 10–2,000 characters once spaces at either end are dropped.
    #[schema(value_type = String, required = true, min_length = 10, max_length = 2000, pattern = r"^\s*\S[\s\S]{8,}\S\s*$")]
    pub message: Option<String>,
    /// Where the correct fact is published, if the reader knows: an http(s) address with a host, at most
    /// 300 characters. Blank means none.
    #[schema(
        max_length = 300,
        pattern = r#"^\s*(https?://[^/?#\s"<\x00-\x1f\x7f-\x9f]*\.[^\s"<\x00-\x1f\x7f-\x9f]*)?\s*$"#
    )]
    pub evidence_url: Option<String>,
}

/// A checked report about one career.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MistakeReport {
    /// The career it is about.
    pub career: Slug,
    /// Which part.
    pub section: ProfileSection,
    /// What is wrong, trimmed.
    pub message: String,
    /// Where the correct fact is published.
    pub evidence_url: Option<SourceUrl>,
}

impl MistakeReport {
    /// Checks every field and reports every bad one by name.
    ///
    /// # Errors
    /// The fields that could not be accepted.
    pub fn parse(career: Slug, raw: &RawMistakeReport) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let section = match raw.section.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s.parse::<ProfileSection>().ok(),
            _ => None,
        };
        if section.is_none() {
            e.at("section", Problem::one_of_variants::<ProfileSection>());
        }
        let sent = raw.message.as_deref().unwrap_or_default();
        let message = trim_spaces(sent).to_owned();
        // The longest is judged on what was sent, as the published schema states; the shortest on the text
        // itself, so spaces cannot pad out a message.
        let n = message.chars().count();
        let sent_n = sent.chars().count();
        if n < 10 || sent_n > MAX_REPORT_CHARS {
            e.at(
                "message",
                Problem::length(10, MAX_REPORT_CHARS, n.max(sent_n)),
            );
        }
        let evidence_url = match raw.evidence_url.as_deref().map(trim_spaces) {
            Some(u) if !u.is_empty() => match SourceUrl::parse(u) {
                Ok(u) => Some(u),
                Err(p) => {
                    e.at("evidence_url", p);
                    None
                }
            },
            _ => None,
        };
        match section {
            Some(section) if e.is_empty() => Ok(Self {
                career,
                section,
                message,
                evidence_url,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug() -> Slug {
        Slug::parse("nurse").expect("slug")
    }

    fn raw(section: &str, message: &str, url: &str) -> RawMistakeReport {
        RawMistakeReport {
            section: Some(section.into()),
            message: Some(message.into()),
            evidence_url: Some(url.into()),
        }
    }

    #[test]
    fn a_sound_report_keeps_its_text_trimmed_and_its_link() {
        let r = MistakeReport::parse(
            slug(),
            &raw(
                "courses",
                "  The GNM fee is now higher.  ",
                "https://inc.gov.in/fees",
            ),
        )
        .expect("valid");
        assert_eq!(r.section, ProfileSection::Courses);
        assert_eq!(r.message, "The GNM fee is now higher.");
        assert_eq!(
            r.evidence_url.map(|u| u.as_str().to_owned()).as_deref(),
            Some("https://inc.gov.in/fees")
        );
        let r = MistakeReport::parse(slug(), &raw("other", "Something else is wrong.", " "))
            .expect("valid");
        assert_eq!(r.evidence_url, None, "a blank link is no link");
    }

    #[test]
    fn spaces_are_what_the_published_schema_calls_spaces() {
        // Ten characters once the tab and vertical tab at the end are dropped; U+0085 is not a space there.
        let r = MistakeReport::parse(
            slug(),
            &raw(
                "seats",
                ",\u{ca}0\u{0f}\u{f8}qR\u{d5}\u{dd}\u{85}\t\u{0b}",
                "",
            ),
        );
        assert_eq!(r.map(|r| r.message.chars().count()), Ok(10));
    }

    #[test]
    fn the_longest_message_is_counted_as_sent_spaces_included() {
        let at_limit = format!("\n\u{0b}{}", "x".repeat(MAX_REPORT_CHARS - 2));
        assert!(MistakeReport::parse(slug(), &raw("seats", &at_limit, "")).is_ok());
        let over = format!("\n\u{0b}{}", "x".repeat(MAX_REPORT_CHARS - 1));
        let errs =
            MistakeReport::parse(slug(), &raw("seats", &over, "")).expect_err("too long as sent");
        assert_eq!(errs.0[0].field, "message");
    }

    #[test]
    fn every_bad_field_is_named() {
        let errs = MistakeReport::parse(slug(), &raw("header", "short", "javascript:alert(1)"))
            .expect_err("all bad");
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["section", "message", "evidence_url"]);
        let errs = MistakeReport::parse(slug(), &RawMistakeReport::default()).expect_err("empty");
        assert_eq!(errs.0.len(), 2, "section and message are required: {errs}");
    }
}
