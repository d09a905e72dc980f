//! The only module that writes the site. A build writes into a staging
//! folder beside the output; only when everything succeeded is the staging
//! folder swapped in, atomically where the OS allows (Linux
//! `renameat2(RENAME_EXCHANGE)`), so a failed or killed build leaves the
//! previous site as it was.
//!
//! Every path written is relative and made of plain components: content
//! can never make sangkien write outside the output folder.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A folder being filled with a new site.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    bytes: AtomicU64,
    files: AtomicU64,
}

/// Creates the file at `path` (`rel` in the site), which must not exist yet:
/// two pages wanting the same file is a bug of the site, reported by name.
fn create_new(path: &Path, rel: &Path) -> std::io::Result<std::fs::File> {
    with_folders(path, || std::fs::OpenOptions::new().write(true).create_new(true).open(path)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            twice(rel, e)
        } else {
            e
        }
    })
}

/// Runs `make`, which puts something at `path`; if `path`'s folder does not
/// exist yet, creates it and runs `make` again. Most files go into a folder
/// made for an earlier one, so trying first spares the two system calls of
/// `create_dir_all` (mkdir, then stat) on each of a site's hundred thousand files.
fn with_folders<T>(path: &Path, mut make: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    match make() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            make()
        }
        done => done,
    }
}

fn twice(rel: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("two pages want the same output file: {}", rel.display()))
}

/// `rel` as a path inside the site, or an `InvalidInput` error saying why not.
fn checked(rel: &str) -> std::io::Result<&Path> {
    safe_relative(rel).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
}

/// The staging folder's name for output `out` (a sibling, same file system).
fn staging_name(target: &Path, tag: &str) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.sangkien-{tag}-{}", std::process::id()))
}

/// Checks that `rel` is a plain relative path (no `..`, root, or prefix).
pub fn safe_relative(rel: &str) -> Result<&Path, String> {
    let p = Path::new(rel);
    if rel.is_empty()
        || rel.chars().any(|c| c.is_control() || c == '\\')
        || !p.components().all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(format!("refusing to write outside the output folder: {rel:?}"));
    }
    Ok(p)
}

