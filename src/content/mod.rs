//! Loading a bank from its content folder: discover files (sorted, so every
//! run sees the same order), read vocabularies and entries in parallel, and
//! collect every problem into one [`Report`].

pub mod checks;
pub mod entry;
pub mod frontmatter;
pub mod media;
pub mod model;
pub mod pages;
pub mod vocab;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Report, Text};
use crate::guard::{guarded, InternalError, Stage};
use crate::markdown::{self, LinkResolver, Rendered};
pub use model::{Date, Entry};
pub use pages::StaticPage;
pub use vocab::Vocab;

/// Entry files live here, relative to the content folder.
pub const ENTRIES_DIR: &str = "sang-kien";
pub const PAGES_DIR: &str = "trang";
pub const MEDIA_DIR: &str = "media";

/// Everything read from a content folder, before cross-checks.
#[derive(Debug, Default)]
pub struct Loaded {
    pub vocab: Vocab,
    pub entries: Vec<Entry>,
    pub pages: Vec<StaticPage>,
    pub media: Vec<PathBuf>,
}

/// Lists the files under `dir` (relative to `content`) with the given
/// extension, sorted by path. Symbolic links are not followed: content must
/// not reach outside the content folder.
pub fn discover(content: &Path, dir: &str, ext: Option<&str>, report: &mut Report) -> Vec<PathBuf> {
    let root = content.join(dir);
    if !root.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in walkdir::WalkDir::new(&root).follow_links(false).sort_by_file_name() {
        let item = match item {
            Ok(i) => i,
            Err(e) => {
                report.push(Diagnostic::error(
                    "io",
                    dir,
                    Text::new(format!("không đọc được thư mục: {e}"), format!("cannot read the folder: {e}")),
                ));
                continue;
            }
        };
        let rel = match item.path().strip_prefix(content) {
            Ok(r) => r.to_path_buf(),
            Err(_) => continue,
        };
        let name = item.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if item.path_is_symlink() {
            report.push(Diagnostic::warning(
                "symlink-skipped",
                rel,
                Text::new(
                    "bỏ qua liên kết tượng trưng: nội dung phải nằm trong thư mục ngân hàng",
                    "symbolic link skipped: content must live inside the bank's folder",
                ),
            ));
            continue;
        }
        if !item.file_type().is_file() {
            continue;
        }
        match ext {
            Some(ext) if item.path().extension().and_then(|e| e.to_str()) != Some(ext) => {
                if dir == ENTRIES_DIR {
                    report.push(Diagnostic::warning(
                        "not-an-entry",
                        rel,
                        Text::new(
                            "bỏ qua tệp không phải .md trong thư mục sáng kiến",
                            "skipped a file that is not .md in the entries folder",
                        ),
                    ));
                }
            }
            _ => out.push(rel),
        }
    }
    out
}

/// Threads that read and parse entry files (see `load`).
const READERS: usize = 8;

/// Reads the whole content folder. Entries that fail to parse are left out
/// and their problems reported; the caller decides whether to go on.
///
/// A panic while reading an entry (a bug of ours) is an `Err` naming the
/// entry file, one per file that panicked, in path order.
pub fn load(content: &Path, today: Date, report: &mut Report) -> Result<Loaded, Vec<InternalError>> {
    let vocab = vocab::load(content, report);
    let files = discover(content, ENTRIES_DIR, Some("md"), report);
    /// One file's outcome: a panic (a bug), or the file read and parsed.
    type Outcome = Result<Result<entry::Parsed, ReadError>, InternalError>;
    let read_all = || -> Vec<(PathBuf, Outcome)> {
        files
            .into_par_iter()
            .map(|rel| {
                let parsed = guarded(Stage::Read, &rel, || {
                    read_text(&content.join(&rel)).map(|raw| entry::parse_entry(&rel, &raw, today))
                });
                (rel, parsed)
            })
            .collect()
    };
    // A bank that is not in the page cache (after a reboot, or larger than
    // the cache) is read file by file from the disk: with more readers than
    // cores, some parse while others wait on the disk.
    let results = match rayon::ThreadPoolBuilder::new().num_threads(READERS).build() {
        Ok(readers) => readers.install(read_all),
        Err(_) => read_all(),
    };
    let mut entries = Vec::with_capacity(results.len());
    let mut panics = Vec::new();
    for (rel, parsed) in results {
        let parsed = match parsed {
            Ok(p) => p,
            Err(e) => {
                panics.push(e);
                continue;
            }
        };
        match parsed {
            Ok(p) => {
                if let Some(src) = p.source {
                    report.extend_with_source(p.diagnostics, &rel, src);
                } else {
                    report.diagnostics.extend(p.diagnostics);
                }
                entries.extend(p.entry);
            }
            Err(e) => report.push(read_error(&rel, &e)),
        }
    }
    let pages = pages::load(content, report);
    let media = discover(content, MEDIA_DIR, None, report);
    media::check(content, &media, report);
    if !panics.is_empty() {
        return Err(panics);
    }
    Ok(Loaded { vocab, entries, pages, media })
}

