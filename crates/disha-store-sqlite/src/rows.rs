//! Turning rows into domain types, and sqlx errors into store errors.

use disha_domain::CareerSummary;
use disha_store::StoreError;
use disha_store::decode::{SummaryColumns, corrupt};
use sqlx::error::ErrorKind;
use time::OffsetDateTime;

/// The columns of `SUMMARY_COLUMNS`, in order.
pub(crate) type SummaryRow = (String, String, String, String, i64, i64, i64);

pub(crate) fn summary(
    (slug, title, stream, summary, education_level, revision, updated_at): SummaryRow,
) -> Result<CareerSummary, StoreError> {
    SummaryColumns {
        slug,
        title,
        stream,
        summary,
        education_level,
        revision,
        updated_at: from_micros(updated_at)?,
    }
    .decode()
}

pub(crate) fn to_micros(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000).unwrap_or(i64::MAX)
}

pub(crate) fn from_micros(us: i64) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1_000)
        .map_err(|_| corrupt("timestamp", &us.to_string()))
}

pub(crate) fn unavailable(e: sqlx::Error) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

pub(crate) fn db(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.kind() == ErrorKind::UniqueViolation => {
            StoreError::Conflict { field: "slug" }
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => unavailable(e),
        _ => StoreError::Database(e.to_string()),
    }
}