impl Staging {
    /// Creates an empty staging folder for output folder `target`, removing
    /// what earlier killed builds left behind.
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let target = if target.is_absolute() { target.to_path_buf() } else { std::env::current_dir()?.join(target) };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
            remove_leftovers(&target);
        }
        let dir = staging_name(&target, "new");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir, target, bytes: AtomicU64::new(0), files: AtomicU64::new(0) })
    }

    /// A staging folder for a few pages that replace files of the existing
    /// output folder one by one ([`Staging::apply`]), for `serve`'s
    /// incremental rebuilds: each file is swapped in atomically.
    pub fn patch(target: &Path) -> std::io::Result<Staging> {
        let target = if target.is_absolute() { target.to_path_buf() } else { std::env::current_dir()?.join(target) };
        let dir = staging_name(&target, "patch");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir, target, bytes: AtomicU64::new(0), files: AtomicU64::new(0) })
    }

    /// Moves every file of a patch into the output folder, each by an atomic
    /// rename over the old one; returns the paths written (sorted).
    pub fn apply(self) -> std::io::Result<Vec<String>> {
        let mut written = Vec::new();
        for item in walkdir::WalkDir::new(&self.dir).sort_by_file_name() {
            let item = item.map_err(std::io::Error::other)?;
            if !item.file_type().is_file() {
                continue;
            }
            let rel = item.path().strip_prefix(&self.dir).map_err(std::io::Error::other)?;
            let dest = self.target.join(rel);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::rename(item.path(), &dest)?;
            written.push(crate::diagnostics::slash_path(rel));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        Ok(written)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file at `rel` (slash-separated, relative to the site root).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let rel = checked(rel)?;
        let mut f = create_new(&self.dir.join(rel), rel)?;
        f.write_all(bytes)?;
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Writes one file at `rel` piece by piece through `fill`, for files too
    /// large to hold whole in memory (the open data of a large bank).
    pub fn write_streamed(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let rel = checked(rel)?;
        let file = create_new(&self.dir.join(rel), rel)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        fill(&mut out)?;
        out.flush()?;
        let len = out.get_ref().metadata()?.len();
        self.bytes.fetch_add(len, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Puts the file at `src` (outside the staging folder, never changed in
    /// place afterwards: the build cache) at `rel`: a hard link where the
    /// file system allows, else a copy.
    pub fn link(&self, rel: &str, src: &Path) -> std::io::Result<()> {
        let rel = checked(rel)?;
        let path = self.dir.join(rel);
        let len = match with_folders(&path, || std::fs::hard_link(src, &path)) {
            Ok(()) => std::fs::metadata(&path)?.len(),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(twice(rel, e)),
            Err(_) => {
                let bytes = std::fs::read(src)?;
                return self.write(&crate::diagnostics::slash_path(rel), &bytes);
            }
        };
        self.bytes.fetch_add(len, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// (files, bytes) written so far.
    pub fn totals(&self) -> (u64, u64) {
        (self.files.load(Ordering::Relaxed), self.bytes.load(Ordering::Relaxed))
    }

    /// Swaps the finished site in place of the output folder.
    pub fn commit(self) -> std::io::Result<()> {
        let old = staging_name(&self.target, "old");
        if self.target.exists() {
            if exchange(&self.dir, &self.target).is_ok() {
                // The staging name now holds the previous site: it goes
                // in the background (dropping `self` finds it gone).
                remove_soon(&self.dir, &self.target);
                return Ok(());
            }
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            // Put the previous site back rather than leave no site at all.
            let _ = std::fs::rename(&old, &self.target);
            return Err(e);
        }
        remove_soon(&old, &self.target);
        Ok(())
    }

    /// Drops the staging folder (after a failed build).
    pub fn abandon(self) {
        drop(self);
    }
}

impl Drop for Staging {
    /// A staging folder never outlives its build: dropped without a commit
    /// (an error returned, or a panic unwinding through the build), it is
    /// removed. After a commit its name is gone or holds the previous site.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Removes the previous site `dir` of output `target` without making the
/// build wait: deleting a large bank's hundreds of thousands of files took
/// longer than building them on a busy disk. The folder is renamed to a
/// unique name and handed to a detached `rm -rf`, which outlives `sangkien
/// build`; a thread reaps it in `serve`. If `rm` cannot start, the folder
/// is removed here. A removal cut short is finished by the next build
/// (see [`remove_leftovers`]: the name ends with this process's id).
fn remove_soon(dir: &Path, target: &Path) {
    static TRASHED: AtomicU64 = AtomicU64::new(0);
    let trash = staging_name(target, &format!("trash{}", TRASHED.fetch_add(1, Ordering::Relaxed)));
    let dir = if std::fs::rename(dir, &trash).is_ok() { trash } else { dir.to_path_buf() };
    spawn_rm(dir);
}

/// Starts `rm -rf dir` detached (see [`remove_soon`]), or removes `dir`
/// here when `rm` cannot start.
fn spawn_rm(dir: PathBuf) {
    let rm = std::process::Command::new("rm")
        .arg("-rf")
        .arg("--")
        .arg(&dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match rm {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(_) => {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// Atomically exchanges two paths (Linux); an error elsewhere.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both strings are valid NUL-terminated paths for the call's duration.
    let rc =
        unsafe { libc::renameat2(libc::AT_FDCWD, ca.as_ptr(), libc::AT_FDCWD, cb.as_ptr(), libc::RENAME_EXCHANGE) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "no atomic exchange"))
}

/// Removes staging folders of builds that were killed (their process is gone).
fn remove_leftovers(target: &Path) {
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let prefix = format!(".{}.sangkien-", name.to_string_lossy());
    let Ok(items) = std::fs::read_dir(parent) else {
        return;
    };
    for item in items.flatten() {
        let file_name = item.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid: Option<u32> = rest.rsplit('-').next().and_then(|p| p.parse().ok());
        let alive = pid.is_some_and(|p| p == std::process::id() || Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            spawn_rm(item.path());
        }
    }
}

/// A short content hash for fingerprinted asset names (FNV-1a, 64 bits):
/// stable across runs and machines, which is all cache busting needs.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:016x}", h)[..10].to_string()
}

/// `style.css` + hash → `style.<hash>.css`.
pub fn fingerprinted_name(name: &str, bytes: &[u8]) -> String {
    let hash = fingerprint(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_escape() {
        for bad in ["../x", "/etc/passwd", "a/../../b", "", "a\\b", "a\u{0}b"] {
            assert!(safe_relative(bad).is_err(), "{bad:?}");
        }
        assert!(safe_relative("sang-kien/a/index.html").is_ok());
    }

    #[test]
    fn commit_swaps_and_abandon_keeps_previous() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::new(&out).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"one");
        let s = Staging::new(&out).unwrap();
        s.write("index.html", b"two").unwrap();
        s.abandon();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"one");
        let s = Staging::new(&out).unwrap();
        s.write("index.html", b"three").unwrap();
        assert!(s.write("index.html", b"again").is_err(), "a second write to one path is a collision");
        s.commit().unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"three");
        // The previous site is removed in the background: wait for it.
        let names = || -> Vec<_> { std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect() };
        for _ in 0..100 {
            if names().len() == 1 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(names(), vec![std::ffi::OsString::from("public")], "no staging folders left");
    }

    #[test]
    fn a_patch_replaces_single_files_and_keeps_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let s = Staging::new(&out).unwrap();
        s.write("a/index.html", b"old a").unwrap();
        s.write("b/index.html", b"old b").unwrap();
        s.commit().unwrap();
        let p = Staging::patch(&out).unwrap();
        p.write("a/index.html", b"new a").unwrap();
        assert_eq!(p.apply().unwrap(), vec!["a/index.html".to_string()]);
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"new a");
        assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"old b");
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no patch folder left: {names:?}");
    }

    #[test]
    fn files_get_their_folders_and_a_second_writer_of_a_file_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tmp.path().join("cache.png");
        std::fs::write(&cache, b"png").unwrap();
        let s = Staging::new(&tmp.path().join("public")).unwrap();
        s.write("s/ID-1/index.html", b"one").unwrap();
        s.write("s/ID-1/trich-dan.bib", b"two").unwrap();
        s.write_streamed("data/deep/er/sang-kien.csv", |w| w.write_all(b"three")).unwrap();
        s.link("s/ID-2/anh.png", &cache).unwrap();
        s.link("s/ID-1/anh.png", &cache).unwrap();
        assert_eq!(std::fs::read(s.dir().join("s/ID-1/trich-dan.bib")).unwrap(), b"two");
        assert_eq!(std::fs::read(s.dir().join("data/deep/er/sang-kien.csv")).unwrap(), b"three");
        assert_eq!(std::fs::read(s.dir().join("s/ID-2/anh.png")).unwrap(), b"png");
        assert_eq!(s.totals(), (5, 17));
        for e in [
            s.write("s/ID-1/index.html", b"again").unwrap_err(),
            s.write_streamed("s/ID-1/trich-dan.bib", |w| w.write_all(b"again")).unwrap_err(),
            s.link("s/ID-2/anh.png", &cache).unwrap_err(),
        ] {
            assert!(e.to_string().starts_with("two pages want the same output file: s/ID-"), "{e}");
        }
        assert_eq!(std::fs::read(s.dir().join("s/ID-1/index.html")).unwrap(), b"one");
    }
}
