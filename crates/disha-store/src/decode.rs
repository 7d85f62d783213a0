//! Turning stored values back into domain types, shared by both back ends so they agree on what counts as
//! corrupt data.

use crate::StoreError;
use disha_domain::{CareerSummary, Slug, Stream};
use time::OffsetDateTime;

/// A stored value that no longer parses.
#[must_use]
pub fn corrupt(field: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{field} = {value:?}"))
}

/// A stored slug.
///
/// # Errors
/// `Corrupt` when it no longer parses.
pub fn slug(raw: &str) -> Result<Slug, StoreError> {
    Slug::parse(raw).map_err(|p| StoreError::Corrupt(format!("slug = {raw:?}: {p}")))
}

/// A stored row count (never negative).
#[must_use]
pub fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

/// A reader's marks from the rows of the marks query: `(1, article id, _)` for a favourite, `(2, _, username
/// key)` for a follow, `(3, _, _)` when they have unpublished articles.
pub fn reader_marks(
    rows: impl IntoIterator<Item = (i64, Option<i64>, Option<String>)>,
) -> crate::ReaderMarks {
    let mut marks = crate::ReaderMarks::default();
    for row in rows {
        match row {
            (1, Some(id), _) => marks.favorited.push(id),
            (2, _, Some(key)) => marks.following.push(key),
            (3, _, _) => marks.has_unpublished = true,
            _ => {}
        }
    }
    marks
}

/// The `school_streams` column for a profile: its streams' keys, space-separated.
#[must_use]
pub fn school_streams_column(p: &disha_domain::CareerProfile) -> String {
    p.school_streams
        .iter()
        .map(|s| s.stream.key())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The columns of a career summary, as both back ends select them.
#[derive(Debug)]
pub struct SummaryColumns {
    /// `slug`
    pub slug: String,
    /// `title`
    pub title: String,
    /// `stream`
    pub stream: String,
    /// `summary`
    pub summary: String,
    /// `education_level`: the shortest Indian route's key
    pub education_level: Option<String>,
    /// `school_streams`: space-separated keys
    pub school_streams: String,
    /// `revision`
    pub revision: i64,
    /// `updated_at`
    pub updated_at: OffsetDateTime,
}

impl SummaryColumns {
    /// The summary they describe.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<CareerSummary, StoreError> {
        Ok(CareerSummary {
            slug: slug(&self.slug)?,
            title: self.title,
            stream: Stream::from_key(&self.stream)
                .ok_or_else(|| corrupt("stream", &self.stream))?,
            summary: self.summary,
            education_level: {
                let k = self.education_level.as_deref().unwrap_or_default();
                k.parse()
                    .map_err(|_e: strum::ParseError| corrupt("education_level", k))?
            },
            school_streams: self
                .school_streams
                .split_whitespace()
                .map(|k| {
                    k.parse()
                        .map_err(|_e: strum::ParseError| corrupt("school_streams", k))
                })
                .collect::<Result<_, _>>()?,
            revision: self.revision,
            updated_at: self.updated_at,
            source: disha_domain::CareerSource::Curated,
        })
    }
}

/// A stored mistake report's columns, as both engines read them.
#[derive(Debug)]
pub struct ReportColumns {
    /// `id`
    pub id: i64,
    /// `career_slug`
    pub career_slug: String,
    /// `section`
    pub section: String,
    /// `message`
    pub message: String,
    /// `evidence_url`
    pub evidence_url: Option<String>,
    /// `created_at`
    pub created_at: OffsetDateTime,
}

impl ReportColumns {
    /// The report they describe.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<crate::StoredReport, StoreError> {
        Ok(crate::StoredReport {
            id: self.id,
            career: slug(&self.career_slug)?,
            section: self
                .section
                .parse()
                .map_err(|_e: strum::ParseError| corrupt("section", &self.section))?,
            message: self.message,
            evidence_url: self.evidence_url,
            created_at: self.created_at,
        })
    }
}

/// A stored account's columns, as both engines read them.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct AccountColumns {
    /// `id`
    pub id: i64,
    /// `email`
    pub email: String,
    /// `username`
    pub username: String,
    /// `role`
    pub role: String,
    /// `bio`
    pub bio: String,
    /// `image`
    pub image: String,
    /// `email_verified_at IS NOT NULL`
    pub verified: bool,
}

