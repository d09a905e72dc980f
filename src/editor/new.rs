//! `sangkien new`: scaffold an entry with the next free id for a unit's
//! province and a year, every required field, and the conventional
//! Vietnamese body sections. What the editor still has to write is marked
//! `TODO`; `check` reports each such placeholder as an error, so an
//! unfinished entry cannot be published by mistake.
//!
//! Values come from flags; on a terminal, missing ones are asked for.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::NewArgs;
use crate::content::entry::valid_id;
use crate::content::frontmatter::quote;
use crate::content::{self, Date, Vocab, ENTRIES_DIR};
use crate::diagnostics::{Lang, Report};
use crate::editor::schema::load_vocab;

/// What a new entry is made from.
#[derive(Debug, Clone)]
pub struct Plan {
    pub unit: String,
    pub year: i32,
    pub title: Option<String>,
    pub field: Option<String>,
}

/// The next free id `CODE-YEAR-NNNN`: one more than the highest sequence
/// used for that code and year, by a file name or by an `id:` line.
pub fn next_id(content: &Path, code: &str, year: i32) -> String {
    let prefix = format!("{code}-{year}-");
    let mut highest = 0u32;
    let mut seen = |id: &str| {
        if valid_id(id) {
            if let Some(n) = id.strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok()) {
                highest = highest.max(n);
            }
        }
    };
    for rel in content::discover(content, ENTRIES_DIR, Some("md"), &mut Report::default()) {
        if let Some(stem) = rel.file_stem().and_then(|s| s.to_str()) {
            seen(stem);
        }
        if let Ok(text) = content::read_text(&content.join(&rel)) {
            let id_line = text.lines().take(200).find_map(|l| l.strip_prefix("id:"));
            if let Some(id) = id_line {
                seen(id.trim().trim_matches(['"', '\'']));
            }
        }
    }
    format!("{prefix}{:04}", highest + 1)
}

