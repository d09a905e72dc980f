//! Similar models: which entries are about the same thing, for "Sáng kiến tương tự".
//!
//! **Vectors.** An entry is a bag of folded words (single syllables at half weight) and
//! word pairs (two syllables separated only by spaces: most Vietnamese words), each counted
//! with its part's boost (title ×3, summary and tags ×2, body ×1…; see
//! [`Part::topic_boost`]) and weighted `(1 + ln tf) × ln(N / df)`. Numbers are left out.
//! Terms found in one entry only (they can match nothing) or in more than half of the bank
//! (they tell nothing) are dropped; the [`TERMS`] heaviest terms are kept and the vector is
//! normalised: similarity is the cosine of two such vectors.
//!
//! **Near-linear.** Instead of comparing every pair (10¹⁰ pairs at 100,000 entries), an
//! inverted index maps each kept term to the entries that keep it, the [`POSTINGS`]
//! heaviest only when a term is kept by more. Each entry's candidates are the entries met
//! in the postings of its own terms, with their partial dot products summed in a dense
//! per-thread array; the best [`RESCORE`] are scored exactly. The work per entry is at most
//! `TERMS × POSTINGS` additions, whatever the bank's size, so the whole is linear in the
//! number of entries. In a bank where no term is kept by more than `POSTINGS` entries
//! (below about 2,000 entries in practice) the result is exact; beyond, an entry whose
//! only link to another is a term thousands of entries share can be missed — such a link
//! says little anyway.
//!
//! **Deterministic.** Hashes are fixed (FNV-1a), document frequencies are sums, every
//! entry's candidates are summed in the order of its own terms, and every ranking breaks
//! ties by entry order (ids): the same bank gives the same lists on any machine and any
//! number of threads.

use rayon::prelude::*;

use super::text::{mix, Part, Tok};

/// Terms kept per entry.
pub const TERMS: usize = 64;
/// Entries kept per term in the index.
pub const POSTINGS: usize = 160;
/// Candidates per entry scored exactly.
pub const RESCORE: usize = 24;

/// A normalised sparse vector, sorted by term hash.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector(pub Vec<(u64, f32)>);

impl Vector {
    /// The dot product of two vectors (a merge of the sorted lists).
    pub fn dot(&self, other: &Vector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// Salt that keeps a word pair's hash apart from single words'.
const PAIR: u64 = 0x5041_4952;

/// Adds a sentence's terms, weighted by its part, to `out` (term hash, count).
pub fn sentence_terms(part: Part, tokens: &[Tok], out: &mut Vec<(u64, f32)>) {
    let boost = part.topic_boost();
    for (i, t) in tokens.iter().enumerate() {
        if t.number {
            continue;
        }
        out.push((t.hash, 0.5 * boost));
        if i > 0 && t.joined && !tokens[i - 1].number {
            out.push((mix(tokens[i - 1].hash ^ PAIR, t.hash), boost));
        }
    }
}

/// Sums the counts of equal terms: the term frequencies of an entry, sorted by term.
pub fn counts(mut terms: Vec<(u64, f32)>) -> Vec<(u64, f32)> {
    terms.sort_unstable_by_key(|t| t.0);
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(terms.len() / 2);
    for (h, w) in terms {
        match out.last_mut() {
            Some(last) if last.0 == h => last.1 += w,
            _ => out.push((h, w)),
        }
    }
    out
}

/// Hashes keys that are already hashes: one multiply-shift to spread FNV's weak low bits.
#[derive(Default, Clone, Copy)]
pub struct Spread(u64);

impl std::hash::Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, x: u64) {
        let z = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = z ^ (z >> 29);
    }
}

/// A map keyed by hashes.
pub type HashMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Spread>>;

/// Document frequencies: term hash → number of entries.
pub struct Df(HashMap<u64, u32>);

