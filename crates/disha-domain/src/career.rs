//! The career profile: what a student reads to decide whether a career is for them.

mod route;
mod sources;

pub use route::{
    EducationLevel, GovernmentScale, Route, SchoolStream, StartingPay, StreamFit, TotalCost,
};
pub use sources::{CheckedOn, RestrictedSeats, SeatBasis, Source, SourceTopic, SourceUrl};

use crate::{FieldCode, FieldErrors, Problem, Slug, Stream};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// How much preparation O*NET says the matching US occupation needs (Job Zone 1 = little, 5 = extensive).
/// Shown only as a labelled O*NET fact: Indian routes differ, and [`EducationLevel`] is what lists use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = u8, minimum = 1, maximum = 5)]
pub struct JobZone(u8);

impl JobZone {
    /// Accepts 1 to 5.
    ///
    /// # Errors
    /// A range problem when the value is outside 1–5.
    pub fn new(level: i64) -> Result<Self, Problem> {
        match u8::try_from(level) {
            Ok(l @ 1..=5) => Ok(Self(l)),
            _ => Err(Problem::range(1, 5)),
        }
    }

    /// The level as a number.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for JobZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        JobZone::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Whether the public can see a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being written; hidden from the public.
    Draft,
    /// Visible on the site and in the API.
    Published,
}

impl Status {
    /// The stored key.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }
}

/// When a figure was true: a year (`2025`) or a month (`2025-06`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, example = "2025", pattern = "^[0-9]{4}(-[0-9]{2})?$")]
pub struct AsOf(String);

impl AsOf {
    /// Parses `YYYY` or `YYYY-MM` (month 01–12, year 1990–2100).
    ///
    /// # Errors
    /// A format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let (year, month) = match raw.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (raw, None),
        };
        let year_ok = year.len() == 4
            && year
                .parse::<u16>()
                .is_ok_and(|y| (1990..=2100).contains(&y));
        let month_ok = month
            .is_none_or(|m| m.len() == 2 && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m)));
        if year_ok && month_ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Problem::format(
                "a year (2025) or a year and month (2025-06)",
            ))
        }
    }

    /// The date as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AsOf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        AsOf::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An interest profile on the six RIASEC (Holland) dimensions, each on O*NET's 1–7 "OI" scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Riasec {
    /// The O*NET-SOC occupation the scores were taken from.
    pub onet_code: String,
    /// That occupation's O*NET title.
    pub onet_title: String,
    /// The O*NET-SOC occupation the career itself corresponds to, when O*NET 27.0 has no interest scores for
    /// it and the scores above are borrowed from the closest occupation that has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_code: Option<String>,
    /// That occupation's O*NET title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_title: Option<String>,
    /// O*NET's Job Zone for the occupation: US preparation, shown only as a labelled O*NET fact.
    pub job_zone: JobZone,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub realistic: f64,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub investigative: f64,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub artistic: f64,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub social: f64,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub enterprising: f64,
    #[expect(missing_docs, reason = "the six Holland dimensions")]
    pub conventional: f64,
}

impl Riasec {
    /// The scores in R, I, A, S, E, C order with their letters.
    #[must_use]
    pub fn scores(&self) -> [(char, f64); 6] {
        crate::InterestScores {
            realistic: self.realistic,
            investigative: self.investigative,
            artistic: self.artistic,
            social: self.social,
            enterprising: self.enterprising,
            conventional: self.conventional,
        }
        .scores()
    }

    /// The Holland code: the letters of the three highest scores, highest first (ties keep RIASEC order).
    #[must_use]
    pub fn holland_code(&self) -> String {
        let mut s = self.scores();
        s.sort_by(|a, b| b.1.total_cmp(&a.1));
        s.iter().take(3).map(|(c, _)| *c).collect()
    }
}

/// One numbered step on the way into a career.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short heading.
    pub title: String,
    /// What to do, in one to three sentences.
    pub detail: String,
}

/// Undergraduate or postgraduate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CourseLevel {
    /// After class 12.
    Ug,
    /// After a first degree.
    Pg,
}

/// Whether a fee is charged each year or once for the whole course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeePer {
    /// Per academic year.
    Year,
    /// For the whole course.
    Total,
}

