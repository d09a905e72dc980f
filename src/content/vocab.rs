//! The bank's controlled vocabularies — units, fields, movements, levels —
//! and the search synonyms, each read from its YAML file in the content
//! folder and checked for internal consistency (unique ids, a unit tree in
//! which every unit belongs to exactly one province).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::entry::{At, FileCtx};
use super::frontmatter;
use crate::diagnostics::{Diagnostic, Report, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Tinh,
    ThanhPhoTw,
    Xa,
    Phuong,
    DacKhu,
    SoNganh,
    CoQuanDang,
    MttqDoanThe,
    DonViSuNghiep,
    Llvt,
    DoanhNghiep,
    BoNganhTw,
    Khac,
}

impl UnitKind {
    pub fn is_province(self) -> bool {
        matches!(self, UnitKind::Tinh | UnitKind::ThanhPhoTw)
    }

    /// The key of this kind in the theme's translations (`unit_kind_xa`).
    pub fn label_key(self) -> String {
        let v = serde_yaml::to_string(&self).unwrap_or_default();
        format!("unit_kind_{}", v.trim())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub kind: UnitKind,
    /// For provinces: the 2–3 capital letters that start entry ids (`CB`).
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub headcount: Option<u32>,
    #[serde(default)]
    pub predecessors: Vec<String>,
}

impl Unit {
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// A term of a simple vocabulary: a field, movement or level.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// For movements: the launching document.
    #[serde(default)]
    pub basis: Option<String>,
    /// For levels: the legal wording of the scope.
    #[serde(default)]
    pub legal_phrase: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

impl Term {
    pub fn name_in(&self, lang: &str) -> &str {
        match (&self.name_en, lang) {
            (Some(en), "en") => en,
            _ => &self.name,
        }
    }
}

/// All vocabularies, indexed by id.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    pub units: Vec<Unit>,
    pub unit_index: HashMap<String, usize>,
    /// For each unit (same order as `units`), the index of its province.
    pub province_of: Vec<usize>,
    pub fields: Vec<Term>,
    pub movements: Vec<Term>,
    /// Lowest first: the order is the rank.
    pub levels: Vec<Term>,
    pub synonyms: BTreeMap<String, Vec<String>>,
}

impl Vocab {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }

    pub fn province(&self, unit_id: &str) -> Option<&Unit> {
        self.unit_index.get(unit_id).map(|&i| &self.units[self.province_of[i]])
    }

    pub fn field(&self, id: &str) -> Option<&Term> {
        self.fields.iter().find(|t| t.id == id)
    }

    pub fn movement(&self, id: &str) -> Option<&Term> {
        self.movements.iter().find(|t| t.id == id)
    }

    pub fn level_rank(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|t| t.id == id)
    }
}

/// Reads a YAML file of the content folder into `T`. A missing optional file
/// gives `Ok(None)`; problems are reported located in the file.
pub fn load_yaml<T: DeserializeOwned>(
    content: &Path,
    rel: &str,
    required: bool,
    report: &mut Report,
) -> Option<(T, Arc<str>)> {
    let path = content.join(rel);
    let raw = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
        Err(e) => {
            report.push(Diagnostic::error(
                "missing-file",
                rel,
                Text::new(format!("không đọc được tệp: {e}"), format!("cannot read the file: {e}")),
            ));
            return None;
        }
    };
    let source: Arc<str> = Arc::from(frontmatter::normalise_source(&raw));
    let rel_path = Path::new(rel);
    let mut ctx = FileCtx::new(rel_path, &source, &source, 0);
    let value = match frontmatter::parse_vocabulary(&source) {
        Ok(v) => v,
        Err(e) => {
            let at = e.offset.map_or(0..0, |o| o..o);
            let d = Diagnostic::error(
                e.code,
                rel,
                Text::new(format!("lỗi cú pháp YAML: {}", e.message), format!("YAML syntax error: {}", e.message)),
            );
            let d = ctx.diag(d, At::Span(at));
            report.extend_with_source(vec![d], rel_path, source.clone());
            return None;
        }
    };
    match frontmatter::read_typed::<T>(value) {
        Ok(v) => Some((v, source)),
        Err(e) => {
            let path = e.path.trim_start_matches('.').to_string();
            let d = Diagnostic::error(
                "invalid-value",
                rel,
                Text::new(format!("giá trị không hợp lệ: {}", e.message), e.message.clone()),
            )
            .field(path.clone());
            let d = ctx.diag(d, At::Value(&path));
            report.extend_with_source(vec![d], rel_path, source.clone());
            None
        }
    }
}

/// Loads and checks every vocabulary file.
pub fn load(content: &Path, report: &mut Report) -> Vocab {
    let mut vocab = Vocab::default();
    if let Some((units, src)) = load_yaml::<Vec<Unit>>(content, "units.yaml", true, report) {
        let diags = check_units(&units, &mut vocab, &src);
        report.extend_with_source(diags, Path::new("units.yaml"), src);
        vocab.units = units;
    }
    for (rel, slot) in [
        ("fields.yaml", &mut vocab.fields),
        ("movements.yaml", &mut vocab.movements),
        ("levels.yaml", &mut vocab.levels),
    ] {
        if let Some((terms, src)) = load_yaml::<Vec<Term>>(content, rel, true, report) {
            let diags = check_terms(rel, &terms, &src);
            report.extend_with_source(diags, Path::new(rel), src);
            *slot = terms;
        }
    }
    if let Some((syn, _)) = load_yaml::<BTreeMap<String, Vec<String>>>(content, "synonyms.yaml", false, report) {
        vocab.synonyms = syn;
    }
    vocab
}

