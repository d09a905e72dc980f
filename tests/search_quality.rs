//! Ranking quality on the sample bank: a judged set of Vietnamese queries with graded
//! relevance (3 = what the searcher wants, 2 = relevant, 1 = marginal; unlisted = 0),
//! judged by reading the entries of `content/sang-kien`. Reports nDCG@10 and success@1
//! (top hit graded ≥ 2) per query kind, and holds floors. Skipped without the bank.
//! tantivy answers here; the parity test shows the browser client answers the same.

mod search_support;

use std::collections::BTreeMap;

use sangkien::search::build_index;
use search_support::sample_bank;

type Judged = (&'static str, &'static str, &'static [(&'static str, &'static str)], &'static [(&'static str, u8)]);

const NO: &[(&str, &str)] = &[];
const SO_HOA_HO_SO: &[(&str, u8)] = &[
    ("LS-2023-0002", 3),
    ("TQ-2023-0001", 3),
    ("DL-2025-0001", 3),
    ("LS-2025-0004", 2),
    ("TQ-2025-0003", 2),
    ("CB-2025-0001", 2),
];
const MOT_CUA: &[(&str, u8)] = &[
    ("CB-2023-0002", 3),
    ("TQ-2025-0001", 2),
    ("LS-2023-0001", 2),
    ("DL-2025-0001", 2),
    ("DN-2023-0001", 2),
    ("LS-2025-0004", 2),
    ("TQ-2025-0003", 2),
    ("CB-2025-0001", 2),
];
const HO_TICH: &[(&str, u8)] = &[("CB-2025-0001", 3), ("DL-2024-0001", 3), ("CB-2023-0002", 2)];
const BAN_DO_SO: &[(&str, u8)] = &[("CB-2023-0001", 3), ("CB-2024-0002", 3), ("NA-2025-0004", 3), ("DL-2024-0003", 2)];
const MA_QR: &[(&str, u8)] = &[
    ("DN-2024-0002", 3),
    ("LS-2025-0001", 3),
    ("TQ-2025-0001", 3),
    ("CB-2023-0001", 2),
    ("DL-2025-0001", 2),
    ("DN-2025-0003", 2),
];
const BDHVS: &[(&str, u8)] = &[("CB-2025-0002", 3), ("DL-2025-0004", 3), ("DN-2025-0002", 3), ("NA-2025-0002", 2)];
const NGUOI_CAO_TUOI: &[(&str, u8)] =
    &[("DN-2025-0002", 3), ("NA-2024-0002", 3), ("TQ-2025-0004", 3), ("DL-2025-0004", 2)];
const SUC_KHOE: &[(&str, u8)] = &[("NA-2024-0002", 3)];
const HOA_GIAI: &[(&str, u8)] = &[("LS-2024-0002", 3)];
const THUY_SAN: &[(&str, u8)] = &[("DL-2025-0002", 3)];
const DAT_DAI: &[(&str, u8)] = &[("DN-2023-0001", 3), ("LS-2023-0002", 3), ("NA-2023-0002", 3), ("LS-2024-0002", 1)];
const GCN_QSDD: &[(&str, u8)] = &[("NA-2023-0002", 3), ("LS-2023-0002", 2)];
const CCHC: &[(&str, u8)] = &[("TQ-2025-0002", 3)];
const TTHC_MOT_CUA: &[(&str, u8)] =
    &[("TQ-2025-0001", 3), ("LS-2025-0004", 3), ("CB-2023-0002", 3), ("TQ-2025-0003", 2)];
const TTHC: &[(&str, u8)] =
    &[("CB-2024-0001", 3), ("NA-2025-0003", 3), ("TQ-2025-0001", 3), ("CB-2023-0002", 3), ("LS-2025-0004", 3)];
const PCCC: &[(&str, u8)] = &[("CB-2024-0003", 3)];
const ATTP: &[(&str, u8)] = &[("NA-2025-0004", 3)];
const BHYT: &[(&str, u8)] = &[("NA-2023-0001", 2), ("NA-2024-0002", 2), ("CB-2025-0006", 2)];
const ZALO_OA: &[(&str, u8)] = &[("DN-2025-0001", 3), ("NA-2023-0001", 3), ("NA-2025-0003", 3)];
const ZALO: &[(&str, u8)] = &[
    ("DN-2025-0001", 2),
    ("NA-2023-0001", 2),
    ("NA-2025-0003", 2),
    ("CB-2024-0003", 2),
    ("LS-2025-0003", 2),
    ("CB-2024-0001", 1),
];
const DAT_LICH: &[(&str, u8)] = &[("LS-2023-0001", 3), ("NA-2023-0001", 3)];
const KHONG_TIEN_MAT: &[(&str, u8)] = &[("LS-2025-0001", 3), ("TQ-2025-0004", 3), ("CB-2025-0002", 1)];
const KHUYEN_NONG: &[(&str, u8)] = &[("LS-2025-0003", 3), ("TQ-2024-0001", 3)];
const CHE: &[(&str, u8)] = &[("TQ-2024-0001", 3)];
const CA_PHE: &[(&str, u8)] = &[("DL-2024-0003", 3)];
const HOA_DON: &[(&str, u8)] = &[("CB-2025-0005", 3)];
const TUAN_TRA: &[(&str, u8)] = &[("CB-2024-0002", 3), ("DN-2024-0001", 3)];
const BIEN_PHONG: &[(&str, u8)] = &[("CB-2024-0002", 3), ("CB-2025-0002", 3)];
const SONG_NGU: &[(&str, u8)] = &[("DL-2023-0001", 3), ("DL-2024-0001", 3), ("LS-2025-0003", 3)];
const TIENG_TAY: &[(&str, u8)] = &[("CB-2024-0001", 3), ("LS-2025-0003", 2), ("CB-2025-0007", 1)];
const HOI_DONG: &[(&str, u8)] = &[("CB-2025-0004", 3), ("LS-2025-0002", 3)];
const KY_NANG_SO: &[(&str, u8)] = &[("CB-2025-0002", 3), ("NA-2025-0002", 3), ("DL-2025-0004", 3), ("DN-2025-0002", 3)];
const HO_NGHEO: &[(&str, u8)] = &[("CB-2025-0006", 3), ("DL-2024-0002", 2), ("DN-2024-0002", 2)];
const GIAM_NGHEO: &[(&str, u8)] = &[("CB-2025-0006", 3), ("DL-2024-0002", 3)];
const PHAN_LOAI_RAC: &[(&str, u8)] = &[("DN-2025-0003", 3)];
const HOC_LIEU: &[(&str, u8)] = &[("DL-2025-0003", 3), ("CB-2025-0007", 3)];
const TRO_LY_AO: &[(&str, u8)] = &[("NA-2025-0003", 3)];
const CAMERA: &[(&str, u8)] = &[("LS-2024-0001", 3)];
const VNEID: &[(&str, u8)] = &[("CB-2025-0002", 3), ("CB-2025-0003", 3)];
const DVCTT: &[(&str, u8)] = &[("CB-2025-0003", 3), ("TQ-2025-0003", 3), ("TQ-2025-0001", 2), ("LS-2023-0001", 1)];
const KHAM_BENH: &[(&str, u8)] = &[("NA-2023-0001", 3), ("NA-2024-0002", 2)];
const HOC_BA: &[(&str, u8)] = &[("DL-2023-0001", 3)];
const NHAC_VIEC: &[(&str, u8)] = &[("NA-2024-0001", 3)];
const VAY_VON: &[(&str, u8)] = &[("DL-2024-0002", 3)];
const RUNG: &[(&str, u8)] = &[("DN-2024-0001", 3), ("LS-2025-0003", 2)];

const JUDGED: &[Judged] = &[
    ("diacritics", "số hóa hồ sơ", NO, SO_HOA_HO_SO),
    ("tones", "số hoá hồ sơ", NO, SO_HOA_HO_SO),
    ("folded", "so hoa ho so", NO, SO_HOA_HO_SO),
    ("diacritics", "một cửa", NO, MOT_CUA),
    ("folded", "mot cua", NO, MOT_CUA),
    ("phrase", "\"một cửa\"", NO, MOT_CUA),
    ("one-word", "hộ tịch", NO, HO_TICH),
    ("folded", "ho tich", NO, HO_TICH),
    ("multiword", "bản đồ số", NO, BAN_DO_SO),
    ("folded", "ban do so", NO, BAN_DO_SO),
    ("multiword", "mã QR", NO, MA_QR),
    ("folded", "ma qr", NO, MA_QR),
    ("phrase", "Bình dân học vụ số", NO, BDHVS),
    ("folded", "binh dan hoc vu so", NO, BDHVS),
    ("abbreviation", "BDHVS", NO, BDHVS),
    ("multiword", "người cao tuổi", NO, NGUOI_CAO_TUOI),
    ("folded", "nguoi cao tuoi", NO, NGUOI_CAO_TUOI),
    ("tones", "sức khỏe", NO, SUC_KHOE),
    ("tones", "sức khoẻ", NO, SUC_KHOE),
    ("folded", "suc khoe", NO, SUC_KHOE),
    ("tones", "hòa giải", NO, HOA_GIAI),
    ("tones", "hoà giải", NO, HOA_GIAI),
    ("folded", "hoa giai", NO, HOA_GIAI),
    ("tones", "thủy sản", NO, THUY_SAN),
    ("tones", "thuỷ sản", NO, THUY_SAN),
    ("folded", "thuy san", NO, THUY_SAN),
    ("diacritics", "đất đai", NO, DAT_DAI),
    ("folded", "dat dai", NO, DAT_DAI),
    ("multiword", "giấy chứng nhận quyền sử dụng đất", NO, GCN_QSDD),
    ("abbreviation", "GCNQSDĐ", NO, GCN_QSDD),
    ("abbreviation", "CCHC", NO, CCHC),
    ("abbreviation", "chỉ số cchc", NO, CCHC),
    ("abbreviation", "TTHC một cửa", NO, TTHC_MOT_CUA),
    ("multiword", "thủ tục hành chính", NO, TTHC),
    ("abbreviation", "PCCC", NO, PCCC),
    ("multiword", "chữa cháy", NO, PCCC),
    ("abbreviation", "ATTP", NO, ATTP),
    ("multiword", "an toàn thực phẩm", NO, ATTP),
    ("abbreviation", "BHYT", NO, BHYT),
    ("multiword", "Zalo OA", NO, ZALO_OA),
    ("one-word", "zalo", NO, ZALO),
    ("diacritics", "đặt lịch", NO, DAT_LICH),
    ("folded", "dat lich", NO, DAT_LICH),
    ("multiword", "thanh toán không dùng tiền mặt", NO, KHONG_TIEN_MAT),
    ("prefix", "không dùng tiền m", NO, KHONG_TIEN_MAT),
    ("one-word", "khuyến nông", NO, KHUYEN_NONG),
    ("folded", "khuyen nong", NO, KHUYEN_NONG),
    ("multiword", "chè Shan tuyết", NO, CHE),
    ("prefix", "che sha", NO, CHE),
    ("diacritics", "cà phê", NO, CA_PHE),
    ("folded", "ca phe", NO, CA_PHE),
    ("multiword", "hóa đơn điện tử", NO, HOA_DON),
    ("folded", "hoa don dien tu", NO, HOA_DON),
    ("one-word", "tuần tra", NO, TUAN_TRA),
    ("one-word", "biên phòng", NO, BIEN_PHONG),
    ("one-word", "song ngữ", NO, SONG_NGU),
    ("multiword", "tiếng Tày", NO, TIENG_TAY),
    ("multiword", "Hội đồng sáng kiến", NO, HOI_DONG),
    ("folded", "hoi dong sang kien", NO, HOI_DONG),
    ("multiword", "kỹ năng số", NO, KY_NANG_SO),
    ("one-word", "hộ nghèo", NO, HO_NGHEO),
    ("one-word", "giảm nghèo", NO, GIAM_NGHEO),
    ("multiword", "phân loại rác", NO, PHAN_LOAI_RAC),
    ("one-word", "học liệu", NO, HOC_LIEU),
    ("prefix", "học li", NO, HOC_LIEU),
    ("multiword", "trợ lý ảo", NO, TRO_LY_AO),
    ("folded", "tro ly ao", NO, TRO_LY_AO),
    ("multiword", "camera giao thông", NO, CAMERA),
    ("one-word", "VNeID", NO, VNEID),
    ("multiword", "dịch vụ công trực tuyến", NO, DVCTT),
    ("abbreviation", "DVCTT", NO, DVCTT),
    ("one-word", "khám bệnh", NO, KHAM_BENH),
    ("prefix", "khám bện", NO, KHAM_BENH),
    ("multiword", "học bạ số", NO, HOC_BA),
    ("one-word", "nhắc việc", NO, NHAC_VIEC),
    ("multiword", "tiết kiệm vay vốn", NO, VAY_VON),
    ("one-word", "rừng", NO, RUNG),
    ("filter", "số hóa hồ sơ", &[("tinh", "lang-son")], &[("LS-2023-0002", 3), ("LS-2025-0004", 2)]),
    ("filter", "mã QR", &[("tinh", "da-nang")], &[("DN-2024-0002", 3), ("DN-2025-0003", 2)]),
    ("filter", "một cửa", &[("linh-vuc", "dat-dai-xay-dung")], &[("DL-2025-0001", 3), ("DN-2023-0001", 3)]),
    ("filter", "kỹ năng số", &[("tinh", "nghe-an")], &[("NA-2025-0002", 3)]),
];

fn dcg(grades: &[u8]) -> f64 {
    grades.iter().enumerate().map(|(i, &g)| (2f64.powi(g as i32) - 1.0) / (i as f64 + 2.0).log2()).sum()
}

#[test]
fn judged_set_ndcg_and_success_at_1() {
    let Some((docs, facets, synonyms)) = sample_bank() else {
        println!("SKIPPED the judged set: no sample bank (content/sang-kien) found");
        return;
    };
    let index = build_index(docs, facets, &synonyms).unwrap();
    let known: std::collections::BTreeSet<&str> = index.docs().iter().map(|d| d.id.as_str()).collect();
    let mut per_kind: BTreeMap<&str, (usize, f64, usize)> = BTreeMap::new();
    let (mut total_ndcg, mut total_s1, mut n) = (0.0, 0, 0);
    for (kind, text, filters, judged) in JUDGED {
        let judged: Vec<(&str, u8)> = judged.iter().copied().filter(|(id, _)| known.contains(id)).collect();
        if judged.is_empty() {
            continue;
        }
        let filters: Vec<(String, String)> = filters.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let hits = index.query(text, &filters, 10).unwrap();
        let grade = |id: &str| judged.iter().find(|(j, _)| *j == id).map_or(0, |(_, g)| *g);
        let got: Vec<u8> = hits.iter().map(|h| grade(&h.id)).collect();
        let mut ideal: Vec<u8> = judged.iter().map(|(_, g)| *g).collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        ideal.truncate(10);
        let ndcg = dcg(&got) / dcg(&ideal);
        let s1 = usize::from(got.first().is_some_and(|&g| g >= 2));
        if ndcg < 0.6 || s1 == 0 {
            let top: Vec<&str> = hits.iter().take(3).map(|h| h.id.as_str()).collect();
            println!("  weak: {kind:12} {text:40} nDCG {ndcg:.2} s@1 {s1} top {top:?}");
        }
        let e = per_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += ndcg;
        e.2 += s1;
        total_ndcg += ndcg;
        total_s1 += s1;
        n += 1;
    }
    println!("{:14} {:>3} {:>8} {:>10}", "kind", "n", "nDCG@10", "success@1");
    for (kind, (k, ndcg, s1)) in &per_kind {
        println!("{kind:14} {k:>3} {:>8.3} {:>10.3}", ndcg / *k as f64, *s1 as f64 / *k as f64);
    }
    let (ndcg, s1) = (total_ndcg / n as f64, total_s1 as f64 / n as f64);
    println!("{:14} {n:>3} {ndcg:>8.3} {s1:>10.3}", "all");
    assert!(n >= 50, "the judged set needs at least 50 queries on this bank, has {n}");
    assert!(ndcg >= 0.92, "nDCG@10 {ndcg:.3} fell below the floor 0.92");
    assert!(s1 >= 0.92, "success@1 {s1:.3} fell below the floor 0.92");
}
