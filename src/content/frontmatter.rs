//! The front door for entry files, and the only module that knows YAML.
//!
//! A file is normalised (byte-order mark dropped, CRLF → LF), split into its
//! YAML frontmatter and Markdown body, and the YAML is parsed with serde_yaml
//! into a value tree. serde_yaml keeps no positions for nodes, so when a file
//! has problems [`Locator`] re-reads the YAML with saphyr-parser's event
//! stream to map field paths (`authors[1].share`) to the line and column of
//! the key or value. Healthy files never pay for that second pass.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};
use serde::de::DeserializeOwned;

pub use serde_yaml::{Mapping, Value};

/// Limits that keep hostile input from exhausting memory or time.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_YAML_BYTES: usize = 256 * 1024;
/// A vocabulary file (units, fields, …): a national bank's units list of
/// every commune is a few megabytes.
pub const MAX_VOCABULARY_BYTES: usize = 16 * 1024 * 1024;
const MAX_NESTING: usize = 32;

/// A normalised source file split into frontmatter and body.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    /// The YAML text between the `---` lines.
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the normalised source.
    pub yaml_offset: usize,
    /// The Markdown body after the closing `---`.
    pub body: &'a str,
    /// Byte offset of `body` in the normalised source.
    pub body_offset: usize,
}

/// Why a file could not be split into frontmatter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    NoOpening,
    /// The opening `---` has no closing `---` line.
    NoClosing,
}

/// Drops a UTF-8 byte-order mark and turns CRLF (and lone CR) into LF.
pub fn normalise_source(raw: &str) -> String {
    let s = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Splits a normalised source at its `---` fences.
pub fn split(source: &str) -> Result<Split<'_>, SplitError> {
    let first_line_end = source.find('\n').unwrap_or(source.len());
    if source[..first_line_end].trim_end() != "---" {
        return Err(SplitError::NoOpening);
    }
    let yaml_offset = (first_line_end + 1).min(source.len());
    let mut pos = yaml_offset;
    while pos < source.len() {
        let end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
        let line = source[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body_offset = (end + 1).min(source.len());
            return Ok(Split {
                yaml: &source[yaml_offset..pos],
                yaml_offset,
                body: &source[body_offset..],
                body_offset,
            });
        }
        pos = end + 1;
    }
    Err(SplitError::NoClosing)
}

/// A YAML error, located by byte offset inside the YAML text. `code` names
/// the kind: `yaml-syntax`, or a refused hostile shape (`too-large`,
/// `too-deep`, `yaml-aliases`).
#[derive(Debug, Clone)]
pub struct YamlError {
    pub code: &'static str,
    pub message: String,
    pub offset: Option<usize>,
}

/// Parses the YAML frontmatter of an entry or page into a value tree
/// (syntax and structure only).
pub fn parse_yaml(yaml: &str) -> Result<Value, YamlError> {
    parse_limited(yaml, MAX_YAML_BYTES, "frontmatter")
}

/// Parses a vocabulary file (units.yaml, fields.yaml, …), with its own,
/// larger size limit.
pub fn parse_vocabulary(yaml: &str) -> Result<Value, YamlError> {
    parse_limited(yaml, MAX_VOCABULARY_BYTES, "the file")
}

fn parse_limited(yaml: &str, limit: usize, what: &str) -> Result<Value, YamlError> {
    if yaml.len() > limit {
        return Err(YamlError {
            code: "too-large",
            message: format!("{what} is {} bytes; the limit is {limit}", yaml.len()),
            offset: None,
        });
    }
    if let Some(offset) = too_deep(yaml) {
        return Err(YamlError {
            code: "too-deep",
            message: format!("{what} is nested more than {MAX_NESTING} levels deep"),
            offset: Some(offset),
        });
    }
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(v) => Ok(v),
        Err(e) => {
            let offset = e.location().map(|l| l.index());
            let message = e.to_string();
            // serde_yaml appends " at line L column C" relative to the YAML
            // block; our diagnostics carry the file's real position instead.
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            // serde_yaml refuses alias expansions that would explode ("billion laughs").
            let code = if message.contains("repetition limit") || message.contains("recursion limit") {
                "yaml-aliases"
            } else {
                "yaml-syntax"
            };
            Err(YamlError { code, message, offset })
        }
    }
}

