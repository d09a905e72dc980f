//! Dates from git history: when each entry entered the bank and when it
//! last changed, and the links to an entry's source file and history on the
//! bank's repository web site.
//!
//! The history is read with the git command-line tool in **one pass**: every
//! commit, newest first, with the files it added, modified and renamed in the
//! content folder (`git rev-list` piped to `git diff-tree --stdin -M`, see
//! [`history`]). Walking that list once, each entry's
//! current path is followed back through renames: the newest commit that
//! changed it gives "updated", the commit that added it (under whatever name
//! it had then) gives "added". Dates are the committer dates, in UTC.
//!
//! Why the git tool rather than gix: `git log` does tree diffs and rename
//! detection in optimised C with its commit-graph and delta caches, honours
//! the repository's own setup (worktrees, alternates, partial clones,
//! `safe.directory`), and costs no dependency; gix would add a large crate
//! tree for the same walk and a rename detector of our own. Every repository
//! an editor commits to has git installed. The tool runs with a fixed
//! argument list (no shell) and with configuration that could change its
//! output (signatures, colours, rename settings) overridden.
//!
//! Fallbacks, each announced in the build log line:
//! - content folder outside git, or git missing: frontmatter `added` /
//!   `updated` for every entry;
//! - untracked files and files added but not yet committed: frontmatter
//!   dates (they have no history yet);
//! - tracked files with uncommitted edits keep the dates of their last
//!   commit: the edit gets its date when it is committed, and a preview
//!   stays deterministic;
//! - a shallow clone: the history is cut, so "added" dates are at most as old
//!   as the oldest commit fetched; a warning says so.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::config::{RepoKind, Repository};
use crate::content::{Date, Entry};
use crate::diagnostics::{slash_path, Diagnostic, Report, Text};

/// A git command run in `dir`, isolated from settings that change output.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir);
    for setting in [
        "log.showSignature=false",
        "color.ui=never",
        "diff.renames=true",
        "diff.relative=false",
        "core.quotePath=false",
        "log.showRoot=true",
    ] {
        c.arg("-c").arg(setting);
    }
    // Set inside git hooks; they would override `-C`.
    c.env_remove("GIT_DIR").env_remove("GIT_WORK_TREE");
    c.stdin(Stdio::null());
    c
}

/// Runs a git command to completion, returning its standard output.
fn run(mut cmd: Command) -> Result<Vec<u8>, String> {
    let out = cmd.stderr(Stdio::piped()).output().map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Where the content folder sits in its repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    /// The content folder's path from the repository root: `""` or `content/`.
    pub prefix: String,
    pub shallow: bool,
}

/// Finds the repository holding `content`: `Ok(None)` when there is none,
/// `Err` when git cannot be run.
pub fn locate(content: &Path) -> Result<Option<Repo>, String> {
    let mut cmd = git(content);
    cmd.args(["rev-parse", "--is-inside-work-tree", "--show-prefix", "--is-shallow-repository"]);
    let out = cmd.stderr(Stdio::piped()).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    match lines.as_slice() {
        ["true", prefix, shallow] => Ok(Some(Repo { prefix: prefix.to_string(), shallow: *shallow == "true" })),
        // An empty prefix prints an empty line.
        ["true", shallow] => Ok(Some(Repo { prefix: String::new(), shallow: *shallow == "true" })),
        _ => Ok(None),
    }
}

/// The first and last commit dates of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileDates {
    pub added: Date,
    pub updated: Date,
}

fn utc_date(unix_seconds: i64) -> Date {
    Date::from_days_since_epoch(unix_seconds.div_euclid(86_400))
}

/// The result of one history pass: dates per path, and the number of
/// commits that touched the content folder.
type History = (HashMap<String, FileDates>, usize);

/// The last history read in this process, keyed by (content folder, HEAD,
/// paths asked): `serve` rebuilds the whole site often, the history only
/// changes with a commit.
static MEMO: std::sync::Mutex<Option<(MemoKey, History)>> = std::sync::Mutex::new(None);

/// (content folder, HEAD commit, hash of the paths asked).
type MemoKey = (PathBuf, String, u64);