/// The text of a new entry. Keys are in canonical order (`fmt` leaves it as
/// it is); every `TODO` is a placeholder that `check` refuses.
pub fn entry_text(id: &str, plan: &Plan, vocab: &Vocab) -> String {
    let title =
        plan.title.as_deref().map_or_else(|| quote("TODO: tên sáng kiến, đúng như trong quyết định công nhận"), quote);
    let field = plan.field.clone().unwrap_or_else(|| "TODO".into());
    let level = if vocab.level_rank("co_so").is_some() {
        "co_so".to_string()
    } else {
        vocab.levels.first().map_or_else(|| "TODO".into(), |t| t.id.clone())
    };
    let unit = &plan.unit;
    let field_ids: Vec<&str> = vocab.fields.iter().map(|t| t.id.as_str()).collect();
    format!(
        "---
id: {id}
title: {title}
summary: \"TODO: tóm tắt 1–3 câu, tối đa 400 ký tự: sáng kiến giải quyết việc gì, bằng cách nào, kết quả ra sao\"
# Loại giải pháp, một hoặc nhiều: giai_phap_ky_thuat, giai_phap_quan_ly, giai_phap_tac_nghiep,
# giai_phap_ung_dung_tien_bo_ky_thuat
solution_types: [TODO]
# Lĩnh vực (fields.yaml): {fields}
fields: [{field}]
owner_unit: {unit}
# Nhiều tác giả: mỗi người một dòng, `share` là tỷ lệ đóng góp (%), tổng bằng 100.
authors:
  - {{ name: \"TODO: họ và tên\", position: \"TODO: chức danh\", unit: {unit}, share: 100 }}
# Ngày áp dụng lần đầu, dạng năm-tháng-ngày: 2025-03-03
first_applied: TODO
recognition:
  - level: {level}
    decision: {{ number: \"TODO: số/QĐ-UBND\", date: TODO, issuer: \"TODO: người ký, ví dụ Chủ tịch UBND xã …\", issuer_unit: {unit} }}
benefits:
  by_author: \"TODO: hiệu quả theo tác giả: lợi ích, số liệu trước và sau\"
# Tình trạng: dang_ap_dung, dang_nhan_rong, ngung_ap_dung, thu_hoi_cong_nhan
status: dang_ap_dung
---
## Thực trạng trước khi có sáng kiến

TODO: tình hình, khó khăn trước khi có sáng kiến.

## Nội dung giải pháp

TODO: các bước thực hiện, ai làm gì.

## Điều kiện áp dụng

TODO: con người, thiết bị, kinh phí cần có.

## Hiệu quả đạt được

TODO: kết quả, có số liệu.

## Khả năng nhân rộng

TODO: đơn vị nào có thể áp dụng, cần lưu ý gì.
",
        fields = field_ids.join(", "),
    )
}

/// Creates the entry file; returns its path.
pub fn create(content: &Path, plan: &Plan, vocab: &Vocab) -> Result<PathBuf, String> {
    let Some(unit) = vocab.unit(&plan.unit) else {
        let hint = crate::text::did_you_mean(&plan.unit, vocab.units.iter().map(|u| u.id.as_str()))
            .map(|s| format!(" (có phải `{s}`? / did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(format!("đơn vị `{}` không có trong units.yaml / unknown unit{hint}", plan.unit));
    };
    let province = vocab.province(&unit.id).unwrap_or(unit);
    let Some(code) = province.code.as_deref() else {
        return Err(format!(
            "tỉnh `{}` chưa có `code:` trong units.yaml (ví dụ `code: CB`) / province `{}` has no `code:` in units.yaml",
            province.id, province.id
        ));
    };
    if let Some(f) = &plan.field {
        if vocab.field(f).is_none() {
            return Err(format!("lĩnh vực `{f}` không có trong fields.yaml / unknown field `{f}`"));
        }
    }
    let this_year = Date::today().year;
    if !(1990..=this_year).contains(&plan.year) {
        return Err(format!("năm {} không hợp lệ (1990–{this_year}) / year out of range", plan.year));
    }
    let id = next_id(content, code, plan.year);
    let dir = content.join(ENTRIES_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{id}.md"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(entry_text(&id, plan, vocab).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Asks one question on the terminal; an empty answer keeps `default`.
fn ask(question: &str, default: Option<&str>) -> Option<String> {
    match default {
        Some(d) => crate::say_part!("{question} [{d}]: "),
        None => crate::say_part!("{question}: "),
    }
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    let answer = line.trim();
    if answer.is_empty() {
        default.map(str::to_string)
    } else {
        Some(answer.to_string())
    }
}

/// Fills what the flags left out: by asking on a terminal, else an error.
fn plan_from(args: &NewArgs, vocab: &Vocab) -> Result<Plan, String> {
    let tty = std::io::stdin().is_terminal();
    let this_year = Date::today().year.to_string();
    let mut unit = args.unit.clone();
    if unit.is_none() && tty {
        while let Some(u) = ask("Đơn vị chủ quản (mã trong units.yaml, ví dụ cao-bang/xa-thanh-mau)", None)
        {
            if vocab.unit(&u).is_some() {
                unit = Some(u);
                break;
            }
            let hint = crate::text::did_you_mean(&u, vocab.units.iter().map(|u| u.id.as_str()));
            crate::say!("  không có đơn vị `{u}`{}", hint.map(|s| format!("; có phải `{s}`?")).unwrap_or_default());
        }
    }
    let unit = unit.ok_or("thiếu --unit <mã đơn vị> / missing --unit <unit id>")?;
    let year = match (args.year, tty) {
        (Some(y), _) => y,
        (None, true) => ask("Năm công nhận", Some(&this_year))
            .and_then(|y| y.parse().ok())
            .ok_or("năm không hợp lệ / invalid year")?,
        (None, false) => Date::today().year,
    };
    let title = match (&args.title, tty) {
        (Some(t), _) => Some(t.clone()),
        (None, true) => ask("Tên sáng kiến (để trống để điền sau)", None),
        (None, false) => None,
    };
    let field = match (&args.field, tty) {
        (Some(f), _) => Some(f.clone()),
        (None, true) => {
            let ids: Vec<&str> = vocab.fields.iter().map(|t| t.id.as_str()).collect();
            crate::say!("  Lĩnh vực: {}", ids.join(", "));
            ask("Lĩnh vực (để trống để điền sau)", None)
        }
        (None, false) => None,
    };
    Ok(Plan { unit, year, title, field })
}

pub fn run(args: &NewArgs) -> ExitCode {
    let lang = Lang::from_env();
    if !args.content.is_dir() {
        crate::say!("sangkien new: content folder not found: {}", args.content.display());
        return ExitCode::from(2);
    }
    let vocab = match load_vocab(&args.content) {
        Ok(v) => v,
        Err(report) => {
            crate::say_part!("{}", report.render_human(lang));
            return ExitCode::from(1);
        }
    };
    let result = plan_from(args, &vocab).and_then(|plan| create(&args.content, &plan, &vocab));
    match result {
        Ok(path) => {
            crate::show!("{}", path.display());
            crate::say!(
                "{}",
                match lang {
                    Lang::Vi => "Đã tạo. Điền các chỗ TODO rồi chạy `sangkien check`.",
                    Lang::En => "Created. Fill in every TODO, then run `sangkien check`.",
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::say!("sangkien new: {e}");
            ExitCode::from(2)
        }
    }
}
