use crate::SqliteStore;
use crate::rows::db;
use async_trait::async_trait;
use disha_domain::{Institution, Slug};
use disha_store::decode::{
    self, INSTITUTION_COLUMNS, InstitutionColumns, ProgrammeColumns, course_key, name_key,
};
use disha_store::{
    ImportCounts, IndexedInstitution, InstitutionRecord, InstitutionStore, StoreError, scopes,
};
use sqlx::SqliteConnection;
use std::collections::{HashMap, HashSet};

/// Marks SQL built only from this file's constants (never from input) as safe to send.
fn sql(text: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(text)
}

async fn write_programmes(
    c: &mut SqliteConnection,
    id: i64,
    r: &InstitutionRecord,
) -> Result<(), StoreError> {
    for (position, p) in r.programmes.iter().enumerate() {
        sqlx::query(
            "INSERT INTO institution_programmes
               (institution_id, position, level, discipline, course, course_key, shift, mode, intake)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(<&'static str>::from(p.level))
        .bind(&p.discipline)
        .bind(&p.course)
        .bind(course_key(&p.course))
        .bind(&p.shift)
        .bind(&p.mode)
        .bind(p.intake.map(i64::from))
        .execute(&mut *c)
        .await
        .map_err(db)?;
    }
    Ok(())
}

/// Stores a new institution under `slug`, with its programmes.
async fn insert(
    c: &mut SqliteConnection,
    slug: &str,
    r: &InstitutionRecord,
) -> Result<(), StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO institutions (slug, source, source_id, name, name_key, kind, address, district,
                                   district_key, state, university, women_only, minority,
                                   programme_count, intake, digest)
         VALUES (?, 'aicte', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(slug)
    .bind(&r.source_id)
    .bind(&r.name)
    .bind(name_key(&r.name))
    .bind(<&'static str>::from(r.kind))
    .bind(&r.address)
    .bind(&r.district)
    .bind(name_key(&r.district))
    .bind(r.state)
    .bind(&r.university)
    .bind(r.women_only)
    .bind(r.minority)
    .bind(i64::try_from(r.programmes.len()).unwrap_or(i64::MAX))
    .bind(r.intake())
    .bind(&r.digest)
    .fetch_one(&mut *c)
    .await
    .map_err(db)?;
    write_programmes(c, id, r).await
}

#[async_trait]
impl InstitutionStore for SqliteStore {
    async fn import_aicte(
        &self,
        records: &[InstitutionRecord],
    ) -> Result<ImportCounts, StoreError> {
        let mut tx = self.write().await?;
        let stored: HashMap<String, (i64, String)> = sqlx::query_as::<_, (String, i64, String)>(
            "SELECT source_id, id, digest FROM institutions WHERE source = 'aicte'",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?
        .into_iter()
        .map(|(source_id, id, digest)| (source_id, (id, digest)))
        .collect();
        let plan = decode::plan_import(&stored, records);
        if plan.is_empty() {
            return Ok(plan.counts);
        }
        for id in &plan.remove {
            sqlx::query("DELETE FROM institutions WHERE id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        // A changed institution is stored afresh under the slug it had: its programmes are replaced anyway.
        for (id, r) in &plan.update {
            let slug: String =
                sqlx::query_scalar("DELETE FROM institutions WHERE id = ? RETURNING slug")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db)?;
            insert(&mut tx, &slug, r).await?;
        }
        if !plan.insert.is_empty() {
            let mut taken: HashSet<String> = sqlx::query_scalar("SELECT slug FROM institutions")
                .fetch_all(&mut *tx)
                .await
                .map_err(db)?
                .into_iter()
                .collect();
            for r in &plan.insert {
                let slug = decode::free_slug(&mut taken, &r.slug);
                insert(&mut tx, &slug, r).await?;
            }
        }
        crate::rows::bump(&mut tx, scopes::COLLEGES).await?;
        tx.commit().await.map_err(db)?;
        Ok(plan.counts)
    }

    async fn institution_index(&self) -> Result<Vec<IndexedInstitution>, StoreError> {
        let mut conn = self.reader.acquire().await.map_err(db)?;
        let rows: Vec<InstitutionColumns> = sqlx::query_as(sql(format!(
            "SELECT {INSTITUTION_COLUMNS} FROM institutions"
        )))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let offers: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT DISTINCT institution_id, level, course_key FROM institution_programmes",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        decode::institution_index(rows, offers)
    }

    async fn institution(&self, slug: &Slug) -> Result<Option<Institution>, StoreError> {
        let mut conn = self.reader.acquire().await.map_err(db)?;
        let row: Option<InstitutionColumns> = sqlx::query_as(sql(format!(
            "SELECT {INSTITUTION_COLUMNS} FROM institutions WHERE slug = ?"
        )))
        .bind(slug.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let programmes: Vec<ProgrammeColumns> = sqlx::query_as(
            "SELECT level, discipline, course, shift, mode, intake FROM institution_programmes
             WHERE institution_id = ? ORDER BY position",
        )
        .bind(row.id)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let programmes = programmes
            .into_iter()
            .map(ProgrammeColumns::decode)
            .collect::<Result<_, _>>()?;
        row.decode(programmes).map(Some)
    }
}
