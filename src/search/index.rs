//! Building the tantivy index: deterministic, in RAM, one segment, DocId == ordinal.
//!
//! Two passes over the entries. The first counts in how many entries each exact and
//! folded syllable occurs: in large banks the most common ones (> 20% of entries)
//! become stop syllables, which removes about a third of all postings at a small cost
//! in ranking (their bigrams stay indexed). The same counts give the completions of
//! search-as-you-type. The second pass feeds tantivy, one writer thread, one commit,
//! no merges, and then checks the invariants the export and the client rely on.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::schema::{FAST, STRING};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter, TextAnalyzer,
    WhitespaceTokenizer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use super::analyzer::{self, canonical_tones, MAX_TOKEN_BYTES};
use super::plan::{prefix_key, Lexicon};
use super::schema::{doc_values, part_index, Kind, COMPLETIONS_PER_PREFIX, FIELDS, STOP_FRACTION, STOP_MIN_DOCS};
use super::{Facet, SearchDoc, SearchError, Synonyms};

/// The writer's memory budget: large enough that 100,000 entries fit one segment.
const WRITER_MEMORY: usize = 3_000_000_000;

/// A built index with everything `export` and `query` need.
pub struct SearchIndex {
    pub(crate) reader: IndexReader,
    pub(crate) fields: Vec<Field>,
    pub(crate) facet_field: Field,
    pub(crate) docs: Vec<SearchDoc>,
    pub(crate) facets: Vec<Facet>,
    pub(crate) lexicon: Lexicon,
}

/// Per-entry document frequencies of exact and folded syllables (any part).
struct SyllableCounts {
    exact: HashMap<String, u32>,
    folded: HashMap<String, u32>,
}

fn count_syllables(docs: &[SearchDoc]) -> SyllableCounts {
    let empty = || SyllableCounts { exact: HashMap::new(), folded: HashMap::new() };
    docs.par_iter()
        .fold(empty, |mut acc, doc| {
            let (mut exact, mut folded) = (HashSet::<String>::new(), HashSet::<String>::new());
            for value in doc_values(doc).iter().flatten() {
                analyzer::for_each_token(&analyzer::prepare(value), |e, f| {
                    if !exact.contains(e) {
                        exact.insert(e.to_string());
                    }
                    if !folded.contains(f) {
                        folded.insert(f.to_string());
                    }
                });
            }
            for t in exact {
                *acc.exact.entry(t).or_default() += 1;
            }
            for t in folded {
                *acc.folded.entry(t).or_default() += 1;
            }
            acc
        })
        .reduce(empty, |mut a, b| {
            for (t, n) in b.exact {
                *a.exact.entry(t).or_default() += n;
            }
            for (t, n) in b.folded {
                *a.folded.entry(t).or_default() += n;
            }
            a
        })
}

fn stop_set(counts: &HashMap<String, u32>, num_docs: usize) -> BTreeSet<String> {
    if num_docs < STOP_MIN_DOCS {
        return BTreeSet::new();
    }
    let limit = num_docs as f64 * STOP_FRACTION;
    counts.iter().filter(|(_, &n)| n as f64 > limit).map(|(t, _)| t.clone()).collect()
}

/// The completion lists: per two-letter prefix, indexed folded terms by entries desc.
fn completions(folded: &HashMap<String, u32>, stop: &BTreeSet<String>) -> BTreeMap<String, Vec<(String, u32)>> {
    let mut by_prefix: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    for (term, &n) in folded {
        if stop.contains(term) {
            continue;
        }
        if let Some(key) = prefix_key(term) {
            by_prefix.entry(key).or_default().push((term.clone(), n));
        }
    }
    for list in by_prefix.values_mut() {
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list.truncate(COMPLETIONS_PER_PREFIX);
    }
    by_prefix
}

/// Synonym keys match case- and diacritic-insensitively: key = folded tokens.
fn synonym_table(synonyms: &Synonyms) -> BTreeMap<String, Vec<String>> {
    let mut table: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, expansions) in synonyms {
        let folded = analyzer::tokens_folded(key);
        // Only one-word abbreviations are matched (a query token equals the key).
        if let [single] = folded.as_slice() {
            let list = table.entry(single.clone()).or_default();
            for e in expansions {
                let e = analyzer::nfc(e.trim());
                if !e.is_empty() && !list.contains(&e) {
                    list.push(e);
                }
            }
        }
    }
    table
}

fn text_options(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs)
            .set_fieldnorms(true),
    )
}

