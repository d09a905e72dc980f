//! Site settings from `config.yaml` in the content folder: raw serde struct
//! (unknown keys rejected) validated into [`Config`], with command-line
//! overrides applied last.

use std::path::Path;

use serde::Deserialize;

use crate::content::vocab::load_yaml;
use crate::diagnostics::{Diagnostic, Report, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RepoKind {
    #[default]
    Github,
    Gitlab,
    Gitea,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repository {
    pub url: String,
    #[serde(default)]
    pub kind: RepoKind,
    #[serde(default = "main_branch")]
    pub branch: String,
    /// The content folder's path inside the repository (`content/`), for
    /// links to source files; found from git when not given.
    #[serde(default)]
    pub path: Option<String>,
}

fn main_branch() -> String {
    "main".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: Option<String>,
    owner: String,
    base_url: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    entries_per_page: Option<usize>,
    #[serde(default)]
    repository: Option<Repository>,
    #[serde(default)]
    footer: Option<String>,
    #[serde(default)]
    similarity: Option<RawSimilarity>,
}

/// `similarity:` in config.yaml (docs/similarity.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSimilarity {
    #[serde(default)]
    threshold: Option<f32>,
    #[serde(default)]
    copy_threshold: Option<f32>,
    #[serde(default)]
    council_report: bool,
}

/// Settings of similar initiatives and the novelty check.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Similarity {
    pub thresholds: crate::similar::Thresholds,
    /// Write the council report page (`hoi-dong/trung-lap/`); off in a public build.
    pub council_report: bool,
}

/// Validated site settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub owner: String,
    /// Absolute, with a trailing slash.
    pub base_url: String,
    /// `vi` or `en`.
    pub language: String,
    pub theme: String,
    pub entries_per_page: usize,
    pub repository: Option<Repository>,
    pub footer: String,
    pub similarity: Similarity,
}

impl Config {
    /// The path part of the base URL, e.g. `/sang-kien/` (always slashed).
    pub fn base_path(&self) -> String {
        let after_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, r)| r);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".to_string(),
        }
    }

    /// An absolute URL for a path relative to the site root.
    pub fn abs_url(&self, rel: &str) -> String {
        format!("{}{}", self.base_url, rel.trim_start_matches('/'))
    }
}

/// Checks and normalises a base URL: http(s), a host, a trailing slash.
pub fn normalise_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` must start with https:// or http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || url.contains(['"', '<', '>', ' ', '\\', '?', '#']) {
        return Err(format!("`{url}` is not a valid site address"));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

pub fn load(content: &Path, base_url_override: Option<&str>, report: &mut Report) -> Option<Config> {
    let (raw, _src) = load_yaml::<RawConfig>(content, "config.yaml", true, report)?;
    let base = base_url_override.unwrap_or(&raw.base_url);
    let base_url = match normalise_base_url(base) {
        Ok(u) => u,
        Err(e) => {
            report.push(
                Diagnostic::error(
                    "bad-config",
                    "config.yaml",
                    Text::new(format!("`base_url` không hợp lệ: {e}"), format!("invalid `base_url`: {e}")),
                )
                .field("base_url"),
            );
            return None;
        }
    };
    let language = raw.language.unwrap_or_else(|| "vi".into());
    if language != "vi" && language != "en" {
        report.push(
            Diagnostic::error(
                "bad-config",
                "config.yaml",
                Text::new("`language` phải là `vi` hoặc `en`", "`language` must be `vi` or `en`"),
            )
            .field("language"),
        );
        return None;
    }
    let similarity = similarity(raw.similarity.as_ref(), report)?;
    Some(Config {
        title: raw.title,
        description: raw.description.unwrap_or_default(),
        owner: raw.owner,
        base_url,
        language,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        entries_per_page: raw.entries_per_page.unwrap_or(24).clamp(1, 1000),
        repository: raw.repository,
        footer: raw.footer.unwrap_or_default(),
        similarity,
    })
}

fn similarity(raw: Option<&RawSimilarity>, report: &mut Report) -> Option<Similarity> {
    let mut s = Similarity::default();
    let Some(raw) = raw else { return Some(s) };
    s.council_report = raw.council_report;
    for (key, value, slot) in [
        ("threshold", raw.threshold, &mut s.thresholds.list),
        ("copy_threshold", raw.copy_threshold, &mut s.thresholds.copy),
    ] {
        let Some(v) = value else { continue };
        if !(v > 0.0 && v <= 1.0) {
            report.push(
                Diagnostic::error(
                    "bad-config",
                    "config.yaml",
                    Text::new(
                        format!("`similarity.{key}` phải là một số lớn hơn 0 và không quá 1, ví dụ 0.5"),
                        format!("`similarity.{key}` must be a number above 0 and at most 1, e.g. 0.5"),
                    ),
                )
                .field(format!("similarity.{key}")),
            );
            return None;
        }
        *slot = v;
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_normalised() {
        assert_eq!(normalise_base_url("https://x.gov.vn/sang-kien").unwrap(), "https://x.gov.vn/sang-kien/");
        assert!(normalise_base_url("ftp://x").is_err());
        assert!(normalise_base_url("https://").is_err());
    }
}
