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
//! **Near-linear.** Instead of comparing every pair (5·10⁹ pairs at 100,000 entries), an
//! inverted index maps each kept term to the entries that keep it, the [`POSTINGS`]
//! heaviest only when more do. Each entry's candidates are the entries met in the postings
//! of its [`QUERY_TERMS`] heaviest terms, with their partial dot products summed in a dense
//! per-thread array; the best [`RESCORE`] are scored exactly. The work per entry is at most
//! `QUERY_TERMS × POSTINGS` additions and `RESCORE` dot products, whatever the bank's size,
//! so the whole is linear in the number of entries. While no term is kept by more than
//! `POSTINGS` entries the candidates are all the entries sharing a heavy term; beyond, an
//! entry whose only link to another is a term many entries share can be missed — such a link
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
/// Terms of an entry looked up to find its candidates (its heaviest).
pub const QUERY_TERMS: usize = 32;
/// Entries kept per term in the index.
pub const POSTINGS: usize = 64;
/// Candidates per entry scored exactly.
pub const RESCORE: usize = 16;

/// A normalised sparse vector, sorted by term hash.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector(pub Vec<(u64, f32)>);

impl Vector {
    /// The dot product of two vectors (a merge of the sorted lists).
    pub fn dot(&self, other: &Vector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        // Branch-free steps: most pairs of terms differ, and a mispredicted branch per step
        // costs more than the step.
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i].0, b[j].0);
            if x == y {
                sum += a[i].1 * b[j].1;
            }
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        sum
    }
}

/// Salt that keeps a word pair's hash apart from single words'.
const PAIR: u64 = 0x5041_4952;

/// Gives `add(term, count)` for each term of a sentence, weighted by its part.
pub fn sentence_terms(part: Part, tokens: &[Tok], mut add: impl FnMut(u64, f32)) {
    let boost = part.topic_boost();
    for (i, t) in tokens.iter().enumerate() {
        if t.number {
            continue;
        }
        add(t.hash, 0.5 * boost);
        if i > 0 && t.joined && !tokens[i - 1].number {
            add(mix(tokens[i - 1].hash ^ PAIR, t.hash), boost);
        }
    }
}

/// The term frequencies of one entry (term hash → weighted count). Sums are made in the
/// order of the text, so they never depend on the map.
pub type Counts = HashMap<u64, f32>;

