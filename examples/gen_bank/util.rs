//! Small helpers for the bank generator: a seeded PRNG, civil dates, YAML
//! quoting, slugs, Vietnamese number formatting and tone-mark placement.

/// splitmix64: used to derive independent seeds (one per entry, per purpose).
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** seeded through splitmix64. Deterministic on every platform.
#[derive(Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut s = [0u64; 4];
        for v in &mut s {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            *v = splitmix64(x);
        }
        Rng { s }
    }

    /// A generator for one purpose (`stream`) of one item (`index`).
    pub fn derive(seed: u64, stream: u64, index: u64) -> Rng {
        Rng::new(splitmix64(seed ^ splitmix64(stream.wrapping_mul(0x1000_0000_01B3) ^ index)))
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0);
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in [lo, hi] (inclusive).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in [0, 1).
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }

    /// `k` distinct indices below `n`, in draw order.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

// ── Dates ────────────────────────────────────────────────────────────────

/// A civil date as days since 1970-01-01.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// A day number printed as YYYY-MM-DD.
pub fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day number printed Vietnamese style, 05/11/2025.
pub fn vi_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{d:02}/{m:02}/{y}")
}

pub fn year_of(days: i64) -> i32 {
    civil_from_days(days).0
}

// ── YAML ─────────────────────────────────────────────────────────────────

/// A double-quoted YAML scalar (always safe, in block or flow context).
pub fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A plain YAML scalar when that is unambiguous at the top level, else quoted.
pub fn plain(s: &str) -> String {
    let first = s.chars().next().unwrap_or(' ');
    let special_start = "-?:,[]{}#&*!|>'\"%@` ".contains(first);
    let lower = s.to_ascii_lowercase();
    let looks_typed = matches!(lower.as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "")
        || s.parse::<f64>().is_ok();
    if special_start
        || looks_typed
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.ends_with(' ')
        || s.contains('\n')
    {
        q(s)
    } else {
        s.to_string()
    }
}

/// A number for YAML: integers without a fraction, else up to 2 decimals.
pub fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number for Vietnamese prose: 18.650 and 99,2.
pub fn vi_num(x: f64) -> String {
    let s = num(x);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let neg = int.starts_with('-');
    let digits: Vec<char> = int.trim_start_matches('-').chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            grouped.push('.');
        }
        grouped.push(*c);
    }
    let mut out = if neg { format!("-{grouped}") } else { grouped };
    if let Some(f) = frac {
        out.push(',');
        out.push_str(&f);
    }
    out
}

// ── Slugs: sangkien's own rule, so generated slugs match what a build makes ──

pub fn slugify(s: &str, max_len: usize) -> String {
    sangkien::text::slugify(s, max_len)
}

// ── Text ─────────────────────────────────────────────────────────────────

/// Upper-cases the first letter.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Lower-cases the first letter, unless the first word is an abbreviation.
pub fn uncap(s: &str) -> String {
    let first_word = s.split(' ').next().unwrap_or("");
    let abbrev = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    if abbrev {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Old-style ("hóa", "thủy") → new-style ("hoá", "thuỷ") tone placement, for
/// the open syllables oa, oe, uy. Only syllable-final pairs move.
const TONE_PAIRS: &[(char, char, char, char)] = &[
    ('ó', 'a', 'o', 'á'),
    ('ò', 'a', 'o', 'à'),
    ('ỏ', 'a', 'o', 'ả'),
    ('õ', 'a', 'o', 'ã'),
    ('ọ', 'a', 'o', 'ạ'),
    ('ó', 'e', 'o', 'é'),
    ('ò', 'e', 'o', 'è'),
    ('ỏ', 'e', 'o', 'ẻ'),
    ('õ', 'e', 'o', 'ẽ'),
    ('ọ', 'e', 'o', 'ẹ'),
    ('ú', 'y', 'u', 'ý'),
    ('ù', 'y', 'u', 'ỳ'),
    ('ủ', 'y', 'u', 'ỷ'),
    ('ũ', 'y', 'u', 'ỹ'),
    ('ụ', 'y', 'u', 'ỵ'),
    ('Ó', 'a', 'O', 'á'),
    ('Ò', 'a', 'O', 'à'),
    ('Ú', 'y', 'U', 'ý'),
    ('Ủ', 'y', 'U', 'ỷ'),
];

pub fn new_tones(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if i + 1 < chars.len() {
            let (a, b) = (chars[i], chars[i + 1]);
            let end = i + 2 >= chars.len() || !chars[i + 2].is_alphabetic();
            // "qu" + "ý" is not the uy diphthong: keep "quý" as it is.
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            if end && !after_q {
                if let Some(p) = TONE_PAIRS.iter().find(|p| p.0 == a && p.1 == b) {
                    out.push(p.2);
                    out.push(p.3);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Fills `{X}`-style slots from a lookup; unknown slots are kept.
pub fn fill(template: &str, mut slot: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match slot(key) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Cuts `s` to at most `max` characters at a word boundary.
pub fn cut_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    let mut words: Vec<&str> = cut[..end].split(' ').collect();
    while let Some(last) = words.last() {
        let w = last.trim_end_matches([',', ';', ':', '–']);
        if w.is_empty()
            || matches!(
                w,
                "và" | "của"
                    | "cho"
                    | "để"
                    | "tại"
                    | "trên"
                    | "với"
                    | "đối"
                    | "về"
                    | "qua"
                    | "ở"
                    | "đến"
                    | "theo"
                    | "các"
                    | "từ"
                    | "trong"
                    | "bằng"
                    | "nhằm"
            )
        {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ").trim_end_matches([',', ';', ':', ' ', '–']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tones_move_only_in_open_syllables() {
        assert_eq!(new_tones("Số hóa, thủy lợi, hoàn thành, quý, khỏe"), "Số hoá, thuỷ lợi, hoàn thành, quý, khoẻ");
        assert_eq!(new_tones("Ủy ban, Hòa Bình"), "Uỷ ban, Hoà Bình");
    }

    #[test]
    fn dates_round_trip() {
        for d in [0, 19_000, 20_500, -1000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(iso(days_from_civil(2025, 7, 1)), "2025-07-01");
    }
}
