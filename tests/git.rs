//! Dates and history from git: a temporary repository made in the test, with
//! commits at fixed dates, built with the real pipeline.

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

use common::{options, Bank};
use sangkien::build::{self, Log};
use sangkien::content::Date;

/// Runs git in `dir` with a fixed identity and commit date, isolated from
/// the user's and the system's configuration.
fn git(dir: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Biên tập viên", "-c", "user.email=btv@example.vn", "-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Records the build log.
#[derive(Default)]
struct Recorder(Mutex<Vec<(String, String)>>);

impl Log for Recorder {
    fn step(&self, name: &str, detail: &str, _: u128) {
        self.0.lock().unwrap().push((name.to_string(), detail.to_string()));
    }
}

impl Recorder {
    fn line(&self, name: &str) -> String {
        self.0.lock().unwrap().iter().find(|(n, _)| n == name).map(|(_, d)| d.clone()).unwrap_or_default()
    }
}

type Dates = std::collections::BTreeMap<String, (Option<Date>, Option<Date>)>;

/// Checks `content`, returning (entry id → (added, updated)), the history
/// log line and the warning codes.
fn dates(content: &Path) -> (Dates, String, Vec<&'static str>) {
    let log = Recorder::default();
    let out = content.parent().unwrap().join("public");
    let checked = match build::check(&options(content, &out), &log) {
        Ok(c) => c,
        Err(build::Failure::Content(r)) => panic!("{}", r.render_human(sangkien::diagnostics::Lang::En)),
        Err(build::Failure::Internal(e)) => panic!("{e}"),
    };
    let map = checked.lib.entries.iter().map(|e| (e.id.clone(), (e.added, e.updated))).collect();
    let codes = checked.report.diagnostics.iter().map(|d| d.code).collect();
    (map, log.line("history"), codes)
}

fn d(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

/// A bank repository: the sample bank committed on 2024-01-10, then one
/// entry edited, one renamed (with an edit) and one renamed without edits.
fn bank_with_history() -> Bank {
    let bank = Bank::copy_of_sample();
    let root = bank.dir.path();
    git(root, "2024-01-10T09:00:00+07:00", &["init", "-q", "-b", "main"]);
    git(root, "2024-01-10T09:00:00+07:00", &["add", "-A"]);
    git(root, "2024-01-10T09:00:00+07:00", &["commit", "-q", "-m", "Ngân hàng ban đầu"]);
    // A commit outside the content folder is no change of the bank.
    std::fs::write(root.join("README.md"), "Ngân hàng sáng kiến\n").unwrap();
    git(root, "2024-02-15T09:00:00+07:00", &["add", "README.md"]);
    git(root, "2024-02-15T09:00:00+07:00", &["commit", "-q", "-m", "README"]);
    let entries = bank.content().join("sang-kien");
    // An evening commit in Hà Nội is still the same day in UTC.
    let f = entries.join("CB-2023-0002.md");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, format!("{text}\nThêm một đoạn.\n")).unwrap();
    git(root, "2024-03-05T23:30:00+07:00", &["commit", "-q", "-am", "Bổ sung nội dung"]);
    // After midnight in Hà Nội, still the previous day in UTC.
    std::fs::create_dir_all(entries.join("2024")).unwrap();
    git(
        root,
        "2024-04-02T01:00:00+07:00",
        &["mv", "content/sang-kien/CB-2024-0001.md", "content/sang-kien/2024/CB-2024-0001.md"],
    );
    let f = entries.join("2024/CB-2024-0001.md");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, format!("{text}\nSửa sau khi chuyển thư mục.\n")).unwrap();
    git(root, "2024-04-02T01:00:00+07:00", &["commit", "-q", "-am", "Chuyển và sửa"]);
    git(
        root,
        "2024-05-20T10:00:00+07:00",
        &["mv", "content/sang-kien/CB-2024-0002.md", "content/sang-kien/2024/CB-2024-0002.md"],
    );
    git(root, "2024-05-20T10:00:00+07:00", &["commit", "-q", "-m", "Chỉ chuyển thư mục"]);
    bank
}

#[test]
fn added_and_updated_dates_come_from_history_following_renames() {
    let bank = bank_with_history();
    let (dates, line, codes) = dates(&bank.content());
    assert_eq!(dates["CB-2023-0001"], (d("2024-01-10"), d("2024-01-10")), "untouched since the first commit");
    assert_eq!(dates["CB-2023-0002"], (d("2024-01-10"), d("2024-03-05")), "23:30 +07:00 is 16:30 UTC the same day");
    assert_eq!(
        dates["CB-2024-0001"],
        (d("2024-01-10"), d("2024-04-01")),
        "a rename keeps the added date; an edit in the rename commit updates (01:00 +07:00 is the day before in UTC)"
    );
    assert_eq!(dates["CB-2024-0002"], (d("2024-01-10"), d("2024-01-10")), "a pure rename is not an update");
    assert!(line.starts_with(&format!("{} entries dated from 4 commits", dates.len())), "{line}");
    assert!(!codes.contains(&"shallow-clone"));
}

