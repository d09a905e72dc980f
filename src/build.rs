//! The build recipe: a flat list of stages, each timed in the log.
//!
//! load config → read content → cross-check → load theme → render Markdown
//! (and check its links) → stop here if anything is wrong → render pages
//! into a staging folder → swap it in. `sangkien check` runs the same
//! recipe without the writing stages, so check and build never disagree.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content::{self, checks, frontmatter, Date, Entry, Loaded};
use crate::diagnostics::{Diagnostic, Report, Text};
use crate::library::{Kind, Library};
use crate::markdown::{self, LinkProblem, Rendered};
use crate::output::Staging;
use crate::site::{self, Site};
use crate::templates::Templates;
use crate::theme::Theme;
use crate::views::urls;

#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub out: PathBuf,
    pub theme: Option<String>,
    pub base_url: Option<String>,
    /// The date that "in the future" is measured from.
    pub today: Date,
}

impl Options {
    pub fn new(content: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Options {
        Options { content: content.into(), out: out.into(), theme: None, base_url: None, today: Date::today() }
    }
}

/// Why a build stopped.
#[derive(Debug)]
pub enum Failure {
    /// The content has errors (the editor's to fix): exit code 1.
    Content(Report),
    /// The build itself failed (I/O, theme, template): exit code 2.
    Internal(String),
}

/// What a successful run produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Warnings (a successful run has no errors).
    pub report: Report,
    pub entries: usize,
    pub files: u64,
    pub bytes: u64,
}

/// Receives the timed step lines of a build.
pub trait Log: Sync {
    fn step(&self, name: &str, detail: &str, millis: u128);
}

/// A log that prints nothing (tests, `serve` rebuilds that log themselves).
pub struct Quiet;
impl Log for Quiet {
    fn step(&self, _: &str, _: &str, _: u128) {}
}

struct Timer<'a> {
    log: &'a dyn Log,
    start: Instant,
}

impl Timer<'_> {
    fn done(&mut self, name: &str, detail: &str) {
        self.log.step(name, detail, self.start.elapsed().as_millis());
        self.start = Instant::now();
    }
}

/// Everything known once the content is read and checked.
pub struct Checked {
    pub config: Config,
    pub lib: Library,
    pub theme: Theme,
    pub templates: Templates,
    pub strings: BTreeMap<String, String>,
    pub bodies: Vec<Rendered>,
    pub pages: Vec<(content::StaticPage, Rendered)>,
    pub media: Vec<PathBuf>,
    pub report: Report,
}

/// Runs every check of the build without writing anything.
pub fn check(opts: &Options, log: &dyn Log) -> Result<Checked, Failure> {
    let mut t = Timer { log, start: Instant::now() };
    let mut report = Report::default();
    if !opts.content.is_dir() {
        return Err(Failure::Internal(format!("content folder not found: {}", opts.content.display())));
    }
    let config = config::load(&opts.content, opts.base_url.as_deref(), &mut report);
    t.done("config", "config.yaml");

    let mut loaded = content::load(&opts.content, opts.today, &mut report);
    t.done("content", &format!("{} entries, {} units", loaded.entries.len(), loaded.vocab.units.len()));

    let dates_from = crate::git::apply_dates(&opts.content, &mut loaded.entries, &mut report);
    t.done("history", &dates_from);

    checks::check_bank(&opts.content, &loaded, &mut report);
    t.done("checks", &format!("{} problems", report.diagnostics.len()));

    let Some(mut config) = config else {
        report.sort();
        return Err(Failure::Content(report));
    };
    crate::git::fill_repository_path(&mut config.repository, &opts.content);
    let theme_spec = opts.theme.clone().unwrap_or_else(|| config.theme.clone());
    let theme = Theme::load(&theme_spec, &opts.content).map_err(Failure::Internal)?;
    let templates = Templates::new(&theme).map_err(Failure::Internal)?;
    let strings = theme.strings(&config.language).map_err(Failure::Internal)?;
    t.done("theme", &theme.dir.as_ref().map_or("default (built in)".to_string(), |d| d.display().to_string()));

    let Loaded { vocab, entries, pages, media } = loaded;
    let lib = Library::new(entries, vocab);
    let resolver = resolver(&lib, &pages, &media);
    let bodies: Vec<Rendered> =
        lib.entries.par_iter().map(|e| markdown::render(&e.body, "../../", &resolver)).collect();
    let page_bodies: Vec<(content::StaticPage, Rendered)> = pages
        .into_iter()
        .map(|p| {
            let r = markdown::render(&p.body, "../../", &resolver);
            (p, r)
        })
        .collect();
    link_diagnostics(&opts.content, &lib, &bodies, &mut report);
    t.done("markdown", &format!("{} bodies", bodies.len()));

    report.sort();
    if report.has_errors() {
        return Err(Failure::Content(report));
    }
    Ok(Checked { config, lib, theme, templates, strings, bodies, pages: page_bodies, media, report })
}

