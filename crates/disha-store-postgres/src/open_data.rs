use crate::PgStore;
use crate::rows::{bump, db, now};
use async_trait::async_trait;
use disha_domain::Slug;
use disha_store::decode::{free_slug, plan_import};
use disha_store::{DataRecord, Dataset, ImportCounts, OpenDataStore, StoreError, StoredRecord};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

#[derive(sqlx::FromRow)]
struct Row {
    key: String,
    slug: Option<String>,
    summary: String,
    body: String,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
}

impl Row {
    fn decode(self) -> Result<StoredRecord, StoreError> {
        Ok(StoredRecord {
            key: self.key,
            slug: self
                .slug
                .map(|s| Slug::parse(&s).map_err(|e| StoreError::Corrupt(format!("slug {s}: {e}"))))
                .transpose()?,
            summary: self.summary,
            body: self.body,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

#[async_trait]
impl OpenDataStore for PgStore {
    async fn import_dataset(
        &self,
        dataset: Dataset,
        records: &[DataRecord],
    ) -> Result<ImportCounts, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let stored: HashMap<String, (i64, String)> = sqlx::query_as::<_, (String, i64, String)>(
            "SELECT key, id, digest FROM open_data WHERE dataset = $1 FOR UPDATE",
        )
        .bind(dataset.key())
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?
        .into_iter()
        .map(|(key, id, digest)| (key, (id, digest)))
        .collect();
        let plan = plan_import(&stored, records);
        if plan.is_empty() {
            return Ok(plan.counts);
        }
        let now = now();
        for id in &plan.remove {
            sqlx::query("DELETE FROM open_data WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        for (id, r) in &plan.update {
            sqlx::query(
                "UPDATE open_data SET summary = $1, body = $2, digest = $3, updated_at = $4 WHERE id = $5",
            )
            .bind(&r.summary)
            .bind(&r.body)
            .bind(&r.digest)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        if !plan.insert.is_empty() {
            let mut taken: HashSet<String> = sqlx::query_scalar(
                "SELECT slug FROM open_data WHERE dataset = $1 AND slug IS NOT NULL
                 UNION SELECT slug FROM careers",
            )
            .bind(dataset.key())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?
            .into_iter()
            .collect();
            for r in &plan.insert {
                let slug = r.slug.as_ref().map(|s| free_slug(&mut taken, s));
                sqlx::query(
                    "INSERT INTO open_data (dataset, key, slug, summary, body, digest, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(dataset.key())
                .bind(&r.key)
                .bind(slug)
                .bind(&r.summary)
                .bind(&r.body)
                .bind(&r.digest)
                .bind(now)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
        }
        bump(&mut tx, dataset.scope()).await?;
        tx.commit().await.map_err(db)?;
        Ok(plan.counts)
    }

    async fn data_record(
        &self,
        dataset: Dataset,
        key: &str,
    ) -> Result<Option<StoredRecord>, StoreError> {
        sqlx::query_as::<_, Row>("SELECT key, slug, summary, body, created_at, updated_at FROM open_data WHERE dataset = $1 AND key = $2")
            .bind(dataset.key())
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Row::decode)
            .transpose()
    }

    async fn data_record_by_slug(
        &self,
        dataset: Dataset,
        slug: &Slug,
    ) -> Result<Option<StoredRecord>, StoreError> {
        sqlx::query_as::<_, Row>("SELECT key, slug, summary, body, created_at, updated_at FROM open_data WHERE dataset = $1 AND slug = $2")
            .bind(dataset.key())
            .bind(slug.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Row::decode)
            .transpose()
    }

    async fn data_summaries(&self, dataset: Dataset) -> Result<Vec<StoredRecord>, StoreError> {
        sqlx::query_as::<_, Row>(
            "SELECT key, slug, summary, '' AS body, created_at, updated_at FROM open_data
             WHERE dataset = $1 ORDER BY key COLLATE \"C\"",
        )
        .bind(dataset.key())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(Row::decode)
        .collect()
    }

    async fn data_records(&self, dataset: Dataset) -> Result<Vec<StoredRecord>, StoreError> {
        sqlx::query_as::<_, Row>("SELECT key, slug, summary, body, created_at, updated_at FROM open_data WHERE dataset = $1 ORDER BY key COLLATE \"C\"")
            .bind(dataset.key())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Row::decode)
            .collect()
    }
}
