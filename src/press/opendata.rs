//! Open data: the whole bank as `data/sang-kien.csv` and
//! `data/sang-kien.json`, and one CSV per unit, `data/don-vi/<unit-id>.csv`
//! (the entries the unit or any unit under it owns). Columns are documented
//! in docs/open-data.md; keep the two in step.
//!
//! The CSV follows RFC 4180 (comma, CRLF, fields quoted when they hold a
//! comma, quote or line break) and starts with a UTF-8 byte-order mark, which
//! is what makes Excel read Vietnamese letters correctly. Numbers are
//! written with a decimal point. Authors who did not consent appear only as
//! "Tác giả (không công bố tên)", without their position. Text cells that
//! a spreadsheet would take for a formula start with an apostrophe.

use rayon::prelude::*;

use serde_json::{json, Value};

use crate::content::Entry;
use crate::output::Staging;
use crate::site::Site;
use crate::views::{enum_id, urls};

/// The CSV columns, in order.
pub(crate) const COLUMNS: &[&str] = &[
    "id",
    "title",
    "short_title",
    "summary",
    "permalink",
    "page_url",
    "fictional",
    "owner_unit",
    "owner_unit_name",
    "province",
    "province_name",
    "unit_at_recognition",
    "authors",
    "solution_types",
    "field_of_application",
    "fields",
    "field_names",
    "movements",
    "tags",
    "level",
    "level_name",
    "year",
    "first_applied",
    "trial",
    "decision_number",
    "decision_date",
    "decision_issuer",
    "status",
    "ready_to_replicate",
    "replication_count",
    "replication_units",
    "featured_rank",
    "key_indicator",
    "key_before",
    "key_after",
    "key_unit",
    "key_period",
    "key_source",
    "key_figure",
    "added",
    "updated",
];

const SEP: &str = "; ";

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

fn row(site: &Site, i: usize) -> Vec<String> {
    let e = &site.lib.entries[i];
    let v = site.views();
    let voc = &site.lib.vocab;
    let province = voc.province(&e.owner_unit);
    let rec = super::cited_recognition(site, e);
    let key = e.key_metric();
    let level = site.lib.level_of(e).unwrap_or_default();
    let (added, updated) = site.dates.get(i).copied().unwrap_or((e.added, e.updated));
    let opt = |d: Option<crate::content::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        e.id.clone(),
        e.title.clone(),
        e.card_title().to_string(),
        e.summary.clone(),
        site.config.abs_url(&urls::permalink(&e.id)),
        site.config.abs_url(&urls::entry(e)),
        e.fictional.to_string(),
        e.owner_unit.clone(),
        voc.unit(&e.owner_unit).map_or(String::new(), |u| u.name.clone()),
        province.map_or(String::new(), |p| p.id.clone()),
        province.map_or(String::new(), |p| p.name.clone()),
        e.unit_at_recognition.clone().unwrap_or_default(),
        super::public_authors(site, e).into_iter().map(|(n, _)| n).collect::<Vec<_>>().join(SEP),
        e.solution_types.iter().map(enum_id).collect::<Vec<_>>().join(SEP),
        e.field_of_application.clone().unwrap_or_default(),
        e.fields.join(SEP),
        e.fields.iter().map(|f| v.field_link(f).name).collect::<Vec<_>>().join(SEP),
        e.movements.join(SEP),
        e.tags.join(SEP),
        level.to_string(),
        if level.is_empty() { String::new() } else { v.level_link(level).name },
        e.year.to_string(),
        e.first_applied.to_string(),
        e.trial.to_string(),
        rec.map_or(String::new(), |r| r.decision.number.0.clone()),
        rec.map_or(String::new(), |r| r.decision.date.to_string()),
        rec.map_or(String::new(), |r| r.decision.issuer.clone()),
        enum_id(&e.status),
        e.ready_to_replicate.to_string(),
        e.replications.len().to_string(),
        e.replications.iter().map(|r| r.unit.as_str()).collect::<Vec<_>>().join(SEP),
        e.featured.as_ref().map_or(String::new(), |f| f.rank.to_string()),
        key.map_or(String::new(), |m| m.indicator.clone()),
        key.and_then(|m| m.before).map(num).unwrap_or_default(),
        key.map_or(String::new(), |m| num(m.after)),
        key.map_or(String::new(), |m| m.unit.clone()),
        key.and_then(|m| m.period.clone()).unwrap_or_default(),
        key.and_then(|m| m.source.clone()).unwrap_or_default(),
        v.key_figure(e),
        opt(added),
        opt(updated),
    ]
}

