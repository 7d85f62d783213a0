//! A signed-in student's dashboard: their results, the careers they saved with each numbered step's status,
//! the colleges they shortlisted and what to do next; their data to download, and deleting it all.

use super::{Guidance, TakenAssessment};
use crate::CoreError;
use crate::colleges::CollegeSummary;
use disha_domain::{
    Account, CareerSource, CareerSummary, CourseLink, FieldErrors, Problem, Slug, StepStatus,
    roadmap::MAX_NOTE, step_key,
};
use disha_store::StepRecord;
use serde_json::json;
use std::collections::HashMap;
use time::OffsetDateTime;

/// A numbered step of a saved career, with where the student is with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedStep {
    /// Its number in the career's roadmap, from 1.
    pub number: usize,
    /// Its key: steps with the same title in several careers share it, and their status.
    pub key: String,
    /// Its heading.
    pub title: String,
    /// What to do.
    pub detail: String,
    /// Where the student is with it.
    pub status: StepStatus,
    /// Their note.
    pub note: String,
}

/// A saved career with its roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedCareer {
    /// The career.
    pub career: CareerSummary,
    /// Its numbered steps (none for a US occupation).
    pub steps: Vec<TrackedStep>,
    /// When it was saved.
    pub saved_at: OffsetDateTime,
}

impl SavedCareer {
    /// Steps done or skipped.
    #[must_use]
    pub fn finished(&self) -> usize {
        self.steps.iter().filter(|s| s.status.finished()).count()
    }

    /// Progress, 0–100: the share of steps done or skipped.
    #[must_use]
    pub fn percent(&self) -> u8 {
        let total = self.steps.len().max(1);
        u8::try_from(self.finished() * 100 / total).unwrap_or(100)
    }
}

/// What to do next for one saved career.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    /// The career.
    pub career: CareerSummary,
    /// Its first step not yet done or skipped.
    pub step: Option<TrackedStep>,
    /// The first course leading to it, whose colleges are worth a look.
    pub course: Option<CourseLink>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// Results, newest first.
    pub results: Vec<TakenAssessment>,
    /// Saved careers, newest first.
    pub careers: Vec<SavedCareer>,
    /// Shortlisted colleges, newest first.
    pub colleges: Vec<CollegeSummary>,
    /// The next step of each saved career that has one.
    pub next: Vec<NextStep>,
}

impl Guidance {
    /// A signed-in student's dashboard.
    ///
    /// # Errors
    /// Store failures.
    pub async fn dashboard(&self, account_id: i64) -> Result<Dashboard, CoreError> {
        let kept = self.store.kept_by(account_id).await?;
        let results = kept
            .results
            .into_iter()
            .map(TakenAssessment::from_record)
            .collect::<Result<Vec<_>, _>>()?;
        let status: HashMap<&str, &StepRecord> =
            kept.steps.iter().map(|s| (s.key.as_str(), s)).collect();
        let mut careers = Vec::new();
        for (slug, saved_at) in &kept.careers {
            // A career unpublished since it was saved is left out, not an error.
            let Ok(career) = self.library.summary(slug).await else {
                continue;
            };
            let steps = if career.source == CareerSource::Curated {
                self.library.career(slug).await?.career.profile.steps
            } else {
                Vec::new()
            };
            let steps = steps
                .into_iter()
                .enumerate()
                .map(|(n, s)| {
                    let key = step_key(&s.title);
                    let mine = status.get(key.as_str());
                    TrackedStep {
                        number: n + 1,
                        status: mine.map_or(StepStatus::NotStarted, |m| m.status),
                        note: mine.map_or_else(String::new, |m| m.note.clone()),
                        key,
                        title: s.title,
                        detail: s.detail,
                    }
                })
                .collect();
            careers.push(SavedCareer {
                career,
                steps,
                saved_at: *saved_at,
            });
        }
        let slugs: Vec<Slug> = kept.colleges.into_iter().map(|(s, _)| s).collect();
        let colleges = self.colleges.summaries(&slugs).await?;
        let courses = self.library.courses();
        let next = careers
            .iter()
            .map(|c| NextStep {
                career: c.career.clone(),
                step: c.steps.iter().find(|s| !s.status.finished()).cloned(),
                course: courses.for_career(c.career.slug.as_str()).next().cloned(),
            })
            .collect();
        Ok(Dashboard {
            results,
            careers,
            colleges,
            next,
        })
    }