/// Finds flow or block nesting deeper than the limit before serde_yaml sees
/// it, so a hostile file fails fast with a clear message.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in yaml.char_indices() {
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' => {}
            _ => {}
        }
    }
    let mut block_depth_offset = None;
    for (line_start, line) in line_offsets(yaml) {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_NESTING * 2 {
            block_depth_offset = Some(line_start);
            break;
        }
    }
    block_depth_offset
}

fn line_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    s.split_inclusive('\n').map(move |l| {
        let here = start;
        start += l.len();
        (here, l.trim_end_matches('\n'))
    })
}

/// A failed typed read of one value: the path below that value and why.
#[derive(Debug, Clone)]
pub struct TypeError {
    pub path: String,
    pub message: String,
}

/// Reads `value` as `T`, reporting the exact sub-path of the first mismatch.
pub fn read_typed<T: DeserializeOwned>(value: Value) -> Result<T, TypeError> {
    serde_path_to_error::deserialize::<_, T>(value)
        .map_err(|e| TypeError { path: e.path().to_string(), message: e.inner().to_string() })
}

/// Parses and reads a whole YAML text as `T` (for embedded files, whose
/// problems are ours, not an editor's).
pub fn read_yaml_text<T: DeserializeOwned>(yaml: &str) -> Result<T, String> {
    let value = parse_yaml(yaml).map_err(|e| e.message)?;
    read_typed(value).map_err(|e| format!("{}: {}", e.path, e.message))
}

/// Writes `s` as a double-quoted YAML scalar, safe whatever it contains.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Joins a field path and a sub-path as serde_path_to_error prints them.
pub fn join_path(prefix: &str, sub: &str) -> String {
    if sub == "." || sub.is_empty() {
        prefix.to_string()
    } else if sub.starts_with('[') {
        format!("{prefix}{sub}")
    } else {
        format!("{prefix}.{sub}")
    }
}

/// Maps saphyr's character-indexed spans to byte ranges of `yaml`.
fn span_to_bytes(yaml: &str) -> impl Fn(&Span) -> std::ops::Range<usize> + '_ {
    let char_to_byte: Vec<usize> = yaml.char_indices().map(|(b, _)| b).chain([yaml.len()]).collect();
    move |s: &Span| {
        let a = char_to_byte.get(s.start.index()).copied().unwrap_or(yaml.len());
        let b = char_to_byte.get(s.end.index()).copied().unwrap_or(yaml.len());
        a..b.max(a)
    }
}