/// Reads the history of `content` once and returns the dates of each of
/// `paths` (slash-separated, relative to the content folder) that has any.
///
/// The commits come from `git rev-list --no-merges HEAD` (cheap: no diffs)
/// and are diffed by `git diff-tree --stdin -M` limited to the content
/// folder, in newest-first order. `git log -- .` would diff every commit
/// twice (once to decide whether it touches the folder, once to print), and
/// in a bank the entries folder is one large tree: reading its versions is
/// the whole cost. Long histories are split into contiguous ranges diffed by
/// parallel `diff-tree` processes, then walked in order.
pub fn history(content: &Path, paths: &[String]) -> Result<History, String> {
    let mut cmd = git(content);
    cmd.args(["rev-parse", "--verify", "--quiet", "HEAD"]);
    let Ok(head) = run(cmd) else {
        // No commit yet: no history.
        return Ok((HashMap::new(), 0));
    };
    let head = String::from_utf8_lossy(&head).trim().to_string();
    let key = (content.canonicalize().unwrap_or_else(|_| content.to_path_buf()), head.clone(), hash_paths(paths));
    if let Some((k, h)) = MEMO.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        if *k == key {
            return Ok(h.clone());
        }
    }
    let mut cmd = git(content);
    cmd.args(["rev-list", "--no-merges", &head]);
    let list = run(cmd)?;
    let commits: Vec<&[u8]> = list.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    let ways = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let ways = if commits.len() < 2_000 { 1 } else { ways };
    let chunk = commits.len().div_ceil(ways).max(1);
    let outputs: Vec<Result<Vec<u8>, String>> = std::thread::scope(|scope| {
        let jobs: Vec<_> = commits.chunks(chunk).map(|part| scope.spawn(move || diff_tree(content, part))).collect();
        jobs.into_iter().map(|j| j.join().unwrap_or_else(|_| Err("a history reader failed".to_string()))).collect()
    });
    let mut all = Vec::new();
    for out in outputs {
        all.extend(out?);
    }
    let result = walk_log(all.as_slice(), paths).map_err(|e| format!("cannot read git history: {e}"))?;
    *MEMO.lock().unwrap_or_else(|e| e.into_inner()) = Some((key, result.clone()));
    Ok(result)
}

fn hash_paths(paths: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    paths.hash(&mut h);
    h.finish()
}

/// `git diff-tree` over the given commits (ids, one per line on its input).
fn diff_tree(content: &Path, commits: &[&[u8]]) -> Result<Vec<u8>, String> {
    let mut cmd = git(content);
    cmd.args(["diff-tree", "--stdin", "-r", "-M", "--name-status", "-z", "--root", "--relative", "--format=%x1e%ct"]);
    cmd.args(["--", "."]);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot run git: {e}"))?;
    let mut input = Vec::with_capacity(commits.len() * 41);
    for c in commits {
        input.extend_from_slice(c);
        input.push(b'\n');
    }
    let mut stdin = child.stdin.take().ok_or("git takes no input")?;
    // Feed the ids from a thread of its own: git writes while it reads.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(out.stdout)
}

