//! Possible copies: how much of one entry's wording is found in another.
//!
//! **Shingles.** Each sentence's folded tokens are cut into overlapping runs of
//! [`SHINGLE`] tokens ("word 3-grams"); a run never crosses a sentence end, so reordering
//! sentences changes nothing. A synonym swapped in, or a unit's name changed, breaks only the
//! runs that touch the changed words; tone placement, case and NFC never count (the analyzer
//! folds them away). An entry becomes the set of its shingle hashes (32 bits: two sets of a
//! few hundred hashes share a false one with odds of a few in 100,000).
//!
//! **Score.** The overlap of two sets A and B is `|A ∩ B| / min(|A|, |B|)` — the share of
//! the smaller entry found in the larger one (Broder's containment, taken in the direction
//! that catches a short entry lifted whole out of a long one). A pair is a *possible copy*
//! when the overlap reaches the copy threshold and at least [`MIN_SHARED`] shingles are
//! shared, so that two one-line entries cannot be flagged on a shared phrase.
//!
//! **Passages.** For a flagged pair, each sentence of one entry is matched to the sentence
//! of the other that shares most of its shingles; those sharing at least half are the
//! overlapping passages quoted side by side.

use std::collections::HashMap;

use super::text::{mix, Doc, Sentence, Tok};

/// Tokens per shingle. Three keeps a Vietnamese two-syllable word plus its neighbour, so
/// shared vocabulary alone ("thủ tục hành chính") makes few shared shingles between
/// distinct models, while one swapped word breaks at most three.
pub const SHINGLE: usize = 3;

/// The fewest shared shingles for a pair to be flagged, whatever the overlap.
pub const MIN_SHARED: usize = 12;

/// A sentence's shingles, in order (with repeats).
pub fn sentence_shingles(tokens: &[Tok], mut f: impl FnMut(u32)) {
    if tokens.len() < SHINGLE {
        return;
    }
    for w in tokens.windows(SHINGLE) {
        let h = w.iter().skip(1).fold(w[0].hash, |h, t| mix(h, t.hash));
        f((h >> 32) as u32);
    }
}

/// A sorted set of shingle hashes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles(pub Vec<u32>);

impl Shingles {
    pub fn from_unsorted(mut v: Vec<u32>) -> Shingles {
        v.sort_unstable();
        v.dedup();
        v.shrink_to_fit();
        Shingles(v)
    }

