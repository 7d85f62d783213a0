//! One search box over careers (curated and O*NET), courses, colleges and articles.
//!
//! The index is `tantivy`, held in memory and built from the store through the ordinary traits, so both
//! engines and every instance rank the same data the same way. It is rebuilt when the careers, colleges or
//! articles scope moves on: in the background while the previous index keeps answering (for a second or
//! two), and at most once every few seconds however often those scopes move.

mod index;
mod query;

pub use index::Entry;
pub use query::{Facets, Found, Hit};

use crate::{CoreError, Library};
use disha_domain::{CareerSource, SearchKind, SearchQuery, search::RESULTS_PER_PAGE};
use disha_store::{ArticleFilter, ArticleScope, Store, StoreError, scopes};
use index::{Built, Source};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// The scopes whose content is indexed.
const SCOPES: [&str; 3] = [scopes::CAREERS, scopes::COLLEGES, scopes::ARTICLES];
/// The least time between two rebuilds.
const MIN_REBUILD_GAP: Duration = Duration::from_secs(5);
/// How many titles the search box suggests.
pub const SUGGESTIONS: usize = 8;

struct Current {
    versions: [i64; 3],
    built_at: Instant,
    built: Arc<Built>,
}

/// The search use cases.
#[derive(Clone)]
pub struct Search {
    library: Library,
    store: Arc<dyn Store>,
    current: Arc<RwLock<Option<Current>>>,
    rebuilding: Arc<AtomicBool>,
    first_build: Arc<tokio::sync::Mutex<()>>,
    /// Goes up each time a new index is made current, so answers can be cached per index.
    generation: Arc<AtomicU64>,
    /// Searches run on the blocking pool, at most one per core at a time: more would not be faster, and each
    /// blocking thread would keep its own allocator arena of the short-lived automata.
    running: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search").finish_non_exhaustive()
    }
}

fn internal(e: &tantivy::TantivyError) -> CoreError {
    CoreError::Internal(StoreError::Corrupt(format!("search index: {e}")))
}