/// A range of tuition fees in whole rupees, with where the figure came from and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeRange {
    /// Lowest typical fee, in rupees.
    pub min_inr: u32,
    /// Highest typical fee, in rupees.
    pub max_inr: u32,
    /// Per year or for the whole course.
    pub per: FeePer,
    /// Who says so.
    pub source: String,
    /// When it was true.
    pub as_of: AsOf,
}

/// A degree or diploma that leads into the career.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// UG or PG.
    pub level: CourseLevel,
    /// The course's name, e.g. "B.Tech in Computer Science and Engineering".
    pub name: String,
    /// Usual length in years.
    pub duration_years: f64,
    /// Entrance exams that lead to it; may be empty.
    pub entrance_exams: Vec<String>,
    /// Typical fees.
    pub fee: FeeRange,
}

/// A well-known institution for this career.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct College {
    /// Its name.
    pub name: String,
    /// Where it is.
    pub city: String,
}

/// Whether a salary is cost-to-company or take-home pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SalaryBasis {
    /// Cost to company: everything the employer spends, before deductions.
    Ctc,
    /// Take-home pay after deductions.
    InHand,
    /// Government gross pay: basic pay from an official pay scale plus allowances, before deductions.
    Gross,
}

/// A salary range in lakh rupees per annum, with its source, date and basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryRange {
    /// Lower end, lakh per annum.
    pub min_lpa: f64,
    /// Upper end, lakh per annum.
    pub max_lpa: f64,
    /// CTC or in-hand.
    pub basis: SalaryBasis,
    /// Who says so.
    pub source: String,
    /// When it was true.
    pub as_of: AsOf,
    /// True when the figure is an example rather than a quoted survey result.
    pub illustrative: bool,
}

/// A job title people in this career hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// The title.
    pub title: String,
    /// Typical experience, e.g. "0–2 years".
    pub experience: String,
    /// What it pays.
    pub salary: SalaryRange,
}

/// A question students or parents ask, with its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// The question.
    pub question: String,
    /// The answer, plain text.
    pub answer: String,
}

/// Everything an editor writes about a career. Parsed and checked before it is stored.
///
/// Unknown top-level keys are refused by [`CareerProfile::from_toml`] rather than by serde's
/// `deny_unknown_fields`, which would also mark the API's flattened `Career` schema as closed to the
/// revision fields beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CareerProfile {
    /// The profile's address.
    pub slug: Slug,
    /// The career's name.
    pub title: String,
    /// Its field.
    pub stream: Stream,
    /// One line for lists and search results.
    pub summary: String,
    /// Draft or published.
    pub status: Status,
    /// The day an editor last checked the whole profile against its sources. Profiles stored before reviews
    /// were recorded read back without it; the catalog check requires it.
    #[serde(default)]
    pub reviewed_on: Option<CheckedOn>,
    /// Who did that check.
    #[serde(default)]
    pub reviewed_by: String,
    /// The shortest usual Indian route to a first job.
    pub education_level: EducationLevel,
    /// A few paragraphs of Markdown.
    pub overview: String,
    /// What the work involves.
    pub responsibilities: Vec<String>,
    /// What it takes.
    pub skills: Vec<String>,
    /// Careers to look at next.
    pub related: Vec<Slug>,
    /// Interest profile.
    pub interests: Riasec,
    /// The path, in order.
    pub steps: Vec<Step>,
    /// UG and PG courses.
    pub courses: Vec<Course>,
    /// Well-known institutions.
    pub colleges: Vec<College>,
    /// Job titles with pay.
    pub jobs: Vec<Job>,
    /// Questions and answers.
    pub faqs: Vec<Faq>,
    /// How long that route takes, in years after class 12 (after class 10 for `after-10`).
    #[serde(default)]
    pub route_years: Option<f64>,
    /// That route in one line.
    #[serde(default)]
    pub route_summary: String,
    /// The main entrance exams on the usual routes.
    #[serde(default)]
    pub main_exams: Vec<String>,
    /// The class-11 streams that lead here.
    #[serde(default)]
    pub school_streams: Vec<StreamFit>,
    /// What the usual route costs in all.
    #[serde(default)]
    pub total_cost: Option<TotalCost>,
    /// What the first job pays.
    #[serde(default)]
    pub starting_pay: Option<StartingPay>,
    /// The ways in, usual one first, shown as branches.
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Facts not yet confirmed as current, worded for a parent; shown under "Still being confirmed".
    #[serde(default)]
    pub pending: Vec<String>,
    /// Official sources for the exams, eligibility rules and regulators. Profiles stored before sources were
    /// required read back with none; the catalog check refuses a profile without them.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Seats limited by gender, domicile or category on the routes into this career.
    #[serde(default)]
    pub restricted_seats: Vec<RestrictedSeats>,
}

