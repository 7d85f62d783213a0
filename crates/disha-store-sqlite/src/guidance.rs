use crate::SqliteStore;
use crate::feedback::{count_hit, purge_limits};
use crate::rows::{bump, db, from_micros, to_micros};
use async_trait::async_trait;
use disha_domain::{CommentTarget, Slug};
use disha_store::decode::{self, corrupt};
use disha_store::{
    Admission, GuidanceStore, KeptByAccount, RateLimit, ResultRecord, StepRecord, StoreError,
    scopes,
};
use time::OffsetDateTime;

fn result(row: (String, Option<i64>, String, i64)) -> Result<ResultRecord, StoreError> {
    let (token, account_id, body, created_at) = row;
    Ok(ResultRecord {
        token,
        account_id,
        body,
        created_at: from_micros(created_at)?,
    })
}

fn kept(rows: Vec<(String, i64)>) -> Result<Vec<(Slug, OffsetDateTime)>, StoreError> {
    rows.into_iter()
        .map(|(slug, at)| Ok((decode::slug(&slug)?, from_micros(at)?)))
        .collect()
}

#[async_trait]
impl GuidanceStore for SqliteStore {
    async fn save_results(
        &self,
        batch: &[(ResultRecord, RateLimit)],
        now: OffsetDateTime,
    ) -> Result<Vec<Admission>, StoreError> {
        let mut tx = self.write().await?;
        purge_limits(&mut tx, now).await?;
        let mut out = Vec::with_capacity(batch.len());
        for (r, limit) in batch {
            let admission = count_hit(&mut tx, limit, now).await?;
            if admission == Admission::Allowed {
                sqlx::query(
                    "INSERT INTO assessment_results (token, account_id, body, created_at) VALUES (?, ?, ?, ?)",
                )
                .bind(&r.token)
                .bind(r.account_id)
                .bind(&r.body)
                .bind(to_micros(r.created_at))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
            out.push(admission);
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn result(&self, token: &str) -> Result<Option<ResultRecord>, StoreError> {
        sqlx::query_as(
            "SELECT token, account_id, body, created_at FROM assessment_results WHERE token = ?",
        )
        .bind(token)
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?
        .map(result)
        .transpose()
    }

    async fn claim_result(&self, token: &str, account_id: i64) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        let claimed: Option<i64> = sqlx::query_scalar(
            "UPDATE assessment_results SET account_id = ?1
             WHERE token = ?2 AND (account_id IS NULL OR account_id = ?1) RETURNING id",
        )
        .bind(account_id)
        .bind(token)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(claimed.is_some())
    }

    async fn keep_career(
        &self,
        account_id: i64,
        slug: &Slug,
        keep: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        let q = if keep {
            sqlx::query(
                "INSERT INTO saved_careers (account_id, career_slug, saved_at) VALUES (?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(account_id)
            .bind(slug.as_str())
            .bind(to_micros(OffsetDateTime::now_utc()))
        } else {
            sqlx::query("DELETE FROM saved_careers WHERE account_id = ? AND career_slug = ?")
                .bind(account_id)
                .bind(slug.as_str())
        };
        q.execute(&mut *tx).await.map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn set_step(&self, account_id: i64, step: &StepRecord) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO step_progress (account_id, step_key, status, note, updated_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (account_id, step_key)
             DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(&step.key)
        .bind(<&'static str>::from(step.status))
        .bind(&step.note)
        .bind(to_micros(step.updated_at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn keep_college(
        &self,
        account_id: i64,
        slug: &Slug,
        keep: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        let q = if keep {
            sqlx::query(
                "INSERT INTO shortlisted_colleges (account_id, college_slug, added_at) VALUES (?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(account_id)
            .bind(slug.as_str())
            .bind(to_micros(OffsetDateTime::now_utc()))
        } else {
            sqlx::query(
                "DELETE FROM shortlisted_colleges WHERE account_id = ? AND college_slug = ?",
            )
            .bind(account_id)
            .bind(slug.as_str())
        };
        q.execute(&mut *tx).await.map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn kept_by(&self, account_id: i64) -> Result<KeptByAccount, StoreError> {
        let mut tx = self.reader.begin().await.map_err(db)?;
        let results = sqlx::query_as(
            "SELECT token, account_id, body, created_at FROM assessment_results
             WHERE account_id = ? ORDER BY created_at DESC, id DESC",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?
        .into_iter()
        .map(result)
        .collect::<Result<_, _>>()?;
        let careers = sqlx::query_as(
            "SELECT career_slug, saved_at FROM saved_careers WHERE account_id = ?
             ORDER BY saved_at DESC, career_slug",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let steps: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT step_key, status, note, updated_at FROM step_progress WHERE account_id = ?
             ORDER BY step_key",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let colleges = sqlx::query_as(
            "SELECT college_slug, added_at FROM shortlisted_colleges WHERE account_id = ?
             ORDER BY added_at DESC, college_slug",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(KeptByAccount {
            results,
            careers: kept(careers)?,
            steps: steps
                .into_iter()
                .map(|(key, status, note, at)| {
                    Ok(StepRecord {
                        status: status
                            .parse()
                            .map_err(|_unknown| corrupt("status", &status))?,
                        key,
                        note,
                        updated_at: from_micros(at)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            colleges: kept(colleges)?,
        })
    }

    async fn delete_account(&self, account_id: i64) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        // The pages its articles and comments were on change: find them before they go.
        let targets: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT a.slug, c.career_slug FROM comments c LEFT JOIN articles a ON a.id = c.article_id
             WHERE c.author_id = ?",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let wrote: i64 = sqlx::query_scalar("SELECT count(*) FROM articles WHERE author_id = ?")
            .bind(account_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        let gone = sqlx::query("DELETE FROM accounts WHERE id = ?")
            .bind(account_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected()
            > 0;
        if gone {
            for t in targets {
                let target = match t {
                    (Some(article), _) => CommentTarget::Article(decode::slug(&article)?),
                    (None, Some(career)) => CommentTarget::Career(decode::slug(&career)?),
                    (None, None) => continue,
                };
                bump(&mut tx, &scopes::comments_on(&target)).await?;
            }
            if wrote > 0 {
                bump(&mut tx, scopes::ARTICLES).await?;
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(gone)
    }
}
