//! The search query path on the Rust side: the analyzer, the query planner
//! the browser client mirrors (`search::plan`), the `--filter` parser, and
//! the reference query through tantivy, over the index of the sample bank.
//!
//! Input: the first line is the query as typed; every further line is a
//! `--filter` argument (`KEY=VALUE`); the first byte also picks the limit.
//!
//! Invariants, besides "no panic":
//! * analysis: tokens lie on character boundaries of the prepared text, in
//!   order, shorter than the length limit; the folded form is the fold of the
//!   exact form; preparing is idempotent (index and query texts may be
//!   prepared twice and must not drift);
//! * plan: clauses name a real field, a non-empty term and a finite positive
//!   boost, with no (field, term) twice; the same text plans the same way;
//! * query: an unknown filter key is an error, never a panic; otherwise at
//!   most `limit` hits, best first, finite scores, each hit a real entry that
//!   passes every filter.

#![no_main]

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sangkien::build::{self, Options, Quiet};
use sangkien::search::analyzer::{self, MAX_TOKEN_BYTES};
use sangkien::search::schema::FIELDS;
use sangkien::search::{self, SearchDoc, SearchError, SearchIndex};

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let mut opts = Options::new(&content, "unused");
        opts.today = sangkien::content::Date::new(2026, 11, 22).expect("a valid date");
        let checked = match build::check(&opts, &Quiet) {
            Ok(c) => c,
            Err(_) => panic!("the sample bank in {} does not check", content.display()),
        };
        let views = sangkien::views::Views {
            lib: &checked.lib,
            config: &checked.config,
            labels: sangkien::views::Labels { strings: &checked.strings, lang: &checked.config.language },
        };
        let (docs, facets) = sangkien::site::search_input(&checked.lib, &checked.bodies, &views);
        search::build_index(docs, facets, &checked.lib.vocab.synonyms).expect("the sample index builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let query = lines.next().unwrap_or_default();
    let filters: Vec<(String, String)> = lines.filter_map(search::parse_filter).collect();
    let limit = data.first().map_or(10, |b| usize::from(*b % 64));

    check_analysis(query);

    let index = index();
    let clauses = index.plan(query);
    let mut seen = HashSet::new();
    for c in &clauses {
        assert!(c.field < FIELDS.len(), "{c:?}");
        assert!(!c.term.is_empty(), "{c:?}");
        assert!(c.boost.is_finite() && c.boost > 0.0, "{c:?}");
        assert!(seen.insert((c.field, c.term.clone())), "clause twice: {c:?}");
    }
    assert_eq!(clauses, index.plan(query), "planning is deterministic");

    match index.query_plan(&clauses, &filters, limit) {
        Err(SearchError::UnknownFacet(key)) => {
            assert!(filters.iter().any(|(k, _)| *k == key), "{key}");
        }
        Err(e) => panic!("query failed: {e}"),
        Ok(hits) => {
            assert!(hits.len() <= limit);
            for pair in hits.windows(2) {
                assert!(pair[0].score >= pair[1].score, "hits best first: {hits:?}");
            }
            let mut wanted: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (k, v) in &filters {
                wanted.entry(k).or_default().push(v);
            }
            for h in &hits {
                assert!(h.score.is_finite(), "{h:?}");
                let doc: &SearchDoc = &index.docs()[h.ord as usize];
                assert_eq!(doc.id, h.id);
                for (key, values) in &wanted {
                    assert!(
                        doc.facets.iter().any(|(k, v)| k == key && values.contains(&v.as_str())),
                        "{} does not pass the filter {key}={values:?}",
                        doc.id
                    );
                }
            }
        }
    }
});

fn check_analysis(text: &str) {
    let prepared = analyzer::prepare(text);
    assert_eq!(analyzer::prepare(&prepared), prepared, "prepare is idempotent");
    let tokens = analyzer::analyze_prepared(&prepared);
    let mut last_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        assert!(t.start < t.end && t.end <= prepared.len(), "{t:?}");
        assert!(prepared.is_char_boundary(t.start) && prepared.is_char_boundary(t.end), "{t:?}");
        assert!(t.start >= last_end, "tokens in order: {tokens:?}");
        last_end = t.end;
        assert!(!t.exact.is_empty() && t.end - t.start < MAX_TOKEN_BYTES, "{t:?}");
        assert_eq!(t.folded, analyzer::fold(&t.exact), "{t:?}");
        assert!(!t.joined || i > 0, "the first token joins nothing: {t:?}");
    }
    assert_eq!(analyzer::analyze(text), tokens);
}
