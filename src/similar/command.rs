//! `sangkien similar`: the novelty check of new or changed entries, for a council secretary
//! before a recognition meeting and for a bank's CI; and the same findings as `check`
//! warnings.
//!
//! Which entries are checked: by default those that differ from `main` (committed on a
//! branch or not yet committed, untracked files included; see [`crate::git::changed_since`]),
//! or since `--since REV`, or the files named with `--files` — files outside the bank too, a
//! draft can be checked before it is filed. Each is compared with *every* entry of the bank
//! (one linear pass, [`copies::scan`]); pairs whose overlap reaches the list threshold are
//! printed with their overlapping passages side by side, and any pair at the copy threshold
//! makes the exit status 1. `--all` checks every entry against its closest models instead
//! (the council report's pairs).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::copies::{self, Overlap, Passage, Shingles};
use super::text::{Doc, Part, Reader};
use super::{analyse, Need, Similar, Thresholds};
use crate::build::{self, Checked, Failure, Options, Quiet};
use crate::content::{self, frontmatter, Entry};
use crate::diagnostics::{slash_path, Diagnostic, Lang, Report, Text};
use crate::markdown::{self, Rendered};

/// Passages printed per pair in the human format (JSON has all).
const HUMAN_PASSAGES: usize = 4;
/// Pairs listed per checked entry, and in all: the highest overlaps. Every pair counts for
/// the exit status and the totals; a bank of templated entries can have thousands.
pub const LIST_PER_ENTRY: usize = 10;
pub const LIST_TOTAL: usize = 1000;

/// Which entries to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Changed since this revision, or since `main` when `None`.
    Since(Option<String>),
    /// These files.
    Files(Vec<PathBuf>),
    /// Every entry, against its closest models.
    All,
}

/// One checked entry: in the bank (`index`) or a file outside it.
pub struct Query {
    pub index: Option<usize>,
    /// The path shown to the user.
    pub file: PathBuf,
    /// A file outside the bank, read.
    outside: Option<Box<(Entry, Rendered)>>,
}

impl Query {
    pub fn entry<'a>(&'a self, c: &'a Checked) -> &'a Entry {
        match (&self.outside, self.index) {
            (Some(o), _) => &o.0,
            (None, Some(i)) => &c.lib.entries[i],
            (None, None) => unreachable!("a query is in the bank or read from its file"),
        }
    }

    pub fn body<'a>(&'a self, c: &'a Checked) -> &'a Rendered {
        match (&self.outside, self.index) {
            (Some(o), _) => &o.1,
            (None, Some(i)) => &c.bodies[i],
            (None, None) => unreachable!("a query is in the bank or read from its file"),
        }
    }
}

/// A sentence quoted from an entry.
#[derive(Debug, Clone)]
pub struct Quote {
    pub part: Part,
    pub text: String,
}

/// Two overlapping sentences, side by side.
#[derive(Debug, Clone)]
pub struct Quoted {
    pub a: Quote,
    pub b: Quote,
    /// Share of the first sentence's shingles found in the second.
    pub overlap: f32,
}

/// A pair found: a checked entry and another entry of the bank.
pub struct Found {
    pub query: usize,
    pub other: usize,
    pub overlap: Overlap,
    pub passages: Vec<Quoted>,
}

/// The outcome of a check.
pub struct Findings {
    /// The revision compared with, when the scope came from git.
    pub base: Option<String>,
    pub thresholds: Thresholds,
    pub queries: Vec<Query>,
    /// The pairs listed (see [`LIST_PER_ENTRY`], [`LIST_TOTAL`]), by checked entry, highest
    /// overlap first.
    pub found: Vec<Found>,
    /// All pairs at the list threshold, listed or not.
    pub pairs: usize,
    /// All pairs at the copy threshold, listed or not.
    pub copies: usize,
}

impl Findings {
    pub fn copies(&self) -> usize {
        self.copies
    }

    /// Pairs at the list threshold that are not listed.
    pub fn unlisted(&self) -> usize {
        self.pairs - self.found.len()
    }
}

