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
