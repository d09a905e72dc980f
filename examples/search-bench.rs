//! Measures the search index on synthetic banks: build time, export size (raw and
//! gzip) and the bytes a browser downloads for a cold first query and for later
//! queries (median, p90). Run in release mode:
//!
//! ```text
//! cargo run --release --example search-bench [-- 1000 10000 100000]
//! ```
//!
//! Files go to `bench/out/search-<N>/` (not `bench/out/<N>/`, where `bench/run.sh`
//! keeps its generated banks, which this would delete); the byte counts come from `tests/js/bench.mjs`,
//! which runs the real client in node over the files and gzips what it fetches.

#[path = "../tests/search_support/mod.rs"]
mod search_support;

use std::path::PathBuf;
use std::time::Instant;

use sangkien::search::build_index;
use search_support::*;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000] } else { sizes };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/out");
    for n in sizes {
        let dir = root.join(format!("search-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let docs = synthetic_bank(n, 42, 400);
        let t = Instant::now();
        let index = build_index(docs, synthetic_facets(), &synthetic_synonyms()).unwrap();
        let build = t.elapsed();
        let t = Instant::now();
        let files = index.export().unwrap();
        let export = t.elapsed();
        let raw: usize = files.iter().map(|(_, b)| b.len()).sum();
        for (path, bytes) in &files {
            let full = dir.join("search").join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, bytes).unwrap();
        }
        let queries = parity_queries(index.docs(), 200, 11);
        let t = Instant::now();
        for q in &queries {
            index.query(&q.text, &q.filters, 10).unwrap();
        }
        let tantivy = t.elapsed();
        let specs: Vec<_> =
            queries.iter().map(|q| serde_json::json!({"kind": q.kind, "text": q.text, "filters": q.filters})).collect();
        let qpath = dir.join("queries.json");
        std::fs::write(&qpath, serde_json::to_vec(&specs).unwrap()).unwrap();
        println!(
            "{n} entries: build {:.1} s, export {:.1} s, {} files, {:.1} MB raw, tantivy {} queries {:.2} s",
            build.as_secs_f64(),
            export.as_secs_f64(),
            files.len(),
            raw as f64 / 1e6,
            queries.len(),
            tantivy.as_secs_f64()
        );
        drop(index);
        let (ok, out) = run_node("bench.mjs", &[&dir, &qpath]);
        println!("{out}");
        assert!(ok);
    }
}
