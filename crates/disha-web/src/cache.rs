//! Rendered responses kept in memory while the content they were built from is unchanged.
//!
//! Each entry remembers the content version it was rendered at; a lookup with any other version misses, so
//! an edit makes every older entry unreachable at once (see `disha_core::freshness`). Entries hold the body
//! both as is and gzip-compressed, so a hot page is compressed once, not once per request.

use bytes::Bytes;
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, RwLock};

/// The most entries kept; past it the cache starts over. Bounds memory against crawlers walking every
/// filter combination.
const MAX_ENTRIES: usize = 4096;

/// A cached body.
#[derive(Debug, Clone)]
pub struct Cached {
    /// The body as rendered.
    pub identity: Bytes,
    /// The same body, gzip-compressed.
    pub gzip: Bytes,
}

impl Cached {
    /// Compresses `identity` once.
    #[must_use]
    pub fn new(identity: Bytes) -> Self {
        let mut enc = flate2::write::GzEncoder::new(
            Vec::with_capacity(identity.len() / 4),
            flate2::Compression::default(),
        );
        let gzip = match enc.write_all(&identity).and_then(|()| enc.finish()) {
            Ok(v) => Bytes::from(v),
            Err(_) => Bytes::new(),
        };
        Self { identity, gzip }
    }
}

/// Version-checked response cache.
#[derive(Debug, Default)]
pub struct RenderCache {
    entries: RwLock<HashMap<String, (i64, Cached)>>,
    /// One lock per key being rendered, so that after an edit the first request renders a page and the
    /// others arriving meanwhile wait for it instead of all rendering it at once.
    flights: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl RenderCache {
    /// The entry for `key` if it was rendered at `version`.
    #[must_use]
    pub fn get(&self, key: &str, version: i64) -> Option<Cached> {
        let map = self.entries.read().ok()?;
        match map.get(key) {
            Some((v, c)) if *v == version => Some(c.clone()),
            _ => None,
        }
    }

    /// Stores an entry rendered at `version`.
    pub fn put(&self, key: String, version: i64, value: Cached) {
        if let Ok(mut map) = self.entries.write() {
            if map.len() >= MAX_ENTRIES && !map.contains_key(&key) {
                map.clear();
            }
            map.insert(key, (version, value));
        }
    }
}

impl RenderCache {
    /// The lock for rendering `key`; hold it while rendering and hand it back with [`RenderCache::land`].
    pub fn flight(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        match self.flights.lock() {
            Ok(mut map) => Arc::clone(map.entry(key.to_owned()).or_default()),
            // A poisoned map only loses the de-duplication, never correctness.
            Err(_) => Arc::default(),
        }
    }

    /// Forgets the lock for `key` once no other request holds or waits for it.
    pub fn land(&self, key: &str, flight: Arc<tokio::sync::Mutex<()>>) {
        if let Ok(mut map) = self.flights.lock() {
            // Two references: the map's and ours. More means someone is still waiting.
            if Arc::strong_count(&flight) <= 2 {
                map.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_only_served_for_the_version_it_was_rendered_at() {
        let c = RenderCache::default();
        c.put("a".into(), 1, Cached::new(Bytes::from_static(b"hello")));
        assert_eq!(
            c.get("a", 1).map(|e| e.identity),
            Some(Bytes::from_static(b"hello"))
        );
        assert!(c.get("a", 2).is_none(), "a newer version must miss");
        assert!(c.get("b", 1).is_none());
    }

    #[tokio::test]
    async fn concurrent_misses_on_one_key_share_one_lock() {
        let c = RenderCache::default();
        let a = c.flight("k");
        let b = c.flight("k");
        assert!(Arc::ptr_eq(&a, &b));
        let held = a.lock().await;
        assert!(
            b.try_lock().is_err(),
            "the second request waits for the first render"
        );
        drop(held);
        c.land("k", b);
        c.land("k", a);
        assert!(!Arc::ptr_eq(&c.flight("k"), &c.flight("other")));
    }

    #[test]
    fn the_gzip_body_decompresses_to_the_original() {
        use std::io::Read;
        let body = Bytes::from("abc".repeat(1000));
        let c = Cached::new(body.clone());
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&c.gzip[..])
            .read_to_end(&mut out)
            .expect("gunzip");
        assert_eq!(out, body);
        assert!(c.gzip.len() < body.len());
    }
}
