//! `sangkien init DIR`: a new bank repository that builds and passes
//! `check` at once — config, the vocabularies (the 34 provincial units with
//! their id codes, fields, movements, levels, synonyms), one example entry,
//! an about page, the CI recipes of docs/ci/, the editor settings and the
//! JSON Schema for VS Code, and a `.gitignore`. The files are embedded in
//! the binary, so `init` needs nothing but sangkien itself.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::InitArgs;
use crate::content::vocab::Unit;
use crate::editor::schema;

/// The embedded scaffold: path in the new repository → text.
const FILES: &[(&str, &str)] = &[
    ("content/units.yaml", include_str!("scaffold/units.yaml")),
    ("content/fields.yaml", include_str!("scaffold/fields.yaml")),
    ("content/movements.yaml", include_str!("scaffold/movements.yaml")),
    ("content/levels.yaml", include_str!("scaffold/levels.yaml")),
    ("content/synonyms.yaml", include_str!("scaffold/synonyms.yaml")),
    ("content/trang/gioi-thieu.md", include_str!("scaffold/gioi-thieu.md")),
    ("content/media/.gitkeep", ""),
    (".gitignore", include_str!("scaffold/gitignore")),
    (".github/workflows/sangkien.yml", include_str!("../../docs/ci/github-actions.yml")),
    (".gitlab-ci.yml", include_str!("../../docs/ci/gitlab-ci.yml")),
    (".vscode/extensions.json", include_str!("scaffold/vscode-extensions.json")),
    (".vscode/settings.json", include_str!("scaffold/vscode-settings.json")),
    (".remarkrc.mjs", include_str!("scaffold/remarkrc.mjs")),
    ("package.json", include_str!("scaffold/package.json")),
];
const CONFIG: &str = include_str!("scaffold/config.yaml");
const EXAMPLE: &str = include_str!("scaffold/example.md");

/// Where the bank's schema (with its own vocabularies) is written.
pub const SCHEMA_PATH: &str = "schema/entry.schema.json";

/// The provinces of the embedded units.yaml.
pub fn provinces() -> Vec<Unit> {
    crate::content::frontmatter::read_yaml_text::<Vec<Unit>>(include_str!("scaffold/units.yaml")).unwrap_or_default()
}

/// Creates the bank; returns the files written, relative to `dir`.
pub fn create(dir: &Path, province: &str, title: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let units = provinces();
    let Some(p) = units.iter().find(|u| u.id == province) else {
        let ids = units.iter().map(|u| u.id.as_str());
        let hint =
            crate::text::did_you_mean(province, ids).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
        return Err(format!("unknown province `{province}`{hint}; see content/units.yaml after init for the list"));
    };
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} exists and is not empty", dir.display()));
    }
    let code = p.code.clone().unwrap_or_default();
    let place = lower_first(&p.name);
    let title = title.map_or_else(|| format!("Ngân hàng sáng kiến {place}"), str::to_string);
    let owner = format!("Ủy ban nhân dân {place}");
    let q = crate::content::frontmatter::quote;
    let config = CONFIG.replace("{{title}}", &q(&title)).replace("{{owner}}", &q(&owner));
    let example = EXAMPLE.replace("{{code}}", &code).replace("{{province}}", province);
    let mut files: Vec<(String, String)> = FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    files.push(("content/config.yaml".into(), config));
    files.push((format!("content/sang-kien/{code}-2025-0001.md"), example));
    let mut written = Vec::new();
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(PathBuf::from(rel));
    }
    let vocab = schema::load_vocab(&dir.join("content")).map_err(|r| r.render_human(crate::diagnostics::Lang::En))?;
    let path = dir.join(SCHEMA_PATH);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&path, schema::render(&schema::entry_schema(Some(&vocab))))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    written.push(PathBuf::from(SCHEMA_PATH));
    written.sort();
    Ok(written)
}

/// "Tỉnh Cao Bằng" → "tỉnh Cao Bằng", for use inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

pub fn run(args: &InitArgs) -> ExitCode {
    match create(&args.dir, &args.province, args.title.as_deref()) {
        Ok(files) => {
            for f in &files {
                crate::show!("{}", args.dir.join(f).display());
            }
            let d = args.dir.display();
            crate::say!(
                "Đã tạo ngân hàng tại {d}. Tiếp theo: cd {d} && git init && sangkien check && sangkien serve\n\
                 Created a bank in {d}. Next: cd {d} && git init && sangkien check && sangkien serve"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::say!("sangkien init: {e}");
            ExitCode::from(2)
        }
    }
}
