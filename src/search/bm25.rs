//! tantivy 0.27's BM25 (`src/query/bm25.rs`), written out in the same f32 order.
//!
//! The export needs it to sort postings by impact, and the tests use it to check the
//! client's arithmetic; the browser client (`search.js`) has the same lines with
//! `Math.fround`.

use tantivy::fieldnorm::FieldNormReader;

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;

/// The field length tantivy's scorer sees for a one-byte field-norm id.
pub fn id_to_fieldnorm(id: u8) -> u32 {
    FieldNormReader::id_to_fieldnorm(id)
}

/// The one-byte field-norm id of a token count (rounds down on the log scale).
pub fn fieldnorm_to_id(tokens: u32) -> u8 {
    FieldNormReader::fieldnorm_to_id(tokens)
}

/// `ln(1 + (N − n + 0.5) / (n + 0.5))`.
pub fn idf(doc_freq: u64, num_docs: u64) -> f32 {
    let x = ((num_docs - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    (1.0f32 + x).ln()
}

/// The clause weight: idf · (1 + k1) · boost.
pub fn weight(doc_freq: u64, num_docs: u64, boost: f32) -> f32 {
    let w = idf(doc_freq, num_docs) * (1.0 + K1);
    if boost == 1.0 {
        w
    } else {
        w * boost
    }
}

/// `K[id] = k1 · (1 − b + b · dl / avgdl)` for the 256 field-norm ids of one field.
pub fn norm_cache(total_num_tokens: u64, num_docs: u64) -> [f32; 256] {
    let avgdl = total_num_tokens as f32 / num_docs as f32;
    let mut cache = [0f32; 256];
    for (id, k) in cache.iter_mut().enumerate() {
        let dl = id_to_fieldnorm(id as u8);
        *k = K1 * (1.0 - B + B * dl as f32 / avgdl);
    }
    cache
}

/// The saturated term frequency `tf / (tf + K)`; score = weight · impact.
pub fn impact(tf: u32, k: f32) -> f32 {
    let tf = tf as f32;
    tf / (tf + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked check of the design brief, §1.2.
    #[test]
    fn brief_worked_check() {
        let k = norm_cache(9, 2);
        let w = weight(2, 2, 0.7);
        let doc0 = w * impact(1, k[3]) + w * impact(1, k[3]);
        assert!((doc0 - 0.295_552_88).abs() < 1e-7);
        let doc1 = w * impact(2, k[6]) + w * impact(1, k[6]);
        assert!((doc1 - 0.272_753_12).abs() < 1e-7);
    }
}
