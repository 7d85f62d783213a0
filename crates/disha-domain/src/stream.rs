//! The broad fields a student can choose between. Their display names live in the message catalog.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

// The kebab-case key (`engineering-technology`) is used in URLs, files, storage and JSON alike, derived once
// from the variant name by serde and strum.
/// A field of work, used to group and filter careers.
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
#[expect(missing_docs, reason = "each variant is named for its field")]
pub enum Stream {
    EngineeringTechnology,
    MedicineHealth,
    CommerceFinance,
    ArtsHumanities,
    Law,
    Design,
    ScienceResearch,
    MediaCommunication,
    Education,
    GovernmentDefence,
    HospitalityTourism,
    AgricultureEnvironment,
    Sports,
    SkilledTrades,
}

impl Stream {
    /// Every stream, in the order the home page shows them (declaration order).
    pub const ALL: &'static [Stream] = <Stream as strum::VariantArray>::VARIANTS;

    /// The stable key used in URLs, files and storage.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// Looks a stream up by its key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Stream;

    #[test]
    fn every_key_round_trips_and_matches_serde() {
        for &s in Stream::ALL {
            assert_eq!(Stream::from_key(s.key()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).ok(),
                Some(format!("\"{}\"", s.key()))
            );
        }
        assert_eq!(Stream::from_key("cooking"), None);
    }
}
