//! Reading one entry file into an [`Entry`], with every problem found in the
//! file itself (syntax, types, unknown or missing keys, formats, dates,
//! shares). Problems that need the whole bank — unknown units, duplicate ids,
//! broken links — are found later by `checks.rs`.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::frontmatter::{self, Locator, Mapping, Value};
use super::model::*;
use crate::diagnostics::{Diagnostic, Text};
use crate::text;

/// The summary limit (hard) and the length cards show whole (warning).
pub const SUMMARY_MAX: usize = 400;
pub const SUMMARY_CARD: usize = 300;
pub const SHORT_TITLE_MAX: usize = 80;
pub const TITLE_MAX: usize = 500;

/// The outcome of reading one file: the entry when it is usable, and the
/// problems found (warnings may come with an entry, errors never do).
pub struct Parsed {
    pub entry: Option<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// The normalised source, kept only when there are diagnostics to show.
    pub source: Option<Arc<str>>,
}

/// Where a problem is, for [`FileCtx::diag`].
pub enum At<'p> {
    /// The value at a field path.
    Value(&'p str),
    /// The key at a field path (for unknown keys).
    Key(&'p str),
    /// The opening fence (for missing fields).
    Start,
    /// A byte range of the whole source.
    Span(std::ops::Range<usize>),
}

/// One file's text and how to turn field paths into positions.
pub struct FileCtx<'a> {
    pub rel: &'a Path,
    pub source: &'a str,
    pub yaml: &'a str,
    pub yaml_offset: usize,
    locator: Option<Locator>,
}

impl<'a> FileCtx<'a> {
    pub fn new(rel: &'a Path, source: &'a str, yaml: &'a str, yaml_offset: usize) -> FileCtx<'a> {
        FileCtx { rel, source, yaml, yaml_offset, locator: None }
    }

    /// Builds a located diagnostic; the path locator is made on first use.
    pub fn diag(&mut self, mut d: Diagnostic, at: At<'_>) -> Diagnostic {
        d.file = self.rel.to_path_buf();
        let span = match at {
            At::Start => 0..3,
            At::Span(s) => s,
            At::Value(p) | At::Key(p) => {
                let loc = self.locator.get_or_insert_with(|| Locator::new(self.yaml));
                let found = match at {
                    At::Key(_) => loc.key_span(p),
                    _ => loc.value_span(p),
                };
                if d.field.is_none() && !p.is_empty() {
                    d.field = Some(p.to_string());
                }
                match found {
                    Some(s) => (s.start + self.yaml_offset)..(s.end + self.yaml_offset),
                    None => 0..3,
                }
            }
        };
        d.at(self.source, span)
    }
}

/// Reads top-level keys one by one, so a bad field never hides another.
struct Fields<'c, 'a> {
    map: Mapping,
    known: Vec<&'static str>,
    ctx: &'c mut FileCtx<'a>,
    diags: Vec<Diagnostic>,
}

impl Fields<'_, '_> {
    fn take<T: DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        debug_assert!(frontmatter_keys().contains(&key), "`{key}` is not a field of model::Frontmatter");
        self.known.push(key);
        let value = self.map.remove(key)?;
        if value.is_null() {
            return None;
        }
        let mut todo = Vec::new();
        placeholders(&value, key.to_string(), &mut todo);
        if !todo.is_empty() {
            for path in todo {
                let d = Diagnostic::error(
                    "placeholder",
                    self.ctx.rel,
                    Text::new("chỗ này còn để trống (TODO): hãy điền nội dung", "placeholder left unfilled (TODO)"),
                );
                let d = self.ctx.diag(d.field(path.clone()), At::Value(&path));
                self.diags.push(d);
            }
            return None;
        }
        match frontmatter::read_typed::<T>(value) {
            Ok(v) => Some(v),
            Err(e) => {
                let path = frontmatter::join_path(key, &e.path);
                let d = type_error(&e.message);
                // An unknown key is shown at the key, any other problem at the value.
                let at = if d.code == "unknown-key" { At::Key(&path) } else { At::Value(&path) };
                let d = self.ctx.diag(d.field(path.clone()), at);
                self.diags.push(d);
                None
            }
        }
    }

