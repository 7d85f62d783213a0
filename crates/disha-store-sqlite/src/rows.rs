//! Rows as named structs, and sqlx errors as store errors.

use disha_domain::CareerSummary;
use disha_store::StoreError;
use disha_store::decode::SummaryColumns;
use time::OffsetDateTime;

/// The columns of `SUMMARY_COLUMNS`.
#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    slug: String,
    title: String,
    stream: String,
    summary: String,
    education_level: Option<String>,
    school_streams: String,
    revision: i64,
    updated_at: i64,
}

impl SummaryRow {
    pub(crate) fn decode(self) -> Result<CareerSummary, StoreError> {
        SummaryColumns {
            slug: self.slug,
            title: self.title,
            stream: self.stream,
            summary: self.summary,
            education_level: self.education_level,
            school_streams: self.school_streams,
            revision: self.revision,
            updated_at: from_micros(self.updated_at)?,
        }
        .decode()
    }
}

/// A stored profile document with its history columns.
#[derive(sqlx::FromRow)]
pub(crate) struct CareerRow {
    pub(crate) body: String,
    pub(crate) revision: i64,
    pub(crate) created_at: i64,
    pub(crate) updated_at: i64,
}

/// What a batch write compares against.
#[derive(sqlx::FromRow)]
pub(crate) struct ExistingRow {
    pub(crate) revision: i64,
    pub(crate) body: String,
}

/// One mistake report.
#[derive(sqlx::FromRow)]
pub(crate) struct ReportRow {
    id: i64,
    career_slug: String,
    section: String,
    message: String,
    evidence_url: Option<String>,
    created_at: i64,
}

impl ReportRow {
    pub(crate) fn decode(self) -> Result<disha_store::StoredReport, StoreError> {
        disha_store::decode::ReportColumns {
            id: self.id,
            career_slug: self.career_slug,
            section: self.section,
            message: self.message,
            evidence_url: self.evidence_url,
            created_at: from_micros(self.created_at)?,
        }
        .decode()
    }
}

/// One freshness scope.
#[derive(sqlx::FromRow)]
pub(crate) struct VersionRow {
    pub(crate) scope: String,
    pub(crate) version: i64,
}

pub(crate) fn to_micros(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000).unwrap_or(i64::MAX)
}

pub(crate) fn from_micros(us: i64) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1_000)
        .map_err(|e| StoreError::Corrupt(format!("timestamp = {us}: {e}")))
}

pub(crate) fn unavailable(e: sqlx::Error) -> StoreError {
    StoreError::Unavailable(Box::new(e))
}

/// SQLite reports a unique violation as `UNIQUE constraint failed: careers.slug`; the column is the field.
pub(crate) fn db(e: sqlx::Error) -> StoreError {
    StoreError::from_sqlx(e, |d| {
        let constraint = d
            .message()
            .rsplit(": ")
            .next()
            .unwrap_or_default()
            .split(", ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let field = constraint.rsplit('.').next().unwrap_or_default().to_owned();
        (field, constraint)
    })
}

/// Adds a message inside the caller's transaction, so mail goes with the change that causes it.
pub(crate) async fn enqueue(
    tx: &mut sqlx::SqliteConnection,
    mail: &disha_store::NewMail,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO outbox (to_addr, subject, body_text, headers_json, kind, available_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id",
    )
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(disha_store::decode::headers_json(&mail.headers))
    .bind(&mail.kind)
    .bind(to_micros(now))
    .fetch_one(tx)
    .await
    .map_err(db)
}

/// Bumps a freshness scope in the caller's transaction, so cached pages built from it are rebuilt.
pub(crate) async fn bump(c: &mut sqlx::SqliteConnection, scope: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO content_versions (scope, version) VALUES (?, 1)
         ON CONFLICT (scope) DO UPDATE SET version = content_versions.version + 1",
    )
    .bind(scope)
    .execute(c)
    .await
    .map_err(db)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_protocol_failure_counts_as_unavailable() {
        let e = sqlx::Error::Protocol("x".into());
        assert!(matches!(db(e), StoreError::Unavailable(_)));
    }
}
