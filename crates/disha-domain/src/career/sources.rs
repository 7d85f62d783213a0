//! Where the facts a family acts on come from: official sources, seats with conditions, and what is still
//! being confirmed.

use crate::Problem;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use time::Date;
use time::macros::format_description;
use utoipa::ToSchema;

/// What an official source vouches for.
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
    Deserialize,
    ToSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SourceTopic {
    /// Who conducts the entrance exams and how.
    Exams,
    /// Who may apply: subjects, marks, age.
    Eligibility,
    /// The body that recognises the course or licenses the profession.
    Regulator,
}

/// An official page's address: `https://` (or `http://` where the body has no secure site), no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, format = "uri", example = "https://neet.nta.nic.in/")]
pub struct SourceUrl(String);

impl SourceUrl {
    /// Accepts an absolute `http` or `https` URL with a host, at most 300 characters.
    ///
    /// # Errors
    /// A format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let bad = || Problem::format("an https:// (or http://) address with a host and no spaces");
        let rest = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
            .ok_or_else(bad)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let ok = raw.chars().count() <= 300
            && host.contains('.')
            && !raw
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(bad())
        }
    }

    /// The address as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for SourceUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        SourceUrl::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// The day an editor last checked a source, as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ToSchema)]
#[schema(value_type = String, format = Date, example = "2026-11-28")]
pub struct CheckedOn(Date);

impl CheckedOn {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// A format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        Date::parse(raw, format_description!("[year]-[month]-[day]"))
            .ok()
            .map(Self)
            .ok_or_else(|| Problem::format("a date, YYYY-MM-DD"))
    }

    /// The date.
    #[must_use]
    pub const fn date(self) -> Date {
        self.0
    }
}

impl fmt::Display for CheckedOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.0.year(), u8::from(self.0.month()), self.0.day());
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for CheckedOn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CheckedOn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CheckedOn::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An official source for a profile's exams, eligibility or regulator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who publishes it and what it is.
    pub name: String,
    /// Where to read it.
    pub url: SourceUrl,
    /// What it vouches for.
    pub covers: Vec<SourceTopic>,
    /// When an editor last checked it.
    pub checked: CheckedOn,
}

/// What a seat restriction depends on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SeatBasis {
    /// Open to one gender only, or seats set aside for one.
    Gender,
    /// Seats kept for residents of a state.
    Domicile,
    /// Seats reserved by social category.
    Category,
}

/// Seats on a route into the career that not everyone may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RestrictedSeats {
    /// Gender, domicile or category.
    pub basis: SeatBasis,
    /// The course, college or scheme.
    pub applies_to: String,
    /// The condition, in one plain sentence.
    pub rule: String,
    /// The official page that states it.
    pub source: SourceUrl,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_urls_must_be_absolute_web_addresses() {
        assert!(SourceUrl::parse("https://neet.nta.nic.in/").is_ok());
        assert!(SourceUrl::parse("http://www.bci.org.in/x?y=1").is_ok());
        for bad in [
            "neet.nta.nic.in",
            "javascript:alert(1)",
            "https://",
            "https://localhost/",
            "https://a.in/x y",
            "ftp://a.in/",
        ] {
            assert!(SourceUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn checked_dates_are_full_dates() {
        assert_eq!(
            CheckedOn::parse("2026-11-28").map(|d| d.to_string()),
            Ok("2026-11-28".to_owned())
        );
        assert!(CheckedOn::parse("2026-11").is_err());
        assert!(CheckedOn::parse("2026-02-30").is_err());
    }
}
