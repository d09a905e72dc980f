//! Citation downloads per entry, beside its permanent link: CSL-JSON
//! (`s/<ID>/trich-dan.json`, for Zotero and every citeproc), BibTeX
//! (`trich-dan.bib`) and RIS (`trich-dan.ris`, for EndNote and Mendeley).
//!
//! The three say the same as the "Trích dẫn đầy đủ" on the page: authors
//! (consent respected), year, title, the recognition decision that is cited
//! (highest level), the owner unit, the bank and the permanent URL. The
//! access date is left to the reader's reference manager: the build has no
//! clock. The texts of a citation are Vietnamese whatever the interface
//! language, because they quote Vietnamese documents.

use rayon::prelude::*;
use serde_json::json;

use crate::content::model::Recognition;
use crate::content::Entry;
use crate::guard::{guarded, Stage};
use crate::output::Staging;
use crate::site::Site;
use crate::views::urls;

use super::paths;

/// What the three formats are made from.
pub(crate) struct Record {
    pub id: String,
    pub title: String,
    pub authors: Vec<String>,
    /// Date of the first recognition decision (the year the entry counts in).
    pub issued: (i32, Option<(u8, u8)>),
    pub unit: String,
    pub province: String,
    pub bank: String,
    pub note: String,
    pub url: String,
    pub summary: String,
    pub keywords: Vec<String>,
}

/// "có hiệu quả … trong phạm vi tỉnh" or "cấp cơ sở": how the decision is described.
pub(crate) fn scope_words(site: &Site, r: &Recognition) -> String {
    if let Some(s) = r.scope_phrase.as_deref().filter(|s| !s.trim().is_empty()) {
        return s.to_string();
    }
    let name = site.lib.vocab.levels.iter().find(|t| t.id == r.level).map_or(r.level.as_str(), |t| t.name.as_str());
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(crate) fn record(site: &Site, e: &Entry) -> Record {
    let first = e.recognition.iter().map(|r| r.decision.date).min();
    let issued = match first {
        Some(d) if d.year == e.year => (d.year, Some((d.month, d.day))),
        _ => (e.year, None),
    };
    let mut note = String::new();
    if e.fictional {
        note.push_str(&format!("{}. ", site.t("fictional_label")));
    }
    if let Some(r) = super::cited_recognition(site, e) {
        let d = &r.decision;
        note.push_str(&format!(
            "Sáng kiến được công nhận {} theo Quyết định số {} ngày {} của {}. ",
            scope_words(site, r),
            d.number.0,
            d.date.vi_decree(),
            d.issuer
        ));
    }
    note.push_str(&format!("Mã sáng kiến {}.", e.id));
    let v = site.views();
    Record {
        id: e.id.clone(),
        title: e.title.clone(),
        authors: super::public_authors(site, e).into_iter().map(|(n, _)| n).collect(),
        issued,
        unit: site.lib.vocab.unit(&e.owner_unit).map_or(e.owner_unit.clone(), |u| u.name.clone()),
        province: v.province_link(&e.owner_unit).name,
        bank: site.config.title.clone(),
        note,
        url: site.config.abs_url(&urls::permalink(&e.id)),
        summary: e.summary.clone(),
        keywords: e.tags.clone(),
    }
}

/// CSL-JSON: a list with one item of type `report`. Names are `literal`:
/// Vietnamese names are written family name first and must not be
/// reordered or abbreviated by a style.
pub(crate) fn csl_json(r: &Record) -> String {
    let mut date = vec![json!(r.issued.0)];
    if let Some((m, d)) = r.issued.1 {
        date.push(json!(m));
        date.push(json!(d));
    }
    let item = json!({
        "id": r.id,
        "type": "report",
        "title": r.title,
        "author": r.authors.iter().map(|a| json!({"literal": a})).collect::<Vec<_>>(),
        "issued": {"date-parts": [date]},
        "genre": "Sáng kiến",
        "number": r.id,
        "publisher": r.unit,
        "publisher-place": r.province,
        "collection-title": r.bank,
        "note": r.note,
        "abstract": r.summary,
        "keyword": r.keywords.join(", "),
        "URL": r.url,
        "language": "vi",
    });
    let mut s = serde_json::to_string_pretty(&json!([item])).unwrap_or_default();
    s.push('\n');
    s
}

/// Escapes text for a braced BibTeX value (LaTeX specials).
fn tex(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                o.push('\\');
                o.push(c);
            }
            '~' => o.push_str("\\textasciitilde{}"),
            '^' => o.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => o.push(' '),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// BibTeX `@misc` (UTF-8; biber and BibTeX 8-bit both read it). Each author
/// is braced so that a name is never split into given and family parts.
pub(crate) fn bibtex(r: &Record) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("author", r.authors.iter().map(|a| format!("{{{}}}", tex(a))).collect::<Vec<_>>().join(" and ")),
        ("title", format!("{{{}}}", tex(&r.title))),
        ("year", r.issued.0.to_string()),
    ];
    if let Some((m, d)) = r.issued.1 {
        fields.push(("date", format!("{:04}-{m:02}-{d:02}", r.issued.0)));
    }
    fields.push(("howpublished", tex(&r.bank)));
    fields.push(("organization", tex(&r.unit)));
    fields.push(("address", tex(&r.province)));
    fields.push(("note", tex(&r.note)));
    // URLs are verbatim in BibTeX; braces could still unbalance the value.
    fields.push(("url", r.url.replace(['{', '}', '\\'], "")));
    if !r.keywords.is_empty() {
        fields.push(("keywords", tex(&r.keywords.join(", "))));
    }
    fields.push(("language", "vietnamese".into()));
    let mut s = format!("@misc{{{},\n", r.id);
    for (k, v) in fields {
        s.push_str(&format!("  {k} = {{{v}}},\n"));
    }
    s.push_str("}\n");
    s
}

