//! The `sangkien` binary: parse the command line, run, map the outcome to
//! an exit code (0 ok, 1 content errors, 2 usage/I/O/internal).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use sangkien::build::{self, Failure, Log, Options};
use sangkien::cli::{Cli, Command, Format, SimilarArgs, SimilarFormat, SiteArgs};
use sangkien::diagnostics::{Lang, Report};
use sangkien::serve;

/// mimalloc instead of glibc's malloc: a build allocates many short-lived
/// strings on both cores (templates, JSON, paths). Measured on a 20,000-entry
/// bank (BENCHMARKS.md, sixth session): 17 % less CPU and 15 % less peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Step lines: a spinner on a terminal, plain timed lines otherwise (CI).
struct StepLog {
    bar: Option<indicatif::ProgressBar>,
}

impl StepLog {
    fn new() -> StepLog {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        });
        StepLog { bar }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Log for StepLog {
    fn step(&self, name: &str, detail: &str, millis: u128) {
        let line = format!("  {name:<9} {millis:>6} ms  {detail}");
        match &self.bar {
            Some(b) => {
                b.println(line);
                b.set_message(format!("{name} ✓"));
            }
            None => sangkien::say!("{line}"),
        }
    }
}

fn options(site: &SiteArgs, out: std::path::PathBuf, base_url: Option<String>) -> Options {
    let mut o = Options::new(&site.content, out);
    o.theme = site.theme.clone();
    o.base_url = base_url;
    if site.no_cache {
        o.cache = sangkien::cache::Cache::disabled();
    }
    o
}

fn print_report(report: &Report, format: Format, lang: Lang, content: &std::path::Path) {
    match format {
        Format::Human => {
            if !report.diagnostics.is_empty() {
                sangkien::say_part!("{}", report.render_human(lang));
            }
            sangkien::say!("{}", report.summary(lang));
        }
        Format::Json => sangkien::show_part!("{}", report.render_json(lang)),
        Format::Github => sangkien::show_part!("{}", report.render_github(lang, content)),
    }
}

