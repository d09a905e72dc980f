//! `sangkien check` against broken entries: each folder of
//! tests/fixtures/broken/ holds one entry with one problem, and
//! expected.tsv the one diagnostic it must give (file, line, column, field,
//! message). Also: one run reports every problem of a bank with 100 broken
//! files, and the command line's formats and exit codes.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use sangkien::diagnostics::{slash_path, Lang, Severity};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// A temporary copy of the small valid fixture bank.
fn fixture_bank() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("bank"), &dir.path().join("content"));
    dir
}

struct Expected {
    case: String,
    file: String,
    diag: Option<(String, String, usize, usize, Option<String>, String)>,
}

fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string(fixtures().join("broken/expected.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 8, "expected.tsv line: {l}");
            let diag = (c[2] != "-").then(|| {
                (
                    c[2].to_string(),
                    c[3].to_string(),
                    c[4].parse().unwrap(),
                    c[5].parse().unwrap(),
                    (c[6] != "-").then(|| c[6].to_string()),
                    c[7].to_string(),
                )
            });
            Expected { case: c[0].to_string(), file: c[1].to_string(), diag }
        })
        .collect()
}

#[test]
fn the_fixture_bank_is_clean() {
    let bank = fixture_bank();
    let r = report_of(&bank.path().join("content"));
    assert!(r.diagnostics.is_empty(), "{}", r.render_human(Lang::En));
}

#[test]
fn each_broken_fixture_gives_exactly_its_diagnostic() {
    let cases = expected();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let folders = std::fs::read_dir(fixtures().join("broken")).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir());
    assert_eq!(folders.count(), cases.len(), "every fixture folder has a line in expected.tsv");
    let mut failures = Vec::new();
    for case in &cases {
        let bank = fixture_bank();
        let content = bank.path().join("content");
        let dest = content.join("sang-kien").join(&case.case);
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::copy(fixtures().join("broken").join(&case.case).join(&case.file), dest.join(&case.file)).unwrap();
        let report = report_of(&content);
        let got: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{:?} {} {}:{}:{} [{}] {}",
                    d.severity,
                    d.code,
                    slash_path(&d.file),
                    d.line,
                    d.column,
                    d.field.as_deref().unwrap_or("-"),
                    d.message.en
                )
            })
            .collect();
        let want: Vec<String> = case
            .diag
            .iter()
            .map(|(sev, code, line, col, field, msg)| {
                let sev = if sev == "error" { "Error" } else { "Warning" };
                let file = format!("sang-kien/{}/{}", case.case, case.file);
                format!("{sev} {code} {file}:{line}:{col} [{}] {msg}", field.as_deref().unwrap_or("-"))
            })
            .collect();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", case.case));
        }
        // Every located diagnostic has a Vietnamese message too.
        for d in &report.diagnostics {
            assert!(!d.message.vi.is_empty() && d.message.vi != d.message.en, "{}: no Vietnamese text", case.case);
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn the_excerpt_marks_the_offending_span() {
    let bank = fixture_bank();
    let content = bank.path().join("content");
    let case = fixtures().join("broken/unknown-key/CB-2025-0101.md");
    std::fs::copy(case, content.join("sang-kien/CB-2025-0101.md")).unwrap();
    let text = report_of(&content).render_human(Lang::En);
    assert!(text.contains("sang-kien/CB-2025-0101.md:4:1"), "{text}");
    assert!(text.contains("4 │ short_titel: Sổ tay hộ tịch điện tử"), "{text}");
    // The key and only the key is underlined.
    assert!(text.contains("  │ ^^^^^^^^^^^\n"), "{text}");
    assert!(text.contains("did you mean `short_title`?"), "{text}");
}

/// A bank with 100 broken entries, five kinds of problem in turn.
fn hundred_broken(content: &Path) -> Vec<(String, &'static str)> {
    let base = std::fs::read_to_string(content.join("sang-kien/CB-2025-0001.md")).unwrap();
    let mut want = Vec::new();
    for i in 1..=100 {
        let id = format!("CB-2024-{i:04}");
        let mut text = base.replacen("CB-2025-0001", &id, 1).replacen("so-hoa-ho-tich", &format!("muc-{i}"), 1);
        let code = match i % 5 {
            0 => {
                text = text.replacen("fictional: true", "fictional: true\ntac_gia: Nông Thị Mẫu", 1);
                "unknown-key"
            }
            1 => {
                text = text.replacen("tu-phap-ho-tich,", "tu-phap,", 1);
                "unknown-field"
            }
            2 => {
                text = text.replacen("first_applied: 2025-03-03", "first_applied: 2025-02-30", 1);
                "invalid-value"
            }
            3 => {
                text = text.replacen("level: co_so", "level: xa", 1);
                "unknown-level"
            }
            _ => {
                text = text.replacen("status: dang_ap_dung\n", "", 1);
                "missing-field"
            }
        };
        let rel = format!("sang-kien/{id}.md");
        std::fs::write(content.join(&rel), text).unwrap();
        want.push((rel, code));
    }
    want
}

#[test]
fn one_run_reports_all_100_broken_files() {
    let bank = fixture_bank();
    let content = bank.path().join("content");
    let want = hundred_broken(&content);
    let report = report_of(&content);
    let got: Vec<(String, &str)> = report.diagnostics.iter().map(|d| (slash_path(&d.file), d.code)).collect();
    assert_eq!(report.errors(), 100, "{}", report.render_human(Lang::En));
    assert_eq!(got, want);
    assert!(report.diagnostics.iter().all(|d| d.severity == Severity::Error && d.line > 0));
}

#[test]
fn exit_codes_and_report_formats() {
    let bank = fixture_bank();
    let dir = bank.path();
    let (code, _, err) = sangkien(&["check"], dir);
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = sangkien(&["check", "--content", "no-such-folder"], dir);
    assert_eq!(code, 2);
    let (code, _, _) = sangkien(&["check", "--format", "yaml"], dir);
    assert_eq!(code, 2, "a usage error");

    // A warning alone keeps exit code 0.
    let warn = fixtures().join("broken/summary-long/CB-2025-0101.md");
    std::fs::copy(&warn, dir.join("content/sang-kien/CB-2025-0101.md")).unwrap();
    let (code, out, _) = sangkien(&["check", "--format", "github"], dir);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "::warning file=content/sang-kien/CB-2025-0101.md,line=5,col=10,title=summary-long::\
         the summary has 350 characters; cards show 300 in full [summary]\n"
    );

    let broken = fixtures().join("broken/unknown-field/CB-2025-0101.md");
    std::fs::copy(&broken, dir.join("content/sang-kien/CB-2025-0101.md")).unwrap();
    let (code, out, _) = sangkien(&["check", "--format", "json"], dir);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!((v["errors"].as_u64(), v["warnings"].as_u64()), (Some(1), Some(0)));
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "unknown-field");
    assert_eq!(d["file"], "sang-kien/CB-2025-0101.md");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(8), Some(10)));
    assert_eq!(d["field"], "fields[0]");
    assert_eq!(d["message"], "field `tu-phap-ho-tic` is not in fields.yaml");
    assert_eq!(d["help"], "did you mean `tu-phap-ho-tich`?");

    // `build` runs the same checks and publishes nothing.
    let (code, _, err) = sangkien(&["build"], dir);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("field `tu-phap-ho-tic` is not in fields.yaml"), "{err}");
    assert!(!dir.join("public").exists());
}

