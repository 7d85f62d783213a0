use crate::SqliteStore;
use crate::rows::{db, to_micros};
use async_trait::async_trait;
use disha_store::{ClaimedMail, NewMail, OutboxCounts, OutboxStore, StoreError, decode};
use time::OffsetDateTime;

#[async_trait]
impl OutboxStore for SqliteStore {
    async fn enqueue_mail(&self, mail: &NewMail) -> Result<i64, StoreError> {
        let mut tx = self.write().await?;
        let id = crate::rows::enqueue(&mut tx, mail, OffsetDateTime::now_utc()).await?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn claim_mail(
        &self,
        lease: &str,
        limit: u32,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
    ) -> Result<Vec<ClaimedMail>, StoreError> {
        // Most rounds find nothing due; asking a reader first keeps an idle dispatcher from taking the single
        // write lock every second (which other processes, such as a catalog load, would have to wait for).
        let due: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM outbox WHERE status = 'pending' AND available_at <= ?1
               AND (lease_until IS NULL OR lease_until <= ?1) LIMIT 1",
        )
        .bind(to_micros(now))
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        if due.is_none() {
            return Ok(Vec::new());
        }
        // One writer at a time: inside BEGIN IMMEDIATE no other claim can interleave, so selecting and leasing
        // in one statement is enough.
        let mut tx = self.write().await?;
        let rows: Vec<disha_store::decode::OutboxColumns> = sqlx::query_as(
            "UPDATE outbox SET lease_owner = ?1, lease_until = ?2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox
                          WHERE status = 'pending' AND available_at <= ?3
                            AND (lease_until IS NULL OR lease_until <= ?3)
                          ORDER BY id LIMIT ?4)
             RETURNING id, lease_owner, to_addr, subject, body_text, headers_json, kind, attempts",
        )
        .bind(lease)
        .bind(to_micros(lease_until))
        .bind(to_micros(now))
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        let mut out: Vec<ClaimedMail> = rows
            .into_iter()
            .map(disha_store::decode::OutboxColumns::decode)
            .collect::<Result<_, _>>()?;
        out.sort_by_key(|m| m.id);
        Ok(out)
    }

    async fn mail_sent(
        &self,
        id: i64,
        lease: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = ?, lease_owner = NULL, lease_until = NULL
             WHERE id = ? AND lease_owner = ? AND status = 'pending'",
        )
        .bind(to_micros(now))
        .bind(id)
        .bind(lease)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(done == 1)
    }

    async fn mail_failed(
        &self,
        id: i64,
        lease: &str,
        error: &str,
        retry_at: Option<OffsetDateTime>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE outbox SET status = CASE WHEN ?1 IS NULL THEN 'dead' ELSE 'pending' END,
                    available_at = COALESCE(?1, available_at), last_error = ?2,
                    lease_owner = NULL, lease_until = NULL
             WHERE id = ?3 AND lease_owner = ?4 AND status = 'pending'",
        )
        .bind(retry_at.map(to_micros))
        .bind(decode::clip(error, 2000))
        .bind(id)
        .bind(lease)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(done == 1)
    }

    async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
                .fetch_all(&self.reader)
                .await
                .map_err(db)?;
        Ok(decode::outbox_counts(&rows))
    }
}
