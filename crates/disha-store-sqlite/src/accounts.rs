use crate::SqliteStore;
use crate::rows::{db, to_micros};
use async_trait::async_trait;
use disha_domain::{Account, Email};
use disha_store::{AccountStore, LoginRecord, NewAccountRecord, StoreError};
use time::OffsetDateTime;

#[async_trait]
impl AccountStore for SqliteStore {
    async fn create_account(&self, a: &NewAccountRecord) -> Result<i64, StoreError> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (email, username, username_key, password_hash, role, created_at,
                                   email_verified_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 THEN ?6 END) RETURNING id",
        )
        .bind(a.email.as_str())
        .bind(a.username.as_str())
        .bind(a.username.key())
        .bind(&a.password_hash)
        .bind(a.role.key())
        .bind(to_micros(OffsetDateTime::now_utc()))
        .bind(a.verified)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| db(e).rename_field("username_key", "username"))?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn login_record(&self, email: &Email) -> Result<Option<LoginRecord>, StoreError> {
        let row: Option<disha_store::decode::LoginColumns> = sqlx::query_as(
            "SELECT id, email, username, role, bio, image, true AS verified, password_hash
             FROM accounts WHERE email = ? AND email_verified_at IS NOT NULL",
        )
        .bind(email.as_str())
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        row.map(disha_store::decode::LoginColumns::decode)
            .transpose()
    }

    async fn start_session(
        &self,
        account_id: i64,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.write().await?;
        // Expired sessions are swept as new ones start, so the table holds only live ones and a few more.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(to_micros(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(to_micros(now))
        .bind(to_micros(expires_at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn session_account(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Account>, StoreError> {
        let row: Option<disha_store::decode::AccountColumns> = sqlx::query_as(
            "SELECT a.id, a.email, a.username, a.role, a.bio, a.image,
                    a.email_verified_at IS NOT NULL AS verified
             FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = ? AND s.expires_at > ?",
        )
        .bind(token_hash)
        .bind(to_micros(now))
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        row.map(disha_store::decode::AccountColumns::decode)
            .transpose()
    }

    async fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn start_password_reset(
        &self,
        email: &Email,
        token_hash: &str,
        expires_at: OffsetDateTime,
        mail: &disha_store::NewMail,
    ) -> Result<bool, StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM accounts WHERE email_verified_at IS NOT NULL AND email = ?",
        )
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(id) = id else {
            return Ok(false);
        };
        sqlx::query(
            "UPDATE account_tokens SET used_at = ? WHERE account_id = ? AND purpose = 'reset' AND used_at IS NULL",
        )
        .bind(to_micros(now))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at)
             VALUES (?, ?, 'reset', ?, ?)",
        )
        .bind(token_hash)
        .bind(id)
        .bind(to_micros(now))
        .bind(to_micros(expires_at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        crate::rows::enqueue(&mut tx, mail, now).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn finish_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE account_tokens SET used_at = ?1
             WHERE token_hash = ?2 AND purpose = 'reset' AND used_at IS NULL AND expires_at > ?1
             RETURNING account_id",
        )
        .bind(to_micros(now))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(id) = id else {
            return Ok(false);
        };
        sqlx::query("UPDATE accounts SET password_hash = ? WHERE id = ?")
            .bind(password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM sessions WHERE account_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }
}