#[test]
fn uncommitted_files_fall_back_to_frontmatter_dates_and_the_log_says_so() {
    let bank = bank_with_history();
    let entries = bank.content().join("sang-kien");
    // A new entry nobody committed yet, with its own frontmatter dates.
    let text = std::fs::read_to_string(entries.join("CB-2023-0001.md")).unwrap();
    let new = text
        .replace("id: CB-2023-0001", "id: CB-2023-0901")
        .replacen("title: ", "title: Bản sao – ", 1)
        .replacen("short_title: ", "short_title: Bản sao – ", 1)
        .replacen("---\n", "---\nadded: 2025-06-01\nupdated: 2025-06-02\n", 1);
    assert_ne!(new, text);
    std::fs::write(entries.join("CB-2023-0901.md"), new).unwrap();
    // A tracked file with an uncommitted edit keeps its last commit's dates.
    let f = entries.join("CB-2023-0002.md");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, format!("{text}\nChưa commit.\n")).unwrap();

    let (dates, line, _) = dates(&bank.content());
    assert_eq!(dates["CB-2023-0901"], (d("2025-06-01"), d("2025-06-02")), "untracked: frontmatter dates");
    assert_eq!(dates["CB-2023-0002"], (d("2024-01-10"), d("2024-03-05")), "uncommitted edit: last commit's dates");
    assert!(line.contains("1 not committed yet use frontmatter dates"), "{line}");
    assert!(line.contains("1 with uncommitted edits"), "{line}");
}

