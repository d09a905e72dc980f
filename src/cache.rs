//! A content-addressed cache of build products that are slow to make and
//! depend on nothing but their inputs (share images): a rebuild after a
//! commit re-renders only the images whose text changed.
//!
//! The cache lives outside the bank — `$SANGKIEN_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/sangkien`, else `~/.cache/sangkien` — because content
//! arrives through pull requests: a cache folder inside the repository
//! could be committed with a planted image under a predictable key.
//!
//! A key is a 128-bit hash of everything that decides the bytes (the input
//! and sangkien's version), so a hit holds the very bytes a render would
//! give: output is byte-identical with or without the cache. Files are
//! written to a temporary name and renamed, so a killed build never leaves
//! a half-written entry. Nothing is ever evicted; deleting the folder is
//! always safe.

use std::path::{Path, PathBuf};

use crate::output::Staging;

/// Where cached files live, or nowhere (`--no-cache`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// No cache: everything is made afresh.
    pub fn disabled() -> Cache {
        Cache { dir: None }
    }

    /// The cache at `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: Some(dir.into()) }
    }

    /// The user's cache folder (see the module documentation).
    pub fn from_env() -> Cache {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let dir = var("SANGKIEN_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("sangkien")))
            .or_else(|| var("HOME").map(|d| d.join(".cache").join("sangkien")));
        Cache { dir }
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Writes the product of `input` at `rel` in `out`: linked from the
    /// cache when there, else made by `make`, stored, then written.
    /// `kind` names the cache's subfolder and `ext` the files' extension.
    pub fn write_through(
        &self,
        out: &Staging,
        rel: &str,
        (kind, ext): (&str, &str),
        input: &[u8],
        make: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<(), String> {
        let Some(dir) = &self.dir else {
            return out.write(rel, &make()?).map_err(|e| e.to_string());
        };
        let key = key(input);
        let path = dir.join(kind).join(&key[..2]).join(format!("{key}.{ext}"));
        if path.is_file() && out.link(rel, &path).is_ok() {
            return Ok(());
        }
        let bytes = make()?;
        // A cache that cannot be written (read-only home, full disk) only
        // costs speed: the build goes on.
        if store(&path, &bytes).is_ok() && out.link(rel, &path).is_ok() {
            return Ok(());
        }
        out.write(rel, &bytes).map_err(|e| e.to_string())
    }
}

/// FNV-1a, 128 bits, over sangkien's version and `input`: stable across
/// runs and machines; collisions among a bank's images are out of reach.
fn key(input: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for b in env!("CARGO_PKG_VERSION").as_bytes().iter().chain([0u8].iter()).chain(input) {
        h ^= u128::from(*b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

/// Writes `bytes` at `path` through a temporary file and a rename.
fn store(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = path.parent().ok_or_else(|| std::io::Error::other("cache path without a folder"))?;
    std::fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
        std::process::id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_gives_the_stored_bytes_and_a_miss_makes_them_once() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(b"png bytes".to_vec())
        };
        for round in 0..2 {
            let out = Staging::new(&tmp.path().join(format!("public{round}"))).unwrap();
            cache.write_through(&out, "s/A/x.png", ("img", "png"), b"<svg/>", make).unwrap();
            let written = std::fs::read(out.dir().join("s/A/x.png")).unwrap();
            assert_eq!(written, b"png bytes");
            assert_eq!(out.totals(), (1, 9));
        }
        assert_eq!(made.get(), 1, "the second build must hit the cache");
        // A different input is a different key.
        let out = Staging::new(&tmp.path().join("public3")).unwrap();
        cache.write_through(&out, "x.png", ("img", "png"), b"<svg></svg>", make).unwrap();
        assert_eq!(made.get(), 2);
        assert_ne!(key(b"a"), key(b"b"));
        assert_eq!(key(b"a").len(), 32);
    }

    #[test]
    fn without_a_cache_everything_is_made() {
        let tmp = tempfile::tempdir().unwrap();
        let out = Staging::new(&tmp.path().join("public")).unwrap();
        Cache::disabled().write_through(&out, "x.png", ("img", "png"), b"in", || Ok(b"made".to_vec())).unwrap();
        assert_eq!(std::fs::read(out.dir().join("x.png")).unwrap(), b"made");
    }
}
