//! What similarity reads of an entry, and how text becomes hashed tokens.
//!
//! An entry is read part by part — title, summary, the Markdown body's plain text, the
//! benefits, the application conditions, and (for the topic only) tags and field of
//! application. Body headings are left out: every entry has the same template headings
//! ("Thực trạng trước khi có sáng kiến"…), which say nothing about the initiative.
//!
//! Each part is [`prepare`]d and tokenized by the search analyzer (NFC, canonical tone
//! placement, tantivy's tokenizer, lower-casing and folding: "Số hóa" and "số hoá" and
//! "SO HOA" give the same tokens), and cut into sentences where the text between two
//! tokens holds a line break or a sentence mark (`.`, `!`, `?`, `;`, `…`) followed by a
//! space — so "48.000" stays one number. Tokens are hashed (64-bit FNV-1a of the folded
//! form): nothing downstream keeps strings, and the same text always gives the same hashes.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use crate::content::Entry;
use crate::markdown::Rendered;
use crate::search::analyzer::{prepare, FoldedTokens};

/// A part of an entry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Title,
    Summary,
    Body,
    Benefits,
    Conditions,
    /// Topic only: the tags, one per line.
    Tags,
    /// Topic only: `field_of_application`.
    Application,
}

impl Part {
    /// The weight of a word of this part in the topic vector: a title word says more about
    /// what the initiative is than a body word.
    pub fn topic_boost(self) -> f32 {
        match self {
            Part::Title => 3.0,
            Part::Summary | Part::Tags => 2.0,
            Part::Body | Part::Benefits | Part::Application => 1.0,
            Part::Conditions => 0.5,
        }
    }

    /// Whether the part's wording counts for the copy check. Tags and the field of
    /// application are short labels that distinct models share.
    pub fn in_copies(self) -> bool {
        !matches!(self, Part::Tags | Part::Application)
    }

    /// The frontmatter key (or `body`) the part comes from, for locating quotes.
    pub fn key(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Summary => "summary",
            Part::Body => "body",
            Part::Benefits => "by_author",
            Part::Conditions => "application_conditions",
            Part::Tags => "tags",
            Part::Application => "field_of_application",
        }
    }
}

/// The parts of an entry, in reading order. `body` is the entry's rendered body.
pub fn parts<'a>(e: &'a Entry, body: &'a Rendered) -> Vec<(Part, Cow<'a, str>)> {
    parts_upto(e, body, usize::MAX)
}

/// The parts of an entry, the body only as far as needed to have more than `body_bytes`
/// bytes of it (all of it when shorter).
pub fn parts_upto<'a>(e: &'a Entry, body: &'a Rendered, body_bytes: usize) -> Vec<(Part, Cow<'a, str>)> {
    let mut parts = vec![(Part::Title, Cow::Borrowed(e.title.as_str())), (Part::Summary, Cow::Borrowed(&e.summary))];
    let headings: Vec<&str> = body.toc.iter().map(|h| h.title.as_str()).collect();
    let text = if headings.is_empty() {
        Cow::Borrowed(&*body.text)
    } else {
        let mut kept = String::new();
        for line in body.text.lines().filter(|l| !headings.contains(&l.trim())) {
            if kept.len() > body_bytes {
                break;
            }
            if !kept.is_empty() {
                kept.push('\n');
            }
            kept.push_str(line);
        }
        Cow::Owned(kept)
    };
    parts.push((Part::Body, text));
    parts.push((Part::Benefits, Cow::Borrowed(&e.benefits.by_author)));
    if let Some(c) = &e.application_conditions {
        parts.push((Part::Conditions, Cow::Borrowed(c)));
    }
    if !e.tags.is_empty() {
        parts.push((Part::Tags, Cow::Owned(e.tags.join("\n"))));
    }
    if let Some(f) = &e.field_of_application {
        parts.push((Part::Application, Cow::Borrowed(f)));
    }
    parts
}

/// 64-bit FNV-1a: a fixed, portable hash, so that results never depend on the machine.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Combines two hashes (order matters): the hash of a word pair or a shingle.
pub fn mix(a: u64, b: u64) -> u64 {
    // splitmix64's finaliser over a rotated combination.
    let mut z = a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One token: its hash, whether it is a number (numbers carry no topic), and whether only
/// spaces separate it from the previous token of its sentence (then the two form a word pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub hash: u64,
    pub number: bool,
    pub joined: bool,
}

/// True when the text between two tokens ends a sentence.
fn breaks(gap: &str) -> bool {
    if gap.contains('\n') {
        return true;
    }
    match gap.find(['.', '!', '?', ';', '…']) {
        Some(i) => gap[i..].chars().any(char::is_whitespace),
        None => false,
    }
}

/// Reads text sentence by sentence. One per thread: it keeps the tokenizer and buffers.
#[derive(Default)]
pub struct Reader {
    tokens: FoldedTokens,
    buf: Vec<Tok>,
}

