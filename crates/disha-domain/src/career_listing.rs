//! Every published career summary in memory, answering list queries without a database round trip.
//!
//! The careers catalog is small (hundreds of summaries, a few hundred KB), read far more often than written,
//! and each distinct filter address is a cache miss for the page cache. So the library keeps one
//! `CareerListing` per content version and filters, sorts and pages it here: one implementation for both
//! storage engines, so their answers cannot differ.

use crate::{
    CareerQuery, CareerSort, CareerSummary, Paged, SchoolStream, Slug, Stream, Synonyms,
    TitlePrefix, title_words,
};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

/// How many published careers a field has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamCount {
    /// The field.
    pub stream: Stream,
    /// Published careers in it.
    pub careers: u64,
}

#[derive(Debug, Clone)]
struct Listed {
    summary: CareerSummary,
    /// `title_words` of the title, for word-prefix filters.
    words: String,
    /// The title with ASCII letters lowercased: the order lists sort by.
    title_key: String,
}

/// The published careers, indexed for list queries.
#[derive(Debug, Clone, Default)]
pub struct CareerListing {
    /// Sorted by title (ASCII case ignored), then slug.
    by_title: Vec<Listed>,
    by_slug: HashMap<Slug, usize>,
    /// Typed words that name careers without being in their titles.
    synonyms: Arc<Synonyms>,
}

/// How far (in edits) a typed word may be from a title word and still be suggested: one slip in a short
/// word, two from eight letters ("docter" → "doctor", "enginer" → "engineer").
fn close_enough(typed: &str, word: &str) -> Option<usize> {
    let allowed = if typed.chars().count() >= 8 { 2 } else { 1 };
    let d = strsim::damerau_levenshtein(typed, word);
    (d <= allowed).then_some(d)
}

/// Curated profiles first, then by title: where both fit, the profile written for Indian students leads.
fn title_order(a: &Listed, b: &Listed) -> Ordering {
    a.summary
        .source
        .cmp(&b.summary.source)
        .then_with(|| a.title_key.cmp(&b.title_key))
        .then_with(|| a.summary.slug.as_str().cmp(b.summary.slug.as_str()))
}

impl CareerListing {
    /// Indexes the given summaries (any order).
    #[must_use]
    pub fn new(summaries: Vec<CareerSummary>) -> Self {
        let mut by_title: Vec<Listed> = summaries
            .into_iter()
            .map(|summary| Listed {
                words: title_words(&summary.title),
                title_key: summary.title.to_ascii_lowercase(),
                summary,
            })
            .collect();
        by_title.sort_by(title_order);
        let by_slug = by_title
            .iter()
            .enumerate()
            .map(|(i, l)| (l.summary.slug.clone(), i))
            .collect();
        Self {
            by_title,
            by_slug,
            synonyms: Arc::default(),
        }
    }

    /// The same listing, also matching the synonym table's words in text filters.
    #[must_use]
    pub fn with_synonyms(mut self, synonyms: Arc<Synonyms>) -> Self {
        self.synonyms = synonyms;
        self
    }

    /// Up to three careers whose title has a word within a slip or two of each typed word, closest first:
    /// what a search that found nothing suggests instead.
    #[must_use]
    pub fn suggest(&self, typed: &TitlePrefix) -> Vec<CareerSummary> {
        let typed_words: Vec<&str> = typed.as_str().split(' ').filter(|w| w.len() >= 3).collect();
        let mut scored: Vec<(usize, &Listed)> = self
            .by_title
            .iter()
            .filter_map(|l| {
                typed_words
                    .iter()
                    .flat_map(|t| l.words.split(' ').filter_map(|w| close_enough(t, w)))
                    .min()
                    .map(|d| (d, l))
            })
            .collect();
        // Stable: equally close titles stay in title order.
        scored.sort_by_key(|(d, _)| *d);
        scored
            .into_iter()
            .take(3)
            .map(|(_, l)| l.summary.clone())
            .collect()
    }