    fn required<T: DeserializeOwned>(&mut self, key: &'static str) -> Option<T> {
        let present = self.map.get(key).is_some_and(|v| !v.is_null());
        let v = self.take(key);
        if !present {
            let d = Diagnostic::error(
                "missing-field",
                self.ctx.rel,
                Text::new(format!("thiếu trường bắt buộc `{key}`"), format!("missing required field `{key}`")),
            )
            .field(key)
            .help(Text::new("xem danh sách trường trong docs/content.md", "see the field list in docs/content.md"));
            let d = self.ctx.diag(d, At::Start);
            self.diags.push(d);
        }
        v
    }

    /// Reports keys nobody asked for, suggesting the closest known key.
    fn finish(mut self) -> Vec<Diagnostic> {
        let unknown: Vec<String> = self.map.keys().map(key_text).collect();
        for key in unknown {
            let mut d = Diagnostic::error(
                "unknown-key",
                self.ctx.rel,
                Text::new(format!("trường `{key}` không có trong mẫu"), format!("unknown key `{key}`")),
            );
            if let Some(s) = text::did_you_mean(&key, self.known.iter().copied()) {
                d = d.help(Text::new(format!("có phải ý bạn là `{s}`?"), format!("did you mean `{s}`?")));
            }
            let d = self.ctx.diag(d.field(key.clone()), At::Key(&key));
            self.diags.push(d);
        }
        self.diags
    }
}

/// Text values that start with `TODO` are the placeholders `sangkien new`
/// writes; they must be filled before the entry is published.
pub const PLACEHOLDER: &str = "TODO";

fn placeholders(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.trim_start().starts_with(PLACEHOLDER) => out.push(path),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                placeholders(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Mapping(m) => {
            for (k, item) in m {
                placeholders(item, format!("{path}.{}", key_text(k)), out);
            }
        }
        _ => {}
    }
}

fn key_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
    }
}

/// Turns serde's message into a diagnostic with a Vietnamese explanation.
fn type_error(message: &str) -> Diagnostic {
    let vi = if let Some(rest) = message.strip_prefix("unknown field ") {
        format!("trường không có trong mẫu: {rest}")
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        format!("thiếu trường bắt buộc {rest}")
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        format!("giá trị không hợp lệ: {rest}")
    } else if message.starts_with("invalid type") {
        format!("sai kiểu dữ liệu: {message}")
    } else {
        format!("giá trị không hợp lệ: {message}")
    };
    let code = if message.starts_with("unknown field") {
        "unknown-key"
    } else if message.starts_with("missing field") {
        "missing-field"
    } else {
        "invalid-value"
    };
    let mut d = Diagnostic::error(code, "", Text::new(vi, message.to_string()));
    if let Some(field) = message.strip_prefix("unknown field `").and_then(|r| r.split('`').next()) {
        let expected: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
        if let Some(s) = text::did_you_mean(field, expected) {
            d = d.help(Text::new(format!("có phải ý bạn là `{s}`?"), format!("did you mean `{s}`?")));
        }
    }
    d
}

/// Checks the `XX-YYYY-NNNN` id form.
pub fn valid_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() == 3
        && (2..=3).contains(&parts[0].len())
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && parts[1].len() == 4
        && parts[1].bytes().all(|b| b.is_ascii_digit())
        && parts[2].len() == 4
        && parts[2].bytes().all(|b| b.is_ascii_digit())
}

/// Checks the slug form: lower-case ASCII words joined by single hyphens.
pub fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Reads and checks one entry file. `rel` is its path relative to the
/// content folder; `raw` its text as read from disk.
pub fn parse_entry(rel: &Path, raw: &str, today: Date) -> Parsed {
    let source = frontmatter::normalise_source(raw);
    let (entry, diagnostics) = parse_normalised(rel, &source, today);
    let keep = !diagnostics.is_empty();
    Parsed { entry, diagnostics, source: keep.then(|| Arc::from(source.as_str())) }
}

