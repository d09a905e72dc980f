//! The entry model: what one initiative file holds, as Rust types.
//!
//! Field names and meanings are documented for editors in docs/content.md;
//! keep the two in step. Nested objects reject unknown keys (a typo must not
//! silently drop data); the top level is read field by field in
//! `entry.rs` so that one file reports every bad field at once.

use std::fmt;

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

/// A calendar date, checked to exist (no 31/02). Written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let d = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (1900..=2999).contains(&year))
            .then_some(d)
    }

    /// Parses `YYYY-MM-DD`, explaining what is wrong when it fails.
    pub fn parse(s: &str) -> Result<Date, String> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let bad = || format!("`{s}` is not a date written YYYY-MM-DD (e.g. 2025-11-05)");
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u8 = parts[1].parse().map_err(|_| bad())?;
        let day: u8 = parts[2].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(format!("`{s}`: there is no month {month}"));
        }
        Date::new(year, month, day).ok_or_else(|| {
            format!("`{s}`: {month:02}/{year} has {} days, there is no day {day}", days_in_month(year, month))
        })
    }

    /// Today's date in UTC, from the system clock (only used for checks,
    /// never written into the site).
    pub fn today() -> Date {
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        Date::from_days_since_epoch(secs.div_euclid(86_400))
    }

    /// Converts days since 1970-01-01 to a date (proleptic Gregorian).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Vietnamese style used on pages: `05/11/2025`.
    pub fn vi(&self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// The padding rule of Nghị định 30/2020 for document dates: a zero
    /// before days < 10 and before months 1 and 2 ("ngày 05/3/2025").
    pub fn vi_decree(&self) -> String {
        if self.month <= 2 {
            format!("{:02}/{:02}/{}", self.day, self.month, self.year)
        } else {
            format!("{:02}/{}/{}", self.day, self.month, self.year)
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Ngày dạng YYYY-MM-DD, ví dụ 2025-11-05 (ngày phải có thật và không ở tương lai)",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// Text that may be written as a YAML number or boolean too (`tags: [5G,
/// 2025]`): editors should not have to quote it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct Str(pub String);

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_yaml::Value::deserialize(d)? {
            serde_yaml::Value::String(s) => Ok(Str(s)),
            serde_yaml::Value::Number(n) => Ok(Str(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(Str(b.to_string())),
            _ => Err(serde::de::Error::custom("expected text")),
        }
    }
}

impl JsonSchema for Str {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Str".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number", "boolean"] })
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SolutionType {
    #[schemars(description = "Giải pháp kỹ thuật")]
    GiaiPhapKyThuat,
    #[schemars(description = "Giải pháp quản lý")]
    GiaiPhapQuanLy,
    #[schemars(description = "Giải pháp tác nghiệp")]
    GiaiPhapTacNghiep,
    #[schemars(description = "Giải pháp ứng dụng tiến bộ kỹ thuật")]
    GiaiPhapUngDungTienBoKyThuat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[schemars(description = "Đang áp dụng")]
    DangApDung,
    #[schemars(description = "Đang nhân rộng")]
    DangNhanRong,
    #[schemars(description = "Ngừng áp dụng")]
    NgungApDung,
    #[schemars(description = "Bị thu hồi công nhận")]
    ThuHoiCongNhan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecognitionKind {
    #[default]
    #[schemars(description = "Công nhận sáng kiến (mặc định)")]
    CongNhanSangKien,
    #[schemars(description = "Công nhận hiệu quả áp dụng, phạm vi ảnh hưởng ở cấp cao hơn")]
    CongNhanHieuQua,
    #[schemars(description = "Sáng kiến đột phá (Quyết định 2266/QĐ-TTg)")]
    SangKienDotPha,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReplicationStatus {
    #[default]
    #[schemars(description = "Đang áp dụng (mặc định)")]
    DangApDung,
    #[schemars(description = "Đã áp dụng xong")]
    DaApDung,
    #[schemars(description = "Dừng áp dụng")]
    DungApDung,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardForm {
    #[schemars(description = "Giấy khen")]
    GiayKhen,
    #[schemars(description = "Bằng khen của Chủ tịch UBND tỉnh")]
    BangKhenTinh,
    #[schemars(description = "Bằng khen của Bộ trưởng")]
    BangKhenBo,
    #[schemars(description = "Bằng khen của Thủ tướng Chính phủ")]
    BangKhenThuTuong,
    #[schemars(description = "Chiến sĩ thi đua cơ sở")]
    CstdCoSo,
    #[schemars(description = "Chiến sĩ thi đua cấp tỉnh")]
    CstdTinh,
    #[schemars(description = "Chiến sĩ thi đua toàn quốc")]
    CstdToanQuoc,
    #[schemars(description = "Hình thức khác")]
    Khac,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    #[schemars(description = "Quyết định")]
    QuyetDinh,
    #[schemars(description = "Giấy chứng nhận")]
    GiayChungNhan,
    #[schemars(description = "Báo cáo")]
    BaoCao,
    #[schemars(description = "Hướng dẫn")]
    HuongDan,
    #[default]
    #[schemars(description = "Khác (mặc định)")]
    Khac,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Tác giả, đồng tác giả")]
pub struct Author {
    #[schemars(description = "Họ và tên")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "Chức danh, chức vụ")]
    pub position: Option<String>,
    #[schemars(with = "UnitId", description = "Nơi công tác: mã đơn vị trong units.yaml")]
    pub unit: String,
    #[serde(default)]
    #[schemars(
        range(min = 1, max = 100),
        description = "Tỷ lệ đóng góp (%), 1–100; bắt buộc khi có nhiều tác giả, tổng phải bằng 100"
    )]
    pub share: Option<u32>,
    #[serde(default = "yes")]
    #[schemars(description = "`false`: không công bố tên trên trang (chưa có sự đồng ý của tác giả). Mặc định `true`")]
    pub consent: bool,
}

fn yes() -> bool {
    true
}

/// A decision (quyết định) or other document: number and symbol, date, signer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Quyết định hoặc văn bản: số, ký hiệu, ngày, người ký")]
pub struct Decision {
    #[schemars(description = "Số, ký hiệu: `45/QĐ-UBND`, `13/2012/NĐ-CP` hoặc dạng văn bản Đảng `26-KH/TU`")]
    pub number: Str,
    #[schemars(description = "Ngày ký, dạng YYYY-MM-DD")]
    pub date: Date,
    #[schemars(description = "Người ký, ví dụ `Chủ tịch UBND tỉnh Cao Bằng`")]
    pub issuer: String,
    #[serde(default)]
    #[schemars(with = "Option<UnitId>", description = "Mã đơn vị ban hành trong units.yaml")]
    pub issuer_unit: Option<String>,
    #[serde(default)]
    #[schemars(description = "Trích yếu của quyết định")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Một lần công nhận")]
pub struct Recognition {
    #[schemars(with = "LevelId", description = "Cấp công nhận: mã trong levels.yaml")]
    pub level: String,
    #[serde(default)]
    #[schemars(description = "Hình thức công nhận")]
    pub kind: RecognitionKind,
    #[serde(default)]
    #[schemars(description = "Hội đồng sáng kiến đã xét")]
    pub council: Option<String>,
    #[serde(default)]
    #[schemars(description = "Phạm vi ảnh hưởng, trích nguyên văn quyết định")]
    pub scope_phrase: Option<String>,
    #[schemars(description = "Quyết định công nhận")]
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Một hình thức khen thưởng")]
pub struct Award {
    #[schemars(description = "Hình thức khen thưởng")]
    pub form: AwardForm,
    #[serde(default)]
    #[schemars(description = "Người hoặc tập thể được khen")]
    pub recipient: Option<String>,
    #[schemars(description = "Quyết định khen thưởng")]
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Một chỉ số hiệu quả định lượng, ví dụ thời gian cấp bản sao 2 → 0,5 ngày")]
pub struct Metric {
    #[schemars(description = "Tên chỉ số")]
    pub indicator: String,
    #[serde(default)]
    #[schemars(description = "Giá trị trước khi áp dụng")]
    pub before: Option<f64>,
    #[schemars(description = "Giá trị sau khi áp dụng")]
    pub after: f64,
    #[schemars(description = "Đơn vị đo: ngày, giờ, hồ sơ, triệu đồng…")]
    pub unit: String,
    #[serde(default)]
    #[schemars(description = "Thời kỳ đo, ví dụ `Quý III/2025`")]
    pub period: Option<String>,
    #[serde(default)]
    #[schemars(description = "Nguồn số liệu")]
    pub source: Option<String>,
    #[serde(default)]
    #[schemars(description = "`true`: chỉ số tiêu biểu, hiện trên thẻ sáng kiến (chỉ một chỉ số)")]
    pub key: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benefits {
    #[schemars(description = "Hiệu quả theo tác giả")]
    pub by_author: String,
    #[serde(default)]
    #[schemars(description = "Hiệu quả theo đánh giá của đơn vị áp dụng")]
    pub by_adopters: Option<String>,
    #[serde(default)]
    #[schemars(description = "Các chỉ số hiệu quả định lượng")]
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Một đơn vị đã nhân rộng mô hình")]
pub struct Replication {
    #[schemars(with = "UnitId", description = "Mã đơn vị nhân rộng (khác đơn vị chủ quản)")]
    pub unit: String,
    #[schemars(description = "Ngày bắt đầu áp dụng, YYYY-MM-DD")]
    pub date: Date,
    #[serde(default)]
    #[schemars(description = "Văn bản triển khai, ví dụ `Công văn số 112/UBND-VP`")]
    pub document: Option<String>,
    #[serde(default)]
    #[schemars(description = "Kết quả đạt được")]
    pub outcome: Option<String>,
    #[serde(default)]
    #[schemars(description = "Tình trạng nhân rộng")]
    pub status: ReplicationStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Featured {
    #[schemars(description = "Thứ tự trong bộ sưu tập tiêu biểu (1 = đầu tiên)")]
    pub rank: u32,
    #[serde(default)]
    #[schemars(description = "Nhãn hiển thị, mặc định `Mô hình tiêu biểu`")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[schemars(with = "UnitId", description = "Mã đơn vị đầu mối")]
    pub unit: String,
    #[schemars(
        description = "Kênh liên hệ của cơ quan (đường dây nóng, thư điện tử công vụ); không ghi số điện thoại cá nhân"
    )]
    pub channel: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Image {
    #[schemars(description = "Đường dẫn ảnh trong thư mục media/, ví dụ `media/so-do.png`")]
    pub path: String,
    #[schemars(length(min = 1), description = "Mô tả ảnh cho người dùng trình đọc màn hình (bắt buộc)")]
    pub alt: String,
    #[serde(default)]
    #[schemars(description = "Chú thích hiện dưới ảnh")]
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    #[schemars(description = "Tên tài liệu")]
    pub title: String,
    #[schemars(description = "Đường dẫn tệp trong thư mục media/")]
    pub path: String,
    #[serde(default)]
    #[schemars(description = "Loại tài liệu")]
    pub kind: AttachmentKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaCoverage {
    #[schemars(description = "Tên cơ quan báo chí")]
    pub outlet: String,
    #[schemars(description = "Tiêu đề bài viết")]
    pub title: String,
    #[schemars(description = "Địa chỉ bài viết (https://…)")]
    pub url: String,
    #[serde(default)]
    #[schemars(description = "Ngày đăng, YYYY-MM-DD")]
    pub date: Option<Date>,
}

/// Schemas of the identifier kinds: named, so that `sangkien schema
/// --content` can list a bank's own ids in one place (`definitions`).
macro_rules! id_schema {
    ($name:ident, $desc:literal, $pattern:literal) => {
        #[doc = concat!("Schema marker: ", $desc)]
        pub struct $name;
        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $desc, "pattern": $pattern })
            }
        }
    };
}

id_schema!(EntryId, "Mã sáng kiến TỈNH-NĂM-SỐ, ví dụ CB-2025-0012", "^[A-Z]{2,3}-[0-9]{4}-[0-9]{4}$");
id_schema!(
    UnitId,
    "Mã đơn vị trong units.yaml, ví dụ cao-bang/xa-thanh-mau",
    "^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$"
);
id_schema!(FieldId, "Mã lĩnh vực trong fields.yaml", "^[a-z0-9_-]+$");
id_schema!(MovementId, "Mã phong trào thi đua trong movements.yaml", "^[a-z0-9_-]+$");
id_schema!(LevelId, "Mã cấp công nhận trong levels.yaml", "^[a-z0-9_-]+$");
id_schema!(Slug, "Chữ thường không dấu, số và dấu gạch ngang, ví dụ so-hoa-ho-tich", "^[a-z0-9]+(-[a-z0-9]+)*$");

/// The frontmatter as editors write it: the one list of top-level keys, in
/// the canonical order of docs/content.md. `entry.rs` reads exactly these
/// keys (tested), `sangkien fmt` puts them in this order, and `sangkien
/// schema` derives the JSON Schema from this struct — so the three cannot
/// drift apart. The build itself reads field by field (`entry.rs`) to report
/// every bad field at once.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Sáng kiến — phần thông tin (frontmatter)",
    description = "Phần thông tin ở đầu tệp sang-kien/<MÃ>.md. Xem docs/content.md"
)]
pub struct Frontmatter {
    #[schemars(
        with = "EntryId",
        description = "Mã sáng kiến TỈNH-NĂM-SỐ, duy nhất và không bao giờ đổi; tên tệp nên là <MÃ>.md"
    )]
    pub id: String,
    #[schemars(length(min = 1), description = "Tên sáng kiến, đúng như trong quyết định công nhận")]
    pub title: String,
    #[schemars(length(max = 80), description = "Tên rút gọn cho thẻ sáng kiến (tối đa 80 ký tự)")]
    pub short_title: Option<String>,
    #[schemars(with = "Option<Slug>", description = "Đường dẫn trang sang-kien/<slug>/; mặc định tạo từ tên rút gọn")]
    pub slug: Option<String>,
    #[serde(default)]
    #[schemars(with = "Vec<Slug>", description = "Các đường dẫn cũ, vẫn chuyển hướng tới trang")]
    pub aliases: Vec<String>,
    #[schemars(
        length(min = 1, max = 400),
        description = "Tóm tắt 1–3 câu (tối đa 400 ký tự; thẻ sáng kiến hiện trọn 300 ký tự)"
    )]
    pub summary: String,
    #[serde(default)]
    #[schemars(description = "`true`: dữ liệu mẫu, hư cấu (trang hiện nhãn «Dữ liệu mẫu – hư cấu»)")]
    pub fictional: bool,
    #[schemars(length(min = 1), description = "Loại giải pháp (Điều lệ Sáng kiến, Điều 3), ít nhất một")]
    pub solution_types: Vec<SolutionType>,
    #[schemars(description = "Lĩnh vực áp dụng, như ghi trong đơn")]
    pub field_of_application: Option<String>,
    #[schemars(with = "Vec<FieldId>", length(min = 1), description = "Lĩnh vực (mã trong fields.yaml), ít nhất một")]
    pub fields: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Vec<MovementId>", description = "Phong trào thi đua (mã trong movements.yaml)")]
    pub movements: Vec<String>,
    #[serde(default)]
    #[schemars(description = "Từ khóa để tìm kiếm")]
    pub tags: Vec<Str>,
    #[schemars(with = "UnitId", description = "Đơn vị chủ quản: mã đơn vị trong units.yaml")]
    pub owner_unit: String,
    #[schemars(description = "Tên đơn vị như ghi trong quyết định, khi đơn vị đã đổi tên hoặc sáp nhập")]
    pub unit_at_recognition: Option<String>,
    #[schemars(length(min = 1), description = "Tác giả, đồng tác giả, ít nhất một")]
    pub authors: Vec<Author>,
    #[schemars(description = "Ngày áp dụng lần đầu hoặc áp dụng thử, YYYY-MM-DD")]
    pub first_applied: Date,
    #[serde(default)]
    #[schemars(description = "`true`: lần áp dụng đầu là áp dụng thử")]
    pub trial: bool,
    #[schemars(length(min = 1), description = "Quá trình công nhận, ít nhất một lần, cũ trước")]
    pub recognition: Vec<Recognition>,
    #[serde(default)]
    #[schemars(description = "Khen thưởng")]
    pub awards: Vec<Award>,
    #[schemars(description = "Hiệu quả đạt được")]
    pub benefits: Benefits,
    #[schemars(description = "Điều kiện cần thiết để áp dụng, một đoạn")]
    pub application_conditions: Option<String>,
    #[schemars(description = "Tình trạng")]
    pub status: Status,
    #[serde(default)]
    #[schemars(description = "`true`: đưa vào trang «Sẵn sàng nhân rộng»")]
    pub ready_to_replicate: bool,
    #[serde(default)]
    #[schemars(description = "Các đơn vị đã nhân rộng")]
    pub replications: Vec<Replication>,
    #[schemars(description = "Điển hình tiêu biểu: có mục này là được nêu bật")]
    pub featured: Option<Featured>,
    #[schemars(description = "Đầu mối liên hệ nhân rộng")]
    pub contact: Option<Contact>,
    #[serde(default)]
    #[schemars(description = "Ảnh trong thư mục media/, mỗi ảnh cần mô tả (alt)")]
    pub images: Vec<Image>,
    #[serde(default)]
    #[schemars(description = "Tài liệu đính kèm trong thư mục media/")]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    #[schemars(with = "Vec<EntryId>", description = "Sáng kiến liên quan (mã sáng kiến)")]
    pub related: Vec<String>,
    #[serde(default)]
    #[schemars(description = "Báo chí đưa tin")]
    pub media_coverage: Vec<MediaCoverage>,
    #[schemars(description = "Năm công nhận; mặc định là năm của quyết định công nhận đầu tiên")]
    pub year: Option<i32>,
    #[schemars(description = "Ngày đưa vào ngân hàng (khi không có lịch sử git), YYYY-MM-DD")]
    pub added: Option<Date>,
    #[schemars(description = "Ngày cập nhật (khi không có lịch sử git), YYYY-MM-DD")]
    pub updated: Option<Date>,
}

