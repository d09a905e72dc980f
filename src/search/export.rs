//! Baking the index to static JSON: walk every term of every field and write what the
//! browser needs to compute tantivy's scores, sharded so that a query fetches little.
//!
//! ```text
//! search/meta.json           the only file revalidated: N, fields (boost, token total),
//!                            stop syllables, synonyms, planning constants, the first
//!                            key of every dictionary shard, facets
//! search/<b>/fold.json       tantivy's AsciiFoldingFilter as a table
//! search/<b>/d/<i>.json      dictionary shard: {term: {field: [df, groups] | [df, null, pages]}}
//! search/<b>/p/<i>.json      one posting page: groups
//! search/<b>/c/<hex>.json    completions of a two-letter prefix: [[term, entries], …]
//! search/<b>/f/<ord>.json    fragment: what a result shows, and the indexed text
//! search/<b>/x/<k>-<v>.json  entries with a facet value (ordinals, delta-coded)
//! ```
//!
//! `<b>` is a hash of the content, so those files never change under a URL and can be
//! cached forever. Postings are grouped by (tf, field-norm id), the groups sorted by
//! BM25 impact (best first), doc ordinals delta-coded within a group: `groups` is a
//! flat array `tf, fnid, count, doc, Δdoc, …`. Lists of more than [`INLINE_MAX`]
//! postings are cut into pages of growing size; the dictionary keeps each page's first
//! (tf, fnid) (its best impact), size and id, `pages` = `tf, fnid, count, id, …`, so
//! the client can stop reading once no page can change the top results. A shard holds
//! whole keys (key = folded term), never part of one, so the exact forms, the folded
//! form and the diacritic variants of a syllable are always in the same shard.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde_json::json;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED};

use super::analyzer;
use super::bm25;
use super::schema::{Kind, FIELDS, MAX_QUERY_TOKENS, PREFIX_BOOST, PREFIX_MIN_CHARS, PREFIX_TAKE};
use super::{SearchError, SearchIndex};

/// Posting lists up to this length live in the dictionary itself.
pub const INLINE_MAX: usize = 64;
/// The first page of a longer list; each next page doubles, up to [`PAGE_MAX`].
pub const PAGE_FIRST: usize = 128;
pub const PAGE_MAX: usize = 4_096;
/// A dictionary shard is closed once it reaches this many bytes (about 6 kB gzip).
pub const SHARD_BYTES: usize = 16_000;
/// Facets with more values than this keep their value list in a file of their own.
pub const FACET_INLINE_VALUES: usize = 100;
/// Format version of the baked index.
pub const VERSION: u32 = 1;

struct Group {
    tf: u32,
    fnid: u8,
    docs: Vec<u32>,
}

struct TermPostings {
    key: String,
    term: String,
    field: usize,
    df: u32,
    groups: Vec<Group>,
}

