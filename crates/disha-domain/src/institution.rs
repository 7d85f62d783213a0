//! Institutions and the programmes they run: AICTE's list of approved institutions, normalised, and the
//! curated catalog of the institutes AICTE does not approve.

use crate::Slug;

/// How an institution is run or what family it belongs to. AICTE's own types come first; the curated
/// catalog's families after.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::AsRefStr,
    strum::EnumIter,
    strum::VariantArray,
    serde::Serialize,
    utoipa::ToSchema,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum InstitutionKind {
    /// Run by a state or the central government.
    Government,
    /// Private, with a government grant.
    GovernmentAided,
    /// Private and self-financing.
    PrivateSelfFinancing,
    /// A university of a state government.
    StateUniversity,
    /// A private university set up by a state law.
    PrivateUniversity,
    /// Deemed to be a university, run by government.
    DeemedUniversityGovernment,
    /// Deemed to be a university, private.
    DeemedUniversityPrivate,
    /// A central university.
    CentralUniversity,
    /// An Indian Institute of Technology.
    Iit,
    /// A National Institute of Technology.
    Nit,
    /// An Indian Institute of Information Technology.
    Iiit,
    /// An Indian Institute of Science Education and Research.
    Iiser,
    /// An All India Institute of Medical Sciences.
    Aiims,
    /// A National Institute of Design.
    Nid,
    /// A campus of the National Institute of Fashion Technology.
    Nift,
    /// A National Law University.
    Nlu,
    /// An Indian Institute of Management.
    Iim,
    /// Deemed to be a university (the catalog does not say who runs it).
    DeemedUniversity,
    /// Another Institute of National Importance.
    InstituteOfNationalImportance,
    /// A medical, dental or nursing college.
    MedicalCollege,
    /// A college affiliated to a university.
    College,
    /// A research institute that also teaches.
    ResearchInstitute,
    /// A professional body whose exams lead to membership (ICAI, ICSI).
    ProfessionalBody,
    /// A defence or civil-service training academy.
    TrainingAcademy,
}

impl InstitutionKind {
    /// AICTE's name for its type of institution.
    #[must_use]
    pub fn from_aicte(raw: &str) -> Option<Self> {
        Some(match raw.trim() {
            "Government" => Self::Government,
            "Govt aided" => Self::GovernmentAided,
            "Private-Self Financing" => Self::PrivateSelfFinancing,
            "State Government University" => Self::StateUniversity,
            "State Private University" => Self::PrivateUniversity,
            "Deemed to be University(Govt)" => Self::DeemedUniversityGovernment,
            "Deemed to be University(Pvt)" => Self::DeemedUniversityPrivate,
            "Central University" => Self::CentralUniversity,
            _ => return None,
        })
    }

    /// The kind in plain words.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Government => "Government",
            Self::GovernmentAided => "Government-aided",
            Self::PrivateSelfFinancing => "Private (self-financing)",
            Self::StateUniversity => "State university",
            Self::PrivateUniversity => "Private university",
            Self::DeemedUniversityGovernment => "Deemed university (government)",
            Self::DeemedUniversityPrivate => "Deemed university (private)",
            Self::CentralUniversity => "Central university",
            Self::Iit => "IIT",
            Self::Nit => "NIT",
            Self::Iiit => "IIIT",
            Self::Iiser => "IISER",
            Self::Aiims => "AIIMS",
            Self::Nid => "NID",
            Self::Nift => "NIFT",
            Self::Nlu => "National Law University",
            Self::Iim => "IIM",
            Self::DeemedUniversity => "Deemed university",
            Self::InstituteOfNationalImportance => "Institute of National Importance",
            Self::MedicalCollege => "Medical college",
            Self::College => "College",
            Self::ResearchInstitute => "Research institute",
            Self::ProfessionalBody => "Professional body",
            Self::TrainingAcademy => "Training academy",
        }
    }
}

/// The level of a programme.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::AsRefStr,
    strum::EnumIter,
    strum::VariantArray,
    serde::Serialize,
    utoipa::ToSchema,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum ProgrammeLevel {
    /// A diploma after class 10 (polytechnic).
    Diploma,
    /// A diploma after a diploma.
    PostDiploma,
    /// An undergraduate degree.
    Ug,
    /// An integrated or dual degree.
    Integrated,
    /// A postgraduate degree.
    Pg,
    /// A postgraduate diploma (PGDM and the like).
    PgDiploma,
    /// A postgraduate certificate.
    PgCertificate,
    /// A fellowship (doctoral level).
    Fellowship,
}

impl ProgrammeLevel {
    /// AICTE's name for a level.
    #[must_use]
    pub fn from_aicte(raw: &str) -> Option<Self> {
        Some(match raw.trim().to_ascii_uppercase().as_str() {
            "DIPLOMA" => Self::Diploma,
            "POST DIPLOMA" => Self::PostDiploma,
            "UNDER GRADUATE" | "UG" | "BACHELOR OF VOCATION (B. VOC)" => Self::Ug,
            "INTEGRATED" | "DUALDEGREE" => Self::Integrated,
            "POST GRADUATE" => Self::Pg,
            "POST GRADUATE DIPLOMA" => Self::PgDiploma,
            "POST GRADUATE CERTIFICATE" => Self::PgCertificate,
            "FELLOWSHIP" => Self::Fellowship,
            _ => return None,
        })
    }