impl AccountColumns {
    /// The account they describe.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<disha_domain::Account, StoreError> {
        Ok(disha_domain::Account {
            id: self.id,
            email: disha_domain::Email::parse(&self.email)
                .map_err(|_e| corrupt("email", "(hidden)"))?,
            username: disha_domain::Username::parse(&self.username)
                .map_err(|_e| corrupt("username", &self.username))?,
            role: self
                .role
                .parse()
                .map_err(|_e: strum::ParseError| corrupt("role", &self.role))?,
            bio: self.bio,
            image: self.image,
            verified: self.verified,
        })
    }
}

/// At most `max` characters of `s`, for error text kept in a column.
#[must_use]
pub fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Counts per outbox status from `(status, count)` rows.
#[must_use]
pub fn outbox_counts(rows: &[(String, i64)]) -> crate::OutboxCounts {
    let mut c = crate::OutboxCounts::default();
    for (status, n) in rows {
        let n = count(*n);
        match status.as_str() {
            "pending" => c.pending = n,
            "sent" => c.sent = n,
            _ => c.dead = n,
        }
    }
    c
}

/// A claimed message's columns, as both engines read them.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct OutboxColumns {
    /// `id`
    pub id: i64,
    /// `lease_owner`
    pub lease_owner: Option<String>,
    /// `to_addr`
    pub to_addr: String,
    /// `subject`
    pub subject: String,
    /// `body_text`
    pub body_text: String,
    /// `headers_json`
    pub headers_json: String,
    /// `kind`
    pub kind: String,
    /// `attempts`
    pub attempts: i64,
}

impl OutboxColumns {
    /// The claimed message.
    ///
    /// # Errors
    /// `Corrupt` when the headers do not parse.
    pub fn decode(self) -> Result<crate::ClaimedMail, StoreError> {
        let headers: Vec<(String, String)> = serde_json::from_str(&self.headers_json)
            .map_err(|e| StoreError::Corrupt(format!("outbox {} headers: {e}", self.id)))?;
        Ok(crate::ClaimedMail {
            id: self.id,
            lease: self.lease_owner.unwrap_or_default(),
            mail: crate::NewMail {
                to: self.to_addr,
                subject: self.subject,
                text: self.body_text,
                headers,
                kind: self.kind,
            },
            attempts: self.attempts,
        })
    }
}

/// The stored form of a message's extra headers.
#[must_use]
pub fn headers_json(headers: &[(String, String)]) -> String {
    serde_json::to_string(headers).unwrap_or_else(|_| "[]".to_owned())
}

/// An account's columns with its password hash, for signing in.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct LoginColumns {
    /// The account.
    #[cfg_attr(feature = "sqlx", sqlx(flatten))]
    pub account: AccountColumns,
    /// `password_hash`
    pub password_hash: String,
}

impl LoginColumns {
    /// The login record.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<crate::LoginRecord, StoreError> {
        Ok(crate::LoginRecord {
            account: self.account.decode()?,
            password_hash: self.password_hash,
        })
    }
}

/// A stored article's columns with its author and the viewer's relation to it, as both engines read them.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct ArticleColumns {
    /// `id`
    pub id: i64,
    /// `slug`
    pub slug: String,
    /// `title`
    pub title: String,
    /// `description`
    pub description: String,
    /// `body`
    pub body: String,
    /// `status`
    pub status: String,
    /// `revision`
    pub revision: i64,
    /// `created_at`
    pub created_at: OffsetDateTime,
    /// `updated_at`
    pub updated_at: OffsetDateTime,
    /// `published_at`
    pub published_at: Option<OffsetDateTime>,
    /// The author's `username`
    pub username: String,
    /// The author's `bio`
    pub bio: String,
    /// The author's `image`
    pub image: String,
    /// Whether the viewer follows the author.
    pub following: bool,
    /// Whether the viewer favourited it.
    pub favorited: bool,
    /// How many favourited it.
    pub favorites_count: i64,
    /// Tags in order, space-separated.
    pub tags: String,
}

