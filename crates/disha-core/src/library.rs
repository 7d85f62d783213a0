//! The career library: what the home page, the career list and a profile page need.

use crate::{ContentVersions, CoreError};
use disha_domain::{
    Career, CareerListing, CareerProfile, CareerQuery, CareerSort, CareerSummary, PageRequest,
    Paged, Slug, StreamCount,
};
use disha_store::{PutOutcome, Store, scopes};
use std::sync::Arc;
use time::OffsetDateTime;

/// Editor's picks for the home page, one per popular stream. Slugs that are missing or in draft are
/// skipped, and recently updated careers fill any gap, so the home page never shows a hole.
const FEATURED: [&str; 6] = [
    "backend-developer",
    "doctor",
    "chartered-accountant",
    "lawyer",
    "graphic-designer",
    "ias-officer",
];

/// A profile with the summaries of its related careers, ready to render.
#[derive(Debug, Clone)]
pub struct CareerPage {
    /// The profile.
    pub career: Career,
    /// Its related careers that are published, in the editor's order.
    pub related: Vec<CareerSummary>,
}

/// What the home page shows.
#[derive(Debug, Clone)]
pub struct HomeData {
    /// Streams with published careers.
    pub streams: Vec<StreamCount>,
    /// Careers each class-11 stream leads to.
    pub school_streams: Vec<(disha_domain::SchoolStream, u64)>,
    /// The editor's picks.
    pub featured: Vec<CareerSummary>,
    /// Published careers in all.
    pub total: u64,
}

/// Career library use cases.
#[derive(Clone)]
pub struct Library {
    pub(crate) store: Arc<dyn Store>,
    versions: Arc<ContentVersions>,
    /// The published careers in memory.
    listing: Arc<crate::freshness::Memo<CareerListing>>,
    synonyms: Arc<disha_domain::Synonyms>,
    courses: Arc<disha_domain::CourseMap>,
    pub(crate) occupation_index: Arc<crate::freshness::Memo<crate::occupations::OccupationIndex>>,
    pub(crate) catalog_institutes: Arc<Vec<disha_domain::CatalogInstitute>>,
    items: Arc<disha_domain::assessment::ItemBank>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("backend", &self.store.backend())
            .finish_non_exhaustive()
    }
}

impl Library {
    /// Builds the library over a store and the content version this instance tracks.
    #[must_use]
    pub fn new(store: Arc<dyn Store>, versions: Arc<ContentVersions>) -> Self {
        Self {
            store,
            versions,
            listing: Arc::default(),
            synonyms: Arc::default(),
            courses: Arc::default(),
            occupation_index: Arc::default(),
            catalog_institutes: Arc::default(),
            items: Arc::default(),
        }
    }

    /// The same library, also matching the synonym table's words (CA, MBBS, software …) in text filters.
    #[must_use]
    pub fn with_synonyms(mut self, synonyms: disha_domain::Synonyms) -> Self {
        self.synonyms = Arc::new(synonyms);
        self
    }

    /// The same library, knowing the courses that lead to each career and the institutions' names for them.
    #[must_use]
    pub fn with_courses(mut self, courses: disha_domain::CourseMap) -> Self {
        self.courses = Arc::new(courses);
        self
    }

    /// The synonym table.
    #[must_use]
    pub fn synonyms(&self) -> Arc<disha_domain::Synonyms> {
        Arc::clone(&self.synonyms)
    }

    /// The same library, knowing the curated institutes, so the colleges profiles name link to their pages.
    #[must_use]
    pub fn with_institutes(mut self, institutes: Vec<disha_domain::CatalogInstitute>) -> Self {
        self.catalog_institutes = Arc::new(institutes);
        self
    }

    /// The curated institutes this library knows.
    #[must_use]
    pub fn catalog_institutes(&self) -> Arc<Vec<disha_domain::CatalogInstitute>> {
        Arc::clone(&self.catalog_institutes)
    }

    /// The same library, with the interest assessment's items.
    #[must_use]
    pub fn with_items(mut self, items: disha_domain::assessment::ItemBank) -> Self {
        self.items = Arc::new(items);
        self
    }

    /// The interest assessment's items.
    #[must_use]
    pub fn items(&self) -> Arc<disha_domain::assessment::ItemBank> {
        Arc::clone(&self.items)
    }

    /// The curated courses.
    #[must_use]
    pub fn courses(&self) -> Arc<disha_domain::CourseMap> {
        Arc::clone(&self.courses)
    }

