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

// ---- The command line ------------------------------------------------------------------------

/// Runs the binary: (exit code, stdout, stderr).
fn sangkien(args: &[&str], dir: &Path, lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sangkien"))
        .args(args)
        .current_dir(dir)
        .env("SANGKIEN_LANG", lang)
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary copy of the labelled bank (`content/`, outside any git repository).
fn eval_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&eval_bank(), &dir.path().join("content"));
    dir
}

#[test]
fn similar_files_lists_the_copy_side_by_side_and_exits_1() {
    let dir = eval_copy();
    let (code, out, err) = sangkien(
        &["similar", "--content", "content", "--files", "content/sang-kien/TQ-2025-0010.md"],
        dir.path(),
        "vi",
    );
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("RẤT GIỐNG – có thể sao chép: LS-2025-0001"), "{out}");
    assert!(out.contains("content/sang-kien/TQ-2025-0010.md:"), "file:line of the quotes: {out}");
    assert!(out.contains(" │ "), "side by side: {out}");
    assert!(out.contains("“Chợ Minh Xuân có hơn 250 quầy hàng"), "{out}");
    assert!(out.contains("“Chợ Tam Lộc có hơn 300 quầy hàng"), "{out}");
    assert!(out.contains("Kết quả: 1 cặp có thể sao chép"), "{out}");

    // In English; and a distinct model: exit 0.
    let (code, out, _) = sangkien(
        &["similar", "--content", "content", "--files", "content/sang-kien/TQ-2025-0010.md"],
        dir.path(),
        "en",
    );
    assert_eq!(code, 1);
    assert!(out.contains("VERY SIMILAR – possible copy: LS-2025-0001"), "{out}");
    let (code, out, err) = sangkien(
        &["similar", "--content", "content", "--files", "content/sang-kien/CB-2024-0002.md"],
        dir.path(),
        "en",
    );
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("Result: 0 possible copies"), "{out}");

    // The thresholds: a higher copy threshold lets it pass; a lower list threshold lists more.
    let args = ["similar", "--content", "content", "--files", "content/sang-kien/TQ-2025-0010.md"];
    let (code, _, _) = sangkien(&[&args[..], &["--copy-threshold", "0.95"]].concat(), dir.path(), "en");
    assert_eq!(code, 0);
    let (code, _, err) = sangkien(&[&args[..], &["--threshold", "1.5"]].concat(), dir.path(), "en");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn similar_json_has_pairs_passages_and_locations() {
    let dir = eval_copy();
    let (code, out, err) = sangkien(
        &["similar", "--content", "content", "--files", "content/sang-kien/NA-2025-0007.md", "--format", "json"],
        dir.path(),
        "vi",
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["bank"], 42);
    assert_eq!(v["threshold"].as_f64().unwrap(), 0.2);
    assert_eq!(v["copy_threshold"].as_f64().unwrap(), 0.4);
    assert!(v["base"].is_null());
    assert_eq!(v["checked"][0]["id"], "NA-2025-0007");
    assert_eq!(v["checked"][0]["file"], "content/sang-kien/NA-2025-0007.md");
    assert_eq!(v["copies"], 1);
    assert_eq!(v["unlisted"], 0);
    let pair = &v["pairs"][0];
    assert_eq!(pair["entry"]["id"], "NA-2025-0007");
    assert_eq!(pair["other"]["id"], "TQ-2024-0001");
    assert_eq!(pair["other"]["unit"], "tuyen-quang/xa-tan-thu");
    assert_eq!(pair["copy"], true);
    assert!(pair["overlap"].as_f64().unwrap() >= 0.4);
    assert!(pair["shared"].as_u64().unwrap() >= 12);
    let passages = pair["passages"].as_array().unwrap();
    assert!(passages.len() >= 5, "{passages:?}");
    for p in passages {
        for side in ["entry", "other"] {
            assert!(p[side]["file"].as_str().unwrap().ends_with(".md"));
            assert!(!p[side]["text"].as_str().unwrap().is_empty());
            assert!(["title", "summary", "body", "by_author", "application_conditions"]
                .contains(&p[side]["field"].as_str().unwrap()));
        }
        assert!(p["overlap"].as_f64().unwrap() >= 0.5);
    }
    // A body sentence found on its line of the file.
    let body = passages.iter().find(|p| p["entry"]["field"] == "body").expect("a body passage");
    let line = body["entry"]["line"].as_u64().expect("a line") as usize;
    let file = std::fs::read_to_string(dir.path().join("content/sang-kien/NA-2025-0007.md")).unwrap();
    let text = body["entry"]["text"].as_str().unwrap();
    let opening: String = text.chars().take(20).collect();
    assert!(file.lines().nth(line - 1).unwrap().contains(&opening), "line {line}: {text}");
    // The other side of the passage lies in the other file.
    assert!(body["other"]["file"].as_str().unwrap().ends_with("TQ-2024-0001.md"));
}