fn parse_normalised(rel: &Path, source: &str, today: Date) -> (Option<Entry>, Vec<Diagnostic>) {
    let split = match frontmatter::split(source) {
        Ok(s) => s,
        Err(e) => {
            let (vi, en) = match e {
                frontmatter::SplitError::NoOpening => (
                    "tệp phải bắt đầu bằng dòng `---` mở phần thông tin (frontmatter)",
                    "the file must start with a `---` line opening the frontmatter",
                ),
                frontmatter::SplitError::NoClosing => {
                    ("thiếu dòng `---` đóng phần thông tin (frontmatter)", "the frontmatter has no closing `---` line")
                }
            };
            let d = Diagnostic::error("no-frontmatter", rel, Text::new(vi, en)).at(source, 0..0);
            return (None, vec![d]);
        }
    };
    let mut ctx = FileCtx::new(rel, source, split.yaml, split.yaml_offset);
    let value = match frontmatter::parse_yaml(split.yaml) {
        Ok(v) => v,
        Err(e) => {
            if e.message.starts_with("duplicate entry") {
                if let Some((key, span)) = frontmatter::duplicate_key(split.yaml) {
                    let d = Diagnostic::error(
                        "duplicate-key",
                        rel,
                        Text::new(
                            format!("khóa `{key}` xuất hiện hai lần; chỉ giữ một"),
                            format!("the key `{key}` appears twice; keep only one"),
                        ),
                    )
                    .field(key);
                    let at = (span.start + split.yaml_offset)..(span.end + split.yaml_offset);
                    return (None, vec![ctx.diag(d, At::Span(at))]);
                }
            }
            let at = e.offset.map_or(0..0, |o| (o + split.yaml_offset)..(o + split.yaml_offset));
            let (vi, en) = if e.code == "yaml-syntax" {
                (format!("lỗi cú pháp YAML: {}", e.message), format!("YAML syntax error: {}", e.message))
            } else {
                (format!("phần thông tin bị từ chối: {}", e.message), format!("frontmatter refused: {}", e.message))
            };
            let d = Diagnostic::error(e.code, rel, Text::new(vi, en)).help(Text::new(
                "kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép quanh văn bản có ký tự đặc biệt",
                "check colons, indentation, and quotes around text with special characters",
            ));
            let d = ctx.diag(d, At::Span(at));
            return (None, vec![d]);
        }
    };
    let map = match value {
        Value::Mapping(m) => m,
        _ => {
            let d = Diagnostic::error(
                "not-a-mapping",
                rel,
                Text::new(
                    "phần thông tin phải là các cặp `khóa: giá trị`",
                    "the frontmatter must be a set of `key: value` pairs",
                ),
            );
            let d = ctx.diag(d, At::Start);
            return (None, vec![d]);
        }
    };
    read_fields(&mut ctx, map, split.body, split.body_offset, today)
}

