//! Answering a query from the built index: each typed word must match (in a title, another name or the
//! text), a word the index does not hold is replaced by the indexed words one or two letters away, and the
//! last word also matches as the start of a word, so the box finds results as it is typed.

use super::index::{Built, Entry, Fields, facet_term};
use disha_domain::SearchQuery;
use tantivy::collector::{Collector, Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, SegmentReader, Term};

/// How much a match in each field counts.
const TITLE: f32 = 4.0;
const ALT: f32 = 2.5;
const BODY: f32 = 1.0;
/// A word found by correcting a slip counts for less than one typed right.
const CORRECTED: f32 = 0.5;
/// A word found by its start counts for less still.
const PREFIX: f32 = 0.3;
/// Indexed words tried per typed word and field.
const MAX_EXPANSIONS: usize = 8;
/// The last word matches as the start of words from this many letters: three in a search (two would match
/// too much), one in the box's suggestions.
const SEARCH_PREFIX_FROM: usize = 3;
const SUGGEST_PREFIX_FROM: usize = 1;
/// Snippet length in characters.
const SNIPPET_CHARS: usize = 180;

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What it is and where it leads.
    pub entry: Entry,
    /// A piece of its text with the words searched for in `<mark>`; HTML, escaped.
    pub snippet_html: String,
}

/// How many results each facet value has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// By kind (`career`, `course`, `college`, `article`).
    pub kind: Vec<(String, u64)>,
    /// By career field.
    pub stream: Vec<(String, u64)>,
    /// By state.
    pub state: Vec<(String, u64)>,
    /// By level.
    pub level: Vec<(String, u64)>,
}

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// This page's hits, best first.
    pub hits: Vec<Hit>,
    /// Matches across pages.
    pub total: u64,
    /// Counts for narrowing the search.
    pub facets: Facets,
    /// Whether a typed word was not found and close words were searched for instead.
    pub corrected: bool,
    /// Whether nothing matched every word, so these results match some of them.
    pub partial: bool,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn cut(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(i, _)| text.get(..i).unwrap_or(text))
}

/// Edits allowed between a typed word and an indexed one: none below four letters, one up to seven, two
/// from eight.
fn slips(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The best `limit` hits after `offset`, each BM25 score multiplied by its document's weight.
fn weighted_top(limit: usize, offset: usize) -> impl Collector<Fruit = Vec<(f64, DocAddress)>> {
    TopDocs::with_limit(limit)
        .and_offset(offset)
        .tweak_score(|segment: &SegmentReader| {
            let weights = segment
                .fast_fields()
                .f64("weight")
                .ok()
                .map(|c| c.first_or_default_col(1.0));
            move |doc, score: f32| {
                f64::from(score) * weights.as_ref().map_or(1.0, |w| w.get_val(doc))
            }
        })
}

fn term_query(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        )),
        boost,
    ))
}

/// Indexed words of `field` a slip or two from `token`, most frequent first.
fn close_words(searcher: &Searcher, field: Field, token: &str) -> tantivy::Result<Vec<String>> {
    let distance = slips(token);
    if distance == 0 {
        return Ok(Vec::new());
    }
    let mut found: Vec<(u32, String)> = Vec::new();
    for segment in searcher.segment_readers() {
        let automaton =
            FuzzyTermQuery::new(Term::from_field_text(field, token), distance, true).automaton()?;
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().search(automaton).into_stream()?;
        while stream.advance() {
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                found.push((stream.value().doc_freq, word.to_owned()));
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.dedup_by(|a, b| a.1 == b.1);
    Ok(found
        .into_iter()
        .take(MAX_EXPANSIONS)
        .map(|(_, w)| w)
        .collect())
}

/// Indexed words of `field` that start with `start`.
fn words_starting(searcher: &Searcher, field: Field, start: &str) -> tantivy::Result<Vec<String>> {
    let mut end = start.as_bytes().to_vec();
    end.push(0xff);
    let mut found = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().range().ge(start).lt(&end).into_stream()?;
        while stream.advance() && found.len() < MAX_EXPANSIONS * 2 {
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                found.push(word.to_owned());
            }
        }
    }
    Ok(found)
}

impl Built {
    fn tokens(&self, word: &str) -> tantivy::Result<Vec<String>> {
        let mut analyzer = self.index.tokenizer_for_field(self.fields.title)?;
        let mut stream = analyzer.token_stream(word);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        Ok(out)
    }

