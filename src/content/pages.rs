//! Static pages (`trang/<slug>.md`): about, how to contribute. A small
//! frontmatter (`title`, `description`, `weight`) and a Markdown body.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::entry::{valid_slug, At, FileCtx};
use super::frontmatter;
use crate::diagnostics::{Diagnostic, Report, Text};

#[derive(Debug, Clone)]
pub struct StaticPage {
    pub source: PathBuf,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub weight: i64,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    weight: Option<i64>,
}

pub fn load(content: &Path, report: &mut Report) -> Vec<StaticPage> {
    let mut pages = Vec::new();
    for rel in super::discover(content, super::PAGES_DIR, Some("md"), report) {
        let raw = match super::read_text(&content.join(&rel)) {
            Ok(r) => r,
            Err(e) => {
                report.push(super::read_error(&rel, &e));
                continue;
            }
        };
        let source = frontmatter::normalise_source(&raw);
        match parse_page(&rel, &source) {
            Ok(p) => pages.push(p),
            Err(d) => report.extend_with_source(vec![*d], &rel, source.as_str().into()),
        }
    }
    pages.sort_by(|a, b| (a.weight, &a.slug).cmp(&(b.weight, &b.slug)));
    pages
}

fn parse_page(rel: &Path, source: &str) -> Result<StaticPage, Box<Diagnostic>> {
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    if !valid_slug(&stem) {
        return Err(Box::new(Diagnostic::error(
            "bad-slug",
            rel,
            Text::new(
                "tên tệp trang chỉ được gồm chữ thường không dấu, số và dấu gạch ngang",
                "a page's file name may only hold lower-case ASCII letters, digits and hyphens",
            ),
        )));
    }
    let split = frontmatter::split(source).map_err(|_| {
        Diagnostic::error(
            "no-frontmatter",
            rel,
            Text::new(
                "trang phải có phần thông tin giữa hai dòng `---`",
                "a page needs frontmatter between `---` lines",
            ),
        )
        .at(source, 0..0)
    })?;
    let mut ctx = FileCtx::new(rel, source, split.yaml, split.yaml_offset);
    let value = frontmatter::parse_yaml(split.yaml).map_err(|e| {
        let at = e.offset.map_or(0..0, |o| (o + split.yaml_offset)..(o + split.yaml_offset));
        ctx.diag(
            Diagnostic::error(
                e.code,
                rel,
                Text::new(format!("lỗi cú pháp YAML: {}", e.message), format!("YAML syntax error: {}", e.message)),
            ),
            At::Span(at),
        )
    })?;
    let front: PageFront = frontmatter::read_typed(value).map_err(|e| {
        let path = e.path.trim_start_matches('.').to_string();
        ctx.diag(
            Diagnostic::error(
                "invalid-value",
                rel,
                Text::new(format!("giá trị không hợp lệ: {}", e.message), e.message.clone()),
            ),
            At::Value(&path),
        )
    })?;
    Ok(StaticPage {
        source: rel.to_path_buf(),
        slug: stem,
        title: crate::text::nfc(&front.title).into_owned(),
        description: front.description.unwrap_or_default(),
        weight: front.weight.unwrap_or(0),
        body: crate::text::nfc(split.body).into_owned(),
    })
}
