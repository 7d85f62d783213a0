//! Knowing when cached pages have gone stale.
//!
//! Every store write that changes published content bumps a version number in the same transaction. This
//! instance's own writes update the local copy at once; writes by other instances or by the `catalog load`
//! command are picked up by a watcher that reads the number every [`POLL`]. Readers compare the local copy
//! (an atomic load, no I/O) with the version a cached page was rendered at.

use disha_store::Store;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// How often the watcher reads the version: the longest a page can lag behind another process's write.
pub const POLL: Duration = Duration::from_millis(500);

/// The content version as this instance last saw it.
#[derive(Debug, Default)]
pub struct ContentVersion(AtomicI64);

impl ContentVersion {
    /// The version to compare cached entries against.
    #[must_use]
    pub fn current(&self) -> i64 {
        self.0.load(Ordering::Acquire)
    }

    /// Records a version read from the store; never moves backwards.
    pub fn observe(&self, version: i64) {
        self.0.fetch_max(version, Ordering::AcqRel);
    }

    /// Reads the store's version and records it.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub async fn refresh(&self, store: &dyn Store) -> Result<i64, disha_store::StoreError> {
        let v = store.content_version().await?;
        self.observe(v);
        Ok(self.current())
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
                    tracing::warn!(error = %e, "could not read the content version; cached pages may lag");
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ContentVersion;

    #[test]
    fn the_version_never_moves_backwards() {
        let v = ContentVersion::default();
        v.observe(5);
        v.observe(3);
        assert_eq!(v.current(), 5);
        v.observe(6);
        assert_eq!(v.current(), 6);
    }
}