    /// One page of the careers matching `q`, in its order, with the total across pages.
    #[must_use]
    pub fn page(&self, q: &CareerQuery) -> Paged<CareerSummary> {
        let needle = q.prefix.as_ref().map(crate::TitlePrefix::needle);
        let named = q
            .prefix
            .as_ref()
            .map(|p| self.synonyms.careers_for(p))
            .unwrap_or_default();
        let mut hits: Vec<&Listed> = self
            .by_title
            .iter()
            .filter(|l| q.stream.is_none_or(|s| l.summary.stream == s))
            .filter(|l| q.level.is_none_or(|v| l.summary.education_level == v))
            .filter(|l| {
                q.school_stream
                    .is_none_or(|s| l.summary.school_streams.contains(&s))
            })
            .filter(|l| {
                needle
                    .as_deref()
                    .is_none_or(|n| l.words.contains(n) || named.contains(&l.summary.slug))
            })
            .collect();
        // Already in title order; the other orders fall back to it for ties (the sort is stable).
        match q.sort {
            CareerSort::Title => {}
            CareerSort::Level => {
                hits.sort_by_key(|l| (l.summary.source, l.summary.education_level));
            }
            CareerSort::Updated => {
                hits.sort_by_key(|l| (l.summary.source, std::cmp::Reverse(l.summary.updated_at)))
            }
        }
        let total = u64::try_from(hits.len()).unwrap_or(u64::MAX);
        let skip = usize::try_from(q.page.offset()).unwrap_or(usize::MAX);
        let take = usize::try_from(q.page.per_page).unwrap_or(usize::MAX);
        Paged {
            items: hits
                .into_iter()
                .skip(skip)
                .take(take)
                .map(|l| l.summary.clone())
                .collect(),
            total,
            page: q.page.page,
            per_page: q.page.per_page,
        }
    }

    /// The listed careers among `slugs`, in the order given; unknown slugs are left out.
    #[must_use]
    pub fn pick(&self, slugs: &[Slug]) -> Vec<CareerSummary> {
        slugs
            .iter()
            .filter_map(|s| self.by_slug.get(s))
            .filter_map(|&i| self.by_title.get(i))
            .map(|l| l.summary.clone())
            .collect()
    }

    /// Careers per field, for fields that have any, in field order.
    #[must_use]
    pub fn stream_counts(&self) -> Vec<StreamCount> {
        Stream::ALL
            .iter()
            .map(|&stream| StreamCount {
                stream,
                careers: self
                    .by_title
                    .iter()
                    .filter(|l| l.summary.stream == stream)
                    .count()
                    .try_into()
                    .unwrap_or(u64::MAX),
            })
            .filter(|c| c.careers > 0)
            .collect()
    }

    /// Careers each class-11 stream leads to, in the order families meet them (PCM, PCB, Commerce,
    /// Humanities, vocational); a career reached from several streams counts under each.
    #[must_use]
    pub fn school_stream_counts(&self) -> Vec<(SchoolStream, u64)> {
        <SchoolStream as strum::VariantArray>::VARIANTS
            .iter()
            .map(|&s| {
                let n = self
                    .by_title
                    .iter()
                    .filter(|l| l.summary.school_streams.contains(&s))
                    .count();
                (s, u64::try_from(n).unwrap_or(u64::MAX))
            })
            .collect()
    }

    /// Every listed career, in title order.
    #[must_use]
    pub fn all(&self) -> Vec<CareerSummary> {
        self.by_title.iter().map(|l| l.summary.clone()).collect()
    }

    /// Every listed career, by slug: the sitemap's order.
    #[must_use]
    pub fn by_slug(&self) -> Vec<&CareerSummary> {
        let mut all: Vec<&CareerSummary> = self.by_title.iter().map(|l| &l.summary).collect();
        all.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        all
    }
}

#[cfg(test)]
mod tests;
