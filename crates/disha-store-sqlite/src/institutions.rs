use crate::SqliteStore;
use crate::rows::db;
use async_trait::async_trait;
use disha_domain::{Institution, Slug};
use disha_store::decode::{
    self, INSTITUTION_COLUMNS, InstitutionColumns, ProgrammeColumns, course_key, name_key,
};
use disha_store::{
    ImportCounts, InstitutionFilter, InstitutionRecord, InstitutionSort, InstitutionStore,
    InstitutionSummary, StoreError, scopes,
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

/// The `WHERE` clause of a list and its parameters in order. Only the filters given are in it, so the
/// planner can use the index each one needs (a `? IS NULL OR …` clause would make it scan every row).
fn list_filter(f: &InstitutionFilter) -> (String, Vec<String>) {
    let mut conds: Vec<&str> = Vec::new();
    let mut params = Vec::new();
    if let Some(s) = f.state {
        conds.push("i.state = ?");
        params.push(s.to_owned());
    }
    if let Some(d) = &f.district {
        conds.push("i.district_key = ?");
        params.push(name_key(d));
    }
    if let Some(k) = f.kind {
        conds.push("i.kind = ?");
        params.push(<&'static str>::from(k).to_owned());
    }
    if !f.courses.is_empty() {
        let keys: Vec<String> = f.courses.iter().map(|c| course_key(c)).collect();
        params.push(serde_json::to_string(&keys).unwrap_or_else(|_unknown| "[]".to_owned()));
        if let Some(l) = f.level {
            conds.push(
                "i.id IN (SELECT p.institution_id FROM institution_programmes p
                          WHERE p.course_key IN (SELECT value FROM json_each(?)) AND p.level = ?)",
            );
            params.push(<&'static str>::from(l).to_owned());
        } else {
            conds.push(
                "i.id IN (SELECT p.institution_id FROM institution_programmes p
                          WHERE p.course_key IN (SELECT value FROM json_each(?)))",
            );
        }
    } else if let Some(l) = f.level {
        conds.push(
            "i.id IN (SELECT p.institution_id FROM institution_programmes p WHERE p.level = ?)",
        );
        params.push(<&'static str>::from(l).to_owned());
    }
    if f.women_only {
        conds.push("i.women_only = 1");
    }
    if let Some(t) = &f.text {
        conds.push("instr(i.name_key, ?) > 0");
        params.push(name_key(t));
    }
    let clause = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    (clause, params)
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
        for (id, r) in &plan.update {
            sqlx::query(
                "UPDATE institutions SET name = ?, name_key = ?, kind = ?, address = ?, district = ?,
                        district_key = ?, state = ?, university = ?, women_only = ?, minority = ?,
                        programme_count = ?, intake = ?, digest = ?
                 WHERE id = ?",
            )
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
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            sqlx::query("DELETE FROM institution_programmes WHERE institution_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            write_programmes(&mut tx, *id, r).await?;
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
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO institutions (slug, source, source_id, name, name_key, kind, address,
                                               district, district_key, state, university, women_only,
                                               minority, programme_count, intake, digest)
                     VALUES (?, 'aicte', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     RETURNING id",
                )
                .bind(&slug)
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
                .fetch_one(&mut *tx)
                .await
                .map_err(db)?;
                write_programmes(&mut tx, id, r).await?;
            }
        }
        crate::rows::bump(&mut tx, scopes::COLLEGES).await?;
        tx.commit().await.map_err(db)?;
        Ok(plan.counts)
    }

    async fn list_institutions(
        &self,
        f: &InstitutionFilter,
    ) -> Result<(Vec<InstitutionSummary>, u64), StoreError> {
        let (clause, params) = list_filter(f);
        let order = match f.sort {
            InstitutionSort::Name => "i.name_key, i.id",
            InstitutionSort::Intake => "i.intake DESC, i.name_key, i.id",
        };
        let mut conn = self.reader.acquire().await.map_err(db)?;
        let mut count = sqlx::query_scalar::<_, i64>(sql(format!(
            "SELECT count(*) FROM institutions i{clause}"
        )));
        for p in &params {
            count = count.bind(p.clone());
        }
        let total = count.fetch_one(&mut *conn).await.map_err(db)?;
        let columns = INSTITUTION_COLUMNS
            .split(", ")
            .map(|c| format!("i.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut page = sqlx::query_as::<_, InstitutionColumns>(sql(format!(
            "SELECT {columns} FROM institutions i{clause} ORDER BY {order} LIMIT ? OFFSET ?"
        )));
        for p in &params {
            page = page.bind(p.clone());
        }
        let rows = page
            .bind(i64::from(f.limit))
            .bind(i64::try_from(f.offset).unwrap_or(i64::MAX))
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?;
        let items = rows
            .into_iter()
            .map(InstitutionColumns::summary)
            .collect::<Result<_, _>>()?;
        Ok((items, decode::count(total)))
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

    async fn districts(&self, state: &'static str) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT min(district) FROM institutions WHERE state = ? AND district_key <> ''
             GROUP BY district_key ORDER BY district_key",
        )
        .bind(state)
        .fetch_all(&self.reader)
        .await
        .map_err(db)
    }
}
