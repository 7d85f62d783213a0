//! Turning rows into domain types, and sqlx errors into store errors.

use disha_domain::CareerSummary;
use disha_store::StoreError;
use disha_store::decode::SummaryColumns;
use sqlx::error::ErrorKind;
use time::OffsetDateTime;

/// The columns of `SUMMARY_COLUMNS`, in order.
pub(crate) type SummaryRow = (String, String, String, String, i16, i64, OffsetDateTime);

pub(crate) fn summary(
    (slug, title, stream, summary, level, revision, updated_at): SummaryRow,
) -> Result<CareerSummary, StoreError> {
    SummaryColumns {
        slug,
        title,
        stream,
        summary,
        education_level: i64::from(level),
        revision,
        updated_at,
    }
    .decode()
}

/// PostgreSQL keeps microseconds; truncating first makes what we store equal to what we read back.
pub(crate) fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
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
