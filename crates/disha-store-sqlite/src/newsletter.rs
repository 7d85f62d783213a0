use crate::SqliteStore;
use crate::rows::{db, enqueue, to_micros};
use async_trait::async_trait;
use disha_store::{IssueRecord, NewMail, NewsletterStore, Reader, StoreError, Subscription};
use time::OffsetDateTime;

#[async_trait]
impl NewsletterStore for SqliteStore {
    async fn subscribe(&self, s: &Subscription) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.write().await?;
        let confirmed: Option<bool> =
            sqlx::query_scalar("SELECT confirmed_at IS NOT NULL FROM subscribers WHERE email = ?")
                .bind(s.email.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        match confirmed {
            Some(true) => return Ok(false),
            Some(false) => {
                sqlx::query(
                    "UPDATE subscribers SET interests = ?, confirm_token_hash = ?, confirm_expires_at = ?
                     WHERE email = ?",
                )
                .bind(&s.interests)
                .bind(&s.confirm_token_hash)
                .bind(to_micros(s.confirm_expires_at))
                .bind(s.email.as_str())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO subscribers (email, interests, confirm_token_hash, confirm_expires_at,
                                              unsubscribe_token, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(s.email.as_str())
                .bind(&s.interests)
                .bind(&s.confirm_token_hash)
                .bind(to_micros(s.confirm_expires_at))
                .bind(&s.unsubscribe_token)
                .bind(to_micros(now))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
        }
        enqueue(&mut tx, &s.mail, now).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn confirm_subscription(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE subscribers SET confirmed_at = ?1, confirm_token_hash = NULL, confirm_expires_at = NULL
             WHERE confirm_token_hash = ?2 AND confirm_expires_at > ?1 AND confirmed_at IS NULL
             RETURNING id",
        )
        .bind(to_micros(now))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(id.is_some())
    }

    async fn unsubscribe(&self, token: &str) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let id: Option<i64> =
            sqlx::query_scalar("DELETE FROM subscribers WHERE unsubscribe_token = ? RETURNING id")
                .bind(token)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(id.is_some())
    }

    async fn readers(&self, interest: Option<&str>) -> Result<Vec<Reader>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT email, unsubscribe_token FROM subscribers
             WHERE confirmed_at IS NOT NULL
               AND (?1 IS NULL OR interests = '' OR instr(' ' || interests || ' ', ' ' || ?1 || ' ') > 0)
             ORDER BY id",
        )
        .bind(interest)
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        Ok(rows
            .into_iter()
            .map(|(email, unsubscribe_token)| Reader {
                email,
                unsubscribe_token,
            })
            .collect())
    }

    async fn queue_issue(&self, issue: &IssueRecord, mails: &[NewMail]) -> Result<i64, StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO newsletter_issues (subject, body, interest, sent_by, recipients, created_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&issue.subject)
        .bind(&issue.body)
        .bind(issue.interest.as_deref())
        .bind(issue.sent_by)
        .bind(i64::try_from(mails.len()).unwrap_or(i64::MAX))
        .bind(to_micros(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        for m in mails {
            enqueue(&mut tx, m, now).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(id)
    }
}