/// Why a content file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than any entry should be; not read at all (bounded memory).
    TooLarge(u64),
    /// Contains NUL bytes: an image or document saved with the wrong name.
    Binary,
    NotUtf8,
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge(n) => {
                write!(f, "file is {n} bytes; an entry may have at most {}", frontmatter::MAX_FILE_BYTES)
            }
            ReadError::Binary => f.write_str("binary file (contains NUL bytes)"),
            ReadError::NotUtf8 => f.write_str("not UTF-8 text"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads a text file, refusing files too large to be an entry and files
/// that are not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.len() > frontmatter::MAX_FILE_BYTES as u64 {
        return Err(ReadError::TooLarge(meta.len()));
    }
    decode_text(std::fs::read(path).map_err(ReadError::Io)?)
}

/// The checks of [`read_text`] on bytes already read: size, NUL bytes, UTF-8.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() > frontmatter::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// What [`front_door`] made of one entry file.
pub struct FrontDoor {
    /// The loader's outcome: the file refused as text, or parsed.
    pub parsed: Result<entry::Parsed, ReadError>,
    /// The rendered body: of the entry when it parsed, else of whatever
    /// follows the frontmatter when the file splits at all.
    pub body: Option<Rendered>,
}

/// One entry file's bytes through the loader's front door — the checks of
/// [`read_text`], [`entry::parse_entry`] (normalise, split, YAML with its
/// limits, model checks) — and then the Markdown stage. Used by the fuzzer
/// (`fuzz/fuzz_targets/front_door.rs`), so that it exercises exactly the
/// code a hostile pull request reaches. Unlike the build, it also renders
/// the body of a file whose frontmatter is refused, to reach the Markdown
/// renderer from any input.
pub fn front_door(rel: &Path, bytes: &[u8], today: Date, resolver: &dyn LinkResolver) -> FrontDoor {
    let parsed = decode_text(bytes.to_vec()).map(|raw| entry::parse_entry(rel, &raw, today));
    let body = match &parsed {
        Ok(entry::Parsed { entry: Some(e), .. }) => Some(markdown::render(&e.body, "../../", resolver)),
        Ok(_) => {
            let text = String::from_utf8_lossy(bytes);
            let source = frontmatter::normalise_source(&text);
            frontmatter::split(&source).ok().map(|s| markdown::render(s.body, "../../", resolver))
        }
        Err(_) => None,
    };
    FrontDoor { parsed, body }
}

pub fn read_error(rel: &Path, e: &ReadError) -> Diagnostic {
    let (code, vi) = match e {
        ReadError::TooLarge(n) => {
            ("too-large", format!("tệp quá lớn ({n} byte); một sáng kiến tối đa {} byte", frontmatter::MAX_FILE_BYTES))
        }
        ReadError::Binary => (
            "binary-file",
            "tệp nhị phân (ảnh, tài liệu…) không phải bài Markdown; hãy đặt nó trong media/".to_string(),
        ),
        ReadError::NotUtf8 => ("not-utf8", "tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8".to_string()),
        ReadError::Io(err) => ("unreadable", format!("không đọc được tệp: {err}")),
    };
    Diagnostic::error(code, rel, Text::new(vi, format!("cannot read the file: {e}")))
}