impl Search {
    /// Search over what the library and the store hold.
    #[must_use]
    pub fn new(store: Arc<dyn Store>, library: Library) -> Self {
        Self {
            library,
            store,
            current: Arc::default(),
            rebuilding: Arc::default(),
            first_build: Arc::default(),
            generation: Arc::default(),
            running: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            )),
        }
    }

    fn versions(&self) -> [i64; 3] {
        SCOPES.map(|s| self.library.content_version(s))
    }

    /// The index to answer from: the current one, the previous one while a rebuild runs, or a new one when
    /// there is none yet.
    async fn built(&self) -> Result<Arc<Built>, CoreError> {
        let versions = self.versions();
        let current = self.current.read().ok().and_then(|c| {
            c.as_ref().map(|c| {
                (
                    Arc::clone(&c.built),
                    c.versions != versions,
                    c.built_at.elapsed(),
                )
            })
        });
        if let Some((built, stale, age)) = current {
            if stale && !self.rebuilding.swap(true, Ordering::AcqRel) {
                let this = self.clone();
                tokio::spawn(async move {
                    // However often the scopes move, rebuild at most once per gap.
                    tokio::time::sleep(MIN_REBUILD_GAP.saturating_sub(age)).await;
                    if let Err(e) = this.build_now().await {
                        tracing::warn!(error = %e, "search index rebuild failed; the previous one answers");
                    }
                    this.rebuilding.store(false, Ordering::Release);
                });
            }
            return Ok(built);
        }
        let _one = self.first_build.lock().await;
        if let Some(c) = self
            .current
            .read()
            .ok()
            .and_then(|c| c.as_ref().map(|c| Arc::clone(&c.built)))
        {
            return Ok(c);
        }
        self.build_now().await
    }

    /// Builds the index from the store now and makes it current: at start, so the first search is quick.
    ///
    /// # Errors
    /// When the store fails; the previous index, if any, stays.
    pub async fn rebuild(&self) -> Result<(), CoreError> {
        self.build_now().await.map(|_| ())
    }

    async fn build_now(&self) -> Result<Arc<Built>, CoreError> {
        let versions = self.versions();
        let started = Instant::now();
        let sources = self.sources().await?;
        let count = sources.len();
        let built = tokio::task::spawn_blocking(move || index::build(sources))
            .await
            .map_err(|e| CoreError::Internal(StoreError::Corrupt(format!("search build: {e}"))))?
            .map_err(|e| internal(&e))?;
        let built = Arc::new(built);
        if let Ok(mut c) = self.current.write() {
            *c = Some(Current {
                versions,
                built_at: Instant::now(),
                built: Arc::clone(&built),
            });
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
        metrics::histogram!("disha_search_build_seconds").record(started.elapsed().as_secs_f64());
        tracing::info!(
            documents = count,
            elapsed_ms = started.elapsed().as_millis(),
            "search index built"
        );
        Ok(built)
    }

    /// Which index answers now; an answer cached under this number stays right until it changes.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// A page of results for a parsed query, with facet counts and snippets.
    ///
    /// # Errors
    /// When the index cannot be built.
    pub async fn search(&self, q: &SearchQuery) -> Result<Found, CoreError> {
        let built = self.built().await?;
        let q = q.clone();
        let _turn = self
            .running
            .acquire()
            .await
            .map_err(|e| CoreError::Internal(StoreError::Corrupt(format!("search: {e}"))))?;
        tokio::task::spawn_blocking(move || built.search(&q, RESULTS_PER_PAGE))
            .await
            .map_err(|e| CoreError::Internal(StoreError::Corrupt(format!("search: {e}"))))?
            .map_err(|e| internal(&e))
    }

    /// Titles for a search box as it is typed.
    ///
    /// # Errors
    /// When the index cannot be built.
    pub async fn suggest(&self, text: &str) -> Result<Vec<Entry>, CoreError> {
        let built = self.built().await?;
        let text = text.to_owned();
        let _turn = self
            .running
            .acquire()
            .await
            .map_err(|e| CoreError::Internal(StoreError::Corrupt(format!("search: {e}"))))?;
        tokio::task::spawn_blocking(move || built.suggest(&text, SUGGESTIONS))
            .await
            .map_err(|e| CoreError::Internal(StoreError::Corrupt(format!("search: {e}"))))?
            .map_err(|e| internal(&e))
    }

    /// Everything to index, read from the store.
    async fn sources(&self) -> Result<Vec<Source>, CoreError> {
        let mut out = Vec::new();
        let synonyms = self.library.synonyms();
        let listing = self.library.listing().await?;
        let occupations = self.library.occupations().await?;
        let codes = self.library.curated_codes().await?;
        let onet_title = |code: &str| {
            occupations
                .iter()
                .find(|(_, o)| o.code.as_str() == code)
                .map(|(_, o)| o.title.as_str())
        };
        for c in listing
            .all()
            .into_iter()
            .filter(|c| c.source == CareerSource::Curated)
        {
            let mut words = synonyms.words_for(&c.slug);
            // A profile is found by the US occupation it is built on, too: "software developer" finds
            // the back-end developer's profile.
            if let Some(title) = codes.get(&c.slug).and_then(|code| onet_title(code)) {
                words.push(title);
            }
            // "b tech" is also typed "btech".
            let squashed: Vec<String> = words.iter().map(|w| w.replace(' ', "")).collect();
            out.push(Source {
                alt: format!("{} {}", words.join(" · "), squashed.join(" ")),
                more: String::new(),
                weight: 5.0,
                entry: Entry {
                    kind: SearchKind::Career,
                    url: format!("/careers/{}", c.slug),
                    title: c.title,
                    text: c.summary,
                    us: false,
                    stream: Some(c.stream),
                    state: None,
                    district: None,
                    level: Some(c.education_level.key().to_owned()),
                },
            });
        }
        for (slug, o) in occupations {
            out.push(Source {
                alt: o.alternate_titles.join(" · "),
                more: o.tasks.join(" "),
                weight: 1.5,
                entry: Entry {
                    kind: SearchKind::Career,
                    url: format!("/careers/{slug}"),
                    stream: Some(o.field()),
                    level: Some(o.education_level().key().to_owned()),
                    title: o.title,
                    text: o.description,
                    us: true,
                    state: None,
                    district: None,
                },
            });
        }
        for c in self.library.courses().all() {
            let careers: Vec<String> = listing
                .pick(&c.careers)
                .into_iter()
                .map(|s| s.title)
                .collect();
            out.push(Source {
                // "B.E./B.Tech" is also typed "BTech" or "BE".
                alt: format!(
                    "{} · {}",
                    c.aicte_courses.join(" · "),
                    c.name.replace('.', "")
                ),
                more: String::new(),
                weight: 2.0,
                entry: Entry {
                    kind: SearchKind::Course,
                    url: format!("/colleges?course={}", c.slug),
                    title: c.name.clone(),
                    text: careers.join(", "),
                    us: false,
                    stream: None,
                    state: None,
                    district: None,
                    level: Some(<&'static str>::from(c.level).to_owned()),
                },
            });
        }
        let institutes = self.library.institutes().await?;
        let curated: std::collections::HashSet<&disha_domain::Slug> =
            institutes.iter().map(|i| &i.slug).collect();
        // A college AICTE lists under a curated institute's slug is found through the curated entry.
        let colleges = self
            .store
            .institution_index()
            .await?
            .into_iter()
            .map(|i| i.summary)
            .filter(|c| !curated.contains(&c.slug));
        for c in colleges {
            // Bigger colleges first among equals: a little weight for seats, at most a fifth more.
            let seats = f64::from(u32::try_from(c.intake.min(5_000)).unwrap_or(5_000));
            out.push(Source {
                alt: format!("{} {}", c.district, c.state),
                more: String::new(),
                weight: 1.0 + seats / 25_000.0,
                entry: Entry {
                    kind: SearchKind::College,
                    url: format!("/colleges/{}", c.slug),
                    text: if c.intake > 0 {
                        format!(
                            "{} institution, {} seats a year (AICTE list).",
                            c.kind.label(),
                            c.intake
                        )
                    } else {
                        format!("{} institution.", c.kind.label())
                    },
                    title: c.name,
                    us: false,
                    stream: None,
                    state: Some(c.state),
                    district: Some(c.district),
                    level: None,
                },
            });
        }
        for i in &institutes {
            let d = &i.details;
            out.push(Source {
                alt: format!(
                    "{} {} {}",
                    d.short_name.as_deref().unwrap_or_default(),
                    d.city,
                    d.programmes.join(" ")
                ),
                more: d.admission.clone(),
                // The institutes students search for by name first.
                weight: 2.5,
                entry: Entry {
                    kind: SearchKind::College,
                    url: format!("/colleges/{}", i.slug),
                    title: i.name.clone(),
                    text: format!("{}. {}", i.kind.label(), d.programmes.join(", ")),
                    us: false,
                    stream: None,
                    state: Some(i.state),
                    district: Some(d.city.clone()),
                    level: None,
                },
            });
        }
        let articles = ArticleFilter {
            viewer: None,
            scope: ArticleScope::Published,
            tag: None,
            author: None,
            favorited_by: None,
            feed_of: None,
            limit: 10_000,
            offset: 0,
        };
        let (articles, _) = self.store.list_articles(&articles).await?;
        for a in articles {
            out.push(Source {
                alt: a.tags.join(" "),
                more: String::new(),
                weight: 1.2,
                entry: Entry {
                    kind: SearchKind::Article,
                    url: format!("/blog/{}", a.slug),
                    title: a.title,
                    text: a.description,
                    us: false,
                    stream: None,
                    state: None,
                    district: None,
                    level: None,
                },
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