impl ArticleColumns {
    /// The article they describe.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<disha_domain::Article, StoreError> {
        Ok(disha_domain::Article {
            id: self.id,
            slug: slug(&self.slug)?,
            title: self.title,
            description: self.description,
            body: self.body,
            tags: self.tags.split_whitespace().map(str::to_owned).collect(),
            status: self
                .status
                .parse()
                .map_err(|_e: strum::ParseError| corrupt("status", &self.status))?,
            revision: self.revision,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
            author: profile(self.username, self.bio, self.image, self.following)?,
            favorited: self.favorited,
            favorites_count: count(self.favorites_count),
        })
    }
}

/// A public profile from its columns.
///
/// # Errors
/// `Corrupt` when the username no longer parses.
pub fn profile(
    username: String,
    bio: String,
    image: String,
    following: bool,
) -> Result<disha_domain::Profile, StoreError> {
    Ok(disha_domain::Profile {
        username: disha_domain::Username::parse(&username)
            .map_err(|_e| corrupt("username", &username))?,
        bio,
        image,
        following,
    })
}

/// A stored comment's columns with its author (member or guest) and its target.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct CommentColumns {
    /// `id`
    pub id: i64,
    /// `parent_id`
    pub parent_id: Option<i64>,
    /// `body`
    pub body: String,
    /// `status`
    pub status: String,
    /// `created_at`
    pub created_at: OffsetDateTime,
    /// `updated_at`
    pub updated_at: OffsetDateTime,
    /// The member's `username`, when a member wrote it.
    pub username: Option<String>,
    /// The member's `bio`.
    pub bio: Option<String>,
    /// The member's `image`.
    pub image: Option<String>,
    /// Whether the viewer follows the member.
    pub following: bool,
    /// The guest's name, when a guest wrote it.
    pub guest_name: Option<String>,
    /// The guest's website.
    pub guest_website: Option<String>,
    /// The article's slug, when it is on an article.
    pub article_slug: Option<String>,
    /// The career's slug, when it is on a profile.
    pub career_slug: Option<String>,
}

impl CommentColumns {
    /// The comment with what it is on.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(self) -> Result<disha_domain::QueuedComment, StoreError> {
        let author = match (self.username, self.guest_name) {
            (Some(u), _) => disha_domain::CommentAuthor::Member(profile(
                u,
                self.bio.unwrap_or_default(),
                self.image.unwrap_or_default(),
                self.following,
            )?),
            (None, Some(name)) => disha_domain::CommentAuthor::Guest {
                name,
                website: self.guest_website,
            },
            (None, None) => return Err(corrupt("comment author", &self.id.to_string())),
        };
        let target = match (self.article_slug, self.career_slug) {
            (Some(a), _) => disha_domain::CommentTarget::Article(slug(&a)?),
            (None, Some(c)) => disha_domain::CommentTarget::Career(slug(&c)?),
            (None, None) => return Err(corrupt("comment target", &self.id.to_string())),
        };
        Ok(disha_domain::QueuedComment {
            comment: disha_domain::Comment {
                id: self.id,
                parent_id: self.parent_id,
                body: self.body,
                status: self
                    .status
                    .parse()
                    .map_err(|_e: strum::ParseError| corrupt("status", &self.status))?,
                created_at: self.created_at,
                updated_at: self.updated_at,
                author,
            },
            target,
        })
    }
}

/// Comment counts from `(status, count)` rows.
#[must_use]
pub fn comment_counts(rows: &[(String, i64)]) -> crate::CommentCounts {
    let mut c = crate::CommentCounts::default();
    for (status, n) in rows {
        let n = count(*n);
        match status.as_str() {
            "pending" => c.pending = n,
            "published" => c.published = n,
            _ => c.spam = n,
        }
    }
    c
}

/// The SQL text of the columns [`ArticleColumns`] reads, over `articles a JOIN accounts u`, with the viewer's
/// account number as parameter `viewer` (`?1` or `$1`).
#[must_use]
pub fn article_columns_sql(viewer: &str) -> String {
    format!(
        "a.id, a.slug, a.title, a.description, a.body, a.status, a.revision, a.created_at, a.updated_at,
         a.published_at, u.username, u.bio, u.image,
         EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = {viewer} AND f.followee_id = a.author_id)
             AS following,
         EXISTS (SELECT 1 FROM favorites v WHERE v.account_id = {viewer} AND v.article_id = a.id) AS favorited,
         (SELECT count(*) FROM favorites v WHERE v.article_id = a.id) AS favorites_count"
    )
}

