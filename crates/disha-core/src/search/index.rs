//! Building the in-memory search index from what the store holds: one document per career, course, college
//! and article, with a table of entries beside it so that hits are rendered without reading stored fields.

use disha_domain::{SearchKind, Stream};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{Index, IndexReader, TantivyDocument};

/// The analyzer every text field uses: words, lowercased, accents folded, English stems.
pub(crate) const ANALYZER: &str = "disha";

/// What a hit shows and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What it is.
    pub kind: SearchKind,
    /// Where it lives on the site.
    pub url: String,
    /// Its name.
    pub title: String,
    /// The text snippets are cut from.
    pub text: String,
    /// A career imported from O*NET (US data) rather than curated.
    pub us: bool,
    /// A career's field.
    pub stream: Option<Stream>,
    /// A college's state.
    pub state: Option<&'static str>,
    /// A college's district.
    pub district: Option<String>,
    /// A career's education level or a course's programme level (its key).
    pub level: Option<String>,
}

/// A document to index: the entry, the words that find it and how much it weighs in ranking.
pub(crate) struct Source {
    pub(crate) entry: Entry,
    /// Other names (alternate titles, synonyms, tags, the names AICTE uses).
    pub(crate) alt: String,
    /// Extra text that finds it but is not shown (tasks, descriptions).
    pub(crate) more: String,
    /// Multiplies its relevance: curated careers over imported ones, and both over single colleges.
    pub(crate) weight: f64,
}

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) title: Field,
    pub(crate) alt: Field,
    pub(crate) body: Field,
    pub(crate) facets: Field,
}

/// A built index.
pub(crate) struct Built {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) entries: Vec<Entry>,
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

fn facet(parts: &[&str]) -> Facet {
    Facet::from_path(parts.iter().copied())
}

/// Indexes the sources in one segment.
pub(crate) fn build(sources: Vec<Source>) -> tantivy::Result<Built> {
    let mut schema = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        title: schema.add_text_field("title", text.clone()),
        alt: schema.add_text_field("alt", text.clone()),
        body: schema.add_text_field("body", text),
        facets: schema.add_facet_field("facets", FacetOptions::default()),
    };
    let id = schema.add_u64_field("id", FAST);
    let weight = schema.add_f64_field("weight", FAST);
    let index = Index::create_in_ram(schema.build());
    index.tokenizers().register(ANALYZER, analyzer());
    // One thread makes one segment, so document ids follow the order added.
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 64 * 1024 * 1024)?;
    let mut entries = Vec::with_capacity(sources.len());
    for (n, s) in sources.into_iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.title, &s.entry.title);
        doc.add_text(fields.alt, &s.alt);
        doc.add_text(fields.body, &s.entry.text);
        doc.add_text(fields.body, &s.more);
        doc.add_facet(fields.facets, facet(&["kind", s.entry.kind.key()]));
        if let Some(stream) = s.entry.stream {
            doc.add_facet(fields.facets, facet(&["stream", stream.key()]));
        }
        if let Some(state) = s.entry.state {
            doc.add_facet(fields.facets, facet(&["state", state]));
        }
        if let Some(level) = &s.entry.level {
            doc.add_facet(fields.facets, facet(&["level", level]));
        }
        doc.add_u64(id, u64::try_from(n).unwrap_or(u64::MAX));
        doc.add_f64(weight, s.weight);
        writer.add_document(doc)?;
        entries.push(s.entry);
    }
    writer.commit()?;
    let reader = index.reader()?;
    Ok(Built {
        index,
        reader,
        fields,
        entries,
    })
}

/// The facet term a filter matches.
pub(crate) fn facet_term(fields: Fields, dimension: &str, value: &str) -> tantivy::Term {
    tantivy::Term::from_facet(fields.facets, &facet(&[dimension, value]))
}
