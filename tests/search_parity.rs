//! Parity: the browser client (run in node) answers like tantivy.
//!
//! Builds the synthetic 10,000-entry bank and, when present, the real sample bank;
//! exports each; asks tantivy ≥ 100 queries of every kind (diacritics or none, both
//! tone placements, one word, several, phrases, prefixes, abbreviations, filters, NFD,
//! upper case); then `tests/js/parity.mjs` runs the client on the export, in exhaustive
//! and in paged (NRA) mode, and compares top-10 ids, order and scores (1e-4).
//! Without `node` the JS half is skipped with a message.

mod search_support;

use std::path::Path;

use sangkien::search::analyzer;
use sangkien::search::{build_index, Facet, SearchDoc, SearchIndex, Synonyms};
use search_support::*;
use serde_json::json;

const K: usize = 10;

fn analyzer_goldens() -> Vec<serde_json::Value> {
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Chuyển đổi số hồ sơ").collect();
    let mut texts: Vec<String> = vec![
        "Chuyển đổi số ở Đà Nẵng, năm 2024: Người dân góp ý!".into(),
        nfd,
        "HOÀ BÌNH, Hòa Bình, hoà bình; thủy/thuỷ khỏe-khoẻ".into(),
        "ĐƯỜNG đường dương Được".into(),
        "một   cửa\tliên\nthông".into(),
        "45/QĐ-UBND ngày 15/12/2025".into(),
        "café naïve Æsir ß ﬁ Ｆｕｌｌ ½ ①".into(),
        "emoji 😀 test 🇻🇳 xin chào".into(),
        "<script>alert(1)</script>".into(),
        format!("{} ngắn", "a".repeat(45)),
        "quý QUÝ Qúy thúy THÚY uỷ ban".into(),
        "".into(),
        "!!!???".into(),
    ];
    texts.extend(WORDS.iter().map(|w| w.replace('|', " ")));
    texts
        .iter()
        .map(|t| {
            let tokens: Vec<_> =
                analyzer::analyze(t).into_iter().map(|x| json!([x.exact, x.folded, x.joined])).collect();
            json!({"text": t, "prepared": analyzer::prepare(t), "tokens": tokens})
        })
        .collect()
}

fn expected(index: &SearchIndex, queries: &[QuerySpec]) -> serde_json::Value {
    let queries: Vec<_> = queries
        .iter()
        .map(|q| {
            let plan: Vec<_> = index.plan(&q.text).iter().map(|c| json!([c.field, c.term, c.boost])).collect();
            let hits: Vec<_> = index
                .query(&q.text, &q.filters, 2 * K)
                .expect("tantivy answers")
                .iter()
                .map(|h| json!([h.ord, h.score]))
                .collect();
            json!({"kind": q.kind, "text": q.text, "filters": q.filters, "plan": plan, "hits": hits})
        })
        .collect();
    let fieldnorms: Vec<u32> = (0..=255u8).map(sangkien::search::bm25::id_to_fieldnorm).collect();
    let ids: Vec<_> = [0u32, 1, 24, 40, 41, 42, 43, 57, 300, 1000, 123_456]
        .iter()
        .map(|&n| json!([n, sangkien::search::bm25::fieldnorm_to_id(n)]))
        .collect();
    json!({"k": K, "analyzer": analyzer_goldens(), "fieldnorms": fieldnorms, "fieldnormIds": ids, "queries": queries})
}

fn check_bank(name: &str, docs: Vec<SearchDoc>, facets: Vec<Facet>, synonyms: &Synonyms, queries: usize) {
    let t = std::time::Instant::now();
    let n = docs.len();
    let index = build_index(docs, facets, synonyms).expect("index builds");
    let specs = parity_queries(index.docs(), queries, 7);
    assert!(specs.len() >= 100.min(queries));
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_export(&index, dir.path());
    let expected_path = dir.path().join("expected.json");
    std::fs::write(&expected_path, serde_json::to_vec(&expected(&index, &specs)).unwrap()).unwrap();
    println!("{name}: {n} entries, {bytes} bytes exported, {} queries, {:?}", specs.len(), t.elapsed());
    if node().is_none() {
        println!("SKIPPED the JS parity half of {name}: `node` not found");
        return;
    }
    let (ok, out) = run_node("parity.mjs", &[dir.path(), &expected_path]);
    println!("{out}");
    assert!(ok, "JS client disagrees with tantivy on {name}");
}

#[test]
fn parity_synthetic_10k() {
    let docs = synthetic_bank(10_000, 42, 120);
    check_bank("synthetic 10k", docs, synthetic_facets(), &synthetic_synonyms(), 160);
}

#[test]
fn parity_small_bank_without_stop_syllables() {
    let docs = synthetic_bank(400, 9, 200);
    check_bank("synthetic 400", docs, synthetic_facets(), &synthetic_synonyms(), 100);
}

#[test]
fn parity_sample_bank() {
    match sample_bank() {
        Some((docs, facets, synonyms)) => check_bank("sample bank", docs, facets, &synonyms, 100),
        None => println!("SKIPPED the sample bank: no content/sang-kien entries found"),
    }
}

#[test]
fn export_is_deterministic() {
    let build = || {
        let docs = synthetic_bank(300, 5, 80);
        build_index(docs, synthetic_facets(), &synthetic_synonyms()).unwrap().export().unwrap()
    };
    let (a, b) = (build(), build());
    assert_eq!(a.len(), b.len());
    assert!(a == b, "two builds of the same bank differ");
    assert!(Path::new(&a[0].0).components().count() >= 1);
}
