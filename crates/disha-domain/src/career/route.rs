//! The facts a family looks for first: which class-11 streams lead to a career, the shortest Indian route to a
//! first job and how long it takes, the main entrance exams, what the usual route costs in all, what the first
//! job pays, and the other routes as branches.

use crate::{AsOf, CheckedOn, SalaryBasis, SourceUrl};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A choice after class 10, as families in India mean "stream".
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
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SchoolStream {
    /// Science with Physics, Chemistry and Mathematics.
    Pcm,
    /// Science with Physics, Chemistry and Biology.
    Pcb,
    /// Commerce.
    Commerce,
    /// Humanities (arts).
    Humanities,
    /// An ITI or polytechnic diploma after class 10.
    Vocational,
}

impl SchoolStream {
    /// The key used in URLs and files (`pcm`, `pcb`, …).
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// One class-11 stream that leads to the career, with a note where it matters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StreamFit {
    /// The stream.
    pub stream: SchoolStream,
    /// Empty, or one line such as "Commerce with Mathematics".
    #[serde(default)]
    pub note: String,
}

/// The shortest usual Indian route to a first job, as a level of education.
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
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum EducationLevel {
    /// An ITI or polytechnic diploma after class 10.
    #[serde(rename = "after-10")]
    #[strum(serialize = "after-10")]
    After10,
    /// A certificate or diploma after class 12.
    #[serde(rename = "after-12")]
    #[strum(serialize = "after-12")]
    After12,
    /// A three- or four-year bachelor's degree.
    Bachelors,
    /// A professional degree or qualification (MBBS, LLB, B.Arch, CA, …).
    Professional,
    /// A master's degree.
    Masters,
    /// A doctorate.
    Doctorate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_keys_read_as_families_write_them() {
        assert_eq!(EducationLevel::After10.key(), "after-10");
        assert_eq!(
            "after-12".parse::<EducationLevel>(),
            Ok(EducationLevel::After12)
        );
        assert_eq!(
            serde_json::to_string(&EducationLevel::After12)
                .ok()
                .as_deref(),
            Some("\"after-12\"")
        );
        assert_eq!(SchoolStream::Pcb.key(), "pcb");
    }
}

impl EducationLevel {
    /// The key used in URLs and files (`after-12`, `bachelors`, …).
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// What the usual route costs in all, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TotalCost {
    /// Lowest total, in rupees.
    pub min_inr: u32,
    /// Highest total, in rupees.
    pub max_inr: u32,
    /// What the range spans.
    pub covers: String,
    /// Who says so.
    pub source: String,
    /// When it was true.
    pub as_of: AsOf,
}

/// What the first job pays, yearly and as an approximate monthly take-home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartingPay {
    /// Lower end, lakh rupees a year.
    pub min_lpa: f64,
    /// Upper end, lakh rupees a year.
    pub max_lpa: f64,
    /// CTC or in-hand.
    pub basis: SalaryBasis,
    /// Approximate take-home a month, lower end, in rupees.
    pub monthly_in_hand_min: u32,
    /// Approximate take-home a month, upper end, in rupees.
    pub monthly_in_hand_max: u32,
    /// Who says so.
    pub source: String,
    /// When it was true.
    pub as_of: AsOf,
    /// True when the figure is an example rather than an official scale or a survey result.
    pub illustrative: bool,
    /// For a government first job: the official pay scale the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government_scale: Option<GovernmentScale>,
}

/// The entry point of an official government pay scale, quoted from the document that sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernmentScale {
    /// The scale and level, as the document names them ("7th CPC pay matrix, Level 10").
    pub name: String,
    /// Basic pay a month at the first cell of that level, in rupees.
    pub basic_monthly_inr: u32,
    /// Who publishes the document and what it is.
    pub source_name: String,
    /// Where to read it.
    pub source_url: SourceUrl,
    /// When an editor last checked it.
    pub checked: CheckedOn,
}

/// One way into the career, shown as a branch beside the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// A short label ("B.Tech", "BCA, then MCA").
    pub name: String,
    /// The stages in order, in plain words.
    pub path: String,
    /// Years after class 12 (after class 10 for a route that starts there).
    pub years: f64,
}
