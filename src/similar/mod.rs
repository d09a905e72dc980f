//! Similar initiatives and the novelty check.
//!
//! Novelty within the unit is a legal condition of an initiative (Điều lệ Sáng kiến,
//! Điều 3), and copying an earlier initiative is the movement's most common complaint. Two
//! notions, computed from the same reading of each entry's text ([`text`]: title, summary,
//! body, benefits, conditions, through the search analyzer — NFC, tone placement, folding):
//!
//! * **Similar models** ([`models`]): entries about the same thing, by the cosine of
//!   tf-idf vectors of words and word pairs. Every entry page shows up to [`SHOWN`] of them
//!   from *other* units ("Sáng kiến tương tự"), the way replication starts.
//! * **Possible copies** ([`copies`]): entries sharing their wording, by the overlap of
//!   their sets of word 3-shingles; any unit, the same one included (re-submitting last
//!   year's own initiative is the complaint). `sangkien similar` and `sangkien check` list
//!   them for new or changed entries ([`command`]), with the overlapping passages side by
//!   side; the council report ([`report`]) lists them across the bank.
//!
//! Why these methods (measured in docs/similarity.md and BENCHMARKS.md):
//!
//! * Topic and copying are different questions. Two models of the same idea in different
//!   words are what a reader wants to find, and what a council must *not* flag; a lightly
//!   edited copy (sentences reordered, unit names changed, synonyms and tone placement
//!   swapped) keeps most of its word runs. tf-idf cosine answers the first, shingle overlap
//!   the second; the labelled set in tests/fixtures/similar/ checks that the copy flag
//!   separates the two (precision and recall enforced by `cargo test --test similar`).
//! * Near-linear, without O(n²): the models come from a term-at-a-time inverted index with
//!   a bounded number of terms per entry and of entries per term ([`models`]). The copy check
//!   of a few changed entries probes one hash index with every entry's shingles (linear);
//!   the bank-wide report checks each entry against its [`NEAR`] closest models, since a copy
//!   is always among an entry's closest models.
//! * tantivy's more-like-this would need a query per entry against the search index (built
//!   later in the build, and only for search), and MinHash signatures would only estimate
//!   what the exact shingle sets give directly at this size (a few hundred shingles per
//!   entry): both were set aside.
//! * Deterministic: fixed hashes, sums in a fixed order, ties broken by entry id.

pub mod command;
pub mod copies;
pub mod models;
pub mod report;
pub mod text;

use rayon::prelude::*;

use crate::content::Entry;
use crate::library::Library;
use crate::markdown::Rendered;
use copies::{Overlap, Shingles};
use models::{Df, Vector};
use text::Reader;

/// Similar models shown on an entry's page.
pub const SHOWN: usize = 5;
/// Similar models kept per entry, so that [`SHOWN`] remain after those the editors already
/// list as related.
pub const POOL: usize = 10;
/// Closest models (any unit) checked for copies by the bank-wide report.
pub const NEAR: usize = 8;
/// The smallest cosine for an entry to count as a similar model at all.
pub const MIN_COSINE: f32 = 0.05;

/// The thresholds, from config.yaml (`similarity:`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Overlap from which `sangkien similar` lists a pair.
    pub list: f32,
    /// Overlap from which a pair is a possible copy ("rất giống").
    pub copy: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { list: 0.2, copy: 0.4 }
    }
}

/// A similar model shown on an entry's page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub entry: usize,
    pub cosine: f32,
}

/// Two entries that share their wording (`a` < `b`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub overlap: Overlap,
}

/// What the build computes: every entry's similar models, and — for the council report
/// only — the possible copies among each entry's closest models.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Similar {
    pub thresholds: Thresholds,
    /// Per entry (library order), best first, other units only; up to [`POOL`].
    pub models: Vec<Vec<Shown>>,
    /// Possible copies, highest overlap first (then by ids); empty unless asked for.
    pub copies: Vec<Pair>,
}

/// An entry's text as similarity reads it, in the form each use needs.
pub struct Analysed {
    /// tf-idf vectors (empty unless asked for).
    pub vectors: Vec<Vector>,
    pub shingles: Vec<Shingles>,
    /// Distinct terms in the bank.
    pub terms: usize,
}

/// What to compute when reading a bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    pub vectors: bool,
    pub shingles: bool,
}

