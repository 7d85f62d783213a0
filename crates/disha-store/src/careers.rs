//! Career profiles: written in batches by the catalog loader, read by pages and the API.

use crate::StoreError;
use async_trait::async_trait;
use disha_domain::{Career, CareerProfile, CareerQuery, CareerSummary, Paged, Slug, Stream};
use time::OffsetDateTime;

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

/// How many published careers a stream has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamCount {
    /// The stream.
    pub stream: Stream,
    /// Published careers in it.
    pub careers: u64,
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

    /// One page of published careers matching the query, with the total across pages.
    async fn list_published_careers(
        &self,
        query: &CareerQuery,
    ) -> Result<Paged<CareerSummary>, StoreError>;

    /// Summaries of the published careers among `slugs`, in the order given; unknown slugs and drafts are left out.
    async fn published_summaries(&self, slugs: &[Slug]) -> Result<Vec<CareerSummary>, StoreError>;

    /// Published careers per stream, for streams that have any, in stream order.
    async fn stream_counts(&self) -> Result<Vec<StreamCount>, StoreError>;

    /// Every published slug with the time its content last changed, by slug.
    async fn published_slugs(&self) -> Result<Vec<(Slug, OffsetDateTime)>, StoreError>;

    /// How many profiles exist in any status; zero means a fresh database.
    async fn career_count(&self) -> Result<u64, StoreError>;
}
