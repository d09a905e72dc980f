//! The Vietnamese analyzer: the one definition of how text becomes index terms.
//!
//! Indexing and querying must agree token for token, in Rust (tantivy) and in the
//! browser (`themes/default/static/search.js`), so the pipeline is small and spelled
//! out here, and the JS client is a line-by-line copy checked by golden tests:
//!
//! ```text
//! text → NFC → tone placement (òa → oà, òe → oè, ùy → uỳ, syllable-final)
//!      → SimpleTokenizer (split on !is_alphanumeric) → RemoveLongFilter(40 bytes) → LowerCaser
//!      ├─ exact token   (fields title, meta, body)
//!      ├─ folded token  = AsciiFoldingFilter(exact)  (fields title_f, meta_f, body_f; đ → d)
//!      └─ bigram        = folded(i) + "_" + folded(i+1) when only whitespace separates them
//! ```
//!
//! The index runs tantivy's own tokenizer and filters. The pure functions here ([`analyze`],
//! [`FoldedTokens`]) give the same tokens in one pass over the text, from a table of what
//! tantivy's filters make of each character: equal to tantivy's output for every character
//! and on mixed text (tested), so they return exactly what the index holds (minus the corpus
//! stop syllables, which [`crate::search`] removes), without a token stream per text.
//!
//! tantivy normalises no Unicode and breaks NFD text apart, hence NFC first. Both tone
//! placements survive NFC ("hoà" ≠ "hòa"), hence the canonicalisation to the new style
//! (mark on the second vowel).

use tantivy::tokenizer::{AsciiFoldingFilter, RawTokenizer, TextAnalyzer, TokenStream};
use unicode_normalization::UnicodeNormalization;

/// Tokens of this many UTF-8 bytes or more are dropped (tantivy's `RemoveLongFilter`).
pub const MAX_TOKEN_BYTES: usize = 40;

/// One token of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased form, diacritics kept: "đường".
    pub exact: String,
    /// Lower-cased and folded to ASCII where tantivy folds: "duong".
    pub folded: String,
    /// Byte range in the *prepared* text (see [`prepare`]).
    pub start: usize,
    pub end: usize,
    /// The previous token exists and only whitespace separates the two: they form a bigram.
    pub joined: bool,
}

/// Unicode NFC, as an owned string (the quick check skips the work for text
/// that already is NFC, which is nearly all of it: entries are normalised when read).
pub fn nfc(text: &str) -> String {
    crate::text::nfc(text).into_owned()
}

