//! `sangkien fmt`: rewrite a bank's text files so that a commit's diff stays
//! readable — Unicode NFC, LF line endings, no byte-order mark, and in
//! entries the top-level keys in the canonical order of
//! `model::Frontmatter` (the order of docs/content.md).
//!
//! Keys are moved as whole blocks of lines, each with the comment lines just
//! above it; no value is re-serialised, so quoting, flow style and comments
//! stay as the editor wrote them. After reordering, the frontmatter is parsed
//! again and must give the same value; otherwise the order is left alone and
//! the file is reported. Running `fmt` twice changes nothing the second time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::FmtArgs;
use crate::content::model::frontmatter_keys;
use crate::content::{self, frontmatter, ENTRIES_DIR, PAGES_DIR};
use crate::diagnostics::{Lang, Report, Text};
use crate::text;

/// The result of formatting one file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub text: String,
    /// Why the keys were left in their order, when they were not sorted.
    pub kept_order: Option<Text>,
}

/// BOM dropped, CRLF and CR turned into LF, text in NFC.
pub fn normalise(raw: &str) -> String {
    text::nfc(&frontmatter::normalise_source(raw)).into_owned()
}

/// Formats the text of an entry file.
pub fn format_entry(raw: &str) -> Formatted {
    let text = normalise(raw);
    match reorder(&text) {
        Ok(Some(sorted)) => Formatted { text: sorted, kept_order: None },
        Ok(None) => Formatted { text, kept_order: None },
        Err(why) => Formatted { text, kept_order: Some(why) },
    }
}

/// One top-level key with its lines (leading comments included).
struct Block<'a> {
    key: String,
    text: &'a str,
}

/// The keys in canonical order, or `Ok(None)` when they already are.
fn reorder(source: &str) -> Result<Option<String>, Text> {
    let Ok(split) = frontmatter::split(source) else {
        return Err(Text::new("không có phần thông tin `---`", "no `---` frontmatter"));
    };
    let Ok(before) = frontmatter::parse_yaml(split.yaml) else {
        return Err(Text::new(
            "phần thông tin có lỗi cú pháp YAML (xem `sangkien check`)",
            "the frontmatter has a YAML syntax error (see `sangkien check`)",
        ));
    };
    let odd_layout = || {
        Text::new(
            "không nhận ra bố cục các khóa cấp trên cùng; giữ nguyên thứ tự",
            "the top-level keys have an unusual layout; their order was kept",
        )
    };
    let (preamble, blocks) = top_level_blocks(split.yaml).ok_or_else(odd_layout)?;
    let frontmatter::Value::Mapping(map) = &before else {
        return Err(odd_layout());
    };
    if map.len() != blocks.len() || blocks.iter().any(|b| !map.contains_key(b.key.as_str())) {
        return Err(odd_layout());
    }
    let order = frontmatter_keys();
    let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
    let mut sorted: Vec<&Block> = blocks.iter().collect();
    sorted.sort_by_key(|b| rank(&b.key));
    if sorted.iter().zip(&blocks).all(|(a, b)| std::ptr::eq(*a, b)) {
        return Ok(None);
    }
    let mut yaml = String::with_capacity(split.yaml.len() + 1);
    yaml.push_str(preamble);
    for b in &sorted {
        yaml.push_str(b.text);
        if !b.text.ends_with('\n') {
            yaml.push('\n');
        }
    }
    match frontmatter::parse_yaml(&yaml) {
        Ok(after) if after == before => {}
        _ => {
            return Err(Text::new(
                "đổi thứ tự khóa sẽ làm thay đổi nội dung; giữ nguyên thứ tự",
                "reordering the keys would change the content; their order was kept",
            ))
        }
    }
    let mut out = String::with_capacity(source.len() + 1);
    out.push_str(&source[..split.yaml_offset]);
    out.push_str(&yaml);
    out.push_str(&source[split.yaml_offset + split.yaml.len()..]);
    Ok(Some(out))
}

/// Cuts YAML into the text before the first key and one block per top-level
/// key. A block starts at its key's line, or at the comment lines right above
/// it, and runs to the next block. `None` when a line at column 0 is neither
/// a key, a comment, a blank line nor a `-` item.
fn top_level_blocks(yaml: &str) -> Option<(&str, Vec<Block<'_>>)> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in yaml.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let is_comment = |l: &str| l.starts_with('#');
    let mut starts: Vec<(usize, String)> = Vec::new(); // (line index where the block starts, key)
    let mut last_key_line: Option<usize> = None;
    for (i, (_, line)) in lines.iter().enumerate() {
        let first = line.chars().next().unwrap_or('\n');
        if matches!(first, ' ' | '\t' | '\n' | '\r' | '#' | '-') {
            continue;
        }
        let key = top_key(line)?;
        let floor = last_key_line.map_or(0, |k| k + 1);
        let mut start = i;
        while start > floor && is_comment(lines[start - 1].1) {
            start -= 1;
        }
        starts.push((start, key));
        last_key_line = Some(i);
    }
    let first_start = starts.first().map_or(lines.len(), |s| s.0);
    let byte = |line: usize| lines.get(line).map_or(yaml.len(), |l| l.0);
    let preamble = &yaml[..byte(first_start)];
    let blocks = starts
        .iter()
        .enumerate()
        .map(|(n, (start, key))| {
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.0);
            Block { key: key.clone(), text: &yaml[byte(*start)..byte(end)] }
        })
        .collect();
    Some((preamble, blocks))
}