    /// The query for one typed word: its indexed form in every field, or the close words when the index
    /// does not hold it; and, for the last word, the words it starts. `None` when nothing can match.
    fn word_query(
        &self,
        searcher: &Searcher,
        word: &str,
        last: Option<usize>,
        fields: &[(Field, f32)],
        corrected: &mut bool,
    ) -> tantivy::Result<Option<Box<dyn Query>>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for token in self.tokens(word)? {
            let known = fields.iter().try_fold(false, |known, (f, _)| {
                Ok::<_, tantivy::TantivyError>(
                    known || searcher.doc_freq(&Term::from_field_text(*f, &token))? > 0,
                )
            })?;
            for &(field, boost) in fields {
                if known {
                    clauses.push((Occur::Should, term_query(field, &token, boost)));
                } else {
                    for close in close_words(searcher, field, &token)? {
                        *corrected = true;
                        clauses.push((Occur::Should, term_query(field, &close, boost * CORRECTED)));
                    }
                }
                if last.is_some_and(|min| word.chars().count() >= min) {
                    let mut starts = words_starting(searcher, field, word)?;
                    if token != word {
                        starts.extend(words_starting(searcher, field, &token)?);
                    }
                    starts.sort();
                    starts.dedup();
                    for w in starts.into_iter().filter(|w| *w != token) {
                        clauses.push((Occur::Should, term_query(field, &w, boost * PREFIX)));
                    }
                }
            }
        }
        if clauses.is_empty() {
            return Ok(None);
        }
        let q: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        Ok(Some(q))
    }

    /// The whole query: every word must match; filters must hold. `None` when a word matches nothing.
    #[expect(
        clippy::too_many_arguments,
        reason = "each says how this query differs"
    )]
    fn query(
        &self,
        searcher: &Searcher,
        words: &[String],
        prefix_from: usize,
        every_word: bool,
        filters: Vec<tantivy::Term>,
        fields: &[(Field, f32)],
        corrected: &mut bool,
    ) -> tantivy::Result<Option<BooleanQuery>> {
        let mut words_q: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let last = (i + 1 == words.len()).then_some(prefix_from);
            match self.word_query(searcher, word, last, fields, corrected)? {
                Some(q) => words_q.push((
                    if every_word {
                        Occur::Must
                    } else {
                        Occur::Should
                    },
                    q,
                )),
                None if every_word => return Ok(None),
                None => {}
            }
        }
        if words_q.is_empty() {
            return Ok(None);
        }
        let mut must: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(words_q)))];
        for term in filters {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        Ok(Some(BooleanQuery::new(must)))
    }

    fn entry(&self, searcher: &Searcher, address: DocAddress) -> Option<&Entry> {
        let segment = searcher.segment_reader(address.segment_ord);
        let ids = segment
            .fast_fields()
            .u64("id")
            .ok()?
            .first_or_default_col(0);
        let id = usize::try_from(ids.get_val(address.doc_id)).ok()?;
        self.entries.get(id)
    }

    /// One page of results for a parsed query.
    pub(crate) fn search(&self, q: &SearchQuery, per_page: u32) -> tantivy::Result<Found> {
        let searcher = self.reader.searcher();
        let f: Fields = self.fields;
        let mut filters = Vec::new();
        if let Some(kind) = q.kind {
            filters.push(facet_term(f, "kind", kind.key()));
        }
        if let Some(stream) = q.stream {
            filters.push(facet_term(f, "stream", stream.key()));
        }
        if let Some(state) = q.state {
            filters.push(facet_term(f, "state", state));
        }
        if let Some(level) = &q.level {
            filters.push(facet_term(f, "level", level));
        }
        let mut found = Found::default();
        let fields = [(f.title, TITLE), (f.alt, ALT), (f.body, BODY)];
        let words = q.words();
        let limit = usize::try_from(per_page).unwrap_or(20).max(1);
        let offset = usize::try_from(q.page.saturating_sub(1)).unwrap_or(0) * limit;
        let run = |query: &BooleanQuery| {
            let mut facets = FacetCollector::for_field("facets");
            for dimension in ["/kind", "/stream", "/state", "/level"] {
                facets.add_facet(dimension);
            }
            searcher.search(query, &(weighted_top(limit, offset), Count, facets))
        };
        let mut ran = match self.query(
            &searcher,
            &words,
            SEARCH_PREFIX_FROM,
            true,
            filters.clone(),
            &fields,
            &mut found.corrected,
        )? {
            Some(query) => {
                let results = run(&query)?;
                Some((query, results))
            }
            None => None,
        };
        if words.len() > 1 && ran.as_ref().is_none_or(|(_, (_, total, _))| *total == 0) {
            // Nothing has every word: show what has some of them, and say so.
            if let Some(query) = self.query(
                &searcher,
                &words,
                SEARCH_PREFIX_FROM,
                false,
                filters,
                &fields,
                &mut found.corrected,
            )? {
                let results = run(&query)?;
                found.partial = true;
                ran = Some((query, results));
            }
        }
        let Some((query, (top, total, counts))) = ran else {
            return Ok(found);
        };
        found.total = u64::try_from(total).unwrap_or(u64::MAX);
        let count = |dimension: &str| -> Vec<(String, u64)> {
            let mut v: Vec<(String, u64)> = counts
                .get(dimension)
                .filter_map(|(facet, n)| {
                    facet.to_path().last().map(|value| ((*value).to_owned(), n))
                })
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        found.facets = Facets {
            kind: count("/kind"),
            stream: count("/stream"),
            state: count("/state"),
            level: count("/level"),
        };
        let mut snippets = SnippetGenerator::create(&searcher, &query, f.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        for (_, address) in top {
            let Some(entry) = self.entry(&searcher, address) else {
                continue;
            };
            let mut snippet = snippets.snippet(&entry.text);
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            let snippet_html = if snippet.fragment().is_empty() {
                escape(cut(&entry.text, SNIPPET_CHARS))
            } else {
                snippet.to_html()
            };
            found.hits.push(Hit {
                entry: entry.clone(),
                snippet_html,
            });
        }
        Ok(found)
    }

    /// Titles for a search box as it is typed: the last word matched as the start of a word, the others
    /// whole (or a slip away); titles and other names only.
    pub(crate) fn suggest(&self, text: &str, limit: usize) -> tantivy::Result<Vec<Entry>> {
        let searcher = self.reader.searcher();
        let words = disha_domain::search::words(text);
        let fields = [(self.fields.title, TITLE), (self.fields.alt, ALT)];
        let mut corrected = false;
        let Some(query) = self.query(
            &searcher,
            &words,
            SUGGEST_PREFIX_FROM,
            true,
            Vec::new(),
            &fields,
            &mut corrected,
        )?
        else {
            return Ok(Vec::new());
        };
        let top = weighted_top(limit.max(1), 0);
        Ok(searcher
            .search(&query, &top)?
            .into_iter()
            .filter_map(|(_, a)| self.entry(&searcher, a).cloned())
            .collect())
    }
}