    /// The level in plain words.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Diploma => "Diploma",
            Self::PostDiploma => "Post-diploma",
            Self::Ug => "Undergraduate",
            Self::Integrated => "Integrated",
            Self::Pg => "Postgraduate",
            Self::PgDiploma => "Postgraduate diploma",
            Self::PgCertificate => "Postgraduate certificate",
            Self::Fellowship => "Fellowship",
        }
    }
}

/// A programme an institution runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Programme {
    /// Its level.
    pub level: ProgrammeLevel,
    /// The field, e.g. "Engineering and Technology".
    pub discipline: String,
    /// The course, e.g. "Computer Science and Engineering".
    pub course: String,
    /// "1st Shift", "2nd Shift", or empty.
    pub shift: String,
    /// "Full Time", "Part Time", or empty.
    pub mode: String,
    /// Seats a year, when known.
    pub intake: Option<u32>,
}

/// Where an institution's record comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstitutionSource {
    /// AICTE's list, by its permanent id.
    Aicte(String),
    /// The curated catalog.
    Catalog,
}

/// An institution with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Institution {
    /// Its address on the site.
    pub slug: Slug,
    /// Its name, in normal capitalisation.
    pub name: String,
    /// How it is run, or its family.
    pub kind: InstitutionKind,
    /// Postal address, possibly empty.
    pub address: String,
    /// District, possibly empty.
    pub district: String,
    /// State or union territory, one of [`STATES`].
    pub state: &'static str,
    /// The university it is affiliated to, possibly empty.
    pub university: String,
    /// Admits women only.
    pub women_only: bool,
    /// A minority institution.
    pub minority: bool,
    /// Where the record comes from.
    pub source: InstitutionSource,
    /// Its programmes, grouped by level then course.
    pub programmes: Vec<Programme>,
}

impl Institution {
    /// Seats a year across all programmes whose intake is known.
    #[must_use]
    pub fn total_intake(&self) -> u64 {
        self.programmes
            .iter()
            .filter_map(|p| p.intake)
            .map(u64::from)
            .sum()
    }
}

/// India's states and union territories, by the names the site shows.
pub const STATES: [&str; 36] = [
    "Andhra Pradesh",
    "Arunachal Pradesh",
    "Assam",
    "Bihar",
    "Chhattisgarh",
    "Goa",
    "Gujarat",
    "Haryana",
    "Himachal Pradesh",
    "Jharkhand",
    "Karnataka",
    "Kerala",
    "Madhya Pradesh",
    "Maharashtra",
    "Manipur",
    "Meghalaya",
    "Mizoram",
    "Nagaland",
    "Odisha",
    "Punjab",
    "Rajasthan",
    "Sikkim",
    "Tamil Nadu",
    "Telangana",
    "Tripura",
    "Uttar Pradesh",
    "Uttarakhand",
    "West Bengal",
    "Andaman and Nicobar Islands",
    "Chandigarh",
    "Dadra and Nagar Haveli and Daman and Diu",
    "Delhi",
    "Jammu and Kashmir",
    "Ladakh",
    "Lakshadweep",
    "Puducherry",
];