/// The five Vietnamese tone marks as combining characters (huyền, sắc, hỏi, ngã, nặng).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Moves the tone mark of a syllable-final "oa", "oe", "uy" to its second vowel, keeping
/// letter case: "hóa" → "hoá", "khỏe" → "khoẻ", "thủy" → "thuỷ". Expects NFC text and
/// returns NFC text with the same number of characters. With a final consonant
/// ("hoàng", "thuyết") both placements already agree, so nothing else changes.
pub fn canonical_tones(text: &str) -> String {
    // Copies the text in slices between the pairs that change (most characters are no toned
    // o/u and cost one quick test).
    let mut out = String::with_capacity(text.len() + 4);
    let mut copied = 0;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if !toned_o_or_u(c) {
            continue;
        }
        let mut ahead = text[i + c.len_utf8()..].chars();
        let Some(next) = ahead.next() else { break };
        // A space stands for the end of the text: neither is alphanumeric.
        let window = [c, next, ahead.next().unwrap_or(' ')];
        if let Some((first, second)) = moved_tone(&window, 0) {
            out.push_str(&text[copied..i]);
            out.push(first);
            out.push(second);
            chars.next();
            copied = i + c.len_utf8() + next.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A precomposed o or u carrying one of the five tone marks and nothing else (either case):
/// the only letters whose tone [`canonical_tones`] moves. A cheap test that skips the
/// decomposition below for every other character.
fn toned_o_or_u(c: char) -> bool {
    matches!(
        c,
        'ò' | 'ó'
            | 'ỏ'
            | 'õ'
            | 'ọ'
            | 'ù'
            | 'ú'
            | 'ủ'
            | 'ũ'
            | 'ụ'
            | 'Ò'
            | 'Ó'
            | 'Ỏ'
            | 'Õ'
            | 'Ọ'
            | 'Ù'
            | 'Ú'
            | 'Ủ'
            | 'Ũ'
            | 'Ụ'
    )
}

/// The pair at `i` with its tone moved, when `chars[i..i+2]` is a toned o/u followed by a
/// plain a/e (after o) or y (after u) that ends the syllable.
fn moved_tone(chars: &[char], i: usize) -> Option<(char, char)> {
    if !toned_o_or_u(chars[i]) {
        return None;
    }
    let next = *chars.get(i + 1)?;
    if chars.get(i + 2).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let mut parts = std::iter::once(chars[i]).nfd();
    let (base, tone) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || !TONES.contains(&tone) {
        return None;
    }
    let fits = match base {
        'o' | 'O' => matches!(next, 'a' | 'A' | 'e' | 'E'),
        'u' | 'U' => matches!(next, 'y' | 'Y'),
        _ => false,
    };
    if !fits {
        return None;
    }
    let mut toned = [next, tone].into_iter().nfc();
    let second = toned.next()?;
    if toned.next().is_some() {
        return None;
    }
    Some((base, second))
}

/// NFC then tone canonicalisation: the text every tokenizer sees.
pub fn prepare(text: &str) -> String {
    // `text::nfc` skips text that is already NFC (the usual case), with the same result.
    canonical_tones(&crate::text::nfc(text))
}

fn folding_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(AsciiFoldingFilter).build()
}

/// tantivy's `AsciiFoldingFilter` applied to one token (or any string, char by char).
pub fn fold(token: &str) -> String {
    fold_with(&mut folding_analyzer(), token)
}

fn fold_with(folder: &mut TextAnalyzer, text: &str) -> String {
    // ASCII never folds: skip the filter for the common case.
    if text.is_ascii() {
        return text.to_string();
    }
    let mut stream = folder.token_stream(text);
    if stream.advance() {
        stream.token().text.clone()
    } else {
        String::new()
    }
}

/// Analyses already [`prepare`]d text into tokens with offsets and bigram joins.
pub fn analyze_prepared(prepared: &str) -> Vec<Token> {
    let (mut exact, mut folded) = (String::new(), String::new());
    let mut tokens: Vec<Token> = Vec::new();
    each_token(prepared, Some(&mut exact), &mut folded, |exact, folded, start, end| {
        let joined = tokens.last().is_some_and(|prev| prepared[prev.end..start].chars().all(char::is_whitespace));
        let exact = exact.unwrap_or_default().to_string();
        tokens.push(Token { exact, folded: folded.to_string(), start, end, joined });
    });
    tokens
}

/// The folded tokens of [`analyze_prepared`] without the exact forms: the bulk path of the
/// similarity feature, which reads every entry of a bank.
#[derive(Default)]
pub struct FoldedTokens {
    buf: String,
}

/// Per character below [`TABLE_CHARS`]: is it part of tokens, and what it becomes in an
/// exact and in a folded token.
struct CharTable {
    alnum: Vec<bool>,
    lower: Vec<Box<str>>,
    folded: Vec<Box<str>>,
}

const TABLE_CHARS: u32 = 0x2000;

/// What tantivy's lower-caser and folding filter make of one character.
fn fold_lower(folder: &mut TextAnalyzer, c: char) -> String {
    let lower: String = c.to_lowercase().collect();
    fold_with(folder, &lower)
}

fn char_table() -> &'static CharTable {
    static TABLE: std::sync::OnceLock<CharTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut folder = folding_analyzer();
        let chars: Vec<char> = (0..TABLE_CHARS).map(|u| char::from_u32(u).unwrap_or('\0')).collect();
        CharTable {
            alnum: chars.iter().map(|c| c.is_alphanumeric()).collect(),
            lower: chars.iter().map(|c| c.to_lowercase().collect::<String>().into_boxed_str()).collect(),
            folded: chars.iter().map(|&c| fold_lower(&mut folder, c).into_boxed_str()).collect(),
        }
    })
}

