use crate::PgStore;
use crate::rows::db;
use async_trait::async_trait;
use disha_store::{ClaimedMail, NewMail, OutboxCounts, OutboxStore, StoreError, decode};
use time::OffsetDateTime;

#[async_trait]
impl OutboxStore for PgStore {
    async fn enqueue_mail(&self, mail: &NewMail) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let id = crate::rows::enqueue(&mut tx, mail, crate::rows::now()).await?;
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
        // SKIP LOCKED: rows another instance is claiming right now are passed over, not waited for, so
        // dispatchers on several instances share the queue without ever holding the same message.
        let rows: Vec<disha_store::decode::OutboxColumns> = sqlx::query_as(
            "UPDATE outbox SET lease_owner = $1, lease_until = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox
                          WHERE status = 'pending' AND available_at <= $3
                            AND (lease_until IS NULL OR lease_until <= $3)
                          ORDER BY id LIMIT $4
                          FOR UPDATE SKIP LOCKED)
             RETURNING id, lease_owner, to_addr, subject, body_text, headers_json, kind, attempts",
        )
        .bind(lease)
        .bind(lease_until)
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
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
        let done = sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, lease_owner = NULL, lease_until = NULL
             WHERE id = $2 AND lease_owner = $3 AND status = 'pending'",
        )
        .bind(now)
        .bind(id)
        .bind(lease)
        .execute(&self.pool)
        .await
        .map_err(db)?
        .rows_affected();
        Ok(done == 1)
    }

    async fn mail_failed(
        &self,
        id: i64,
        lease: &str,
        error: &str,
        retry_at: Option<OffsetDateTime>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE outbox SET status = CASE WHEN $1::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
                    available_at = COALESCE($1, available_at), last_error = $2,
                    lease_owner = NULL, lease_until = NULL
             WHERE id = $3 AND lease_owner = $4 AND status = 'pending'",
        )
        .bind(retry_at)
        .bind(decode::clip(error, 2000))
        .bind(id)
        .bind(lease)
        .execute(&self.pool)
        .await
        .map_err(db)?
        .rows_affected();
        Ok(done == 1)
    }

    async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
        Ok(decode::outbox_counts(&rows))
    }
}