/// The first key that appears twice in one mapping, with the byte span of
/// its second occurrence. serde_yaml refuses such a document but points at
/// the start of the mapping; editors need the line of the repeated key.
pub fn duplicate_key(yaml: &str) -> Option<(String, std::ops::Range<usize>)> {
    enum Frame {
        Map { keys: std::collections::HashSet<String>, want_key: bool },
        Seq,
    }
    let to_bytes = span_to_bytes(yaml);
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(yaml);
    while let Some(Ok((event, span))) = parser.next_event() {
        match event {
            Event::Scalar(v, ..) => {
                if let Some(Frame::Map { keys, want_key }) = stack.last_mut() {
                    if *want_key && !keys.insert(v.to_string()) {
                        return Some((v.to_string(), to_bytes(&span)));
                    }
                    *want_key = !*want_key;
                }
            }
            Event::Alias(..) => {
                if let Some(Frame::Map { want_key, .. }) = stack.last_mut() {
                    *want_key = !*want_key;
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if let Some(Frame::Map { want_key, .. }) = stack.last_mut() {
                    *want_key = !*want_key;
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map { keys: Default::default(), want_key: true }
                } else {
                    Frame::Seq
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    None
}

/// Byte spans of the key and value of each field path in a YAML text.
#[derive(Debug, Default)]
pub struct Locator {
    spans: HashMap<String, (Option<std::ops::Range<usize>>, std::ops::Range<usize>)>,
}

enum Frame {
    Map { key: Option<String>, key_span: Option<std::ops::Range<usize>> },
    Seq { index: usize },
}

impl Locator {
    /// Reads the YAML's event stream once; spans are byte offsets in `yaml`.
    pub fn new(yaml: &str) -> Locator {
        let to_bytes = span_to_bytes(yaml);
        let mut loc = Locator::default();
        let mut stack: Vec<(String, Frame)> = Vec::new();
        let mut parser = Parser::new_from_str(yaml);
        while let Some(Ok((event, span))) = parser.next_event() {
            let span = to_bytes(&span);
            match event {
                Event::Scalar(..) | Event::Alias(..) => {
                    let text = match &event {
                        Event::Scalar(v, ..) => v.to_string(),
                        _ => String::new(),
                    };
                    if let Some(path) = loc.node_path(&mut stack, Some((text, span.clone()))) {
                        loc.record(&stack, path, span);
                        // A scalar value completes its slot at once.
                        Self::advance(&mut stack);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = loc.node_path(&mut stack, None).unwrap_or_default();
                    loc.record(&stack, path.clone(), span);
                    let frame = if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { key: None, key_span: None }
                    } else {
                        Frame::Seq { index: 0 }
                    };
                    stack.push((path, frame));
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    Self::advance(&mut stack);
                }
                Event::StreamEnd => break,
                _ => {}
            }
        }
        loc
    }

    /// The path of the node that starts now, or `None` when the node is a
    /// mapping key (which is remembered in the frame instead).
    fn node_path(
        &mut self,
        stack: &mut [(String, Frame)],
        scalar: Option<(String, std::ops::Range<usize>)>,
    ) -> Option<String> {
        let Some((parent, frame)) = stack.last_mut() else {
            return Some(String::new());
        };
        match frame {
            Frame::Map { key, key_span } if key.is_none() => {
                let (text, span) = scalar.unwrap_or_default();
                *key = Some(text);
                *key_span = Some(span);
                None
            }
            Frame::Map { key, .. } => {
                let k = key.clone().unwrap_or_default();
                Some(if parent.is_empty() { k } else { format!("{parent}.{k}") })
            }
            Frame::Seq { index } => Some(format!("{parent}[{index}]")),
        }
    }

    fn record(&mut self, stack: &[(String, Frame)], path: String, span: std::ops::Range<usize>) {
        let key_span = match stack.last() {
            Some((_, Frame::Map { key_span, .. })) => key_span.clone(),
            _ => None,
        };
        self.spans.entry(path).or_insert((key_span, span));
    }

    fn advance(stack: &mut [(String, Frame)]) {
        if let Some((_, frame)) = stack.last_mut() {
            match frame {
                Frame::Map { key, key_span } => {
                    *key = None;
                    *key_span = None;
                }
                Frame::Seq { index } => *index += 1,
            }
        }
    }

    /// Span of the value at `path`, or of the nearest ancestor that exists.
    pub fn value_span(&self, path: &str) -> Option<std::ops::Range<usize>> {
        self.lookup(path).map(|(_, v)| v.clone())
    }

    /// Span of the key at `path` (falls back to the value's span).
    pub fn key_span(&self, path: &str) -> Option<std::ops::Range<usize>> {
        self.lookup(path).map(|(k, v)| k.clone().unwrap_or_else(|| v.clone()))
    }

    fn lookup(&self, path: &str) -> Option<&(Option<std::ops::Range<usize>>, std::ops::Range<usize>)> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some(s);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "---\nid: CB-2025-0001\nauthors:\n  - name: A\n    share: 60\n  - { name: B, share: x }\ntags: [a, b]\n---\nBody\n";

    #[test]
    fn splits_at_fences_and_keeps_offsets() {
        let s = split(SRC).unwrap();
        assert!(s.yaml.starts_with("id:"));
        assert_eq!(&SRC[s.yaml_offset..s.yaml_offset + 3], "id:");
        assert_eq!(s.body, "Body\n");
        assert_eq!(split("no fence").unwrap_err(), SplitError::NoOpening);
        assert_eq!(split("---\nid: x\n").unwrap_err(), SplitError::NoClosing);
    }

    #[test]
    fn normalises_bom_and_crlf() {
        assert_eq!(normalise_source("\u{feff}---\r\nid: x\r\n---\r\n"), "---\nid: x\n---\n");
    }

    #[test]
    fn locates_nested_fields() {
        let s = split(SRC).unwrap();
        let loc = Locator::new(s.yaml);
        let v = loc.value_span("authors[1].share").unwrap();
        assert_eq!(&s.yaml[v], "x");
        let k = loc.key_span("authors[0].share").unwrap();
        assert_eq!(&s.yaml[k], "share");
        let t = loc.value_span("tags[1]").unwrap();
        assert_eq!(&s.yaml[t], "b");
        // A path below a scalar falls back to the nearest ancestor.
        let id = loc.value_span("id.deeper").unwrap();
        assert_eq!(&s.yaml[id], "CB-2025-0001");
    }

    #[test]
    fn syntax_errors_carry_an_offset() {
        let e = parse_yaml("id: x\ntitle: [unclosed\n").unwrap_err();
        assert!(e.offset.is_some());
    }

    #[test]
    fn finds_the_second_occurrence_of_a_repeated_key() {
        let yaml = "id: a\nauthors:\n  - { name: A, name: B }\ntitle: t\n";
        let (key, span) = duplicate_key(yaml).unwrap();
        assert_eq!(key, "name");
        assert_eq!(&yaml[span.clone()], "name");
        assert_eq!(span.start, yaml.rfind("name").unwrap());
        let (key, span) = duplicate_key("id: a\ntitle: x\nid: b\n").unwrap();
        assert_eq!((key.as_str(), span.start), ("id", 15));
        assert!(duplicate_key("a: {b: 1}\nc: [b, b]\nd: {b: 2}\n").is_none());
    }

    #[test]
    fn quoted_scalars_read_back_unchanged() {
        for s in ["a: b", "say \"hi\"", "back\\slash", "two\nlines", "# not a comment", "TODO: x", "bell\u{7}"] {
            let yaml = format!("k: {}\n", quote(s));
            let v: std::collections::BTreeMap<String, String> = read_yaml_text(&yaml).unwrap();
            assert_eq!(v["k"], s, "{yaml}");
        }
    }

    #[test]
    fn rejects_deep_nesting() {
        let deep = format!("a: {}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse_yaml(&deep).unwrap_err().message.contains("nested"));
    }

    #[test]
    fn vocabularies_may_be_larger_than_frontmatter() {
        let units: String = (0..20_000).map(|i| format!("- id: xa-{i}\n  name: Xã số {i}\n")).collect();
        assert!(units.len() > MAX_YAML_BYTES);
        let e = parse_yaml(&units).unwrap_err();
        assert_eq!(e.code, "too-large");
        assert!(e.message.starts_with("frontmatter is"));
        assert_eq!(parse_vocabulary(&units).unwrap().as_sequence().map(|s| s.len()), Some(20_000));
        let huge = "#".repeat(MAX_VOCABULARY_BYTES + 1);
        assert!(parse_vocabulary(&huge).unwrap_err().message.starts_with("the file is"));
    }
}
