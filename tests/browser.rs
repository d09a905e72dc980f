//! Runs the browser suite (tests/e2e: journeys, axe-core, the Nu HTML
//! Checker, schemas, screenshots, page weight) in Debian's Chromium against
//! `sangkien serve` of the sample bank. Skipped, with a message saying so,
//! when Chromium, node, java or the suite's npm packages are missing.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

/// What one run of tests/e2e/run.sh printed, and how it ended.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs the suite and copies each line of its output to this process's
/// stderr as it arrives: `std::io::stderr()` bypasses the test harness's
/// capture, so a CI log shows which browser test is running, live.
fn run_streaming(script: &Path) -> Run {
    let mut child = Command::new("bash")
        .arg(script)
        .env("SANGKIEN_BIN", env!("CARGO_BIN_EXE_sangkien"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tests/e2e/run.sh");
    let echo = |stream: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut kept = String::new();
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = writeln!(std::io::stderr(), "  e2e | {line}");
                kept.push_str(&line);
                kept.push('\n');
            }
            kept
        })
    };
    let stdout = echo(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = echo(Box::new(child.stderr.take().expect("piped stderr")));
    let status = child.wait().expect("wait for tests/e2e/run.sh");
    Run { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() }
}

fn missing() -> Vec<&'static str> {
    let mut missing = Vec::new();
    let has = |cmd: &str| {
        Command::new("sh").args(["-c", &format!("command -v {cmd}")]).output().is_ok_and(|o| o.status.success())
    };
    for (cmd, what) in [("chromium", "chromium"), ("node", "node"), ("java", "java"), ("xmllint", "xmllint")] {
        if !has(cmd) {
            missing.push(what);
        }
    }
    if !Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/node_modules/playwright-core").is_dir() {
        missing.push("tests/e2e/node_modules (run `npm ci` in tests/e2e)");
    }
    missing
}

#[test]
fn browser_suite() {
    let missing = missing();
    if !missing.is_empty() {
        eprintln!("browser tests skipped: missing {}", missing.join(", "));
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/run.sh");
    let run = || run_streaming(&script);
    let summary = |out: &Run| -> String {
        out.stdout
            .lines()
            .filter(|l| l.starts_with("# pass") || l.starts_with("# fail") || l.starts_with("not ok"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = run();
    eprintln!("browser tests: {}", summary(&out));
    // A run that hit run.sh's overall time limit (timeout(1) exits 124) is
    // not retried: a hang would only hang again and double CI's wait.
    if !out.status.success() && out.status.code() != Some(124) {
        // A real browser on a loaded 2-core machine occasionally misses a
        // timeout; one retry of the whole suite, said out loud, keeps CI
        // honest without hiding a failure that repeats.
        eprintln!("browser tests: RETRYING once after a failure");
        out = run();
        eprintln!("browser tests (retry): {}", summary(&out));
    }
    assert!(out.status.success(), "browser tests failed twice:\n{}\n{}", out.stdout, out.stderr);
}