/// A stored profile with its history fields.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Career {
    /// The content.
    #[serde(flatten)]
    pub profile: CareerProfile,
    /// Starts at 1; goes up by one each time the content changes.
    pub revision: i64,
    /// When it was first stored.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    /// When its content last changed.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

/// The short form of a career used in lists.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CareerSummary {
    /// The profile's address.
    pub slug: Slug,
    /// The career's name.
    pub title: String,
    /// Its field.
    pub stream: Stream,
    /// One line.
    pub summary: String,
    /// The shortest usual Indian route to a first job.
    pub education_level: EducationLevel,
    /// The class-11 streams that lead here.
    pub school_streams: Vec<SchoolStream>,
    /// Content revision.
    pub revision: i64,
    /// When its content last changed.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
    /// Where the career comes from: a curated Indian profile, or a US occupation from O*NET.
    pub source: CareerSource,
}

/// Where a career page comes from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum CareerSource {
    /// Written and checked for Indian students by Disha's editors.
    #[default]
    Curated,
    /// A US occupation imported from O*NET, labelled as US data.
    Onet,
}

/// The top-level keys of a profile file, in the order `catalog/README.md` lists them.
pub const PROFILE_FIELDS: [&str; 28] = [
    "slug",
    "title",
    "stream",
    "summary",
    "status",
    "reviewed_on",
    "reviewed_by",
    "education_level",
    "overview",
    "responsibilities",
    "skills",
    "related",
    "interests",
    "steps",
    "courses",
    "colleges",
    "jobs",
    "faqs",
    "pending",
    "sources",
    "restricted_seats",
    "route_years",
    "route_summary",
    "main_exams",
    "school_streams",
    "total_cost",
    "starting_pay",
    "routes",
];