/// How much of the body the topic vectors read, in bytes (cut at a space; about 250
/// syllables): the opening of the body — the situation before the initiative and the start
/// of the solution — says what the initiative is about; on the labelled set, reading all of
/// it finds the same models (docs/similarity.md), and costs more on every build.
pub const TOPIC_BODY_BYTES: usize = 1000;

/// Document frequencies are counted over every entry of a bank up to this size, and over
/// every k-th entry (by id) of a larger one, about this many, scaled: the weights of the
/// words that matter (those many entries share) hardly move, and the first of the two
/// readings of a 100,000-entry bank costs a fifth. A word no counted entry uses is treated
/// like a word of one entry: it can match nothing (docs/similarity.md).
pub const DF_SAMPLE: usize = 20_000;

/// The start of `text`, at most `max` bytes, cut at a space.
pub fn opening(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(i) => &text[..i],
        None => &text[..end],
    }
}

/// The text of a part the topic vectors read: all of it, or the body's opening.
fn topic_text(part: text::Part, text: &str) -> &str {
    if part == text::Part::Body {
        opening(text, TOPIC_BODY_BYTES)
    } else {
        text
    }
}

/// Reads every entry: the topic vectors and the shingle sets, as asked. The vectors take
/// two passes (document frequencies first, so that no entry's full term list is kept).
pub fn analyse(lib: &Library, bodies: &[Rendered], need: Need) -> Analysed {
    let n = lib.entries.len();
    // The body's opening is enough unless the shingles need all of it.
    let body_bytes = if need.shingles { usize::MAX } else { TOPIC_BODY_BYTES };
    let parts = |i: usize| text::parts_upto(&lib.entries[i], &bodies[i], body_bytes);
    let df = need.vectors.then(|| {
        // Every entry, or every k-th of a large bank (see DF_SAMPLE).
        let stride = n.div_ceil(DF_SAMPLE).max(1);
        let counted: Vec<usize> = (0..n).step_by(stride).collect();
        let scale = n as f32 / counted.len().max(1) as f32;
        let terms_of = |(reader, counts): &mut (Reader, models::Counts), &i: &usize| -> Vec<u64> {
            counts.clear();
            for (part, t) in parts(i) {
                reader.sentences(topic_text(part, &t), |toks, _| models::count_terms(part, toks, counts));
            }
            counts.keys().copied().collect()
        };
        Df::count(counted.par_iter().map_init(Default::default, terms_of), scale)
    });
    let (vectors, shingles): (Vec<Vector>, Vec<Shingles>) = (0..n)
        .into_par_iter()
        .map_init(<(Reader, models::Counts)>::default, |(reader, terms), i| {
            terms.clear();
            let mut sh = Vec::new();
            for (part, t) in parts(i) {
                let topic = topic_text(part, &t);
                let shingles = need.shingles && part.in_copies();
                if shingles && topic.len() == t.len() {
                    // One reading serves both.
                    reader.sentences(&t, |toks, _| {
                        if df.is_some() {
                            models::count_terms(part, toks, terms);
                        }
                        copies::sentence_shingles(toks, |h| sh.push(h));
                    });
                    continue;
                }
                if shingles {
                    reader.sentences(&t, |toks, _| copies::sentence_shingles(toks, |h| sh.push(h)));
                }
                if df.is_some() {
                    reader.sentences(topic, |toks, _| models::count_terms(part, toks, terms));
                }
            }
            let v = df.as_ref().map(|df| models::vector(terms, df, n)).unwrap_or_default();
            (v, Shingles::from_unsorted(sh))
        })
        .unzip();
    let terms = df.as_ref().map_or(0, Df::len);
    Analysed { vectors: if df.is_some() { vectors } else { Vec::new() }, shingles, terms }
}

/// Whether similarity reads the same text in two versions of an entry, so that nothing it
/// computes can differ: the topic's text (the body's opening only), and with `copies` the
/// whole text. `serve` skips recomputing the bank's similar models after an edit further down
/// a body.
pub fn reads_the_same(old: (&Entry, &Rendered), new: (&Entry, &Rendered), copies: bool) -> bool {
    let limit = if copies { usize::MAX } else { TOPIC_BODY_BYTES };
    let (a, b) = (text::parts_upto(old.0, old.1, limit), text::parts_upto(new.0, new.1, limit));
    a.len() == b.len()
        && a.iter().zip(&b).all(|((pa, ta), (pb, tb))| {
            pa == pb && if copies { ta == tb } else { topic_text(*pa, ta) == topic_text(*pb, tb) }
        })
}

