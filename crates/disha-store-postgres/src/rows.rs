//! Rows as named structs, and sqlx errors as store errors.

use disha_domain::{CareerProfile, CareerSummary};
use disha_store::StoreError;
use disha_store::decode::SummaryColumns;
use sqlx::types::Json;
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
    updated_at: OffsetDateTime,
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
            updated_at: self.updated_at,
        }
        .decode()
    }
}

/// A stored profile document with its history columns.
#[derive(sqlx::FromRow)]
pub(crate) struct CareerRow {
    pub(crate) body: Json<CareerProfile>,
    pub(crate) revision: i64,
    pub(crate) created_at: OffsetDateTime,
    pub(crate) updated_at: OffsetDateTime,
}

/// What a batch write compares against.
#[derive(sqlx::FromRow)]
pub(crate) struct ExistingRow {
    pub(crate) revision: i64,
    pub(crate) same: bool,
}

/// One mistake report.
#[derive(sqlx::FromRow)]
pub(crate) struct ReportRow {
    id: i64,
    career_slug: String,
    section: String,
    message: String,
    evidence_url: Option<String>,
    created_at: OffsetDateTime,
}

impl ReportRow {
    pub(crate) fn decode(self) -> Result<disha_store::StoredReport, StoreError> {
        disha_store::decode::ReportColumns {
            id: self.id,
            career_slug: self.career_slug,
            section: self.section,
            message: self.message,
            evidence_url: self.evidence_url,
            created_at: self.created_at,
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

/// PostgreSQL keeps microseconds; truncating first makes what we store equal to what we read back.
pub(crate) fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

pub(crate) fn unavailable(e: sqlx::Error) -> StoreError {
    StoreError::Unavailable(Box::new(e))
}

/// PostgreSQL names the violated constraint (`careers_slug_key`, by its default `<table>_<column>_key`
/// naming); the field is the part between the table and the suffix.
pub(crate) fn db(e: sqlx::Error) -> StoreError {
    StoreError::from_sqlx(e, |d| {
        let constraint = d.constraint().unwrap_or_default().to_owned();
        let table = d.table().unwrap_or_default();
        let field = constraint
            .strip_prefix(table)
            .map(|rest| rest.trim_start_matches('_'))
            .unwrap_or(&constraint)
            .trim_end_matches("_key")
            .to_owned();
        (field, constraint)
    })
}

/// Adds a message inside the caller's transaction, so mail goes with the change that causes it.
pub(crate) async fn enqueue(
    tx: &mut sqlx::PgConnection,
    mail: &disha_store::NewMail,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO outbox (to_addr, subject, body_text, headers_json, kind, available_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(disha_store::decode::headers_json(&mail.headers))
    .bind(&mail.kind)
    .bind(now)
    .fetch_one(tx)
    .await
    .map_err(db)
}

/// Bumps a freshness scope in the caller's transaction, so cached pages built from it are rebuilt.
pub(crate) async fn bump(c: &mut sqlx::PgConnection, scope: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO content_versions (scope, version) VALUES ($1, 1)
         ON CONFLICT (scope) DO UPDATE SET version = content_versions.version + 1",
    )
    .bind(scope)
    .execute(c)
    .await
    .map_err(db)?;
    Ok(())
}
