//! Career profiles: written in batches by the catalog loader, read by pages and the API.

use crate::StoreError;
use async_trait::async_trait;
use disha_domain::{Career, CareerProfile, CareerSummary, Slug};

/// What a batch write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PutOutcome {
    /// Profiles that did not exist before (now at revision 1).
    pub created: u32,
    /// Profiles whose content changed (revision went up by one).
    pub updated: u32,
    /// Profiles that were already stored exactly as given.
    pub unchanged: u32,
}

impl PutOutcome {
    /// True when the batch changed anything a reader could see.
    #[must_use]
    pub fn changed(&self) -> bool {
        self.created + self.updated > 0
    }
}

/// Reading and writing career profiles.
#[async_trait]
pub trait CareerStore: Send + Sync {
    /// Stores every profile in one transaction: new slugs start at revision 1, changed content gets the next
    /// revision and a new `updated_at`, identical content is left alone. When anything changed, the content
    /// version goes up in the same transaction. Either every profile is written or none is.
    async fn put_careers(&self, profiles: &[CareerProfile]) -> Result<PutOutcome, StoreError>;

    /// A published profile, or `None` for an unknown slug or a draft.
    async fn published_career(&self, slug: &Slug) -> Result<Option<Career>, StoreError>;

    /// Every published career's summary, in no particular order. Lists, the home page, related careers and
    /// the sitemap are all answered from these in memory (`disha_domain::CareerListing`), so their filtering
    /// and ordering is one implementation for both engines.
    async fn published_summaries(&self) -> Result<Vec<CareerSummary>, StoreError>;

    /// How many profiles exist in any status; zero means a fresh database.
    async fn career_count(&self) -> Result<u64, StoreError>;
}