/// Why no check could be made.
pub enum Stop {
    /// A usage problem or an internal failure: exit 2, with this message.
    Usage(Text),
    /// The content (or a named file) has errors: exit 1.
    Content(Report),
}

/// The path of a bank file as the user sees it (under the `--content` folder given).
fn shown_path(content: &Path, rel: &Path) -> PathBuf {
    content.join(rel)
}

/// Reads one file named with `--files` that is not an entry of the bank.
fn outside_entry(path: &Path, today: content::Date) -> Result<(Entry, Rendered), Stop> {
    let raw = content::read_text(path).map_err(|e| {
        Stop::Usage(Text::new(
            format!("không đọc được {}: {e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    let parsed = content::entry::parse_entry(path, &raw, today);
    let has_errors = parsed.diagnostics.iter().any(|d| d.severity == crate::diagnostics::Severity::Error);
    match parsed.entry {
        Some(e) if !has_errors => {
            // Links are not checked here (`check` does): any internal link resolves.
            let body = markdown::render(&e.body, "", &|p: &str| Some(p.trim_start_matches('/').to_string()));
            Ok((e, body))
        }
        _ => {
            let mut report = Report::default();
            match parsed.source {
                Some(src) => report.extend_with_source(parsed.diagnostics, path, src),
                None => report.diagnostics.extend(parsed.diagnostics),
            }
            report.sort();
            Err(Stop::Content(report))
        }
    }
}

/// The entries to check for `scope`, and the revision compared with.
fn queries(
    c: &Checked,
    content: &Path,
    scope: &Scope,
    today: content::Date,
) -> Result<(Vec<Query>, Option<String>), Stop> {
    let lib = &c.lib;
    let in_bank = |i: usize| Query { index: Some(i), file: shown_path(content, &lib.entries[i].source), outside: None };
    match scope {
        Scope::All => Ok(((0..lib.entries.len()).map(in_bank).collect(), None)),
        Scope::Since(rev) => {
            let (base, files) = match crate::git::changed_since(content, rev.as_deref()) {
                Ok(Some(found)) => found,
                Ok(None) => {
                    return Err(Stop::Usage(Text::new(
                        "không tìm thấy nhánh `main` để so sánh (thư mục nội dung không nằm trong kho git, hoặc kho chưa có nhánh main): hãy dùng --since REV, --files TỆP… hoặc --all",
                        "no `main` branch to compare with (the content folder is not in a git repository, or it has no main branch): use --since REV, --files FILE… or --all",
                    )))
                }
                Err(e) => return Err(Stop::Usage(Text::new(format!("git: {e}"), format!("git: {e}")))),
            };
            let by_source: std::collections::HashMap<&Path, usize> =
                lib.entries.iter().enumerate().map(|(i, e)| (e.source.as_path(), i)).collect();
            let qs = files.iter().filter_map(|f| by_source.get(f.as_path()).copied()).map(in_bank).collect();
            Ok((qs, Some(base)))
        }
        Scope::Files(files) => {
            let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
            let known: Vec<PathBuf> = lib.entries.iter().map(|e| canon(&content.join(&e.source))).collect();
            let mut qs = Vec::new();
            for f in files {
                if !f.is_file() {
                    return Err(Stop::Usage(Text::new(
                        format!("không có tệp {}", f.display()),
                        format!("no such file: {}", f.display()),
                    )));
                }
                let path = canon(f);
                match known.iter().position(|k| *k == path) {
                    Some(i) => qs.push(Query { file: f.clone(), ..in_bank(i) }),
                    None => {
                        let (entry, body) = outside_entry(f, today)?;
                        qs.push(Query { index: None, file: f.clone(), outside: Some(Box::new((entry, body))) });
                    }
                }
            }
            Ok((qs, None))
        }
    }
}

/// Runs the check of `scope` on a checked bank.
pub fn find(
    c: &Checked,
    content: &Path,
    scope: &Scope,
    thresholds: Thresholds,
    today: content::Date,
) -> Result<Findings, Stop> {
    let (queries, base) = queries(c, content, scope, today)?;
    if queries.is_empty() {
        // Nothing changed: nothing to read (`check` on main costs nothing).
        return Ok(Findings { base, thresholds, queries, found: Vec::new(), pairs: 0, copies: 0 });
    }
    let lib = &c.lib;
    let min_shared = copies::MIN_SHARED;
    let mut pairs: Vec<(usize, usize, Overlap)> = Vec::new();
    if *scope == Scope::All {
        let a = analyse(lib, &c.bodies, Need { vectors: true, shingles: true });
        let all = Similar::from_analysed(lib, &a, Thresholds { copy: thresholds.list, ..thresholds });
        pairs.extend(all.copies.iter().map(|p| (p.a, p.b, p.overlap)));
    } else {
        let bank = analyse(lib, &c.bodies, Need { vectors: false, shingles: true }).shingles;
        let mut reader = Reader::default();
        let outside: Vec<Option<Shingles>> = queries
            .iter()
            .map(|q| q.index.is_none().then(|| Shingles::of_doc(&Doc::read(&mut reader, q.entry(c), q.body(c)))))
            .collect();
        let sets: Vec<&Shingles> = queries
            .iter()
            .zip(&outside)
            .map(|(q, o)| o.as_ref().unwrap_or_else(|| &bank[q.index.unwrap_or(0)]))
            .collect();
        let skip: Vec<Option<usize>> = queries.iter().map(|q| q.index).collect();
        // Bank entry → the first query that is it.
        let mut query_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for (k, q) in queries.iter().enumerate() {
            if let Some(i) = q.index {
                query_of.entry(i).or_insert(k);
            }
        }
        for (q, found) in copies::scan(&sets, &skip, &bank).into_iter().enumerate() {
            for (other, o) in found {
                if o.score < thresholds.list || o.shared < min_shared {
                    continue;
                }
                // A pair of two checked entries is listed once, under the first.
                if query_of.get(&other).is_some_and(|&k| k < q) {
                    continue;
                }
                pairs.push((q, other, o));
            }
        }
    }
    let total = pairs.len();
    let copies = pairs.iter().filter(|p| p.2.is_copy(thresholds.copy)).count();
    // The listed pairs: the best per checked entry, then the best of those overall.
    pairs.sort_by(|x, y| x.0.cmp(&y.0).then(y.2.score.total_cmp(&x.2.score)).then(x.1.cmp(&y.1)));
    let mut listed: Vec<(usize, usize, Overlap)> = Vec::new();
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        listed.extend(group.iter().take(LIST_PER_ENTRY));
    }
    if listed.len() > LIST_TOTAL {
        listed.sort_by(|x, y| y.2.score.total_cmp(&x.2.score).then((x.0, x.1).cmp(&(y.0, y.1))));
        listed.truncate(LIST_TOTAL);
        listed.sort_by(|x, y| x.0.cmp(&y.0).then(y.2.score.total_cmp(&x.2.score)).then(x.1.cmp(&y.1)));
    }
    // Each checked entry is read once, each other entry once per pair.
    let groups: Vec<&[(usize, usize, Overlap)]> = listed.chunk_by(|x, y| x.0 == y.0).collect();
    let found: Vec<Found> = groups
        .into_par_iter()
        .map_init(Reader::default, |reader, group| {
            let q = group[0].0;
            let a = Doc::read(reader, queries[q].entry(c), queries[q].body(c));
            group
                .iter()
                .map(|&(q, other, overlap)| {
                    let b = Doc::read(reader, &lib.entries[other], &c.bodies[other]);
                    let quote = |d: &Doc, k: usize| Quote {
                        part: d.sentences[k].part,
                        text: d.quote(&d.sentences[k]).to_string(),
                    };
                    let passages = copies::passages(&a, &b)
                        .into_iter()
                        .map(|p: Passage| Quoted { a: quote(&a, p.a), b: quote(&b, p.b), overlap: p.overlap })
                        .collect();
                    Found { query: q, other, overlap, passages }
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    Ok(Findings { base, thresholds, queries, found, pairs: total, copies })
}

// ---- Locating quotes in files -----------------------------------------------------------------

/// A file's lines, to find the line of a quoted sentence.
struct Located {
    lines: Vec<String>,
    /// The line (0-based) where the body starts.
    body_line: usize,
}

impl Located {
    fn read(path: &Path, body_offset: usize) -> Option<Located> {
        let raw = content::read_text(path).ok()?;
        let source = frontmatter::normalise_source(&raw);
        let body_line = source.get(..body_offset.min(source.len())).map_or(0, |b| b.matches('\n').count());
        Some(Located { lines: source.lines().map(str::to_string).collect(), body_line })
    }

    /// The 1-based line of a sentence: for frontmatter text the line of its key, for the body
    /// the first body line holding the sentence's opening words (Markdown marks aside).
    fn line_of(&self, part: Part, quote: &str) -> Option<usize> {
        if part != Part::Body {
            let key = format!("{}:", part.key());
            return self
                .lines
                .iter()
                .position(|l| l.trim_start().trim_start_matches("- ").starts_with(&key))
                .map(|i| i + 1);
        }
        let opening: String = quote.chars().take_while(|c| c.is_alphanumeric() || *c == ' ').collect();
        let opening = opening.trim();
        if opening.chars().count() < 6 {
            return None;
        }
        let at = self.lines.iter().skip(self.body_line).position(|l| l.contains(opening))?;
        Some(self.body_line + at + 1)
    }
}

// ---- Output ----------------------------------------------------------------------------------

#[derive(Serialize)]
struct JsonEntry {
    id: String,
    file: String,
    title: String,
    unit: String,
}

#[derive(Serialize)]
struct JsonQuote {
    file: String,
    line: Option<usize>,
    field: &'static str,
    text: String,
}

#[derive(Serialize)]
struct JsonPassage {
    entry: JsonQuote,
    other: JsonQuote,
    overlap: f32,
}

#[derive(Serialize)]
struct JsonPair {
    entry: JsonEntry,
    other: JsonEntry,
    overlap: f32,
    shared: usize,
    copy: bool,
    passages: Vec<JsonPassage>,
}

#[derive(Serialize)]
struct JsonReport {
    base: Option<String>,
    threshold: f32,
    copy_threshold: f32,
    bank: usize,
    checked: Vec<JsonEntry>,
    /// The listed pairs (the highest overlaps: at most 10 per checked entry, 1,000 in all).
    pairs: Vec<JsonPair>,
    /// Pairs at the list threshold that are not listed.
    unlisted: usize,
    /// Pairs at the copy threshold, listed or not.
    copies: usize,
}

/// Rounds a score for printing (two decimals).
fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Both sides of a passage: (file, line, field, text).
type Side<'a> = (String, Option<usize>, Part, &'a str);

fn sides<'a>(
    p: &'a Quoted,
    files: (&Path, &Path),
    located: (&Option<Located>, &Option<Located>),
) -> (Side<'a>, Side<'a>) {
    let side = |q: &'a Quote, file: &Path, loc: &Option<Located>| {
        (slash_path(file), loc.as_ref().and_then(|l| l.line_of(q.part, &q.text)), q.part, q.text.as_str())
    };
    (side(&p.a, files.0, located.0), side(&p.b, files.1, located.1))
}

fn locate_all(findings: &Findings, c: &Checked, content: &Path) -> Vec<(Option<Located>, Option<Located>)> {
    findings
        .found
        .par_iter()
        .map(|f| {
            let q = &findings.queries[f.query];
            let other = &c.lib.entries[f.other];
            (
                Located::read(&q.file, q.entry(c).body_offset),
                Located::read(&content.join(&other.source), other.body_offset),
            )
        })
        .collect()
}

pub fn render_json(findings: &Findings, c: &Checked, content: &Path) -> String {
    let located = locate_all(findings, c, content);
    let entry = |e: &Entry, file: &Path| JsonEntry {
        id: e.id.clone(),
        file: slash_path(file),
        title: e.title.clone(),
        unit: e.owner_unit.clone(),
    };
    let pairs = findings
        .found
        .iter()
        .zip(&located)
        .map(|(f, (la, lb))| {
            let q = &findings.queries[f.query];
            let other = &c.lib.entries[f.other];
            let other_file = shown_path(content, &other.source);
            JsonPair {
                entry: entry(q.entry(c), &q.file),
                other: entry(other, &other_file),
                overlap: round2(f.overlap.score),
                shared: f.overlap.shared,
                copy: f.overlap.is_copy(findings.thresholds.copy),
                passages: f
                    .passages
                    .iter()
                    .map(|p| {
                        let (a, b) = sides(p, (&q.file, &other_file), (la, lb));
                        let quote =
                            |s: Side| JsonQuote { file: s.0, line: s.1, field: s.2.key(), text: s.3.to_string() };
                        JsonPassage { entry: quote(a), other: quote(b), overlap: round2(p.overlap) }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = JsonReport {
        base: findings.base.clone(),
        threshold: findings.thresholds.list,
        copy_threshold: findings.thresholds.copy,
        bank: c.lib.entries.len(),
        checked: findings.queries.iter().map(|q| entry(q.entry(c), &q.file)).collect(),
        pairs,
        unlisted: findings.unlisted(),
        copies: findings.copies(),
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// Wraps text into lines of at most `width` characters, at spaces when it can.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word.drain(..width).collect());
        }
        let wl = word.len();
        if len > 0 && len + 1 + wl > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word);
        len += wl;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Two texts in columns of `width` characters, separated by " │ ".
pub fn side_by_side(left: &str, right: &str, width: usize, indent: &str) -> String {
    let (l, r) = (wrap(left, width), wrap(right, width));
    let mut out = String::new();
    for k in 0..l.len().max(r.len()) {
        let a = l.get(k).map_or("", String::as_str);
        let b = r.get(k).map_or("", String::as_str);
        let pad = width.saturating_sub(a.chars().count());
        out.push_str(&format!("{indent}{a}{} │ {b}\n", " ".repeat(pad)).replace(" \n", "\n"));
    }
    out
}

fn percent(x: f32) -> String {
    format!("{}%", (x * 100.0).round() as u32)
}

pub fn render_human(findings: &Findings, c: &Checked, content: &Path, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let located = locate_all(findings, c, content);
    let columns: usize = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(110).clamp(60, 240);
    let width = (columns - 7) / 2;
    let mut out = String::new();
    let n = findings.queries.len();
    let base = findings.base.as_deref();
    out.push_str(&match (vi, base) {
        (true, Some(b)) => format!("Kiểm tra tính mới: {n} sáng kiến mới hoặc đã sửa so với `{b}`, đối chiếu với {} sáng kiến của ngân hàng.\n", c.lib.entries.len()),
        (true, None) => format!("Kiểm tra tính mới: {n} sáng kiến, đối chiếu với {} sáng kiến của ngân hàng.\n", c.lib.entries.len()),
        (false, Some(b)) => format!("Novelty check: {n} entries new or changed since `{b}`, compared with the {} entries of the bank.\n", c.lib.entries.len()),
        (false, None) => format!("Novelty check: {n} entries, compared with the {} entries of the bank.\n", c.lib.entries.len()),
    });
    let mut last_query = None;
    for (f, (la, lb)) in findings.found.iter().zip(&located) {
        let q = &findings.queries[f.query];
        if last_query != Some(f.query) {
            let e = q.entry(c);
            out.push_str(&format!("\n{} · {} ({})\n", e.id, e.title, slash_path(&q.file)));
            last_query = Some(f.query);
        }
        let other = &c.lib.entries[f.other];
        let other_file = shown_path(content, &other.source);
        let copy = f.overlap.is_copy(findings.thresholds.copy);
        let label = match (vi, copy) {
            (true, true) => "RẤT GIỐNG – có thể sao chép:",
            (true, false) => "Giống một phần:",
            (false, true) => "VERY SIMILAR – possible copy:",
            (false, false) => "Partly similar:",
        };
        let same_unit = other.owner_unit == q.entry(c).owner_unit;
        let unit_note = match (vi, same_unit) {
            (true, true) => " (cùng đơn vị)",
            (false, true) => " (same unit)",
            _ => "",
        };
        out.push_str(&format!(
            "  {label} {} · {}{unit_note}\n    {} {} ({} {})\n",
            other.id,
            other.title,
            if vi { "trùng" } else { "overlap" },
            percent(f.overlap.score),
            f.overlap.shared,
            if vi { "cụm ba từ chung" } else { "shared three-word runs" },
        ));
        for p in f.passages.iter().take(HUMAN_PASSAGES) {
            let (a, b) = sides(p, (&q.file, &other_file), (la, lb));
            let at = |s: &Side| match s.1 {
                Some(l) => format!("{}:{l}", s.0),
                None => format!("{} ({})", s.0, s.2.key()),
            };
            out.push_str(&side_by_side(&at(&a), &at(&b), width, "    "));
            out.push_str(&side_by_side(&format!("“{}”", a.3), &format!("“{}”", b.3), width, "    "));
            out.push('\n');
        }
        if f.passages.len() > HUMAN_PASSAGES {
            let more = f.passages.len() - HUMAN_PASSAGES;
            out.push_str(&if vi {
                format!("    … và {more} đoạn trùng khác (xem --format json)\n")
            } else {
                format!("    … and {more} more overlapping passages (see --format json)\n")
            });
        }
    }
    let copies = findings.copies();
    let partly = findings.pairs - copies;
    if findings.unlisted() > 0 {
        let n = findings.unlisted();
        out.push_str(&if vi {
            format!("\n… {n} cặp khác trên ngưỡng không được liệt kê (mỗi sáng kiến {LIST_PER_ENTRY} cặp giống nhất, tổng {LIST_TOTAL}).\n")
        } else {
            format!("\n… {n} more pairs above the threshold are not listed (the {LIST_PER_ENTRY} closest per entry, {LIST_TOTAL} in all).\n")
        });
    }
    let (t, cp) = (percent(findings.thresholds.list), percent(findings.thresholds.copy));
    out.push('\n');
    out.push_str(&if vi {
        format!("Kết quả: {copies} cặp có thể sao chép (trùng từ {cp}), {partly} cặp giống một phần (từ {t}).\n")
    } else {
        format!(
            "Result: {copies} possible copies (overlap {cp} or more), {partly} partly similar pairs ({t} or more).\n"
        )
    });
    out
}

// ---- Entry points ----------------------------------------------------------------------------

/// The output format of `sangkien similar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// Settings of one run of `sangkien similar`.
pub struct Run {
    pub content: PathBuf,
    pub theme: Option<String>,
    pub scope: Scope,
    pub threshold: Option<f32>,
    pub copy_threshold: Option<f32>,
    pub format: Format,
}

/// `sangkien similar`: exit 0 when no pair reaches the copy threshold, 1 when one does (or
/// the content has errors), 2 on a usage or internal problem.
pub fn run(args: &Run, lang: Lang) -> ExitCode {
    let mut opts = Options::new(&args.content, "public");
    opts.theme = args.theme.clone();
    let checked = match build::check(&opts, &Quiet) {
        Ok(c) => c,
        Err(Failure::Content(report)) => {
            crate::say_part!("{}", report.render_human(lang));
            crate::say!("{}", report.summary(lang));
            return ExitCode::from(1);
        }
        Err(Failure::Internal(msg)) => {
            crate::say!("sangkien: {msg}");
            return ExitCode::from(2);
        }
    };
    let mut thresholds = checked.config.similarity.thresholds;
    for (value, slot) in [(args.threshold, &mut thresholds.list), (args.copy_threshold, &mut thresholds.copy)] {
        match value {
            Some(v) if v > 0.0 && v <= 1.0 => *slot = v,
            Some(v) => {
                crate::say!(
                    "sangkien similar: {}",
                    Text::new(
                        format!("ngưỡng phải lớn hơn 0 và không quá 1 (ví dụ 0.5), không phải {v}"),
                        format!("a threshold must be above 0 and at most 1 (e.g. 0.5), not {v}"),
                    )
                    .get(lang)
                );
                return ExitCode::from(2);
            }
            None => {}
        }
    }
    match find(&checked, &args.content, &args.scope, thresholds, opts.today) {
        Ok(findings) => {
            match args.format {
                Format::Human => crate::show_part!("{}", render_human(&findings, &checked, &args.content, lang)),
                Format::Json => crate::show_part!("{}", render_json(&findings, &checked, &args.content)),
            }
            if findings.copies() > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(Stop::Usage(msg)) => {
            crate::say!("sangkien similar: {}", msg.get(lang));
            ExitCode::from(2)
        }
        Err(Stop::Content(report)) => {
            crate::say_part!("{}", report.render_human(lang));
            crate::say!("{}", report.summary(lang));
            ExitCode::from(1)
        }
    }
}

/// The warnings `sangkien check` adds: the same pairs as `sangkien similar` with its default
/// scope (entries changed since `main`), one warning per pair on the checked entry. Nothing
/// when there is no `main` to compare with.
pub fn check_warnings(c: &Checked, content: &Path, today: content::Date) -> Report {
    let mut report = Report::default();
    let Ok(findings) = find(c, content, &Scope::Since(None), c.config.similarity.thresholds, today) else {
        return report;
    };
    let located = locate_all(&findings, c, content);
    for (f, (la, lb)) in findings.found.iter().zip(&located) {
        let q = &findings.queries[f.query];
        let other = &c.lib.entries[f.other];
        let other_file = shown_path(content, &other.source);
        let pct = percent(f.overlap.score);
        let copy = f.overlap.is_copy(findings.thresholds.copy);
        let (code, message) = if copy {
            (
                "possible-copy",
                Text::new(
                    format!("rất giống sáng kiến {} «{}»: trùng {pct} cách diễn đạt — có thể là bản sao, cần xem xét tính mới (Điều lệ Sáng kiến, Điều 3)", other.id, other.title),
                    format!("very similar to {} “{}”: {pct} of the wording overlaps — possibly a copy; its novelty needs review", other.id, other.title),
                ),
            )
        } else {
            (
                "similar-wording",
                Text::new(
                    format!("giống một phần sáng kiến {} «{}»: trùng {pct} cách diễn đạt", other.id, other.title),
                    format!("partly similar to {} “{}”: {pct} of the wording overlaps", other.id, other.title),
                ),
            )
        };
        let quotes: Vec<(String, String)> = f
            .passages
            .iter()
            .take(2)
            .map(|p| {
                let (a, b) = sides(p, (&q.file, &other_file), (la, lb));
                let at = |s: &Side| s.1.map_or(s.0.clone(), |l| format!("{}:{l}", s.0));
                (format!("“{}” ({})", a.3, at(&a)), format!("“{}” ({})", b.3, at(&b)))
            })
            .collect();
        let help = (!quotes.is_empty()).then(|| {
            let list = |sep: &str| quotes.iter().map(|(a, b)| format!("{a} {sep} {b}")).collect::<Vec<_>>().join("; ");
            Text::new(
                format!("đoạn trùng: {}. Xem đủ: sangkien similar --files {}", list("≈"), slash_path(&q.file)),
                format!("overlapping: {}. In full: sangkien similar --files {}", list("≈"), slash_path(&q.file)),
            )
        });
        let source = &q.entry(c).source;
        let mut d = Diagnostic::warning(code, source, message).field("title");
        if let Some(h) = help {
            d = d.help(h);
        }
        if let Some(loc) = la {
            let text = loc.lines.join("\n");
            if let Some(line) = loc.line_of(Part::Title, "") {
                let start: usize = loc.lines[..line - 1].iter().map(|l| l.len() + 1).sum();
                let end = start + loc.lines[line - 1].len();
                d = d.at(&text, start..end);
                report.extend_with_source(vec![d], source, std::sync::Arc::from(text));
                continue;
            }
        }
        report.push(d);
    }
    report
}