/// Builds the site into `opts.out`, atomically.
pub fn build(opts: &Options, log: &dyn Log) -> Result<Outcome, Failure> {
    let checked = check(opts, log)?;
    let mut t = Timer { log, start: Instant::now() };
    let staging = Staging::new(&opts.out)
        .map_err(|e| Failure::Internal(format!("cannot prepare {}: {e}", opts.out.display())))?;
    let result = write_site(opts, &checked, &staging, &mut t);
    match result {
        Ok(()) => {
            let (files, bytes) = staging.totals();
            staging.commit().map_err(|e| Failure::Internal(format!("cannot replace {}: {e}", opts.out.display())))?;
            t.done("publish", &opts.out.display().to_string());
            Ok(Outcome { report: checked.report, entries: checked.lib.entries.len(), files, bytes })
        }
        Err(e) => {
            staging.abandon();
            Err(Failure::Internal(e))
        }
    }
}

fn write_site(opts: &Options, c: &Checked, staging: &Staging, t: &mut Timer) -> Result<(), String> {
    let assets = site::write_assets(&c.theme, staging)?;
    site::copy_media(&opts.content, &c.media, staging)?;
    t.done("assets", &format!("{} media files", c.media.len()));
    let dates: Vec<(Option<Date>, Option<Date>)> = c.lib.entries.iter().map(|e| (e.added, e.updated)).collect();
    let site = Site {
        config: &c.config,
        lib: &c.lib,
        templates: &c.templates,
        strings: &c.strings,
        bodies: &c.bodies,
        dates: &dates,
        pages: &c.pages,
        assets,
    };
    site.render(staging)?;
    let (files, bytes) = staging.totals();
    t.done("pages", &format!("{files} files, {} KB", bytes / 1024));
    Ok(())
}

/// Resolves the root-absolute links editors write in Markdown (`/s/<ID>/`,
/// `/trang/<slug>/`, `/media/<file>`, browse pages) to site paths.
fn resolver(
    lib: &Library,
    pages: &[content::StaticPage],
    media: &[PathBuf],
) -> impl Fn(&str) -> Option<String> + Sync + use<> {
    let mut known: HashSet<String> = HashSet::new();
    known.insert(String::new());
    known.insert("tim-kiem/".into());
    known.insert("don-vi/".into());
    for e in &lib.entries {
        known.insert(urls::entry(e));
    }
    for p in pages {
        known.insert(urls::page(&p.slug));
    }
    for m in media {
        known.insert(crate::diagnostics::slash_path(m));
    }
    for u in &lib.vocab.units {
        known.insert(urls::unit(&u.id));
    }
    for kind in Kind::ALL {
        if let Some(terms) = lib.terms.get(&kind) {
            known.insert(urls::terms(kind));
            for id in terms.keys() {
                known.insert(urls::term(kind, id));
            }
        }
    }
    let by_id: HashMap<String, String> = lib.entries.iter().map(|e| (e.id.clone(), urls::entry(e))).collect();
    move |path: &str| {
        let rel = path.trim_start_matches('/');
        if let Some(id) = rel.strip_prefix("s/") {
            return by_id.get(id.trim_end_matches('/')).cloned();
        }
        let with_slash = if rel.is_empty() || rel.ends_with('/') || rel.starts_with("media/") {
            rel.to_string()
        } else {
            format!("{rel}/")
        };
        known.contains(&with_slash).then_some(with_slash)
    }
}

/// Turns the Markdown renderer's broken links into located diagnostics.
fn link_diagnostics(content: &Path, lib: &Library, bodies: &[Rendered], report: &mut Report) {
    for (e, body) in lib.entries.iter().zip(bodies) {
        if body.broken.is_empty() {
            continue;
        }
        let diags = located(content, e, |source| {
            body.broken
                .iter()
                .map(|b| {
                    let (code, vi, en) = match b.reason {
                        LinkProblem::NotFound => (
                            "broken-link",
                            format!("liên kết `{}` không dẫn tới trang hay tệp nào", b.url),
                            format!("link `{}` points to no page or file", b.url),
                        ),
                        LinkProblem::UnsafeScheme => (
                            "unsafe-link",
                            format!("liên kết `{}` bị chặn vì không an toàn", b.url),
                            format!("link `{}` is blocked as unsafe", b.url),
                        ),
                        LinkProblem::NoAlt => (
                            "image-alt",
                            "ảnh trong bài cần có mô tả: ![mô tả](đường-dẫn)".to_string(),
                            "the image needs alt text: ![description](path)".to_string(),
                        ),
                    };
                    let span = (e.body_offset + b.span.start)..(e.body_offset + b.span.end);
                    Diagnostic::error(code, &e.source, Text::new(vi, en)).field("body").at(source, span)
                })
                .collect()
        });
        if let Some((diags, source)) = diags {
            report.extend_with_source(diags, &e.source, source);
        }
    }
}

/// Re-reads an entry's source to place diagnostics in it.
fn located(
    content: &Path,
    e: &Entry,
    make: impl FnOnce(&str) -> Vec<Diagnostic>,
) -> Option<(Vec<Diagnostic>, Arc<str>)> {
    let raw = content::read_text(&content.join(&e.source)).ok()?;
    let source: Arc<str> = Arc::from(frontmatter::normalise_source(&raw));
    Some((make(&source), source))
}