impl Df {
    /// From the term lists of every entry (each term once per entry); one map per thread,
    /// merged: the counts are sums, so the result does not depend on the threads.
    pub fn count(entries: impl ParallelIterator<Item = Vec<u64>>) -> Df {
        let map = entries
            .fold(HashMap::default, |mut m: HashMap<u64, u32>, terms| {
                for h in terms {
                    *m.entry(h).or_default() += 1;
                }
                m
            })
            .reduce(HashMap::default, |mut a, mut b| {
                if a.len() < b.len() {
                    std::mem::swap(&mut a, &mut b);
                }
                for (h, n) in b {
                    *a.entry(h).or_default() += n;
                }
                a
            });
        Df(map)
    }

    pub fn get(&self, term: u64) -> u32 {
        self.0.get(&term).copied().unwrap_or(0)
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The entry's vector from its term counts: tf-idf, rare and common terms dropped, the
/// heaviest [`TERMS`] kept (ties by hash), normalised.
pub fn vector(counts: &[(u64, f32)], df: &Df, n: usize) -> Vector {
    let most = (n / 2).max(2) as u32;
    let mut weighted: Vec<(u64, f32)> = counts
        .iter()
        .filter_map(|&(h, tf)| {
            let d = df.get(h);
            (d >= 2 && d <= most).then(|| (h, (1.0 + tf.ln()) * (n as f32 / d as f32).ln()))
        })
        .collect();
    weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(TERMS);
    let norm = weighted.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for t in &mut weighted {
            t.1 /= norm;
        }
    }
    weighted.sort_unstable_by_key(|t| t.0);
    Vector(weighted)
}

/// The inverted index of the kept terms (compressed rows: term → postings).
struct Index {
    terms: Vec<u64>,
    starts: Vec<u32>,
    docs: Vec<u32>,
    weights: Vec<f32>,
}

impl Index {
    fn build(vectors: &[Vector]) -> Index {
        let mut all: Vec<(u64, u32, f32)> =
            vectors.iter().enumerate().flat_map(|(d, v)| v.0.iter().map(move |&(h, w)| (h, d as u32, w))).collect();
        all.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut index = Index { terms: Vec::new(), starts: vec![0], docs: Vec::new(), weights: Vec::new() };
        for group in all.chunk_by_mut(|a, b| a.0 == b.0) {
            if group.len() < 2 {
                continue;
            }
            if group.len() > POSTINGS {
                group.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)));
                group[..POSTINGS].sort_unstable_by_key(|p| p.1);
            }
            let kept = &group[..group.len().min(POSTINGS)];
            index.terms.push(kept[0].0);
            index.docs.extend(kept.iter().map(|p| p.1));
            index.weights.extend(kept.iter().map(|p| p.2));
            index.starts.push(index.docs.len() as u32);
        }
        index
    }

    fn postings(&self, term: u64) -> (&[u32], &[f32]) {
        match self.terms.binary_search(&term) {
            Ok(g) => {
                let (s, e) = (self.starts[g] as usize, self.starts[g + 1] as usize);
                (&self.docs[s..e], &self.weights[s..e])
            }
            Err(_) => (&[], &[]),
        }
    }
}

/// The best matches of one entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// From other units (`group` differs), best first: (entry, cosine).
    pub others: Vec<(u32, f32)>,
    /// From any unit, best first.
    pub any: Vec<(u32, f32)>,
}

