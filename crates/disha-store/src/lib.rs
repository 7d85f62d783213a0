//! The storage contract. Each trait method is one use case and one transaction, so the SQLite and PostgreSQL
//! back ends can each do it the way their engine does best while behaving the same to callers. The
//! conformance suite (feature `conformance`) is the proof that they do.

mod accounts;
mod careers;
mod community;
pub mod decode;
mod error;
mod feedback;
mod guidance;
mod institutions;
mod newsletter;
mod open_data;
mod outbox;
pub mod scopes;
mod system;

#[cfg(feature = "conformance")]
pub mod conformance;

pub use accounts::{AccountStore, LoginRecord, NewAccountRecord};
pub use careers::{CareerStore, PutOutcome};
pub use community::{
    AccountChanges, Actor, ArticleEdit, ArticleFilter, ArticleScope, Changed, CommentCounts,
    CommentWriter, CommunityStore, Moderation, NewArticleRecord, NewCommentRecord, ReaderMarks,
    Registration, Verification,
};
pub use error::{BoxError, StoreError};
pub use feedback::{Admission, FeedbackStore, RateLimit, StoredReport, window};
pub use guidance::{GuidanceStore, KeptByAccount, ResultRecord, StepRecord};
pub use institutions::{
    ImportCounts, IndexedInstitution, InstitutionRecord, InstitutionStore, InstitutionSummary,
};
pub use newsletter::{IssueRecord, NewsletterStore, Reader, Subscription};
pub use open_data::{DataRecord, Dataset, OpenDataStore, StoredRecord};
pub use outbox::{ClaimedMail, NewMail, OutboxCounts, OutboxStore};
pub use system::{PoolStats, SystemStore};

/// Everything Disha stores, as one object the application holds behind an `Arc<dyn Store>`.
pub trait Store:
    AccountStore
    + CareerStore
    + CommunityStore
    + FeedbackStore
    + GuidanceStore
    + InstitutionStore
    + NewsletterStore
    + OpenDataStore
    + OutboxStore
    + SystemStore
{
}

impl<
    T: AccountStore
        + CareerStore
        + CommunityStore
        + FeedbackStore
        + GuidanceStore
        + InstitutionStore
        + NewsletterStore
        + OpenDataStore
        + OutboxStore
        + SystemStore,
> Store for T
{
}