/// One CSV field, quoted when RFC 4180 requires it. Text that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and not a number) gets a leading apostrophe: content
/// comes through pull requests, and a journalist opens the file in Excel.
fn field(s: &str, out: &mut String) {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().parse::<f64>().is_err();
    let guarded;
    let s = if formula {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\r', '\n']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// One CSV record, with its line end.
fn csv_line<S: AsRef<str>>(record: &[S]) -> String {
    let mut s = String::new();
    for (k, f) in record.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        field(f.as_ref(), &mut s);
    }
    s.push_str("\r\n");
    s
}

/// A CSV file: the BOM (so that Excel reads UTF-8), the header, then `lines`.
fn write_csv<'a>(w: &mut dyn std::io::Write, lines: impl Iterator<Item = &'a String>) -> std::io::Result<()> {
    w.write_all("\u{FEFF}".as_bytes())?;
    w.write_all(csv_line(COLUMNS).as_bytes())?;
    for line in lines {
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn json_entry(site: &Site, i: usize) -> Value {
    let e: &Entry = &site.lib.entries[i];
    let voc = &site.lib.vocab;
    let unit = |id: &str| json!({"id": id, "name": voc.unit(id).map_or("", |u| u.name.as_str())});
    let decision = |d: &crate::content::model::Decision| json!({"number": d.number.0, "date": d.date, "issuer": d.issuer, "issuer_unit": d.issuer_unit, "title": d.title});
    let (added, updated) = site.dates.get(i).copied().unwrap_or((e.added, e.updated));
    let authors: Vec<Value> = e
        .authors
        .iter()
        .zip(super::public_authors(site, e))
        .map(|(a, (name, position))| {
            json!({"name": name, "position": position, "unit": unit(&a.unit), "share": a.share, "published": a.consent})
        })
        .collect();
    json!({
        "id": e.id,
        "title": e.title,
        "short_title": e.card_title(),
        "summary": e.summary,
        "permalink": site.config.abs_url(&urls::permalink(&e.id)),
        "page_url": site.config.abs_url(&urls::entry(e)),
        "fictional": e.fictional,
        "owner_unit": unit(&e.owner_unit),
        "province": voc.province(&e.owner_unit).map(|p| json!({"id": p.id, "name": p.name})),
        "unit_at_recognition": e.unit_at_recognition,
        "authors": authors,
        "solution_types": e.solution_types.iter().map(enum_id).collect::<Vec<_>>(),
        "field_of_application": e.field_of_application,
        "fields": e.fields,
        "movements": e.movements,
        "tags": e.tags,
        "level": site.lib.level_of(e),
        "year": e.year,
        "first_applied": e.first_applied,
        "trial": e.trial,
        "recognition": e.recognition.iter().map(|r| json!({
            "level": r.level, "kind": enum_id(&r.kind), "council": r.council, "scope_phrase": r.scope_phrase,
            "decision": decision(&r.decision),
        })).collect::<Vec<_>>(),
        "awards": e.awards.iter().map(|a| json!({"form": enum_id(&a.form), "recipient": a.recipient, "decision": decision(&a.decision)})).collect::<Vec<_>>(),
        "benefits": {
            "by_author": e.benefits.by_author,
            "by_adopters": e.benefits.by_adopters,
            "metrics": e.benefits.metrics,
        },
        "key_figure": site.views().key_figure(e),
        "application_conditions": e.application_conditions,
        "status": enum_id(&e.status),
        "ready_to_replicate": e.ready_to_replicate,
        "replications": e.replications.iter().map(|r| json!({
            "unit": unit(&r.unit), "date": r.date, "document": r.document, "outcome": r.outcome, "status": enum_id(&r.status),
        })).collect::<Vec<_>>(),
        "featured": e.featured.as_ref().map(|f| json!({"rank": f.rank, "label": f.label})),
        "contact": e.contact.as_ref().map(|c| json!({"unit": unit(&c.unit), "channel": c.channel})),
        "related": e.related,
        "added": added,
        "updated": updated,
    })
}

/// The path of a unit's CSV (its entries and its sub-units').
pub(crate) fn unit_csv(unit: &str) -> String {
    format!("data/don-vi/{unit}.csv")
}

pub(crate) fn write_all(site: &Site, out: &Staging) -> Result<(), String> {
    let io = |e: std::io::Error| format!("open data: {e}");
    // Each entry's record is made once, as its CSV line (the fields of all
    // entries held apart took several times the bytes), and the bank's CSV
    // is written straight from the lines.
    let lines: Vec<String> = (0..site.lib.entries.len()).into_par_iter().map(|i| csv_line(&row(site, i))).collect();
    out.write_streamed("data/sang-kien.csv", |w| write_csv(w, lines.iter())).map_err(io)?;
    for (unit, list) in &site.lib.owned_under {
        let mut bytes = Vec::new();
        write_csv(&mut bytes, list.iter().map(|&i| &lines[i])).map_err(io)?;
        out.write(&unit_csv(unit), &bytes).map_err(io)?;
    }
    // The JSON is written in pieces, entries serialised in parallel a
    // thousand at a time, never as one value: at 100,000 entries a single
    // serde_json value of the bank took gigabytes. The bytes are those of
    // `serde_json::to_string` of the whole document.
    let head = json!({
        "title": site.config.title,
        "owner": site.config.owner,
        "base_url": site.config.base_url,
        "licence": site.config.footer,
        "count": site.lib.entries.len(),
    });
    let head = serde_json::to_string(&head).map_err(|e| e.to_string())?;
    let n = site.lib.entries.len();
    out.write_streamed("data/sang-kien.json", |w| {
        w.write_all(head.strip_suffix('}').unwrap_or(&head).as_bytes())?;
        w.write_all(b",\"entries\":[")?;
        for start in (0..n).step_by(1000) {
            let pieces: Vec<String> =
                (start..(start + 1000).min(n)).into_par_iter().map(|i| json_entry(site, i).to_string()).collect();
            for (k, piece) in pieces.iter().enumerate() {
                if start + k > 0 {
                    w.write_all(b",")?;
                }
                w.write_all(piece.as_bytes())?;
            }
        }
        w.write_all(b"]}\n")
    })
    .map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        for f in ["a", "a,b", "say \"hi\"", "x\ny", " lead"] {
            field(f, &mut s);
            s.push('|');
        }
        assert_eq!(s, "a|\"a,b\"|\"say \"\"hi\"\"\"|\"x\ny\"|\" lead\"|");
    }

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        let mut s = String::new();
        for f in ["=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)", "-2+3", "-12.5", "+84", "a=b"] {
            field(f, &mut s);
            s.push('|');
        }
        assert_eq!(s, "\"'=HYPERLINK(\"\"http://x\"\")\"|'+1+2|'@SUM(A1)|'-2+3|-12.5|+84|a=b|");
    }
}
