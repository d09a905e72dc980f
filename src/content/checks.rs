//! Checks that need the whole bank: unique ids and slugs (also ignoring
//! letter case), references to units, fields, movements, levels and other
//! entries, and media files that must exist inside the content folder.
//!
//! Positions are found by re-reading the offending file: problems are rare,
//! and keeping every source in memory for a 100,000-entry bank is not.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path};
use std::sync::Arc;

use super::entry::{At, FileCtx};
use super::{frontmatter, Loaded};
use crate::diagnostics::{Diagnostic, Report, Text};
use crate::text;

/// A problem found in one entry: its index, the field path, and the message.
struct Found {
    entry: usize,
    path: String,
    diag: Diagnostic,
}

pub fn check_bank(content: &Path, bank: &Loaded, report: &mut Report) {
    let mut found: Vec<Found> = Vec::new();
    let vocab = &bank.vocab;
    let mut push = |entry: usize, path: String, code: &'static str, vi: String, en: String, help: Option<Text>| {
        let mut d = Diagnostic::error(code, "", Text::new(vi, en));
        d.help = help;
        found.push(Found { entry, path, diag: d });
    };
    let suggest = |word: &str, candidates: &mut dyn Iterator<Item = &str>| {
        text::did_you_mean(word, candidates)
            .map(|s| Text::new(format!("có phải ý bạn là `{s}`?"), format!("did you mean `{s}`?")))
    };

    // Ids and slugs, unique across the bank; slugs also ignoring case, and
    // an alias may not take another entry's slug.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut slugs: HashMap<String, (usize, String)> = HashMap::new();
    for (i, e) in bank.entries.iter().enumerate() {
        if let Some(&first) = ids.get(e.id.as_str()) {
            push(
                i,
                "id".into(),
                "duplicate-id",
                format!("mã `{}` đã dùng cho {}", e.id, bank.entries[first].source.display()),
                format!("id `{}` is already used by {}", e.id, bank.entries[first].source.display()),
                None,
            );
        } else {
            ids.insert(&e.id, i);
        }
        let mut own = vec![("slug".to_string(), e.slug.clone())];
        own.extend(e.aliases.iter().enumerate().map(|(k, a)| (format!("aliases[{k}]"), a.clone())));
        for (path, slug) in own {
            let key = slug.to_lowercase();
            match slugs.get(&key) {
                Some((other, _)) if *other != i => {
                    let other = &bank.entries[*other];
                    push(
                        i,
                        path,
                        "duplicate-slug",
                        format!(
                            "đường dẫn `{slug}` trùng với {} (kể cả khi khác chữ hoa, thường)",
                            other.source.display()
                        ),
                        format!("slug `{slug}` collides with {} (letter case ignored)", other.source.display()),
                        Some(Text::new(
                            "đặt `slug:` riêng cho một trong hai sáng kiến",
                            "give one of the two entries its own `slug:`",
                        )),
                    );
                }
                _ => {
                    slugs.insert(key, (i, slug));
                }
            }
        }
    }

    let unit_ids = || vocab.units.iter().map(|u| u.id.as_str());
    let media: BTreeSet<&Path> = bank.media.iter().map(|p| p.as_path()).collect();
    for (i, e) in bank.entries.iter().enumerate() {
        let mut units: Vec<(String, &str)> = vec![("owner_unit".into(), e.owner_unit.as_str())];
        units.extend(e.authors.iter().enumerate().map(|(k, a)| (format!("authors[{k}].unit"), a.unit.as_str())));
        for (k, r) in e.recognition.iter().enumerate() {
            if let Some(u) = &r.decision.issuer_unit {
                units.push((format!("recognition[{k}].decision.issuer_unit"), u));
            }
        }
        for (k, a) in e.awards.iter().enumerate() {
            if let Some(u) = &a.decision.issuer_unit {
                units.push((format!("awards[{k}].decision.issuer_unit"), u));
            }
        }
        units.extend(
            e.replications.iter().enumerate().map(|(k, r)| (format!("replications[{k}].unit"), r.unit.as_str())),
        );
        if let Some(c) = &e.contact {
            units.push(("contact.unit".into(), &c.unit));
        }
        for (path, unit) in units {
            if vocab.unit(unit).is_none() {
                push(
                    i,
                    path,
                    "unknown-unit",
                    format!("đơn vị `{unit}` không có trong units.yaml"),
                    format!("unit `{unit}` is not in units.yaml"),
                    suggest(unit, &mut unit_ids()),
                );
            }
        }
        for (k, r) in e.replications.iter().enumerate() {
            if r.unit == e.owner_unit {
                push(
                    i,
                    format!("replications[{k}].unit"),
                    "self-replication",
                    "đơn vị nhân rộng phải khác đơn vị chủ quản".into(),
                    "a replicating unit must differ from the owner unit".into(),
                    None,
                );
            }
        }
        for (k, f) in e.fields.iter().enumerate() {
            if vocab.field(f).is_none() {
                push(
                    i,
                    format!("fields[{k}]"),
                    "unknown-field",
                    format!("lĩnh vực `{f}` không có trong fields.yaml"),
                    format!("field `{f}` is not in fields.yaml"),
                    suggest(f, &mut vocab.fields.iter().map(|t| t.id.as_str())),
                );
            }
        }
        for (k, m) in e.movements.iter().enumerate() {
            if vocab.movement(m).is_none() {
                push(
                    i,
                    format!("movements[{k}]"),
                    "unknown-movement",
                    format!("phong trào `{m}` không có trong movements.yaml"),
                    format!("movement `{m}` is not in movements.yaml"),
                    suggest(m, &mut vocab.movements.iter().map(|t| t.id.as_str())),
                );
            }
        }
        for (k, r) in e.recognition.iter().enumerate() {
            if vocab.level_rank(&r.level).is_none() {
                push(
                    i,
                    format!("recognition[{k}].level"),
                    "unknown-level",
                    format!("cấp công nhận `{}` không có trong levels.yaml", r.level),
                    format!("level `{}` is not in levels.yaml", r.level),
                    suggest(&r.level, &mut vocab.levels.iter().map(|t| t.id.as_str())),
                );
            }
        }
        for (k, rel) in e.related.iter().enumerate() {
            if rel == &e.id {
                push(
                    i,
                    format!("related[{k}]"),
                    "self-reference",
                    "sáng kiến không thể liên quan đến chính nó".into(),
                    "an entry cannot be related to itself".into(),
                    None,
                );
            } else if !ids.contains_key(rel.as_str()) {
                push(
                    i,
                    format!("related[{k}]"),
                    "unknown-entry",
                    format!("không có sáng kiến mã `{rel}`"),
                    format!("no entry has the id `{rel}`"),
                    suggest(rel, &mut ids.keys().copied()),
                );
            }
        }
        let files = e.images.iter().enumerate().map(|(k, m)| (format!("images[{k}].path"), &m.path));
        let files =
            files.chain(e.attachments.iter().enumerate().map(|(k, a)| (format!("attachments[{k}].path"), &a.path)));
        for (path, file) in files {
            match safe_media_path(file) {
                Err(why) => push(
                    i,
                    path,
                    "unsafe-path",
                    format!("đường dẫn tệp `{file}` không an toàn: {}", why.vi),
                    format!("file path `{file}` is unsafe: {}", why.en),
                    None,
                ),
                Ok(p) if !media.contains(p.as_path()) => push(
                    i,
                    path,
                    "missing-media",
                    format!("không tìm thấy tệp `{file}` trong thư mục media/"),
                    format!("the file `{file}` is not in the media/ folder"),
                    None,
                ),
                Ok(_) => {}
            }
        }
    }

    // An id starts with the code of its owner's province, when units.yaml
    // gives provinces a `code`.
    for (i, e) in bank.entries.iter().enumerate() {
        let (Some((prefix, _)), Some(province)) = (e.id.split_once('-'), vocab.province(&e.owner_unit)) else {
            continue;
        };
        match province.code.as_deref() {
            Some(code) if code != prefix => {
                let d = Diagnostic::warning(
                    "id-province",
                    "",
                    Text::new(
                        format!("mã `{}` nên bắt đầu bằng `{code}-`: đơn vị chủ quản thuộc {}", e.id, province.name),
                        format!(
                            "id `{}` should start with `{code}-`: the owner unit belongs to {}",
                            e.id, province.name
                        ),
                    ),
                );
                found.push(Found { entry: i, path: "id".into(), diag: d });
            }
            _ => {}
        }
    }

    // Locate and report, one file read per entry with problems.
    found.sort_by_key(|f| f.entry);
    let mut start = 0;
    while start < found.len() {
        let entry = found[start].entry;
        let end = found[start..].iter().position(|f| f.entry != entry).map_or(found.len(), |n| start + n);
        let e = &bank.entries[entry];
        let raw = super::read_text(&content.join(&e.source)).unwrap_or_default();
        let source: Arc<str> = Arc::from(frontmatter::normalise_source(&raw));
        let (yaml, offset) = match frontmatter::split(&source) {
            Ok(s) => (s.yaml.to_string(), s.yaml_offset),
            Err(_) => (String::new(), 0),
        };
        let mut ctx = FileCtx::new(&e.source, &source, &yaml, offset);
        let diags: Vec<Diagnostic> = found[start..end]
            .iter()
            .map(|f| {
                let d = f.diag.clone().field(f.path.clone());
                ctx.diag(d, At::Value(&f.path))
            })
            .collect();
        report.extend_with_source(diags, &e.source, source.clone());
        start = end;
    }
}

