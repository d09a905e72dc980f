//! Small text helpers shared by every stage: Unicode normalisation, slugs, and
//! the Vietnamese letter folding that slugs and sort keys need.
//!
//! Search has its own analyzer (tantivy's folding table, tone placement); this
//! module only serves URLs and ordering, where a simple, stable fold is enough.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Returns `s` in Unicode NFC, borrowing when it already is (the common case).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// True when `s` is already NFC (what Vietnamese keyboards produce).
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Folds one character to ASCII for slugs: strips Vietnamese tone and vowel
/// marks (via NFD) and maps đ/Đ, which have no decomposition, to d/D.
fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' => out.push('d'),
        'Đ' => out.push('D'),
        c if c.is_ascii() => out.push(c),
        c => {
            out.extend(std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)));
        }
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Removes Vietnamese diacritics: "Đổi mới sáng tạo" → "Doi moi sang tao".
pub fn fold_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Makes a URL slug: folded, lower-case ASCII words joined by '-', cut at a
/// word boundary to at most `max_len` bytes. Returns an empty string when
/// nothing ASCII-alphanumeric remains.
pub fn slugify(s: &str, max_len: usize) -> String {
    let folded = fold_diacritics(s).to_ascii_lowercase();
    let mut slug = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let extra = word.len() + usize::from(!slug.is_empty());
        if !slug.is_empty() && slug.len() + extra > max_len {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug.truncate(max_len);
    slug
}

/// A key for sorting Vietnamese names: folded and lower-cased first so that
/// "Đà Nẵng" sorts among the D's, then the original to keep the order total.
pub fn sort_key(s: &str) -> (String, String) {
    (fold_diacritics(s).to_lowercase(), s.to_string())
}

/// Levenshtein distance, for "did you mean" suggestions on short keys.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates.into_iter().map(|c| (edit_distance(word, c), c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

/// Cuts `s` to at most `max_chars` characters at a word boundary, adding "…".
pub fn truncate_words(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slugify("Số hóa sổ hộ tịch giấy", 80), "so-hoa-so-ho-tich-giay");
        assert_eq!(slugify("Đường điện: Đà Nẵng!", 80), "duong-dien-da-nang");
        assert_eq!(slugify("Mã QR tra cứu thủ tục hành chính", 12), "ma-qr-tra");
        assert_eq!(slugify("!!!", 80), "");
    }

    #[test]
    fn nfc_normalises_decomposed_text() {
        let nfd: String = "chuyển".nfd().collect();
        assert_ne!(nfd, "chuyển");
        assert_eq!(nfc(&nfd), "chuyển");
        assert!(!is_nfc(&nfd));
    }

    #[test]
    fn suggestions_catch_typos() {
        assert_eq!(did_you_mean("sumary", ["summary", "title"]), Some("summary"));
        assert_eq!(did_you_mean("zzz", ["summary", "title"]), None);
    }

    #[test]
    fn truncation_keeps_words() {
        assert_eq!(truncate_words("một hai ba bốn", 9), "một hai…");
        assert_eq!(truncate_words("ngắn", 10), "ngắn");
    }
}
