use crate::SqliteStore;
use crate::rows::{
    CareerRow, ExistingRow, SlugRow, StreamCountRow, SummaryRow, db, from_micros, to_micros,
};
use async_trait::async_trait;
use disha_domain::{
    Career, CareerProfile, CareerQuery, CareerSort, CareerSummary, Paged, Slug, title_words,
};
use disha_store::{CareerStore, PutOutcome, StoreError, StreamCount, decode, scopes};
use sqlx::{QueryBuilder, Sqlite};
use time::OffsetDateTime;

const SUMMARY_COLUMNS: &str = "slug, title, stream, summary, education_level, revision, updated_at";

fn encode(p: &CareerProfile) -> Result<String, StoreError> {
    serde_json::to_string(p).map_err(|e| StoreError::Database(Box::new(e)))
}

/// Appends the WHERE clause shared by the page query and its count.
fn push_filters(qb: &mut QueryBuilder<Sqlite>, q: &CareerQuery) {
    qb.push(" FROM careers WHERE status = 'published'");
    if let Some(s) = q.stream {
        qb.push(" AND stream = ").push_bind(s.key());
    }
    if let Some(l) = q.level {
        qb.push(" AND education_level = ")
            .push_bind(i64::from(l.get()));
    }
    if let Some(p) = &q.prefix {
        qb.push(" AND instr(title_words, ")
            .push_bind(p.needle())
            .push(") > 0");
    }
}

#[async_trait]
impl CareerStore for SqliteStore {
    async fn put_careers(&self, profiles: &[CareerProfile]) -> Result<PutOutcome, StoreError> {
        let now = to_micros(OffsetDateTime::now_utc());
        let mut out = PutOutcome::default();
        let mut tx = self
            .writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(db)?;
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
                "INSERT INTO careers (slug, title, title_words, stream, education_level, summary, status, body, revision, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
                 ON CONFLICT (slug) DO UPDATE SET title = excluded.title, title_words = excluded.title_words,
                    stream = excluded.stream, education_level = excluded.education_level, summary = excluded.summary,
                    status = excluded.status, body = excluded.body, revision = excluded.revision,
                    updated_at = excluded.updated_at",
            )
            .bind(p.slug.as_str())
            .bind(&p.title)
            .bind(title_words(&p.title))
            .bind(p.stream.key())
            .bind(i64::from(p.education_level.get()))
            .bind(&p.summary)
            .bind(p.status.key())
            .bind(body)
            .bind(revision)
            .bind(now)
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

    async fn list_published_careers(
        &self,
        q: &CareerQuery,
    ) -> Result<Paged<CareerSummary>, StoreError> {
        let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*)");
        push_filters(&mut count, q);
        let total: i64 = count
            .build_query_scalar()
            .fetch_one(&self.reader)
            .await
            .map_err(db)?;

        let mut page = QueryBuilder::<Sqlite>::new(format!("SELECT {SUMMARY_COLUMNS}"));
        push_filters(&mut page, q);
        page.push(match q.sort {
            CareerSort::Title => " ORDER BY title COLLATE NOCASE, slug",
            CareerSort::Level => " ORDER BY education_level, title COLLATE NOCASE, slug",
            CareerSort::Updated => " ORDER BY updated_at DESC, title COLLATE NOCASE, slug",
        });
        page.push(" LIMIT ").push_bind(i64::from(q.page.per_page));
        page.push(" OFFSET ")
            .push_bind(i64::try_from(q.page.offset()).unwrap_or(i64::MAX));
        let rows: Vec<SummaryRow> = page
            .build_query_as()
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        Ok(Paged {
            items: rows
                .into_iter()
                .map(SummaryRow::decode)
                .collect::<Result<_, _>>()?,
            total: decode::count(total),
            page: q.page.page,
            per_page: q.page.per_page,
        })
    }

    async fn published_summaries(&self, slugs: &[Slug]) -> Result<Vec<CareerSummary>, StoreError> {
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<Sqlite>::new(format!(
            "SELECT {SUMMARY_COLUMNS} FROM careers WHERE status = 'published' AND slug IN ("
        ));
        let mut list = qb.separated(", ");
        for s in slugs {
            list.push_bind(s.as_str());
        }
        qb.push(")");
        let rows: Vec<SummaryRow> = qb
            .build_query_as()
            .fetch_all(&self.reader)
            .await
            .map_err(db)?;
        let found = rows
            .into_iter()
            .map(SummaryRow::decode)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(decode::in_requested_order(found, slugs))
    }

    async fn stream_counts(&self) -> Result<Vec<StreamCount>, StoreError> {
        let rows: Vec<StreamCountRow> = sqlx::query_as(
            "SELECT stream, COUNT(*) AS careers FROM careers WHERE status = 'published' GROUP BY stream",
        )
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        decode::stream_counts(rows.into_iter().map(|r| (r.stream, r.careers)).collect())
    }

    async fn published_slugs(&self) -> Result<Vec<(Slug, OffsetDateTime)>, StoreError> {
        let rows: Vec<SlugRow> = sqlx::query_as(
            "SELECT slug, updated_at FROM careers WHERE status = 'published' ORDER BY slug",
        )
        .fetch_all(&self.reader)
        .await
        .map_err(db)?;
        rows.into_iter()
            .map(|r| Ok((decode::slug(&r.slug)?, from_micros(r.updated_at)?)))
            .collect()
    }

    async fn career_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM careers")
            .fetch_one(&self.reader)
            .await
            .map_err(db)?;
        Ok(decode::count(n))
    }
}