/// The one pass over the history (`%x1e<committer time>` headers, then
/// `--name-status -z` records; newest commit first), following each wanted
/// path back through renames. Exposed for tests.
pub fn walk_log(mut input: impl BufRead, paths: &[String]) -> std::io::Result<(HashMap<String, FileDates>, usize)> {
    // The name each tracked entry has at the point of history being read.
    let mut alias: HashMap<String, usize> = paths.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
    let mut updated: Vec<Option<i64>> = vec![None; paths.len()];
    let mut oldest: Vec<Option<i64>> = vec![None; paths.len()];
    let mut commits = 0usize;
    let mut time: i64 = 0;
    let mut renamed: Vec<(String, usize)> = Vec::new();
    let mut token = Vec::with_capacity(256);
    let next = |input: &mut dyn BufRead, token: &mut Vec<u8>| -> std::io::Result<Option<String>> {
        token.clear();
        if input.read_until(0, token)? == 0 {
            return Ok(None);
        }
        if token.last() == Some(&0) {
            token.pop();
        }
        Ok(Some(String::from_utf8_lossy(token).into_owned()))
    };
    let flush = |renamed: &mut Vec<(String, usize)>, alias: &mut HashMap<String, usize>| {
        for (old, i) in renamed.drain(..) {
            alias.insert(old, i);
        }
    };
    while let Some(tok) = next(&mut input, &mut token)? {
        let tok = tok.trim_start_matches('\n');
        if let Some(ts) = tok.strip_prefix('\u{1e}') {
            // A new commit: renames seen in the previous one take effect now,
            // so a path both added and renamed-from in one commit stays right.
            flush(&mut renamed, &mut alias);
            time = ts.trim().parse().unwrap_or(0);
            commits += 1;
            continue;
        }
        if tok.is_empty() {
            continue;
        }
        let status = tok.as_bytes()[0];
        let Some(path) = next(&mut input, &mut token)? else { break };
        match status {
            b'R' | b'C' => {
                let Some(new) = next(&mut input, &mut token)? else { break };
                if let Some(i) = alias.remove(&new) {
                    let pure = tok.get(1..).is_some_and(|s| s == "100");
                    if !pure && updated[i].is_none() {
                        updated[i] = Some(time);
                    }
                    oldest[i] = Some(time);
                    if status == b'R' {
                        renamed.push((path, i));
                    }
                    // A copy starts the new file's own life here.
                }
            }
            b'A' => {
                if let Some(i) = alias.remove(&path) {
                    updated[i].get_or_insert(time);
                    oldest[i] = Some(time);
                }
            }
            b'D' => {}
            _ => {
                if let Some(&i) = alias.get(&path) {
                    updated[i].get_or_insert(time);
                    oldest[i] = Some(time);
                }
            }
        }
    }
    let mut out = HashMap::new();
    for (i, p) in paths.iter().enumerate() {
        if let (Some(first), Some(last)) = (oldest[i], updated[i].or(oldest[i])) {
            out.insert(p.clone(), FileDates { added: utc_date(first), updated: utc_date(last) });
        }
    }
    Ok((out, commits))
}

/// Files under the content folder that git does not have committed
/// (untracked, or added but not committed) and files with uncommitted
/// edits, as paths relative to the content folder.
fn working_changes(content: &Path, prefix: &str) -> Result<(HashSet<String>, HashSet<String>), String> {
    let mut cmd = git(content);
    cmd.args(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", "."]);
    let out = run(cmd)?;
    let mut uncommitted = HashSet::new();
    let mut modified = HashSet::new();
    for rec in out.split(|b| *b == 0) {
        if rec.len() < 4 {
            continue;
        }
        let (xy, path) = (&rec[..2], String::from_utf8_lossy(&rec[3..]));
        let Some(rel) = path.strip_prefix(prefix) else { continue };
        if xy == b"??" || xy[0] == b'A' {
            uncommitted.insert(rel.to_string());
        } else {
            modified.insert(rel.to_string());
        }
    }
    Ok((uncommitted, modified))
}

/// The revisions tried, in order, when no base is given for "changed entries": the local
/// `main`, then the remote's (a CI checkout often has only `origin/main`).
pub const DEFAULT_BASES: [&str; 2] = ["main", "origin/main"];

/// Files of the content folder that differ from revision `base` (or, when `None`, from the
/// first of [`DEFAULT_BASES`] that exists): changed or added since, committed or not, and
/// untracked files, as paths relative to the content folder, sorted; deleted files are left
/// out. Returns the revision used, or `Ok(None)` when there is no repository or no such
/// revision; `Err` when `base` was given and git cannot resolve it.
pub fn changed_since(content: &Path, base: Option<&str>) -> Result<Option<(String, Vec<PathBuf>)>, String> {
    if !matches!(locate(content), Ok(Some(_))) {
        return match base {
            Some(_) => Err("the content folder is not in a git repository".into()),
            None => Ok(None),
        };
    }
    let resolves = |rev: &str| {
        let mut cmd = git(content);
        cmd.args(["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{rev}^{{commit}}")]);
        run(cmd).is_ok_and(|o| !o.is_empty())
    };
    let rev = match base {
        Some(b) if resolves(b) => b.to_string(),
        Some(b) => return Err(format!("git does not know the revision `{b}`")),
        None => match DEFAULT_BASES.iter().find(|b| resolves(b)) {
            Some(b) => b.to_string(),
            None => return Ok(None),
        },
    };
    let mut files = std::collections::BTreeSet::new();
    let mut cmd = git(content);
    cmd.args(["diff", "--name-only", "--relative", "--no-renames", "--diff-filter=d", "-z", &rev, "--", "."]);
    for p in run(cmd)?.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        files.insert(PathBuf::from(String::from_utf8_lossy(p).into_owned()));
    }
    let mut cmd = git(content);
    cmd.args(["ls-files", "--others", "--exclude-standard", "-z", "--", "."]);
    for p in run(cmd)?.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        files.insert(PathBuf::from(String::from_utf8_lossy(p).into_owned()));
    }
    Ok(Some((rev, files.into_iter().filter(|f| content.join(f).is_file()).collect())))
}