impl FoldedTokens {
    /// Calls `f(folded, start, end)` for each token of already [`prepare`]d text, in order,
    /// with the token's byte range in `prepared`.
    pub fn for_each(&mut self, prepared: &str, mut f: impl FnMut(&str, usize, usize)) {
        each_token(prepared, None, &mut self.buf, |_, folded, start, end| f(folded, start, end));
    }
}

/// The tokens of already [`prepare`]d text in one pass: calls `f(exact, folded, start, end)`
/// for each, `exact` being `None` when no `exact` buffer is given.
///
/// tantivy's pipeline (SimpleTokenizer → RemoveLongFilter → LowerCaser → AsciiFoldingFilter)
/// works character by character: a token is a run of `char::is_alphanumeric` characters,
/// dropped when its text has [`MAX_TOKEN_BYTES`] bytes or more, and each of its characters
/// becomes `lowercase(c)` in the exact token and `fold(lowercase(c))` in the folded one. So
/// the pipeline is run here on each character once, into a table (characters below U+2000,
/// which covers Vietnamese; others are run as they come), and a token is the concatenation of
/// its characters' entries: the same tokens without a token stream per text or an allocation
/// per token. The equality with tantivy's pipeline is tested for every character and on mixed
/// text.
fn each_token(
    prepared: &str,
    mut exact: Option<&mut String>,
    folded: &mut String,
    mut f: impl FnMut(Option<&str>, &str, usize, usize),
) {
    let table = char_table();
    let mut folder: Option<TextAnalyzer> = None;
    let mut start: Option<usize> = None;
    let mut emit = |exact: &Option<&mut String>, folded: &String, s: usize, end: usize| {
        if end - s < MAX_TOKEN_BYTES {
            f(exact.as_deref().map(String::as_str), folded, s, end);
        }
    };
    for (i, c) in prepared.char_indices() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else if (c as u32) < TABLE_CHARS {
            table.alnum[c as usize]
        } else {
            c.is_alphanumeric()
        };
        if !alnum {
            if let Some(s) = start.take() {
                emit(&exact, folded, s, i);
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
            folded.clear();
            if let Some(e) = exact.as_deref_mut() {
                e.clear();
            }
        }
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            folded.push(lower);
            if let Some(e) = exact.as_deref_mut() {
                e.push(lower);
            }
        } else if (c as u32) < TABLE_CHARS {
            folded.push_str(&table.folded[c as usize]);
            if let Some(e) = exact.as_deref_mut() {
                e.push_str(&table.lower[c as usize]);
            }
        } else {
            let folder = folder.get_or_insert_with(folding_analyzer);
            folded.push_str(&fold_lower(folder, c));
            if let Some(e) = exact.as_deref_mut() {
                e.extend(c.to_lowercase());
            }
        }
    }
    if let Some(s) = start {
        emit(&exact, folded, s, prepared.len());
    }
}

/// Prepares and analyses text.
pub fn analyze(text: &str) -> Vec<Token> {
    analyze_prepared(&prepare(text))
}

/// Exact tokens of a text, before stop-syllable removal.
pub fn tokens_exact(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.exact).collect()
}

/// Folded tokens of a text, before stop-syllable removal.
pub fn tokens_folded(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.folded).collect()
}

/// What joins the two folded tokens of a bigram term.
const BIGRAM_JOINER: char = '_';

/// The bigram term of two folded tokens.
pub fn bigram(first: &str, second: &str) -> String {
    format!("{first}{BIGRAM_JOINER}{second}")
}

/// The exact and folded form of each token of a prepared text, in order, as
/// [`analyze_prepared`] gives them but without two strings per token: the
/// index counts the syllables of every entry before it indexes them.
pub fn for_each_token(prepared: &str, mut f: impl FnMut(&str, &str)) {
    let (mut exact, mut folded) = (String::new(), String::new());
    each_token(prepared, Some(&mut exact), &mut folded, |e, fo, _, _| f(e.unwrap_or_default(), fo));
}

