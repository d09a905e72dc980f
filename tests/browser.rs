//! Runs the browser suite (tests/e2e: journeys, axe-core, the Nu HTML
//! Checker, schemas, screenshots, page weight) in Debian's Chromium against
//! `sangkien serve` of the sample bank. Skipped, with a message saying so,
//! when Chromium, node, java or the suite's npm packages are missing.

use std::path::Path;
use std::process::Command;

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
    let run = || {
        Command::new("bash")
            .arg(&script)
            .env("SANGKIEN_BIN", env!("CARGO_BIN_EXE_sangkien"))
            .output()
            .expect("run tests/e2e/run.sh")
    };
    let summary = |out: &std::process::Output| -> String {
        let stdout = String::from_utf8_lossy(&out.stdout);
        stdout
            .lines()
            .filter(|l| l.starts_with("# pass") || l.starts_with("# fail") || l.starts_with("not ok"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = run();
    eprintln!("browser tests: {}", summary(&out));
    if !out.status.success() {
        // A real browser on a loaded 2-core machine occasionally misses a
        // timeout; one retry of the whole suite, said out loud, keeps CI
        // honest without hiding a failure that repeats.
        eprintln!("browser tests: RETRYING once after a failure:\n{}", String::from_utf8_lossy(&out.stdout));
        out = run();
        eprintln!("browser tests (retry): {}", summary(&out));
    }
    assert!(
        out.status.success(),
        "browser tests failed twice:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
