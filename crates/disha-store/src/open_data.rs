//! Public data sets imported whole (O*NET occupations, BLS wages): each record is a key, an optional page
//! slug and JSON documents the core decodes. One table serves every data set, so a new data set needs no
//! new SQL.

use crate::{ImportCounts, StoreError};
use async_trait::async_trait;
use disha_domain::Slug;
use time::OffsetDateTime;

/// A data set held in the open-data table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr)]
pub enum Dataset {
    /// O*NET occupations, keyed by O*NET-SOC code, each with a career page.
    #[strum(serialize = "onet")]
    Onet,
    /// BLS OEWS national wages, keyed by SOC code.
    #[strum(serialize = "bls-oews")]
    Wages,
    /// The curated institutes (`catalog/institutes`), keyed by slug, each with a college page.
    #[strum(serialize = "institutes")]
    Institutes,
}

impl Dataset {
    /// The stored key.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The freshness scope whose pages show this data set.
    #[must_use]
    pub fn scope(self) -> &'static str {
        match self {
            Self::Onet | Self::Wages => crate::scopes::CAREERS,
            Self::Institutes => crate::scopes::COLLEGES,
        }
    }
}

/// A record as an import delivers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRecord {
    /// The source's permanent key (`15-1252.00`).
    pub key: String,
    /// The page slug a new record gets when it is free (taken ones get `-2` …); `None` for records without
    /// a page of their own. A stored record keeps its slug.
    pub slug: Option<Slug>,
    /// A short JSON document for lists.
    pub summary: String,
    /// The whole record as JSON.
    pub body: String,
    /// A digest of `summary` and `body`.
    pub digest: String,
}

/// A stored record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// The source's key.
    pub key: String,
    /// Its page's slug.
    pub slug: Option<Slug>,
    /// The short JSON document.
    pub summary: String,
    /// The whole record as JSON (empty when only summaries were read).
    pub body: String,
    /// When it was first imported.
    pub created_at: OffsetDateTime,
    /// When an import last changed it.
    pub updated_at: OffsetDateTime,
}

/// Reading and replacing imported data sets.
#[async_trait]
pub trait OpenDataStore: Send + Sync {
    /// Makes the data set hold exactly `records`, in one transaction: new keys inserted, changed digests
    /// rewritten, keys no longer listed removed, the rest untouched. A new record's slug avoids every slug
    /// of the data set and of the curated careers. Bumps the data set's scope only when something changed.
    async fn import_dataset(
        &self,
        dataset: Dataset,
        records: &[DataRecord],
    ) -> Result<ImportCounts, StoreError>;

    /// One record by its key.
    async fn data_record(
        &self,
        dataset: Dataset,
        key: &str,
    ) -> Result<Option<StoredRecord>, StoreError>;

    /// One record by its page's slug.
    async fn data_record_by_slug(
        &self,
        dataset: Dataset,
        slug: &Slug,
    ) -> Result<Option<StoredRecord>, StoreError>;

    /// Every record of the data set with its summary only (`body` empty), in key order.
    async fn data_summaries(&self, dataset: Dataset) -> Result<Vec<StoredRecord>, StoreError>;

    /// Every record of the data set in full, in key order.
    async fn data_records(&self, dataset: Dataset) -> Result<Vec<StoredRecord>, StoreError>;
}