fn read_fields(
    ctx: &mut FileCtx<'_>,
    map: Mapping,
    body: &str,
    body_offset: usize,
    today: Date,
) -> (Option<Entry>, Vec<Diagnostic>) {
    let mut f = Fields { map, known: Vec::new(), ctx, diags: Vec::new() };
    let id: Option<String> = f.required("id");
    let title: Option<String> = f.required("title");
    let short_title: Option<String> = f.take("short_title");
    let slug: Option<String> = f.take("slug");
    let aliases: Vec<String> = f.take("aliases").unwrap_or_default();
    let summary: Option<String> = f.required("summary");
    let fictional: bool = f.take("fictional").unwrap_or(false);
    let solution_types: Option<Vec<SolutionType>> = f.required("solution_types");
    let field_of_application: Option<String> = f.take("field_of_application");
    let fields: Option<Vec<String>> = f.required("fields");
    let movements: Vec<String> = f.take("movements").unwrap_or_default();
    let tags: Vec<Str> = f.take("tags").unwrap_or_default();
    let owner_unit: Option<String> = f.required("owner_unit");
    let unit_at_recognition: Option<String> = f.take("unit_at_recognition");
    let authors: Option<Vec<Author>> = f.required("authors");
    let first_applied: Option<Date> = f.required("first_applied");
    let trial: bool = f.take("trial").unwrap_or(false);
    let recognition: Option<Vec<Recognition>> = f.required("recognition");
    let awards: Vec<Award> = f.take("awards").unwrap_or_default();
    let benefits: Option<Benefits> = f.required("benefits");
    let application_conditions: Option<String> = f.take("application_conditions");
    let status: Option<Status> = f.required("status");
    let ready_to_replicate: bool = f.take("ready_to_replicate").unwrap_or(false);
    let replications: Vec<Replication> = f.take("replications").unwrap_or_default();
    let featured: Option<Featured> = f.take("featured");
    let contact: Option<Contact> = f.take("contact");
    let images: Vec<Image> = f.take("images").unwrap_or_default();
    let attachments: Vec<Attachment> = f.take("attachments").unwrap_or_default();
    let related: Vec<String> = f.take("related").unwrap_or_default();
    let media_coverage: Vec<MediaCoverage> = f.take("media_coverage").unwrap_or_default();
    let year: Option<i32> = f.take("year");
    let added: Option<Date> = f.take("added");
    let updated: Option<Date> = f.take("updated");
    let mut diags = f.finish();

    let mut check = Checker { ctx, diags: &mut diags };
    if let Some(id) = &id {
        if !valid_id(id) {
            check.error(
                "bad-id",
                At::Value("id"),
                format!("mã sáng kiến `{id}` không đúng dạng TỈNH-NĂM-SỐ, ví dụ CB-2025-0012"),
                format!("id `{id}` is not of the form PROVINCE-YEAR-NUMBER, e.g. CB-2025-0012"),
            );
        } else if check.ctx.rel.file_stem().and_then(|s| s.to_str()) != Some(id.as_str()) {
            check.warning(
                "id-file-name",
                At::Value("id"),
                format!("tên tệp nên là `{id}.md` cho dễ tìm"),
                format!("the file should be named `{id}.md` so it is easy to find"),
            );
        }
    }
    if let Some(t) = &title {
        check.text_limit("title", t, TITLE_MAX, true);
        if t.trim().is_empty() {
            check.error(
                "empty-field",
                At::Value("title"),
                "tên sáng kiến đang để trống".into(),
                "the title is empty".into(),
            );
        }
    }
    if let Some(t) = &short_title {
        check.text_limit("short_title", t, SHORT_TITLE_MAX, false);
    }
    if let Some(s) = &summary {
        check.text_limit("summary", s, SUMMARY_MAX, true);
        let n = s.chars().count();
        if n > SUMMARY_CARD && n <= SUMMARY_MAX {
            check.warning(
                "summary-long",
                At::Value("summary"),
                format!("tóm tắt dài {n} ký tự; thẻ sáng kiến chỉ hiện trọn {SUMMARY_CARD} ký tự"),
                format!("the summary has {n} characters; cards show {SUMMARY_CARD} in full"),
            );
        }
    }
    if let Some(s) = &slug {
        if !valid_slug(s) {
            check.error(
                "bad-slug",
                At::Value("slug"),
                format!("đường dẫn `{s}` chỉ được gồm chữ thường không dấu, số và dấu gạch ngang"),
                format!("slug `{s}` may only hold lower-case ASCII letters, digits and single hyphens"),
            );
        }
    }
    for (i, a) in aliases.iter().enumerate() {
        if !valid_slug(a) {
            check.error(
                "bad-slug",
                At::Value(&format!("aliases[{i}]")),
                format!("đường dẫn cũ `{a}` chỉ được gồm chữ thường không dấu, số và dấu gạch ngang"),
                format!("alias `{a}` may only hold lower-case ASCII letters, digits and single hyphens"),
            );
        }
    }
    for (key, list) in
        [("solution_types", solution_types.as_ref().map(Vec::len)), ("fields", fields.as_ref().map(Vec::len))]
    {
        if list == Some(0) {
            check.error(
                "empty-field",
                At::Value(key),
                format!("`{key}` cần ít nhất một giá trị"),
                format!("`{key}` needs at least one value"),
            );
        }
    }
    if let Some(authors) = &authors {
        check.authors(authors);
    }
    if let Some(recognition) = &recognition {
        check.recognition(recognition, first_applied);
    }
    let mut dated: Vec<(String, Date)> = Vec::new();
    dated.extend(first_applied.map(|d| ("first_applied".to_string(), d)));
    dated.extend(added.map(|d| ("added".to_string(), d)));
    dated.extend(updated.map(|d| ("updated".to_string(), d)));
    for (i, r) in recognition.iter().flatten().enumerate() {
        dated.push((format!("recognition[{i}].decision.date"), r.decision.date));
    }
    for (i, a) in awards.iter().enumerate() {
        dated.push((format!("awards[{i}].decision.date"), a.decision.date));
    }
    for (i, r) in replications.iter().enumerate() {
        dated.push((format!("replications[{i}].date"), r.date));
    }
    for (path, date) in &dated {
        if *date > today {
            check.error(
                "future-date",
                At::Value(path),
                format!("ngày {} nằm trong tương lai", date.vi()),
                format!("the date {date} is in the future"),
            );
        }
    }
    for (i, img) in images.iter().enumerate() {
        if img.alt.trim().is_empty() {
            check.error(
                "image-alt",
                At::Value(&format!("images[{i}].alt")),
                "ảnh cần có mô tả (alt) cho người đọc bằng trình đọc màn hình".into(),
                "the image needs alt text for screen-reader users".into(),
            );
        }
    }
    if let Some(b) = &benefits {
        if b.metrics.iter().filter(|m| m.key).count() > 1 {
            check.warning(
                "several-key-metrics",
                At::Value("benefits.metrics"),
                "chỉ nên đánh dấu `key: true` cho một chỉ số".into(),
                "mark only one metric with `key: true`".into(),
            );
        }
    }
    let mut line_start = body_offset;
    for line in body.split_inclusive('\n') {
        if let Some(at) = line.find("TODO:") {
            let end = line_start + line.trim_end().len();
            let d = Diagnostic::error(
                "placeholder",
                check.ctx.rel,
                Text::new("đoạn này còn để trống (TODO): hãy viết nội dung", "placeholder left unfilled (TODO)"),
            )
            .field("body");
            let d = check.ctx.diag(d, At::Span((line_start + at)..end));
            check.diags.push(d);
        }
        line_start += line.len();
    }
    if let Some(first_non_nfc) = first_non_nfc_line(check.ctx.source) {
        check.warning(
            "not-nfc",
            At::Span(first_non_nfc),
            "văn bản chưa ở dạng Unicode NFC (dấu tiếng Việt tổ hợp); chạy `sangkien fmt` để sửa".into(),
            "text is not in Unicode NFC (decomposed Vietnamese marks); run `sangkien fmt` to fix it".into(),
        );
    }

    let rel = check.ctx.rel.to_path_buf();
    let has_errors = diags.iter().any(|d| d.severity == crate::diagnostics::Severity::Error);
    let (
        Some(id),
        Some(title),
        Some(summary),
        Some(solution_types),
        Some(fields),
        Some(owner_unit),
        Some(authors),
        Some(first_applied),
        Some(recognition),
        Some(benefits),
        Some(status),
    ) = (id, title, summary, solution_types, fields, owner_unit, authors, first_applied, recognition, benefits, status)
    else {
        return (None, diags);
    };
    if has_errors {
        return (None, diags);
    }
    let n = |s: String| text::nfc(&s).into_owned();
    let slug = slug.unwrap_or_else(|| {
        let s = text::slugify(short_title.as_deref().unwrap_or(&title), 80);
        if s.is_empty() {
            id.to_ascii_lowercase()
        } else {
            s
        }
    });
    let year = year.unwrap_or_else(|| recognition.first().map_or(first_applied.year, |r| r.decision.date.year));
    let entry = Entry {
        source: rel,
        id,
        title: n(title),
        short_title: short_title.map(n),
        slug,
        aliases,
        summary: n(summary),
        fictional,
        solution_types,
        field_of_application: field_of_application.map(n),
        fields,
        movements,
        tags: tags.into_iter().map(|t| n(t.0)).collect(),
        owner_unit,
        unit_at_recognition: unit_at_recognition.map(n),
        authors,
        first_applied,
        trial,
        recognition,
        awards,
        benefits,
        application_conditions: application_conditions.map(n),
        status,
        ready_to_replicate,
        replications,
        featured,
        contact,
        images,
        attachments,
        related,
        media_coverage,
        year,
        added,
        updated,
        body: text::nfc(body).into_owned(),
        body_offset,
    };
    (Some(entry), diags)
}