/// The SQL text of the columns [`CommentColumns`] reads, over `comments c LEFT JOIN accounts u ON u.id =
/// c.author_id LEFT JOIN articles a ON a.id = c.article_id`.
#[must_use]
pub fn comment_columns_sql(viewer: &str) -> String {
    format!(
        "c.id, c.parent_id, c.body, c.status, c.created_at, c.updated_at, u.username, u.bio, u.image,
         EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = {viewer} AND f.followee_id = c.author_id)
             AS following,
         c.guest_name, c.guest_website, a.slug AS article_slug, c.career_slug"
    )
}

fn state(raw: &str) -> Result<&'static str, StoreError> {
    disha_domain::STATES
        .iter()
        .copied()
        .find(|s| *s == raw)
        .ok_or_else(|| corrupt("state", raw))
}

fn institution_kind(raw: &str) -> Result<disha_domain::InstitutionKind, StoreError> {
    raw.parse().map_err(|_unknown| corrupt("kind", raw))
}

/// A stored institution's columns, as both engines read them.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct InstitutionColumns {
    /// `id`
    pub id: i64,
    /// `slug`
    pub slug: String,
    /// `source`
    pub source: String,
    /// `source_id`
    pub source_id: String,
    /// `name`
    pub name: String,
    /// `kind`
    pub kind: String,
    /// `address`
    pub address: String,
    /// `district`
    pub district: String,
    /// `state`
    pub state: String,
    /// `university`
    pub university: String,
    /// `women_only`
    pub women_only: bool,
    /// `minority`
    pub minority: bool,
    /// `programme_count`
    pub programme_count: i64,
    /// `intake`
    pub intake: i64,
}

/// The columns an institution's row is read with, in [`InstitutionColumns`]' order.
pub const INSTITUTION_COLUMNS: &str = "id, slug, source, source_id, name, kind, address, district, state, \
     university, women_only, minority, programme_count, intake";

impl InstitutionColumns {
    /// The institution they describe, with `programmes`.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn decode(
        self,
        programmes: Vec<disha_domain::Programme>,
    ) -> Result<disha_domain::Institution, StoreError> {
        Ok(disha_domain::Institution {
            slug: slug(&self.slug)?,
            name: self.name,
            kind: institution_kind(&self.kind)?,
            address: self.address,
            district: self.district,
            state: state(&self.state)?,
            university: self.university,
            women_only: self.women_only,
            minority: self.minority,
            source: match self.source.as_str() {
                "aicte" => disha_domain::InstitutionSource::Aicte(self.source_id),
                "catalog" => disha_domain::InstitutionSource::Catalog,
                other => return Err(corrupt("source", other)),
            },
            programmes,
        })
    }

    /// The line of a list they make.
    ///
    /// # Errors
    /// `Corrupt` when a column no longer parses.
    pub fn summary(self) -> Result<crate::InstitutionSummary, StoreError> {
        Ok(crate::InstitutionSummary {
            slug: slug(&self.slug)?,
            name: self.name,
            kind: institution_kind(&self.kind)?,
            district: self.district,
            state: state(&self.state)?,
            women_only: self.women_only,
            programmes: u32::try_from(self.programme_count).unwrap_or_default(),
            intake: count(self.intake),
        })
    }
}

/// The finder's index from every institution's columns and every `(institution id, level, course key)`
/// row of its programmes.
///
/// # Errors
/// `Corrupt` when a column no longer parses.
pub fn institution_index(
    rows: Vec<InstitutionColumns>,
    offers: Vec<(i64, String, String)>,
) -> Result<Vec<crate::IndexedInstitution>, StoreError> {
    let mut by_id: std::collections::HashMap<i64, Vec<(disha_domain::ProgrammeLevel, String)>> =
        std::collections::HashMap::new();
    for (id, level, key) in offers {
        let level = level
            .parse()
            .map_err(|_unknown| corrupt("programme level", &level))?;
        let list = by_id.entry(id).or_default();
        if !list.iter().any(|(l, k)| *l == level && *k == key) {
            list.push((level, key));
        }
    }
    rows.into_iter()
        .map(|r| {
            let offers = by_id.remove(&r.id).unwrap_or_default();
            Ok(crate::IndexedInstitution {
                summary: r.summary()?,
                offers,
            })
        })
        .collect()
}

