//! The interest assessment in use: the items, a student's scores and matches (stored under an unguessable
//! id, claimed by an account later), the dashboard of what a student keeps, and the recovery test that shows
//! how well the matching finds the right career.

mod dashboard;
pub mod simulate;
mod writer;

pub use dashboard::{Dashboard, NextStep, SavedCareer, TrackedStep};

use crate::accounts::{hex, random_bytes};
use crate::freshness::Memo;
use crate::{Colleges, CoreError, Library};
use disha_domain::assessment::{Area, Item, ItemBank, Scores};
use disha_domain::matching::{self, Aim, Candidate, Match};
use disha_domain::{CareerSource, FieldErrors, Problem, SchoolStream};
use disha_store::{ResultRecord, Store, StoreError, scopes};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::OffsetDateTime;

/// Careers a result lists.
pub const MATCHES: usize = 30;
/// Results stored for one client address in an hour.
pub const RESULTS_PER_CLIENT_HOUR: u32 = 200;

/// A scored assessment with its matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The six scores.
    pub scores: Scores,
    /// What the student aims for.
    pub aim: Aim,
    /// The careers that fit best, best first.
    pub matches: Vec<Match>,
}

/// What a stored result's document holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Body {
    answers: BTreeMap<String, u8>,
    scores: Scores,
    job_zone: Option<u8>,
    stream: Option<SchoolStream>,
    matches: Vec<Match>,
}

/// A stored assessment result.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenAssessment {
    /// Its unguessable id.
    pub id: String,
    /// The answers, by item id.
    pub answers: BTreeMap<String, u8>,
    /// The scores, matches and aim.
    pub assessment: Assessment,
    /// When it was taken.
    pub taken_at: OffsetDateTime,
    /// The account that claimed it.
    pub account_id: Option<i64>,
}

impl TakenAssessment {
    fn from_record(r: ResultRecord) -> Result<Self, CoreError> {
        let b: Body = serde_json::from_str(&r.body).map_err(|e| {
            CoreError::Internal(StoreError::Corrupt(format!("result {}: {e}", r.token)))
        })?;
        Ok(Self {
            id: r.token,
            answers: b.answers,
            assessment: Assessment {
                scores: b.scores,
                aim: Aim {
                    job_zone: b.job_zone,
                    stream: b.stream,
                },
                matches: b.matches,
            },
            taken_at: r.created_at,
            account_id: r.account_id,
        })
    }
}

/// The six scores by letter, as the API gives them: `{"R": 12, "I": 31, …}`.
#[must_use]
pub fn scores_json(s: &Scores) -> BTreeMap<&'static str, u8> {
    Area::ALL.iter().map(|a| (a.letter(), s.get(*a))).collect()
}

/// The assessment use cases.
#[derive(Clone)]
pub struct Guidance {
    store: Arc<dyn Store>,
    library: Library,
    colleges: Colleges,
    items: Arc<ItemBank>,
    candidates: Arc<Memo<Vec<Candidate>>>,
    writer: Arc<writer::ResultWriter>,
}

impl std::fmt::Debug for Guidance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guidance").finish_non_exhaustive()
    }
}

impl Guidance {
    /// The use cases over the library's careers and items, and the college finder.
    #[must_use]
    pub fn new(store: Arc<dyn Store>, library: Library, colleges: Colleges) -> Self {
        Self {
            items: library.items(),
            library,
            colleges,
            candidates: Arc::default(),
            writer: Arc::new(writer::ResultWriter::new(Arc::clone(&store))),
            store,
        }
    }

