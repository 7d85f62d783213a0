//! Rendered responses kept in memory while the content they were built from is unchanged.
//!
//! Each entry remembers the version of every freshness scope it was built from (`disha_store::scopes`) and
//! is served only while all of them are unchanged, so an edit to one kind of content leaves pages built
//! from other kinds cached. The cache is bounded by bytes, not entries, with moka's TinyLFU admission and
//! LRU eviction, so a crawler walking thousands of distinct URLs cannot push out the pages people read most
//! or grow memory without limit. Concurrent misses on one key share one render.

use crate::error::{AppError, AppResult};
use bytes::Bytes;
use std::future::Future;
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// The scope versions an entry was rendered at, in the order the handler named the scopes (a key always
/// names the same scopes, so the versions alone say whether an entry is current).
pub type Deps = Vec<i64>;

/// A cached body.
#[derive(Debug)]
pub struct Entry {
    /// What it was built from.
    pub deps: Deps,
    /// The body as rendered.
    pub identity: Bytes,
    /// The same body gzip-compressed, made the first time a client asks for gzip.
    gzip: OnceLock<Bytes>,
}

impl Entry {
    /// An entry for `identity`, rendered at `deps`.
    #[must_use]
    pub fn new(deps: Deps, identity: Bytes) -> Self {
        Self {
            deps,
            identity,
            gzip: OnceLock::new(),
        }
    }

    /// The gzip body, compressed once per entry; empty if compression failed.
    pub fn gzip(&self) -> &Bytes {
        self.gzip.get_or_init(|| {
            let mut enc = flate2::write::GzEncoder::new(
                Vec::with_capacity(self.identity.len() / 4),
                flate2::Compression::default(),
            );
            match enc.write_all(&self.identity).and_then(|()| enc.finish()) {
                Ok(v) => Bytes::from(v),
                Err(_) => Bytes::new(),
            }
        })
    }

    /// What the entry costs in memory, counting a gzip copy of about a third of the body.
    fn weight(key: &str, e: &Entry) -> u32 {
        let bytes = key.len() + e.identity.len() + e.identity.len() / 3 + 96;
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }
}

/// Whether a response came from the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Outcome {
    /// Served from memory.
    Hit,
    /// Rendered for this request (or for one it waited on).
    Miss,
    /// Not cacheable for this client, rendered and not stored.
    Bypass,
    /// The public copy with the signed-in reader's own links put in, for them only and not stored.
    Personal,
}

/// Version-checked response cache, bounded by bytes.
#[derive(Clone)]
pub struct RenderCache {
    entries: moka::future::Cache<String, Arc<Entry>>,
}

impl std::fmt::Debug for RenderCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderCache")
            .field("entries", &self.entries.entry_count())
            .field("bytes", &self.entries.weighted_size())
            .finish()
    }
}

impl RenderCache {
    /// A cache holding at most about `max_bytes` of rendered output.
    #[must_use]
    pub fn new(max_bytes: u64) -> Self {
        Self {
            entries: moka::future::Cache::builder()
                .max_capacity(max_bytes)
                .weigher(|k: &String, v: &Arc<Entry>| Entry::weight(k, v))
                .build(),
        }
    }

    /// The entry for `key` if it was rendered at `deps`; otherwise renders it (once, however many requests
    /// ask at the same moment), stores it and returns it. Failed renders are not stored.
    ///
    /// # Errors
    /// The render's error.
    pub async fn get_or_render<F, Fut>(
        &self,
        key: &str,
        deps: Deps,
        render: F,
    ) -> AppResult<(Arc<Entry>, Outcome)>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = AppResult<String>>,
    {
        if let Some(hit) = self.entries.get(key).await {
            if hit.deps == deps {
                return Ok((hit, Outcome::Hit));
            }
            self.entries.invalidate(key).await;
        }
        let entry = self
            .entries
            .try_get_with(key.to_owned(), async move {
                render().await.map(|mut body| {
                    // A rendered body's buffer grew by doubling; kept as is, up to half of it would be
                    // slack that the byte bound does not see.
                    body.shrink_to_fit();
                    Arc::new(Entry::new(deps, Bytes::from(body)))
                })
            })
            .await
            .map_err(|e: Arc<AppError>| AppError::clone(&e))?;
        // Sampled on misses only: hits leave the size unchanged.
        let gauge = |n: u64| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
        metrics::gauge!("render_cache_bytes").set(gauge(self.entries.weighted_size()));
        metrics::gauge!("render_cache_entries").set(gauge(self.entries.entry_count()));
        Ok((entry, Outcome::Miss))
    }

    /// Entries and their weight in bytes, after pending evictions have run.
    #[cfg(test)]
    pub async fn usage(&self) -> (u64, u64) {
        self.entries.run_pending_tasks().await;
        (self.entries.entry_count(), self.entries.weighted_size())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn body(s: &str) -> impl Future<Output = AppResult<String>> {
        let s = s.to_owned();
        async move { Ok(s) }
    }

    #[tokio::test]
    async fn an_entry_is_only_served_for_the_versions_it_was_rendered_at() {
        let c = RenderCache::new(1 << 20);
        let (_, o) = c
            .get_or_render("a", vec![1], || body("one"))
            .await
            .expect("render");
        assert_eq!(o, Outcome::Miss);
        let (e, o) = c
            .get_or_render("a", vec![1], || body("two"))
            .await
            .expect("hit");
        assert_eq!((e.identity.as_ref(), o), (&b"one"[..], Outcome::Hit));
        let (e, o) = c
            .get_or_render("a", vec![2], || body("three"))
            .await
            .expect("re-render");
        assert_eq!((e.identity.as_ref(), o), (&b"three"[..], Outcome::Miss));
    }

    #[tokio::test]
    async fn concurrent_misses_on_one_key_render_once() {
        let c = RenderCache::new(1 << 20);
        let renders = Arc::new(AtomicU32::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (c, renders) = (c.clone(), Arc::clone(&renders));
            tasks.push(tokio::spawn(async move {
                c.get_or_render("k", vec![1], || async move {
                    renders.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    Ok("page".to_owned())
                })
                .await
                .expect("render")
            }));
        }
        for t in tasks {
            t.await.expect("task");
        }
        assert_eq!(renders.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn failures_are_not_stored() {
        let c = RenderCache::new(1 << 20);
        let err = c
            .get_or_render("k", vec![], || async { Err(AppError::NotFound) })
            .await
            .expect_err("fails");
        assert_eq!(err, AppError::NotFound);
        let (_, o) = c
            .get_or_render("k", vec![], || body("ok"))
            .await
            .expect("renders now");
        assert_eq!(o, Outcome::Miss);
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_byte_bound() {
        let c = RenderCache::new(200_000);
        let page = "x".repeat(2_000);
        for i in 0..2_000 {
            c.get_or_render(&format!("/p/{i}"), vec![], || body(&page))
                .await
                .expect("render");
        }
        let (entries, bytes) = c.usage().await;
        assert!(bytes <= 200_000, "{bytes} bytes in {entries} entries");
        assert!(entries > 10, "still caches: {entries}");
    }

    #[test]
    fn the_gzip_body_decompresses_to_the_original() {
        use std::io::Read;
        let body = Bytes::from("abc".repeat(1000));
        let e = Entry::new(vec![], body.clone());
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&e.gzip()[..])
            .read_to_end(&mut out)
            .expect("gunzip");
        assert_eq!(out, body);
        assert!(e.gzip().len() < body.len());
    }
}