#[test]
fn every_code_in_the_fixtures_is_documented() {
    let doc = std::fs::read_to_string(repo().join("docs/check.md")).unwrap();
    for case in expected() {
        if let Some((_, code, ..)) = &case.diag {
            assert!(doc.contains(&format!("`{code}`")), "docs/check.md does not document `{code}`");
        }
    }
}

/// Runs `sangkien ARGS` in `dir` through bash, its stdout or stderr (`stream`:
/// 1 or 2) piped into a reader that has already gone, and returns the
/// command's own exit code.
fn exit_code_with_reader_gone(args: &str, dir: &Path, stream: u8) -> i32 {
    let redirect = if stream == 1 { "2>/dev/null" } else { "2>&1 >/dev/null" };
    let script = format!("\"$0\" {args} {redirect} | true; exit ${{PIPESTATUS[0]}}");
    let status = std::process::Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_sangkien")])
        .current_dir(dir)
        .env("SANGKIEN_LANG", "en")
        .status()
        .unwrap();
    status.code().unwrap_or(-1)
}

/// `sangkien check … | head` in a script: when the reader has gone, the
/// exit code is still the verdict on the bank, never a panic's 101.
#[test]
fn a_reader_that_has_gone_leaves_the_exit_code_to_the_bank() {
    let bank = fixture_bank();
    let dir = bank.path();
    assert_eq!(exit_code_with_reader_gone("check", dir, 2), 0, "the summary goes to stderr");
    assert_eq!(exit_code_with_reader_gone("check --format json", dir, 1), 0, "the report goes to stdout");
    let broken = fixtures().join("broken/unknown-field/CB-2025-0101.md");
    std::fs::copy(&broken, dir.join("content/sang-kien/CB-2025-0101.md")).unwrap();
    assert_eq!(exit_code_with_reader_gone("check", dir, 2), 1);
    assert_eq!(exit_code_with_reader_gone("check --format json", dir, 1), 1);
}
