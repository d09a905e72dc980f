//! The build recipe: a flat list of stages, each timed in the log.
//!
//! load config → read content → cross-check → load theme → render Markdown
//! (and check its links) → stop here if anything is wrong → render pages
//! into a staging folder → swap it in. `sangkien check` runs the same
//! recipe without the writing stages, so check and build never disagree.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::Cache;
use crate::config::{self, Config};
use crate::content::{self, checks, frontmatter, Date, Entry, Loaded};
use crate::diagnostics::{Diagnostic, Report, Text};
use crate::guard::{self, guarded, InternalError, Stage};
use crate::library::{Kind, Library};
use crate::markdown::{self, LinkProblem, Rendered};
use crate::output::Staging;
use crate::similar::Similar;
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
    /// Where slow, content-addressed products (share images) are kept.
    pub cache: Cache,
}

impl Options {
    pub fn new(content: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Options {
        Options {
            content: content.into(),
            out: out.into(),
            theme: None,
            base_url: None,
            today: Date::today(),
            cache: Cache::from_env(),
        }
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

/// Times the build's steps: wall time, and the process's CPU time (all
/// threads, user + system), which shows whether a step used both cores or
/// waited on the file system.
struct Timer<'a> {
    log: &'a dyn Log,
    start: Instant,
    cpu: Duration,
}

impl<'a> Timer<'a> {
    fn new(log: &'a dyn Log) -> Timer<'a> {
        Timer { log, start: Instant::now(), cpu: process_usage().0 }
    }

    fn done(&mut self, name: &str, detail: &str) {
        let (cpu, peak_kb) = process_usage();
        let used = cpu.saturating_sub(self.cpu).as_millis();
        let detail = format!("{detail} · CPU {used} ms, peak {} MB", peak_kb / 1024);
        self.log.step(name, &detail, self.start.elapsed().as_millis());
        self.start = Instant::now();
        self.cpu = cpu;
    }
}

/// CPU time used so far by the whole process, and its peak resident memory in KB.
fn process_usage() -> (Duration, u64) {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return (Duration::ZERO, 0);
    }
    let time = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    (time(usage.ru_utime) + time(usage.ru_stime), usage.ru_maxrss.max(0) as u64)
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

impl Checked {
    /// Frees the entries' Markdown: once rendered, the pages, the search and
    /// similarity read only the rendered bodies, and at 100,000 entries the
    /// sources are a few hundred MB. (Incremental rebuilds compare entries
    /// without their bodies, and render an edited body from its new parse.)
    fn drop_markdown_sources(&mut self) {
        for e in &mut self.lib.entries {
            e.body = String::new();
        }
    }

    /// Takes the entries' body HTML out of their rendered bodies, for a build
    /// that writes each entry page once and frees its HTML then. (`serve`
    /// keeps it: an incremental rebuild re-renders unedited entries' pages
    /// when their similar models change.)
    fn take_body_html(&mut self) -> Vec<String> {
        self.bodies.iter_mut().map(|b| std::mem::take(&mut b.html)).collect()
    }
}

/// Runs every check of the build without writing anything.
pub fn check(opts: &Options, log: &dyn Log) -> Result<Checked, Failure> {
    let mut t = Timer::new(log);
    let mut report = Report::default();
    if !opts.content.is_dir() {
        return Err(Failure::Internal(format!("content folder not found: {}", opts.content.display())));
    }
    let config = config::load(&opts.content, opts.base_url.as_deref(), &mut report);
    t.done("config", "config.yaml");

    let mut loaded = content::load(&opts.content, opts.today, &mut report)
        .map_err(|panics| Failure::Internal(guard::describe(&panics)))?;
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
    let bodies: Vec<Result<Rendered, InternalError>> = lib
        .entries
        .par_iter()
        .map(|e| guarded(Stage::Markdown, &e.source, || markdown::render(&e.body, "../../", &resolver)))
        .collect();
    let page_bodies: Vec<(content::StaticPage, Result<Rendered, InternalError>)> = pages
        .into_iter()
        .map(|p| {
            let r = guarded(Stage::Markdown, &p.source, || markdown::render(&p.body, "../../", &resolver));
            (p, r)
        })
        .collect();
    let panics: Vec<InternalError> =
        bodies.iter().chain(page_bodies.iter().map(|(_, r)| r)).filter_map(|r| r.as_ref().err().cloned()).collect();
    if !panics.is_empty() {
        return Err(Failure::Internal(guard::describe(&panics)));
    }
    let bodies: Vec<Rendered> = bodies.into_iter().flatten().collect();
    let page_bodies: Vec<(content::StaticPage, Rendered)> =
        page_bodies.into_iter().filter_map(|(p, r)| r.ok().map(|r| (p, r))).collect();
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
    let mut checked = check(opts, log)?;
    checked.drop_markdown_sources();
    let html = checked.take_body_html();
    publish(opts, &checked, Some(html), log).map(|(outcome, _, _)| outcome)
}

/// Writes a checked bank into a staging folder and swaps it in. `html` is the
/// entries' body HTML when taken out of `checked` (see [`Site::render`]).
fn publish(
    opts: &Options,
    checked: &Checked,
    html: Option<Vec<String>>,
    log: &dyn Log,
) -> Result<(Outcome, site::Assets, Similar), Failure> {
    let mut t = Timer::new(log);
    let staging = Staging::new(&opts.out)
        .map_err(|e| Failure::Internal(format!("cannot prepare {}: {e}", opts.out.display())))?;
    let result = write_site(opts, checked, html, &staging, &mut t);
    match result {
        Ok((assets, similar)) => {
            let (files, bytes) = staging.totals();
            staging.commit().map_err(|e| Failure::Internal(format!("cannot replace {}: {e}", opts.out.display())))?;
            t.done("publish", &opts.out.display().to_string());
            let outcome = Outcome { report: checked.report.clone(), entries: checked.lib.entries.len(), files, bytes };
            Ok((outcome, assets, similar))
        }
        Err(e) => {
            staging.abandon();
            Err(Failure::Internal(e))
        }
    }
}

fn write_site(
    opts: &Options,
    c: &Checked,
    html: Option<Vec<String>>,
    staging: &Staging,
    t: &mut Timer,
) -> Result<(site::Assets, Similar), String> {
    let assets = site::write_assets(&c.theme, staging)?;
    site::copy_media(&opts.content, &c.media, staging)?;
    t.done("assets", &format!("{} media files", c.media.len()));
    let similar =
        Similar::compute(&c.lib, &c.bodies, c.config.similarity.thresholds, c.config.similarity.council_report);
    let shown: usize = (0..c.lib.entries.len()).map(|i| similar.on_page(&c.lib, i).count()).sum();
    let detail = format!("{shown} similar models on {} pages", c.lib.entries.len());
    t.done(
        "similar",
        &if c.config.similarity.council_report {
            format!("{detail}; {} possible copies for the council report", similar.copies.len())
        } else {
            detail
        },
    );
    let dates = entry_dates(c);
    let site = site_of(opts, c, &dates, assets, &similar);
    // The search index is built beside the pages: tantivy's writer is one
    // thread, and the pages spend much of their time waiting on the file
    // system, so the two overlap instead of adding up.
    let index = std::thread::scope(|scope| {
        let index = scope.spawn(|| {
            let start = Instant::now();
            build_search(&site).map(|index| (index, start.elapsed()))
        });
        site.render(staging, html, &mut |step| {
            let (files, bytes) = staging.totals();
            t.done(step, &format!("{files} files, {} KB so far", bytes / 1024));
        })?;
        index.join().unwrap_or_else(|_| Err("the search index builder panicked".into()))
    })?;
    let (index, took) = index;
    let entries = site.lib.entries.len();
    t.done("index", &format!("{entries} entries, built beside the pages in {} ms", took.as_millis()));
    write_index(&index, staging, t)?;
    let assets = site.assets;
    Ok((assets, similar))
}

/// (added, updated) of every entry, in the library's order.
fn entry_dates(c: &Checked) -> Vec<(Option<Date>, Option<Date>)> {
    c.lib.entries.iter().map(|e| (e.added, e.updated)).collect()
}

/// The renderer's view of a checked bank.
fn site_of<'a>(
    opts: &'a Options,
    c: &'a Checked,
    dates: &'a [(Option<Date>, Option<Date>)],
    assets: site::Assets,
    similar: &'a Similar,
) -> Site<'a> {
    Site {
        config: &c.config,
        lib: &c.lib,
        templates: &c.templates,
        strings: &c.strings,
        bodies: &c.bodies,
        dates,
        pages: &c.pages,
        assets,
        stats: Default::default(),
        cache: &opts.cache,
        similar,
    }
}

/// Builds the search index of the site and writes it under `search/`;
/// returns the folder names (the content hash) it wrote under `search/`.
fn write_search(site: &Site, staging: &Staging, t: &mut Timer) -> Result<BTreeSet<String>, String> {
    let index = build_search(site)?;
    t.done("index", &format!("{} entries", site.lib.entries.len()));
    write_index(&index, staging, t)
}

fn build_search(site: &Site) -> Result<crate::search::SearchIndex, String> {
    let (docs, facets) = site.search_input();
    crate::search::build_index(docs, facets, &site.lib.vocab.synonyms).map_err(|e| e.to_string())
}

/// Exports a built index as JSON files under `search/`, written as they are
/// made; returns the folder names (the content hash) it wrote.
fn write_index(
    index: &crate::search::SearchIndex,
    staging: &Staging,
    t: &mut Timer,
) -> Result<BTreeSet<String>, String> {
    let count = std::sync::atomic::AtomicUsize::new(0);
    let build = index
        .export_to(&|path: &str, bytes: &[u8]| {
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            staging.write(&format!("search/{path}"), bytes).map_err(|e| e.to_string())
        })
        .map_err(|e| e.to_string())?;
    t.done("search", &format!("{} files", count.into_inner()));
    Ok(BTreeSet::from([build]))
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
        entry_link_diagnostics(content, e, body, report);
    }
}

