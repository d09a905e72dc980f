//! similar-bench: times the similarity feature on a bank (BENCHMARKS.md, "Similarity").
//!
//! ```sh
//! cargo run --release --example gen-bank -- --entries 100000 --out /tmp/bank100k
//! /usr/bin/time -v cargo run --release --example similar-bench -- --content /tmp/bank100k [--show 5]
//! ```
//!
//! Reads and checks the bank as the build does (`build::check`, timed apart), then times:
//! the build's stage (`Similar::compute`: reading every entry twice, the vectors, the
//! shingles, the neighbours, the copies among close models), split into its two steps;
//! the novelty check of ten entries against the whole bank (`sangkien similar --files`);
//! and of every entry (`--all`). With `--show N`, prints the similar models of the first N
//! entries, to judge them by eye.

use std::path::PathBuf;
use std::time::Instant;

use sangkien::build::{self, Options, Quiet};
use sangkien::similar::command::{self, Scope};
use sangkien::similar::{analyse, Need, Similar};

fn main() {
    let mut content = None;
    let mut show = 0usize;
    let mut build_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--content" => content = args.next().map(PathBuf::from),
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            "--build-only" => build_only = true,
            _ => {
                eprintln!("usage: similar-bench --content DIR [--show N] [--build-only]");
                std::process::exit(2);
            }
        }
    }
    let Some(content) = content else {
        eprintln!("usage: similar-bench --content DIR [--show N] [--build-only]");
        std::process::exit(2)
    };
    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let checked = match build::check(&Options::new(&content, "public"), &Quiet) {
        Ok(c) => c,
        Err(_) => {
            eprintln!("the bank has errors: run `sangkien check --content {}`", content.display());
            std::process::exit(1)
        }
    };
    let n = checked.lib.entries.len();
    println!("bank: {n} entries, read and checked in {:.2} s ({threads} threads)", t.elapsed().as_secs_f64());
    let thresholds = checked.config.similarity.thresholds;

    let t = Instant::now();
    let a = analyse(&checked.lib, &checked.bodies, Need { vectors: true, shingles: true });
    let read = t.elapsed();
    let t = Instant::now();
    let similar = Similar::from_analysed(&checked.lib, &a, thresholds);
    let rest = t.elapsed();
    let shingles: usize = a.shingles.iter().map(|s| s.len()).sum();
    let terms: usize = a.vectors.iter().map(|v| v.0.len()).sum();
    println!(
        "build stage: {:.2} s = reading (two passes, {} distinct terms, {shingles} shingles) {:.2} s + neighbours and copies {:.2} s",
        (read + rest).as_secs_f64(),
        a.terms,
        read.as_secs_f64(),
        rest.as_secs_f64()
    );
    let shown: usize = similar.models.iter().map(|m| m.len().min(sangkien::similar::SHOWN)).sum();
    println!(
        "  {:.2} similar models shown per entry, {} possible copies among close models, {} kept terms, shingle sets {} MB",
        shown as f64 / n.max(1) as f64,
        similar.copies.len(),
        terms,
        shingles * 4 / 1_000_000
    );
    drop(a);
    if build_only {
        return;
    }

    let files: Vec<PathBuf> =
        checked.lib.entries.iter().step_by((n / 10).max(1)).take(10).map(|e| content.join(&e.source)).collect();
    let t = Instant::now();
    let found =
        command::find(&checked, &content, &Scope::Files(files.clone()), thresholds, sangkien::content::Date::today());
    let files_time = t.elapsed();
    match found {
        Ok(f) => println!(
            "sangkien similar --files ({} files): {:.2} s, {} pairs listed, {} possible copies",
            files.len(),
            files_time.as_secs_f64(),
            f.found.len(),
            f.copies()
        ),
        Err(_) => println!("sangkien similar --files: failed"),
    }
    let t = Instant::now();
    if let Ok(f) = command::find(&checked, &content, &Scope::All, thresholds, sangkien::content::Date::today()) {
        println!(
            "sangkien similar --all: {:.2} s, {} pairs listed, {} possible copies",
            t.elapsed().as_secs_f64(),
            f.found.len(),
            f.copies()
        );
    }

    for i in 0..show.min(n) {
        let e = &checked.lib.entries[i];
        println!("\n{} {} [{}]", e.id, e.title, e.owner_unit);
        for s in &similar.models[i] {
            let o = &checked.lib.entries[s.entry];
            println!("  {:.3} {} {} [{}]", s.cosine, o.id, o.title, o.owner_unit);
        }
    }
}