#[test]
fn a_draft_outside_the_bank_can_be_checked() {
    let dir = eval_copy();
    let draft = dir.path().join("ban-nhap.md");
    let text = std::fs::read_to_string(dir.path().join("content/sang-kien/LS-2025-0001.md")).unwrap();
    std::fs::write(&draft, text.replace("LS-2025-0001", "LS-2026-0001").replace("phường Tam Lộc", "phường Đông Kinh"))
        .unwrap();
    let (code, out, err) = sangkien(&["similar", "--content", "content", "--files", "ban-nhap.md"], dir.path(), "vi");
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(out.contains("LS-2026-0001") && out.contains("LS-2025-0001"), "{out}");
    assert!(out.contains("TQ-2025-0010"), "the copy of the copy too: {out}");
    // A broken draft: its problems, exit 1.
    std::fs::write(&draft, "---\nid: x\n---\n").unwrap();
    let (code, _, err) = sangkien(&["similar", "--content", "content", "--files", "ban-nhap.md"], dir.path(), "en");
    assert_eq!(code, 1);
    assert!(err.contains("error"), "{err}");
}

#[test]
fn without_git_the_default_scope_is_a_usage_error() {
    let dir = eval_copy();
    let (code, _, err) = sangkien(&["similar", "--content", "content"], dir.path(), "en");
    assert_eq!(code, 2);
    assert!(err.contains("--since") && err.contains("--files"), "{err}");
    // `check` has nothing to compare with: no warning, exit 0.
    let (code, _, err) = sangkien(&["check", "--content", "content"], dir.path(), "en");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("possible-copy"), "{err}");
}

/// `git` in `dir`, with an identity, failing the test on error.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Thử", "-c", "user.email=thu@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn check_and_similar_look_at_what_changed_since_main() {
    let dir = eval_copy();
    let root = dir.path();
    let copy = root.join("content/sang-kien/TQ-2025-0010.md");
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::remove_file(&copy).unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "ngân hàng"]);

    // Nothing changed: nothing to report.
    let (code, out, _) = sangkien(&["similar", "--content", "content"], root, "vi");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 sáng kiến mới hoặc đã sửa so với `main`"), "{out}");

    // A new file, not yet committed.
    std::fs::write(&copy, &text).unwrap();
    let (code, out, _) = sangkien(&["similar", "--content", "content"], root, "vi");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("1 sáng kiến mới hoặc đã sửa so với `main`") && out.contains("LS-2025-0001"), "{out}");

    // `check` prints the same as warnings and still succeeds.
    let (code, _, err) = sangkien(&["check", "--content", "content"], root, "en");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning[possible-copy]") && err.contains("LS-2025-0001"), "{err}");
    assert!(err.contains("sang-kien/TQ-2025-0010.md:4:1"), "located on the title: {err}");
    let (code, json, _) = sangkien(&["check", "--content", "content", "--format", "json"], root, "en");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let found = v.to_string();
    assert!(found.contains("\"possible-copy\"") && found.contains("\"warning\""), "{found}");

    // Committed on a branch: still new compared with main; `--since HEAD` sees nothing.
    git(root, &["checkout", "-q", "-b", "them-sang-kien"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "thêm"]);
    let (code, out, _) = sangkien(&["similar", "--content", "content", "--format", "json"], root, "vi");
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["base"], "main");
    assert_eq!(v["checked"].as_array().unwrap().len(), 1);
    let (code, _, _) = sangkien(&["similar", "--content", "content", "--since", "HEAD"], root, "vi");
    assert_eq!(code, 0);
    let (code, _, err) = sangkien(&["similar", "--content", "content", "--since", "khong-co"], root, "en");
    assert_eq!(code, 2, "{err}");
}