/// Per-file semantic checks, each pushing a located diagnostic.
struct Checker<'c, 'a> {
    ctx: &'c mut FileCtx<'a>,
    diags: &'c mut Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    fn error(&mut self, code: &'static str, at: At<'_>, vi: String, en: String) {
        let d = self.ctx.diag(Diagnostic::error(code, "", Text::new(vi, en)), at);
        self.diags.push(d);
    }

    fn warning(&mut self, code: &'static str, at: At<'_>, vi: String, en: String) {
        let d = self.ctx.diag(Diagnostic::warning(code, "", Text::new(vi, en)), at);
        self.diags.push(d);
    }

    fn text_limit(&mut self, key: &str, value: &str, max: usize, hard: bool) {
        let n = value.chars().count();
        if n > max {
            let vi = format!("`{key}` dài {n} ký tự, vượt giới hạn {max}");
            let en = format!("`{key}` has {n} characters, over the limit of {max}");
            if hard {
                self.error("too-long", At::Value(key), vi, en);
            } else {
                self.warning("too-long", At::Value(key), vi, en);
            }
        }
    }

    fn authors(&mut self, authors: &[Author]) {
        if authors.is_empty() {
            self.error(
                "empty-field",
                At::Value("authors"),
                "cần ít nhất một tác giả".into(),
                "at least one author is needed".into(),
            );
            return;
        }
        for (i, a) in authors.iter().enumerate() {
            if let Some(s) = a.share {
                if !(1..=100).contains(&s) {
                    self.error(
                        "bad-share",
                        At::Value(&format!("authors[{i}].share")),
                        format!("tỷ lệ đóng góp {s}% phải từ 1 đến 100"),
                        format!("contribution share {s}% must be between 1 and 100"),
                    );
                }
            }
            if a.name.trim().is_empty() {
                self.error(
                    "empty-field",
                    At::Value(&format!("authors[{i}].name")),
                    "họ tên tác giả đang để trống".into(),
                    "the author's name is empty".into(),
                );
            }
        }
        if authors.len() > 1 {
            let missing: Vec<usize> =
                authors.iter().enumerate().filter(|(_, a)| a.share.is_none()).map(|(i, _)| i).collect();
            if let Some(&i) = missing.first() {
                self.error(
                    "missing-share",
                    At::Value(&format!("authors[{i}]")),
                    "khi có nhiều tác giả, mỗi người cần `share` (tỷ lệ đóng góp %)".into(),
                    "with several authors, each needs a `share` (contribution %)".into(),
                );
                return;
            }
        }
        let total: u32 = authors.iter().filter_map(|a| a.share).sum();
        let any = authors.iter().any(|a| a.share.is_some());
        if any && total != 100 {
            self.error(
                "shares-sum",
                At::Value("authors"),
                format!("tổng tỷ lệ đóng góp là {total}%, phải bằng 100%"),
                format!("contribution shares add up to {total}%, they must add up to 100%"),
            );
        }
    }

    fn recognition(&mut self, recs: &[Recognition], first_applied: Option<Date>) {
        if recs.is_empty() {
            self.error(
                "empty-field",
                At::Value("recognition"),
                "cần ít nhất một quyết định công nhận".into(),
                "at least one recognition decision is needed".into(),
            );
            return;
        }
        for (i, r) in recs.iter().enumerate() {
            let number = r.decision.number.trim();
            if !valid_decision_number(number) {
                self.error(
                    "bad-decision-number",
                    At::Value(&format!("recognition[{i}].decision.number")),
                    format!("số, ký hiệu `{number}` không đúng dạng, ví dụ `45/QĐ-UBND` hoặc `26-KH/TU`"),
                    format!("decision number `{number}` is not of the form `45/QĐ-UBND` or `26-KH/TU`"),
                );
            }
            if r.level == "huyen" && r.decision.date >= Date::new(2025, 7, 1).expect("valid date") {
                self.error(
                    "district-after-merger",
                    At::Value(&format!("recognition[{i}].level")),
                    "cấp huyện không còn từ 01/7/2025; quyết định sau ngày này phải ở cấp cơ sở hoặc tỉnh".into(),
                    "district level ended on 2025-07-01; later decisions must be co_so or tinh".into(),
                );
            }
        }
        if recs.windows(2).any(|w| w[0].decision.date > w[1].decision.date) {
            self.warning(
                "recognition-order",
                At::Value("recognition"),
                "các lần công nhận nên xếp theo thứ tự thời gian, cũ trước".into(),
                "recognition records should be ordered by date, oldest first".into(),
            );
        }
        let first = recs.iter().map(|r| r.decision.date).min();
        if let (Some(applied), Some(first)) = (first_applied, first) {
            if applied > first {
                self.error(
                    "applied-after-recognition",
                    At::Value("first_applied"),
                    format!("ngày áp dụng lần đầu {} sau ngày công nhận {}", applied.vi(), first.vi()),
                    format!("first applied on {applied}, after the recognition on {first}"),
                );
            }
        }
    }
}

