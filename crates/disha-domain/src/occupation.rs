//! US occupations from O*NET and their US wages from BLS: shown as career pages beside the curated Indian
//! profiles, always labelled as US data.

use crate::{EducationLevel, JobZone, Problem, Slug, Stream};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The attribution O*NET's licence (CC BY 4.0) asks for wherever its data is shown.
pub const ONET_ATTRIBUTION: &str = "This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.";

/// An O*NET-SOC occupation code: `15-1252.00`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, example = "15-1252.00", pattern = "^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$")]
pub struct OnetCode(String);

impl OnetCode {
    /// Parses `NN-NNNN.NN`.
    ///
    /// # Errors
    /// A format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let b = raw.as_bytes();
        let ok = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| match i {
                2 => *c == b'-',
                7 => *c == b'.',
                _ => c.is_ascii_digit(),
            });
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Problem::format("an O*NET-SOC code such as 15-1252.00"))
        }
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SOC code it belongs to (`15-1252`), which joins it to the BLS wage tables.
    #[must_use]
    pub fn soc(&self) -> &str {
        self.0.get(..7).unwrap_or(&self.0)
    }

    /// The career field a student would look for this occupation under, from its SOC group.
    #[must_use]
    pub fn field(&self) -> Stream {
        field_for_soc(self.soc())
    }
}

impl<'de> Deserialize<'de> for OnetCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        OnetCode::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for OnetCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// SOC code prefixes and the field each belongs to; the longest matching prefix wins, so the exceptions
/// inside a major group (computer managers among managers, athletes among performers) sit beside the group.
const FIELDS_BY_SOC: &[(&str, Stream)] = &[
    ("11-", Stream::CommerceFinance),
    ("11-3021", Stream::EngineeringTechnology),
    ("11-901", Stream::AgricultureEnvironment),
    ("11-903", Stream::Education),
    ("11-904", Stream::EngineeringTechnology),
    ("11-905", Stream::HospitalityTourism),
    ("11-9081", Stream::HospitalityTourism),
    ("11-9111", Stream::MedicineHealth),
    ("11-912", Stream::ScienceResearch),
    ("13-", Stream::CommerceFinance),
    ("15-", Stream::EngineeringTechnology),
    ("15-2", Stream::ScienceResearch),
    ("17-", Stream::EngineeringTechnology),
    ("17-101", Stream::Design),
    ("19-", Stream::ScienceResearch),
    ("19-3", Stream::ArtsHumanities),
    ("19-5", Stream::MedicineHealth),
    ("21-", Stream::ArtsHumanities),
    ("21-1012", Stream::Education),
    ("23-", Stream::Law),
    ("25-", Stream::Education),
    ("27-1", Stream::ArtsHumanities),
    ("27-102", Stream::Design),
    ("27-2", Stream::ArtsHumanities),
    ("27-201", Stream::MediaCommunication),
    ("27-202", Stream::Sports),
    ("27-3", Stream::MediaCommunication),
    ("27-4", Stream::MediaCommunication),
    ("29-", Stream::MedicineHealth),
    ("31-", Stream::MedicineHealth),
    ("33-", Stream::GovernmentDefence),
    ("35-", Stream::HospitalityTourism),
    ("37-", Stream::SkilledTrades),
    ("37-3", Stream::AgricultureEnvironment),
    ("39-", Stream::HospitalityTourism),
    ("39-9011", Stream::Education),
    ("39-9031", Stream::Sports),
    ("41-", Stream::CommerceFinance),
    ("43-", Stream::CommerceFinance),
    ("45-", Stream::AgricultureEnvironment),
    ("47-", Stream::SkilledTrades),
    ("49-", Stream::SkilledTrades),
    ("51-", Stream::SkilledTrades),
    ("53-", Stream::SkilledTrades),
    ("55-", Stream::GovernmentDefence),
];