// ---- The site --------------------------------------------------------------------------------

/// The "Sáng kiến tương tự" section of a built entry page: (entry id, label) of each card.
fn similar_section(html: &str) -> Vec<(String, String)> {
    let Some(start) = html.find("<section class=\"container entry-similar\"") else { return Vec::new() };
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    section
        .split("<article class=\"card")
        .skip(1)
        .map(|card| {
            let id = card.split("<p class=\"card__id\">").nth(1).unwrap();
            let id = id.split("</span>").nth(1).unwrap().split("</p>").next().unwrap().trim().to_string();
            let label = card
                .split("badge--similar-")
                .nth(1)
                .map(|b| b.split("</span>").nth(1).unwrap().trim().to_string())
                .unwrap_or_default();
            (id, label)
        })
        .collect()
}

#[test]
fn entry_pages_show_similar_models_from_other_units() {
    let dir = eval_copy();
    let content = dir.path().join("content");
    let out = dir.path().join("public");
    build_ok(&content, &out);
    let c = checked(&content);
    let files = read_tree(&out);
    let mut with_section = 0;
    for e in &c.lib.entries {
        let html = String::from_utf8(files[&format!("sang-kien/{}/index.html", e.slug)].clone()).unwrap();
        let cards = similar_section(&html);
        assert!(cards.len() <= 5, "{}: {cards:?}", e.id);
        if !cards.is_empty() {
            with_section += 1;
            assert!(html.contains("<h2 id=\"muc-tuong-tu\">Sáng kiến tương tự</h2>"));
            assert!(html.contains("href=\"#muc-tuong-tu\""), "in the page's table of contents");
        }
        for (id, label) in &cards {
            let other = c.lib.get(id).unwrap();
            assert_ne!(other.owner_unit, e.owner_unit, "{} shows {id} of its own unit", e.id);
            assert!(["Rất giống", "Tương tự", "Có nét tương đồng"].contains(&label.as_str()), "{label}");
        }
    }
    assert!(with_section >= 40, "{with_section} pages with the section");
    let page = |id: &str| {
        let e = c.lib.get(id).unwrap();
        String::from_utf8(files[&format!("sang-kien/{}/index.html", e.slug)].clone()).unwrap()
    };
    let cards = similar_section(&page("LS-2025-0001"));
    assert_eq!(cards[0], ("TQ-2025-0010".to_string(), "Rất giống".to_string()), "{cards:?}");
    assert!(cards.iter().any(|(id, l)| id == "TQ-2025-0004" && l != "Rất giống"), "{cards:?}");
    // The council report is not part of a public build.
    assert!(!files.contains_key("hoi-dong/trung-lap/index.html"));
}

#[test]
fn the_council_report_is_written_when_the_config_asks() {
    let dir = eval_copy();
    let content = dir.path().join("content");
    let config = content.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}similarity:\n  council_report: true\n  copy_threshold: 0.4\n")).unwrap();
    let out = dir.path().join("public");
    build_ok(&content, &out);
    let html = std::fs::read_to_string(out.join("hoi-dong/trung-lap/index.html")).expect("the report page");
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(html.contains("Báo cáo trùng lặp cho Hội đồng sáng kiến"));
    let pairs = html.matches("<li class=\"overlap\">").count();
    assert_eq!(pairs, 18, "the flagged pairs of the labelled set");
    assert!(html.contains("LS-2025-0001") && html.contains("TQ-2025-0010"));
    assert!(html.contains("<td>“Mỗi tiểu thương được hỗ trợ mở tài khoản ngân hàng"), "passages quoted");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("hoi-dong"));
    // An invalid threshold is a config error.
    std::fs::write(&config, format!("{text}similarity:\n  copy_threshold: 2\n")).unwrap();
    match build::check(&options(&content, &out), &Quiet) {
        Err(build::Failure::Content(r)) => {
            assert!(r
                .diagnostics
                .iter()
                .any(|d| d.code == "bad-config" && d.field.as_deref() == Some("similarity.copy_threshold")))
        }
        _ => panic!("copy_threshold 2 must be refused"),
    }
}

