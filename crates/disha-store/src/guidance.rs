//! What a student keeps: assessment results (anyone's, claimed by an account later), saved careers, the
//! status of roadmap steps, shortlisted colleges; and the removal of an account with everything it owns.

use crate::{Admission, RateLimit, StoreError};
use async_trait::async_trait;
use disha_domain::{Slug, StepStatus};
use time::OffsetDateTime;

/// A stored assessment result: a JSON document the core writes and reads, under an unguessable token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRecord {
    /// The unguessable id in its address.
    pub token: String,
    /// The account that claimed it, if any.
    pub account_id: Option<i64>,
    /// The result as JSON.
    pub body: String,
    /// When it was taken.
    pub created_at: OffsetDateTime,
}

/// A roadmap step's status for one account. A step is keyed by its normalised title, so a step several
/// careers share ("Choose Science with PCB after class 10") has one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    /// The step's key.
    pub key: String,
    /// Where the student is with it.
    pub status: StepStatus,
    /// Their own note.
    pub note: String,
    /// When it last changed.
    pub updated_at: OffsetDateTime,
}

/// Everything a student keeps, for their dashboard and their download.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptByAccount {
    /// Their results, newest first.
    pub results: Vec<ResultRecord>,
    /// Careers they saved, newest first.
    pub careers: Vec<(Slug, OffsetDateTime)>,
    /// Steps they have marked.
    pub steps: Vec<StepRecord>,
    /// Colleges they shortlisted, newest first.
    pub colleges: Vec<(Slug, OffsetDateTime)>,
}

/// The guidance store.
#[async_trait]
pub trait GuidanceStore: Send + Sync {
    /// Stores new results in one transaction, each only when its rate limit admits it (the hit is counted in
    /// the same transaction): one commit for many students at once. The admissions come back in order.
    async fn save_results(
        &self,
        batch: &[(ResultRecord, RateLimit)],
        now: OffsetDateTime,
    ) -> Result<Vec<Admission>, StoreError>;

    /// A result by its token.
    async fn result(&self, token: &str) -> Result<Option<ResultRecord>, StoreError>;

    /// Gives an unclaimed result to an account. True when it is now theirs (or already was); false when it
    /// belongs to someone else or does not exist.
    async fn claim_result(&self, token: &str, account_id: i64) -> Result<bool, StoreError>;

    /// Saves a career for an account (`keep`) or lets it go; doing it twice changes nothing.
    async fn keep_career(&self, account_id: i64, slug: &Slug, keep: bool)
    -> Result<(), StoreError>;

    /// Sets a step's status and note for an account.
    async fn set_step(&self, account_id: i64, step: &StepRecord) -> Result<(), StoreError>;

    /// Shortlists a college for an account (`keep`) or takes it off; doing it twice changes nothing.
    async fn keep_college(
        &self,
        account_id: i64,
        slug: &Slug,
        keep: bool,
    ) -> Result<(), StoreError>;

    /// Everything an account keeps, read in one transaction.
    async fn kept_by(&self, account_id: i64) -> Result<KeptByAccount, StoreError>;

    /// Removes an account and everything it owns (sessions, results, saved careers, steps, shortlist,
    /// articles, comments, follows), in one transaction; refreshes the pages its articles and comments
    /// were on. False when there was no such account.
    async fn delete_account(&self, account_id: i64) -> Result<bool, StoreError>;
}