/// A stored programme's columns.
#[derive(Debug)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct ProgrammeColumns {
    /// `level`
    pub level: String,
    /// `discipline`
    pub discipline: String,
    /// `course`
    pub course: String,
    /// `shift`
    pub shift: String,
    /// `mode`
    pub mode: String,
    /// `intake`
    pub intake: Option<i64>,
}

impl ProgrammeColumns {
    /// The programme they describe.
    ///
    /// # Errors
    /// `Corrupt` when the level no longer parses.
    pub fn decode(self) -> Result<disha_domain::Programme, StoreError> {
        Ok(disha_domain::Programme {
            level: self
                .level
                .parse()
                .map_err(|_unknown| corrupt("level", &self.level))?,
            discipline: self.discipline,
            course: self.course,
            shift: self.shift,
            mode: self.mode,
            intake: self.intake.and_then(|n| u32::try_from(n).ok()),
        })
    }
}

/// A record an import delivers: its key in the source and a digest of its content.
pub trait Imported {
    /// The source's permanent key.
    fn source_key(&self) -> &str;
    /// A digest of everything the record says.
    fn digest(&self) -> &str;
}

impl Imported for crate::InstitutionRecord {
    fn source_key(&self) -> &str {
        &self.source_id
    }
    fn digest(&self) -> &str {
        &self.digest
    }
}

impl Imported for crate::DataRecord {
    fn source_key(&self) -> &str {
        &self.key
    }
    fn digest(&self) -> &str {
        &self.digest
    }
}

/// What the stored digests (by source key: row id and digest) say about a batch: for each record, whether it
/// is new, changed or the same, and which stored rows the batch no longer lists.
#[must_use]
pub fn plan_import<'a, R: Imported>(
    stored: &std::collections::HashMap<String, (i64, String)>,
    records: &'a [R],
) -> ImportPlan<'a, R> {
    let mut plan = ImportPlan {
        insert: Vec::new(),
        update: Vec::new(),
        remove: Vec::new(),
        counts: crate::ImportCounts::default(),
    };
    let mut listed = std::collections::HashSet::with_capacity(records.len());
    for r in records {
        listed.insert(r.source_key());
        match stored.get(r.source_key()) {
            None => plan.insert.push(r),
            Some((id, digest)) if digest != r.digest() => plan.update.push((*id, r)),
            Some(_) => plan.counts.unchanged += 1,
        }
    }
    plan.remove = stored
        .iter()
        .filter(|(key, _)| !listed.contains(key.as_str()))
        .map(|(_, (id, _))| *id)
        .collect();
    plan.counts.inserted = u64::try_from(plan.insert.len()).unwrap_or(u64::MAX);
    plan.counts.updated = u64::try_from(plan.update.len()).unwrap_or(u64::MAX);
    plan.counts.removed = u64::try_from(plan.remove.len()).unwrap_or(u64::MAX);
    plan
}

/// The first of `wanted`, `wanted-2`, `wanted-3` … not in `taken`, which then holds it.
pub fn free_slug(
    taken: &mut std::collections::HashSet<String>,
    wanted: &disha_domain::Slug,
) -> String {
    let mut candidate = wanted.as_str().to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{}-{n}", wanted.as_str());
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// The writes an import needs.
#[derive(Debug)]
pub struct ImportPlan<'a, R> {
    /// Records to insert.
    pub insert: Vec<&'a R>,
    /// Stored ids to rewrite, with their new records.
    pub update: Vec<(i64, &'a R)>,
    /// Stored ids to delete.
    pub remove: Vec<i64>,
    /// What the plan amounts to.
    pub counts: crate::ImportCounts,
}

impl<R> ImportPlan<'_, R> {
    /// Whether the import changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty() && self.update.is_empty() && self.remove.is_empty()
    }
}

/// The key the course filter compares: upper case, single spaces.
#[must_use]
pub fn course_key(course: &str) -> String {
    course
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// The text-filter key of a name: lower case, single spaces.
#[must_use]
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