fn field_for_soc(soc: &str) -> Stream {
    FIELDS_BY_SOC
        .iter()
        .filter(|(prefix, _)| soc.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map_or(Stream::CommerceFinance, |(_, s)| *s)
}

/// O*NET's "Required Level of Education" categories (scale RL, 1–12), as US respondents answered.
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
    strum::FromRepr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[repr(u8)]
#[expect(missing_docs, reason = "each variant is named for O*NET's category")]
pub enum UsEducation {
    LessThanHighSchool = 1,
    HighSchool = 2,
    PostSecondaryCertificate = 3,
    SomeCollege = 4,
    Associates = 5,
    Bachelors = 6,
    PostBaccalaureateCertificate = 7,
    Masters = 8,
    PostMastersCertificate = 9,
    FirstProfessional = 10,
    Doctoral = 11,
    PostDoctoral = 12,
}

impl UsEducation {
    /// The category for O*NET's number.
    #[must_use]
    pub fn from_category(n: u8) -> Option<Self> {
        Self::from_repr(n)
    }

    /// The stable key, also the message id's suffix.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The Indian level nearest in length of study, so that US occupations can share the level filter.
    /// Pages say it comes from US answers.
    #[must_use]
    pub fn nearest_indian_level(self) -> EducationLevel {
        match self {
            Self::LessThanHighSchool => EducationLevel::After10,
            Self::HighSchool
            | Self::PostSecondaryCertificate
            | Self::SomeCollege
            | Self::Associates => EducationLevel::After12,
            Self::Bachelors | Self::PostBaccalaureateCertificate => EducationLevel::Bachelors,
            Self::Masters | Self::PostMastersCertificate => EducationLevel::Masters,
            Self::FirstProfessional => EducationLevel::Professional,
            Self::Doctoral | Self::PostDoctoral => EducationLevel::Doctorate,
        }
    }
}

/// How many US workers in an occupation hold a level of education.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EducationShare {
    /// The level.
    pub level: UsEducation,
    /// Per cent of respondents.
    pub percent: f64,
}

/// Interest scores on O*NET's 1–7 "OI" scale for the six Holland (RIASEC) areas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[expect(missing_docs, reason = "the six Holland areas")]
pub struct InterestScores {
    pub realistic: f64,
    pub investigative: f64,
    pub artistic: f64,
    pub social: f64,
    pub enterprising: f64,
    pub conventional: f64,
}

impl InterestScores {
    /// The scores in R, I, A, S, E, C order with their letters.
    #[must_use]
    pub fn scores(&self) -> [(char, f64); 6] {
        [
            ('R', self.realistic),
            ('I', self.investigative),
            ('A', self.artistic),
            ('S', self.social),
            ('E', self.enterprising),
            ('C', self.conventional),
        ]
    }
}

/// A software or tool workers in the occupation use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Technology {
    /// The product or tool (`Python`).
    pub name: String,
    /// Its kind (`Object or component oriented development software`).
    pub kind: String,
    /// O*NET marks it as frequently asked for in US job postings.
    pub in_demand: bool,
}

/// One O*NET occupation as imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Occupation {
    /// Its O*NET-SOC code.
    pub code: OnetCode,
    /// O*NET's title (`Software Developers`).
    pub title: String,
    /// O*NET's description.
    pub description: String,
    /// Interest scores, when O*NET has them for this occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interests: Option<InterestScores>,
    /// Up to three Holland letters in O*NET's order of importance (`IRC`); empty when O*NET gives none.
    #[serde(default)]
    pub high_point: String,
    /// O*NET's Job Zone (US preparation, 1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<JobZone>,
    /// What workers do, core tasks first, in O*NET's order.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Other titles the same job goes by.
    #[serde(default)]
    pub alternate_titles: Vec<String>,
    /// Related occupations, closest first.
    #[serde(default)]
    pub related: Vec<OnetCode>,
    /// Software and tools, the in-demand ones first.
    #[serde(default)]
    pub technology: Vec<Technology>,
    /// The education US workers in it report, most common first.
    #[serde(default)]
    pub education: Vec<EducationShare>,
}

impl Occupation {
    /// The career field it is listed under.
    #[must_use]
    pub fn field(&self) -> Stream {
        self.code.field()
    }

    /// The Indian level nearest to the education most US workers report; when O*NET has no answers, the
    /// Job Zone's usual level.
    #[must_use]
    pub fn education_level(&self) -> EducationLevel {
        if let Some(top) = self.education.first() {
            return top.level.nearest_indian_level();
        }
        match self.job_zone.map(JobZone::get) {
            Some(1) => EducationLevel::After10,
            Some(2 | 3) | None => EducationLevel::After12,
            Some(4) => EducationLevel::Bachelors,
            Some(_) => EducationLevel::Masters,
        }
    }

    /// The description's first sentence, for lists.
    #[must_use]
    pub fn summary(&self) -> String {
        let d = self.description.trim();
        match d.find(". ") {
            Some(i) => d.get(..=i).unwrap_or(d).to_owned(),
            None => d.to_owned(),
        }
    }

