//! Diagnostics as data: every problem sangkien finds in a bank is a
//! [`Diagnostic`] that names the file, line, column and field, collected —
//! never thrown — so that one run reports all of them. Three renderers turn
//! the collection into text for people (with a source excerpt), JSON for
//! tools, and GitHub Actions annotations for CI.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The language of messages shown to editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` unless the environment asks for English (`SANGKIEN_LANG=en`, or
    /// a `LANG` that starts with `en`).
    pub fn from_env() -> Lang {
        let pick = std::env::var("SANGKIEN_LANG").or_else(|_| std::env::var("LANG")).unwrap_or_default();
        if pick.starts_with("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }
}

/// A message in both languages; the renderer picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text { vi: vi.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// One problem, located in a file. `line` and `column` are 1-based; `column`
/// counts characters. `span` is the byte range in the file that is marked in
/// the excerpt (empty when only the line is known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable kebab-case identifier of the kind of problem, e.g. `unknown-key`.
    pub code: &'static str,
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// The field path in the frontmatter, e.g. `authors[1].share`.
    pub field: Option<String>,
    pub message: Text,
    pub help: Option<Text>,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: Text) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: 0,
            column: 0,
            span: 0..0,
            field: None,
            message,
            help: None,
        }
    }

    pub fn warning(code: &'static str, file: impl Into<PathBuf>, message: Text) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, file, message) }
    }

    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = Some(field.into());
        self
    }

    pub fn help(mut self, help: Text) -> Diagnostic {
        self.help = Some(help);
        self
    }

    /// Places the diagnostic at byte `span` of `source`, computing line and column.
    pub fn at(mut self, source: &str, span: std::ops::Range<usize>) -> Diagnostic {
        let start = span.start.min(source.len());
        let before = &source[..floor_char_boundary(source, start)];
        self.line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        self.column = before[line_start..].chars().count() + 1;
        self.span = start..span.end.clamp(start, source.len());
        self
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// All diagnostics of one run, with the source text of the files they point
/// into (kept so that excerpts can be shown).
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<PathBuf, Arc<str>>,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Adds diagnostics that point into `source` (the text of their file).
    pub fn extend_with_source(&mut self, diags: Vec<Diagnostic>, file: &Path, source: Arc<str>) {
        if diags.is_empty() {
            return;
        }
        self.sources.insert(file.to_path_buf(), source);
        self.diagnostics.extend(diags);
    }

    pub fn merge(&mut self, other: Report) {
        self.diagnostics.extend(other.diagnostics);
        self.sources.extend(other.sources);
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Orders diagnostics by file, then position, so output is deterministic.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, a.code).cmp(&(&b.file, b.line, b.column, b.severity, b.code))
        });
        self.diagnostics.dedup();
    }

    /// Human text with an excerpt of each located problem.
    pub fn render_human(&self, lang: Lang) -> String {
        let mut files = SimpleFiles::new();
        let mut ids = BTreeMap::new();
        for (path, src) in &self.sources {
            ids.insert(path.clone(), files.add(path.display().to_string(), src.clone()));
        }
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut cd = match d.severity {
                Severity::Error => cs::Diagnostic::error(),
                Severity::Warning => cs::Diagnostic::warning(),
            }
            .with_code(d.code)
            .with_message(match &d.field {
                Some(f) => format!("{} [{}]", d.message.get(lang), f),
                None => d.message.get(lang).to_string(),
            });
            if let Some(h) = &d.help {
                cd = cd.with_notes(vec![h.get(lang).to_string()]);
            }
            match ids.get(&d.file) {
                Some(&id) if d.line > 0 => {
                    let label = if d.span.is_empty() { d.span.start..d.span.start } else { d.span.clone() };
                    cd = cd.with_labels(vec![cs::Label::primary(id, label)]);
                    match term::emit_into_string(&config, &files, &cd) {
                        Ok(s) => out.push_str(&s),
                        Err(_) => plain_line(&mut out, d, lang),
                    }
                }
                _ => {
                    plain_line(&mut out, d, lang);
                }
            }
        }
        out
    }

    /// The documented JSON structure (see docs/check.md): a summary and the list.
    pub fn render_json(&self, lang: Lang) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            version: u32,
            errors: usize,
            warnings: usize,
            diagnostics: Vec<JsonDiag<'a>>,
        }
        #[derive(Serialize)]
        struct JsonDiag<'a> {
            severity: Severity,
            code: &'a str,
            file: String,
            line: usize,
            column: usize,
            field: Option<&'a str>,
            message: &'a str,
            help: Option<&'a str>,
        }
        let out = Out {
            version: 1,
            errors: self.errors(),
            warnings: self.warnings(),
            diagnostics: self
                .diagnostics
                .iter()
                .map(|d| JsonDiag {
                    severity: d.severity,
                    code: d.code,
                    file: slash_path(&d.file),
                    line: d.line,
                    column: d.column,
                    field: d.field.as_deref(),
                    message: d.message.get(lang),
                    help: d.help.as_ref().map(|h| h.get(lang)),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::…`.
    /// GitHub places annotations by repository path, so file paths are
    /// given under `content`, the content folder as passed on the command
    /// line (relative to the repository root, where CI runs).
    pub fn render_github(&self, lang: Lang, content: &Path) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut msg = d.message.get(lang).to_string();
            if let Some(f) = &d.field {
                msg = format!("{msg} [{f}]");
            }
            if let Some(h) = &d.help {
                msg = format!("{msg} — {}", h.get(lang));
            }
            let _ = writeln!(
                out,
                "::{kind} file={},line={},col={},title={}::{}",
                gh_escape_property(&slash_path(&under(content, &d.file))),
                d.line.max(1),
                d.column.max(1),
                gh_escape_property(d.code),
                gh_escape_data(&msg)
            );
        }
        out
    }

    /// The closing summary line: "2 lỗi, 1 cảnh báo".
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{} lỗi, {} cảnh báo", self.errors(), self.warnings()),
            Lang::En => format!("{} error(s), {} warning(s)", self.errors(), self.warnings()),
        }
    }
}

fn plain_line(out: &mut String, d: &Diagnostic, lang: Lang) {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place =
        if d.line > 0 { format!("{}:{}:{}", d.file.display(), d.line, d.column) } else { d.file.display().to_string() };
    let field = d.field.as_deref().map(|f| format!(" [{f}]")).unwrap_or_default();
    let _ = writeln!(out, "{kind}[{}]: {}{field}\n  --> {place}", d.code, d.message.get(lang));
    if let Some(h) = &d.help {
        let _ = writeln!(out, "  = {}", h.get(lang));
    }
    out.push('\n');
}

/// `file` under `root`, leaving out `.` components (`./content` → `content`).
fn under(root: &Path, file: &Path) -> PathBuf {
    root.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect::<PathBuf>().join(file)
}

/// Paths in reports use '/' on every platform, so CI output is stable.
pub fn slash_path(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let src: Arc<str> = Arc::from("---\nid: X\ntitle: Một\n---\n");
        let d = Diagnostic::error("bad-id", "sang-kien/x.md", Text::new("Mã sai", "Bad id")).field("id").at(&src, 8..9);
        let mut r = Report::default();
        r.extend_with_source(vec![d], Path::new("sang-kien/x.md"), src);
        r
    }

    #[test]
    fn positions_are_one_based_lines_and_char_columns() {
        let r = sample();
        let d = &r.diagnostics[0];
        assert_eq!((d.line, d.column), (2, 5));
    }

    #[test]
    fn human_output_has_excerpt_and_location() {
        let text = sample().render_human(Lang::Vi);
        assert!(text.contains("sang-kien/x.md:2:5"), "{text}");
        assert!(text.contains("id: X"), "{text}");
        assert!(text.contains("Mã sai [id]"), "{text}");
    }

    #[test]
    fn github_annotations_escape_properties() {
        let text = sample().render_github(Lang::En, Path::new("./content"));
        assert_eq!(text, "::error file=content/sang-kien/x.md,line=2,col=5,title=bad-id::Bad id [id]\n");
        let text = sample().render_github(Lang::En, Path::new(""));
        assert!(text.starts_with("::error file=sang-kien/x.md,"), "{text}");
    }

    #[test]
    fn json_is_versioned_and_counts() {
        let v: serde_json::Value = serde_json::from_str(&sample().render_json(Lang::En)).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["errors"], 1);
        assert_eq!(v["diagnostics"][0]["line"], 2);
        assert_eq!(v["diagnostics"][0]["field"], "id");
    }
}
