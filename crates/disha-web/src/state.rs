//! What every handler can reach.

use crate::cache::RenderCache;
use crate::i18n::Messages;
use disha_core::{Accounts, Community, Feedback, Library, Newsletter};
use disha_store::Store;
use std::sync::Arc;

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The public address of the site, without a trailing slash (`https://disha.example`); used in canonical
    /// links, OpenGraph tags and the sitemap.
    pub base_url: String,
    /// The most rendered output kept in memory, in bytes.
    pub cache_bytes: u64,
    /// Proxies whose `X-Forwarded-For` is believed; for anyone else the connection's peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// Shared, cheaply cloned application state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// The state's contents; reached through `AppState`'s `Deref`.
pub struct Inner {
    pub(crate) library: Library,
    pub(crate) feedback: Feedback,
    pub(crate) accounts: Accounts,
    pub(crate) community: Community,
    pub(crate) colleges: disha_core::Colleges,
    pub(crate) search: disha_core::Search,
    pub(crate) guidance: disha_core::guidance::Guidance,
    pub(crate) newsletter: Newsletter,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) trusted_proxies: Vec<ipnet::IpNet>,
    pub(crate) t: Messages,
    pub(crate) cache: RenderCache,
    /// Public pages of articles rendered once, for signed-in readers' lists.
    pub(crate) reader_lists: crate::api::reader_lists::ReaderLists,
    pub(crate) base_url: String,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("base_url", &self.0.base_url)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Builds the state.
    ///
    /// # Errors
    /// When the message catalog is incomplete.
    pub fn new(library: Library, store: Arc<dyn Store>, config: WebConfig) -> Result<Self, String> {
        let t = Messages::english()?;
        let cache = RenderCache::new(config.cache_bytes);
        let base_url = config.base_url.trim_end_matches('/').to_owned();
        let colleges = disha_core::Colleges::new(Arc::clone(&store), library.clone());
        Ok(Self(Arc::new(Inner {
            community: Community::new(Arc::clone(&store), library.clone()),
            colleges: colleges.clone(),
            search: disha_core::Search::new(Arc::clone(&store), library.clone()),
            guidance: disha_core::guidance::Guidance::new(
                Arc::clone(&store),
                library.clone(),
                colleges,
            ),
            newsletter: Newsletter::new(Arc::clone(&store)),
            library: library.clone(),
            feedback: Feedback::new(Arc::clone(&store)),
            accounts: Accounts::new(Arc::clone(&store))
                .map_err(|e| e.to_string())?
                .observing(library),
            store,
            trusted_proxies: config.trusted_proxies,
            t,
            cache,
            reader_lists: crate::api::reader_lists::ReaderLists::default(),
            base_url,
        })))
    }
}

impl AppState {
    /// Builds the search index in the background, so the first search does not wait for it.
    pub fn warm_search(&self) {
        let search = self.search.clone();
        tokio::spawn(async move {
            if let Err(e) = search.rebuild().await {
                tracing::warn!(error = %e, "could not build the search index at start; the first search will");
            }
        });
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
