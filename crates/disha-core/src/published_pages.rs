//! Pages of published articles as everyone sees them, kept in memory while the `articles` scope is
//! unchanged. A signed-in reader's list is one of these pages with their own favourites and follows marked
//! on it, which takes three index lookups instead of the whole listing query.

use crate::Library;
use disha_domain::Article;
use disha_store::{ArticleFilter, ArticleScope, ReaderMarks, Store, StoreError, scopes};
use std::sync::Arc;

/// How much article text the pages may hold in all.
const CAPACITY_BYTES: u64 = 16 * 1024 * 1024;

/// One page as everyone sees it.
#[derive(Debug)]
pub struct PublishedPage {
    /// The articles, none marked as favourited or followed.
    articles: Vec<Article>,
    /// How many match in all.
    count: u64,
    /// Each article's author's username key, in the articles' order.
    author_keys: Vec<String>,
}

impl PublishedPage {
    /// A page of `articles`, none marked, out of `count`.
    #[must_use]
    pub fn new(articles: Vec<Article>, count: u64) -> Self {
        let author_keys = articles.iter().map(|a| a.author.username.key()).collect();
        Self {
            articles,
            count,
            author_keys,
        }
    }

    /// The articles, as a guest sees them.
    #[must_use]
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// How many articles match in all.
    #[must_use]
    pub const fn count(&self) -> u64 {
        self.count
    }

    /// The ids of the articles on the page.
    #[must_use]
    pub fn ids(&self) -> Vec<i64> {
        self.articles.iter().map(|a| a.id).collect()
    }

    /// The username keys of the page's authors, each once.
    #[must_use]
    pub fn authors(&self) -> Vec<String> {
        let mut keys = self.author_keys.clone();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// For each article in order: whether the reader has favourited it and whether they follow its author.
    pub fn marks<'a>(&'a self, marks: &'a ReaderMarks) -> impl Iterator<Item = (bool, bool)> + 'a {
        self.articles.iter().zip(&self.author_keys).map(|(a, key)| {
            (
                marks.favorited.contains(&a.id),
                marks.following.contains(key),
            )
        })
    }

    /// The articles with the reader's marks on them.
    #[must_use]
    pub fn marked(&self, marks: &ReaderMarks) -> Vec<Article> {
        self.articles
            .iter()
            .zip(self.marks(marks))
            .map(|(a, (favorited, following))| {
                let mut a = a.clone();
                a.favorited = favorited;
                a.author.following = following;
                a
            })
            .collect()
    }
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

/// A page and the `articles` scope's version when it was read.
type Versioned = (i64, Arc<PublishedPage>);

fn weight(key: &Key, (_, page): &Versioned) -> u32 {
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
    cache: moka::future::Cache<Key, Versioned>,
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
    ) -> Result<Arc<PublishedPage>, StoreError> {
        let key = Key::of(f);
        // Read before the query: a write during it leaves the page filed under the older version, so the next
        // request reads it again.
        let version = library.content_version(scopes::ARTICLES);
        if let Some((read_at, page)) = self.cache.get(&key).await
            && read_at == version
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
        let page = Arc::new(PublishedPage::new(articles, count));
        self.cache.insert(key, (version, Arc::clone(&page))).await;
        Ok(page)
    }
}
