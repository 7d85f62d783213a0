//! Readers telling editors about mistakes: checked, limited per client and in all, stored for editors.

use crate::CoreError;
use disha_domain::{MistakeReport, RawMistakeReport, Slug};
use disha_store::{Admission, RateLimit, Store, StoredReport};
use std::sync::Arc;
use time::OffsetDateTime;

/// Reports one client may send an hour: enough for a parent going through a profile, too few to flood.
pub const REPORTS_PER_CLIENT_PER_HOUR: u32 = 5;
/// Reports everyone together may send an hour, so spread-out spam cannot bury editors either.
pub const REPORTS_PER_HOUR: u32 = 300;
const HOUR: u32 = 3600;

/// The mistake-report use cases.
#[derive(Clone)]
pub struct Feedback {
    store: Arc<dyn Store>,
}

impl std::fmt::Debug for Feedback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feedback").finish_non_exhaustive()
    }
}

impl Feedback {
    /// The use cases over `store`.
    #[must_use]
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    /// Checks a report about `career` from `client` (an address or other stable key for the sender), counts
    /// it against the limits, and stores it. Returns the report's number.
    ///
    /// # Errors
    /// `NotFound` for a career that is not published; `Invalid` naming each bad field (nothing is counted or
    /// stored); `RateLimited` when this client or everyone has sent too many this hour.
    pub async fn report_mistake(
        &self,
        career: &Slug,
        raw: &RawMistakeReport,
        client: &str,
    ) -> Result<i64, CoreError> {
        if self.store.published_career(career).await?.is_none() {
            return Err(CoreError::NotFound);
        }
        let report = MistakeReport::parse(career.clone(), raw)?;
        let now = OffsetDateTime::now_utc();
        for limit in [
            RateLimit {
                bucket: format!("report:{client}"),
                max: REPORTS_PER_CLIENT_PER_HOUR,
                window_secs: HOUR,
            },
            RateLimit {
                bucket: "report:*".to_owned(),
                max: REPORTS_PER_HOUR,
                window_secs: HOUR,
            },
        ] {
            if let Admission::Limited { retry_after_secs } =
                self.store.hit_rate_limit(&limit, now).await?
            {
                tracing::info!(bucket = %limit.bucket, "mistake report refused by rate limit");
                return Err(CoreError::RateLimited { retry_after_secs });
            }
        }
        let id = self.store.add_mistake_report(&report).await?;
        tracing::info!(id, career = %career, section = report.section.key(), "mistake report received");
        Ok(id)
    }

    /// Open reports, oldest first, for editors.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn open_reports(&self) -> Result<Vec<StoredReport>, CoreError> {
        Ok(self.store.open_mistake_reports().await?)
    }

    /// Marks a report dealt with.
    ///
    /// # Errors
    /// `NotFound` when no open report has that number.
    pub async fn close_report(&self, id: i64) -> Result<(), CoreError> {
        if self.store.close_mistake_report(id).await? {
            Ok(())
        } else {
            Err(CoreError::NotFound)
        }
    }
}
