//! Helpers shared by the integration tests: copies of the sample bank,
//! builds into temporary folders, and a small HTML link scanner.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use sangkien::build::{self, Failure, Options, Quiet};
use sangkien::diagnostics::Report;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample bank.
pub fn sample() -> PathBuf {
    repo().join("content")
}

/// Copies a folder tree (for tests that edit content).
pub fn copy_tree(from: &Path, to: &Path) {
    for item in walkdir::WalkDir::new(from).sort_by_file_name() {
        let item = item.unwrap();
        let rel = item.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if item.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(item.path(), &dest).unwrap();
        }
    }
}

/// A temporary copy of the sample bank, laid out like a bank repository
/// (content/ plus themes/), so tests may edit it.
pub struct Bank {
    pub dir: tempfile::TempDir,
}

impl Bank {
    pub fn copy_of_sample() -> Bank {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&sample(), &dir.path().join("content"));
        copy_tree(&repo().join("themes"), &dir.path().join("themes"));
        Bank { dir }
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }
}

pub fn options(content: &Path, out: &Path) -> Options {
    let mut o = Options::new(content, out);
    o.today = sangkien::content::Date::parse("2026-11-22").unwrap();
    o
}

/// Builds `content` into `out`, panicking with the report on failure.
pub fn build_ok(content: &Path, out: &Path) -> build::Outcome {
    match build::build(&options(content, out), &Quiet) {
        Ok(o) => o,
        Err(build::Failure::Content(r)) => {
            panic!("content errors:\n{}", r.render_human(sangkien::diagnostics::Lang::En))
        }
        Err(build::Failure::Internal(e)) => panic!("build failed: {e}"),
    }
}

/// Every file under `dir`: relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Values of `href`, `src` and `content` (for meta refresh) attributes, with
/// the entities our escaping produces decoded.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(decode(&rest[..end]));
                rest = &rest[end..];
            }
        }
    }
    out
}

pub fn decode(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Resolves a relative link found on the page at `page` (a file path in the
/// output, e.g. `sang-kien/x/index.html`) to an output path, or `None` for
/// external links and pure fragments.
pub fn resolve_link(page: &str, link: &str) -> Option<String> {
    let link = link.split('#').next().unwrap().split('?').next().unwrap();
    if link.is_empty()
        || link.contains("://")
        || link.starts_with("mailto:")
        || link.starts_with("tel:")
        || link.starts_with("data:")
    {
        return None;
    }
    assert!(!link.starts_with('/'), "root-absolute link {link:?} on {page}: links must be relative");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                assert!(parts.pop().is_some(), "link {link:?} on {page} climbs above the site root");
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if link.ends_with('/') || link == "." || link == "./" || link.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// What `sangkien check` reports for `content`, through the library.
pub fn report_of(content: &Path) -> Report {
    match build::check(&options(content, &content.join("../public")), &Quiet) {
        Ok(c) => c.report,
        Err(Failure::Content(r)) => r,
        Err(Failure::Internal(e)) => panic!("internal failure: {e}"),
    }
}

/// Runs the binary in `dir` with English messages: (exit code, stdout, stderr).
pub fn sangkien(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sangkien"))
        .args(args)
        .current_dir(dir)
        .env("SANGKIEN_LANG", "en")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
