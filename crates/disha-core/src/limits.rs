//! Rate limits, counted in the database so every instance shares them.

use crate::CoreError;
use disha_store::{Admission, RateLimit, Store};
use time::OffsetDateTime;

/// Counts one hit against `bucket` (at most `max` in each window of `window_secs`).
///
/// # Errors
/// `RateLimited` with the seconds until the window ends; store failures.
pub async fn admit(
    store: &dyn Store,
    bucket: String,
    max: u32,
    window_secs: u32,
    now: OffsetDateTime,
) -> Result<(), CoreError> {
    let limit = RateLimit {
        bucket,
        max,
        window_secs,
    };
    match store.hit_rate_limit(&limit, now).await? {
        Admission::Allowed => Ok(()),
        Admission::Limited { retry_after_secs } => {
            // Only the kind of bucket is logged; its key may be an address.
            tracing::info!(bucket = %limit.bucket.split(':').next().unwrap_or(""), "rate limited");
            Err(CoreError::RateLimited { retry_after_secs })
        }
    }
}
