//! Readers' reports of mistakes, and the request limits that every instance shares.

use crate::StoreError;
use async_trait::async_trait;
use disha_domain::{MistakeReport, ProfileSection, Slug};
use time::OffsetDateTime;

/// A limit on how often one bucket (a client and an action) may act: at most `max` times in each window of
/// `window_secs` seconds. Counted in the database, so every instance behind a load balancer shares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    /// What is counted, e.g. `report:203.0.113.7`.
    pub bucket: String,
    /// Most hits per window.
    pub max: u32,
    /// Window length.
    pub window_secs: u32,
}

/// Whether a hit was let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Counted and allowed.
    Allowed,
    /// Over the limit; not counted. The window ends in this many seconds (at least 1).
    Limited {
        /// Seconds until the current window ends.
        retry_after_secs: u32,
    },
}

/// A stored report, as editors read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    /// Its number.
    pub id: i64,
    /// The career it is about.
    pub career: Slug,
    /// Which part.
    pub section: ProfileSection,
    /// What is wrong.
    pub message: String,
    /// Where the right fact is published, as the reader gave it.
    pub evidence_url: Option<String>,
    /// When it arrived.
    pub created_at: OffsetDateTime,
}

/// Mistake reports and shared rate limits.
#[async_trait]
pub trait FeedbackStore: Send + Sync {
    /// Counts one hit in `limit.bucket`'s current fixed window (windows start at multiples of
    /// `window_secs` since the Unix epoch) unless the window is full. Windows that have ended, for any
    /// bucket, are deleted in the same transaction, so the table holds at most one window of traffic.
    async fn hit_rate_limit(
        &self,
        limit: &RateLimit,
        now: OffsetDateTime,
    ) -> Result<Admission, StoreError>;

    /// Stores a report as open and returns its number. The write is durable when this returns.
    async fn add_mistake_report(&self, report: &MistakeReport) -> Result<i64, StoreError>;

    /// Reports not yet closed, oldest first.
    async fn open_mistake_reports(&self) -> Result<Vec<StoredReport>, StoreError>;

    /// Marks a report as dealt with; false when no open report has that number.
    async fn close_mistake_report(&self, id: i64) -> Result<bool, StoreError>;
}

/// The start of the fixed window `now` falls in, and the seconds until it ends (at least 1).
#[must_use]
pub fn window(now: OffsetDateTime, window_secs: u32) -> (i64, u32) {
    let len = i64::from(window_secs.max(1));
    let t = now.unix_timestamp();
    let start = t - t.rem_euclid(len);
    let left = u32::try_from(start + len - t).unwrap_or(1).max(1);
    (start, left)
}
