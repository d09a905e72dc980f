//! The unit tree: the 34 provincial units after 1 July 2025 (real names,
//! DOMAIN §3.1), and for each a generated set of departments, public
//! service units, armed-force and mass-organisation units, and fictional
//! communes (xã, phường, đặc khu) with some units under them.

use super::util::{self, Rng};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Region {
    Mountain,
    Delta,
    Central,
    Highlands,
    South,
}

pub struct Province {
    pub id: &'static str,
    /// The place name without "Tỉnh"/"Thành phố".
    pub place: &'static str,
    pub city: bool,
    pub code: &'static str,
    pub weight: u32,
    pub region: Region,
    pub predecessors: &'static [&'static str],
    pub dac_khu: &'static [&'static str],
}

use Region::*;

macro_rules! p {
    ($id:expr, $place:expr, $city:expr, $code:expr, $w:expr, $r:expr, $pred:expr, $dk:expr) => {
        Province {
            id: $id,
            place: $place,
            city: $city,
            code: $code,
            weight: $w,
            region: $r,
            predecessors: $pred,
            dac_khu: $dk,
        }
    };
}

/// DOMAIN §3.1, in its order. Codes are unique, 2–3 upper-case letters; the
/// ones the sample bank uses (CB, LS, NA, DL, TQ, DN) are kept.
pub const PROVINCES: &[Province] = &[
    p!("ha-noi", "Hà Nội", true, "HN", 8, Delta, &[], &[]),
    p!("hue", "Huế", true, "HUE", 1, Central, &[], &[]),
    p!("lai-chau", "Lai Châu", false, "LCH", 1, Mountain, &[], &[]),
    p!("dien-bien", "Điện Biên", false, "DB", 1, Mountain, &[], &[]),
    p!("son-la", "Sơn La", false, "SL", 1, Mountain, &[], &[]),
    p!("lang-son", "Lạng Sơn", false, "LS", 1, Mountain, &[], &[]),
    p!("quang-ninh", "Quảng Ninh", false, "QN", 1, Delta, &[], &["Vân Đồn", "Cô Tô"]),
    p!("thanh-hoa", "Thanh Hóa", false, "TH", 4, Central, &[], &[]),
    p!("nghe-an", "Nghệ An", false, "NA", 3, Central, &[], &[]),
    p!("ha-tinh", "Hà Tĩnh", false, "HT", 1, Central, &[], &[]),
    p!("cao-bang", "Cao Bằng", false, "CB", 2, Mountain, &[], &[]),
    p!("tuyen-quang", "Tuyên Quang", false, "TQ", 2, Mountain, &["Tỉnh Tuyên Quang", "Tỉnh Hà Giang"], &[]),
    p!("lao-cai", "Lào Cai", false, "LCI", 2, Mountain, &["Tỉnh Lào Cai", "Tỉnh Yên Bái"], &[]),
    p!("thai-nguyen", "Thái Nguyên", false, "TN", 2, Mountain, &["Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"], &[]),
    p!("phu-tho", "Phú Thọ", false, "PT", 4, Mountain, &["Tỉnh Phú Thọ", "Tỉnh Vĩnh Phúc", "Tỉnh Hòa Bình"], &[]),
    p!("bac-ninh", "Bắc Ninh", false, "BN", 4, Delta, &["Tỉnh Bắc Ninh", "Tỉnh Bắc Giang"], &[]),
    p!("hung-yen", "Hưng Yên", false, "HY", 3, Delta, &["Tỉnh Hưng Yên", "Tỉnh Thái Bình"], &[]),
    p!(
        "hai-phong",
        "Hải Phòng",
        true,
        "HP",
        4,
        Delta,
        &["Thành phố Hải Phòng", "Tỉnh Hải Dương"],
        &["Cát Hải", "Bạch Long Vĩ"]
    ),
    p!("ninh-binh", "Ninh Bình", false, "NB", 4, Delta, &["Tỉnh Ninh Bình", "Tỉnh Hà Nam", "Tỉnh Nam Định"], &[]),
    p!("quang-tri", "Quảng Trị", false, "QT", 2, Central, &["Tỉnh Quảng Trị", "Tỉnh Quảng Bình"], &["Cồn Cỏ"]),
    p!("da-nang", "Đà Nẵng", true, "DN", 3, Central, &["Thành phố Đà Nẵng", "Tỉnh Quảng Nam"], &["Hoàng Sa"]),
    p!("quang-ngai", "Quảng Ngãi", false, "QNG", 2, Central, &["Tỉnh Quảng Ngãi", "Tỉnh Kon Tum"], &["Lý Sơn"]),
    p!("gia-lai", "Gia Lai", false, "GL", 3, Highlands, &["Tỉnh Gia Lai", "Tỉnh Bình Định"], &[]),
    p!("khanh-hoa", "Khánh Hòa", false, "KH", 2, Central, &["Tỉnh Khánh Hòa", "Tỉnh Ninh Thuận"], &["Trường Sa"]),
    p!(
        "lam-dong",
        "Lâm Đồng",
        false,
        "LD",
        3,
        Highlands,
        &["Tỉnh Lâm Đồng", "Tỉnh Đắk Nông", "Tỉnh Bình Thuận"],
        &["Phú Quý"]
    ),
    p!("dak-lak", "Đắk Lắk", false, "DL", 3, Highlands, &["Tỉnh Đắk Lắk", "Tỉnh Phú Yên"], &[]),
    p!(
        "ho-chi-minh",
        "Hồ Chí Minh",
        true,
        "HCM",
        14,
        South,
        &["Thành phố Hồ Chí Minh", "Tỉnh Bình Dương", "Tỉnh Bà Rịa – Vũng Tàu"],
        &["Côn Đảo"]
    ),
    p!("dong-nai", "Đồng Nai", false, "DNA", 4, South, &["Tỉnh Đồng Nai", "Tỉnh Bình Phước"], &[]),
    p!("tay-ninh", "Tây Ninh", false, "TNI", 3, South, &["Tỉnh Tây Ninh", "Tỉnh Long An"], &[]),
    p!("can-tho", "Cần Thơ", true, "CT", 3, South, &["Thành phố Cần Thơ", "Tỉnh Sóc Trăng", "Tỉnh Hậu Giang"], &[]),
    p!("vinh-long", "Vĩnh Long", false, "VL", 4, South, &["Tỉnh Vĩnh Long", "Tỉnh Bến Tre", "Tỉnh Trà Vinh"], &[]),
    p!("dong-thap", "Đồng Tháp", false, "DT", 4, South, &["Tỉnh Đồng Tháp", "Tỉnh Tiền Giang"], &[]),
    p!("ca-mau", "Cà Mau", false, "CM", 2, South, &["Tỉnh Cà Mau", "Tỉnh Bạc Liêu"], &[]),
    p!(
        "an-giang",
        "An Giang",
        false,
        "AG",
        5,
        South,
        &["Tỉnh An Giang", "Tỉnh Kiên Giang"],
        &["Kiên Hải", "Phú Quốc", "Thổ Châu"]
    ),
];