impl CareerProfile {
    /// Parses one catalog file and checks every rule in `catalog/README.md` that a single file can break.
    ///
    /// # Errors
    /// Every problem found, each keyed by its field path (`jobs[2].salary.min_lpa`).
    pub fn from_toml(text: &str) -> Result<Self, FieldErrors> {
        if let Ok(table) = toml::from_str::<toml::Table>(text) {
            let mut unknown = FieldErrors::default();
            for key in table
                .keys()
                .filter(|k| !PROFILE_FIELDS.contains(&k.as_str()))
            {
                unknown.add(
                    key.clone(),
                    FieldCode::Unknown,
                    vec![("expected", PROFILE_FIELDS.join(", "))],
                );
            }
            if !unknown.is_empty() {
                return Err(unknown);
            }
        }
        let de = toml::Deserializer::parse(text).map_err(|e| {
            let mut errs = FieldErrors::default();
            errs.push("file", format!("is not valid TOML: {}", located(text, &e)));
            errs
        })?;
        let profile: CareerProfile = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let mut errs = FieldErrors::default();
            errs.push(
                if path == "." { "file".to_owned() } else { path },
                located(text, &e.into_inner()),
            );
            errs
        })?;
        profile.check().into_result(profile)
    }

    /// The rules a well-typed profile must still meet: lengths, counts, ranges.
    #[must_use]
    pub fn check(&self) -> FieldErrors {
        let mut e = FieldErrors::default();
        text(&mut e, "title", &self.title, 2, 120);
        text(&mut e, "summary", &self.summary, 20, 200);
        text(&mut e, "overview", &self.overview, 100, 6000);
        if self.overview.contains('<') {
            e.push("overview", "must be Markdown without HTML (no '<')");
        }
        list(
            &mut e,
            "responsibilities",
            &self.responsibilities,
            3,
            15,
            300,
        );
        list(&mut e, "skills", &self.skills, 3, 20, 120);
        count(&mut e, "related", self.related.len(), 1, 8);
        if self.related.contains(&self.slug) {
            e.push("related", "must not name the profile itself");
        }
        if self.interests.occupation_code.is_some() != self.interests.occupation_title.is_some() {
            e.push(
                "interests.occupation_code",
                "give both occupation_code and occupation_title, or neither",
            );
        }
        for (k, v) in self.interests.scores() {
            if !(1.0..=7.0).contains(&v) {
                e.push(
                    format!("interests.{}", riasec_name(k)),
                    "must be between 1 and 7",
                );
            }
        }
        count(&mut e, "steps", self.steps.len(), 3, 12);
        for (i, s) in self.steps.iter().enumerate() {
            text(&mut e, &format!("steps[{i}].title"), &s.title, 2, 120);
            text(&mut e, &format!("steps[{i}].detail"), &s.detail, 10, 800);
        }
        count(&mut e, "courses", self.courses.len(), 1, 15);
        if !self.courses.iter().any(|c| c.level == CourseLevel::Ug) {
            e.push("courses", "must include at least one UG course");
        }
        for (i, c) in self.courses.iter().enumerate() {
            text(&mut e, &format!("courses[{i}].name"), &c.name, 2, 160);
            if !(0.5..=7.0).contains(&c.duration_years) {
                e.push(
                    format!("courses[{i}].duration_years"),
                    "must be between 0.5 and 7 years",
                );
            }
            if c.fee.min_inr > c.fee.max_inr {
                e.push(
                    format!("courses[{i}].fee.min_inr"),
                    "must not be more than max_inr",
                );
            }
            text(
                &mut e,
                &format!("courses[{i}].fee.source"),
                &c.fee.source,
                3,
                300,
            );
        }
        count(&mut e, "colleges", self.colleges.len(), 1, 15);
        count(&mut e, "jobs", self.jobs.len(), 1, 10);
        for (i, j) in self.jobs.iter().enumerate() {
            text(&mut e, &format!("jobs[{i}].title"), &j.title, 2, 120);
            let s = &j.salary;
            if !(s.min_lpa > 0.0 && s.min_lpa <= s.max_lpa && s.max_lpa <= 500.0) {
                e.push(
                    format!("jobs[{i}].salary.min_lpa"),
                    "must be above 0 and not more than max_lpa (at most 500)",
                );
            }
            text(
                &mut e,
                &format!("jobs[{i}].salary.source"),
                &s.source,
                3,
                200,
            );
        }
        count(&mut e, "faqs", self.faqs.len(), 2, 15);
        for (i, f) in self.faqs.iter().enumerate() {
            text(&mut e, &format!("faqs[{i}].question"), &f.question, 5, 300);
            text(&mut e, &format!("faqs[{i}].answer"), &f.answer, 10, 1500);
        }
        list(&mut e, "pending", &self.pending, 0, 10, 400);
        self.check_sources(&mut e);
        self.check_glance(&mut e);
        e
    }

    /// The at-a-glance facts every profile must give.
    fn check_glance(&self, e: &mut FieldErrors) {
        if self.reviewed_on.is_none() {
            e.push(
                "reviewed_on",
                "is required: the day the profile was last checked, YYYY-MM-DD",
            );
        }
        text(e, "reviewed_by", &self.reviewed_by, 3, 120);
        match self.route_years {
            Some(y) if (0.5..=12.0).contains(&y) => {}
            _ => e.push(
                "route_years",
                "is required: years after class 12 (or class 10), 0.5 to 12",
            ),
        }
        text(e, "route_summary", &self.route_summary, 20, 160);
        list(e, "main_exams", &self.main_exams, 0, 6, 80);
        count(e, "school_streams", self.school_streams.len(), 1, 5);
        for (i, s) in self.school_streams.iter().enumerate() {
            if self.school_streams[..i]
                .iter()
                .any(|t| t.stream == s.stream)
            {
                e.push(format!("school_streams[{i}].stream"), "is listed twice");
            }
            if !s.note.is_empty() {
                text(e, &format!("school_streams[{i}].note"), &s.note, 10, 160);
            }
        }
        match &self.total_cost {
            None => e.push("total_cost", "is required"),
            Some(c) => {
                if c.min_inr > c.max_inr {
                    e.push("total_cost.min_inr", "must not be more than max_inr");
                }
                text(e, "total_cost.covers", &c.covers, 10, 200);
                text(e, "total_cost.source", &c.source, 3, 300);
            }
        }
        match &self.starting_pay {
            None => e.push("starting_pay", "is required"),
            Some(p) => {
                if !(p.min_lpa > 0.0 && p.min_lpa <= p.max_lpa && p.max_lpa <= 500.0) {
                    e.push(
                        "starting_pay.min_lpa",
                        "must be above 0 and not more than max_lpa (at most 500)",
                    );
                }
                if p.monthly_in_hand_min > p.monthly_in_hand_max {
                    e.push(
                        "starting_pay.monthly_in_hand_min",
                        "must not be more than monthly_in_hand_max",
                    );
                }
                text(e, "starting_pay.source", &p.source, 3, 300);
                if let Some(g) = &p.government_scale {
                    text(e, "starting_pay.government_scale.name", &g.name, 5, 120);
                    text(
                        e,
                        "starting_pay.government_scale.source_name",
                        &g.source_name,
                        5,
                        200,
                    );
                    if !(1_000..=1_000_000).contains(&g.basic_monthly_inr) {
                        e.push(
                            "starting_pay.government_scale.basic_monthly_inr",
                            "must be a monthly basic pay in rupees, 1,000 to 10,00,000",
                        );
                    }
                    if p.illustrative {
                        e.push(
                            "starting_pay.illustrative",
                            "must be false when the pay comes from an official scale",
                        );
                    }
                }
            }
        }
        count(e, "routes", self.routes.len(), 1, 4);
        for (i, r) in self.routes.iter().enumerate() {
            text(e, &format!("routes[{i}].name"), &r.name, 2, 60);
            text(e, &format!("routes[{i}].path"), &r.path, 20, 240);
            if !(0.5..=15.0).contains(&r.years) {
                e.push(format!("routes[{i}].years"), "must be between 0.5 and 15");
            }
        }
    }

    /// Every profile names official sources covering its exams, eligibility and regulator.
    fn check_sources(&self, e: &mut FieldErrors) {
        count(e, "sources", self.sources.len(), 2, 12);
        for (i, s) in self.sources.iter().enumerate() {
            text(e, &format!("sources[{i}].name"), &s.name, 5, 160);
            if s.covers.is_empty() {
                e.push(
                    format!("sources[{i}].covers"),
                    "must name at least one of exams, eligibility, regulator",
                );
            }
        }
        for topic in <SourceTopic as strum::IntoEnumIterator>::iter() {
            if !self.sources.iter().any(|s| s.covers.contains(&topic)) {
                let name: &'static str = topic.into();
                e.push(
                    "sources",
                    format!("no source covers {name}; name the official page for it"),
                );
            }
        }
        count(e, "restricted_seats", self.restricted_seats.len(), 0, 10);
        for (i, r) in self.restricted_seats.iter().enumerate() {
            text(
                e,
                &format!("restricted_seats[{i}].applies_to"),
                &r.applies_to,
                3,
                160,
            );
            text(e, &format!("restricted_seats[{i}].rule"), &r.rule, 5, 300);
        }
    }
}

