//! Shared by the search tests and the `search-bench` example: a seeded synthetic
//! Vietnamese bank, a best-effort reader of the real sample bank, the parity query set,
//! and helpers to write an export to disk and run the node harness.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use sangkien::search::{Facet, SearchDoc, SearchIndex, Synonyms};
use unicode_normalization::UnicodeNormalization;

/// splitmix64: small, seeded, the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// Zipf-like: index i with weight 1/(i+1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let h: f64 = (1..=n).map(|i| 1.0 / i as f64).sum();
        let mut x = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * h;
        for i in 0..n {
            x -= 1.0 / (i + 1) as f64;
            if x <= 0.0 {
                return i;
            }
        }
        n - 1
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Public-administration vocabulary; "|" separates tone-placement variants.
pub const WORDS: &[&str] = &[
    "chuyển đổi số",
    "cải cách hành chính",
    "thủ tục hành chính",
    "một cửa",
    "liên thông",
    "số hoá|số hóa",
    "hồ sơ",
    "dịch vụ công",
    "trực tuyến",
    "người dân",
    "doanh nghiệp",
    "ủy ban nhân dân|uỷ ban nhân dân",
    "hộ tịch",
    "chứng thực",
    "đất đai",
    "xây dựng",
    "giáo dục",
    "y tế",
    "bảo hiểm y tế",
    "sức khoẻ|sức khỏe",
    "nông nghiệp",
    "thuỷ lợi|thủy lợi",
    "môi trường",
    "rác thải",
    "nước sạch",
    "giao thông",
    "đường",
    "dương",
    "biên giới",
    "phần mềm",
    "ứng dụng",
    "dữ liệu",
    "cơ sở dữ liệu",
    "định danh điện tử",
    "căn cước",
    "thanh toán không dùng tiền mặt",
    "quy trình",
    "rút ngắn",
    "thời gian",
    "chi phí",
    "hiệu quả",
    "tiết kiệm",
    "minh bạch",
    "giám sát",
    "phản ánh",
    "kiến nghị",
    "tổng đài",
    "tiếp công dân",
    "văn bản",
    "chữ ký số",
    "lưu trữ",
    "tra cứu",
    "mã QR",
    "bản đồ số",
    "hoà giải|hòa giải",
    "an ninh trật tự",
    "phòng cháy chữa cháy",
    "khuyến nông",
    "hợp tác xã",
    "du lịch cộng đồng",
    "văn hoá|văn hóa",
    "dân tộc thiểu số",
    "vùng cao",
    "xã biên giới",
    "trường học",
    "học sinh",
    "giáo viên",
    "bệnh viện",
    "trạm y tế",
    "tiêm chủng",
    "người cao tuổi",
    "trẻ em",
    "phụ nữ",
    "thanh niên",
    "đoàn viên",
    "cựu chiến binh",
    "nhân rộng",
    "mô hình",
    "sáng kiến",
    "giải pháp",
    "cán bộ",
    "công chức",
    "viên chức",
    "đào tạo",
    "bồi dưỡng",
    "kỹ năng",
    "nâng cao",
    "chất lượng",
    "phục vụ",
    "hài lòng",
    "khoẻ mạnh|khỏe mạnh",
    "tài chính",
    "ngân sách",
    "kế toán",
    "thuế",
    "hải quan",
    "đăng ký",
    "cấp phép",
    "kinh doanh",
    "khởi nghiệp",
    "đổi mới sáng tạo",
    "khoa học",
    "công nghệ",
    "kỹ thuật",
    "trí tuệ nhân tạo",
    "nền tảng",
    "điện thoại thông minh",
    "mạng xã hội",
    "zalo",
    "thông báo",
    "tuyên truyền",
    "pháp luật",
    "phổ biến",
    "hoà nhập|hòa nhập",
    "thuỷ sản|thủy sản",
    "lâm nghiệp",
    "trồng rừng",
    "chăn nuôi",
    "phòng chống thiên tai",
    "lũ quét",
    "sạt lở",
    "cứu hộ",
    "bảo trợ xã hội",
    "hộ nghèo",
    "giảm nghèo",
    "việc làm",
    "lao động",
    "an sinh",
    "nhà ở",
    "quy hoạch",
    "đô thị",
    "nông thôn mới",
    "chợ",
    "điện",
    "chiếu sáng",
    "camera",
    "an toàn",
    "thực phẩm",
    "kiểm tra",
    "thanh tra",
    "khiếu nại",
    "tố cáo",
    "tư pháp",
    "công chứng",
    "thi hành án",
];

