use crate::SqliteStore;
use crate::rows::{ReportRow, db, to_micros};
use async_trait::async_trait;
use disha_domain::MistakeReport;
use disha_store::{Admission, FeedbackStore, RateLimit, StoreError, StoredReport, window};
use time::OffsetDateTime;

/// Forgets windows that have ended, inside the caller's transaction.
pub(crate) async fn purge_limits(
    c: &mut sqlx::SqliteConnection,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM rate_limits WHERE expires_at <= ?")
        .bind(now.unix_timestamp())
        .execute(&mut *c)
        .await
        .map_err(db)?;
    Ok(())
}

/// Counts one hit against a rate limit inside the caller's transaction (after [`purge_limits`]).
pub(crate) async fn count_hit(
    c: &mut sqlx::SqliteConnection,
    limit: &RateLimit,
    now: OffsetDateTime,
) -> Result<Admission, StoreError> {
    let (start, left) = window(now, limit.window_secs);
    // The conditional upsert counts the hit only while the window has room; no row back means full.
    let counted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES (?1, ?2, 1, ?3)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 WHERE hits < ?4
         RETURNING hits",
    )
    .bind(&limit.bucket)
    .bind(start)
    .bind(start + i64::from(limit.window_secs.max(1)))
    .bind(i64::from(limit.max))
    .fetch_optional(&mut *c)
    .await
    .map_err(db)?;
    Ok(match counted {
        Some(_) if limit.max > 0 => Admission::Allowed,
        _ => Admission::Limited {
            retry_after_secs: left,
        },
    })
}

#[async_trait]
impl FeedbackStore for SqliteStore {
    async fn hit_rate_limit(
        &self,
        limit: &RateLimit,
        now: OffsetDateTime,
    ) -> Result<Admission, StoreError> {
        let mut tx = self.write().await?;
        purge_limits(&mut tx, now).await?;
        let admission = count_hit(&mut tx, limit, now).await?;
        tx.commit().await.map_err(db)?;
        Ok(admission)
    }

    async fn add_mistake_report(&self, report: &MistakeReport) -> Result<i64, StoreError> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO mistake_reports (career_slug, section, message, evidence_url, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(report.career.as_str())
        .bind(report.section.key())
        .bind(&report.message)
        .bind(report.evidence_url.as_ref().map(|u| u.as_str()))
        .bind(to_micros(OffsetDateTime::now_utc()))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn open_mistake_reports(&self) -> Result<Vec<StoredReport>, StoreError> {
        let rows: Vec<ReportRow> = sqlx::query_as(
            "SELECT id, career_slug, section, message, evidence_url, created_at
             FROM mistake_reports WHERE status = 'open' ORDER BY id",
        )
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        rows.into_iter().map(ReportRow::decode).collect()
    }

    async fn close_mistake_report(&self, id: i64) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE mistake_reports SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'",
        )
        .bind(to_micros(OffsetDateTime::now_utc()))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(done == 1)
    }
}