#[test]
fn a_quick_rebuild_updates_the_similar_models_of_other_pages() {
    let dir = eval_copy();
    let content = dir.path().join("content");
    let config = content.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}similarity:\n  council_report: true\n")).unwrap();
    let out = dir.path().join("public");
    let mut session = Session::new(options(&content, &out));
    session.full(&Quiet).map_err(|_| "first build").unwrap();
    let c = checked(&content);
    let slug = |id: &str| c.lib.get(id).unwrap().slug.clone();
    let before = std::fs::read_to_string(out.join(format!("sang-kien/{}/index.html", slug("LS-2025-0001")))).unwrap();
    assert!(!similar_section(&before).iter().any(|(id, _)| id == "DN-2024-0005"));

    // The kiosk entry opens its body with the cashless market's situation and solution.
    let edited = content.join("sang-kien/DN-2024-0005.md");
    let market = std::fs::read_to_string(content.join("sang-kien/LS-2025-0001.md")).unwrap();
    let market_body = market.splitn(3, "---\n").nth(2).unwrap();
    let kiosk = std::fs::read_to_string(&edited).unwrap();
    let (front, body) = kiosk.split_at(kiosk.find("---\n## ").unwrap() + 4);
    std::fs::write(&edited, format!("{front}{market_body}\n{body}")).unwrap();
    let pages = match session.rebuild(std::slice::from_ref(&edited), &Quiet) {
        Ok(Rebuilt::Pages(p)) => p,
        Ok(Rebuilt::Full(_)) => panic!("a body edit takes the quick path"),
        Err(_) => panic!("the rebuild failed"),
    };
    let market_page = format!("sang-kien/{}/index.html", slug("LS-2025-0001"));
    assert!(pages.contains(&market_page), "the market's page lists the kiosk now: {pages:?}");
    assert!(pages.contains(&"hoi-dong/trung-lap/index.html".to_string()), "{pages:?}");
    let after = std::fs::read_to_string(out.join(&market_page)).unwrap();
    assert!(similar_section(&after).iter().any(|(id, _)| id == "DN-2024-0005"), "{:?}", similar_section(&after));

    // Every entry page and the report are what a full build writes.
    let fresh = tempfile::tempdir().unwrap();
    build_ok(&content, fresh.path());
    let keep = |m: BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        m.into_iter().filter(|(k, _)| k.starts_with("sang-kien/") || k.starts_with("hoi-dong/")).collect()
    };
    let (a, b) = (keep(read_tree(&out)), keep(read_tree(fresh.path())));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs from a full build");
    }
}

#[test]
fn an_edit_further_down_a_body_leaves_the_similar_models_alone() {
    let dir = eval_copy();
    let content = dir.path().join("content");
    let out = dir.path().join("public");
    let mut session = Session::new(options(&content, &out));
    session.full(&Quiet).map_err(|_| "first build").unwrap();
    // A new last paragraph: beyond the opening the topic reads.
    let edited = content.join("sang-kien/CB-2024-0001.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, format!("{text}\nMô hình đã được giới thiệu tại hội nghị sơ kết của huyện.\n")).unwrap();
    match session.rebuild(std::slice::from_ref(&edited), &Quiet) {
        Ok(Rebuilt::Pages(p)) => assert_eq!(p, ["s/CB-2024-0001/index.html", "sang-kien/cb-2024-0001/index.html"]),
        _ => panic!("a body edit takes the quick path"),
    }
    let fresh = tempfile::tempdir().unwrap();
    build_ok(&content, fresh.path());
    let entries = |m: BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        m.into_iter().filter(|(k, _)| k.starts_with("sang-kien/")).collect()
    };
    assert!(entries(read_tree(&out)) == entries(read_tree(fresh.path())), "the entry pages are a full build's");
}
