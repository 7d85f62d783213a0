use crate::PgStore;
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

/// A list parameter: text, or a list of texts.
enum Bind {
    Text(String),
    List(Vec<String>),
}

/// The `WHERE` clause of a list and its parameters in order (`$1` …). Only the filters given are in it, so
/// the planner can use the index each one needs (a `$1 IS NULL OR …` clause would make it scan every row).
fn list_filter(f: &InstitutionFilter) -> (String, Vec<Bind>) {
    let mut conds: Vec<String> = Vec::new();
    let mut params = Vec::new();
    let next = |p: Bind, params: &mut Vec<Bind>| {
        params.push(p);
        format!("${}", params.len())
    };
    if let Some(s) = f.state {
        let n = next(Bind::Text(s.to_owned()), &mut params);
        conds.push(format!("i.state = {n}"));
    }
    if let Some(d) = &f.district {
        let n = next(Bind::Text(name_key(d)), &mut params);
        conds.push(format!("i.district_key = {n}"));
    }
    if let Some(k) = f.kind {
        let n = next(Bind::Text(<&'static str>::from(k).to_owned()), &mut params);
        conds.push(format!("i.kind = {n}"));
    }
    let level = f
        .level
        .map(|l| next(Bind::Text(<&'static str>::from(l).to_owned()), &mut params));
    if !f.courses.is_empty() {
        let keys = f.courses.iter().map(|c| course_key(c)).collect();
        let n = next(Bind::List(keys), &mut params);
        let at_level = level
            .map(|l| format!(" AND p.level = {l}"))
            .unwrap_or_default();
        conds.push(format!(
            "i.id IN (SELECT p.institution_id FROM institution_programmes p
                      WHERE p.course_key = ANY({n}::text[]){at_level})"
        ));
    } else if let Some(l) = level {
        conds.push(format!(
            "i.id IN (SELECT p.institution_id FROM institution_programmes p WHERE p.level = {l})"
        ));
    }
    if f.women_only {
        conds.push("i.women_only".to_owned());
    }
    if let Some(t) = &f.text {
        let n = next(Bind::Text(name_key(t)), &mut params);
        conds.push(format!("strpos(i.name_key, {n}) > 0"));
    }
    let clause = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    (clause, params)
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
        for (id, r) in &plan.update {
            sqlx::query(
                "UPDATE institutions SET name = $1, name_key = $2, kind = $3, address = $4, district = $5,
                        district_key = $6, state = $7, university = $8, women_only = $9, minority = $10,
                        programme_count = $11, intake = $12, digest = $13
                 WHERE id = $14",
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
            sqlx::query("DELETE FROM institution_programmes WHERE institution_id = $1")
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
                     VALUES ($1, 'aicte', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
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
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let mut count = sqlx::query_scalar::<_, i64>(sql(format!(
            "SELECT count(*) FROM institutions i{clause}"
        )));
        for p in &params {
            count = match p {
                Bind::Text(t) => count.bind(t.clone()),
                Bind::List(l) => count.bind(l.clone()),
            };
        }
        let total = count.fetch_one(&mut *conn).await.map_err(db)?;
        let columns = INSTITUTION_COLUMNS
            .split(", ")
            .map(|c| format!("i.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let n = params.len();
        let mut page = sqlx::query_as::<_, InstitutionColumns>(sql(format!(
            "SELECT {columns} FROM institutions i{clause} ORDER BY {order} LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        )));
        for p in &params {
            page = match p {
                Bind::Text(t) => page.bind(t.clone()),
                Bind::List(l) => page.bind(l.clone()),
            };
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

    async fn districts(&self, state: &'static str) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT min(district) FROM institutions WHERE state = $1 AND district_key <> ''
             GROUP BY district_key ORDER BY district_key",
        )
        .bind(state)
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }
}
