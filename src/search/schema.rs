//! The index schema: which text of an entry goes into which field, with which boost.
//!
//! Three parts of an entry (title; "meta" = summary, tags, field names, unit,
//! province, authors, decision numbers; body) each get an exact field (diacritics
//! kept) and a folded field (diacritics removed). One bigram field holds the folded
//! syllable pairs of all parts: a phrase boost without positions. The boosts make a
//! title match outrank a summary or tag match, which outranks a body match, and an
//! exact-diacritic match outrank a folded one. They are written into `meta.json`, so
//! the browser client never hard-codes them.

use super::analyzer::nfc;
use super::SearchDoc;

/// How a field's terms are produced from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Exact,
    Folded,
    Bigram,
}

/// Which part of the entry a field indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Meta,
    Body,
    All,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub part: Part,
    pub boost: f32,
}

/// The text fields, in the order used everywhere (field index = position here).
pub const FIELDS: [FieldSpec; 7] = [
    FieldSpec { name: "title", kind: Kind::Exact, part: Part::Title, boost: 3.0 },
    FieldSpec { name: "title_f", kind: Kind::Folded, part: Part::Title, boost: 2.0 },
    FieldSpec { name: "meta", kind: Kind::Exact, part: Part::Meta, boost: 1.5 },
    FieldSpec { name: "meta_f", kind: Kind::Folded, part: Part::Meta, boost: 1.0 },
    FieldSpec { name: "body", kind: Kind::Exact, part: Part::Body, boost: 1.0 },
    FieldSpec { name: "body_f", kind: Kind::Folded, part: Part::Body, boost: 0.7 },
    FieldSpec { name: "bi", kind: Kind::Bigram, part: Part::All, boost: 1.5 },
];

/// The bigram field's index in [`FIELDS`].
pub const BIGRAM_FIELD: usize = 6;

/// Query planning constants (also written into `meta.json` for the client).
pub const MAX_QUERY_TOKENS: usize = 32;
/// The last word of a query is completed once it has this many characters.
pub const PREFIX_MIN_CHARS: usize = 2;
/// How many completions of the last word join the query.
pub const PREFIX_TAKE: usize = 3;
/// Boost factor of completion clauses.
pub const PREFIX_BOOST: f32 = 0.5;
/// Completions kept per two-letter prefix file.
pub const COMPLETIONS_PER_PREFIX: usize = 64;

/// Syllables in more than this share of entries are not indexed as unigrams…
pub const STOP_FRACTION: f64 = 0.2;
/// …in banks of at least this many entries (small banks need no such economy).
pub const STOP_MIN_DOCS: usize = 5_000;

/// The NFC texts of an entry by part: title, meta, body; empty values left out. Each
/// value is analysed on its own, so no bigram spans two values. The fragments the
/// client fetches carry exactly these values, so it can re-analyse an entry.
pub fn doc_values(doc: &SearchDoc) -> [Vec<String>; 3] {
    let mut meta: Vec<&str> = vec![&doc.summary];
    meta.extend(doc.tags.iter().map(String::as_str));
    meta.extend(doc.fields.iter().map(String::as_str));
    meta.push(&doc.unit);
    meta.push(&doc.province);
    meta.extend(doc.authors.iter().map(String::as_str));
    meta.extend(doc.decision_numbers.iter().map(String::as_str));
    let values = |v: Vec<&str>| -> Vec<String> { v.into_iter().filter(|s| !s.trim().is_empty()).map(nfc).collect() };
    [values(vec![&doc.title]), values(meta), values(vec![&doc.body])]
}

/// The part index (0 title, 1 meta, 2 body) of a unigram field.
pub fn part_index(part: Part) -> Option<usize> {
    match part {
        Part::Title => Some(0),
        Part::Meta => Some(1),
        Part::Body => Some(2),
        Part::All => None,
    }
}