/// A reason in both languages.
pub struct Why {
    pub vi: &'static str,
    pub en: &'static str,
}

/// Resolves a media path as written in an entry (`media/x.png`, or `x.png`
/// relative to `media/`) to a path relative to the content folder, refusing
/// anything that could leave it: `..`, absolute or drive paths, control
/// characters, backslashes.
pub fn safe_media_path(p: &str) -> Result<std::path::PathBuf, Why> {
    if p.is_empty() || p.chars().any(|c| c.is_control()) {
        return Err(Why { vi: "rỗng hoặc có ký tự điều khiển", en: "empty or has control characters" });
    }
    if p.contains('\\') || p.contains(':') {
        return Err(Why {
            vi: "không dùng `\\` hay `:` (đường dẫn Windows)", en: "no `\\` or `:` (Windows paths)"
        });
    }
    let rel = p.trim_start_matches("./");
    let rel = rel.strip_prefix('/').unwrap_or(rel);
    let path = Path::new(rel);
    if path.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(Why {
            vi: "không được chứa `..` hay đường dẫn tuyệt đối",
            en: "must not contain `..` or be absolute",
        });
    }
    let under_media =
        if path.starts_with(super::MEDIA_DIR) { path.to_path_buf() } else { Path::new(super::MEDIA_DIR).join(path) };
    Ok(under_media)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_paths_stay_inside() {
        assert_eq!(safe_media_path("media/a.png").ok().unwrap(), Path::new("media/a.png"));
        assert_eq!(safe_media_path("a.png").ok().unwrap(), Path::new("media/a.png"));
        assert_eq!(safe_media_path("/media/a.png").ok().unwrap(), Path::new("media/a.png"));
        for bad in ["../x.png", "media/../../etc/passwd", "C:\\x.png", "c:/x", "a\0b", ""] {
            assert!(safe_media_path(bad).is_err(), "{bad:?}");
        }
    }
}