/// For every entry, its best `others` matches among entries of another group (the owner
/// unit) and its best `any` matches, each with a cosine of at least `min`.
pub fn neighbours(vectors: &[Vector], groups: &[u32], others: usize, any: usize, min: f32) -> Vec<Matches> {
    let index = Index::build(vectors);
    let n = vectors.len();
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(acc, touched), q| {
                for &(h, wq) in &vectors[q].0 {
                    let (docs, weights) = index.postings(h);
                    for (&d, &wd) in docs.iter().zip(weights) {
                        let slot = &mut acc[d as usize];
                        if *slot == 0.0 {
                            touched.push(d);
                        }
                        *slot += wq * wd;
                    }
                }
                let mut cands: Vec<(u32, f32)> =
                    touched.iter().filter(|&&d| d as usize != q).map(|&d| (d, acc[d as usize])).collect();
                for &d in touched.iter() {
                    acc[d as usize] = 0.0;
                }
                touched.clear();
                let best = |cands: &mut Vec<(u32, f32)>, k: usize| -> Vec<(u32, f32)> {
                    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
                    if cands.len() > RESCORE {
                        cands.select_nth_unstable_by(RESCORE, order);
                        cands.truncate(RESCORE);
                    }
                    let mut exact: Vec<(u32, f32)> =
                        cands.iter().map(|&(d, _)| (d, vectors[q].dot(&vectors[d as usize]))).collect();
                    exact.sort_unstable_by(order);
                    exact.retain(|c| c.1 >= min);
                    exact.truncate(k);
                    exact
                };
                let mut from_others: Vec<(u32, f32)> =
                    cands.iter().copied().filter(|&(d, _)| groups[d as usize] != groups[q]).collect();
                Matches { others: best(&mut from_others, others), any: best(&mut cands, any) }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similar::text::Reader;

    fn counts_of(text: &str) -> Vec<(u64, f32)> {
        let mut terms = Vec::new();
        Reader::default().sentences(text, |toks, _| sentence_terms(Part::Body, toks, &mut terms));
        counts(terms)
    }

    fn vectors(texts: &[&str]) -> Vec<Vector> {
        let all: Vec<Vec<(u64, f32)>> = texts.iter().map(|t| counts_of(t)).collect();
        let df = Df::count(all.par_iter().map(|c| c.iter().map(|t| t.0).collect()));
        all.iter().map(|c| vector(c, &df, texts.len())).collect()
    }

    const TEXTS: [&str; 6] = [
        "Số hóa sổ hộ tịch giấy, cấp bản sao trích lục hộ tịch trong ngày",
        "Số hoá dữ liệu hộ tịch, trích lục bản sao hộ tịch điện tử cho người dân",
        "Tuần tra bảo vệ rừng bằng điện thoại thông minh, nhật ký tuần tra điện tử",
        "Nhật ký tuần tra rừng trên điện thoại, cảnh báo cháy rừng",
        "Mã QR tra cứu thủ tục hành chính tại bộ phận một cửa",
        "Bộ phận một cửa niêm yết mã QR thủ tục hành chính cho người dân",
    ];

    #[test]
    fn vectors_are_normalised_and_numbers_left_out() {
        let v = vectors(&TEXTS);
        for x in &v {
            let norm: f32 = x.0.iter().map(|t| t.1 * t.1).sum();
            assert!((norm - 1.0).abs() < 1e-4 || x.0.is_empty());
            assert!(x.0.len() <= TERMS);
        }
        let with_number = counts_of("cấp 214 quyển sổ");
        assert_eq!(with_number.len(), counts_of("cấp quyển sổ").len() - 1, "no `214`, no pairs with it");
    }

    #[test]
    fn each_text_finds_its_topic_partner_first() {
        let v = vectors(&TEXTS);
        let groups: Vec<u32> = (0..TEXTS.len() as u32).collect();
        let m = neighbours(&v, &groups, 5, 5, 0.0);
        for (i, partner) in [(0, 1), (1, 0), (2, 3), (3, 2), (4, 5), (5, 4)] {
            assert_eq!(m[i].others[0].0, partner, "text {i}: {:?}", m[i]);
        }
        // The lists agree with the exact cosines, best first.
        for (i, x) in m.iter().enumerate() {
            for w in x.others.windows(2) {
                assert!(w[0].1 >= w[1].1);
            }
            for &(d, c) in &x.others {
                assert!((c - v[i].dot(&v[d as usize])).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn the_same_group_is_left_out_of_others_but_not_of_any() {
        let v = vectors(&TEXTS);
        let groups = [0, 0, 1, 1, 2, 2];
        let m = neighbours(&v, &groups, 5, 5, 0.0);
        assert!(m[0].others.iter().all(|&(d, _)| groups[d as usize] != 0));
        assert_eq!(m[0].any[0].0, 1);
    }
}