/// The bigrams of a prepared text (the [`bigram`] of each token and the one
/// it is [`Token::joined`] to), joined by spaces: the bigram field's text for
/// tantivy's whitespace tokenizer, written straight into one string.
pub fn bigram_text(prepared: &str) -> String {
    let (mut text, mut previous, mut folded) = (String::new(), String::new(), String::new());
    let mut previous_end: Option<usize> = None;
    each_token(prepared, None, &mut folded, |_, token, start, end| {
        if previous_end.is_some_and(|e| prepared[e..start].chars().all(char::is_whitespace)) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&previous);
            text.push(BIGRAM_JOINER);
            text.push_str(token);
        }
        previous.clear();
        previous.push_str(token);
        previous_end = Some(end);
    });
    text
}

/// Every alphanumeric character that tantivy folds, with its folding: the table the
/// browser client uses, so that it can never disagree with `AsciiFoldingFilter`.
pub fn fold_table() -> Vec<(char, String)> {
    let mut folder = folding_analyzer();
    let mut buf = [0u8; 4];
    (1..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_ascii() && c.is_alphanumeric())
        .filter_map(|c| {
            let folded = fold_with(&mut folder, c.encode_utf8(&mut buf));
            (folded.chars().ne(std::iter::once(c))).then_some((c, folded))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer};

    /// Bigrams of analysed tokens, each joined pair in order: the reference
    /// [`bigram_text`] is held to.
    fn bigrams(tokens: &[Token]) -> Vec<String> {
        tokens.windows(2).filter(|w| w[1].joined).map(|w| bigram(&w[0].folded, &w[1].folded)).collect()
    }

    #[test]
    fn the_token_walk_and_the_bigram_text_agree_with_the_analysis() {
        let long = "x".repeat(MAX_TOKEN_BYTES + 3);
        for text in [
            "",
            "Chuyển đổi số, hoá đơn điện tử – Hóa đơn",
            &format!("một {long} cửa liên thông; ĐƯỜNG   làng\nngõ xóm 2025"),
            "  ,,  ",
            "a",
        ] {
            let prepared = prepare(text);
            let tokens = analyze_prepared(&prepared);
            let mut walked = Vec::new();
            for_each_token(&prepared, |e, f| walked.push((e.to_string(), f.to_string())));
            let expected: Vec<(String, String)> = tokens.iter().map(|t| (t.exact.clone(), t.folded.clone())).collect();
            assert_eq!(walked, expected, "{text}");
            assert_eq!(bigram_text(&prepared), bigrams(&tokens).join(" "), "{text}");
        }
        assert_eq!(bigram_text(&prepare("Hoá đơn, điện tử")), "hoa_don dien_tu");
    }

    #[test]
    fn tone_placement_is_canonical() {
        assert_eq!(canonical_tones("hóa"), "hoá");
        assert_eq!(canonical_tones("hoá"), "hoá");
        assert_eq!(canonical_tones("thủy"), "thuỷ");
        assert_eq!(canonical_tones("khỏe"), "khoẻ");
        assert_eq!(canonical_tones("HÒA BÌNH"), "HOÀ BÌNH");
        assert_eq!(canonical_tones("Hòa"), "Hoà");
        assert_eq!(canonical_tones("hoàng thuyết"), "hoàng thuyết");
        assert_eq!(canonical_tones("quý"), "quý");
        assert_eq!(canonical_tones("hòan"), "hòan");
    }

    #[test]
    fn the_quick_test_knows_every_movable_tone() {
        // A letter whose tone `moved_tone` would move passes the quick test, and each letter
        // passing it has a tone that moves.
        for c in (0x80..=0x1FFFu32).filter_map(char::from_u32) {
            let movable = ['a', 'A', 'e', 'E', 'y', 'Y'].iter().any(|&n| moved_tone_slow(&[c, n], 0).is_some());
            assert_eq!(movable, toned_o_or_u(c), "{c}");
        }
        assert!(toned_o_or_u('ọ') && toned_o_or_u('Ủ') && !toned_o_or_u('ờ') && !toned_o_or_u('ồ'));
    }

    /// `moved_tone` without its quick test.
    fn moved_tone_slow(chars: &[char], i: usize) -> Option<(char, char)> {
        let next = *chars.get(i + 1)?;
        let mut parts = std::iter::once(chars[i]).nfd();
        let (base, tone) = (parts.next()?, parts.next()?);
        if parts.next().is_some() || !TONES.contains(&tone) {
            return None;
        }
        let fits = match base {
            'o' | 'O' => matches!(next, 'a' | 'A' | 'e' | 'E'),
            'u' | 'U' => matches!(next, 'y' | 'Y'),
            _ => false,
        };
        fits.then_some((base, next))
    }

    #[test]
    fn nfd_and_case_reach_the_same_tokens() {
        let nfd: String = "Chuyển đổi SỐ".nfd().collect();
        assert_eq!(tokens_exact(&nfd), ["chuyển", "đổi", "số"]);
        assert_eq!(tokens_folded(&nfd), ["chuyen", "doi", "so"]);
        assert_eq!(tokens_folded("Đường"), ["duong"]);
    }

    #[test]
    fn bigrams_need_whitespace_only() {
        let t = analyze("một cửa, liên thông điện tử");
        assert_eq!(bigrams(&t), ["mot_cua", "lien_thong", "thong_dien", "dien_tu"]);
    }

    /// tantivy's own pipeline for folded tokens, the reference of [`FoldedTokens`].
    fn tantivy_folded(prepared: &str) -> Vec<(String, usize, usize)> {
        let lowered = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser);
        tokens_of(lowered.filter(AsciiFoldingFilter).build(), prepared)
    }

    /// tantivy's own pipeline for exact tokens, the reference of [`analyze_prepared`].
    fn tantivy_exact(prepared: &str) -> Vec<(String, usize, usize)> {
        let lowered = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser);
        tokens_of(lowered.build(), prepared)
    }

    /// (text, start, end) of each token `analyzer` makes of `prepared`.
    fn tokens_of(mut analyzer: TextAnalyzer, prepared: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(prepared);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    fn exact_one_pass(prepared: &str) -> Vec<(String, usize, usize)> {
        analyze_prepared(prepared).into_iter().map(|t| (t.exact, t.start, t.end)).collect()
    }

    fn one_pass(prepared: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        FoldedTokens::default().for_each(prepared, |t, start, end| out.push((t.to_string(), start, end)));
        out
    }

    #[test]
    fn the_one_pass_tokens_are_tantivys_on_text() {
        let long = "Đ".repeat(19) + "đ" + " ngắn " + &"a".repeat(39) + " " + &"b".repeat(40);
        for text in [
            "Số HÓA hồ sơ, Đường-ĐIỆN tử  thủy lợi 48.000 đồng; qua\u{301}",
            "İstanbul ΣΊΣΥΦΟΣ Straße ǅemal ＡＢＣ ① ⅷ x²",
            "   ",
            "",
            "a",
            long.as_str(),
            "Nhắc lịch tiêm chủng cho trẻ em qua tin nhắn Zalo – ＱＲ🙂 mã-số 12/QĐ-UBND",
        ] {
            let prepared = prepare(text);
            assert_eq!(one_pass(&prepared), tantivy_folded(&prepared), "{text}");
            assert_eq!(exact_one_pass(&prepared), tantivy_exact(&prepared), "{text}");
            let two_pass: Vec<(String, usize, usize)> =
                analyze_prepared(&prepared).into_iter().map(|t| (t.folded, t.start, t.end)).collect();
            assert_eq!(one_pass(&prepared), two_pass, "{text}");
        }
        assert!(one_pass("thủy").iter().any(|t| t.0 == "thuy"));
    }

    #[test]
    fn the_one_pass_tokens_are_tantivys_for_every_character() {
        // Each character alone, between two tokens and inside one.
        let mut text = String::new();
        for c in (1..=0x10FFFFu32).filter_map(char::from_u32) {
            text.clear();
            text.push_str("a ");
            text.push(c);
            text.push_str(" b x");
            text.push(c);
            text.push('y');
            assert_eq!(one_pass(&text), tantivy_folded(&text), "U+{:04X}", c as u32);
            assert_eq!(exact_one_pass(&text), tantivy_exact(&text), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fold_table_covers_vietnamese() {
        let table = fold_table();
        let get = |c: char| table.iter().find(|(k, _)| *k == c).map(|(_, v)| v.as_str());
        assert_eq!(get('đ'), Some("d"));
        assert_eq!(get('Đ'), Some("D"));
        assert_eq!(get('ự'), Some("u"));
        assert_eq!(get('ỹ'), Some("y"));
    }
}