/// A JSON string literal.
fn js(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// `tf, fnid, count, doc, Δdoc…` for each group (or part of a group).
fn write_groups(out: &mut String, groups: &[(u32, u8, &[u32])]) {
    for (tf, fnid, docs) in groups {
        if !out.ends_with('[') {
            out.push(',');
        }
        let _ = write!(out, "{tf},{fnid},{}", docs.len());
        write_deltas(out, docs);
    }
}

/// `,doc,Δdoc,…` for ascending ordinals.
fn write_deltas(out: &mut String, docs: &[u32]) {
    let mut previous = 0;
    for (i, &d) in docs.iter().enumerate() {
        let _ = write!(out, ",{}", if i == 0 { d } else { d - previous });
        previous = d;
    }
}

/// The build hash: FNV-1a 64 over every file's path and bytes, in path order.
struct ContentHash(u64);

impl ContentHash {
    fn new() -> ContentHash {
        ContentHash(0xcbf29ce484222325)
    }

    fn add(&mut self, path: &str, bytes: &[u8]) {
        for &b in path.as_bytes().iter().chain(&[0]).chain(bytes).chain(&[0]) {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }

    fn finish(&self) -> String {
        format!("{:012x}", self.0 >> 16)
    }
}

/// Where [`SearchIndex::export_to`] sends each file: (path, bytes) → an error message.
pub type WriteFile<'a> = dyn Fn(&str, &[u8]) -> Result<(), String> + Sync + 'a;

/// Search documents' fragments made at a time: enough for both cores, few
/// enough that their bytes are never all held at once.
const FRAGMENT_CHUNK: usize = 1_000;

/// The fold table as JSON (computed once per process: it scans all of Unicode).
fn fold_json() -> &'static str {
    static FOLD: OnceLock<String> = OnceLock::new();
    FOLD.get_or_init(|| {
        let map: serde_json::Map<String, serde_json::Value> =
            analyzer::fold_table().into_iter().map(|(c, f)| (c.to_string(), f.into())).collect();
        serde_json::to_string(&map).expect("fold table serialises")
    })
}

impl SearchIndex {
    /// Reads every posting of one field, grouped and impact-ordered.
    fn walk_field(&self, field: usize) -> Result<(Vec<TermPostings>, u64), SearchError> {
        let searcher = self.reader.searcher();
        let segment = &searcher.segment_readers()[0];
        let inverted = segment.inverted_index(self.fields[field])?;
        let norms = segment.get_fieldnorms_reader(self.fields[field])?;
        let total_tokens = inverted.total_num_tokens();
        let k = bm25::norm_cache(total_tokens, self.docs.len() as u64);
        let mut out = Vec::new();
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let term = String::from_utf8(stream.key().to_vec())
                .map_err(|_| SearchError::Invariant("a term is not UTF-8".into()))?;
            let info = stream.value().clone();
            let mut postings = inverted.read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)?;
            let mut groups: BTreeMap<(u32, u8), Vec<u32>> = BTreeMap::new();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let key = (postings.term_freq(), norms.fieldnorm_id(doc));
                groups.entry(key).or_default().push(doc);
                doc = postings.advance();
            }
            let mut groups: Vec<Group> =
                groups.into_iter().map(|((tf, fnid), docs)| Group { tf, fnid, docs }).collect();
            groups.sort_by(|a, b| {
                let (ia, ib) = (bm25::impact(a.tf, k[a.fnid as usize]), bm25::impact(b.tf, k[b.fnid as usize]));
                ib.total_cmp(&ia).then(b.tf.cmp(&a.tf)).then(a.fnid.cmp(&b.fnid))
            });
            let df = groups.iter().map(|g| g.docs.len() as u32).sum();
            if df != info.doc_freq {
                return Err(SearchError::Invariant(format!("df of {term} disagrees")));
            }
            out.push(TermPostings { key: analyzer::fold(&term), term, field, df, groups });
        }
        Ok((out, total_tokens))
    }

    /// Every file of the baked index, in memory: (path relative to `search/`,
    /// bytes), sorted by path. The build writes through [`Self::export_to`].
    pub fn export(&self) -> Result<Vec<(String, Vec<u8>)>, SearchError> {
        let files = std::sync::Mutex::new(Vec::new());
        self.export_to(&|path: &str, bytes: &[u8]| {
            files.lock().expect("no panic holds the lock").push((path.to_string(), bytes.to_vec()));
            Ok(())
        })?;
        let mut files = files.into_inner().expect("no panic holds the lock");
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    /// Writes every file of the baked index through `write` (path relative to
    /// `search/`); returns the build hash, the folder they are under. The
    /// fragments, which hold the indexed text and are most of the bytes, are
    /// made a chunk at a time: once to hash them, in path order, and again to
    /// write them, so that a large bank's are never all in memory.
    pub fn export_to(&self, write: &WriteFile<'_>) -> Result<String, SearchError> {
        let walked: Vec<(Vec<TermPostings>, u64)> =
            (0..FIELDS.len()).into_par_iter().map(|f| self.walk_field(f)).collect::<Result<_, _>>()?;
        let totals: Vec<u64> = walked.iter().map(|(_, t)| *t).collect();
        let mut terms: Vec<TermPostings> = walked.into_iter().flat_map(|(t, _)| t).collect();
        terms.sort_by(|a, b| {
            (a.key.as_bytes(), a.term.as_bytes(), a.field).cmp(&(b.key.as_bytes(), b.term.as_bytes(), b.field))
        });

        // Every file but the fragments, which sort between `d/` and `fold.json`.
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let (shard_keys, shards, pages) = dictionary(&terms);
        drop(terms);
        for (i, shard) in shards.into_iter().enumerate() {
            files.push((format!("d/{i}.json"), shard.into_bytes()));
        }
        for (i, page) in pages.into_iter().enumerate() {
            files.push((format!("p/{i}.json"), page.into_bytes()));
        }
        for (prefix, list) in &self.lexicon.completions {
            let hex: String = prefix.bytes().map(|b| format!("{b:02x}")).collect();
            files.push((format!("c/{hex}.json"), serde_json::to_vec(list)?));
        }
        let facets = self.export_facets(&mut files);
        files.push(("fold.json".into(), fold_json().as_bytes().to_vec()));
        files.sort_by(|a, b| a.0.cmp(&b.0));

        let fragment_path = |ord: usize| format!("f/{ord}.json");
        let mut ords: Vec<usize> = (0..self.docs.len()).collect();
        ords.sort_by_cached_key(|&ord| fragment_path(ord));
        let mut hash = ContentHash::new();
        let (before, after): (Vec<_>, Vec<_>) = files.iter().partition(|(path, _)| path.as_str() < "f/");
        for (path, bytes) in before {
            hash.add(path, bytes);
        }
        for chunk in ords.chunks(FRAGMENT_CHUNK) {
            let made: Vec<Vec<u8>> = chunk.par_iter().map(|&ord| self.fragment(ord)).collect::<Result<_, _>>()?;
            for (&ord, bytes) in chunk.iter().zip(&made) {
                hash.add(&fragment_path(ord), bytes);
            }
        }
        for (path, bytes) in after {
            hash.add(path, bytes);
        }
        let build = hash.finish();

        let written = |path: &str, bytes: &[u8]| write(&format!("{build}/{path}"), bytes).map_err(SearchError::Write);
        files.par_iter().try_for_each(|(path, bytes)| written(path, bytes))?;
        drop(files);
        for chunk in ords.chunks(FRAGMENT_CHUNK) {
            chunk.par_iter().try_for_each(|&ord| written(&fragment_path(ord), &self.fragment(ord)?))?;
        }

        let fields: Vec<_> = FIELDS
            .iter()
            .zip(&totals)
            .map(|(spec, tokens)| {
                let kind = match spec.kind {
                    Kind::Exact => "exact",
                    Kind::Folded => "folded",
                    Kind::Bigram => "bigram",
                };
                json!({"name": spec.name, "kind": kind, "boost": spec.boost, "tokens": tokens})
            })
            .collect();
        let meta = json!({
            "version": VERSION,
            "build": build,
            "n": self.docs.len(),
            "fields": fields,
            "plan": {
                "maxTokens": MAX_QUERY_TOKENS,
                "prefixMin": PREFIX_MIN_CHARS,
                "prefixTake": PREFIX_TAKE,
                "prefixBoost": PREFIX_BOOST,
            },
            "stop": {"exact": self.lexicon.stop_exact, "folded": self.lexicon.stop_folded},
            "synonyms": self.lexicon.synonyms,
            "facets": facets,
            "shards": shard_keys,
        });
        write("meta.json", &serde_json::to_vec(&meta)?).map_err(SearchError::Write)?;
        Ok(build)
    }

    /// What a result shows of one entry, and its indexed text.
    fn fragment(&self, ord: usize) -> Result<Vec<u8>, SearchError> {
        let doc = &self.docs[ord];
        let fragment = json!({
            "id": doc.id,
            "url": doc.url,
            "title": analyzer::nfc(&doc.title),
            "summary": analyzer::nfc(&doc.summary),
            "unit": doc.unit,
            "province": doc.province,
            "year": doc.year,
            "parts": super::schema::doc_values(doc),
        });
        Ok(serde_json::to_vec(&fragment)?)
    }

    /// Facet value files; returns the facet table for `meta.json`.
    fn export_facets(&self, files: &mut Vec<(String, Vec<u8>)>) -> Vec<serde_json::Value> {
        let mut members: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
        for (ord, doc) in self.docs.iter().enumerate() {
            for (key, value) in &doc.facets {
                let list = members.entry((key, value)).or_default();
                if list.last() != Some(&(ord as u32)) {
                    list.push(ord as u32);
                }
            }
        }
        let mut table = Vec::new();
        for (ki, facet) in self.facets.iter().enumerate() {
            let mut values = Vec::new();
            for (vi, (id, name)) in facet.values.iter().enumerate() {
                let docs = members.get(&(facet.key.as_str(), id.as_str()));
                let count = docs.map_or(0, Vec::len);
                if let Some(docs) = docs {
                    let mut list = String::new();
                    write_deltas(&mut list, docs);
                    let list = format!("[{}]", list.trim_start_matches(','));
                    files.push((format!("x/{ki}-{vi}.json"), list.into_bytes()));
                }
                values.push(json!([id, name, count]));
            }
            if values.len() > FACET_INLINE_VALUES {
                files.push((format!("x/{ki}.json"), serde_json::to_vec(&values).expect("json")));
                table.push(json!({"key": facet.key, "label": facet.label, "file": format!("x/{ki}.json")}));
            } else {
                table.push(json!({"key": facet.key, "label": facet.label, "values": values}));
            }
        }
        table
    }
}