fn fail(f: Failure, format: Format, lang: Lang, content: &std::path::Path) -> ExitCode {
    match f {
        Failure::Content(report) => {
            print_report(&report, format, lang, content);
            if format == Format::Human {
                sangkien::say!(
                    "{}",
                    match lang {
                        Lang::Vi => "Chưa dựng trang: hãy sửa các lỗi trên. Trang cũ (nếu có) được giữ nguyên.",
                        Lang::En =>
                            "Nothing was published: fix the errors above. The previous site, if any, is untouched.",
                    }
                );
            }
            ExitCode::from(1)
        }
        Failure::Internal(msg) => {
            sangkien::say!("sangkien: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_build(opts: &Options, lang: Lang) -> Result<build::Outcome, ExitCode> {
    let start = Instant::now();
    let log = StepLog::new();
    let result = build::build(opts, &log);
    log.finish();
    match result {
        Ok(o) => {
            if !o.report.diagnostics.is_empty() {
                print_report(&o.report, Format::Human, lang, &opts.content);
            }
            let secs = start.elapsed().as_secs_f64();
            sangkien::say!(
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "Đã dựng {} sáng kiến, {} tệp ({} KB) vào {} trong {secs:.2} s",
                        o.entries,
                        o.files,
                        o.bytes / 1024,
                        opts.out.display()
                    ),
                    Lang::En => format!(
                        "Built {} entries, {} files ({} KB) into {} in {secs:.2} s",
                        o.entries,
                        o.files,
                        o.bytes / 1024,
                        opts.out.display()
                    ),
                }
            );
            Ok(o)
        }
        Err(f) => Err(fail(f, Format::Human, lang, &opts.content)),
    }
}

/// `sangkien search`: the same query model as the site's client, answered
/// by tantivy directly (the reference of the parity test).
fn search(site: &SiteArgs, query: &str, limit: usize, filters: &[String], json: bool, lang: Lang) -> ExitCode {
    let mut parsed = Vec::new();
    for f in filters {
        match sangkien::search::parse_filter(f) {
            Some(kv) => parsed.push(kv),
            None => {
                sangkien::say!("sangkien search: --filter must be KEY=VALUE, got `{f}`");
                return ExitCode::from(2);
            }
        }
    }
    let opts = options(site, "public".into(), None);
    let checked = match build::check(&opts, &build::Quiet) {
        Ok(c) => c,
        Err(f) => return fail(f, Format::Human, lang, &site.content),
    };
    let views = sangkien::views::Views {
        lib: &checked.lib,
        config: &checked.config,
        labels: sangkien::views::Labels { strings: &checked.strings, lang: &checked.config.language },
    };
    let (docs, facets) = sangkien::site::search_input(&checked.lib, &checked.bodies, &views);
    let result = sangkien::search::build_index(docs, facets, &checked.lib.vocab.synonyms)
        .and_then(|index| index.query(query, &parsed, limit));
    match result {
        Ok(hits) => {
            sangkien::show_part!("{}", sangkien::search::format_hits(&hits, json));
            ExitCode::SUCCESS
        }
        Err(e) => {
            sangkien::say!("sangkien search: {e}");
            ExitCode::from(2)
        }
    }
}

/// `sangkien similar`: the novelty check (src/similar/command.rs).
fn similar(args: &SimilarArgs, lang: Lang) -> ExitCode {
    use sangkien::similar::command::{self, Scope};
    let scope = if args.all {
        Scope::All
    } else if !args.files.is_empty() {
        Scope::Files(args.files.clone())
    } else {
        Scope::Since(args.since.clone())
    };
    let run = command::Run {
        content: args.site.content.clone(),
        theme: args.site.theme.clone(),
        scope,
        threshold: args.threshold,
        copy_threshold: args.copy_threshold,
        format: match args.format {
            SimilarFormat::Human => command::Format::Human,
            SimilarFormat::Json => command::Format::Json,
        },
    };
    command::run(&run, lang)
}

fn main() -> ExitCode {
    // Panics caught per entry are reported once, as internal errors naming
    // the entry (guard.rs); any other panic still ends in exit code 2.
    sangkien::guard::install_hook();
    let cli = Cli::parse();
    let lang = Lang::from_env();
    match std::panic::catch_unwind(move || run(cli, lang)) {
        Ok(code) => code,
        Err(_) => {
            sangkien::say!(
                "sangkien: internal error: a bug in sangkien (the message above says where); please report it"
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli, lang: Lang) -> ExitCode {
    match cli.command {
        Command::Build { site, out, base_url } => match run_build(&options(&site, out, base_url), lang) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Command::Check { site, format, fix } => {
            if fix && sangkien::editor::fmt::fix(&site.content) != ExitCode::SUCCESS {
                return ExitCode::from(2);
            }
            let opts = options(&site, "public".into(), None);
            let log = build::Quiet;
            match build::check(&opts, &log) {
                Ok(c) => {
                    // The novelty check of entries changed since `main`, as warnings.
                    let mut report = c.report.clone();
                    report.merge(sangkien::similar::command::check_warnings(&c, &site.content, opts.today));
                    report.sort();
                    print_report(&report, format, lang, &site.content);
                    ExitCode::SUCCESS
                }
                Err(f) => fail(f, format, lang, &site.content),
            }
        }
        Command::Search { site, query, limit, filter, json } => search(&site, &query, limit, &filter, json, lang),
        Command::Similar(args) => similar(&args, lang),
        Command::Fmt(args) => sangkien::editor::fmt(&args),
        Command::Init(args) => sangkien::editor::init(&args),
        Command::New(args) => sangkien::editor::new(&args),
        Command::Schema(args) => sangkien::editor::schema(&args),
        Command::Serve { site, port, out, open } => {
            if !site.content.is_dir() {
                sangkien::say!("sangkien: content folder not found: {}", site.content.display());
                return ExitCode::from(2);
            }
            let (server, port) = match serve::bind(port) {
                Ok(s) => s,
                Err(e) => {
                    sangkien::say!("sangkien: {e}");
                    return ExitCode::from(2);
                }
            };
            let base = format!("http://127.0.0.1:{port}/");
            let opts = options(&site, out, Some(base.clone()));
            let mut preview = serve::Preview::new(opts, server, base, lang);
            let log = StepLog::new();
            preview.first_build(&log);
            log.finish();
            match preview.run(open) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    sangkien::say!("sangkien: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
