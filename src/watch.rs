//! Watching the content and theme folders for `serve`: file-system events
//! (notify: inotify on Linux) are filtered — editor backup and swap files,
//! hidden files and the output folder are ignored — and debounced: a batch
//! is sent once no event came for [`QUIET`] (or after [`MAX_WAIT`] of
//! continuous events), so saving several files, or an editor's
//! write-temp-then-rename, gives one rebuild.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

pub const QUIET: Duration = Duration::from_millis(100);
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    _inner: notify::RecommendedWatcher,
}

/// Whether a changed path can matter to the site.
fn relevant(path: &Path, roots: &[PathBuf], ignore: &Path) -> bool {
    if path.starts_with(ignore) {
        return false;
    }
    let Some(root) = roots.iter().find(|r| path.starts_with(r)) else { return false };
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let backup = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913";
    !hidden && !backup
}

/// Watches `roots` recursively and calls `send` with each debounced batch of
/// changed paths (absolute), from a thread of its own. Changes under
/// `ignore` (the output folder) are left out. The thread ends when `send`
/// returns false or the watcher is dropped.
pub fn watch(
    roots: &[PathBuf],
    ignore: &Path,
    send: impl Fn(Vec<PathBuf>) -> bool + Send + 'static,
) -> Result<Watcher, String> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut inner = notify::recommended_watcher(tx).map_err(|e| format!("cannot watch files: {e}"))?;
    let roots: Vec<PathBuf> = roots.iter().map(|r| r.canonicalize().unwrap_or_else(|_| r.clone())).collect();
    for r in &roots {
        inner.watch(r, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", r.display()))?;
    }
    let ignore = absolute(ignore);
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            let take = |ev: notify::Result<notify::Event>, batch: &mut BTreeSet<PathBuf>| {
                let Ok(ev) = ev else { return };
                if matches!(ev.kind, EventKind::Access(_)) {
                    return;
                }
                batch.extend(ev.paths.into_iter().filter(|p| relevant(p, &roots, &ignore)));
            };
            while let Ok(first) = rx.recv() {
                let mut batch = BTreeSet::new();
                take(first, &mut batch);
                let start = Instant::now();
                loop {
                    match rx.recv_timeout(QUIET) {
                        Ok(ev) => take(ev, &mut batch),
                        Err(mpsc::RecvTimeoutError::Timeout) => break,
                        Err(mpsc::RecvTimeoutError::Disconnected) => return,
                    }
                    if start.elapsed() >= MAX_WAIT {
                        break;
                    }
                }
                if !batch.is_empty() && !send(batch.into_iter().collect()) {
                    return;
                }
            }
        })
        .map_err(|e| e.to_string())?;
    Ok(Watcher { _inner: inner })
}

/// An absolute form of `p` (canonical where it exists).
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_hidden_files_and_the_output_are_ignored() {
        let roots = vec![PathBuf::from("/b/content"), PathBuf::from("/b/themes/x")];
        let out = Path::new("/b/content/public");
        let yes = ["/b/content/sang-kien/A.md", "/b/content/units.yaml", "/b/themes/x/templates/entry.html"];
        for p in yes {
            assert!(relevant(Path::new(p), &roots, out), "{p}");
        }
        let no = [
            "/b/content/sang-kien/.A.md.swp",
            "/b/content/sang-kien/A.md~",
            "/b/content/sang-kien/#A.md#",
            "/b/content/.git/index",
            "/b/content/public/index.html",
            "/b/content/sang-kien/4913",
            "/elsewhere/x.md",
        ];
        for p in no {
            assert!(!relevant(Path::new(p), &roots, out), "{p}");
        }
    }
}
