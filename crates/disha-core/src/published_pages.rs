//! Pages of published articles as everyone sees them, kept in memory while the `articles` scope is
//! unchanged. A signed-in reader's list is one of these pages with their own favourites and follows marked
//! on it, which takes three index lookups instead of the whole listing query.

use crate::Library;
use disha_domain::Article;
use disha_store::{ArticleFilter, ArticleScope, Store, StoreError, scopes};
use std::sync::Arc;

/// How much article text the pages may hold in all.
const CAPACITY_BYTES: u64 = 16 * 1024 * 1024;

/// One page as everyone sees it.
#[derive(Debug)]
pub struct Page {
    /// The `articles` scope's version when it was read.
    version: i64,
    /// The articles, none marked as favourited or followed.
    pub articles: Vec<Article>,
    /// How many match in all.
    pub count: u64,
}

/// What a page is: the filter without a viewer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    tag: Option<String>,
    author: Option<String>,
    favorited_by: Option<String>,
    limit: u32,
    offset: u64,
}

impl Key {
    fn of(f: &ArticleFilter) -> Self {
        Self {
            tag: f.tag.clone(),
            author: f.author.as_ref().map(disha_domain::Username::key),
            favorited_by: f.favorited_by.as_ref().map(disha_domain::Username::key),
            limit: f.limit,
            offset: f.offset,
        }
    }
}

fn weight(key: &Key, page: &Arc<Page>) -> u32 {
    let text: usize = page
        .articles
        .iter()
        .map(|a| a.title.len() + a.description.len() + a.body.len() + a.author.bio.len() + 256)
        .sum();
    u32::try_from(text + key.tag.as_ref().map_or(0, String::len) + 64).unwrap_or(u32::MAX)
}

/// The shared pages, bounded by the bytes of text they hold.
#[derive(Clone)]
pub struct PublishedPages {
    cache: moka::future::Cache<Key, Arc<Page>>,
}

impl std::fmt::Debug for PublishedPages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublishedPages")
            .field("entries", &self.cache.entry_count())
            .finish()
    }
}

impl Default for PublishedPages {
    fn default() -> Self {
        Self {
            cache: moka::future::Cache::builder()
                .max_capacity(CAPACITY_BYTES)
                .weigher(weight)
                .build(),
        }
    }
}

impl PublishedPages {
    /// The published page that `f` names, ignoring its viewer and scope, from memory while current.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn get(
        &self,
        store: &dyn Store,
        library: &Library,
        f: &ArticleFilter,
    ) -> Result<Arc<Page>, StoreError> {
        let key = Key::of(f);
        // Read before the query: a write during it leaves the page filed under the older version, so the next
        // request reads it again.
        let version = library.content_version(scopes::ARTICLES);
        if let Some(page) = self.cache.get(&key).await
            && page.version == version
        {
            return Ok(page);
        }
        let public = ArticleFilter {
            viewer: None,
            scope: ArticleScope::Published,
            feed_of: None,
            ..f.clone()
        };
        let (articles, count) = store.list_articles(&public).await?;
        let page = Arc::new(Page {
            version,
            articles,
            count,
        });
        self.cache.insert(key, Arc::clone(&page)).await;
        Ok(page)
    }
}
