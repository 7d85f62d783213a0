//! The broad fields a student can choose between. Their display names live in the message catalog.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A field of work, used to group and filter careers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "kebab-case")]
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
}

impl Stream {
    /// Every stream, in the order the home page shows them.
    pub const ALL: [Stream; 13] = [
        Stream::EngineeringTechnology,
        Stream::MedicineHealth,
        Stream::CommerceFinance,
        Stream::ArtsHumanities,
        Stream::Law,
        Stream::Design,
        Stream::ScienceResearch,
        Stream::MediaCommunication,
        Stream::Education,
        Stream::GovernmentDefence,
        Stream::HospitalityTourism,
        Stream::AgricultureEnvironment,
        Stream::Sports,
    ];

    /// The stable key used in URLs, files and storage.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Stream::EngineeringTechnology => "engineering-technology",
            Stream::MedicineHealth => "medicine-health",
            Stream::CommerceFinance => "commerce-finance",
            Stream::ArtsHumanities => "arts-humanities",
            Stream::Law => "law",
            Stream::Design => "design",
            Stream::ScienceResearch => "science-research",
            Stream::MediaCommunication => "media-communication",
            Stream::Education => "education",
            Stream::GovernmentDefence => "government-defence",
            Stream::HospitalityTourism => "hospitality-tourism",
            Stream::AgricultureEnvironment => "agriculture-environment",
            Stream::Sports => "sports",
        }
    }

    /// Looks a stream up by its key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::Stream;

    #[test]
    fn every_key_round_trips_and_matches_serde() {
        for s in Stream::ALL {
            assert_eq!(Stream::from_key(s.key()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).ok(),
                Some(format!("\"{}\"", s.key()))
            );
        }
        assert_eq!(Stream::from_key("cooking"), None);
    }
}
