//! Themes: the default theme is embedded in the binary; a theme folder on
//! disk (the bank's own, or a checkout of the default one) overrides it file
//! by file. A theme has `templates/`, `i18n/<lang>.yaml` and `static/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// The merged files of a theme: path inside the theme → bytes.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
    /// The folder on disk the theme was read from, if any (watched by `serve`).
    pub dir: Option<PathBuf>,
}

/// Finds the folder of theme `spec`: an existing path (as given, or relative
/// to the content folder), else `<bank>/themes/<spec>` beside the content
/// folder. `None` for `default` without a folder: the embedded copy serves.
pub fn locate(spec: &str, content: &Path) -> Result<Option<PathBuf>, String> {
    let candidates =
        [PathBuf::from(spec), content.join(spec), content.parent().unwrap_or(Path::new(".")).join("themes").join(spec)];
    if let Some(dir) = candidates.iter().find(|p| p.join("templates").is_dir()) {
        return Ok(Some(dir.clone()));
    }
    if spec == "default" {
        return Ok(None);
    }
    Err(format!(
        "theme `{spec}` not found (looked for a folder with templates/ in: {})",
        candidates.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    ))
}

impl Theme {
    pub fn load(spec: &str, content: &Path) -> Result<Theme, String> {
        let mut files: BTreeMap<String, Vec<u8>> =
            DEFAULT_THEME.iter().map(|(p, b)| (p.to_string(), b.to_vec())).collect();
        let dir = locate(spec, content)?;
        if let Some(dir) = &dir {
            for item in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
                let item = item.map_err(|e| format!("cannot read theme folder: {e}"))?;
                if !item.file_type().is_file() {
                    continue;
                }
                let rel = item.path().strip_prefix(dir).map_err(|e| e.to_string())?;
                let rel = crate::diagnostics::slash_path(rel);
                if rel.split('/').any(|s| s.starts_with('.')) {
                    continue;
                }
                let bytes =
                    std::fs::read(item.path()).map_err(|e| format!("cannot read {}: {e}", item.path().display()))?;
                files.insert(rel, bytes);
            }
        }
        Ok(Theme { files, dir })
    }

    /// Templates as (name, text), e.g. ("entry.html", "…").
    pub fn templates(&self) -> Vec<(String, String)> {
        self.files
            .iter()
            .filter_map(|(p, b)| {
                p.strip_prefix("templates/").map(|n| (n.to_string(), String::from_utf8_lossy(b).into_owned()))
            })
            .collect()
    }

    /// Files to publish under `assets/`: (path inside static/, bytes).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().filter_map(|(p, b)| p.strip_prefix("static/").map(|n| (n, b.as_slice())))
    }

    /// The interface strings of `lang`: the default theme's, overridden by
    /// this theme's (so a theme may translate only part of them).
    pub fn strings(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        let path = format!("i18n/{lang}.yaml");
        let mut strings: BTreeMap<String, String> = BTreeMap::new();
        if let Some((_, bytes)) = DEFAULT_THEME.iter().find(|(p, _)| *p == path) {
            strings = serde_yaml::from_slice(bytes).map_err(|e| format!("default theme {path}: {e}"))?;
        }
        if let Some(bytes) = self.files.get(&path) {
            let own: BTreeMap<String, String> =
                serde_yaml::from_slice(bytes).map_err(|e| format!("theme {path}: {e}"))?;
            strings.extend(own);
        }
        if strings.is_empty() {
            return Err(format!("the theme has no translations in {path}"));
        }
        Ok(strings)
    }
}
