//! "Nothing half-written", tested with the real binary: a build killed with
//! SIGKILL at any point, or stopped by a panic in per-entry work, leaves the
//! previous site byte for byte, and the next build cleans up after it.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn sangkien() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sangkien"));
    c.env("SANGKIEN_LANG", "en").env_remove(sangkien::guard::TEST_HOOK_VAR);
    c
}

fn build_cmd(content: &Path, out: &Path) -> Command {
    let mut c = sangkien();
    // No share-image cache: every build renders everything, so its length
    // (and where the kills land) does not depend on earlier runs.
    c.arg("build").arg("--no-cache").arg("--content").arg(content).arg("--out").arg(out);
    c
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Writes into `content` (a copy of the sample bank) `copies` more copies of
/// every sample entry, each with a new id (`CB-2025-0003` → `CB-2025-k03`)
/// and its own slug, so that a build takes several seconds.
fn grow(content: &Path, copies: usize) -> usize {
    assert!(copies < 100);
    let dir = content.join("sang-kien");
    let mut written = 0;
    for file in names(&dir) {
        let text = std::fs::read_to_string(dir.join(&file)).unwrap();
        let id = file.strip_suffix(".md").unwrap();
        let (prefix, number) = id.rsplit_once('-').unwrap();
        let number: usize = number.parse().unwrap();
        assert!(number < 100, "{id}: the copies' ids assume sample numbers below 100");
        for k in 1..=copies {
            let new_id = format!("{prefix}-{:04}", k * 100 + number);
            let mut out = String::with_capacity(text.len() + 64);
            for line in text.lines() {
                if line.starts_with("slug:") || line.starts_with("aliases:") || line.starts_with("featured:") {
                    continue;
                }
                if line.starts_with("id:") {
                    out.push_str(&format!("id: {new_id}\nslug: ban-sao-{}\n", new_id.to_ascii_lowercase()));
                } else {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            std::fs::write(dir.join(format!("{new_id}.md")), out).unwrap();
            written += 1;
        }
    }
    written
}

/// Starts a build and kills it with SIGKILL once stderr shows the step line
/// `after` (or at once when `None`), `delay` later. Returns the step lines
/// seen, after checking that the kill, not the end of the build, stopped it.
fn kill_build(content: &Path, out: &Path, after: Option<&str>, delay: Duration) -> Vec<String> {
    let mut child = build_cmd(content, out).stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut lines = BufReader::new(stderr).lines();
    if let Some(step) = after {
        for line in lines.by_ref() {
            let line = line.unwrap();
            let hit = line.split_whitespace().next() == Some(step);
            seen.push(line);
            if hit {
                break;
            }
        }
        assert!(seen.last().is_some_and(|l| l.trim_start().starts_with(step)), "no `{step}` step: {seen:?}");
    }
    // Keep reading: a closed pipe would make the build's next log line fail
    // (and end it) before the kill.
    std::thread::spawn(move || lines.for_each(drop));
    std::thread::sleep(delay);
    // SAFETY: kill(2) with a pid we spawned and have not reaped yet.
    let rc = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
    assert_eq!(rc, 0, "kill failed");
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.signal(),
        Some(libc::SIGKILL),
        "the build ended ({status}) before the kill after {after:?} + {delay:?}: the bank is too small for this test"
    );
    seen
}

/// How long a whole build of `content` takes here, into a folder of its own
/// (so that the bank's folder, whose names the test compares, is untouched).
fn time_a_full_build(content: &Path) -> Duration {
    let scratch = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let ok = build_cmd(content, &scratch.path().join("public")).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    start.elapsed()
}

#[cfg(target_os = "linux")]
#[test]
fn a_build_killed_at_any_point_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let start = Instant::now();
    let bank = Bank::copy_of_sample();
    let out = bank.out();
    // The published site: the sample bank.
    let ok = build_cmd(&bank.content(), &out).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let before = read_tree(&out);
    let layout = names(bank.dir.path());

    // The next build: a bank three times as large. The kills below are placed
    // by the step lines the build prints, so they land inside their stage at
    // any speed; the three that are placed by time alone are placed at
    // fractions of how long this bank takes to build on this machine.
    let grown = grow(&bank.content(), 2);
    let full = time_a_full_build(&bank.content());
    let at = |fraction: f64| full.mul_f64(fraction);

    let points: [(Option<&str>, Duration); 9] = [
        (None, at(0.02)),                             // starting, reading the content
        (None, at(0.2)),                              // wherever the build is by then
        (None, at(0.4)),                              // and later, well before the end
        (Some("content"), Duration::ZERO),            // history and bank-wide checks
        (Some("markdown"), Duration::ZERO),           // creating the staging folder
        (Some("assets"), Duration::from_millis(100)), // pages being written into the staging folder
        (Some("entry"), Duration::ZERO),              // "entry pages": browse pages and press files being written
        (Some("share"), Duration::ZERO),              // "share images": statistics, then the search index
        (Some("index"), Duration::ZERO),              // writing the search files, just before the swap
    ];
    let mut leftovers = 0;
    for (after, delay) in points {
        kill_build(&bank.content(), &out, after, delay);
        assert!(read_tree(&out) == before, "the site changed after a kill at {after:?} + {delay:?}");
        leftovers += names(bank.dir.path()).len() - layout.len();
    }
    assert!(leftovers > 0, "the kills left no staging folder: they came too early to test the cleanup");

    // The next build succeeds, publishes the grown bank, and removes what the
    // killed builds left beside the output.
    let ok = build_cmd(&bank.content(), &out).output().unwrap();
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{stderr}");
    assert!(stderr.contains(&format!("Built {} entries", grown + 48)), "{stderr}");
    // Leftovers and the previous site are removed by a background `rm`.
    let deadline = Instant::now() + Duration::from_secs(60);
    while names(bank.dir.path()) != layout && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(names(bank.dir.path()), layout, "staging folders of killed builds are removed");
    let after = read_tree(&out);
    assert!(after.keys().any(|k| k.starts_with("sang-kien/ban-sao-")), "the grown bank is published");
    eprintln!("killed {} builds of {} entries in {:.1} s", points.len(), grown + 48, start.elapsed().as_secs_f64());
}

/// Builds the sample bank once, then builds it again with the test hook set
/// to panic on `CB-2025-0001` at `stage`; returns the second run's stderr.
fn panicking_build(stage: &str) -> String {
    let bank = Bank::copy_of_sample();
    let out = bank.out();
    build_ok(&bank.content(), &out);
    let before = read_tree(&out);
    let layout = names(bank.dir.path());
    let run = build_cmd(&bank.content(), &out)
        .env(sangkien::guard::TEST_HOOK_VAR, format!("CB-2025-0001@{stage}"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(2), "{stage}: a panic is an internal error\n{stderr}");
    assert!(stderr.contains("sang-kien/CB-2025-0001.md"), "{stage}: the entry is named\n{stderr}");
    assert!(stderr.contains("bug in sangkien"), "{stage}\n{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stage}: the default panic message is kept quiet\n{stderr}");
    assert!(read_tree(&out) == before, "{stage}: the previous site is untouched");
    assert_eq!(names(bank.dir.path()), layout, "{stage}: no staging folder is left behind");
    stderr
}

#[test]
fn a_panic_while_reading_an_entry_is_an_internal_error_naming_it() {
    let stderr = panicking_build("read");
    assert!(stderr.contains("internal error while reading sang-kien/CB-2025-0001.md"), "{stderr}");
    assert!(stderr.contains("panic requested by SANGKIEN_TEST_PANIC_ON"), "{stderr}");
}

#[test]
fn a_panic_while_rendering_markdown_is_an_internal_error_naming_the_entry() {
    let stderr = panicking_build("markdown");
    assert!(stderr.contains("rendering the Markdown of sang-kien/CB-2025-0001.md"), "{stderr}");
}

#[test]
fn a_panic_while_writing_pages_publishes_nothing() {
    let stderr = panicking_build("page");
    assert!(stderr.contains("rendering the page of sang-kien/CB-2025-0001.md"), "{stderr}");
    let stderr = panicking_build("press");
    assert!(stderr.contains("writing the press files of sang-kien/CB-2025-0001.md"), "{stderr}");
}

/// The hook only fires for the entry it names: without it, or naming an
/// entry that does not exist, the build succeeds.
#[test]
fn the_panic_hook_is_inert_unless_asked() {
    let bank = Bank::copy_of_sample();
    let run =
        build_cmd(&bank.content(), &bank.out()).env(sangkien::guard::TEST_HOOK_VAR, "XX-0000-0000").output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}