fn fold(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .map(|w| if w == "&" { "and" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The state or union territory a name means, under its current name: old names and spellings ("Orissa",
/// "Pondicherry", "NCT of Delhi") and the two territories merged in 2020 are mapped to today's.
#[must_use]
pub fn normalise_state(raw: &str) -> Option<&'static str> {
    let key = fold(raw).replace(" and ", " ");
    let key = key.as_str();
    let alias = match key {
        "orissa" => Some("Odisha"),
        "pondicherry" => Some("Puducherry"),
        "nct of delhi" | "new delhi" | "delhi nct" => Some("Delhi"),
        "dadra nagar haveli" | "daman diu" => Some("Dadra and Nagar Haveli and Daman and Diu"),
        "uttaranchal" => Some("Uttarakhand"),
        "andaman nicobar" => Some("Andaman and Nicobar Islands"),
        _ => None,
    };
    alias.or_else(|| {
        STATES
            .iter()
            .copied()
            .find(|s| fold(s).replace(" and ", " ") == key)
    })
}

/// Words kept in lower case inside a name.
const SMALL_WORDS: [&str; 9] = ["of", "and", "for", "the", "in", "at", "to", "on", "by"];

/// A name written in capitals, as AICTE's list has them, in normal capitalisation: "INSTITUTE OF
/// TECHNOLOGY AND SCIENCE" becomes "Institute of Technology and Science". Initials and abbreviations ("R.V.",
/// "KLS", "BMS") stay in capitals; a name already in mixed case is left as it is, apart from spacing.
#[must_use]
pub fn normalise_name(raw: &str) -> String {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let shouting = raw.chars().filter(char::is_ascii_lowercase).count() == 0;
    if !shouting {
        return words.join(" ");
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let letters: String = w.chars().filter(char::is_ascii_alphabetic).collect();
            let has_vowel = letters
                .chars()
                .any(|c| matches!(c.to_ascii_uppercase(), 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'));
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                lower
            } else if TITLES.contains(&lower.as_str()) {
                capitalise_parts(&lower)
            } else if w.ends_with('.')
                && w.matches('.').count() == 1
                && letters.len() >= 3
                && has_vowel
            {
                // An abbreviated word ("GOVT.", "TECH."), not initials.
                capitalise_parts(&lower)
            } else if w.contains('.')
                || (!letters.is_empty() && !has_vowel)
                || is_known_acronym(&letters)
            {
                (*w).to_owned()
            } else {
                capitalise_parts(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Honorifics written with a full stop, which are words, not initials.
const TITLES: [&str; 8] = [
    "dr.", "st.", "smt.", "shri.", "sri.", "prof.", "late.", "mr.",
];

/// Abbreviations with vowels that are still read letter by letter.
fn is_known_acronym(letters: &str) -> bool {
    matches!(
        letters,
        "IIT"
            | "NIT"
            | "IIIT"
            | "IIM"
            | "AICTE"
            | "ITI"
            | "MBA"
            | "MCA"
            | "BCA"
            | "IT"
            | "AI"
            | "ECE"
            | "EEE"
            | "CSE"
            | "SRM"
            | "KIIT"
            | "VIT"
            | "PES"
            | "RNS"
            | "SVS"
            | "GITAM"
            | "AMET"
            | "NIET"
            | "ABES"
            | "IES"
            | "IPS"
            | "DAV"
            | "SIES"
            | "VJTI"
            | "PSG"
            | "KLE"
            | "BIT"
            | "BITS"
            | "GIET"
            | "JSS"
            | "MIT"
            | "NIE"
            | "SDM"
            | "SJB"
            | "RV"
            | "ACS"
            | "AIMS"
            | "IMS"
            | "IILM"
            | "LIET"
            | "MIET"
            | "JIET"
            | "SKIT"
            | "RIET"
            | "ACE"
    )
}

/// "dr.ram-manohar" → "Dr.Ram-Manohar": each part after a hyphen, apostrophe, slash or bracket capitalised.
fn capitalise_parts(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
        }
        if matches!(c, '-' | '/' | '(' | '.' | '&') {
            start = true;
        } else if c.is_alphanumeric() {
            start = false;
        }
    }
    out
}

/// A slug for an institution's name, at most 72 characters, cut at a word.
#[must_use]
pub fn name_slug(name: &str) -> Slug {
    let mut out = String::new();
    for word in name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 72 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.len() < 2 {
        out = "institution".to_owned();
    }
    Slug::from_words(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_merged_state_names_map_to_todays() {
        assert_eq!(normalise_state("Orissa"), Some("Odisha"));
        assert_eq!(normalise_state("odisha"), Some("Odisha"));
        assert_eq!(
            normalise_state("Daman and Diu"),
            Some("Dadra and Nagar Haveli and Daman and Diu")
        );
        assert_eq!(
            normalise_state("Dadra & Nagar Haveli"),
            Some("Dadra and Nagar Haveli and Daman and Diu")
        );
        assert_eq!(
            normalise_state("Jammu & Kashmir"),
            Some("Jammu and Kashmir")
        );
        assert_eq!(normalise_state("TAMIL NADU"), Some("Tamil Nadu"));
        assert_eq!(normalise_state("Atlantis"), None);
    }

    #[test]
    fn capitals_become_a_name_but_initials_and_abbreviations_stay() {
        assert_eq!(
            normalise_name("VERGHESE KURIEN INSTITUTE OF DAIRY AND FOOD TECHNOLOGY"),
            "Verghese Kurien Institute of Dairy and Food Technology"
        );
        assert_eq!(
            normalise_name("R.V. COLLEGE OF ENGINEERING"),
            "R.V. College of Engineering"
        );
        assert_eq!(
            normalise_name("BMS  INSTITUTE OF TECHNOLOGY"),
            "BMS Institute of Technology"
        );
        assert_eq!(
            normalise_name("KLE DR. M.S. SHESHGIRI COLLEGE"),
            "KLE Dr. M.S. Sheshgiri College"
        );
        assert_eq!(normalise_name("Already Mixed Case"), "Already Mixed Case");
        assert_eq!(
            normalise_name("GOVT. TOOL ROOM & TRAINING CENTRE"),
            "Govt. Tool Room & Training Centre"
        );
        assert_eq!(
            normalise_name("THE ONE-YEAR (EVENING) SCHOOL"),
            "The One-Year (Evening) School"
        );
    }

    #[test]
    fn a_slug_is_cut_at_a_word() {
        let s = name_slug(
            "Verghese Kurien Institute of Dairy and Food Technology, Mannuthy, Thrissur, Kerala State",
        );
        assert!(
            s.as_str().len() <= 72 && !s.as_str().ends_with('-'),
            "{s:?}"
        );
        assert_eq!(name_slug("!!").as_str(), "institution");
    }
}
