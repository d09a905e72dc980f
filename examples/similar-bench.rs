//! similar-bench: times the similarity feature on a bank (BENCHMARKS.md, "Similarity").
//!
//! ```sh
//! cargo run --release --example gen-bank -- --entries 100000 --communes 8 --out /tmp/bank100k
//! /usr/bin/time -v cargo run --release --example similar-bench -- --content /tmp/bank100k [--show 5]
//! ```
//!
//! Reads and checks the bank as the build does (`build::check`, timed apart), then times,
//! each with its wall time, CPU time (user + system, all threads) and the peak resident
//! memory reached so far (`VmHWM`):
//!
//! 1. the build's stage: `Similar::compute` without copies (what `sangkien build` runs);
//! 2. the same with the copies of the council report (`similarity.council_report: true`);
//! 3. the novelty check of ten entries against the whole bank (`sangkien similar --files`);
//! 4. the check of every entry against its closest models (`sangkien similar --all`).
//!
//! With `--show N`, prints the similar models of the first N entries, to judge them by eye;
//! with `--build-only`, stops after step 1.

use std::path::PathBuf;
use std::time::Instant;

use sangkien::build::{self, Options, Quiet};
use sangkien::similar::command::{self, Scope};
use sangkien::similar::{analyse, Need, Similar};

/// CPU seconds used by the process so far (all threads).
fn cpu() -> f64 {
    // SAFETY: getrusage fills the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

/// The peak resident memory of the process so far, in MB.
fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

struct Step {
    wall: Instant,
    cpu: f64,
}

impl Step {
    fn start() -> Step {
        Step { wall: Instant::now(), cpu: cpu() }
    }

    fn done(self, what: &str, detail: &str) {
        println!(
            "{what:<44} wall {:>6.2} s  CPU {:>6.2} s  peak {:>5} MB  {detail}",
            self.wall.elapsed().as_secs_f64(),
            cpu() - self.cpu,
            peak_mb()
        );
    }
}

fn usage() -> ! {
    eprintln!("usage: similar-bench --content DIR [--show N] [--build-only]");
    std::process::exit(2)
}

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
            _ => usage(),
        }
    }
    let Some(content) = content else { usage() };
    println!("{} threads", rayon::current_num_threads());

    let step = Step::start();
    let checked = match build::check(&Options::new(&content, "public"), &Quiet) {
        Ok(c) => c,
        Err(_) => {
            eprintln!("the bank has errors: run `sangkien check --content {}`", content.display());
            std::process::exit(1)
        }
    };
    let n = checked.lib.entries.len();
    step.done("read and check the bank (not similarity)", &format!("{n} entries"));
    let thresholds = checked.config.similarity.thresholds;

    let step = Step::start();
    let whole = Step::start();
    let a = analyse(&checked.lib, &checked.bodies, Need { vectors: true, shingles: false });
    step.done("1a. reading (two passes)", &format!("{} distinct terms", a.terms));
    let step = Step::start();
    let similar = Similar::from_analysed(&checked.lib, &a, thresholds);
    step.done("1b. neighbours", "");
    drop(a);
    let shown: usize = (0..n).map(|i| similar.on_page(&checked.lib, i).count()).sum();
    whole.done("1. build stage: similar models", &format!("{:.2} shown per entry", shown as f64 / n.max(1) as f64));
    if !build_only {
        let step = Step::start();
        let with_copies = Similar::compute(&checked.lib, &checked.bodies, thresholds, true);
        step.done(
            "2. … with the council report's copies",
            &format!("{} possible copies among close models", with_copies.copies.len()),
        );
        drop(with_copies);

        let files: Vec<PathBuf> =
            checked.lib.entries.iter().step_by((n / 10).max(1)).take(10).map(|e| content.join(&e.source)).collect();
        let today = sangkien::content::Date::today();
        let step = Step::start();
        let found = command::find(&checked, &content, &Scope::Files(files.clone()), thresholds, today);
        let detail = match &found {
            Ok(f) => format!("{} pairs at the list threshold, {} possible copies", f.pairs, f.copies()),
            Err(_) => "failed".into(),
        };
        step.done(&format!("3. sangkien similar --files ({} files)", files.len()), &detail);
        drop(found);

        let step = Step::start();
        let found = command::find(&checked, &content, &Scope::All, thresholds, today);
        let detail = match &found {
            Ok(f) => format!("{} pairs at the list threshold, {} possible copies", f.pairs, f.copies()),
            Err(_) => "failed".into(),
        };
        step.done("4. sangkien similar --all", &detail);
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
