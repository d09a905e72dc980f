//! Similar initiatives and the novelty check (issue 11).
//!
//! The labelled set tests/fixtures/similar/ — a bank of 42 fictional entries and
//! labels.tsv: lightly edited copies, distinct models of the same kind, unrelated pairs —
//! measures the copy flag over every pair of the bank (precision and recall, with floors),
//! and the similar models over the labelled pairs. Then the command line (`sangkien similar`,
//! `sangkien check`), the built site (the section on entry pages, the council report) and
//! `serve`'s quick rebuild.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use sangkien::build::{self, Checked, Quiet, Rebuilt, Session};
use sangkien::similar::copies::Overlap;
use sangkien::similar::{analyse, Need, Similar, Thresholds};

/// Floors of the copy flag on the labelled set, at the default copy threshold.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.85;
/// Floor of the share of labelled similar models (other units) found among the five shown.
const MODELS_RECALL_FLOOR: f64 = 0.8;

fn eval_bank() -> PathBuf {
    repo().join("tests/fixtures/similar/bank")
}

fn checked(content: &Path) -> Checked {
    match build::check(&options(content, &content.join("../public")), &Quiet) {
        Ok(c) => c,
        Err(build::Failure::Content(r)) => panic!("{}", r.render_human(sangkien::diagnostics::Lang::En)),
        Err(build::Failure::Internal(e)) => panic!("{e}"),
    }
}

/// (entry, entry) → label, both orders.
fn labels() -> BTreeMap<(String, String), String> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/similar/labels.tsv")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "labels.tsv: {line}");
        assert!(["copy", "similar", "unrelated"].contains(&cols[2]), "label {}", cols[2]);
        let (a, b) = (cols[0].to_string(), cols[1].to_string());
        out.insert((a.clone(), b.clone()), cols[2].to_string());
        out.insert((b, a), cols[2].to_string());
    }
    out
}

fn label<'l>(labels: &'l BTreeMap<(String, String), String>, a: &str, b: &str) -> Option<&'l str> {
    labels.get(&(a.to_string(), b.to_string())).map(String::as_str)
}

#[test]
fn the_copy_flag_on_the_labelled_set_meets_its_floors() {
    let c = checked(&eval_bank());
    let labels = labels();
    let ids: Vec<&str> = c.lib.entries.iter().map(|e| e.id.as_str()).collect();
    for (a, b) in labels.keys() {
        assert!(ids.contains(&a.as_str()) && ids.contains(&b.as_str()), "labels.tsv names {a} or {b}: no such entry");
    }
    let sets = analyse(&c.lib, &c.bodies, Need { vectors: false, shingles: true }).shingles;
    let threshold = Thresholds::default().copy;
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut lines = Vec::new();
    let mut worst_negative: (f32, String) = (0.0, String::new());
    for i in 0..ids.len() {
        for j in i + 1..ids.len() {
            let o = Overlap::between(&sets[i], &sets[j]);
            let truth = label(&labels, ids[i], ids[j]);
            let copy = truth == Some("copy");
            match (copy, o.is_copy(threshold)) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
            if !copy && o.score > worst_negative.0 {
                worst_negative = (o.score, format!("{} – {} ({})", ids[i], ids[j], truth.unwrap_or("not labelled")));
            }
            if let Some(t) = truth {
                let mark = if copy != o.is_copy(threshold) { "  ← wrong" } else { "" };
                lines.push(format!(
                    "  {t:<9} {} – {}  overlap {:.2} ({} shared){mark}",
                    ids[i], ids[j], o.score, o.shared
                ));
            }
        }
    }
    lines.sort();
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let pairs = ids.len() * (ids.len() - 1) / 2;
    println!("copy flag at overlap ≥ {threshold} over all {pairs} pairs of {} entries:", ids.len());
    println!("{}", lines.join("\n"));
    println!("  highest overlap of a pair that is not a copy: {:.2} ({})", worst_negative.0, worst_negative.1);
    println!(
        "precision {precision:.3} ({tp} of {} flagged), recall {recall:.3} ({tp} of {} copies)",
        tp + fp,
        tp + fn_
    );
    assert!(tp + fn_ >= 20, "the labelled set has at least 20 copy pairs");
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.3} < {PRECISION_FLOOR}");
    assert!(recall >= RECALL_FLOOR, "recall {recall:.3} < {RECALL_FLOOR}");
}