impl Province {
    /// "Tỉnh Cao Bằng" / "Thành phố Hà Nội".
    pub fn name(&self) -> String {
        format!("{} {}", if self.city { "Thành phố" } else { "Tỉnh" }, self.place)
    }
    /// "tỉnh Cao Bằng" / "thành phố Hà Nội", inside a sentence or a name.
    pub fn prose(&self) -> String {
        format!("{} {}", if self.city { "thành phố" } else { "tỉnh" }, self.place)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Role {
    Province,
    Dept,
    Center,
    Hospital,
    School,
    Force,
    Party,
    Mass,
    Commune,
    CommuneCenter,
    Clinic,
    CommuneSchool,
}

pub struct Unit {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
    pub kind: &'static str,
    pub parent: Option<usize>,
    pub headcount: Option<u32>,
    pub predecessors: Vec<String>,
    // Generator-only:
    pub province: usize,
    pub role: Role,
    /// The key departments are looked up by (see Topic::depts).
    pub key: String,
    /// How prose names the unit: "xã Tân Lập", "Sở Y tế tỉnh Cao Bằng".
    pub prose: String,
    /// Who signs its recognition decisions, and in which unit.
    pub issuer: String,
    pub issuer_unit: usize,
    /// The decision symbol: `QĐ-UBND` (state form) or `QĐ/BTCTU` (party form).
    pub symbol: &'static str,
    pub party_form: bool,
    /// For communes: the pre-merger commune and district names.
    pub old: Option<(String, String)>,
    /// May own or adopt initiatives.
    pub pickable: bool,
}

struct DeptSpec {
    key: &'static str,
    parent: Option<&'static str>,
    name: &'static str,
    short: Option<&'static str>,
    kind: &'static str,
    role: Role,
    issuer: &'static str,
    symbol: &'static str,
    party: bool,
    heads: Option<(u32, u32)>,
}

macro_rules! d {
    ($key:expr, $parent:expr, $name:expr, $short:expr, $kind:expr, $role:expr, $issuer:expr, $symbol:expr, $party:expr, $heads:expr) => {
        DeptSpec {
            key: $key,
            parent: $parent,
            name: $name,
            short: $short,
            kind: $kind,
            role: $role,
            issuer: $issuer,
            symbol: $symbol,
            party: $party,
            heads: $heads,
        }
    };
}

// {t} = "tỉnh Cao Bằng", {s} = "Cao Bằng", {U} = "Tỉnh ủy"/"Thành ủy", {D} = "Tỉnh Đoàn"/"Thành Đoàn".
const DEPTS: &[DeptSpec] = &[
    d!(
        "van-phong-ubnd-tinh",
        None,
        "Văn phòng UBND {t}",
        Some("VP UBND {s}"),
        "so_nganh",
        Role::Dept,
        "Chánh Văn phòng UBND {t}",
        "QĐ-VP",
        false,
        Some((60, 120))
    ),
    d!(
        "so-noi-vu",
        None,
        "Sở Nội vụ {t}",
        Some("Sở Nội vụ {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Nội vụ {t}",
        "QĐ-SNV",
        false,
        Some((90, 220))
    ),
    d!(
        "so-tu-phap",
        None,
        "Sở Tư pháp {t}",
        Some("Sở Tư pháp {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Tư pháp {t}",
        "QĐ-STP",
        false,
        Some((40, 90))
    ),
    d!(
        "so-tai-chinh",
        None,
        "Sở Tài chính {t}",
        Some("Sở Tài chính {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Tài chính {t}",
        "QĐ-STC",
        false,
        Some((100, 220))
    ),
    d!(
        "so-y-te",
        None,
        "Sở Y tế {t}",
        Some("Sở Y tế {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Y tế {t}",
        "QĐ-SYT",
        false,
        Some((60, 140))
    ),
    d!(
        "so-giao-duc-va-dao-tao",
        None,
        "Sở Giáo dục và Đào tạo {t}",
        Some("Sở GD&ĐT {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Giáo dục và Đào tạo {t}",
        "QĐ-SGDĐT",
        false,
        Some((70, 150))
    ),
    d!(
        "so-nong-nghiep-va-moi-truong",
        None,
        "Sở Nông nghiệp và Môi trường {t}",
        Some("Sở NN&MT {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Nông nghiệp và Môi trường {t}",
        "QĐ-SNNMT",
        false,
        Some((150, 400))
    ),
    d!(
        "so-khoa-hoc-va-cong-nghe",
        None,
        "Sở Khoa học và Công nghệ {t}",
        Some("Sở KH&CN {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Khoa học và Công nghệ {t}",
        "QĐ-SKHCN",
        false,
        Some((60, 130))
    ),
    d!(
        "so-xay-dung",
        None,
        "Sở Xây dựng {t}",
        Some("Sở Xây dựng {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Xây dựng {t}",
        "QĐ-SXD",
        false,
        Some((80, 200))
    ),
    d!(
        "so-cong-thuong",
        None,
        "Sở Công Thương {t}",
        Some("Sở Công Thương {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Công Thương {t}",
        "QĐ-SCT",
        false,
        Some((80, 200))
    ),
    d!(
        "so-van-hoa-the-thao-va-du-lich",
        None,
        "Sở Văn hóa, Thể thao và Du lịch {t}",
        Some("Sở VHTTDL {s}"),
        "so_nganh",
        Role::Dept,
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch {t}",
        "QĐ-SVHTTDL",
        false,
        Some((80, 200))
    ),
    d!(
        "trung-tam-phuc-vu-hanh-chinh-cong",
        None,
        "Trung tâm Phục vụ hành chính công {t}",
        Some("TTPVHCC {s}"),
        "don_vi_su_nghiep",
        Role::Center,
        "Giám đốc Trung tâm Phục vụ hành chính công {t}",
        "QĐ-TTPVHCC",
        false,
        Some((30, 70))
    ),
    d!(
        "cong-an-tinh",
        None,
        "Công an {t}",
        Some("Công an {s}"),
        "llvt",
        Role::Force,
        "Giám đốc Công an {t}",
        "QĐ-CAT",
        false,
        None
    ),
    d!(
        "cong-an-tinh/phong-canh-sat-giao-thong",
        Some("cong-an-tinh"),
        "Phòng Cảnh sát giao thông, Công an {t}",
        Some("Phòng CSGT {s}"),
        "llvt",
        Role::Force,
        "",
        "",
        false,
        None
    ),
    d!(
        "bo-chi-huy-quan-su",
        None,
        "Bộ Chỉ huy Quân sự {t}",
        Some("BCH Quân sự {s}"),
        "llvt",
        Role::Force,
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự {t}",
        "QĐ-BCH",
        false,
        None
    ),
    d!(
        "bo-chi-huy-bdbp",
        None,
        "Bộ Chỉ huy Bộ đội Biên phòng {t}",
        Some("BĐBP {s}"),
        "llvt",
        Role::Force,
        "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng {t}",
        "QĐ-BĐBP",
        false,
        None
    ),
    d!(
        "ban-to-chuc-tinh-uy",
        None,
        "Ban Tổ chức {U} {s}",
        Some("Ban Tổ chức {U} {s}"),
        "co_quan_dang",
        Role::Party,
        "Trưởng Ban Tổ chức {U} {s}",
        "QĐ/BTCTU",
        true,
        Some((25, 45))
    ),
    d!(
        "uy-ban-mttq",
        None,
        "Ủy ban Mặt trận Tổ quốc Việt Nam {t}",
        Some("UBMTTQ {s}"),
        "mttq_doan_the",
        Role::Mass,
        "Chủ tịch Ủy ban MTTQ Việt Nam {t}",
        "QĐ-MTTQ-BTT",
        false,
        Some((30, 60))
    ),
    d!(
        "tinh-doan",
        None,
        "{D} {s}",
        Some("{D} {s}"),
        "mttq_doan_the",
        Role::Mass,
        "Bí thư {D} {s}",
        "QĐ/TĐTN",
        true,
        Some((18, 35))
    ),
    d!(
        "hoi-lien-hiep-phu-nu",
        None,
        "Hội Liên hiệp Phụ nữ {t}",
        Some("Hội LHPN {s}"),
        "mttq_doan_the",
        Role::Mass,
        "Chủ tịch Hội Liên hiệp Phụ nữ {t}",
        "QĐ-HPN",
        false,
        Some((15, 30))
    ),
    d!(
        "hoi-nong-dan",
        None,
        "Hội Nông dân {t}",
        Some("Hội Nông dân {s}"),
        "mttq_doan_the",
        Role::Mass,
        "Chủ tịch Hội Nông dân {t}",
        "QĐ-HND",
        false,
        Some((15, 30))
    ),
    d!(
        "so-y-te/benh-vien-da-khoa-tinh",
        Some("so-y-te"),
        "Bệnh viện Đa khoa {t}",
        Some("BVĐK {s}"),
        "don_vi_su_nghiep",
        Role::Hospital,
        "Giám đốc Bệnh viện Đa khoa {t}",
        "QĐ-BVĐK",
        false,
        Some((300, 900))
    ),
];

const NO_BORDER_GUARD: &[&str] = &["ha-noi", "phu-tho", "bac-ninh"];

const SYL1_COMMON: &[&str] = &[
    "Tân", "An", "Bình", "Phú", "Hòa", "Thạnh", "Long", "Mỹ", "Vĩnh", "Xuân", "Quang", "Trung", "Hưng", "Phước",
    "Thái", "Đông", "Tây", "Nam", "Bắc", "Hải", "Kim", "Thanh", "Đức", "Hiệp", "Thuận", "Ninh", "Nghĩa", "Cẩm", "Minh",
    "Hồng", "Yên", "Đồng", "Lạc", "Tiên", "Quỳnh", "Diễn", "Hương", "Khánh", "Lộc", "Phong",
];
const SYL2_COMMON: &[&str] = &[
    "Lập", "Hòa", "Thành", "Phong", "Lộc", "Hưng", "Sơn", "Hải", "Khánh", "Thịnh", "An", "Phú", "Tiến", "Đông", "Tây",
    "Bình", "Nghĩa", "Trung", "Thuận", "Mỹ", "Lợi", "Châu", "Điền", "Xuân", "Thủy", "Long", "Hiệp", "Định", "Quang",
    "Vinh", "Giang", "Lâm", "Hà", "Tân", "Phước", "Đức", "Hạnh", "Cường", "Kiều", "Yên",
];
const SYL1_MOUNTAIN: &[&str] = &[
    "Nà", "Bản", "Pác", "Lũng", "Khuổi", "Cốc", "Mường", "Nậm", "Pá", "Phìn", "Chiềng", "Tà", "Sán", "Thông", "Lục",
    "Quang", "Minh", "Thanh", "Hồng", "Tân", "Kim", "Đồng", "Xuân", "Hòa", "Yên",
];
const SYL2_MOUNTAIN: &[&str] = &[
    "Mẫu",
    "Pèn",
    "Khoang",
    "Lay",
    "Chải",
    "Ngần",
    "Phăng",
    "Nưa",
    "Mòn",
    "Khao",
    "Hưng",
    "Lạc",
    "Sơn",
    "Pha",
    "Lùng",
    "Thượng",
    "Hạ",
    "Tè",
    "Khuông",
    "Chu",
    "Bó",
    "Vài",
    "Luông",
    "Sảng",
];
const SYL1_HIGHLANDS: &[&str] = &["Ea", "Krông", "Cư", "Ia", "Đắk", "Buôn", "Kon", "Chư", "Hòa", "Tân", "Phú", "Đức"];
const SYL2_HIGHLANDS: &[&str] = &[
    "Kar", "Rang", "Pơng", "Sol", "Grai", "Blang", "Mơ", "Drông", "Hleo", "Tô", "Nông", "Knốp", "Sar", "Prông", "Bông",
];

fn place_name(rng: &mut Rng, region: Region) -> String {
    let (a, b) = match region {
        Mountain if rng.chance(0.6) => (SYL1_MOUNTAIN, SYL2_MOUNTAIN),
        Highlands if rng.chance(0.5) => (SYL1_HIGHLANDS, SYL2_HIGHLANDS),
        _ => (SYL1_COMMON, SYL2_COMMON),
    };
    loop {
        let x = rng.pick(a);
        let y = rng.pick(b);
        if x != y {
            return format!("{x} {y}");
        }
    }
}

fn fill_dept(t: &str, p: &Province) -> String {
    util::fill(t, |k| match k {
        "t" => Some(p.prose()),
        "s" => Some(p.place.to_string()),
        "U" => Some(if p.city { "Thành ủy" } else { "Tỉnh ủy" }.to_string()),
        "D" => Some(if p.city { "Thành Đoàn" } else { "Tỉnh Đoàn" }.to_string()),
        _ => None,
    })
}

/// How many communes to generate per province for a bank of `n` entries.
pub fn communes_per_province(n: usize) -> usize {
    (8 + n / 1200).min(98)
}

/// The unit tree with `per` communes per province (plus its đặc khu).
pub fn build(seed: u64, per: usize) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (pi, p) in PROVINCES.iter().enumerate() {
        let mut rng = Rng::derive(seed, 1, pi as u64);
        let root = units.len();
        units.push(Unit {
            id: p.id.to_string(),
            name: p.name(),
            short: Some(p.place.to_string()),
            kind: if p.city { "thanh_pho_tw" } else { "tinh" },
            parent: None,
            headcount: None,
            predecessors: p.predecessors.iter().map(|s| s.to_string()).collect(),
            province: pi,
            role: Role::Province,
            key: String::new(),
            prose: p.prose(),
            issuer: format!("Chủ tịch UBND {}", p.prose()),
            issuer_unit: root,
            symbol: "QĐ-UBND",
            party_form: false,
            old: None,
            pickable: false,
        });
        // Departments and province-level units.
        for spec in DEPTS {
            if spec.key == "bo-chi-huy-bdbp" && NO_BORDER_GUARD.contains(&p.id) {
                continue;
            }
            let parent = match spec.parent {
                Some(k) => units[root..].iter().position(|u| u.key == k).map(|i| root + i).unwrap_or(root),
                None => root,
            };
            let idx = units.len();
            let name = fill_dept(spec.name, p);
            let (issuer, issuer_unit, symbol, party) = if spec.issuer.is_empty() {
                let pu = &units[parent];
                (pu.issuer.clone(), pu.issuer_unit, pu.symbol, pu.party_form)
            } else {
                (fill_dept(spec.issuer, p), idx, spec.symbol, spec.party)
            };
            units.push(Unit {
                id: format!("{}/{}", p.id, spec.key),
                short: spec.short.map(|s| fill_dept(s, p)),
                kind: spec.kind,
                parent: Some(parent),
                headcount: spec.heads.map(|(lo, hi)| rng.range(lo as i64, hi as i64) as u32),
                predecessors: Vec::new(),
                province: pi,
                role: spec.role,
                key: spec.key.to_string(),
                prose: name.clone(),
                name,
                issuer,
                issuer_unit,
                symbol,
                party_form: party,
                old: None,
                pickable: true,
            });
        }
        // Two upper-secondary schools under the education department.
        let edu =
            units[root..].iter().position(|u| u.key == "so-giao-duc-va-dao-tao").map(|i| root + i).unwrap_or(root);
        let mut used: Vec<String> = Vec::new();
        for k in 1..=2 {
            let place = loop {
                let n = place_name(&mut rng, p.region);
                if !used.contains(&util::slugify(&n, 60)) {
                    break n;
                }
            };
            used.push(util::slugify(&place, 60));
            let idx = units.len();
            let name = format!("Trường THPT {place}");
            units.push(Unit {
                id: format!("{}/so-giao-duc-va-dao-tao/truong-thpt-{}", p.id, util::slugify(&place, 60)),
                short: None,
                kind: "don_vi_su_nghiep",
                parent: Some(edu),
                headcount: Some(rng.range(40, 90) as u32),
                predecessors: Vec::new(),
                province: pi,
                role: Role::School,
                key: format!("so-giao-duc-va-dao-tao/truong-thpt-{k}"),
                prose: name.clone(),
                issuer: format!("Hiệu trưởng {name}"),
                name,
                issuer_unit: idx,
                symbol: "QĐ-THPT",
                party_form: false,
                old: None,
                pickable: true,
            });
        }
        // Former districts, for predecessors and pre-merger decisions.
        let districts: Vec<String> = (0..8).map(|_| place_name(&mut rng, p.region)).collect();
        let mut names: Vec<String> = Vec::new();
        let mut communes: Vec<(String, &'static str)> = Vec::new();
        for dk in p.dac_khu {
            communes.push((dk.to_string(), "dac_khu"));
            names.push(util::slugify(dk, 60));
        }
        let urban = if p.city { 0.45 } else { 0.2 };
        while communes.len() < per + p.dac_khu.len() {
            let n = place_name(&mut rng, p.region);
            let slug = util::slugify(&n, 60);
            if names.contains(&slug) {
                continue;
            }
            names.push(slug);
            let kind = if rng.chance(urban) { "phuong" } else { "xa" };
            communes.push((n, kind));
        }
        for (cname, kind) in communes {
            let word = match kind {
                "phuong" => "phường",
                "dac_khu" => "đặc khu",
                _ => "xã",
            };
            let slug_word = match kind {
                "phuong" => "phuong",
                "dac_khu" => "dac-khu",
                _ => "xa",
            };
            let idx = units.len();
            let district = districts[rng.below(districts.len())].clone();
            let mut predecessors = Vec::new();
            let old_name;
            if kind == "dac_khu" {
                old_name = cname.clone();
                predecessors.push(format!("Huyện {cname}"));
            } else if rng.chance(0.65) {
                let count = rng.range(2, 3);
                let old_kind = if kind == "phuong" { "Phường" } else { "Xã" };
                let old_word = if kind == "phuong" { "quận" } else { "huyện" };
                let mut first = String::new();
                for j in 0..count {
                    let on = if j == 0 { cname.clone() } else { place_name(&mut rng, p.region) };
                    if j == 0 {
                        first = on.clone();
                    }
                    let province_note = if p.predecessors.len() > 1 && rng.chance(0.5) {
                        format!(", {}", util::uncap(rng.pick(p.predecessors)))
                    } else {
                        String::new()
                    };
                    predecessors.push(format!("{old_kind} {on} ({old_word} {district}{province_note})"));
                }
                old_name = first;
            } else {
                old_name = cname.clone();
            }
            let heads = match kind {
                "phuong" => rng.range(32, 60),
                "dac_khu" => rng.range(40, 80),
                _ => rng.range(24, 48),
            } as u32;
            let prose = format!("{word} {cname}");
            units.push(Unit {
                id: format!("{}/{}-{}", p.id, slug_word, util::slugify(&cname, 60)),
                name: format!("UBND {prose}"),
                short: Some(util::cap(&prose)),
                kind,
                parent: Some(root),
                headcount: Some(heads),
                predecessors,
                province: pi,
                role: Role::Commune,
                key: String::new(),
                issuer: format!("Chủ tịch UBND {prose}"),
                prose: prose.clone(),
                issuer_unit: idx,
                symbol: "QĐ-UBND",
                party_form: false,
                old: Some((old_name, district)),
                pickable: !matches!(cname.as_str(), "Hoàng Sa" | "Trường Sa"),
            });
            if !units[idx].pickable {
                continue;
            }
            // Some units under the commune.
            let cid = units[idx].id.clone();
            let cissuer = units[idx].issuer.clone();
            if rng.chance(0.3) {
                let name = format!("Trạm Y tế {prose}");
                units.push(Unit {
                    id: format!("{cid}/tram-y-te"),
                    short: None,
                    kind: "don_vi_su_nghiep",
                    parent: Some(idx),
                    headcount: Some(rng.range(6, 14) as u32),
                    predecessors: Vec::new(),
                    province: pi,
                    role: Role::Clinic,
                    key: String::new(),
                    prose: name.clone(),
                    name,
                    issuer: cissuer.clone(),
                    issuer_unit: idx,
                    symbol: "QĐ-UBND",
                    party_form: false,
                    old: None,
                    pickable: true,
                });
            }
            if rng.chance(0.3) {
                let level = if rng.chance(0.5) { "THCS" } else { "Tiểu học" };
                let name = format!("Trường {level} {cname}");
                let s = units.len();
                units.push(Unit {
                    id: format!("{cid}/truong-{}", util::slugify(level, 20)),
                    short: None,
                    kind: "don_vi_su_nghiep",
                    parent: Some(idx),
                    headcount: Some(rng.range(20, 60) as u32),
                    predecessors: Vec::new(),
                    province: pi,
                    role: Role::CommuneSchool,
                    key: String::new(),
                    prose: name.clone(),
                    issuer: format!("Hiệu trưởng {name}"),
                    name,
                    issuer_unit: s,
                    symbol: if level == "THCS" { "QĐ-THCS" } else { "QĐ-TH" },
                    party_form: false,
                    old: None,
                    pickable: true,
                });
            }
            if rng.chance(0.2) {
                let name = format!("Trung tâm Phục vụ hành chính công {prose}");
                units.push(Unit {
                    id: format!("{cid}/trung-tam-phvhcc"),
                    short: None,
                    kind: "don_vi_su_nghiep",
                    parent: Some(idx),
                    headcount: Some(rng.range(5, 12) as u32),
                    predecessors: Vec::new(),
                    province: pi,
                    role: Role::CommuneCenter,
                    key: String::new(),
                    prose: name.clone(),
                    name,
                    issuer: cissuer.clone(),
                    issuer_unit: idx,
                    symbol: "QĐ-UBND",
                    party_form: false,
                    old: None,
                    pickable: true,
                });
            }
        }
    }
    units
}

/// units.yaml, grouped by province with a comment line per province.
pub fn to_yaml(units: &[Unit]) -> String {
    let mut o = String::with_capacity(units.len() * 200);
    o.push_str("# Đơn vị: cây đơn vị sau sắp xếp ngày 01/7/2025 (chính quyền địa phương hai cấp).\n");
    o.push_str("# Tên tỉnh, thành phố là tên thật; tên xã, phường, trường học và biên chế do gen-bank sinh ngẫu nhiên, hư cấu.\n");
    for u in units {
        if u.role == Role::Province {
            let title = format!("── {} ", u.name);
            let pad = 62usize.saturating_sub(title.chars().count());
            o.push_str(&format!("\n# {title}{}\n", "─".repeat(pad)));
        }
        o.push_str(&format!("- id: {}\n  name: {}\n", u.id, util::plain(&u.name)));
        if let Some(s) = &u.short {
            o.push_str(&format!("  short_name: {}\n", util::plain(s)));
        }
        o.push_str(&format!("  kind: {}\n", u.kind));
        if let Some(p) = u.parent {
            o.push_str(&format!("  parent: {}\n", units[p].id));
        }
        if let Some(h) = u.headcount {
            o.push_str(&format!("  headcount: {h}\n"));
        }
        if !u.predecessors.is_empty() {
            let list: Vec<String> = u.predecessors.iter().map(|s| util::q(s)).collect();
            o.push_str(&format!("  predecessors: [{}]\n", list.join(", ")));
        }
    }
    o
}
