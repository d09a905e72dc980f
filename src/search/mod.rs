//! Search: a tantivy index built at build time, baked to static JSON, queried in the
//! browser by `themes/default/static/search.js` with tantivy's exact BM25.
//!
//! Only this module knows tantivy. The pieces, in the order data flows:
//!
//! * [`analyzer`]: the Vietnamese analyzer (NFC, tone placement, tokens, folding,
//!   bigrams); pure functions, shared with the similarity feature.
//! * [`schema`]: the seven text fields, their boosts, and how an entry fills them.
//! * [`index`]: builds one deterministic single-segment tantivy index in RAM, with
//!   corpus stop syllables, and checks the invariants the export relies on.
//! * [`plan`]: turns a query into weighted term clauses, the same way as the JS client.
//! * [`query`]: answers a plan through tantivy: the reference for `sangkien search`
//!   and for the parity test.
//! * [`export`]: walks the index and writes the JSON files under `search/`.
//! * [`bm25`]: tantivy's BM25 in f32, for the impact order of exported postings.
//!
//! Invariants: DocId == entry ordinal (the position in the input, sorted by id); one
//! segment, no deletes; the client and tantivy see the same terms, df, token totals
//! and field-norm bytes, so they compute the same scores.

pub mod analyzer;
pub mod bm25;
pub mod export;
pub mod index;
pub mod plan;
pub mod query;
pub mod schema;

use std::collections::BTreeMap;
use std::fmt;

pub use index::SearchIndex;
pub use query::{format_hits, parse_filter};

/// One entry as search sees it. Given sorted by id; `ord` = position in the Vec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchDoc {
    pub id: String,
    /// Page path from the site root, "sang-kien/so-hoa-ho-tich/".
    pub url: String,
    pub title: String,
    pub summary: String,
    /// Plain text of the Markdown body (already NFC), shared with the
    /// rendered body.
    pub body: std::sync::Arc<str>,
    pub authors: Vec<String>,
    pub unit: String,
    pub province: String,
    pub fields: Vec<String>,
    pub tags: Vec<String>,
    pub decision_numbers: Vec<String>,
    pub year: i32,
    /// (facet key, value id): ("linh-vuc", "chuyen-doi-so"), ("nam", "2025")…
    pub facets: Vec<(String, String)>,
}

/// A facet (filter) with its values, in display order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facet {
    pub key: String,
    pub label: String,
    /// (value id, display name).
    pub values: Vec<(String, String)>,
}

/// Abbreviation → expansions, as editors write them in `content/synonyms.yaml`.
pub type Synonyms = BTreeMap<String, Vec<String>>;

/// One ranked answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub ord: u32,
    pub id: String,
    pub score: f32,
    pub title: String,
    pub url: String,
}

#[derive(Debug)]
pub enum SearchError {
    /// tantivy failed (building, committing or searching).
    Tantivy(tantivy::TantivyError),
    /// An invariant of the built index does not hold (a bug, not a content problem).
    Invariant(String),
    /// A filter names an unknown facet key.
    UnknownFacet(String),
    Json(serde_json::Error),
    /// Writing an exported file failed.
    Write(String),
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::Tantivy(e) => write!(f, "search index: {e}"),
            SearchError::Invariant(m) => write!(f, "search index invariant broken: {m}"),
            SearchError::UnknownFacet(k) => write!(f, "unknown search filter `{k}`"),
            SearchError::Json(e) => write!(f, "search export: {e}"),
            SearchError::Write(e) => write!(f, "search export: {e}"),
        }
    }
}

impl std::error::Error for SearchError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SearchError::Tantivy(e) => Some(e),
            SearchError::Json(e) => Some(e),
            _ => None,
        }
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Tantivy(e)
    }
}

impl From<std::io::Error> for SearchError {
    fn from(e: std::io::Error) -> Self {
        SearchError::Tantivy(e.into())
    }
}

impl From<serde_json::Error> for SearchError {
    fn from(e: serde_json::Error) -> Self {
        SearchError::Json(e)
    }
}

/// Builds the index of a bank. `docs` must be sorted by id.
pub fn build_index(docs: Vec<SearchDoc>, facets: Vec<Facet>, synonyms: &Synonyms) -> Result<SearchIndex, SearchError> {
    SearchIndex::build(docs, facets, synonyms)
}