/// Whether git has the file `rel` (relative to `content`) committed: its
/// dates then come from history. Used by `serve` after an edit.
pub fn is_committed(content: &Path, rel: &Path) -> bool {
    let mut cmd = git(content);
    cmd.args(["ls-files", "-z", "--error-unmatch", "--"]).arg(rel);
    let Ok(out) = run(cmd) else { return false };
    if out.is_empty() {
        return false;
    }
    // Staged but never committed counts as not committed.
    let mut cmd = git(content);
    cmd.args(["cat-file", "-e"]).arg(format!("HEAD:./{}", slash_path(rel)));
    run(cmd).is_ok()
}

/// Sets `added` and `updated` of each entry from the git history of the
/// content folder, when there is one; entries without history keep their
/// frontmatter dates. Returns a line for the build log.
pub fn apply_dates(content: &Path, entries: &mut [Entry], report: &mut Report) -> String {
    let repo = match locate(content) {
        Ok(Some(r)) => r,
        Ok(None) => return "not in a git repository: frontmatter dates".to_string(),
        Err(e) => return format!("{e}: frontmatter dates"),
    };
    let paths: Vec<String> = entries.iter().map(|e| slash_path(&e.source)).collect();
    let (dates, commits) = match history(content, &paths) {
        Ok(d) => d,
        Err(e) => {
            report.push(Diagnostic::warning(
                "git-history",
                ".",
                Text::new(
                    format!("không đọc được lịch sử git, dùng ngày trong phần thông tin: {e}"),
                    format!("cannot read the git history, using frontmatter dates: {e}"),
                ),
            ));
            return format!("git log failed: frontmatter dates ({e})");
        }
    };
    let (uncommitted, modified) = working_changes(content, &repo.prefix).unwrap_or_default();
    let (mut from_git, mut edited, mut fallback) = (0usize, 0usize, 0usize);
    for (e, p) in entries.iter_mut().zip(&paths) {
        match dates.get(p) {
            Some(d) if !uncommitted.contains(p) => {
                e.added = Some(d.added);
                e.updated = Some(d.updated);
                from_git += 1;
                if modified.contains(p) {
                    edited += 1;
                }
            }
            _ => fallback += 1,
        }
    }
    let mut line = format!("{from_git} entries dated from {commits} commits");
    if edited > 0 {
        line.push_str(&format!("; {edited} with uncommitted edits keep their last commit's dates"));
    }
    if fallback > 0 {
        line.push_str(&format!("; {fallback} not committed yet use frontmatter dates"));
    }
    if repo.shallow {
        line.push_str("; SHALLOW CLONE: added dates are cut at the oldest fetched commit");
        report.push(
            Diagnostic::warning(
                "shallow-clone",
                ".",
                Text::new(
                    "kho git là bản sao nông (shallow clone): ngày đưa vào ngân hàng bị cắt ở commit cũ nhất đã tải",
                    "the git repository is a shallow clone: dates entries were added are cut at the oldest fetched commit",
                ),
            )
            .help(Text::new(
                "tải đủ lịch sử: `git fetch --unshallow` (trên CI: `fetch-depth: 0`)",
                "fetch the full history: `git fetch --unshallow` (in CI: `fetch-depth: 0`)",
            )),
        );
    }
    line
}

/// Fills in where the content folder is inside the repository, for source
/// links, when `config.yaml` does not say and git knows.
pub fn fill_repository_path(repo: &mut Option<Repository>, content: &Path) {
    if let Some(r) = repo {
        if r.path.is_none() {
            if let Ok(Some(found)) = locate(content) {
                r.path = Some(found.prefix);
            }
        }
    }
}

