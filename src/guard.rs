//! Panics in per-entry work become internal errors that name the entry.
//!
//! Entries are read, their Markdown rendered and their pages written on
//! rayon's threads. A panic there is a bug of ours, never the editor's, but
//! the editor is the one who meets it, so [`guarded`] catches it and says
//! which file was being processed and at which stage: the bug can be reported
//! with the file that triggers it, and the file set aside meanwhile. The build
//! turns the error into exit code 2; the staging folder is dropped on the way
//! out, so nothing half-written is published.
//!
//! The binary installs [`install_hook`], which keeps a caught panic quiet
//! (its location becomes part of the internal error, printed once) and leaves
//! any other panic to Rust's default hook.
//!
//! Test hook: `SANGKIEN_TEST_PANIC_ON=<name>[@<stage>]` makes [`guarded`]
//! panic while processing the entry file whose name without `.md` is `<name>`
//! (its id, in a tidy bank), at every stage or only at `<stage>` (`read`,
//! `markdown`, `page`, `press`). It exists so the tests can prove the above
//! with the real binary; it is read here and nowhere else.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The per-entry stages that run guarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking the entry file (frontmatter, model).
    Read,
    /// Rendering its Markdown body.
    Markdown,
    /// Rendering its page and redirects.
    Page,
    /// Writing its press files (citations, embed card, share image).
    Press,
}

impl Stage {
    /// The name used by the test hook.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Markdown => "markdown",
            Stage::Page => "page",
            Stage::Press => "press",
        }
    }

    fn doing(self) -> &'static str {
        match self {
            Stage::Read => "reading",
            Stage::Markdown => "rendering the Markdown of",
            Stage::Page => "rendering the page of",
            Stage::Press => "writing the press files of",
        }
    }
}

/// A panic caught while processing one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalError {
    /// The entry file, relative to the content folder.
    pub file: PathBuf,
    pub stage: Stage,
    /// The panic's message, and where it happened when the hook saw it.
    pub message: String,
}

impl fmt::Display for InternalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "internal error while {} {}: {} (this is a bug in sangkien, not a problem of the content: \
             please report it with this file)",
            self.stage.doing(),
            crate::diagnostics::slash_path(&self.file),
            self.message
        )
    }
}

/// Several internal errors, one per line, in the order given.
pub fn describe(errors: &[InternalError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

thread_local! {
    /// How many [`guarded`] calls are running on this thread.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Where the last caught panic happened (set by the hook).
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f` for the entry file `file` at `stage`; a panic inside becomes an
/// [`InternalError`] naming the file.
pub fn guarded<T>(stage: Stage, file: &Path, f: impl FnOnce() -> T) -> Result<T, InternalError> {
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(|| {
        test_hook(stage, file);
        f()
    }));
    DEPTH.with(|d| d.set(d.get() - 1));
    result.map_err(|payload| {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let message = match LOCATION.with(|l| l.borrow_mut().take()) {
            Some(at) => format!("{text} (at {at})"),
            None => text,
        };
        InternalError { file: file.to_path_buf(), stage, message }
    })
}

/// Installs a panic hook that keeps panics caught by [`guarded`] quiet
/// (their location goes into the internal error) and hands every other
/// panic to the hook that was installed before.
pub fn install_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if DEPTH.with(Cell::get) > 0 {
            let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
            LOCATION.with(|l| *l.borrow_mut() = at);
        } else {
            previous(info);
        }
    }));
}

/// The variable of the test hook (see the module documentation).
pub const TEST_HOOK_VAR: &str = "SANGKIEN_TEST_PANIC_ON";

fn test_hook(stage: Stage, file: &Path) {
    static HOOK: OnceLock<Option<(String, Option<String>)>> = OnceLock::new();
    let hook = HOOK.get_or_init(|| {
        let v = std::env::var(TEST_HOOK_VAR).ok().filter(|v| !v.is_empty())?;
        Some(match v.split_once('@') {
            Some((name, at)) => (name.to_string(), Some(at.to_string())),
            None => (v, None),
        })
    });
    if let Some((name, at)) = hook {
        let named = file.file_stem().is_some_and(|s| s == name.as_str());
        if named && at.as_deref().is_none_or(|a| a == stage.key()) {
            panic!("panic requested by {TEST_HOOK_VAR}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_the_file_and_stage() {
        let file = Path::new("sang-kien/CB-2025-0001.md");
        assert_eq!(guarded(Stage::Page, file, || 7), Ok(7));
        let v: Vec<u8> = Vec::new();
        let err = guarded(Stage::Markdown, file, || v[3]).unwrap_err();
        assert_eq!(err.file, file);
        assert_eq!(err.stage, Stage::Markdown);
        assert!(err.message.contains("index out of bounds"), "{}", err.message);
        let text = err.to_string();
        assert!(text.contains("rendering the Markdown of sang-kien/CB-2025-0001.md"), "{text}");
        let err = guarded(Stage::Read, file, || -> () { panic!("owned {}", 1) }).unwrap_err();
        assert!(err.message.starts_with("owned 1"), "{}", err.message);
        assert_eq!(DEPTH.with(Cell::get), 0, "the depth is restored after a panic");
    }
}
