//! A signed-in reader's list of articles is the page everyone gets with their own favourites and follows
//! written in. Each page is rendered to JSON once, remembering where every article's `favorited` and its
//! author's `following` stand, so a reader's copy is those bytes with a few words changed instead of a fresh
//! serialisation of every article's text.
//!
//! Finding those places by searching the rendered text is sound: inside a JSON string every `"` is escaped,
//! so `"favorited":false` can only be the key itself, and an article has exactly one of each.

use super::realworld::{ArticleJson, json_bytes};
use disha_core::PublishedPage;
use disha_store::ReaderMarks;
use std::io::Write;
use std::sync::Arc;

/// How much rendered JSON the lists may hold in all.
const CAPACITY_BYTES: u64 = 16 * 1024 * 1024;
const FAVORITED: &[u8] = b"\"favorited\":false";
const FOLLOWING: &[u8] = b"\"following\":false";
/// Both keys with their quotes and colon are this long.
const KEY_LEN: usize = 12;

/// A page rendered with nothing marked, and where each article's marks go.
struct MarkedJson {
    page: Arc<PublishedPage>,
    json: Vec<u8>,
    /// Per article, the offsets of the `false` after `"favorited":` and after `"following":`, in that order.
    slots: Vec<(usize, usize)>,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl MarkedJson {
    /// `None` if an article's JSON lacks either mark where it should be, which a change to the JSON shape
    /// would cause; the caller then serialises the reader's page in full.
    fn render(page: Arc<PublishedPage>) -> Option<Self> {
        let mut json = Vec::with_capacity(4096);
        json.extend_from_slice(b"{\"articles\":[");
        let mut slots = Vec::with_capacity(page.articles().len());
        for (i, a) in page.articles().iter().enumerate() {
            if i > 0 {
                json.push(b',');
            }
            let start = json.len();
            serde_json::to_writer(&mut json, &ArticleJson::from(a)).ok()?;
            let favorited = start + find(&json[start..], FAVORITED)? + KEY_LEN;
            let following = start + find(&json[start..], FOLLOWING)? + KEY_LEN;
            if following <= favorited {
                return None;
            }
            slots.push((favorited, following));
        }
        write!(json, "],\"articlesCount\":{}}}", page.count()).ok()?;
        Some(Self { page, json, slots })
    }

    fn for_reader(&self, marks: &ReaderMarks) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.json.len());
        let mut at = 0;
        for (&(favorited_at, following_at), (favorited, following)) in
            self.slots.iter().zip(self.page.marks(marks))
        {
            for (pos, on) in [(favorited_at, favorited), (following_at, following)] {
                out.extend_from_slice(&self.json[at..pos]);
                out.extend_from_slice(if on { b"true" } else { b"false" });
                at = pos + b"false".len();
            }
        }
        out.extend_from_slice(&self.json[at..]);
        out
    }
}

/// Rendered public pages of articles, keyed by the list request's query string and kept while core hands
/// out the same page.
#[derive(Clone)]
pub struct ReaderLists {
    cache: moka::future::Cache<String, Arc<MarkedJson>>,
}

impl Default for ReaderLists {
    fn default() -> Self {
        Self {
            cache: moka::future::Cache::builder()
                .max_capacity(CAPACITY_BYTES)
                .weigher(|key: &String, m: &Arc<MarkedJson>| {
                    u32::try_from(key.len() + m.json.len() + m.slots.len() * 16).unwrap_or(u32::MAX)
                })
                .build(),
        }
    }
}

impl std::fmt::Debug for ReaderLists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReaderLists")
            .field("entries", &self.cache.entry_count())
            .finish()
    }
}

impl ReaderLists {
    /// The JSON body of `page` as the reader with `marks` sees it.
    pub async fn body(&self, key: &str, page: Arc<PublishedPage>, marks: &ReaderMarks) -> Vec<u8> {
        if let Some(m) = self.cache.get(key).await
            && Arc::ptr_eq(&m.page, &page)
        {
            return m.for_reader(marks);
        }
        let Some(m) = MarkedJson::render(Arc::clone(&page)) else {
            tracing::warn!(
                "an article's JSON lacks its marks; serialising the reader's page in full"
            );
            return json_bytes(&super::realworld::MultipleArticlesResponse {
                articles: page
                    .marked(marks)
                    .into_iter()
                    .map(ArticleJson::from)
                    .collect(),
                articles_count: page.count(),
            });
        };
        let m = Arc::new(m);
        self.cache.insert(key.to_owned(), Arc::clone(&m)).await;
        m.for_reader(marks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use disha_domain::{Article, ArticleStatus, Profile, Slug, Username};
    use time::OffsetDateTime;

    fn article(id: i64, author: &str, body: &str) -> Article {
        let at = OffsetDateTime::UNIX_EPOCH;
        Article {
            id,
            slug: Slug::parse(&format!("guide-{id}")).expect("slug"),
            title: format!("Guide {id}"),
            description: "d".into(),
            body: body.into(),
            tags: vec!["neet".into()],
            status: ArticleStatus::Published,
            revision: 1,
            created_at: at,
            updated_at: at,
            published_at: Some(at),
            author: Profile {
                username: Username::parse(author).expect("name"),
                bio: String::new(),
                image: String::new(),
                following: false,
            },
            favorited: false,
            favorites_count: 0,
        }
    }

    #[tokio::test]
    async fn a_readers_copy_is_exactly_the_full_serialisation_of_their_marked_page() {
        // A body that spells out the marks themselves must not be mistaken for them.
        let tricky = r#"Set "favorited":false and "following":false, then {"favorited":false}"#;
        let page = Arc::new(PublishedPage::new(
            vec![
                article(1, "asha", tricky),
                article(2, "ravi", "b"),
                article(3, "asha", "c"),
            ],
            7,
        ));
        let lists = ReaderLists::default();
        for marks in [
            ReaderMarks::default(),
            ReaderMarks {
                favorited: vec![1, 3],
                following: vec!["asha".into()],
                has_unpublished: false,
            },
            ReaderMarks {
                favorited: vec![2],
                following: vec!["ravi".into()],
                has_unpublished: false,
            },
        ] {
            let full = json_bytes(&super::super::realworld::MultipleArticlesResponse {
                articles: page
                    .marked(&marks)
                    .into_iter()
                    .map(ArticleJson::from)
                    .collect(),
                articles_count: 7,
            });
            let spliced = lists.body("q", Arc::clone(&page), &marks).await;
            assert_eq!(
                String::from_utf8(spliced).expect("utf-8"),
                String::from_utf8(full).expect("utf-8"),
                "{marks:?}"
            );
        }
    }
}