#[test]
fn the_bank_wide_report_finds_what_the_exhaustive_check_finds() {
    let c = checked(&eval_bank());
    let thresholds = Thresholds::default();
    let sets = analyse(&c.lib, &c.bodies, Need { vectors: false, shingles: true }).shingles;
    let n = c.lib.entries.len();
    let mut exhaustive = BTreeSet::new();
    for i in 0..n {
        for j in i + 1..n {
            if Overlap::between(&sets[i], &sets[j]).is_copy(thresholds.copy) {
                exhaustive.insert((i, j));
            }
        }
    }
    let similar = Similar::compute(&c.lib, &c.bodies, thresholds, true);
    let report: BTreeSet<(usize, usize)> = similar.copies.iter().map(|p| (p.a, p.b)).collect();
    assert!(!exhaustive.is_empty());
    assert_eq!(report, exhaustive, "the report checks each entry's closest models only");
    for w in similar.copies.windows(2) {
        assert!(w[0].overlap.score >= w[1].overlap.score, "highest overlap first");
    }
}

#[test]
fn similar_models_show_labelled_partners_from_other_units() {
    let c = checked(&eval_bank());
    let labels = labels();
    let similar = Similar::compute(&c.lib, &c.bodies, Thresholds::default(), true);
    let (mut found, mut total) = (0, 0);
    let mut missed = Vec::new();
    for ((a, b), t) in &labels {
        if a > b || t == "unrelated" {
            continue;
        }
        let (i, j) = (c.lib.index_of(a).unwrap(), c.lib.index_of(b).unwrap());
        if c.lib.entries[i].owner_unit == c.lib.entries[j].owner_unit {
            continue;
        }
        total += 1;
        let shows = |x: usize, y: usize| similar.on_page(&c.lib, x).any(|s| s.entry == y);
        if shows(i, j) || shows(j, i) {
            found += 1;
        } else {
            missed.push(format!("{a} – {b} ({t})"));
        }
    }
    let recall = found as f64 / total as f64;
    println!("labelled pairs of different units shown as similar models: {found} of {total} ({recall:.3})");
    println!("not shown: {missed:?}");
    assert!(recall >= MODELS_RECALL_FLOOR, "{recall:.3} < {MODELS_RECALL_FLOOR}: {missed:?}");
    for (i, shown) in similar.models.iter().enumerate() {
        let list: Vec<_> = similar.on_page(&c.lib, i).collect();
        assert!(list.len() <= sangkien::similar::SHOWN);
        for s in shown {
            assert_ne!(c.lib.entries[s.entry].owner_unit, c.lib.entries[i].owner_unit, "other units only");
            assert_ne!(s.entry, i);
        }
        for w in shown.windows(2) {
            assert!(w[0].cosine >= w[1].cosine);
        }
    }
    // "Rất giống" on a page: every labelled copy shown, and nothing else labelled.
    let mut very = 0;
    for (i, shown) in similar.models.iter().enumerate() {
        for s in shown {
            let truth = label(&labels, &c.lib.entries[i].id, &c.lib.entries[s.entry].id);
            match truth {
                Some("copy") => {
                    assert!(similar.is_very_similar(s), "{} – {}", c.lib.entries[i].id, c.lib.entries[s.entry].id);
                    very += 1;
                }
                Some(_) => assert!(!similar.is_very_similar(s)),
                None => {}
            }
        }
    }
    assert!(very >= 20, "{very}");
}

#[test]
fn the_result_is_deterministic_whatever_the_threads() {
    let c = checked(&eval_bank());
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| Similar::compute(&c.lib, &c.bodies, Thresholds::default(), true))
    };
    let one = run(1);
    assert_eq!(one, run(3));
    assert_eq!(one, run(1));
}