    /// The items, in the order they are asked.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        self.items.items()
    }

    /// Every career with an interest profile, read once per careers-scope version: the curated profiles
    /// (scores from the O*NET occupation each names) and the imported O*NET occupations that have scores.
    async fn candidates(&self) -> Result<Arc<Vec<Candidate>>, CoreError> {
        let version = self.library.content_version(scopes::CAREERS);
        self.candidates
            .get(version, async || {
                let mut out = Vec::new();
                // An occupation a curated profile is written for is matched through the profile only.
                let mut covered = std::collections::HashSet::new();
                for s in self.library.all_summaries().await? {
                    if s.source != CareerSource::Curated {
                        continue;
                    }
                    let page = self.library.career(&s.slug).await?;
                    let i = &page.career.profile.interests;
                    covered.insert(
                        i.occupation_code
                            .clone()
                            .unwrap_or_else(|| i.onet_code.clone()),
                    );
                    out.push(Candidate {
                        onet_code: Some(i.onet_code.clone()),
                        interests: i.scores().map(|(_, v)| v),
                        job_zone: Some(i.job_zone.get()),
                        level: s.education_level,
                        streams: s.school_streams.clone(),
                        source: CareerSource::Curated,
                        slug: s.slug,
                        title: s.title,
                    });
                }
                for (slug, o) in self.library.occupations().await? {
                    let Some(interests) = &o.interests else {
                        continue;
                    };
                    if covered.contains(o.code.as_str()) {
                        continue;
                    }
                    out.push(Candidate {
                        slug,
                        title: o.title.clone(),
                        onet_code: Some(o.code.as_str().to_owned()),
                        interests: interests.scores().map(|(_, v)| v),
                        job_zone: o.job_zone.map(|z| z.get()),
                        level: o.education_level(),
                        streams: Vec::new(),
                        source: CareerSource::Onet,
                    });
                }
                Ok(out)
            })
            .await
    }

    /// Scores answers and matches them to every career with an interest profile.
    ///
    /// # Errors
    /// `Invalid` naming each bad answer (`answers.r01`), `job_zone` or `stream`.
    pub async fn assess(
        &self,
        answers: &BTreeMap<String, serde_json::Value>,
        job_zone: Option<&serde_json::Value>,
        stream: Option<&str>,
    ) -> Result<Assessment, CoreError> {
        let mut e = FieldErrors::default();
        let scores = self
            .items
            .score(answers)
            .map_err(|bad| e.0.extend(bad.0))
            .ok();
        let job_zone = match job_zone {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => match disha_domain::assessment::whole(v) {
                Some(z @ 1..=5) => Some(z),
                _ => {
                    e.at("job_zone", Problem::range(1, 5));
                    None
                }
            },
        };
        let stream = stream.and_then(|s| {
            s.parse::<SchoolStream>()
                .map_err(|_unknown| e.at("stream", Problem::one_of_variants::<SchoolStream>()))
                .ok()
        });
        let (Some(scores), true) = (scores, e.is_empty()) else {
            return Err(CoreError::Invalid(e));
        };
        let aim = Aim { job_zone, stream };
        let matches = matching::rank(&scores, &aim, &self.candidates().await?, MATCHES);
        Ok(Assessment {
            scores,
            aim,
            matches,
        })
    }

    /// Scores answers, matches them and stores the result under a new unguessable id, for `account` when
    /// one is signed in.
    ///
    /// # Errors
    /// `Invalid` naming each bad answer (`answers.r01`), `job_zone` or `stream`; `RateLimited` past
    /// [`RESULTS_PER_CLIENT_HOUR`]; store failures.
    pub async fn take(
        &self,
        answers: &BTreeMap<String, serde_json::Value>,
        job_zone: Option<&serde_json::Value>,
        stream: Option<&str>,
        account: Option<i64>,
        client: &str,
    ) -> Result<TakenAssessment, CoreError> {
        let assessment = self.assess(answers, job_zone, stream).await?;
        let answers: BTreeMap<String, u8> = answers
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), disha_domain::assessment::whole(v)?)))
            .collect();
        let body = Body {
            answers: answers.clone(),
            scores: assessment.scores,
            job_zone: assessment.aim.job_zone,
            stream: assessment.aim.stream,
            matches: assessment.matches.clone(),
        };
        let record = ResultRecord {
            token: hex(&random_bytes::<16>()?),
            account_id: account,
            body: serde_json::to_string(&body)
                .map_err(|e| CoreError::Internal(StoreError::Corrupt(e.to_string())))?,
            created_at: OffsetDateTime::now_utc(),
        };
        // Counted only for results that will be stored: a class sharing one school address fits well within.
        let limit = disha_store::RateLimit {
            bucket: format!("assessment:{client}"),
            max: RESULTS_PER_CLIENT_HOUR,
            window_secs: 3_600,
        };
        if let disha_store::Admission::Limited { retry_after_secs } =
            self.writer.save(record.clone(), limit).await?
        {
            return Err(CoreError::RateLimited { retry_after_secs });
        }
        Ok(TakenAssessment {
            id: record.token,
            answers,
            assessment,
            taken_at: record.created_at,
            account_id: account,
        })
    }

    /// A stored result, by its id.
    ///
    /// # Errors
    /// `NotFound` when no result has the id.
    pub async fn result(&self, id: &str) -> Result<TakenAssessment, CoreError> {
        // Ids are 32 hex digits: anything else is no result, without asking the store.
        if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(CoreError::NotFound);
        }
        let r = self.store.result(id).await?.ok_or(CoreError::NotFound)?;
        TakenAssessment::from_record(r)
    }

    /// Gives a result taken without an account to `account`.
    ///
    /// # Errors
    /// `NotFound` when no result has the id; `Forbidden` when another account has claimed it.
    pub async fn claim(&self, id: &str, account: i64) -> Result<TakenAssessment, CoreError> {
        let mut r = self.result(id).await?;
        if !self.store.claim_result(id, account).await? {
            return Err(CoreError::Forbidden);
        }
        r.account_id = Some(account);
        Ok(r)
    }

    /// The imported O*NET occupations with interest scores, a Job Zone and a high point: who the recovery
    /// test's students are built from.
    ///
    /// # Errors
    /// Store failures.
    pub async fn simulation_occupations(&self) -> Result<Vec<simulate::Occupation>, CoreError> {
        Ok(self
            .library
            .occupations()
            .await?
            .into_iter()
            .filter_map(|(slug, o)| {
                let top: Area = o.high_point.get(..1)?.parse().ok()?;
                Some(simulate::Occupation {
                    slug,
                    interests: o.interests.as_ref()?.scores().map(|(_, v)| v),
                    job_zone: o.job_zone?.get(),
                    top,
                    title: o.title,
                })
            })
            .collect())
    }
}