/// Cuts the sorted postings into dictionary shards and pages.
/// Returns (first key of each shard, shards, pages).
fn dictionary(terms: &[TermPostings]) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut shard_keys = Vec::new();
    let mut shards: Vec<String> = Vec::new();
    let mut pages: Vec<String> = Vec::new();
    let mut shard = String::new();
    let mut i = 0;
    while i < terms.len() {
        // One key group: every term (and field) with this folded key.
        let key = &terms[i].key;
        let mut group = String::new();
        while i < terms.len() && &terms[i].key == key {
            let term = &terms[i].term;
            if !group.is_empty() {
                group.push(',');
            }
            let _ = write!(group, "{}:{{", js(term));
            let mut first = true;
            while i < terms.len() && &terms[i].term == term {
                if !first {
                    group.push(',');
                }
                first = false;
                let _ = write!(group, "\"{}\":", terms[i].field);
                group.push_str(&entry(&terms[i], &mut pages));
                i += 1;
            }
            group.push('}');
        }
        if !shard.is_empty() && shard.len() + group.len() > SHARD_BYTES {
            shard.push('}');
            shards.push(std::mem::take(&mut shard));
        }
        if shard.is_empty() {
            shard_keys.push(key.clone());
            shard.push('{');
        } else {
            shard.push(',');
        }
        shard.push_str(&group);
    }
    if !shard.is_empty() {
        shard.push('}');
        shards.push(shard);
    }
    (shard_keys, shards, pages)
}