#[test]
fn outside_git_frontmatter_dates_are_used_and_the_log_says_so() {
    let bank = Bank::copy_of_sample();
    let (dates, line, _) = dates(&bank.content());
    assert!(line.contains("not in a git repository"), "{line}");
    // The sample bank gives two entries frontmatter dates; the rest have none.
    let with: Vec<_> = dates.iter().filter(|(_, v)| v.0.is_some() || v.1.is_some()).collect();
    assert!(!with.is_empty() && with.len() < dates.len(), "{with:?}");
    for (id, (added, _)) in &with {
        let src = std::fs::read_dir(bank.content().join("sang-kien"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .find(|t| t.contains(&format!("id: {id}\n")))
            .unwrap();
        if let Some(a) = added {
            assert!(src.contains(&format!("added: {a}")), "{id}: the frontmatter date is used");
        }
    }
}

#[test]
fn a_shallow_clone_is_warned_about() {
    let bank = bank_with_history();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", bank.dir.path().display());
    git(clone.path(), "2024-06-01T00:00:00Z", &["clone", "-q", "--depth", "1", &url, "bank"]);
    let content = clone.path().join("bank/content");
    let (dates, line, codes) = dates(&content);
    assert!(codes.contains(&"shallow-clone"), "{codes:?}");
    assert!(line.contains("SHALLOW"), "{line}");
    assert_eq!(dates["CB-2023-0001"].0, d("2024-05-20"), "the history is cut at the one fetched commit");
}

#[test]
fn pages_show_dates_source_links_recent_changes_and_the_changelog() {
    let bank = bank_with_history();
    let out = bank.out();
    let log = Recorder::default();
    build::build(&options(&bank.content(), &out), &log).map_err(|_| "build failed").unwrap();
    let page = std::fs::read_to_string(out.join("s/CB-2024-0001/index.html")).unwrap();
    let target = common::links(&page).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).unwrap();
    let html =
        std::fs::read_to_string(out.join(common::resolve_link("s/CB-2024-0001/index.html", &target).unwrap())).unwrap();
    assert!(html.contains("Đưa vào ngân hàng</th><td>10/01/2024"), "added date shown");
    assert!(html.contains("Cập nhật</th><td>01/4/2024"), "updated date shown");
    assert!(html.contains(
        "href=\"https://github.com/vi-du/ngan-hang-sang-kien/blob/main/content/sang-kien/2024/CB-2024-0001.md\""
    ));
    assert!(html.contains(
        "href=\"https://github.com/vi-du/ngan-hang-sang-kien/commits/main/content/sang-kien/2024/CB-2024-0001.md\""
    ));

    // Recent changes: the two updated entries first, newest first.
    let recent = std::fs::read_to_string(out.join("moi-cap-nhat/index.html")).unwrap();
    let first = recent.find("CB-2024-0001").unwrap();
    let second = recent.find("CB-2023-0002").unwrap();
    assert!(first < second, "newest first");
    let feed = std::fs::read_to_string(out.join("moi-cap-nhat/feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
    let updated: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| e.children().find(|c| c.has_tag_name("updated")).and_then(|c| c.text()).unwrap())
        .collect();
    assert_eq!(&updated[..2], ["2024-04-01T00:00:00Z", "2024-03-05T00:00:00Z"]);
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // The changelog: one page per month with changes, linked from the index.
    let index = std::fs::read_to_string(out.join("nhat-ky/index.html")).unwrap();
    for month in ["2024-01", "2024-03", "2024-04"] {
        assert!(index.contains(&format!("nhat-ky/{month}/")), "{month} listed");
    }
    assert!(!out.join("nhat-ky/2024-05").exists(), "a pure rename is no change");
    let march = std::fs::read_to_string(out.join("nhat-ky/2024-03/index.html")).unwrap();
    assert!(march.contains("CB-2023-0002") && !march.contains("CB-2023-0001"));
    let january = std::fs::read_to_string(out.join("nhat-ky/2024-01/index.html")).unwrap();
    assert!(january.contains("CB-2023-0001") && january.contains("CB-2024-0001"), "additions listed");
    assert!(std::fs::read_to_string(out.join("index.html")).unwrap().contains("moi-cap-nhat/"), "linked from home");
}

/// Benchmark (ignored; run with `cargo test --release --test git -- --ignored
/// --nocapture`): the history pass over a bank of 10,000 entries with
/// 20,000 commits (10,000 additions, 9,500 edits, 500 renames), made with
/// `git fast-import`.
#[test]
#[ignore]
fn bench_history_of_10k_entries_and_20k_commits() {
    const N: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, "2021-01-01T00:00:00Z", &["init", "-q", "-b", "main"]);
    let start = Instant::now();
    let mut stream = String::new();
    let mut time: i64 = 1_609_459_200; // 2021-01-01
    let mut names: Vec<String> = (0..N).map(|k| format!("content/sang-kien/B-{k:05}.md")).collect();
    let commit = |stream: &mut String, n: usize, change: &str, time: i64| {
        let msg = format!("commit {n}");
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{n}\ncommitter Biên tập viên <btv@example.vn> {time} +0700\ndata {}\n{msg}\n",
            msg.len()
        ));
        if n > 1 {
            stream.push_str(&format!("from :{}\n", n - 1));
        }
        stream.push_str(change);
        stream.push('\n');
    };
    let blob = |k: usize, v: usize| {
        let text = format!("---\nid: B-{k:05}\n---\nPhiên bản {v} của sáng kiến {k}.\n{}\n", "Nội dung. ".repeat(40));
        format!("data {}\n{text}", text.len())
    };
    let mut n = 0;
    for (k, name) in names.iter().enumerate() {
        n += 1;
        time += 3_000;
        commit(&mut stream, n, &format!("M 100644 inline {name}\n{}", blob(k, 0)), time);
    }
    for j in 0..N {
        n += 1;
        time += 3_000;
        let k = (j * 7_919) % N;
        if j % 20 == 0 {
            let new = format!("content/sang-kien/{}/B-{k:05}.md", 2021 + j % 5);
            commit(&mut stream, n, &format!("R {} {new}\n", names[k]), time);
            names[k] = new;
        } else {
            commit(&mut stream, n, &format!("M 100644 inline {}\n{}", names[k], blob(k, j + 1)), time);
        }
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["fast-import", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    git(root, "2021-01-01T00:00:00Z", &["reset", "-q", "--hard", "main"]);
    eprintln!("made the repository ({n} commits) in {:.1} s", start.elapsed().as_secs_f64());

    // 10,000 entries at their current paths.
    let sample = common::sample().join("sang-kien/CB-2023-0001.md");
    let raw = std::fs::read_to_string(&sample).unwrap();
    let proto = sangkien::content::entry::parse_entry(Path::new("x.md"), &raw, Date::parse("2026-11-22").unwrap())
        .entry
        .unwrap();
    let content = root.join("content");
    let mut times = Vec::new();
    for _ in 0..3 {
        let mut entries: Vec<_> = names
            .iter()
            .map(|p| {
                let mut e = proto.clone();
                e.source = p.trim_start_matches("content/").into();
                e.added = None;
                e.updated = None;
                e
            })
            .collect();
        let mut report = sangkien::diagnostics::Report::default();
        let t = Instant::now();
        let line = sangkien::git::apply_dates(&content, &mut entries, &mut report);
        times.push(t.elapsed().as_millis());
        assert!(line.starts_with(&format!("{N} entries dated from {n} commits")), "{line}");
        assert!(entries.iter().all(|e| e.added.is_some() && e.updated.is_some()));
        // Renamed (without edits) in 2021–2022, added in 2021: followed back.
        let renamed: Vec<_> = entries.iter().filter(|e| e.source.starts_with("sang-kien/2021")).collect();
        assert_eq!(renamed.len(), N / 20);
        assert!(renamed.iter().all(|e| e.added.unwrap().year == 2021 && e.added == e.updated));
    }
    eprintln!(
        "BENCH git history: {N} entries, {n} commits: {} ms on the first read; {} ms when HEAD is unchanged (serve)",
        times[0], times[2]
    );
}