fn entry_link_diagnostics(content: &Path, e: &Entry, body: &Rendered, report: &mut Report) {
    if body.broken.is_empty() {
        return;
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

/// What a [`Session`] rebuild did.
#[derive(Debug)]
pub enum Rebuilt {
    /// The whole site was rebuilt and swapped in.
    Full(Outcome),
    /// Only these output files were rewritten (edited entries' pages); none
    /// when nothing that matters changed (a temporary file came and went).
    Pages(Vec<String>),
}

/// Resolves the root-absolute links of Markdown bodies (see [`resolver`]).
type Resolver = Box<dyn Fn(&str) -> Option<String> + Sync>;

/// The last good build, kept in memory for incremental rebuilds.
struct Live {
    checked: Checked,
    assets: site::Assets,
    resolver: Resolver,
    similar: Similar,
}

/// A build kept between rebuilds, for `serve`: a full build first, then,
/// for each batch of changed files, either the pages of the edited entries
/// alone or a full rebuild.
///
/// The incremental path is taken when every changed file is an existing
/// entry whose new parse differs from the previous one only in its Markdown
/// body (and keeps its dates): nothing outside the entry's own page can show
/// a body, so only that page is rendered and swapped into the output folder
/// (one atomic rename per file). Anything else — a new, deleted or renamed
/// file, a vocabulary, config, page, media or theme file, a change of title,
/// classification or any other frontmatter field — rebuilds everything, so
/// lists, counts and links can never go stale. The search index, which
/// indexes bodies, is rebuilt afterwards by [`Session::refresh_search`].
///
/// On failure the output folder keeps the last good site and the session
/// keeps its state; the files of the failed batch are reconsidered with the
/// next batch, so a fix of a broken vocabulary cannot be skipped.
pub struct Session {
    opts: Options,
    content: PathBuf,
    live: Option<Live>,
    failing: std::collections::BTreeSet<PathBuf>,
    /// The search index predates the last quick rebuild.
    search_stale: bool,
}

impl Session {
    pub fn new(opts: Options) -> Session {
        let content = opts.content.canonicalize().unwrap_or_else(|_| opts.content.clone());
        Session { opts, content, live: None, failing: Default::default(), search_stale: false }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The folders whose changes matter: the content folder and the theme
    /// folder on disk, if any.
    pub fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.content.clone()];
        if let Some(dir) = self.live.as_ref().and_then(|l| l.checked.theme.dir.clone()) {
            let dir = dir.canonicalize().unwrap_or(dir);
            if !dir.starts_with(&self.content) {
                dirs.push(dir);
            }
        }
        dirs
    }

    /// A full build; on success its state is kept for incremental rebuilds.
    pub fn full(&mut self, log: &dyn Log) -> Result<Outcome, Failure> {
        let mut checked = check(&self.opts, log)?;
        checked.drop_markdown_sources();
        let (outcome, assets, similar) = publish(&self.opts, &checked, None, log)?;
        let pages: Vec<content::StaticPage> = checked.pages.iter().map(|(p, _)| p.clone()).collect();
        let resolver = Box::new(resolver(&checked.lib, &pages, &checked.media));
        self.live = Some(Live { checked, assets, resolver, similar });
        self.failing.clear();
        self.search_stale = false;
        Ok(outcome)
    }

    /// Whether a quick rebuild left the search index behind the pages:
    /// [`Session::refresh_search`] catches it up.
    pub fn search_is_stale(&self) -> bool {
        self.search_stale
    }

    /// Rebuilds the search index after quick rebuilds and swaps it into the
    /// output folder: the new content-hashed folder first, then
    /// `search/meta.json` that points at it, then the old folder is removed.
    /// Returns the number of files written. `serve` runs it once the edited
    /// pages are already reloaded: at 10,000 entries the index takes seconds,
    /// the pages milliseconds.
    pub fn refresh_search(&mut self) -> Result<usize, Failure> {
        let Some(live) = self.live.as_ref().filter(|_| self.search_stale) else { return Ok(0) };
        let internal = |e: String| Failure::Internal(e);
        let dates = entry_dates(&live.checked);
        let site = site_of(&self.opts, &live.checked, &dates, live.assets.clone(), &live.similar);
        let patch = Staging::patch(&self.opts.out)
            .map_err(|e| internal(format!("cannot prepare {}: {e}", self.opts.out.display())))?;
        let quiet: &dyn Log = &Quiet;
        let mut t = Timer::new(quiet);
        let keep = match write_search(&site, &patch, &mut t) {
            Ok(keep) => keep,
            Err(e) => {
                patch.abandon();
                return Err(internal(e));
            }
        };
        let written = patch.apply().map_err(|e| internal(format!("cannot update {}: {e}", self.opts.out.display())))?;
        let search = self.opts.out.join("search");
        for item in std::fs::read_dir(&search).map_err(|e| internal(e.to_string()))?.flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            if item.path().is_dir() && !keep.contains(&name) {
                let _ = std::fs::remove_dir_all(item.path());
            }
        }
        self.search_stale = false;
        Ok(written.len())
    }

    /// Rebuilds after `changed` files (absolute or relative paths) changed.
    pub fn rebuild(&mut self, changed: &[PathBuf], log: &dyn Log) -> Result<Rebuilt, Failure> {
        let mut paths: std::collections::BTreeSet<PathBuf> = changed.iter().map(|p| self.absolute(p)).collect();
        paths.extend(self.failing.iter().cloned());
        let result = match self.edits(&paths) {
            Some(edits) => match self.incremental(&edits) {
                Ok(Some(pages)) => {
                    self.search_stale |= !pages.is_empty();
                    Ok(Rebuilt::Pages(pages))
                }
                Ok(None) => self.full(log).map(Rebuilt::Full),
                Err(f) => Err(f),
            },
            None => self.full(log).map(Rebuilt::Full),
        };
        match &result {
            Ok(_) => self.failing.clear(),
            Err(_) => self.failing = paths,
        }
        result
    }

    fn absolute(&self, p: &Path) -> PathBuf {
        let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
        // Canonicalise the folder (the file itself may be gone).
        match (p.parent().and_then(|d| d.canonicalize().ok()), p.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => p,
        }
    }

    /// The changed files as (entry index, path relative to the content
    /// folder), when every one is an existing entry file; `None` otherwise.
    fn edits(&self, paths: &std::collections::BTreeSet<PathBuf>) -> Option<Vec<(usize, PathBuf)>> {
        let live = self.live.as_ref()?;
        let mut edits = Vec::new();
        for p in paths {
            let rel = p.strip_prefix(&self.content).ok()?;
            let known = live.checked.lib.entries.iter().position(|e| e.source == rel);
            if !p.exists() {
                // Gone: an editor's or tool's temporary file is no change;
                // a deleted entry, vocabulary, page or media file is.
                let source_like = rel.extension().is_some_and(|x| x == "md" || x == "yaml" || x == "yml");
                if known.is_some() || source_like || live.checked.media.iter().any(|m| m == rel) {
                    return None;
                }
                continue;
            }
            let is_entry = rel.starts_with(content::ENTRIES_DIR) && rel.extension().is_some_and(|x| x == "md");
            if !is_entry || !p.is_file() {
                return None;
            }
            edits.push((known?, rel.to_path_buf()));
        }
        Some(edits)
    }

    /// Re-renders the edited entries' pages, or `Ok(None)` when a change
    /// reaches beyond them and a full build is needed.
    fn incremental(&mut self, edits: &[(usize, PathBuf)]) -> Result<Option<Vec<String>>, Failure> {
        let Some(live) = self.live.as_mut() else { return Ok(None) };
        let mut report = Report::default();
        let mut updates: Vec<(usize, Entry, Rendered)> = Vec::new();
        for (i, rel) in edits {
            let Ok(raw) = content::read_text(&self.content.join(rel)) else { return Ok(None) };
            let parsed = content::entry::parse_entry(rel, &raw, self.opts.today);
            let errors = parsed.diagnostics.iter().any(|d| d.severity == crate::diagnostics::Severity::Error);
            match parsed.source {
                Some(src) => report.extend_with_source(parsed.diagnostics, rel, src),
                None => report.diagnostics.extend(parsed.diagnostics),
            }
            if errors {
                continue;
            }
            let Some(mut new) = parsed.entry else { return Ok(None) };
            let old = &live.checked.lib.entries[*i];
            if (new.added, new.updated) != (old.added, old.updated) {
                // Git-dated entries keep their dates until the edit is
                // committed (see git.rs); new frontmatter dates need a full build.
                if crate::git::is_committed(&self.content, rel) {
                    (new.added, new.updated) = (old.added, old.updated);
                } else {
                    return Ok(None);
                }
            }
            let same = Entry { body: String::new(), body_offset: 0, ..new.clone() }
                == Entry { body: String::new(), body_offset: 0, ..old.clone() };
            if !same {
                return Ok(None);
            }
            let body = guarded(Stage::Markdown, rel, || markdown::render(&new.body, "../../", &live.resolver))
                .map_err(|e| Failure::Internal(e.to_string()))?;
            entry_link_diagnostics(&self.content, &new, &body, &mut report);
            updates.push((*i, new, body));
        }
        report.sort();
        if report.has_errors() {
            return Err(Failure::Content(report));
        }
        // Does any edit change what similarity reads? (Most edits further down a body do not.)
        let sim = live.checked.config.similarity;
        let reread = updates.iter().any(|(i, e, body)| {
            let old = (&live.checked.lib.entries[*i], &live.checked.bodies[*i]);
            !crate::similar::reads_the_same(old, (e, body), sim.council_report)
        });
        // Swap the new entries in, render, and swap back if rendering fails.
        let mut previous = Vec::new();
        for (i, e, body) in updates {
            let old_e = std::mem::replace(&mut live.checked.lib.entries[i], e);
            let old_b = std::mem::replace(&mut live.checked.bodies[i], body);
            previous.push((i, old_e, old_b));
        }
        // A body is part of what makes entries similar: when what similarity reads changed,
        // recompute for the whole bank (the weights of every term may move), and render also
        // the pages whose list of similar models changed.
        let mut indices: std::collections::BTreeSet<usize> = previous.iter().map(|p| p.0).collect();
        let mut old_similar = None;
        if reread {
            let similar = Similar::compute(&live.checked.lib, &live.checked.bodies, sim.thresholds, sim.council_report);
            let lib = &live.checked.lib;
            indices
                .extend((0..similar.models.len()).filter(|&i| shown(lib, &similar, i) != shown(lib, &live.similar, i)));
            old_similar = Some(std::mem::replace(&mut live.similar, similar));
        }
        let written = render_entries(&self.opts, live, &indices.into_iter().collect::<Vec<_>>());
        match written {
            Ok(pages) => Ok(Some(pages)),
            Err(e) => {
                for (i, old_e, old_b) in previous {
                    live.checked.lib.entries[i] = old_e;
                    live.checked.bodies[i] = old_b;
                }
                if let Some(old) = old_similar {
                    live.similar = old;
                }
                Err(Failure::Internal(e))
            }
        }
    }
}

/// What the page of entry `i` shows of its similar models: (entry, degree in words).
fn shown(lib: &Library, similar: &Similar, i: usize) -> Vec<(usize, crate::similar::Degree)> {
    similar.on_page(lib, i).map(|s| (s.entry, crate::similar::Degree::of(s.cosine))).collect()
}

/// Renders the pages of entries `indices` into the output folder, and the council report
/// when the bank has one (its pairs and passages may have changed with any body).
fn render_entries(opts: &Options, live: &Live, indices: &[usize]) -> Result<Vec<String>, String> {
    let dates = entry_dates(&live.checked);
    let site = site_of(opts, &live.checked, &dates, live.assets.clone(), &live.similar);
    let sv = site.site_view();
    let patch = Staging::patch(&opts.out).map_err(|e| format!("cannot prepare {}: {e}", opts.out.display()))?;
    for &i in indices {
        if let Err(e) = site.entry_pages(&patch, &sv, i) {
            patch.abandon();
            return Err(e);
        }
    }
    if let Err(e) = crate::similar::report::render(&site, &sv, &patch, &live.similar) {
        patch.abandon();
        return Err(e);
    }
    patch.apply().map_err(|e| format!("cannot update {}: {e}", opts.out.display()))
}