/// One dictionary entry: `[df,[groups]]`, or `[df,null,[pages]]` writing the pages.
fn entry(t: &TermPostings, pages: &mut Vec<String>) -> String {
    let flat: Vec<(u32, u8, &[u32])> = t.groups.iter().map(|g| (g.tf, g.fnid, g.docs.as_slice())).collect();
    if (t.df as usize) <= INLINE_MAX {
        let mut s = format!("[{},[", t.df);
        write_groups(&mut s, &flat);
        s.push_str("]]");
        return s;
    }
    let mut descriptors = format!("[{},null,[", t.df);
    let mut size = PAGE_FIRST;
    let mut page: Vec<(u32, u8, &[u32])> = Vec::new();
    let mut in_page = 0;
    let mut close = |page: &mut Vec<(u32, u8, &[u32])>, in_page: usize, d: &mut String| {
        let mut body = String::from("[");
        write_groups(&mut body, page);
        body.push(']');
        if !d.ends_with('[') {
            d.push(',');
        }
        let _ = write!(d, "{},{},{},{}", page[0].0, page[0].1, in_page, pages.len());
        pages.push(body);
        page.clear();
    };
    for &(tf, fnid, docs) in &flat {
        let mut rest = docs;
        while !rest.is_empty() {
            let take = (size - in_page).min(rest.len());
            page.push((tf, fnid, &rest[..take]));
            in_page += take;
            rest = &rest[take..];
            if in_page == size {
                close(&mut page, in_page, &mut descriptors);
                in_page = 0;
                size = (size * 2).min(PAGE_MAX);
            }
        }
    }
    if in_page > 0 {
        close(&mut page, in_page, &mut descriptors);
    }
    descriptors.push_str("]]");
    descriptors
}
