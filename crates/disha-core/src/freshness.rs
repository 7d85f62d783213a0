//! Knowing when cached pages have gone stale, one freshness scope at a time.
//!
//! Every store write bumps the version of each scope whose content it changed, in the same transaction
//! (`disha_store::scopes`). This instance's own writes update the local copy at once; writes by other
//! instances or by the `catalog load` command are picked up by a watcher that reads every scope's version
//! each [`POLL`]. A cached page remembers the versions of the scopes it was built from and is served only
//! while all of them are unchanged, so a change to one kind of content leaves other pages cached.

use disha_store::Store;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// How often the watcher reads the versions: the longest a page can lag behind another process's write.
pub const POLL: Duration = Duration::from_millis(500);

/// The content versions as this instance last saw them, by scope.
#[derive(Debug, Default)]
pub struct ContentVersions(RwLock<HashMap<String, i64>>);

impl ContentVersions {
    /// The version of `scope` to compare cached entries against; 0 for a scope never written.
    #[must_use]
    pub fn current(&self, scope: &str) -> i64 {
        self.0
            .read()
            .map_or(0, |m| m.get(scope).copied().unwrap_or_default())
    }

    /// Records versions read from the store; a scope's version never moves backwards.
    pub fn observe(&self, versions: impl IntoIterator<Item = (String, i64)>) {
        if let Ok(mut m) = self.0.write() {
            for (scope, v) in versions {
                let e = m.entry(scope).or_default();
                *e = (*e).max(v);
            }
        }
    }

    /// Reads every scope's version from the store and records it.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub async fn refresh(&self, store: &dyn Store) -> Result<(), disha_store::StoreError> {
        self.observe(store.content_versions().await?);
        Ok(())
    }

    /// Keeps this copy current until the returned handle is aborted or the runtime stops.
    pub fn watch(self: &Arc<Self>, store: Arc<dyn Store>) -> tokio::task::JoinHandle<()> {
        let me = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(POLL);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = me.refresh(store.as_ref()).await {
                    tracing::warn!(error = %e, "could not read content versions; cached pages may lag");
                }
            }
        })
    }
}

/// A value built from the store and kept while one scope's version stays where it was when the value was
/// read; the caller that finds it stale rebuilds it while the others wait for that one build.
pub(crate) struct Memo<T> {
    current: RwLock<Option<(i64, Arc<T>)>>,
    rebuild: tokio::sync::Mutex<()>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self {
            current: RwLock::new(None),
            rebuild: tokio::sync::Mutex::new(()),
        }
    }
}

impl<T> Memo<T> {
    fn at(&self, version: i64) -> Option<Arc<T>> {
        self.current.read().ok().and_then(|c| {
            c.as_ref()
                .filter(|(v, _)| *v == version)
                .map(|(_, t)| Arc::clone(t))
        })
    }

    /// The value for `version`, built by `build` when the kept one is older. It is filed under the version
    /// read before the store: a write landing meanwhile moves the version on, and the next caller builds
    /// again.
    pub(crate) async fn get<E, F>(&self, version: i64, build: F) -> Result<Arc<T>, E>
    where
        F: AsyncFnOnce() -> Result<T, E>,
    {
        if let Some(t) = self.at(version) {
            return Ok(t);
        }
        let _one_builder = self.rebuild.lock().await;
        if let Some(t) = self.at(version) {
            return Ok(t);
        }
        let t = Arc::new(build().await?);
        if let Ok(mut c) = self.current.write() {
            *c = Some((version, Arc::clone(&t)));
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::ContentVersions;

    #[test]
    fn a_version_never_moves_backwards_and_scopes_are_independent() {
        let v = ContentVersions::default();
        v.observe([("careers".to_owned(), 5), ("colleges".to_owned(), 2)]);
        v.observe([("careers".to_owned(), 3)]);
        assert_eq!(v.current("careers"), 5);
        assert_eq!(v.current("colleges"), 2);
        v.observe([("careers".to_owned(), 6)]);
        assert_eq!(v.current("careers"), 6);
        assert_eq!(
            v.current("colleges"),
            2,
            "another scope's change leaves it alone"
        );
        assert_eq!(v.current("articles"), 0);
    }
}