/// Percent-encodes a path for a URL, keeping `/` and unreserved characters.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The web URLs of an entry's source file and of its history on the bank's
/// repository site, or `None` when the repository or the content folder's
/// place in it is unknown. `source` is relative to the content folder.
pub fn source_links(repo: &Repository, source: &Path) -> Option<(String, String)> {
    let prefix = repo.path.as_deref()?;
    let base = crate::views::safe_external_url(repo.url.trim_end_matches('/'));
    if base.is_empty() {
        return None;
    }
    let prefix = prefix.trim_matches('/');
    let rel = slash_path(source);
    let path = if prefix.is_empty() { rel } else { format!("{prefix}/{rel}") };
    let path = encode_path(&path);
    let branch = encode_path(&repo.branch);
    Some(match repo.kind {
        RepoKind::Github => (format!("{base}/blob/{branch}/{path}"), format!("{base}/commits/{branch}/{path}")),
        RepoKind::Gitlab => (format!("{base}/-/blob/{branch}/{path}"), format!("{base}/-/commits/{branch}/{path}")),
        RepoKind::Gitea => {
            (format!("{base}/src/branch/{branch}/{path}"), format!("{base}/commits/branch/{branch}/{path}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_walk_follows_renames_back_to_the_first_commit() {
        // Newest first: c.md was a.md until 2024-03-01 (renamed with an edit);
        // b.md was edited on 2024-02-01; a new a.md appeared in the rename commit.
        let day = |s: &str| {
            let x = d(s);
            let days = (0..30000).find(|n| Date::from_days_since_epoch(*n) == x).unwrap();
            days * 86_400 + 3600
        };
        let log = format!(
            "\u{1e}{}\0\nR087\0a.md\0c.md\0A\0a.md\0\u{1e}{}\0\nM\0b.md\0\u{1e}{}\0\nA\0a.md\0A\0b.md\0",
            day("2024-03-01"),
            day("2024-02-01"),
            day("2024-01-10")
        );
        let paths = vec!["c.md".to_string(), "b.md".to_string(), "a.md".to_string(), "new.md".to_string()];
        let (got, commits) = walk_log(log.as_bytes(), &paths).unwrap();
        assert_eq!(commits, 3);
        assert_eq!(got["c.md"], FileDates { added: d("2024-01-10"), updated: d("2024-03-01") });
        assert_eq!(got["b.md"], FileDates { added: d("2024-01-10"), updated: d("2024-02-01") });
        assert_eq!(got["a.md"], FileDates { added: d("2024-03-01"), updated: d("2024-03-01") });
        assert!(!got.contains_key("new.md"));
    }

    #[test]
    fn a_pure_rename_is_not_an_update() {
        let log = "\u{1e}200000\0\nR100\0old.md\0new.md\0\u{1e}100000\0\nA\0old.md\0";
        let (got, _) = walk_log(log.as_bytes(), &["new.md".to_string()]).unwrap();
        assert_eq!(got["new.md"].added, got["new.md"].updated);
        assert_eq!(got["new.md"].added, utc_date(100_000));
    }

    #[test]
    fn source_links_follow_each_forge_pattern() {
        let mut repo = Repository {
            url: "https://git.example.vn/so-khcn/ngan-hang/".into(),
            kind: RepoKind::Github,
            branch: "main".into(),
            path: Some("content/".into()),
        };
        let src = Path::new("sang-kien/CB-2024-0001.md");
        let (blob, hist) = source_links(&repo, src).unwrap();
        assert_eq!(blob, "https://git.example.vn/so-khcn/ngan-hang/blob/main/content/sang-kien/CB-2024-0001.md");
        assert_eq!(hist, "https://git.example.vn/so-khcn/ngan-hang/commits/main/content/sang-kien/CB-2024-0001.md");
        repo.kind = RepoKind::Gitlab;
        assert!(source_links(&repo, src).unwrap().0.contains("/-/blob/main/content/"));
        assert!(source_links(&repo, src).unwrap().1.contains("/-/commits/main/content/"));
        repo.kind = RepoKind::Gitea;
        repo.path = Some(String::new());
        let (blob, hist) = source_links(&repo, Path::new("sang-kien/Đà Nẵng.md")).unwrap();
        assert!(blob.ends_with("/src/branch/main/sang-kien/%C4%90%C3%A0%20N%E1%BA%B5ng.md"), "{blob}");
        assert!(hist.contains("/commits/branch/main/sang-kien/"));
        repo.url = "javascript:alert(1)".into();
        assert!(source_links(&repo, src).is_none());
        repo.url = "https://x.vn/r".into();
        repo.path = None;
        assert!(source_links(&repo, src).is_none(), "no links when the content folder's place is unknown");
    }
}
