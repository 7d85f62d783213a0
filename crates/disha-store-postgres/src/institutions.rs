use crate::PgStore;
use crate::rows::db;
use async_trait::async_trait;
use disha_domain::{Institution, Slug};
use disha_store::decode::{
    self, INSTITUTION_COLUMNS, InstitutionColumns, ProgrammeColumns, course_key, name_key,
};
use disha_store::{
    ImportCounts, IndexedInstitution, InstitutionRecord, InstitutionStore, StoreError, scopes,
};
use sqlx::PgConnection;
use std::collections::{HashMap, HashSet};

/// Marks SQL built only from this file's constants (never from input) as safe to send.
fn sql(text: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(text)
}

async fn write_programmes(
    c: &mut PgConnection,
    id: i64,
    r: &InstitutionRecord,
) -> Result<(), StoreError> {
    if r.programmes.is_empty() {
        return Ok(());
    }
    let ps = &r.programmes;
    // One statement for all of an institution's programmes: a round trip each would dominate the import.
    sqlx::query(
        "INSERT INTO institution_programmes
           (institution_id, position, level, discipline, course, course_key, shift, mode, intake)
         SELECT $1, * FROM UNNEST($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                  $7::text[], $8::text[], $9::bigint[])",
    )
    .bind(id)
    .bind(
        (0..ps.len())
            .map(|n| i64::try_from(n).unwrap_or(i64::MAX))
            .collect::<Vec<_>>(),
    )
    .bind(
        ps.iter()
            .map(|p| <&'static str>::from(p.level))
            .collect::<Vec<_>>(),
    )
    .bind(ps.iter().map(|p| p.discipline.as_str()).collect::<Vec<_>>())
    .bind(ps.iter().map(|p| p.course.as_str()).collect::<Vec<_>>())
    .bind(ps.iter().map(|p| course_key(&p.course)).collect::<Vec<_>>())
    .bind(ps.iter().map(|p| p.shift.as_str()).collect::<Vec<_>>())
    .bind(ps.iter().map(|p| p.mode.as_str()).collect::<Vec<_>>())
    .bind(
        ps.iter()
            .map(|p| p.intake.map(i64::from))
            .collect::<Vec<_>>(),
    )
    .execute(&mut *c)
    .await
    .map_err(db)?;
    Ok(())
}

/// Stores a new institution under `slug`, with its programmes.
async fn insert(c: &mut PgConnection, slug: &str, r: &InstitutionRecord) -> Result<(), StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO institutions (slug, source, source_id, name, name_key, kind, address, district,
                                   district_key, state, university, women_only, minority,
                                   programme_count, intake, digest)
         VALUES ($1, 'aicte', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
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
impl InstitutionStore for PgStore {
    async fn import_aicte(
        &self,
        records: &[InstitutionRecord],
    ) -> Result<ImportCounts, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let stored: HashMap<String, (i64, String)> = sqlx::query_as::<_, (String, i64, String)>(
            "SELECT source_id, id, digest FROM institutions WHERE source = 'aicte' FOR UPDATE",
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
            sqlx::query("DELETE FROM institutions WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        // A changed institution is stored afresh under the slug it had: its programmes are replaced anyway.
        for (id, r) in &plan.update {
            let slug: String =
                sqlx::query_scalar("DELETE FROM institutions WHERE id = $1 RETURNING slug")
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
        let mut conn = self.pool.acquire().await.map_err(db)?;
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
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let row: Option<InstitutionColumns> = sqlx::query_as(sql(format!(
            "SELECT {INSTITUTION_COLUMNS} FROM institutions WHERE slug = $1"
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
             WHERE institution_id = $1 ORDER BY position",
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