/// Adds a sentence's terms to `counts`.
pub fn count_terms(part: Part, tokens: &[Tok], counts: &mut Counts) {
    sentence_terms(part, tokens, |h, w| *counts.entry(h).or_default() += w);
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

/// Document frequencies: term hash → number of entries, counted over all entries or over a
/// sample of them (then scaled).
pub struct Df {
    counts: HashMap<u64, u32>,
    /// Entries of the bank per entry counted (1 when all were).
    scale: f32,
}

impl Df {
    /// From the term lists of the entries counted (each term once per entry), `scale`
    /// entries of the bank standing for each; one map per thread, merged: the counts are
    /// sums, so the result does not depend on the threads.
    pub fn count(entries: impl ParallelIterator<Item = Vec<u64>>, scale: f32) -> Df {
        let counts = entries
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
        Df { counts, scale }
    }

    /// The estimated number of entries holding `term`: 0 when no counted entry does.
    pub fn get(&self, term: u64) -> f32 {
        self.counts.get(&term).map_or(0.0, |&c| c as f32 * self.scale)
    }

    /// The number of distinct terms counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// The order of weighted terms: heaviest first, then by hash (a total order, so that the
/// terms kept never depend on how they were listed).
fn heaviest_first(a: &(u64, f32), b: &(u64, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The entry's vector from its term counts: tf-idf, rare and common terms dropped, the
/// heaviest [`TERMS`] kept, normalised.
pub fn vector(counts: &Counts, df: &Df, n: usize) -> Vector {
    let most = (n as f32 / 2.0).max(2.0);
    let mut weighted: Vec<(u64, f32)> = counts
        .iter()
        .filter_map(|(&h, &tf)| {
            let d = df.get(h);
            (d >= 2.0 && d <= most).then(|| (h, (1.0 + tf.ln()) * (n as f32 / d).ln()))
        })
        .collect();
    if weighted.len() > TERMS {
        weighted.select_nth_unstable_by(TERMS - 1, heaviest_first);
        weighted.truncate(TERMS);
    }
    weighted.shrink_to_fit();
    // The norm is summed in a fixed order (by hash).
    weighted.sort_unstable_by_key(|t| t.0);
    let norm = weighted.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for t in &mut weighted {
            t.1 /= norm;
        }
    }
    Vector(weighted)
}

/// The inverted index of the kept terms (compressed rows: term → postings, by entry).
struct Index {
    /// Term hash → row.
    rows: HashMap<u64, u32>,
    starts: Vec<u32>,
    docs: Vec<u32>,
    weights: Vec<f32>,
}

impl Index {
    /// A counting sort by term (rows numbered in order of first appearance): entries land in
    /// their rows in order, and a row longer than [`POSTINGS`] keeps its heaviest entries.
    fn build(vectors: &[Vector]) -> Index {
        let mut rows: HashMap<u64, u32> = HashMap::default();
        let mut sizes: Vec<u32> = Vec::new();
        // The row of every (entry, term), in order, for the second walk.
        let mut row_of: Vec<u32> = Vec::with_capacity(vectors.iter().map(|v| v.0.len()).sum());
        for v in vectors {
            for &(h, _) in &v.0 {
                let next = rows.len() as u32;
                let row = *rows.entry(h).or_insert(next);
                if row as usize == sizes.len() {
                    sizes.push(0);
                }
                sizes[row as usize] += 1;
                row_of.push(row);
            }
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for s in &sizes {
            total += s;
            starts.push(total);
        }
        let mut fill: Vec<u32> = starts[..sizes.len()].to_vec();
        let mut postings = vec![(0u32, 0f32); total as usize];
        let mut rows_in_order = row_of.into_iter();
        for (d, v) in vectors.iter().enumerate() {
            for (&(_, w), row) in v.0.iter().zip(&mut rows_in_order) {
                postings[fill[row as usize] as usize] = (d as u32, w);
                fill[row as usize] += 1;
            }
        }
        // Keep the heaviest of long rows (ties by entry), in entry order.
        let mut index = Index { rows, starts: vec![0], docs: Vec::new(), weights: Vec::new() };
        for r in 0..sizes.len() {
            let row = &mut postings[starts[r] as usize..starts[r + 1] as usize];
            if row.len() > POSTINGS {
                row.select_nth_unstable_by(POSTINGS - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                row[..POSTINGS].sort_unstable_by_key(|p| p.0);
            }
            let kept = &row[..row.len().min(POSTINGS)];
            index.docs.extend(kept.iter().map(|p| p.0));
            index.weights.extend(kept.iter().map(|p| p.1));
            index.starts.push(index.docs.len() as u32);
        }
        index
    }

    fn postings(&self, term: u64) -> (&[u32], &[f32]) {
        match self.rows.get(&term) {
            Some(&r) => {
                let (s, e) = (self.starts[r as usize] as usize, self.starts[r as usize + 1] as usize);
                (&self.docs[s..e], &self.weights[s..e])
            }
            None => (&[], &[]),
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

/// The best candidates met so far, best first (score descending, then entry ascending),
/// at most `cap`: a small sorted array, cheap when most offers lose to the worst kept.
struct Best {
    cap: usize,
    items: Vec<(u32, f32)>,
}

impl Best {
    fn new(cap: usize) -> Best {
        Best { cap, items: Vec::with_capacity(cap + 1) }
    }

    fn better(a: (u32, f32), b: (u32, f32)) -> bool {
        a.1 > b.1 || (a.1 == b.1 && a.0 < b.0)
    }

    fn offer(&mut self, c: (u32, f32)) {
        if self.cap == 0 {
            return;
        }
        if self.items.len() == self.cap && !Best::better(c, self.items[self.cap - 1]) {
            return;
        }
        let at = self.items.iter().position(|&x| Best::better(c, x)).unwrap_or(self.items.len());
        self.items.insert(at, c);
        self.items.truncate(self.cap);
    }
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
                // The query's heaviest terms find the candidates; all terms score them.
                let mut heavy: Vec<(u64, f32)> = vectors[q].0.clone();
                if heavy.len() > QUERY_TERMS {
                    heavy.select_nth_unstable_by(QUERY_TERMS - 1, heaviest_first);
                    heavy.truncate(QUERY_TERMS);
                }
                for &(h, wq) in &heavy {
                    let (docs, weights) = index.postings(h);
                    for (&d, &wd) in docs.iter().zip(weights) {
                        let slot = &mut acc[d as usize];
                        if *slot == 0.0 {
                            touched.push(d);
                        }
                        *slot += wq * wd;
                    }
                }
                // The best RESCORE by partial score, then their exact cosines.
                let mut from_others = Best::new(if others > 0 { RESCORE } else { 0 });
                let mut from_any = Best::new(if any > 0 { RESCORE } else { 0 });
                for &d in touched.iter() {
                    let c = (d, std::mem::take(&mut acc[d as usize]));
                    if d as usize == q {
                        continue;
                    }
                    if groups[d as usize] != groups[q] {
                        from_others.offer(c);
                    }
                    from_any.offer(c);
                }
                touched.clear();
                let exact = |best: Best, k: usize| -> Vec<(u32, f32)> {
                    let mut out = Best::new(k);
                    for (d, _) in best.items {
                        let c = vectors[q].dot(&vectors[d as usize]);
                        if c >= min {
                            out.offer((d, c));
                        }
                    }
                    out.items
                };
                Matches { others: exact(from_others, others), any: exact(from_any, any) }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similar::text::Reader;

    fn counts_of(text: &str) -> Counts {
        let mut counts = Counts::default();
        Reader::default().sentences(text, |toks, _| count_terms(Part::Body, toks, &mut counts));
        counts
    }

    fn vectors(texts: &[&str]) -> Vec<Vector> {
        let all: Vec<Counts> = texts.iter().map(|t| counts_of(t)).collect();
        let df = Df::count(all.par_iter().map(|c| c.keys().copied().collect()), 1.0);
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
