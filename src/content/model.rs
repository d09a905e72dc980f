//! The entry model: what one initiative file holds, as Rust types.
//!
//! Field names and meanings are documented for editors in docs/content.md;
//! keep the two in step. Nested objects reject unknown keys (a typo must not
//! silently drop data); the top level is read field by field in
//! `entry.rs` so that one file reports every bad field at once.

use std::fmt;

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

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SolutionType {
    GiaiPhapKyThuat,
    GiaiPhapQuanLy,
    GiaiPhapTacNghiep,
    GiaiPhapUngDungTienBoKyThuat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    DangApDung,
    DangNhanRong,
    NgungApDung,
    ThuHoiCongNhan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RecognitionKind {
    #[default]
    CongNhanSangKien,
    CongNhanHieuQua,
    SangKienDotPha,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReplicationStatus {
    #[default]
    DangApDung,
    DaApDung,
    DungApDung,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardForm {
    GiayKhen,
    BangKhenTinh,
    BangKhenBo,
    BangKhenThuTuong,
    CstdCoSo,
    CstdTinh,
    CstdToanQuoc,
    Khac,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    QuyetDinh,
    GiayChungNhan,
    BaoCao,
    HuongDan,
    #[default]
    Khac,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    pub unit: String,
    #[serde(default)]
    pub share: Option<u32>,
    #[serde(default = "yes")]
    pub consent: bool,
}

fn yes() -> bool {
    true
}

/// A decision (quyết định) or other document: number and symbol, date, signer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub number: Str,
    pub date: Date,
    pub issuer: String,
    #[serde(default)]
    pub issuer_unit: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    pub level: String,
    #[serde(default)]
    pub kind: RecognitionKind,
    #[serde(default)]
    pub council: Option<String>,
    #[serde(default)]
    pub scope_phrase: Option<String>,
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub form: AwardForm,
    #[serde(default)]
    pub recipient: Option<String>,
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub indicator: String,
    #[serde(default)]
    pub before: Option<f64>,
    pub after: f64,
    pub unit: String,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub key: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefits {
    pub by_author: String,
    #[serde(default)]
    pub by_adopters: Option<String>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replication {
    pub unit: String,
    pub date: Date,
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub status: ReplicationStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Featured {
    pub rank: u32,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub unit: String,
    pub channel: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub path: String,
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub title: String,
    pub path: String,
    #[serde(default)]
    pub kind: AttachmentKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaCoverage {
    pub outlet: String,
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub date: Option<Date>,
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