/// The parser's message with the line it points at, so an editor can find the spot.
fn located(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim();
    match e.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(0, |t| t.matches('\n').count())
                + 1;
            format!("{msg} (line {line})")
        }
        None => msg.to_owned(),
    }
}

fn riasec_name(letter: char) -> &'static str {
    match letter {
        'R' => "realistic",
        'I' => "investigative",
        'A' => "artistic",
        'S' => "social",
        'E' => "enterprising",
        _ => "conventional",
    }
}

fn text(e: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) {
    let n = value.trim().chars().count();
    if n < min || n > max {
        e.at(field, Problem::length(min, max, n));
    }
}

fn count(e: &mut FieldErrors, field: &str, n: usize, min: usize, max: usize) {
    if n < min || n > max {
        e.add(
            field,
            FieldCode::Count,
            vec![
                ("min", min.to_string()),
                ("max", max.to_string()),
                ("actual", n.to_string()),
            ],
        );
    }
}

fn list(
    e: &mut FieldErrors,
    field: &str,
    items: &[String],
    min: usize,
    max: usize,
    max_len: usize,
) {
    count(e, field, items.len(), min, max);
    for (i, item) in items.iter().enumerate() {
        text(e, &format!("{field}[{i}]"), item, 2, max_len);
    }
}

#[cfg(test)]
mod tests;
