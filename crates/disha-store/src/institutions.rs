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

/// How a list of institutions is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum InstitutionSort {
    /// By name, A to Z.
    #[default]
    Name,
    /// Most seats a year first.
    Intake,
}

/// Which institutions a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstitutionFilter {
    /// Only in this state.
    pub state: Option<&'static str>,
    /// Only in this district (compared without case).
    pub district: Option<String>,
    /// Only of this kind.
    pub kind: Option<InstitutionKind>,
    /// Only running a programme at this level.
    pub level: Option<ProgrammeLevel>,
    /// Only running a programme whose course is one of these names (as the source spells them).
    pub courses: Vec<String>,
    /// Only women's institutions.
    pub women_only: bool,
    /// Only those whose name contains this (compared without case).
    pub text: Option<String>,
    /// Order.
    pub sort: InstitutionSort,
    /// Page size.
    pub limit: u32,
    /// Institutions to skip.
    pub offset: u64,
}

/// A line of a list.
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

/// The institutions store.
#[async_trait]
pub trait InstitutionStore: Send + Sync {
    /// Makes the stored AICTE institutions exactly `records`, in one transaction: new ones are inserted,
    /// changed ones rewritten, unchanged ones left alone, and ones no longer listed removed. Bumps the
    /// `colleges` scope only when something changed.
    async fn import_aicte(&self, records: &[InstitutionRecord])
    -> Result<ImportCounts, StoreError>;

    /// A page of institutions and how many match.
    async fn list_institutions(
        &self,
        f: &InstitutionFilter,
    ) -> Result<(Vec<InstitutionSummary>, u64), StoreError>;

    /// One institution with its programmes.
    async fn institution(&self, slug: &Slug) -> Result<Option<Institution>, StoreError>;

    /// The districts of a state that have institutions, A to Z.
    async fn districts(&self, state: &'static str) -> Result<Vec<String>, StoreError>;
}