/// Abbreviations, as editors write them (some also appear in the generated text).
pub const SYNONYMS: &[(&str, &str)] = &[
    ("CCHC", "cải cách hành chính"),
    ("TTHC", "thủ tục hành chính"),
    ("CĐS", "chuyển đổi số"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("BHYT", "bảo hiểm y tế"),
    ("DVC", "dịch vụ công"),
    ("CSDL", "cơ sở dữ liệu"),
];

const FILLERS: &[&str] = &[
    "của", "và", "cho", "trong", "các", "những", "được", "với", "tại", "để", "người", "có", "là", "một", "không",
    "theo", "từ", "đã", "trên", "về",
];

const FIELDS: &[(&str, &str)] = &[
    ("chuyen-doi-so", "Chuyển đổi số"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("tu-phap-ho-tich", "Tư pháp – Hộ tịch"),
    ("giao-duc", "Giáo dục"),
    ("y-te", "Y tế"),
    ("nong-nghiep", "Nông nghiệp"),
    ("moi-truong", "Môi trường"),
    ("van-hoa-xa-hoi", "Văn hoá – Xã hội"),
    ("an-ninh-quoc-phong", "An ninh – Quốc phòng"),
    ("tai-chinh", "Tài chính"),
];

const PROVINCES: &[(&str, &str, &str)] = &[
    ("cao-bang", "Cao Bằng", "CB"),
    ("lang-son", "Lạng Sơn", "LS"),
    ("ha-giang", "Hà Giang", "HG"),
    ("thai-nguyen", "Thái Nguyên", "TN"),
    ("da-nang", "Đà Nẵng", "DN"),
    ("khanh-hoa", "Khánh Hoà", "KH"),
];

const COMMUNES: &[(&str, &str)] = &[
    ("thanh-mau", "Thanh Mẫu"),
    ("hoa-an", "Hoà An"),
    ("quang-hoa", "Quảng Hoà"),
    ("duong-hoa", "Đường Hoa"),
    ("thuy-phuong", "Thuỷ Phương"),
    ("khoe-lac", "Khoẻ Lạc"),
    ("nam-tuan", "Nam Tuấn"),
    ("bac-son", "Bắc Sơn"),
];

const LEVELS: &[(&str, &str)] = &[("co_so", "Cấp cơ sở"), ("tinh", "Cấp tỉnh"), ("toan_quoc", "Toàn quốc")];

const NAMES: &[&str] = &[
    "Nông Thị Mẫu",
    "Hoàng Văn Thử",
    "Lê Thị Hoà",
    "Nguyễn Đức Thuỷ",
    "Bế Văn Khoẻ",
    "Trần Minh Quý",
    "Đặng Thị Ước",
    "Phạm Quốc Hùng",
];

fn word(rng: &mut Rng) -> String {
    let w = WORDS[rng.zipf(WORDS.len())];
    let variants: Vec<&str> = w.split('|').collect();
    rng.pick(&variants).to_string()
}

fn sentence(rng: &mut Rng, syllables: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut count = 0;
    while count < syllables {
        let w = if rng.chance(0.35) {
            rng.pick(FILLERS).to_string()
        } else if rng.chance(0.03) {
            rng.pick(SYNONYMS).0.to_string()
        } else if rng.chance(0.02) {
            format!("{}", 1 + rng.below(300))
        } else {
            word(rng)
        };
        count += w.split(' ').count();
        out.push(w);
    }
    let mut s = out.join(" ");
    if let Some(first) = s.chars().next() {
        s = first.to_uppercase().chain(s.chars().skip(1)).collect();
    }
    s
}

fn paragraph(rng: &mut Rng, syllables: usize) -> String {
    let mut parts = Vec::new();
    let mut left = syllables as isize;
    while left > 0 {
        let n = 6 + rng.below(14);
        let punct = *rng.pick(&[".", ",", ";", ":", "!", "?"]);
        parts.push(format!("{}{punct}", sentence(rng, n)));
        left -= n as isize;
    }
    parts.join(" ")
}

/// The facets of the synthetic bank.
pub fn synthetic_facets() -> Vec<Facet> {
    let facet =
        |key: &str, label: &str, values: Vec<(String, String)>| Facet { key: key.into(), label: label.into(), values };
    let units = PROVINCES
        .iter()
        .flat_map(|(p, pn, _)| {
            COMMUNES.iter().map(move |(c, cn)| (format!("{p}/xa-{c}"), format!("UBND xã {cn}, {pn}")))
        })
        .collect();
    vec![
        facet("linh-vuc", "Lĩnh vực", FIELDS.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()),
        facet("don-vi", "Đơn vị", units),
        facet("tinh", "Tỉnh", PROVINCES.iter().map(|(a, b, _)| (a.to_string(), b.to_string())).collect()),
        facet("nam", "Năm", (2019..=2025).map(|y| (y.to_string(), y.to_string())).collect()),
        facet("cap", "Cấp", LEVELS.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()),
    ]
}

pub fn synthetic_synonyms() -> Synonyms {
    SYNONYMS.iter().map(|(k, v)| (k.to_string(), vec![v.to_string()])).collect()
}

/// A seeded bank of `n` entries with `body` syllables of body on average.
pub fn synthetic_bank(n: usize, seed: u64, body: usize) -> Vec<SearchDoc> {
    let mut rng = Rng::new(seed);
    let mut docs: Vec<SearchDoc> = (0..n)
        .map(|i| {
            let (pid, pname, code) = *rng.pick(PROVINCES);
            let (cid, cname) = *rng.pick(COMMUNES);
            let year = 2019 + rng.below(7) as i32;
            let fields: Vec<(&str, &str)> = (0..1 + rng.below(2)).map(|_| *rng.pick(FIELDS)).collect();
            let level = rng.pick(LEVELS).0;
            let len = 8 + rng.below(10);
            let mut title = sentence(&mut rng, len);
            if rng.chance(0.05) {
                title = title.to_uppercase();
            }
            let len = 20 + rng.below(25);
            let summary = paragraph(&mut rng, len);
            let len = body / 2 + rng.below(body + 1);
            let mut text = paragraph(&mut rng, len);
            if rng.chance(0.05) {
                text = text.nfd().collect();
            }
            let tags = (0..rng.below(4)).map(|_| word(&mut rng)).collect();
            let mut facets: Vec<(String, String)> =
                fields.iter().map(|(f, _)| ("linh-vuc".to_string(), f.to_string())).collect();
            facets.push(("don-vi".into(), format!("{pid}/xa-{cid}")));
            facets.push(("tinh".into(), pid.into()));
            facets.push(("nam".into(), year.to_string()));
            facets.push(("cap".into(), level.into()));
            facets.sort();
            facets.dedup();
            let mut field_names: Vec<String> = fields.iter().map(|(_, n)| n.to_string()).collect();
            field_names.dedup();
            SearchDoc {
                id: format!("{code}-{year}-{:05}", i),
                url: format!("sang-kien/{}-{i}/", code.to_lowercase()),
                title,
                summary,
                body: text.into(),
                authors: (0..1 + rng.below(2)).map(|_| rng.pick(NAMES).to_string()).collect(),
                unit: format!("UBND xã {cname}"),
                province: pname.into(),
                fields: field_names,
                tags,
                decision_numbers: vec![format!("{}/QĐ-UBND", 1 + rng.below(999))],
                year,
                facets,
            }
        })
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

/// One parity query: text as typed, filters, and a kind for the report.
#[derive(Debug, Clone)]
pub struct QuerySpec {
    pub kind: &'static str,
    pub text: String,
    pub filters: Vec<(String, String)>,
}

fn strip_diacritics(s: &str) -> String {
    s.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().replace('đ', "d").replace('Đ', "D")
}

fn swap_tones(s: &str) -> String {
    let pairs = [
        ("hoá", "hóa"),
        ("hóa", "hoá"),
        ("thuỷ", "thủy"),
        ("thủy", "thuỷ"),
        ("khoẻ", "khỏe"),
        ("khỏe", "khoẻ"),
        ("hoà", "hòa"),
        ("hòa", "hoà"),
        ("uỷ", "ủy"),
        ("ủy", "uỷ"),
    ];
    for (a, b) in pairs {
        if s.contains(a) {
            return s.replacen(a, b, 1);
        }
    }
    s.to_string()
}

/// Parity queries over a bank: every kind the requirements name.
pub fn parity_queries(docs: &[SearchDoc], n: usize, seed: u64) -> Vec<QuerySpec> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let fixed = [
        ("multiword", "chuyển đổi số"),
        ("folded", "chuyen doi so"),
        ("folded", "mot cua"),
        ("phrase", "\"một cửa\""),
        ("tones", "số hóa hồ sơ"),
        ("tones", "số hoá hồ sơ"),
        ("tones", "thủy lợi"),
        ("tones", "sức khỏe"),
        ("one-word", "đường"),
        ("folded", "duong"),
        ("abbreviation", "CCHC"),
        ("abbreviation", "tthc một cửa"),
        ("abbreviation", "cđs"),
        ("abbreviation", "UBND xã"),
        ("prefix", "chuyển đổi s"),
        ("prefix", "thanh to"),
        ("prefix", "ho"),
        ("nfd", &"Chuyển Đổi Số".nfd().collect::<String>()),
        ("uppercase", "DỊCH VỤ CÔNG TRỰC TUYẾN"),
        ("one-word", "người"),
        ("multiword", "hồ sơ người dân"),
        ("decision", "45/QĐ-UBND"),
    ];
    for (kind, text) in fixed {
        out.push(QuerySpec { kind, text: text.to_string(), filters: vec![] });
    }
    while out.len() < n {
        let doc = &docs[rng.below(docs.len())];
        let source = if rng.chance(0.5) { &doc.title } else { &doc.summary };
        let words: Vec<&str> = source.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let len = 1 + rng.below(3.min(words.len()));
        let start = rng.below(words.len() + 1 - len);
        let span: String =
            words[start..start + len].join(" ").chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
        if span.trim().is_empty() {
            continue;
        }
        let (kind, text) = match rng.below(8) {
            0 | 1 => ("folded", strip_diacritics(&span)),
            2 => ("tones", swap_tones(&span)),
            3 => ("uppercase", span.to_uppercase()),
            4 => {
                let cut: String = span.chars().take(span.chars().count().saturating_sub(1 + rng.below(2))).collect();
                ("prefix", cut)
            }
            5 => {
                let (k, v) = rng.pick(&doc.facets).clone();
                out.push(QuerySpec { kind: "filter", text: span.clone(), filters: vec![(k, v)] });
                continue;
            }
            _ => (if len == 1 { "one-word" } else { "multiword" }, format!("{span} ")),
        };
        if !text.trim().is_empty() {
            out.push(QuerySpec { kind, text, filters: vec![] });
        }
    }
    out
}

/// Writes an export under `dir/search/`.
pub fn write_export(index: &SearchIndex, dir: &Path) -> usize {
    let files = index.export().expect("export");
    let mut bytes = 0;
    for (path, data) in &files {
        let full = dir.join("search").join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, data).unwrap();
        bytes += data.len();
    }
    bytes
}

/// The `node` binary, or None (the JS half of the tests is then skipped).
pub fn node() -> Option<PathBuf> {
    let ok = Command::new("node").arg("--version").output().map(|o| o.status.success());
    ok.unwrap_or(false).then(|| PathBuf::from("node"))
}

/// Runs a script of tests/js with arguments; returns (success, stdout + stderr).
pub fn run_node(script: &str, args: &[&Path]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("node").arg(root.join("tests/js").join(script)).args(args).output().expect("node runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// The real sample bank, read best-effort from Markdown files with YAML frontmatter:
/// `$SANGKIEN_CONTENT`, else `content/` of this checkout, else `/work/main/content`.
pub fn sample_bank() -> Option<(Vec<SearchDoc>, Vec<Facet>, Synonyms)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("SANGKIEN_CONTENT")
        .map(PathBuf::from)
        .into_iter()
        .chain([root.join("content"), PathBuf::from("/work/main/content")])
        .collect();
    let dir = candidates.into_iter().find(|d| d.join("sang-kien").is_dir())?;
    let mut files: Vec<PathBuf> = walk_md(&dir.join("sang-kien"));
    files.sort();
    let mut docs = Vec::new();
    let mut field_names: BTreeMap<String, String> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(dir.join("fields.yaml")) {
        if let Ok(serde_yaml::Value::Sequence(items)) = serde_yaml::from_str(&text) {
            for item in items {
                if let (Some(id), Some(name)) = (item["id"].as_str(), item["name"].as_str()) {
                    field_names.insert(id.into(), name.into());
                }
            }
        }
    }
    let mut unit_names: BTreeMap<String, String> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(dir.join("units.yaml")) {
        if let Ok(serde_yaml::Value::Sequence(items)) = serde_yaml::from_str(&text) {
            for item in items {
                if let (Some(id), Some(name)) = (item["id"].as_str(), item["name"].as_str()) {
                    unit_names.insert(id.into(), name.into());
                }
            }
        }
    }
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let Some(rest) = text.strip_prefix("---\n") else {
            continue;
        };
        let Some(end) = rest.find("\n---") else {
            continue;
        };
        let Ok(front) = serde_yaml::from_str::<serde_yaml::Value>(&rest[..end]) else {
            continue;
        };
        let body = rest[end + 4..].trim_start_matches('-').trim().to_string();
        let s = |v: &serde_yaml::Value| v.as_str().unwrap_or("").to_string();
        let list = |v: &serde_yaml::Value| -> Vec<String> {
            v.as_sequence().map(|s| s.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default()
        };
        let Some(id) = front["id"].as_str() else {
            continue;
        };
        let unit_id = s(&front["owner_unit"]);
        let province_id = unit_id.split('/').next().unwrap_or("").to_string();
        let year = front["year"]
            .as_i64()
            .map(|y| y as i32)
            .or_else(|| front["recognition"][0]["decision"]["date"].as_str().and_then(|d| d.get(..4)?.parse().ok()))
            .unwrap_or(0);
        let fields = list(&front["fields"]);
        let mut facets: Vec<(String, String)> = fields.iter().map(|f| ("linh-vuc".to_string(), f.clone())).collect();
        facets.push(("don-vi".into(), unit_id.clone()));
        facets.push(("tinh".into(), province_id.clone()));
        facets.push(("nam".into(), year.to_string()));
        if let Some(level) = front["recognition"].as_sequence().and_then(|r| r.last()).and_then(|r| r["level"].as_str())
        {
            facets.push(("cap".into(), level.into()));
        }
        facets.sort();
        facets.dedup();
        let decisions = front["recognition"]
            .as_sequence()
            .map(|r| r.iter().filter_map(|x| x["decision"]["number"].as_str().map(String::from)).collect())
            .unwrap_or_default();
        let authors = front["authors"]
            .as_sequence()
            .map(|a| {
                a.iter()
                    .filter(|x| x["consent"].as_bool() != Some(false))
                    .filter_map(|x| x["name"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        docs.push(SearchDoc {
            id: id.into(),
            url: format!("sang-kien/{}/", id.to_lowercase()),
            title: s(&front["title"]).nfc().collect(),
            summary: s(&front["summary"]).nfc().collect(),
            body: strip_markdown(&body).nfc().collect::<String>().into(),
            authors,
            unit: unit_names.get(&unit_id).cloned().unwrap_or(unit_id.clone()),
            province: unit_names.get(&province_id).cloned().unwrap_or(province_id),
            fields: fields.iter().map(|f| field_names.get(f).cloned().unwrap_or(f.clone())).collect(),
            tags: list(&front["tags"]),
            decision_numbers: decisions,
            year,
            facets,
        });
    }
    if docs.is_empty() {
        return None;
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs.dedup_by(|a, b| a.id == b.id);
    // Facets from what the entries use.
    let mut values: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for d in &docs {
        for (k, v) in &d.facets {
            let name = match k.as_str() {
                "linh-vuc" => field_names.get(v).cloned(),
                "don-vi" | "tinh" => unit_names.get(v).cloned(),
                _ => None,
            };
            values.entry(k.clone()).or_default().insert(v.clone(), name.unwrap_or(v.clone()));
        }
    }
    let facets = values
        .into_iter()
        .map(|(key, vals)| Facet { label: key.clone(), key, values: vals.into_iter().collect() })
        .collect();
    let mut synonyms = Synonyms::new();
    if let Ok(text) = std::fs::read_to_string(dir.join("synonyms.yaml")) {
        if let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::from_str(&text) {
            for (k, v) in map {
                if let Some(k) = k.as_str() {
                    let vals: Vec<String> = match &v {
                        serde_yaml::Value::String(s) => vec![s.clone()],
                        v => list(v),
                    };
                    synonyms.insert(k.to_string(), vals);
                }
            }
        }
    }
    if synonyms.is_empty() {
        synonyms = synthetic_synonyms();
    }
    Some((docs, facets, synonyms))
}

fn list(v: &serde_yaml::Value) -> Vec<String> {
    v.as_sequence().map(|s| s.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default()
}

fn walk_md(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk_md(&p));
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    out
}

/// Crude Markdown → text for the test reader (the real build uses pulldown-cmark).
fn strip_markdown(md: &str) -> String {
    md.lines()
        .map(|l| l.trim_start_matches(['#', '>', '-', '*', ' ', '|']).replace(['*', '_', '`', '|'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}
