//! The interest assessment in use: the items, a student's scores and matches, and the recovery test that
//! shows how well the matching finds the right career.

pub mod simulate;

use crate::freshness::Memo;
use crate::{CoreError, Library};
use disha_domain::assessment::{Area, Item, ItemBank, Scores};
use disha_domain::matching::{self, Aim, Candidate, Match};
use disha_domain::{CareerSource, FieldErrors, Problem, SchoolStream};
use disha_store::scopes;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Careers a result lists.
pub const MATCHES: usize = 30;

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

/// The assessment use cases.
#[derive(Clone)]
pub struct Guidance {
    library: Library,
    items: Arc<ItemBank>,
    candidates: Arc<Memo<Vec<Candidate>>>,
}

impl std::fmt::Debug for Guidance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guidance").finish_non_exhaustive()
    }
}

impl Guidance {
    /// The use cases over the library's careers, asking `items`.
    #[must_use]
    pub fn new(library: Library, items: ItemBank) -> Self {
        Self {
            library,
            items: Arc::new(items),
            candidates: Arc::default(),
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
                for s in self.library.all_summaries().await? {
                    if s.source != CareerSource::Curated {
                        continue;
                    }
                    let page = self.library.career(&s.slug).await?;
                    let i = &page.career.profile.interests;
                    out.push(Candidate {
                        onet_code: Some(i.onet_code.clone()),
                        interests: i.scores().map(|(_, v)| v),
                        job_zone: Some(i.job_zone.get()),
                        level: s.education_level,
                        streams: s.school_streams.clone(),
                        slug: s.slug,
                        title: s.title,
                    });
                }
                for (slug, o) in self.library.occupations().await? {
                    let Some(interests) = &o.interests else {
                        continue;
                    };
                    out.push(Candidate {
                        slug,
                        title: o.title.clone(),
                        onet_code: Some(o.code.as_str().to_owned()),
                        interests: interests.scores().map(|(_, v)| v),
                        job_zone: o.job_zone.map(|z| z.get()),
                        level: o.education_level(),
                        streams: Vec::new(),
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
            Some(v) => match v.as_u64().and_then(|n| u8::try_from(n).ok()) {
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
