//! `sangkien schema`: the JSON Schema of entry frontmatter, derived from
//! `content::model::Frontmatter` (schemars), draft 7 because that is what
//! the YAML and Markdown tooling of editors reads. With a content folder, the
//! bank's own ids of units, fields, movements and levels become `enum`s, so
//! an editor's tool can offer them and flag a typo as it is typed.

use std::path::Path;
use std::process::ExitCode;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::cli::SchemaArgs;
use crate::content::model::Frontmatter;
use crate::content::{vocab, Vocab};
use crate::diagnostics::{Lang, Report};

/// Where the generic schema is committed, relative to the repository.
pub const COMMITTED: &str = "docs/schema/entry.schema.json";

/// The schema as a JSON value; with `vocab`, the id definitions list the
/// bank's ids.
pub fn entry_schema(vocab: Option<&Vocab>) -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let generated = generator.into_root_schema_for::<Frontmatter>().to_value();
    // The header keys first, so the file reads from the top.
    let mut schema = Value::Object(Default::default());
    if let (Value::Object(out), Value::Object(mut inp)) = (&mut schema, generated) {
        for key in ["$schema", "title", "description"] {
            if let Some(v) = inp.remove(key) {
                out.insert(key.into(), v);
            }
        }
        out.extend(inp);
    }
    strip_number_formats(&mut schema);
    if let Some(v) = vocab {
        let lists: [(&str, Vec<&str>); 4] = [
            ("UnitId", v.units.iter().map(|u| u.id.as_str()).collect()),
            ("FieldId", v.fields.iter().map(|t| t.id.as_str()).collect()),
            ("MovementId", v.movements.iter().map(|t| t.id.as_str()).collect()),
            ("LevelId", v.levels.iter().map(|t| t.id.as_str()).collect()),
        ];
        for (name, ids) in lists {
            if let Some(def) = schema.pointer_mut(&format!("/definitions/{name}")).and_then(Value::as_object_mut) {
                def.remove("pattern");
                def.insert("enum".into(), ids.into());
            }
        }
    }
    schema
}

/// Drops schemars' `format: uint32` and the like: they are not JSON Schema
/// formats, and validators such as ajv warn about each of them.
fn strip_number_formats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_number = matches!(map.get("type"), Some(Value::String(t)) if t == "integer" || t == "number")
                || matches!(map.get("type"), Some(Value::Array(ts)) if ts.iter().any(|t| t == "integer" || t == "number"));
            if is_number {
                map.remove("format");
            }
            map.values_mut().for_each(strip_number_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_number_formats),
        _ => {}
    }
}

/// Pretty JSON with a final newline: the form that is committed.
pub fn render(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// Reads a bank's vocabularies for the schema; problems in them are printed
/// and make the command fail, since an enum from a broken list would mislead.
pub fn load_vocab(content: &Path) -> Result<Vocab, Report> {
    let mut report = Report::default();
    let v = vocab::load(content, &mut report);
    if report.has_errors() {
        report.sort();
        Err(report)
    } else {
        Ok(v)
    }
}

pub fn run(args: &SchemaArgs) -> ExitCode {
    let lang = Lang::from_env();
    let vocab = match &args.content {
        Some(dir) if !dir.is_dir() => {
            crate::say!("sangkien schema: content folder not found: {}", dir.display());
            return ExitCode::from(2);
        }
        Some(dir) => match load_vocab(dir) {
            Ok(v) => Some(v),
            Err(report) => {
                crate::say_part!("{}", report.render_human(lang));
                crate::say!("{}", report.summary(lang));
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let text = render(&entry_schema(vocab.as_ref()));
    match &args.out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                crate::say!("sangkien schema: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        None => {
            crate::show_part!("{text}");
            ExitCode::SUCCESS
        }
    }
}