    pub fn of_doc(doc: &Doc) -> Shingles {
        let mut v = Vec::new();
        for s in &doc.sentences {
            sentence_shingles(&s.tokens, |h| v.push(h));
        }
        Shingles::from_unsorted(v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of hashes in both sets (a merge of the two sorted lists).
    pub fn shared(&self, other: &Shingles) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// The overlap of two entries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    pub shared: usize,
    /// `shared / min(|A|, |B|)`, 0 when either is empty.
    pub score: f32,
}

impl Overlap {
    pub fn of(shared: usize, a: usize, b: usize) -> Overlap {
        let smaller = a.min(b);
        Overlap { shared, score: if smaller == 0 { 0.0 } else { shared as f32 / smaller as f32 } }
    }

    pub fn between(a: &Shingles, b: &Shingles) -> Overlap {
        Overlap::of(a.shared(b), a.len(), b.len())
    }

    /// A possible copy at this threshold.
    pub fn is_copy(&self, threshold: f32) -> bool {
        self.score >= threshold && self.shared >= MIN_SHARED
    }
}

/// The overlap of each query set with every other entry of the bank, in one pass over the
/// bank: an index from the queries' shingles to the queries holding them, probed with every
/// entry's shingles (linear in the bank's size; the queries are few). Returns, per query,
/// `(entry index, overlap)` for every entry sharing at least one shingle, `skip[q]` (the
/// query's own index in the bank, if any) left out.
pub fn scan(queries: &[&Shingles], skip: &[Option<usize>], bank: &[Shingles]) -> Vec<Vec<(usize, Overlap)>> {
    use rayon::prelude::*;
    let mut index: HashMap<u32, Vec<u32>> = HashMap::new();
    for (q, set) in queries.iter().enumerate() {
        for &h in &set.0 {
            index.entry(h).or_default().push(q as u32);
        }
    }
    let per_entry: Vec<Vec<(u32, u32)>> = bank
        .par_iter()
        .map(|set| {
            let mut counts: Vec<(u32, u32)> = Vec::new();
            for h in &set.0 {
                if let Some(qs) = index.get(h) {
                    for &q in qs {
                        match counts.iter_mut().find(|c| c.0 == q) {
                            Some(c) => c.1 += 1,
                            None => counts.push((q, 1)),
                        }
                    }
                }
            }
            counts
        })
        .collect();
    let mut out: Vec<Vec<(usize, Overlap)>> = vec![Vec::new(); queries.len()];
    for (i, counts) in per_entry.into_iter().enumerate() {
        for (q, n) in counts {
            let q = q as usize;
            if skip[q] == Some(i) {
                continue;
            }
            out[q].push((i, Overlap::of(n as usize, queries[q].len(), bank[i].len())));
        }
    }
    out
}

/// Two sentences quoted side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Index of the sentence in the first entry's `Doc::sentences`.
    pub a: usize,
    /// Index of the matching sentence in the second entry's.
    pub b: usize,
    /// Share of the first sentence's shingles found in the second.
    pub overlap: f32,
}

/// The overlapping passages of two entries, in the first entry's order: for every sentence
/// of `a` with shingles, the sentence of `b` sharing most of them (the first on ties), kept
/// when it shares at least half.
pub fn passages(a: &Doc, b: &Doc) -> Vec<Passage> {
    let sets = |d: &Doc| -> Vec<Shingles> {
        d.sentences
            .iter()
            .map(|s: &Sentence| {
                let mut v = Vec::new();
                sentence_shingles(&s.tokens, |h| v.push(h));
                Shingles::from_unsorted(v)
            })
            .collect()
    };
    let (sa, sb) = (sets(a), sets(b));
    let mut out = Vec::new();
    for (i, x) in sa.iter().enumerate() {
        if x.is_empty() {
            continue;
        }
        let best =
            sb.iter().enumerate().map(|(j, y)| (x.shared(y), j)).max_by(|p, q| p.0.cmp(&q.0).then(q.1.cmp(&p.1)));
        if let Some((shared, j)) = best {
            let overlap = shared as f32 / x.len() as f32;
            if overlap >= 0.5 {
                out.push(Passage { a: i, b: j, overlap });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similar::text::Reader;

    fn set(text: &str) -> Shingles {
        let mut v = Vec::new();
        Reader::default().sentences(text, |toks, _| sentence_shingles(toks, |h| v.push(h)));
        Shingles::from_unsorted(v)
    }

    #[test]
    fn reordered_sentences_keep_every_shingle() {
        let a = set("Người dân quét mã để tra cứu hồ sơ. Cán bộ cập nhật kết quả mỗi ngày.");
        let b = set("Cán bộ cập nhật kết quả mỗi ngày. Người dân quét mã để tra cứu hồ sơ.");
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    #[test]
    fn one_swapped_word_breaks_at_most_three_shingles() {
        let a = set("Người dân quét mã QR để tra cứu tình trạng hồ sơ tại nhà");
        let b = set("Nhân dân quét mã QR để tra cứu tình trạng hồ sơ tại nhà");
        let c = set("Người dân chụp mã QR để tra cứu tình trạng hồ sơ tại nhà");
        assert_eq!(a.len() - a.shared(&b), 1, "the first word touches one shingle");
        assert_eq!(a.len() - a.shared(&c), 3);
    }

    #[test]
    fn overlap_is_the_share_of_the_smaller_entry() {
        let o = Overlap::of(20, 40, 100);
        assert!((o.score - 0.5).abs() < 1e-6);
        assert!(o.is_copy(0.5));
        assert!(!Overlap::of(5, 5, 100).is_copy(0.5), "too few shingles shared");
        assert_eq!(Overlap::of(0, 0, 10).score, 0.0);
    }

    #[test]
    fn the_scan_counts_what_the_merge_counts() {
        let bank = vec![
            set("Số hóa sổ hộ tịch giấy để cấp bản sao trích lục trong ngày. Người dân không phải chờ."),
            set("Số hoá sổ hộ tịch giấy để cấp bản sao trích lục ngay trong ngày."),
            set("Tuần tra rừng bằng điện thoại thông minh và nhật ký điện tử."),
        ];
        let q = &bank[0];
        let found = scan(&[q], &[Some(0)], &bank);
        assert_eq!(found[0].len(), 1, "{:?}", found[0]);
        assert_eq!(found[0][0].0, 1);
        assert_eq!(found[0][0].1, Overlap::between(q, &bank[1]));
    }
}
