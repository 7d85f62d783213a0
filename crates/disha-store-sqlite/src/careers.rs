use crate::SqliteStore;
use crate::rows::{CareerRow, ExistingRow, SummaryRow, db, from_micros, to_micros};
use async_trait::async_trait;
use disha_domain::{Career, CareerProfile, CareerSummary, Slug, title_words};
use disha_store::{CareerStore, PutOutcome, StoreError, decode, scopes};
use time::OffsetDateTime;

fn encode(p: &CareerProfile) -> Result<String, StoreError> {
    serde_json::to_string(p).map_err(|e| StoreError::Database(Box::new(e)))
}

#[async_trait]
impl CareerStore for SqliteStore {
    async fn put_careers(&self, profiles: &[CareerProfile]) -> Result<PutOutcome, StoreError> {
        let now = to_micros(OffsetDateTime::now_utc());
        let mut out = PutOutcome::default();
        let mut tx = self.write().await?;
        for p in profiles {
            let body = encode(p)?;
            let existing: Option<ExistingRow> =
                sqlx::query_as("SELECT revision, body FROM careers WHERE slug = ?")
                    .bind(p.slug.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
            let revision = match existing {
                Some(old) if old.body == body => {
                    out.unchanged += 1;
                    continue;
                }
                Some(old) => {
                    out.updated += 1;
                    old.revision + 1
                }
                None => {
                    out.created += 1;
                    1
                }
            };
            sqlx::query(
                "INSERT INTO careers (slug, title, title_words, stream, education_level, summary, status, body, revision, created_at, updated_at, school_streams)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)
                 ON CONFLICT (slug) DO UPDATE SET title = excluded.title, title_words = excluded.title_words,
                    stream = excluded.stream, education_level = excluded.education_level, summary = excluded.summary,
                    status = excluded.status, body = excluded.body, revision = excluded.revision,
                    updated_at = excluded.updated_at, school_streams = excluded.school_streams",
            )
            .bind(p.slug.as_str())
            .bind(&p.title)
            .bind(title_words(&p.title))
            .bind(p.stream.key())
            .bind(p.education_level.key())
            .bind(&p.summary)
            .bind(p.status.key())
            .bind(body)
            .bind(revision)
            .bind(now)
            .bind(decode::school_streams_column(p))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        if out.changed() {
            sqlx::query(
                "INSERT INTO content_versions (scope, version) VALUES (?, 1)
                 ON CONFLICT (scope) DO UPDATE SET version = version + 1",
            )
            .bind(scopes::CAREERS)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn published_career(&self, slug: &Slug) -> Result<Option<Career>, StoreError> {
        let row: Option<CareerRow> = sqlx::query_as(
            "SELECT body, revision, created_at, updated_at FROM careers WHERE slug = ? AND status = 'published'",
        )
        .bind(slug.as_str())
        .fetch_optional(&self.reader)
        .await
        .map_err(db)?;
        row.map(|r| {
            let profile = serde_json::from_str(&r.body)
                .map_err(|e| StoreError::Corrupt(format!("{slug}: {e}")))?;
            Ok(Career {
                profile,
                revision: r.revision,
                created_at: from_micros(r.created_at)?,
                updated_at: from_micros(r.updated_at)?,
            })
        })
        .transpose()
    }

    async fn published_summaries(&self) -> Result<Vec<CareerSummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(
            "SELECT slug, title, stream, summary, education_level, school_streams, revision,
                    updated_at
             FROM careers WHERE status = 'published'",
        )
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        rows.into_iter().map(SummaryRow::decode).collect()
    }

    async fn career_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM careers")
            .fetch_one(&self.reader)
            .await
            .map_err(db)?;
        Ok(decode::count(n))
    }
}