    /// Saves a career to the dashboard, or takes it off.
    ///
    /// # Errors
    /// `NotFound` for a career that is not published.
    pub async fn keep_career(
        &self,
        account_id: i64,
        slug: &str,
        keep: bool,
    ) -> Result<(), CoreError> {
        let slug = Slug::parse(slug).map_err(|_unknown| CoreError::NotFound)?;
        if keep {
            self.library.summary(&slug).await?;
        }
        Ok(self.store.keep_career(account_id, &slug, keep).await?)
    }

    /// Shortlists a college, or takes it off.
    ///
    /// # Errors
    /// `NotFound` for a college the finder does not have.
    pub async fn keep_college(
        &self,
        account_id: i64,
        slug: &str,
        keep: bool,
    ) -> Result<(), CoreError> {
        let slug = Slug::parse(slug).map_err(|_unknown| CoreError::NotFound)?;
        if keep
            && self
                .colleges
                .summaries(std::slice::from_ref(&slug))
                .await?
                .is_empty()
        {
            return Err(CoreError::NotFound);
        }
        Ok(self.store.keep_college(account_id, &slug, keep).await?)
    }

    /// Sets the status and note of a step of one of the student's saved careers.
    ///
    /// # Errors
    /// `Invalid` naming `status` or `note`; `NotFound` when no saved career has the step.
    pub async fn set_step(
        &self,
        account_id: i64,
        key: &str,
        status: &str,
        note: Option<&str>,
    ) -> Result<TrackedStep, CoreError> {
        let mut e = FieldErrors::default();
        let status = status
            .parse::<StepStatus>()
            .map_err(|_unknown| e.at("status", Problem::one_of_variants::<StepStatus>()))
            .ok();
        let note = note.unwrap_or_default();
        let len = note.chars().count();
        if len > MAX_NOTE {
            e.at("note", Problem::length(0, MAX_NOTE, len));
        } else if note
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            e.at("note", Problem::invalid("contains a control character"));
        }
        let (Some(status), true) = (status, e.is_empty()) else {
            return Err(CoreError::Invalid(e));
        };
        let board = self.dashboard(account_id).await?;
        let mut step = board
            .careers
            .into_iter()
            .flat_map(|c| c.steps)
            .find(|s| s.key == key)
            .ok_or(CoreError::NotFound)?;
        let record = StepRecord {
            key: step.key.clone(),
            status,
            note: note.trim().to_owned(),
            updated_at: OffsetDateTime::now_utc(),
        };
        self.store.set_step(account_id, &record).await?;
        step.status = record.status;
        step.note = record.note;
        Ok(step)
    }

    /// Everything Disha keeps about a student, as one JSON document they can download.
    ///
    /// # Errors
    /// Store failures.
    pub async fn export(&self, account: &Account) -> Result<serde_json::Value, CoreError> {
        let kept = self.store.kept_by(account.id).await?;
        let results = kept
            .results
            .into_iter()
            .map(TakenAssessment::from_record)
            .collect::<Result<Vec<_>, _>>()?;
        let when = |t: OffsetDateTime| {
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default()
        };
        Ok(json!({
            "account": {
                "email": account.email.as_str(),
                "username": account.username.as_str(),
                "role": <&'static str>::from(account.role),
                "bio": account.bio,
                "image": account.image,
                "verified": account.verified,
            },
            "assessment_results": results.iter().map(|r| json!({
                "id": r.id,
                "taken_at": when(r.taken_at),
                "answers": r.answers,
                "scores": super::scores_json(&r.assessment.scores),
                "code": r.assessment.scores.code(),
                "job_zone": r.assessment.aim.job_zone,
                "stream": r.assessment.aim.stream,
            })).collect::<Vec<_>>(),
            "saved_careers": kept.careers.iter().map(|(s, at)| json!({
                "slug": s.as_str(), "saved_at": when(*at)
            })).collect::<Vec<_>>(),
            "steps": kept.steps.iter().map(|s| json!({
                "key": s.key, "status": <&'static str>::from(s.status), "note": s.note,
                "updated_at": when(s.updated_at)
            })).collect::<Vec<_>>(),
            "shortlisted_colleges": kept.colleges.iter().map(|(s, at)| json!({
                "slug": s.as_str(), "added_at": when(*at)
            })).collect::<Vec<_>>(),
        }))
    }

    /// Deletes a student's account and everything Disha keeps about them.
    ///
    /// # Errors
    /// `NotFound` when the account is already gone.
    pub async fn delete_account(&self, account_id: i64) -> Result<(), CoreError> {
        if self.store.delete_account(account_id).await? {
            self.library.observe_writes().await;
            Ok(())
        } else {
            Err(CoreError::NotFound)
        }
    }
}