/// The number-and-symbol forms of Nghị định 30/2020 (`45/QĐ-UBND`,
/// `13/2012/NĐ-CP`, `833/QĐ-UBND.HC`) and of party documents (`26-KH/TU`).
pub fn valid_decision_number(s: &str) -> bool {
    let symbol_ok = |sym: &str| {
        !sym.is_empty()
            && sym.split('-').all(|g| {
                !g.is_empty()
                    && g.chars().all(|c| c.is_alphanumeric() || c == '.')
                    && g.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    if let Some((num, rest)) = s.split_once('/') {
        if digits(num) {
            // State form: number/[year/]symbol
            return match rest.split_once('/') {
                Some((year, sym)) => year.len() == 4 && digits(year) && symbol_ok(sym),
                None => symbol_ok(rest),
            };
        }
        // Party form: number-TYPE/ISSUER
        if let Some((n, kind)) = num.split_once('-') {
            return digits(n) && symbol_ok(kind) && symbol_ok(rest);
        }
    }
    false
}

/// The byte range of the first line holding text that is not NFC.
fn first_non_nfc_line(source: &str) -> Option<std::ops::Range<usize>> {
    if text::is_nfc(source) {
        return None;
    }
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        if !text::is_nfc(line) {
            return Some(start..start + line.trim_end().len());
        }
        start += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exactly_the_keys_of_the_frontmatter_struct() {
        // Every key of model::Frontmatter is read (none is reported unknown);
        // `take` refuses, in debug builds, any key the struct lacks.
        let mut yaml = String::new();
        for k in frontmatter_keys() {
            yaml.push_str(&format!("{k}: null\n"));
        }
        let src = format!("---\n{yaml}---\n");
        let p = parse_entry(Path::new("sang-kien/X.md"), &src, Date::new(2026, 1, 1).unwrap());
        assert!(p.diagnostics.iter().all(|d| d.code != "unknown-key"));
        let missing: Vec<&str> =
            p.diagnostics.iter().filter(|d| d.code == "missing-field").filter_map(|d| d.field.as_deref()).collect();
        assert_eq!(
            missing,
            [
                "id",
                "title",
                "summary",
                "solution_types",
                "fields",
                "owner_unit",
                "authors",
                "first_applied",
                "recognition",
                "benefits",
                "status"
            ]
        );
    }

    #[test]
    fn id_forms() {
        assert!(valid_id("CB-2025-0012"));
        assert!(valid_id("HCM-2024-0001"));
        assert!(!valid_id("cb-2025-0012"));
        assert!(!valid_id("CB-25-0012"));
        assert!(!valid_id("CB-2025-12"));
    }

    #[test]
    fn decision_number_forms() {
        for ok in ["45/QĐ-UBND", "13/2012/NĐ-CP", "833/QĐ-UBND.HC", "26-KH/TU", "01-KH/BCĐTW", "88/QĐ-SKHCN"] {
            assert!(valid_decision_number(ok), "{ok}");
        }
        for bad in ["45 QĐ-UBND", "QĐ-UBND", "45/", "45/qđ-ubnd", "x/QĐ"] {
            assert!(!valid_decision_number(bad), "{bad}");
        }
    }

    #[test]
    fn slug_forms() {
        assert!(valid_slug("so-hoa-ho-tich-2025"));
        assert!(!valid_slug("Số-hóa"));
        assert!(!valid_slug("a--b"));
        assert!(!valid_slug("../x"));
    }
}