impl Reader {
    /// Calls `f(tokens, range)` for each sentence of `text`, where `range` is the sentence's
    /// byte range (first token to last) in `prepared`, which is returned: the text as the
    /// analyzer saw it ([`prepare`]d: NFC, canonical tone placement).
    pub fn sentences(&mut self, text: &str, mut f: impl FnMut(&[Tok], Range<usize>)) -> String {
        let prepared = prepare(text);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let (mut first, mut last) = (0usize, 0usize);
        self.tokens.for_each(&prepared, |t, start, end| {
            let gap = &prepared[last..start];
            if !buf.is_empty() && breaks(gap) {
                f(&buf, first..last);
                buf.clear();
            }
            if buf.is_empty() {
                first = start;
            }
            let joined = !buf.is_empty() && gap.chars().all(char::is_whitespace);
            buf.push(Tok { hash: hash_str(t), number: t.bytes().all(|b| b.is_ascii_digit()), joined });
            last = end;
        });
        if !buf.is_empty() {
            f(&buf, first..last);
        }
        self.buf = buf;
        prepared
    }
}

/// A sentence of an entry, kept for quoting: where it is and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub part: Part,
    /// Byte range in the part's original text.
    pub range: Range<usize>,
    pub tokens: Vec<Tok>,
}

/// An entry read for quoting: its parts' texts and their sentences (copy parts only).
#[derive(Debug, Clone)]
pub struct Doc {
    pub parts: Vec<(Part, String)>,
    pub sentences: Vec<Sentence>,
}

impl Doc {
    pub fn read(reader: &mut Reader, e: &Entry, body: &Rendered) -> Doc {
        let mut doc = Doc { parts: Vec::new(), sentences: Vec::new() };
        for (part, text) in parts(e, body) {
            if !part.in_copies() {
                continue;
            }
            let mut found = Vec::new();
            let prepared = reader.sentences(&text, |toks, range| found.push((toks.to_vec(), range)));
            let map = OffsetMap::new(&prepared, &text);
            for (tokens, range) in found {
                doc.sentences.push(Sentence { part, range: map.original(range), tokens });
            }
            doc.parts.push((part, text.into_owned()));
        }
        doc
    }

    /// The text of a sentence, as written in the entry.
    pub fn quote(&self, s: &Sentence) -> &str {
        let text = self.parts.iter().find(|(p, _)| *p == s.part).map_or("", |(_, t)| t.as_str());
        text.get(s.range.clone()).unwrap_or("")
    }
}

/// Maps byte offsets in prepared text back to the original. Tone canonicalisation keeps the
/// number of characters but not always of bytes ("ùy" → "uỳ"), so offsets go through
/// character indices when the lengths differ.
struct OffsetMap {
    /// (prepared byte offset, original byte offset) of every character, when they differ.
    pairs: Option<Vec<(usize, usize)>>,
    original_len: usize,
}

impl OffsetMap {
    fn new(prepared: &str, original: &str) -> OffsetMap {
        let same = prepared.len() == original.len();
        let pairs = (!same && prepared.chars().count() == original.chars().count())
            .then(|| prepared.char_indices().map(|(i, _)| i).zip(original.char_indices().map(|(i, _)| i)).collect());
        OffsetMap { pairs, original_len: original.len() }
    }

    fn at(&self, offset: usize) -> usize {
        match &self.pairs {
            None => offset.min(self.original_len),
            Some(pairs) => match pairs.binary_search_by_key(&offset, |p| p.0) {
                Ok(i) => pairs[i].1,
                Err(i) => pairs.get(i).map_or(self.original_len, |p| p.1),
            },
        }
    }

    fn original(&self, r: Range<usize>) -> Range<usize> {
        self.at(r.start)..self.at(r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let mut reader = Reader::default();
        let mut out = Vec::new();
        let prepared = reader.sentences(text, |_, r| out.push(r));
        out.into_iter().map(|r| prepared[r].to_string()).collect()
    }

    #[test]
    fn sentences_end_at_marks_followed_by_space_and_at_lines() {
        assert_eq!(
            sentences("Kinh phí giảm 48.000 đồng. Người dân hài lòng; cán bộ nhàn hơn\nDòng mới (xem hình 1). Hết"),
            ["Kinh phí giảm 48.000 đồng", "Người dân hài lòng", "cán bộ nhàn hơn", "Dòng mới (xem hình 1", "Hết"]
        );
    }

    #[test]
    fn tone_placement_case_and_marks_do_not_change_tokens() {
        let toks = |t: &str| {
            let mut all = Vec::new();
            Reader::default().sentences(t, |toks, _| all.extend(toks.iter().map(|t| t.hash)));
            all
        };
        assert_eq!(toks("Số hóa hồ sơ thủy lợi"), toks("SỐ HOÁ hồ sơ thuỷ lợi"));
        assert_ne!(toks("Số hóa hồ sơ"), toks("Số hóa hồ sơ mới"));
    }

    #[test]
    fn quotes_are_taken_from_the_original_text_when_tone_placement_moved_bytes() {
        // "ùy" (3 bytes) becomes "uỳ" (4 bytes) once prepared.
        let text = "Thùy dạy. Hòa học bài";
        let mut reader = Reader::default();
        let mut ranges = Vec::new();
        let prepared = reader.sentences(text, |_, r| ranges.push(r));
        assert_ne!(prepared.len(), text.len());
        let map = OffsetMap::new(&prepared, text);
        let quoted: Vec<&str> = ranges.into_iter().map(|r| &text[map.original(r)]).collect();
        assert_eq!(quoted, ["Thùy dạy", "Hòa học bài"]);
    }

    #[test]
    fn hashes_are_fixed() {
        assert_eq!(hash_str(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_str("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