    /// Careers with a title word a slip away from what was typed, for a search that found nothing.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn suggest(
        &self,
        typed: &disha_domain::TitlePrefix,
    ) -> Result<Vec<CareerSummary>, CoreError> {
        Ok(self.listing().await?.suggest(typed))
    }

    /// Every published career's summary, read from the store once per careers-scope version.
    pub(crate) async fn listing(&self) -> Result<Arc<CareerListing>, CoreError> {
        let version = self.versions.current(scopes::CAREERS);
        self.listing
            .get(version, async || {
                let mut summaries = self.store.published_summaries().await?;
                summaries.extend(self.occupation_summaries().await?);
                Ok(CareerListing::new(summaries).with_synonyms(Arc::clone(&self.synonyms)))
            })
            .await
    }

    /// The version of a freshness scope (`disha_store::scopes`) that cached output built from it must match.
    #[must_use]
    pub fn content_version(&self, scope: &str) -> i64 {
        self.versions.current(scope)
    }

    /// Reads every scope's version now, after a write made here, so this instance's cached pages change at
    /// once instead of at the watcher's next poll. A failure only delays that until the poll.
    pub async fn observe_writes(&self) {
        if let Err(e) = self.versions.refresh(self.store.as_ref()).await {
            tracing::warn!(error = %e, "could not read content versions after a write");
        }
    }

    /// A published profile and its related careers.
    ///
    /// # Errors
    /// `NotFound` for an unknown slug or a draft.
    #[tracing::instrument(skip_all, fields(slug = %slug))]
    pub async fn career(&self, slug: &Slug) -> Result<CareerPage, CoreError> {
        let career = self
            .store
            .published_career(slug)
            .await?
            .ok_or(CoreError::NotFound)?;
        let related = self.listing().await?.pick(&career.profile.related);
        Ok(CareerPage { career, related })
    }

    /// Published profiles side by side, in the order asked.
    ///
    /// # Errors
    /// `NotFound` when any of them is unknown or a draft.
    pub async fn compare(&self, slugs: &[Slug]) -> Result<Vec<Career>, CoreError> {
        let mut out = Vec::with_capacity(slugs.len());
        for slug in slugs {
            out.push(
                self.store
                    .published_career(slug)
                    .await?
                    .ok_or(CoreError::NotFound)?,
            );
        }
        Ok(out)
    }

    /// Every curated profile's summary in title order, for menus that offer them all (the US occupations
    /// are too many for a menu, and comparisons are of curated profiles).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn all_summaries(&self) -> Result<Vec<CareerSummary>, CoreError> {
        let listing = self.listing().await?;
        Ok(listing
            .all()
            .into_iter()
            .filter(|c| c.source == disha_domain::CareerSource::Curated)
            .collect())
    }

    /// One page of published careers.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn careers(&self, query: &CareerQuery) -> Result<Paged<CareerSummary>, CoreError> {
        Ok(self.listing().await?.page(query))
    }

    /// Streams with counts and the featured careers.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn home(&self) -> Result<HomeData, CoreError> {
        let listing = self.listing().await?;
        let streams = listing.stream_counts();
        let total = streams.iter().map(|s| s.careers).sum();
        Ok(HomeData {
            school_streams: listing.school_stream_counts(),
            streams,
            featured: featured(&listing),
            total,
        })
    }

    /// The editors' picks alone, for pages that offer a place to start (a 404).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn featured(&self) -> Result<Vec<CareerSummary>, CoreError> {
        let listing = self.listing().await?;
        Ok(featured(&listing))
    }

    /// A published career's summary, from memory: for pages that only need its title.
    ///
    /// # Errors
    /// `NotFound` for an unknown slug or a draft; store failures.
    pub async fn summary(&self, slug: &Slug) -> Result<CareerSummary, CoreError> {
        self.listing()
            .await?
            .pick(std::slice::from_ref(slug))
            .pop()
            .ok_or(CoreError::NotFound)
    }

    /// Published careers with their last change, for the sitemap.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn sitemap(&self) -> Result<Vec<(Slug, OffsetDateTime)>, CoreError> {
        Ok(self
            .listing()
            .await?
            .by_slug()
            .into_iter()
            .map(|c| (c.slug.clone(), c.updated_at))
            .collect())
    }

    /// Writes checked profiles in one transaction and makes this instance's caches stale at once.
    ///
    /// # Errors
    /// When the store fails; then nothing was written.
    #[tracing::instrument(skip_all, fields(profiles = profiles.len()))]
    pub async fn put_profiles(&self, profiles: &[CareerProfile]) -> Result<PutOutcome, CoreError> {
        let outcome = self.store.put_careers(profiles).await?;
        if outcome.changed() {
            self.versions.refresh(self.store.as_ref()).await?;
        }
        tracing::info!(
            created = outcome.created,
            updated = outcome.updated,
            unchanged = outcome.unchanged,
            "catalog written"
        );
        Ok(outcome)
    }

    /// Loads the catalog into an empty database; leaves a database that has any career alone.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn seed_if_empty(
        &self,
        profiles: &[CareerProfile],
    ) -> Result<Option<PutOutcome>, CoreError> {
        if self.store.career_count().await? > 0 {
            return Ok(None);
        }
        self.put_profiles(profiles).await.map(Some)
    }
}

/// The editors' picks that are published, in order. Only when one is missing or in draft do recently updated
/// careers fill the gap, so the home page never shows a hole.
fn featured(listing: &CareerListing) -> Vec<CareerSummary> {
    let picks: Vec<Slug> = FEATURED
        .iter()
        .filter_map(|s| Slug::parse(s).ok())
        .collect();
    let mut featured = listing.pick(&picks);
    if featured.len() < FEATURED.len() {
        let recent = CareerQuery {
            sort: CareerSort::Updated,
            page: PageRequest {
                page: 1,
                per_page: 12,
            },
            ..CareerQuery::default()
        };
        for c in listing.page(&recent).items {
            if featured.len() >= FEATURED.len() {
                break;
            }
            if !featured.iter().any(|f| f.slug == c.slug) {
                featured.push(c);
            }
        }
    }
    featured
}