/// Owner units as small numbers (equal units, equal numbers).
pub fn unit_groups(lib: &Library) -> Vec<u32> {
    let mut units: Vec<&str> = lib.entries.iter().map(|e| e.owner_unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    lib.entries.iter().map(|e| units.binary_search(&e.owner_unit.as_str()).unwrap_or(0) as u32).collect()
}

/// The cosine from which a similar model is "rất giống" on a page: on the labelled set
/// every copy is above it and no distinct model is (docs/similarity.md).
pub const VERY_SIMILAR: f32 = 0.5;
/// The cosine from which a similar model is "tương tự"; below, down to [`MIN_COSINE`], it
/// only "có nét tương đồng" (has something in common): in a small bank the closest models
/// can be far.
pub const CLOSE_SIMILAR: f32 = 0.15;

/// How similar a shown model is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Degree {
    /// "Có nét tương đồng".
    Some,
    /// "Tương tự".
    Close,
    /// "Rất giống".
    Very,
}

impl Degree {
    pub fn of(cosine: f32) -> Degree {
        if cosine >= VERY_SIMILAR {
            Degree::Very
        } else if cosine >= CLOSE_SIMILAR {
            Degree::Close
        } else {
            Degree::Some
        }
    }

    /// The id used in class names (`very`, `close`, `some`) and, prefixed with `similar_`, the
    /// translation key of the words.
    pub fn id(self) -> &'static str {
        match self {
            Degree::Very => "very",
            Degree::Close => "close",
            Degree::Some => "some",
        }
    }
}

impl Similar {
    /// Similar models of every entry; with `copies`, also the possible copies among close
    /// models (a second reading of every entry's whole text: the council report only).
    pub fn compute(lib: &Library, bodies: &[Rendered], thresholds: Thresholds, copies: bool) -> Similar {
        let a = analyse(lib, bodies, Need { vectors: true, shingles: copies });
        Similar::from_analysed(lib, &a, thresholds)
    }

    /// From entries already read; the copies when the shingles were read.
    pub fn from_analysed(lib: &Library, a: &Analysed, thresholds: Thresholds) -> Similar {
        let groups = unit_groups(lib);
        let with_copies = a.shingles.len() == lib.entries.len() && !a.shingles.iter().all(Shingles::is_empty);
        let matches = models::neighbours(&a.vectors, &groups, POOL, if with_copies { NEAR } else { 0 }, MIN_COSINE);
        let per_entry: Vec<(Vec<Shown>, Vec<Pair>)> = matches
            .par_iter()
            .enumerate()
            .map(|(i, m)| {
                let shown = m.others.iter().map(|&(d, cosine)| Shown { entry: d as usize, cosine }).collect();
                let pairs = if with_copies {
                    m.any
                        .iter()
                        .map(|&(d, _)| (d as usize, Overlap::between(&a.shingles[i], &a.shingles[d as usize])))
                        .filter(|(_, o)| o.is_copy(thresholds.copy))
                        .map(|(d, overlap)| Pair { a: i.min(d), b: i.max(d), overlap })
                        .collect()
                } else {
                    Vec::new()
                };
                (shown, pairs)
            })
            .collect();
        let mut models = Vec::with_capacity(per_entry.len());
        let mut copies = Vec::new();
        for (shown, pairs) in per_entry {
            models.push(shown);
            copies.extend(pairs);
        }
        sort_pairs(&mut copies);
        Similar { thresholds, models, copies }
    }

    /// The similar models entry `i`'s page shows: the best [`SHOWN`] of those the editors
    /// have not already listed in `related`.
    pub fn on_page<'s>(&'s self, lib: &'s Library, i: usize) -> impl Iterator<Item = &'s Shown> + 's {
        let related = &lib.entries[i].related;
        self.models
            .get(i)
            .into_iter()
            .flatten()
            .filter(move |s| !related.contains(&lib.entries[s.entry].id))
            .take(SHOWN)
    }

    /// Whether a shown model is "rất giống".
    pub fn is_very_similar(&self, s: &Shown) -> bool {
        Degree::of(s.cosine) == Degree::Very
    }
}

/// Highest overlap first, then by entry order; duplicates removed.
pub fn sort_pairs(pairs: &mut Vec<Pair>) {
    pairs.sort_by(|x, y| y.overlap.score.total_cmp(&x.overlap.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    // A pair found from both ends has the same overlap (it is symmetric), so the two are
    // adjacent once sorted.
    pairs.dedup_by_key(|p| (p.a, p.b));
}