fn dup_diag(rel: &str, src: &str, i: usize, id: &str) -> Diagnostic {
    let mut ctx = FileCtx::new(Path::new(rel), src, src, 0);
    let d = Diagnostic::error(
        "duplicate-id",
        rel,
        Text::new(format!("mã `{id}` bị trùng"), format!("duplicate id `{id}`")),
    );
    ctx.diag(d, At::Value(&format!("[{i}].id")))
}

fn check_terms(rel: &str, terms: &[Term], src: &str) -> Vec<Diagnostic> {
    let mut seen = HashMap::new();
    let mut diags = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        if seen.insert(t.id.as_str(), i).is_some() {
            diags.push(dup_diag(rel, src, i, &t.id));
        }
        if !super::entry::valid_slug(&t.id.replace('_', "-")) {
            let mut ctx = FileCtx::new(Path::new(rel), src, src, 0);
            let d = Diagnostic::error(
                "bad-id",
                rel,
                Text::new(
                    format!("mã `{}` chỉ được gồm chữ thường không dấu, số, `-` và `_`", t.id),
                    format!("id `{}` may only hold lower-case ASCII letters, digits, `-` and `_`", t.id),
                ),
            );
            diags.push(ctx.diag(d, At::Value(&format!("[{i}].id"))));
        }
    }
    diags
}

/// Unit ids are slug paths; each unit must reach exactly one province.
pub fn valid_unit_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 200 && id.split('/').all(super::entry::valid_slug)
}

fn check_units(units: &[Unit], vocab: &mut Vocab, src: &str) -> Vec<Diagnostic> {
    const REL: &str = "units.yaml";
    let mut diags = Vec::new();
    let mut ctx = FileCtx::new(Path::new(REL), src, src, 0);
    for (i, u) in units.iter().enumerate() {
        if vocab.unit_index.insert(u.id.clone(), i).is_some() {
            diags.push(dup_diag(REL, src, i, &u.id));
        }
        if !valid_unit_id(&u.id) {
            let d = Diagnostic::error(
                "bad-id",
                REL,
                Text::new(
                    format!("mã đơn vị `{}` phải có dạng `tinh/don-vi` (chữ thường không dấu)", u.id),
                    format!("unit id `{}` must look like `province/unit` (lower-case ASCII)", u.id),
                ),
            );
            diags.push(ctx.diag(d, At::Value(&format!("[{i}].id"))));
        }
    }
    let mut codes: HashMap<&str, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let Some(code) = u.code.as_deref() else { continue };
        let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
        let problem = if !valid {
            Some(Text::new(
                format!("mã tỉnh `{code}` phải gồm 2–3 chữ in hoa không dấu, ví dụ `CB`"),
                format!("province code `{code}` must be 2–3 capital ASCII letters, e.g. `CB`"),
            ))
        } else if !u.kind.is_province() {
            Some(Text::new(
                "chỉ tỉnh, thành phố trực thuộc trung ương mới có `code`".to_string(),
                "only provinces and centrally-run cities have a `code`".to_string(),
            ))
        } else if let Some(&first) = codes.get(code) {
            Some(Text::new(
                format!("mã tỉnh `{code}` đã dùng cho `{}`", units[first].id),
                format!("province code `{code}` is already used by `{}`", units[first].id),
            ))
        } else {
            codes.insert(code, i);
            None
        };
        if let Some(msg) = problem {
            let d = Diagnostic::error("bad-province-code", REL, msg);
            diags.push(ctx.diag(d, At::Value(&format!("[{i}].code"))));
        }
    }
    vocab.province_of = vec![usize::MAX; units.len()];
    for (i, u) in units.iter().enumerate() {
        // Walk up the tree, at most units.len() steps (a longer walk is a cycle).
        let mut cur = i;
        let mut province = None;
        for _ in 0..=units.len() {
            let unit = &units[cur];
            if unit.kind.is_province() {
                province = Some(cur);
                break;
            }
            match unit.parent.as_deref().and_then(|p| vocab.unit_index.get(p)) {
                Some(&p) => cur = p,
                None => break,
            }
        }
        match (province, &u.parent) {
            (Some(p), _) => vocab.province_of[i] = p,
            (None, Some(parent)) if !vocab.unit_index.contains_key(parent) => {
                let mut d = Diagnostic::error(
                    "unknown-unit",
                    REL,
                    Text::new(
                        format!("đơn vị cha `{parent}` không có trong danh sách"),
                        format!("parent unit `{parent}` is not in the list"),
                    ),
                );
                let ids = units.iter().map(|u| u.id.as_str());
                if let Some(s) = crate::text::did_you_mean(parent, ids) {
                    d = d.help(Text::new(format!("có phải ý bạn là `{s}`?"), format!("did you mean `{s}`?")));
                }
                diags.push(ctx.diag(d, At::Value(&format!("[{i}].parent"))));
                vocab.province_of[i] = i;
            }
            _ => {
                let d = Diagnostic::error(
                    "no-province",
                    REL,
                    Text::new(
                        format!("đơn vị `{}` không thuộc tỉnh, thành phố nào (kiểm tra `parent`)", u.id),
                        format!("unit `{}` does not belong to any province (check `parent`)", u.id),
                    ),
                );
                diags.push(ctx.diag(d, At::Value(&format!("[{i}].parent"))));
                vocab.province_of[i] = i;
            }
        }
    }
    diags
}