/// The key of a `key: value` line at column 0 (plain or quoted key).
fn top_key(line: &str) -> Option<String> {
    let line = line.trim_end();
    if let Some(q) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let rest = &line[1..];
        let end = rest.find(q)?;
        let after = &rest[end + 1..];
        return (after.starts_with(':')).then(|| rest[..end].to_string());
    }
    let colon = line.find(": ").or_else(|| line.ends_with(':').then(|| line.len() - 1))?;
    let key = &line[..colon];
    (!key.is_empty() && !key.contains(['{', '[', '&', '*', '!', '|', '>'])).then(|| key.to_string())
}

/// Which rewriting a file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Entry,
    Text,
}

/// The files `fmt` looks at: entries, static pages and the YAML files of the
/// content folder, sorted.
fn bank_files(content: &Path, report: &mut Report) -> Vec<(PathBuf, Kind)> {
    let mut files: Vec<(PathBuf, Kind)> = content::discover(content, ENTRIES_DIR, Some("md"), report)
        .into_iter()
        .map(|p| (content.join(p), Kind::Entry))
        .collect();
    files.extend(
        content::discover(content, PAGES_DIR, Some("md"), report).into_iter().map(|p| (content.join(p), Kind::Text)),
    );
    if let Ok(dir) = std::fs::read_dir(content) {
        let mut yaml: Vec<PathBuf> = dir
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        yaml.sort();
        files.extend(yaml.into_iter().map(|p| (p, Kind::Text)));
    }
    files
}

fn kind_of(path: &Path) -> Kind {
    let in_entries = path.components().any(|c| c.as_os_str() == ENTRIES_DIR);
    if in_entries && path.extension().is_some_and(|e| e == "md") {
        Kind::Entry
    } else {
        Kind::Text
    }
}

/// Writes through a temporary file in the same folder, so an interrupted
/// run never leaves half a file.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.sangkien-fmt"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

pub fn run(args: &FmtArgs) -> ExitCode {
    run_to(args, &mut std::io::stdout())
}

/// `check --fix`: formats the bank, naming the changed files on standard
/// error (standard output carries the check's report). Exit code 2 on an
/// I/O failure, else success.
pub fn fix(content: &Path) -> ExitCode {
    let args = FmtArgs { content: content.to_path_buf(), check: false, files: Vec::new() };
    run_to(&args, &mut std::io::stderr())
}

/// Runs `fmt`, listing the changed (or, with `--check`, unformatted) files
/// on `list`, and messages on standard error.
fn run_to(args: &FmtArgs, list: &mut dyn std::io::Write) -> ExitCode {
    let lang = Lang::from_env();
    let mut report = Report::default();
    let files: Vec<(PathBuf, Kind)> = if args.files.is_empty() {
        if !args.content.is_dir() {
            crate::say!("sangkien fmt: content folder not found: {}", args.content.display());
            return ExitCode::from(2);
        }
        bank_files(&args.content, &mut report)
    } else {
        args.files.iter().map(|p| (p.clone(), kind_of(p))).collect()
    };
    let (mut changed, mut failed) = (0usize, false);
    for (path, kind) in &files {
        let raw = match content::read_text(path) {
            Ok(r) => r,
            Err(e) => {
                crate::say!("sangkien fmt: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let f = match kind {
            Kind::Entry => format_entry(&raw),
            Kind::Text => Formatted { text: normalise(&raw), kept_order: None },
        };
        if let Some(why) = &f.kept_order {
            crate::say!("{}: {}", path.display(), why.get(lang));
        }
        if f.text == raw {
            continue;
        }
        changed += 1;
        if !args.check {
            if let Err(e) = write_atomically(path, &f.text) {
                crate::say!("sangkien fmt: cannot write {}: {e}", path.display());
                failed = true;
                continue;
            }
        }
        let _ = writeln!(list, "{}", path.display());
    }
    let summary = match (lang, args.check) {
        (Lang::Vi, true) => format!("{changed} tệp cần định dạng (trong {} tệp)", files.len()),
        (Lang::En, true) => format!("{changed} file(s) need formatting (of {})", files.len()),
        (Lang::Vi, false) => format!("đã định dạng {changed} tệp (trong {} tệp)", files.len()),
        (Lang::En, false) => format!("formatted {changed} file(s) (of {})", files.len()),
    };
    crate::say!("{summary}");
    if failed {
        ExitCode::from(2)
    } else if args.check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_key_blocks_with_their_comments() {
        let src = "---\ntitle: T\n# the id\nid: X-1\nauthors:\n- { name: A }\nzzz: 1\nsummary: >\n  two\n  lines\n---\nbody\n";
        let f = format_entry(src);
        assert_eq!(f.kept_order, None);
        assert_eq!(
            f.text,
            "---\n# the id\nid: X-1\ntitle: T\nsummary: >\n  two\n  lines\nauthors:\n- { name: A }\nzzz: 1\n---\nbody\n"
        );
        assert_eq!(format_entry(&f.text).text, f.text, "idempotent");
    }

    #[test]
    fn normalises_bom_crlf_and_nfc_only() {
        let nfd = "Tie\u{0302}\u{0301}ng";
        let f = format_entry(&format!("\u{feff}---\r\nid: X\r\ntitle: {nfd}\r\n---\r\nb\r\n"));
        assert_eq!(f.text, "---\nid: X\ntitle: Tiếng\n---\nb\n");
    }

    #[test]
    fn keeps_order_when_yaml_is_broken() {
        let src = "---\ntitle: [x\nid: X\n---\n";
        let f = format_entry(src);
        assert_eq!(f.text, src);
        assert!(f.kept_order.is_some());
    }
}
