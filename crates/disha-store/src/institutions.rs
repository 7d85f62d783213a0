//! Institutions and their programmes: imported from AICTE's list in one transaction, listed with filters,
//! read one at a time or a few side by side.

use crate::StoreError;
use async_trait::async_trait;
use disha_domain::{Institution, InstitutionKind, Programme, ProgrammeLevel, Slug};

/// An institution as an import delivers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstitutionRecord {
    /// The source's permanent id (AICTE's `aicte_id`).
    pub source_id: String,
    /// The slug a new institution gets when it is free; an institution already stored keeps its own.
    pub slug: Slug,
    /// Name, normalised.
    pub name: String,
    /// How it is run.
    pub kind: InstitutionKind,
    /// Postal address.
    pub address: String,
    /// District.
    pub district: String,
    /// State or union territory, one of `disha_domain::STATES`.
    pub state: &'static str,
    /// Affiliating university.
    pub university: String,
    /// Admits women only.
    pub women_only: bool,
    /// A minority institution.
    pub minority: bool,
    /// Its programmes.
    pub programmes: Vec<Programme>,
    /// A digest of everything above but the slug, so an unchanged institution is recognised without
    /// comparing its programmes one by one.
    pub digest: String,
}

impl InstitutionRecord {
    /// Seats a year across the programmes whose intake is known, as the list column holds it.
    #[must_use]
    pub fn intake(&self) -> i64 {
        self.programmes
            .iter()
            .filter_map(|p| p.intake)
            .map(i64::from)
            .sum()
    }
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Institutions new to the store.
    pub inserted: u64,
    /// Institutions whose record changed.
    pub updated: u64,
    /// Institutions exactly as stored.
    pub unchanged: u64,
    /// Institutions stored from an earlier import that this one no longer lists.
    pub removed: u64,
}

/// An institution's line in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstitutionSummary {
    /// Its address on the site.
    pub slug: Slug,
    /// Name.
    pub name: String,
    /// How it is run.
    pub kind: InstitutionKind,
    /// District.
    pub district: String,
    /// State.
    pub state: &'static str,
    /// Admits women only.
    pub women_only: bool,
    /// How many programmes it runs.
    pub programmes: u32,
    /// Seats a year across them.
    pub intake: u64,
}

/// An institution as the college finder keeps it in memory: its line in a list, and each programme's level
/// and course key (`decode::course_key`), once per pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedInstitution {
    /// Its line in a list.
    pub summary: InstitutionSummary,
    /// What it offers: level and course key.
    pub offers: Vec<(ProgrammeLevel, String)>,
}

/// The institutions store.
#[async_trait]
pub trait InstitutionStore: Send + Sync {
    /// Makes the stored AICTE institutions exactly `records`, in one transaction: new ones are inserted,
    /// changed ones rewritten, unchanged ones left alone, and ones no longer listed removed. Bumps the
    /// `colleges` scope only when something changed.
    async fn import_aicte(&self, records: &[InstitutionRecord])
    -> Result<ImportCounts, StoreError>;

    /// Every stored institution with what it offers, in no set order: what the college finder keeps in
    /// memory and filters there.
    async fn institution_index(&self) -> Result<Vec<IndexedInstitution>, StoreError>;

    /// One institution with its programmes.
    async fn institution(&self, slug: &Slug) -> Result<Option<Institution>, StoreError>;
}