    /// Tools grouped by kind, the kinds with the most tools first (then by name), in-demand tools first
    /// within a kind.
    #[must_use]
    pub fn technology_by_kind(&self) -> Vec<(&str, Vec<&Technology>)> {
        let mut kinds: Vec<(&str, Vec<&Technology>)> = Vec::new();
        for t in &self.technology {
            match kinds.iter_mut().find(|(k, _)| *k == t.kind) {
                Some((_, list)) => list.push(t),
                None => kinds.push((&t.kind, vec![t])),
            }
        }
        for (_, list) in &mut kinds {
            list.sort_by_key(|t| !t.in_demand);
        }
        kinds.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        kinds
    }

    /// The slug a new occupation page gets (taken slugs get `-2`, `-3` … in the store).
    #[must_use]
    pub fn wanted_slug(&self) -> Slug {
        crate::name_slug(&self.title)
    }
}

/// A US annual wage, or a note that BLS did not publish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "usd")]
pub enum UsWage {
    /// US dollars a year.
    Annual(u32),
    /// At or above BLS's top figure ($239,200 a year in May 2023): shown as "more than".
    AtLeast(u32),
    /// Not published (too few responses, or paid by the hour only).
    Withheld,
}

/// US wages for one SOC occupation from BLS OEWS, national, cross-industry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UsWages {
    /// The SOC code (`15-1252`).
    pub soc: String,
    /// BLS's title for it.
    pub title: String,
    /// When the survey was taken (`May 2023`).
    pub period: String,
    /// People employed, rounded by BLS, when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<u64>,
    /// The 10th percentile of annual wages.
    pub p10: UsWage,
    /// The 25th percentile.
    pub p25: UsWage,
    /// The median.
    pub median: UsWage,
    /// The 75th percentile.
    pub p75: UsWage,
    /// The 90th percentile.
    pub p90: UsWage,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_and_joined_to_soc() {
        let c = OnetCode::parse("15-1252.00").expect("valid");
        assert_eq!(c.soc(), "15-1252");
        for bad in ["15-1252", "151252.00", "15-1252.0a", "15_1252.00", ""] {
            assert!(OnetCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn fields_follow_the_most_specific_soc_prefix() {
        let f = |code: &str| OnetCode::parse(code).expect("valid").field();
        assert_eq!(f("11-1011.00"), Stream::CommerceFinance);
        assert_eq!(f("11-3021.00"), Stream::EngineeringTechnology);
        assert_eq!(f("15-1252.00"), Stream::EngineeringTechnology);
        assert_eq!(f("15-2041.00"), Stream::ScienceResearch);
        assert_eq!(f("27-2022.00"), Stream::Sports);
        assert_eq!(f("27-1024.00"), Stream::Design);
        assert_eq!(f("29-1141.00"), Stream::MedicineHealth);
        assert_eq!(f("53-3032.00"), Stream::SkilledTrades);
        assert_eq!(f("55-1011.00"), Stream::GovernmentDefence);
    }

    #[test]
    fn the_level_comes_from_the_most_common_us_answer() {
        let mut o = Occupation {
            code: OnetCode::parse("29-1141.00").expect("valid"),
            title: "Registered Nurses".into(),
            description: "Assess patient health problems. Administer nursing care.".into(),
            interests: None,
            high_point: String::new(),
            job_zone: JobZone::new(3).ok(),
            tasks: vec![],
            alternate_titles: vec![],
            related: vec![],
            technology: vec![],
            education: vec![],
        };
        assert_eq!(o.education_level(), EducationLevel::After12);
        o.education = vec![EducationShare {
            level: UsEducation::Bachelors,
            percent: 61.0,
        }];
        assert_eq!(o.education_level(), EducationLevel::Bachelors);
        assert_eq!(o.summary(), "Assess patient health problems.");
        assert_eq!(o.wanted_slug().as_str(), "registered-nurses");
    }

    #[test]
    fn tools_group_by_kind_largest_first_in_demand_first() {
        let tool = |name: &str, kind: &str, in_demand| Technology {
            name: name.into(),
            kind: kind.into(),
            in_demand,
        };
        let o = Occupation {
            code: OnetCode::parse("15-1252.00").expect("valid"),
            title: "Software Developers".into(),
            description: String::new(),
            interests: None,
            high_point: String::new(),
            job_zone: None,
            tasks: vec![],
            alternate_titles: vec![],
            related: vec![],
            technology: vec![
                tool("Adobe Acrobat", "Document software", true),
                tool("Ada", "Programming languages", false),
                tool("Python", "Programming languages", true),
            ],
            education: vec![],
        };
        let got: Vec<(&str, Vec<&str>)> = o
            .technology_by_kind()
            .into_iter()
            .map(|(k, l)| (k, l.into_iter().map(|t| t.name.as_str()).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("Programming languages", vec!["Python", "Ada"]),
                ("Document software", vec!["Adobe Acrobat"])
            ]
        );
    }
}