/// The top-level keys of [`Frontmatter`] in declaration order, which is the
/// canonical order. Read from the serde derive itself: a probe deserializer
/// catches the field list that `Deserialize` passes to `deserialize_struct`.
pub fn frontmatter_keys() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Probe(std::cell::Cell<&'static [&'static str]>);
    impl<'de> Deserializer<'de> for &Probe {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("probe"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("probe"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    static KEYS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let probe = Probe(std::cell::Cell::new(&[]));
        let _ = Frontmatter::deserialize(&probe);
        probe.0.get()
    })
}

/// One initiative, validated. `source` is the file's path relative to the
/// content folder; `body` is its Markdown, starting at byte `body_offset`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub source: std::path::PathBuf,
    pub id: String,
    pub title: String,
    pub short_title: Option<String>,
    pub slug: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub fictional: bool,
    pub solution_types: Vec<SolutionType>,
    pub field_of_application: Option<String>,
    pub fields: Vec<String>,
    pub movements: Vec<String>,
    pub tags: Vec<String>,
    pub owner_unit: String,
    pub unit_at_recognition: Option<String>,
    pub authors: Vec<Author>,
    pub first_applied: Date,
    pub trial: bool,
    pub recognition: Vec<Recognition>,
    pub awards: Vec<Award>,
    pub benefits: Benefits,
    pub application_conditions: Option<String>,
    pub status: Status,
    pub ready_to_replicate: bool,
    pub replications: Vec<Replication>,
    pub featured: Option<Featured>,
    pub contact: Option<Contact>,
    pub images: Vec<Image>,
    pub attachments: Vec<Attachment>,
    pub related: Vec<String>,
    pub media_coverage: Vec<MediaCoverage>,
    pub year: i32,
    pub added: Option<Date>,
    pub updated: Option<Date>,
    pub body: String,
    /// Byte offset of the body in the normalised source (for link diagnostics).
    pub body_offset: usize,
}

impl Entry {
    /// The metric shown on cards: the one marked `key`, else the first.
    pub fn key_metric(&self) -> Option<&Metric> {
        let m = &self.benefits.metrics;
        m.iter().find(|m| m.key).or_else(|| m.first())
    }

    /// Title for cards: the short title when given.
    pub fn card_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_rejected_with_a_reason() {
        assert!(Date::parse("2025-02-29").unwrap_err().contains("28 days"));
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2025-13-01").unwrap_err().contains("month 13"));
        assert!(Date::parse("5/11/2025").is_err());
    }

    #[test]
    fn vietnamese_date_styles() {
        let d = Date::parse("2025-03-05").unwrap();
        assert_eq!(d.vi(), "05/03/2025");
        assert_eq!(d.vi_decree(), "05/3/2025");
        assert_eq!(Date::parse("2012-02-02").unwrap().vi_decree(), "02/02/2012");
    }

    #[test]
    fn days_since_epoch_round_trip_known_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_414).to_string(), "2025-11-22");
    }
}