fn register_tokenizers(index: &Index, lexicon: &Lexicon) {
    let exact = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(lexicon.stop_exact.iter().cloned()))
        .build();
    let folded = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(lexicon.stop_folded.iter().cloned()))
        .build();
    let bigram = TextAnalyzer::builder(WhitespaceTokenizer::default()).build();
    let tokenizers = index.tokenizers();
    tokenizers.register("vi_exact", exact);
    tokenizers.register("vi_fold", folded);
    tokenizers.register("vi_bigram", bigram);
}

/// The tantivy document of one entry.
fn tantivy_doc(doc: &SearchDoc, ord: usize, index: &SearchIndexFields) -> TantivyDocument {
    let mut out = TantivyDocument::default();
    out.add_u64(index.ord, ord as u64);
    let parts = doc_values(doc).map(|values| values.iter().map(|v| canonical_tones(v)).collect::<Vec<_>>());
    for (spec, &field) in FIELDS.iter().zip(&index.text) {
        match spec.kind {
            Kind::Exact | Kind::Folded => {
                let part = part_index(spec.part).expect("unigram fields index one part");
                for value in &parts[part] {
                    out.add_text(field, value);
                }
            }
            Kind::Bigram => {
                for value in parts.iter().flatten() {
                    let bigrams = analyzer::bigram_text(value);
                    if !bigrams.is_empty() {
                        out.add_text(field, bigrams);
                    }
                }
            }
        }
    }
    for (key, value) in &doc.facets {
        out.add_text(index.facet, facet_term(key, value));
    }
    out
}

/// The indexed term of a facet value.
pub(crate) fn facet_term(key: &str, value: &str) -> String {
    format!("{key}={value}")
}

struct SearchIndexFields {
    ord: Field,
    text: Vec<Field>,
    facet: Field,
}

impl SearchIndex {
    pub(crate) fn build(
        docs: Vec<SearchDoc>,
        facets: Vec<Facet>,
        synonyms: &Synonyms,
    ) -> Result<SearchIndex, SearchError> {
        if docs.windows(2).any(|w| w[0].id >= w[1].id) {
            return Err(SearchError::Invariant("entries are not sorted by unique id".into()));
        }
        let counts = count_syllables(&docs);
        let stop_exact = stop_set(&counts.exact, docs.len());
        let stop_folded = stop_set(&counts.folded, docs.len());
        let lexicon = Lexicon {
            completions: completions(&counts.folded, &stop_folded),
            synonyms: synonym_table(synonyms),
            stop_exact,
            stop_folded,
        };
        drop(counts);

        let mut builder = Schema::builder();
        let ord = builder.add_u64_field("ord", FAST);
        let text: Vec<Field> = FIELDS
            .iter()
            .map(|spec| {
                let tokenizer = match spec.kind {
                    Kind::Exact => "vi_exact",
                    Kind::Folded => "vi_fold",
                    Kind::Bigram => "vi_bigram",
                };
                builder.add_text_field(spec.name, text_options(tokenizer))
            })
            .collect();
        let facet = builder.add_text_field("facet", STRING);
        let fields = SearchIndexFields { ord, text, facet };
        let index = Index::create_in_ram(builder.build());
        register_tokenizers(&index, &lexicon);

        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for (chunk_no, chunk) in docs.chunks(2_000).enumerate() {
            let prepared: Vec<TantivyDocument> =
                chunk.par_iter().enumerate().map(|(i, doc)| tantivy_doc(doc, chunk_no * 2_000 + i, &fields)).collect();
            for doc in prepared {
                writer.add_document(doc)?;
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;

        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let built = SearchIndex { reader, fields: fields.text, facet_field: fields.facet, docs, facets, lexicon };
        built.check_invariants()?;
        Ok(built)
    }

    /// One segment (or none, for an empty bank), no deletes, DocId == ordinal.
    fn check_invariants(&self) -> Result<(), SearchError> {
        let searcher = self.reader.searcher();
        let segments = searcher.segment_readers();
        if self.docs.is_empty() {
            return Ok(());
        }
        if segments.len() != 1 {
            return Err(SearchError::Invariant(format!("{} segments instead of one", segments.len())));
        }
        let segment = &segments[0];
        if segment.has_deletes() || segment.max_doc() as usize != self.docs.len() {
            return Err(SearchError::Invariant("deleted or missing documents".into()));
        }
        let ords = segment.fast_fields().u64("ord")?;
        for doc in 0..segment.max_doc() {
            if ords.first(doc) != Some(doc as u64) {
                return Err(SearchError::Invariant(format!("DocId {doc} is not its ordinal")));
            }
        }
        Ok(())
    }

    /// The entries, by ordinal.
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    /// Stop syllables, completions and synonyms used by query planning.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The clauses a query text turns into.
    pub fn plan(&self, text: &str) -> Vec<super::plan::Clause> {
        super::plan::plan(text, &self.lexicon)
    }
}