/// RIS (tag, two spaces, hyphen, space, value; CRLF line ends).
pub(crate) fn ris(r: &Record) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<(&str, String)> = vec![("TY", "RPRT".into()), ("TI", one_line(&r.title))];
    for a in &r.authors {
        lines.push(("AU", one_line(a)));
    }
    lines.push(("PY", r.issued.0.to_string()));
    if let Some((m, d)) = r.issued.1 {
        lines.push(("DA", format!("{:04}/{m:02}/{d:02}", r.issued.0)));
    }
    lines.push(("M3", "Sáng kiến".into()));
    lines.push(("PB", one_line(&r.unit)));
    if !r.province.is_empty() {
        lines.push(("CY", one_line(&r.province)));
    }
    lines.push(("T3", one_line(&r.bank)));
    lines.push(("SN", r.id.clone()));
    lines.push(("UR", r.url.clone()));
    lines.push(("AB", one_line(&r.summary)));
    lines.push(("N1", one_line(&r.note)));
    for k in &r.keywords {
        lines.push(("KW", one_line(k)));
    }
    lines.push(("LA", "vi".into()));
    let mut s = String::new();
    for (tag, value) in lines {
        s.push_str(&format!("{tag}  - {value}\r\n"));
    }
    s.push_str("ER  - \r\n");
    s
}

/// Writes the three files of every entry.
pub(crate) fn write_all(site: &Site, out: &Staging) -> Result<(), String> {
    site.lib.entries.par_iter().try_for_each(|e| {
        guarded(Stage::Press, &e.source, || {
            let r = record(site, e);
            let io = |err: std::io::Error| format!("{}: {err}", e.id);
            out.write(&paths::csl(&e.id), csl_json(&r).as_bytes()).map_err(io)?;
            out.write(&paths::bibtex(&e.id), bibtex(&r).as_bytes()).map_err(io)?;
            out.write(&paths::ris(&e.id), ris(&r).as_bytes()).map_err(io)
        })
        .unwrap_or_else(|p| Err(p.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_specials_are_escaped_and_braces_stay_balanced() {
        let s = tex("50% & {x} #1 $ a_b ~ ^ \\");
        assert_eq!(s, "50\\% \\& \\{x\\} \\#1 \\$ a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
        let depth = s.replace("\\{", "").replace("\\}", "").chars().fold(0i32, |d, c| match c {
            '{' => d + 1,
            '}' => d - 1,
            _ => d,
        });
        assert_eq!(depth, 0);
    }
}
