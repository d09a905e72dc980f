//! gen-bank: writes a deterministic, synthetic initiative bank of N entries
//! that passes `sangkien check`, and optionally the same entries as a Hugo
//! site, so that sangkien and Hugo (+ Pagefind) can be benchmarked on the
//! same corpus. See BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example gen-bank -- --entries 10000 --out bench/out/10000/bank \
//!     [--seed 1] [--hugo bench/out/10000/hugo]
//! ```
//!
//! The same seed and N give byte-identical files (a private xoshiro256**
//! PRNG, one stream per entry, so the parallel writing does not change the
//! output). Every person, commune, decision and figure is fictional; the 34
//! provincial units are real (DOMAIN §3.1). No date is later than
//! 2026-06-30.

#[path = "gen_bank/hugo.rs"]
mod hugo;
#[path = "gen_bank/phrases.rs"]
mod phrases;
#[path = "gen_bank/units.rs"]
mod units;
#[path = "gen_bank/util.rs"]
mod util;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use phrases::*;
use units::{Role, Unit, PROVINCES};
use util::{cap, days_from_civil, iso, q, uncap, Rng};

const YEARS: [i32; 5] = [2021, 2022, 2023, 2024, 2025];
const YEAR_WEIGHTS: [u32; 5] = [12, 16, 20, 24, 28];
const MARKER: &str = ".gen-bank";

fn max_date() -> i64 {
    days_from_civil(2026, 6, 30)
}
fn merger_date() -> i64 {
    days_from_civil(2025, 7, 1)
}

// ── Arguments ────────────────────────────────────────────────────────────

struct Args {
    entries: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
    communes: Option<usize>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo run --release --example gen-bank -- --entries N --out DIR [--seed S] [--hugo DIR] [--communes K]\n\
         \n\
         Writes a synthetic bank of N entries (config.yaml, vocabularies, sang-kien/, trang/) into DIR,\n\
         and with --hugo the same entries as a Hugo site. The same seed gives byte-identical files.\n\
         --communes K sets the communes per province (default 8 + N/1200, at most 98).\n\
         DIR must be empty, missing, or an earlier gen-bank output (it is then replaced)."
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut entries = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut hugo = None;
    let mut communes = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--entries" | "-n" => entries = val().replace('_', "").parse().ok(),
            "--out" | "-o" => out = Some(PathBuf::from(val())),
            "--seed" => seed = val().parse().unwrap_or_else(|_| usage()),
            "--hugo" => hugo = Some(PathBuf::from(val())),
            "--communes" => communes = Some(val().parse().unwrap_or_else(|_| usage())),
            "--help" | "-h" => usage(),
            _ => {
                eprintln!("gen-bank: unknown argument {a}");
                usage()
            }
        }
    }
    match (entries, out) {
        (Some(entries), Some(out)) if entries > 0 => Args { entries, out, seed, hugo, communes },
        _ => usage(),
    }
}

/// Makes `dir` ready for writing: missing, empty, or an earlier output of
/// ours (recognised by its marker file), which is removed.
fn prepare(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)?.next().is_none();
        if !empty {
            if !dir.join(MARKER).exists() {
                eprintln!(
                    "gen-bank: {} exists and was not written by gen-bank; refusing to overwrite it",
                    dir.display()
                );
                std::process::exit(2);
            }
            std::fs::remove_dir_all(dir)?;
        }
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(MARKER), "written by examples/gen-bank.rs; safe to delete\n")
}

// ── The plan: who, where, when (sequential, cheap) ───────────────────────

struct Plan {
    id: String,
    topic: usize,
    province: usize,
    year: i32,
    owner: usize,
    featured: Option<u32>,
}

struct Pools {
    /// Pickable units per province.
    by_province: Vec<Vec<usize>>,
    /// Communes (xã, phường, đặc khu) per province.
    communes: Vec<Vec<usize>>,
    /// Children of each commune, by role.
    children: std::collections::HashMap<(usize, Role), usize>,
    /// Department lookup: (province, key) → unit.
    dept: std::collections::HashMap<(usize, String), usize>,
}

fn pools(units: &[Unit]) -> Pools {
    let mut p = Pools {
        by_province: vec![Vec::new(); PROVINCES.len()],
        communes: vec![Vec::new(); PROVINCES.len()],
        children: Default::default(),
        dept: Default::default(),
    };
    for (i, u) in units.iter().enumerate() {
        if u.pickable {
            p.by_province[u.province].push(i);
        }
        match u.role {
            Role::Commune if u.pickable => p.communes[u.province].push(i),
            Role::Clinic | Role::CommuneSchool | Role::CommuneCenter => {
                p.children.insert((u.parent.unwrap(), u.role), i);
            }
            _ => {}
        }
        if !u.key.is_empty() {
            p.dept.insert((u.province, u.key.clone()), i);
        }
    }
    p
}

fn plan(seed: u64, n: usize, units: &[Unit], pools: &Pools) -> Vec<Plan> {
    let mut rng = Rng::derive(seed, 2, 0);
    let topic_w: Vec<u32> = TOPICS.iter().map(|t| t.weight).collect();
    let prov_w: Vec<u32> = PROVINCES.iter().map(|p| p.weight).collect();
    let mut counters = vec![[0u32; 5]; PROVINCES.len()];
    let mut out = Vec::with_capacity(n);
    let featured_every = 100; // about 1% featured
    let mut rank = 0u32;
    for i in 0..n {
        let topic = rng.weighted(&topic_w);
        let mut province = rng.weighted(&prov_w);
        let yi = rng.weighted(&YEAR_WEIGHTS);
        // Sequence per province and year, at most 9999: spill to the next province.
        let mut tries = 0;
        while counters[province][yi] >= 9999 {
            province = (province + 1) % PROVINCES.len();
            tries += 1;
            if tries > PROVINCES.len() {
                eprintln!("gen-bank: more than 9999 entries for every province in {}", YEARS[yi]);
                std::process::exit(2);
            }
        }
        counters[province][yi] += 1;
        let id = format!("{}-{}-{:04}", PROVINCES[province].code, YEARS[yi], counters[province][yi]);
        let t = &TOPICS[topic];
        let depts: Vec<usize> =
            t.depts.iter().filter_map(|k| pools.dept.get(&(province, k.to_string())).copied()).collect();
        let owner = if !depts.is_empty() && rng.chance(0.42) {
            rng.pick(&depts)
        } else {
            let c = rng.pick(&pools.communes[province]);
            let child = match t.field {
                "y-te" => pools.children.get(&(c, Role::Clinic)).filter(|_| rng.chance(0.6)),
                "giao-duc-dao-tao" => pools.children.get(&(c, Role::CommuneSchool)).filter(|_| rng.chance(0.7)),
                "cai-cach-hanh-chinh" => pools.children.get(&(c, Role::CommuneCenter)).filter(|_| rng.chance(0.4)),
                _ => None,
            };
            child.copied().unwrap_or(c)
        };
        debug_assert!(units[owner].pickable);
        let featured = if rng.below(featured_every) == 0 || (i == 0) {
            rank += 1;
            Some(rank)
        } else {
            None
        };
        out.push(Plan { id, topic, province, year: YEARS[yi], owner, featured });
    }
    out
}

// ── One entry ────────────────────────────────────────────────────────────

struct Rec {
    level: &'static str,
    kind: Option<&'static str>,
    council: Option<String>,
    scope: Option<String>,
    number: String,
    date: i64,
    issuer: String,
    issuer_unit: Option<usize>,
    title: Option<String>,
}

struct Author {
    name: String,
    position: Option<String>,
    unit: usize,
    share: Option<u32>,
    consent: bool,
}

struct Metric {
    indicator: String,
    before: Option<f64>,
    after: f64,
    unit: String,
    period: Option<String>,
    source: Option<String>,
    key: bool,
}

struct Repl {
    unit: usize,
    date: i64,
    document: Option<String>,
    outcome: Option<String>,
    status: Option<&'static str>,
}

struct Award {
    form: &'static str,
    recipient: Option<String>,
    number: String,
    date: i64,
    issuer: String,
    issuer_unit: Option<usize>,
}

pub struct Entry {
    id: String,
    title: String,
    short_title: String,
    slug: String,
    explicit_slug: bool,
    summary: String,
    solution_types: Vec<&'static str>,
    field_of_application: Option<String>,
    fields: Vec<&'static str>,
    movements: Vec<&'static str>,
    tags: Vec<String>,
    owner: usize,
    province: usize,
    unit_at_recognition: Option<String>,
    authors: Vec<Author>,
    first_applied: i64,
    trial: bool,
    recognition: Vec<Rec>,
    awards: Vec<Award>,
    by_author: String,
    by_adopters: Option<String>,
    metrics: Vec<Metric>,
    application_conditions: Option<String>,
    status: &'static str,
    ready: bool,
    replications: Vec<Repl>,
    featured: Option<(u32, Option<String>)>,
    contact: Option<(usize, String)>,
    related: Vec<String>,
    media: Option<(String, String, i64)>,
    added: Option<i64>,
    body: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Tones {
    Old,
    New,
    Mixed,
}

struct Ctx<'a> {
    x: String,
    p: String,
    o: &'a str,
    o2: &'a str,
    t: &'a str,
    b: &'a str,
    a: String,
    y: i32,
    k: usize,
}

fn fill(ctx: &Ctx, rng: &mut Rng, template: &str) -> String {
    util::fill(template, |key| {
        Some(match key {
            "X" => ctx.x.clone(),
            "P" => ctx.p.clone(),
            "O" => ctx.o.to_string(),
            "O2" => ctx.o2.to_string(),
            "T" => ctx.t.to_string(),
            "B" => ctx.b.to_string(),
            "A" => ctx.a.clone(),
            "y" => ctx.y.to_string(),
            "y0" => (ctx.y - 1).to_string(),
            "k" => ctx.k.to_string(),
            "n" => rng.range(40, 900).to_string(),
            "n2" => util::vi_num(rng.range(1000, 30000) as f64),
            "p" => rng.range(55, 85).to_string(),
            "p2" => rng.range(5, 30).to_string(),
            "p3" => {
                let v = rng.range(900, 999) as f64 / 10.0;
                util::vi_num(if rng.chance(0.5) { v.round() } else { v })
            }
            "d" => rng.range(3, 6).to_string(),
            "d2" => rng.range(7, 12).to_string(),
            "h" => rng.range(2, 8).to_string(),
            "m" => rng.range(3, 9).to_string(),
            "c" => rng.range(10, 250).to_string(),
            _ => return None,
        })
    })
}

/// Applies the entry's tone placement to one paragraph.
fn tone(rng: &mut Rng, tones: Tones, s: String) -> String {
    let new = match tones {
        Tones::Old => false,
        Tones::New => true,
        Tones::Mixed => rng.chance(0.5),
    };
    if new {
        util::new_tones(&s)
    } else {
        s
    }
}

fn person(rng: &mut Rng, province: usize) -> String {
    let mountain = PROVINCES[province].region == units::Region::Mountain;
    let surname = if mountain && rng.chance(0.55) { rng.pick(SURNAMES_NORTH_MOUNTAIN) } else { rng.pick(SURNAMES) };
    if rng.chance(0.5) {
        format!("{surname} {} {}", rng.pick(MIDDLE_M), rng.pick(GIVEN_M))
    } else {
        format!("{surname} {} {}", rng.pick(MIDDLE_F), rng.pick(GIVEN_F))
    }
}

fn position(rng: &mut Rng, u: &Unit) -> String {
    let word = u.prose.split(' ').next().unwrap_or("xã");
    let word = if word == "đặc" { "đặc khu" } else { word };
    let bank: &[&str] = match u.role {
        Role::Commune => POS_COMMUNE,
        Role::Dept => POS_DEPT,
        Role::School | Role::CommuneSchool => POS_SCHOOL,
        Role::Clinic => POS_CLINIC,
        Role::Hospital => POS_HOSPITAL,
        Role::Center | Role::CommuneCenter => POS_CENTER,
        Role::Force => POS_FORCE,
        Role::Party => POS_PARTY,
        Role::Mass | Role::Province => POS_MASS,
    };
    util::fill(rng.pick(bank), |k| (k == "u").then(|| word.to_string()))
}

fn number(rng: &mut Rng, lo: i64, hi: i64, symbol: &str, party: bool) -> String {
    let n = rng.range(lo, hi);
    if party {
        format!("{n}-{symbol}")
    } else {
        format!("{n}/{symbol}")
    }
}

/// A metric value near `typical`, rounded the way reports write it.
fn around(rng: &mut Rng, typical: f64, unit: &str) -> f64 {
    let v = typical * (0.7 + 0.6 * rng.f64());
    if unit == "%" {
        let v = v.min(99.9);
        if rng.chance(0.4) {
            (v * 10.0).round() / 10.0
        } else {
            v.round()
        }
    } else if v < 10.0 {
        (v * 2.0).round() / 2.0
    } else if v < 1000.0 {
        v.round()
    } else {
        (v / 10.0).round() * 10.0
    }
}

fn make_metric(rng: &mut Rng, m: &MetricT, ctx: &Ctx, key: bool) -> Metric {
    let (indicator, unit, before, after) = *m;
    let (b, a) = if before < 0.0 {
        (None, around(rng, after, unit).max(1.0))
    } else {
        let lower_better = after < before;
        let mut b = around(rng, before, unit);
        let mut a = around(rng, after, unit);
        if lower_better && a >= b {
            a = (b * 0.5 * 2.0).round() / 2.0;
        }
        if !lower_better && a <= b {
            b = (a * 0.6).round();
        }
        if unit == "%" {
            a = a.min(100.0);
            b = b.min(100.0);
        }
        (Some(b), a)
    };
    let period = match rng.below(4) {
        0 => Some(format!("Năm {}", ctx.y)),
        1 => Some(format!("Quý {}/{}", ["I", "II", "III", "IV"][rng.below(4)], ctx.y)),
        2 => Some(format!("{:02}–{:02}/{}", rng.range(1, 5), rng.range(8, 12), ctx.y)),
        _ => None,
    };
    let source = match rng.below(4) {
        0 => Some(format!("Báo cáo của {}", ctx.x)),
        1 => Some("Sổ theo dõi của bộ phận chuyên môn".to_string()),
        2 => Some("Số liệu trích xuất từ hệ thống".to_string()),
        _ => None,
    };
    Metric { indicator: indicator.to_string(), before: b, after: a, unit: unit.to_string(), period, source, key }
}

fn metric_sentence(m: &Metric) -> String {
    let unit = if m.unit == "%" { "%".to_string() } else { format!(" {}", m.unit) };
    match m.before {
        Some(b) if m.after < b => {
            format!("{} giảm từ {}{unit} xuống còn {}{unit}.", m.indicator, util::vi_num(b), util::vi_num(m.after))
        }
        Some(b) => format!("{} tăng từ {}{unit} lên {}{unit}.", m.indicator, util::vi_num(b), util::vi_num(m.after)),
        None => format!("{}: {}{unit}.", m.indicator, util::vi_num(m.after)),
    }
}

fn pick_distinct<'a>(rng: &mut Rng, xs: &'a [&'a str], k: usize) -> Vec<&'a str> {
    rng.distinct(xs.len(), k).into_iter().map(|i| xs[i]).collect()
}

fn generate(seed: u64, i: usize, plans: &[Plan], by_topic: &[Vec<usize>], units: &[Unit], pools: &Pools) -> Entry {
    let pl = &plans[i];
    let mut rng = Rng::derive(seed, 3, i as u64);
    let t = &TOPICS[pl.topic];
    let owner = &units[pl.owner];
    let prov = &PROVINCES[pl.province];
    let root = units.iter().position(|u| u.id == prov.id).unwrap_or(0);
    let featured = pl.featured.is_some();
    let tones = match rng.below(20) {
        0..=11 => Tones::Old,
        12..=16 => Tones::New,
        _ => Tones::Mixed,
    };
    let mut ctx = Ctx {
        x: owner.prose.clone(),
        p: prov.prose(),
        o: rng.pick(t.objects),
        o2: rng.pick(t.objects),
        t: rng.pick(t.tools),
        b: rng.pick(t.beneficiaries),
        a: String::new(),
        y: pl.year,
        k: rng.range(4, 6) as usize,
    };
    let action = rng.pick(t.actions);
    ctx.a = uncap(action);

    // ── Recognition, dates ──
    let month = [5u32, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 12][rng.below(12)];
    let mut first = days_from_civil(pl.year, month, rng.range(1, 28) as u32).min(max_date() - 200);
    let commune_level = matches!(owner.role, Role::Commune | Role::Clinic | Role::CommuneCenter | Role::CommuneSchool);
    let commune = if commune_level && owner.role != Role::Commune { &units[owner.parent.unwrap()] } else { owner };
    let (old_commune, district) = commune.old.clone().unwrap_or_default();
    let mut recognition = Vec::new();
    let mut unit_at_recognition = None;
    if first < merger_date() && commune_level {
        let old_word = match commune.kind {
            "phuong" => "phường",
            "dac_khu" => "huyện",
            _ => "xã",
        };
        let dist_word = if commune.kind == "phuong" { "quận" } else { "huyện" };
        let old_unit = if commune.kind == "dac_khu" {
            format!("UBND huyện {old_commune}")
        } else {
            format!("UBND {old_word} {old_commune}, {dist_word} {district}")
        };
        unit_at_recognition = Some(match owner.role {
            Role::Commune => old_unit.clone(),
            Role::Clinic => format!("Trạm Y tế {old_word} {old_commune}, {dist_word} {district}"),
            _ => owner.name.clone(),
        });
        if rng.chance(0.55) && commune.kind != "dac_khu" {
            recognition.push(Rec {
                level: "huyen",
                kind: None,
                council: Some(format!("Hội đồng sáng kiến {dist_word} {district}")),
                scope: Some(format!("có phạm vi ảnh hưởng, hiệu quả áp dụng trên địa bàn {dist_word}")),
                number: number(&mut rng, 100, 2900, "QĐ-UBND", false),
                date: first,
                issuer: format!("Chủ tịch UBND {dist_word} {district}"),
                issuer_unit: None,
                title: Some(format!("về việc công nhận sáng kiến năm {}", pl.year)),
            });
        } else if owner.role == Role::CommuneSchool {
            recognition.push(Rec {
                level: "co_so",
                kind: None,
                council: Some(format!("Hội đồng sáng kiến {}", owner.name)),
                scope: None,
                number: number(&mut rng, 10, 300, owner.symbol, false),
                date: first,
                issuer: owner.issuer.clone(),
                issuer_unit: Some(owner.issuer_unit),
                title: Some(format!("về việc công nhận sáng kiến năm học {}–{}", pl.year - 1, pl.year)),
            });
        } else {
            let issuer = if commune.kind == "dac_khu" {
                format!("Chủ tịch UBND huyện {old_commune}")
            } else {
                format!("Chủ tịch UBND {old_word} {old_commune}")
            };
            recognition.push(Rec {
                level: "co_so",
                kind: None,
                council: None,
                scope: None,
                number: number(&mut rng, 10, 300, "QĐ-UBND", false),
                date: first,
                issuer,
                issuer_unit: None,
                title: Some(format!("về việc công nhận sáng kiến cấp cơ sở năm {}", pl.year)),
            });
        }
    } else {
        let iu = &units[owner.issuer_unit];
        recognition.push(Rec {
            level: "co_so",
            kind: if rng.chance(0.3) { Some("cong_nhan_sang_kien") } else { None },
            council: if rng.chance(0.6) { Some(format!("Hội đồng sáng kiến {}", iu.prose)) } else { None },
            scope: None,
            number: number(&mut rng, 10, 450, owner.symbol, owner.party_form),
            date: first,
            issuer: owner.issuer.clone(),
            issuer_unit: Some(owner.issuer_unit),
            title: Some(format!("về việc công nhận sáng kiến cấp cơ sở năm {}", pl.year)),
        });
    }
    let scope_word = if prov.city { "thành phố" } else { "tỉnh" };
    let want_tinh = featured || rng.chance(0.24);
    if want_tinh {
        let mut d = first + rng.range(60, 330);
        if d > max_date() && featured {
            d = max_date().min(first + 30);
        }
        if d <= max_date() {
            recognition.push(Rec {
                level: "tinh",
                kind: Some("cong_nhan_hieu_qua"),
                council: Some(format!("Hội đồng sáng kiến {}", prov.prose())),
                scope: Some(format!("có hiệu quả áp dụng và khả năng nhân rộng trong phạm vi {scope_word}")),
                number: number(&mut rng, 100, 3500, "QĐ-UBND", false),
                date: d,
                issuer: format!("Chủ tịch UBND {}", prov.prose()),
                issuer_unit: Some(root),
                title: Some(format!(
                    "về việc công nhận hiệu quả áp dụng, phạm vi ảnh hưởng cấp {scope_word} của sáng kiến năm {}",
                    util::year_of(first)
                )),
            });
            if rng.chance(if featured { 0.3 } else { 0.03 }) {
                let d2 = d + rng.range(90, 300);
                if d2 <= max_date() {
                    recognition.push(Rec {
                        level: "toan_quoc",
                        kind: Some("cong_nhan_hieu_qua"),
                        council: Some(format!("Hội đồng sáng kiến {}", prov.prose())),
                        scope: Some("có phạm vi ảnh hưởng và khả năng nhân rộng trong toàn quốc".to_string()),
                        number: number(&mut rng, 100, 3500, "QĐ-UBND", false),
                        date: d2,
                        issuer: format!("Chủ tịch UBND {}", prov.prose()),
                        issuer_unit: Some(root),
                        title: Some("về việc công nhận sáng kiến có phạm vi ảnh hưởng toàn quốc".to_string()),
                    });
                }
            }
        }
    }
    first = recognition[0].date;
    let last_rec = recognition.last().unwrap().date;
    let first_applied = (first - rng.range(60, 420)).max(days_from_civil(2020, 1, 6));
    let trial = rng.chance(0.1);

    // ── People ──
    let n_auth = [1usize, 1, 1, 2, 2, 2, 2, 3, 3, 3][rng.below(10)];
    let shares: Vec<Option<u32>> = match n_auth {
        1 => vec![if rng.chance(0.5) { Some(100) } else { None }],
        2 => {
            let a = [50u32, 55, 60, 60, 65, 70, 70, 75, 80][rng.below(9)];
            vec![Some(a), Some(100 - a)]
        }
        _ => {
            let a = [40u32, 45, 50, 50, 55, 60][rng.below(6)];
            let b = 5 * rng.range(3, ((100 - a - 10) / 5) as i64) as u32;
            let b = b.min(a);
            vec![Some(a), Some(b), Some(100 - a - b)]
        }
    };
    let mut authors = Vec::new();
    let mut names_used = Vec::new();
    for share in shares {
        let name = loop {
            let n = person(&mut rng, pl.province);
            if !names_used.contains(&n) {
                break n;
            }
        };
        names_used.push(name.clone());
        let unit = match owner.parent {
            Some(p) if p != root && rng.chance(0.15) => p,
            _ => pl.owner,
        };
        authors.push(Author {
            name,
            position: if rng.chance(0.85) { Some(position(&mut rng, &units[unit])) } else { None },
            unit,
            share,
            consent: !rng.chance(0.03),
        });
    }

    // ── Awards ──
    let mut awards = Vec::new();
    if rng.chance(0.15) {
        let r0 = &recognition[0];
        let d = r0.date + rng.range(5, 25);
        if d <= max_date() {
            awards.push(Award {
                form: "giay_khen",
                recipient: Some(authors[0].name.clone()),
                number: number(
                    &mut rng,
                    10,
                    450,
                    if r0.level == "huyen" { "QĐ-UBND" } else { owner.symbol },
                    owner.party_form && r0.level != "huyen",
                ),
                date: d,
                issuer: r0.issuer.clone(),
                issuer_unit: r0.issuer_unit,
            });
        }
    }
    if let Some(r) = recognition.iter().find(|r| r.level == "tinh") {
        if rng.chance(0.35) {
            let d = r.date + rng.range(10, 40);
            if d <= max_date() {
                awards.push(Award {
                    form: "bang_khen_tinh",
                    recipient: Some(authors[0].name.clone()),
                    number: number(&mut rng, 100, 3500, "QĐ-UBND", false),
                    date: d,
                    issuer: format!("Chủ tịch UBND {}", prov.prose()),
                    issuer_unit: Some(root),
                });
            }
        }
    }

    // ── Replications ──
    let mut replications = Vec::new();
    if (featured && rng.chance(0.8)) || rng.chance(0.09) {
        let count = [1usize, 1, 1, 2, 2, 3, 4][rng.below(7)];
        let mut taken: Vec<usize> = vec![pl.owner];
        for _ in 0..count {
            let pool = if rng.chance(0.7) {
                &pools.by_province[pl.province]
            } else {
                &pools.by_province[rng.below(PROVINCES.len())]
            };
            let u = rng.pick(pool);
            if taken.contains(&u) {
                continue;
            }
            let lo = first + 30;
            if lo > max_date() {
                break;
            }
            let date = (first + rng.range(30, 540)).min(max_date());
            taken.push(u);
            let doc = match rng.below(5) {
                0 => Some(format!("Công văn số {}/UBND-VP", rng.range(10, 2500))),
                1 => Some(format!("Kế hoạch số {}/KH-UBND", rng.range(5, 400))),
                2 => Some(format!("Quyết định số {}/QĐ-UBND", rng.range(10, 3000))),
                3 => Some(format!("Thông báo số {}/TB-UBND", rng.range(5, 900))),
                _ => None,
            };
            let outcome = if rng.chance(0.8) {
                Some({
                    let s = rng_pick(&mut rng, REPL_OUTCOMES);
                    fill(&ctx, &mut rng, s)
                })
            } else {
                None
            };
            let status = match rng.below(20) {
                0..=9 => None,
                10..=14 => Some("dang_ap_dung"),
                15..=18 => Some("da_ap_dung"),
                _ => Some("dung_ap_dung"),
            };
            replications.push(Repl { unit: u, date, document: doc, outcome, status });
        }
        replications.sort_by_key(|r| r.date);
    }

    // ── Classification ──
    let mut fields = vec![t.field];
    for f in {
        let k = rng_count(&mut rng, &[5, 4, 1]);
        pick_distinct(&mut rng, t.also, k)
    } {
        fields.push(f);
    }
    let mut solution_types = {
        let k = 1 + usize::from(rng.chance(0.35));
        pick_distinct(&mut rng, t.solution_types, k)
    };
    solution_types.sort_by_key(|s| {
        ["giai_phap_ky_thuat", "giai_phap_quan_ly", "giai_phap_tac_nghiep", "giai_phap_ung_dung_tien_bo_ky_thuat"]
            .iter()
            .position(|x| x == s)
    });
    let mut movements = Vec::new();
    let dates: Vec<i64> = recognition.iter().map(|r| r.date).collect();
    if dates.iter().any(|&d| d >= days_from_civil(2025, 5, 14)) && rng.chance(0.55) {
        movements.push("ca-nuoc-thi-dua-dmst-cds");
    }
    if matches!(t.field, "chuyen-doi-so" | "giao-duc-dao-tao")
        && dates.iter().any(|&d| d >= days_from_civil(2025, 3, 21))
        && rng.chance(0.35)
    {
        movements.push("binh-dan-hoc-vu-so");
    }
    if prov.id == "cao-bang" && dates.iter().any(|&d| d >= days_from_civil(2025, 11, 5)) && rng.chance(0.7) {
        movements.push("cb-moi-dang-vien-mot-sang-kien");
    }
    if t.field == "dan-van-phan-anh-kien-nghi" && rng.chance(0.4) {
        movements.push("dan-van-kheo");
    }
    if t.field == "nong-nghiep-moi-truong" && rng.chance(0.4) {
        movements.push("chung-suc-xay-dung-nong-thon-moi");
    }
    let n_tags = rng.range(3, 6) as usize;
    let tags: Vec<String> =
        pick_distinct(&mut rng, t.tags, n_tags).into_iter().map(|s| tone(&mut rng, tones, s.to_string())).collect();

    // ── Metrics ──
    let n_metrics = rng_count(&mut rng, &[3, 5, 3]) + 1;
    let midx = rng.distinct(t.metrics.len(), n_metrics);
    let key_at = if rng.chance(0.7) { Some(0) } else { None };
    let metrics: Vec<Metric> =
        midx.iter().enumerate().map(|(j, &m)| make_metric(&mut rng, &t.metrics[m], &ctx, key_at == Some(j))).collect();

    // ── Related ──
    let mut related = Vec::new();
    if rng.chance(if featured { 0.8 } else { 0.25 }) && plans.len() > 1 {
        let pool = &by_topic[pl.topic];
        let want = rng.range(1, 3) as usize;
        for _ in 0..want * 2 {
            if related.len() >= want {
                break;
            }
            let j = if pool.len() > 1 && rng.chance(0.8) { rng.pick(pool) } else { rng.below(plans.len()) };
            if j != i && !related.contains(&plans[j].id) {
                related.push(plans[j].id.clone());
            }
        }
    }

    // ── Titles and summary ──
    let tail = {
        let s = loop {
            let s = rng_pick(&mut rng, TITLE_TAILS);
            // "tại Sở Y tế tỉnh X, tỉnh X": name the province only after a commune.
            if !s.contains("{X}, {P}") || commune_level {
                break s;
            }
        };
        fill(&ctx, &mut rng, s)
    };
    let mut title = format!("{action} {}{tail}", ctx.o);
    if title.chars().count() > 200 {
        title = format!("{action} {}", ctx.o);
    }
    let title = tone(&mut rng, tones, title);
    // Cards name the place too: "… ở xã Tân Lập", "… – Sở Y tế Cao Bằng".
    let place = if commune_level {
        format!(" ở {}", commune.prose)
    } else {
        format!(" – {}", owner.short.as_deref().unwrap_or(&owner.name))
    };
    let base = util::cut_words(&format!("{action} {}", ctx.o), 80usize.saturating_sub(place.chars().count()));
    let short_title = tone(&mut rng, tones, format!("{base}{place}"));
    let method = {
        let s = rng_pick(&mut rng, SUMMARY_METHODS);
        fill(&ctx, &mut rng, s)
    };
    let benefit = {
        let s = rng_pick(&mut rng, SUMMARY_BENEFITS);
        fill(&ctx, &mut rng, s)
    };
    let mut summary = format!("{}, {benefit}.", cap(&method));
    let key_metric = key_at.map(|k| &metrics[k]).unwrap_or(&metrics[0]);
    let with_metric = format!("{summary} {}", metric_sentence(key_metric));
    if with_metric.chars().count() <= 300 {
        summary = with_metric;
    }
    if summary.chars().count() > 300 {
        summary = format!("{}.", util::cut_words(&summary, 295));
    }
    let summary = tone(&mut rng, tones, summary);

    // ── Body ──
    let mut body = String::with_capacity(4096);
    body.push_str("## Thực trạng trước khi có sáng kiến\n\n");
    let mut para: Vec<String> =
        pick_distinct(&mut rng, t.problems, 2).iter().map(|s| fill(&ctx, &mut rng, s)).collect();
    if (first >= merger_date() || pl.year >= 2025) && rng.chance(0.7) {
        para.push({
            let s = rng_pick(&mut rng, MERGER_PROBLEMS);
            fill(&ctx, &mut rng, s)
        });
    }
    body.push_str(&tone(&mut rng, tones, para.join(" ")));
    body.push_str("\n\n");
    let para: Vec<String> = {
        let k = rng.range(1, 2) as usize;
        pick_distinct(&mut rng, GENERIC_PROBLEMS, k)
    }
    .iter()
    .map(|s| fill(&ctx, &mut rng, s))
    .collect();
    body.push_str(&tone(&mut rng, tones, para.join(" ")));
    body.push_str("\n\n## Nội dung giải pháp\n\n");
    body.push_str(&tone(
        &mut rng,
        tones,
        format!("Để khắc phục tình trạng trên, nhóm tác giả đề xuất {} {} với các nội dung chính sau:", ctx.a, ctx.o),
    ));
    body.push_str("\n\n");
    let layout = rng.below(10);
    let mut steps: Vec<usize> = rng.distinct(STEPS.len(), ctx.k);
    steps.sort_unstable();
    if layout < 4 {
        body.push_str("| Bước | Nội dung | Người thực hiện |\n|---|---|---|\n");
        for (j, &s) in steps.iter().enumerate() {
            let (what, who) = STEPS[s];
            let row = format!("| {} | {} | {} |\n", j + 1, fill(&ctx, &mut rng, what), who);
            body.push_str(&tone(&mut rng, tones, row));
        }
        body.push('\n');
    } else if layout < 7 {
        for (j, &s) in steps.iter().enumerate() {
            let (what, _) = STEPS[s];
            let row = format!("{}. {}.\n", j + 1, fill(&ctx, &mut rng, what));
            body.push_str(&tone(&mut rng, tones, row));
        }
        body.push('\n');
    }
    let mut para: Vec<String> =
        pick_distinct(&mut rng, t.solutions, 2).iter().map(|s| fill(&ctx, &mut rng, s)).collect();
    if layout >= 7 {
        para.insert(0, fill(&ctx, &mut rng, GENERIC_SOLUTIONS[0]));
    }
    body.push_str(&tone(&mut rng, tones, para.join(" ")));
    body.push_str("\n\n");
    let para: Vec<String> = {
        let k = rng.range(1, 2) as usize;
        pick_distinct(&mut rng, &GENERIC_SOLUTIONS[1..], k)
    }
    .iter()
    .map(|s| fill(&ctx, &mut rng, s))
    .collect();
    body.push_str(&tone(&mut rng, tones, para.join(" ")));
    body.push_str("\n\n## Điều kiện áp dụng\n\n");
    let conds: Vec<String> = {
        let k = rng.range(3, 4) as usize;
        pick_distinct(&mut rng, CONDITIONS, k)
    }
    .iter()
    .map(|s| fill(&ctx, &mut rng, s))
    .collect();
    for c in &conds {
        let line = format!("- {c}\n");
        body.push_str(&tone(&mut rng, tones, line));
    }
    body.push_str("\n## Hiệu quả đạt được\n\n");
    let since = ((last_rec.min(max_date()) - first_applied) / 30).clamp(3, 36);
    body.push_str(&tone(&mut rng, tones, format!("Sau {since} tháng áp dụng, kết quả cụ thể như sau:")));
    body.push_str("\n\n");
    for m in &metrics {
        body.push_str(&tone(&mut rng, tones, format!("- {}\n", metric_sentence(m))));
    }
    let r1 = {
        let s = rng_pick(&mut rng, t.results);
        fill(&ctx, &mut rng, s)
    };
    body.push_str(&tone(&mut rng, tones, format!("- {r1}\n")));
    let r2 = {
        let s = rng_pick(&mut rng, GENERIC_RESULTS);
        fill(&ctx, &mut rng, s)
    };
    body.push_str(&tone(&mut rng, tones, format!("- {r2}\n")));
    body.push_str("\n## Khả năng nhân rộng\n\n");
    let mut para: Vec<String> = pick_distinct(&mut rng, REPLICATE, 2).iter().map(|s| fill(&ctx, &mut rng, s)).collect();
    if let Some(r) = replications.first() {
        para.push(format!(
            "Đến nay, sáng kiến đã được {} đơn vị áp dụng, trong đó có {}.",
            replications.len(),
            units[r.unit].name
        ));
    }
    if let Some(rel) = related.first() {
        para.push(format!("Sáng kiến có thể kết hợp với [sáng kiến {rel}](/s/{rel}/) để tăng hiệu quả."));
    }
    if rng.chance(0.05) {
        para.push(
            "Cách đóng góp một mô hình vào ngân hàng xem tại [trang giới thiệu](/trang/gioi-thieu/).".to_string(),
        );
    }
    body.push_str(&tone(&mut rng, tones, para.join(" ")));
    body.push('\n');

    // ── The rest ──
    let field_of_application = rng.chance(0.6).then(|| t.application.to_string());
    let application_conditions = rng.chance(0.6).then(|| {
        let joined: Vec<String> = conds.iter().map(|c| uncap(c.trim_end_matches('.'))).collect();
        tone(&mut rng, tones, cap(&joined.join("; ")) + ".")
    });
    let by_author =
        tone(&mut rng, tones, metric_sentence(&metrics[0]).trim_end_matches('.').to_string() + "; " + &uncap(&r1));
    let by_adopters = rng
        .chance(0.4)
        .then(|| {
            let s = rng_pick(&mut rng, BY_ADOPTERS);
            fill(&ctx, &mut rng, s)
        })
        .map(|s| cap(&s));
    let has_high = recognition.iter().any(|r| r.level == "tinh" || r.level == "toan_quoc");
    let status = if !replications.is_empty() {
        if rng.chance(0.85) {
            "dang_nhan_rong"
        } else {
            "dang_ap_dung"
        }
    } else {
        match rng.below(1000) {
            0..=4 if !has_high && !featured => "thu_hoi_cong_nhan",
            5..=69 if !featured => "ngung_ap_dung",
            _ => "dang_ap_dung",
        }
    };
    let ready = status != "thu_hoi_cong_nhan" && status != "ngung_ap_dung" && (featured || rng.chance(0.3));
    let featured_v = pl.featured.map(|r| {
        let label = match rng.below(10) {
            0..=1 => Some(format!("Mô hình tiêu biểu năm {}", util::year_of(last_rec))),
            2 => Some("Điển hình chuyển đổi số".to_string()),
            _ => None,
        };
        (r, label)
    });
    let contact = (featured || rng.chance(0.4)).then(|| (pl.owner, rng_pick(&mut rng, CONTACT_CHANNELS).to_string()));
    let mut latest = *dates.iter().max().unwrap();
    latest = latest.max(replications.iter().map(|r| r.date).max().unwrap_or(0));
    latest = latest.max(awards.iter().map(|a| a.date).max().unwrap_or(0));
    let media = (featured && rng.chance(0.7)).then(|| {
        let d = (first + rng.range(20, 200)).min(max_date());
        (format!("{}: cách làm hay của {}", short_title, ctx.x), String::new(), d)
    });
    let added = rng.chance(0.5).then(|| (latest + rng.range(0, 45)).min(max_date()));

    Entry {
        id: pl.id.clone(),
        slug: util::slugify(&short_title, 80),
        explicit_slug: false,
        title,
        short_title,
        summary,
        solution_types,
        field_of_application,
        fields,
        movements,
        tags,
        owner: pl.owner,
        province: pl.province,
        unit_at_recognition,
        authors,
        first_applied,
        trial,
        recognition,
        awards,
        by_author,
        by_adopters,
        metrics,
        application_conditions,
        status,
        ready,
        replications,
        featured: featured_v,
        contact,
        related,
        media,
        added,
        body,
    }
}

fn rng_pick<'a>(rng: &mut Rng, xs: &'a [&'a str]) -> &'a str {
    xs[rng.below(xs.len())]
}

/// A count 0..weights.len() drawn with the weights.
fn rng_count(rng: &mut Rng, weights: &[u32]) -> usize {
    rng.weighted(weights)
}

// ── Writing the bank ─────────────────────────────────────────────────────

fn decision(
    o: &mut String,
    number: &str,
    date: i64,
    issuer: &str,
    issuer_unit: Option<usize>,
    title: Option<&str>,
    units: &[Unit],
) {
    let _ = write!(o, "{{ number: {}, date: {}, issuer: {}", q(number), iso(date), q(issuer));
    if let Some(u) = issuer_unit {
        let _ = write!(o, ", issuer_unit: {}", units[u].id);
    }
    if let Some(t) = title {
        let _ = write!(o, ", title: {}", q(t));
    }
    o.push_str(" }");
}

fn entry_markdown(e: &Entry, units: &[Unit]) -> String {
    let mut o = String::with_capacity(e.body.len() + 3072);
    let _ = writeln!(o, "---\nid: {}", e.id);
    let _ = writeln!(o, "title: {}", util::plain(&e.title));
    let _ = writeln!(o, "short_title: {}", util::plain(&e.short_title));
    if e.explicit_slug {
        let _ = writeln!(o, "slug: {}", e.slug);
    }
    let _ = writeln!(o, "summary: {}", util::plain(&e.summary));
    o.push_str("fictional: true\n");
    let _ = writeln!(o, "solution_types: [{}]", e.solution_types.join(", "));
    if let Some(f) = &e.field_of_application {
        let _ = writeln!(o, "field_of_application: {}", util::plain(f));
    }
    let _ = writeln!(o, "fields: [{}]", e.fields.join(", "));
    if !e.movements.is_empty() {
        let _ = writeln!(o, "movements: [{}]", e.movements.join(", "));
    }
    let tags: Vec<String> = e.tags.iter().map(|t| q(t)).collect();
    let _ = writeln!(o, "tags: [{}]", tags.join(", "));
    let _ = writeln!(o, "owner_unit: {}", units[e.owner].id);
    if let Some(u) = &e.unit_at_recognition {
        let _ = writeln!(o, "unit_at_recognition: {}", util::plain(u));
    }
    o.push_str("authors:\n");
    for a in &e.authors {
        let _ = write!(o, "  - {{ name: {}", q(&a.name));
        if let Some(p) = &a.position {
            let _ = write!(o, ", position: {}", q(p));
        }
        let _ = write!(o, ", unit: {}", units[a.unit].id);
        if let Some(s) = a.share {
            let _ = write!(o, ", share: {s}");
        }
        if !a.consent {
            o.push_str(", consent: false");
        }
        o.push_str(" }\n");
    }
    let _ = writeln!(o, "first_applied: {}", iso(e.first_applied));
    if e.trial {
        o.push_str("trial: true\n");
    }
    o.push_str("recognition:\n");
    for r in &e.recognition {
        let _ = writeln!(o, "  - level: {}", r.level);
        if let Some(k) = r.kind {
            let _ = writeln!(o, "    kind: {k}");
        }
        if let Some(c) = &r.council {
            let _ = writeln!(o, "    council: {}", util::plain(c));
        }
        if let Some(s) = &r.scope {
            let _ = writeln!(o, "    scope_phrase: {}", util::plain(s));
        }
        o.push_str("    decision: ");
        decision(&mut o, &r.number, r.date, &r.issuer, r.issuer_unit, r.title.as_deref(), units);
        o.push('\n');
    }
    if !e.awards.is_empty() {
        o.push_str("awards:\n");
        for a in &e.awards {
            let _ = writeln!(o, "  - form: {}", a.form);
            if let Some(r) = &a.recipient {
                let _ = writeln!(o, "    recipient: {}", util::plain(r));
            }
            o.push_str("    decision: ");
            decision(&mut o, &a.number, a.date, &a.issuer, a.issuer_unit, None, units);
            o.push('\n');
        }
    }
    let _ = writeln!(o, "benefits:\n  by_author: {}", util::plain(&e.by_author));
    if let Some(b) = &e.by_adopters {
        let _ = writeln!(o, "  by_adopters: {}", util::plain(b));
    }
    o.push_str("  metrics:\n");
    for m in &e.metrics {
        let _ = write!(o, "    - {{ indicator: {}", q(&m.indicator));
        if let Some(b) = m.before {
            let _ = write!(o, ", before: {}", util::num(b));
        }
        let _ = write!(o, ", after: {}, unit: {}", util::num(m.after), q(&m.unit));
        if let Some(p) = &m.period {
            let _ = write!(o, ", period: {}", q(p));
        }
        if let Some(s) = &m.source {
            let _ = write!(o, ", source: {}", q(s));
        }
        if m.key {
            o.push_str(", key: true");
        }
        o.push_str(" }\n");
    }
    if let Some(c) = &e.application_conditions {
        let _ = writeln!(o, "application_conditions: {}", util::plain(c));
    }
    let _ = writeln!(o, "status: {}", e.status);
    if e.ready {
        o.push_str("ready_to_replicate: true\n");
    }
    if !e.replications.is_empty() {
        o.push_str("replications:\n");
        for r in &e.replications {
            let _ = write!(o, "  - {{ unit: {}, date: {}", units[r.unit].id, iso(r.date));
            if let Some(d) = &r.document {
                let _ = write!(o, ", document: {}", q(d));
            }
            if let Some(x) = &r.outcome {
                let _ = write!(o, ", outcome: {}", q(x));
            }
            if let Some(s) = r.status {
                let _ = write!(o, ", status: {s}");
            }
            o.push_str(" }\n");
        }
    }
    if let Some((rank, label)) = &e.featured {
        match label {
            Some(l) => {
                let _ = writeln!(o, "featured: {{ rank: {rank}, label: {} }}", q(l));
            }
            None => {
                let _ = writeln!(o, "featured: {{ rank: {rank} }}");
            }
        }
    }
    if let Some((u, ch)) = &e.contact {
        let _ = writeln!(o, "contact: {{ unit: {}, channel: {} }}", units[*u].id, q(ch));
    }
    if !e.related.is_empty() {
        let _ = writeln!(o, "related: [{}]", e.related.join(", "));
    }
    if let Some((title, _, date)) = &e.media {
        let _ = writeln!(
            o,
            "media_coverage:\n  - {{ outlet: \"Báo điện tử (hư cấu)\", title: {}, url: \"https://example.com/bao/{}\", date: {} }}",
            q(title),
            e.slug,
            iso(*date)
        );
    }
    if let Some(a) = e.added {
        let _ = writeln!(o, "added: {}", iso(a));
    }
    o.push_str("---\n");
    o.push_str(&e.body);
    o
}

const FIELDS_YAML: &str = "\
- { id: cai-cach-hanh-chinh, name: Cải cách hành chính, name_en: Administrative reform }
- { id: chuyen-doi-so, name: Chuyển đổi số, name_en: Digital transformation }
- { id: tu-phap-ho-tich, name: Tư pháp – hộ tịch, name_en: Justice and civil status }
- { id: dat-dai-xay-dung, name: Đất đai – xây dựng, name_en: Land and construction }
- { id: giao-duc-dao-tao, name: Giáo dục – đào tạo, name_en: Education and training }
- { id: y-te, name: Y tế, name_en: Health }
- { id: nong-nghiep-moi-truong, name: Nông nghiệp – môi trường, name_en: Agriculture and environment }
- { id: kinh-te-tai-chinh, name: Kinh tế – tài chính, name_en: Economy and finance }
- { id: van-hoa-xa-hoi, name: Văn hóa – xã hội, name_en: Culture and society }
- { id: lao-dong-an-sinh, name: Lao động – an sinh xã hội, name_en: Labour and social welfare }
- { id: quoc-phong-an-ninh, name: Quốc phòng – an ninh, name_en: Defence and security }
- { id: xay-dung-dang-doan-the, name: Xây dựng Đảng – đoàn thể, name_en: Party building and mass organisations }
- { id: dan-van-phan-anh-kien-nghi, name: \"Dân vận, tiếp nhận phản ánh, kiến nghị\", name_en: Public outreach and citizen feedback }
- { id: khoa-hoc-cong-nghe, name: Khoa học – công nghệ, name_en: Science and technology }
";

pub fn field_name(id: &str) -> &'static str {
    match id {
        "cai-cach-hanh-chinh" => "Cải cách hành chính",
        "chuyen-doi-so" => "Chuyển đổi số",
        "tu-phap-ho-tich" => "Tư pháp – hộ tịch",
        "dat-dai-xay-dung" => "Đất đai – xây dựng",
        "giao-duc-dao-tao" => "Giáo dục – đào tạo",
        "y-te" => "Y tế",
        "nong-nghiep-moi-truong" => "Nông nghiệp – môi trường",
        "kinh-te-tai-chinh" => "Kinh tế – tài chính",
        "van-hoa-xa-hoi" => "Văn hóa – xã hội",
        "lao-dong-an-sinh" => "Lao động – an sinh xã hội",
        "quoc-phong-an-ninh" => "Quốc phòng – an ninh",
        "xay-dung-dang-doan-the" => "Xây dựng Đảng – đoàn thể",
        "dan-van-phan-anh-kien-nghi" => "Dân vận, tiếp nhận phản ánh, kiến nghị",
        _ => "Khoa học – công nghệ",
    }
}

pub fn level_name(id: &str) -> &'static str {
    match id {
        "huyen" => "Cấp huyện (trước 01/7/2025)",
        "co_so" => "Cấp cơ sở",
        "tinh" => "Cấp tỉnh",
        _ => "Toàn quốc",
    }
}

pub fn movement_name(id: &str) -> &'static str {
    match id {
        "ca-nuoc-thi-dua-dmst-cds" => "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số",
        "binh-dan-hoc-vu-so" => "Bình dân học vụ số",
        "cb-moi-dang-vien-mot-sang-kien" => "Mỗi đảng viên, cán bộ, công chức, viên chức, chiến sĩ và người lao động trên địa bàn tỉnh có ít nhất 01 sáng kiến, giải pháp/năm",
        "dan-van-kheo" => "Dân vận khéo",
        _ => "Cả nước chung sức xây dựng nông thôn mới",
    }
}

const LEVELS_YAML: &str = "\
# Cấp công nhận, xếp từ thấp đến cao: thứ tự trong tệp là thứ bậc.
- id: huyen
  name: Cấp huyện (trước 01/7/2025)
  name_en: District level (before 1 July 2025)
  legal_phrase: có phạm vi ảnh hưởng, hiệu quả áp dụng trên địa bàn huyện
- id: co_so
  name: Cấp cơ sở
  name_en: Unit level
  legal_phrase: được cơ sở công nhận, có tính mới trong phạm vi cơ sở và đã được áp dụng mang lại lợi ích thiết thực
- id: tinh
  name: Cấp tỉnh
  name_en: Provincial or ministerial level
  legal_phrase: đã được áp dụng hiệu quả và có khả năng nhân rộng trong Bộ, ban, ngành, tỉnh
- id: toan_quoc
  name: Toàn quốc
  name_en: National level
  legal_phrase: đã được áp dụng hiệu quả và có khả năng nhân rộng trong toàn quốc
";

const MOVEMENTS_YAML: &str = "\
- id: ca-nuoc-thi-dua-dmst-cds
  name: Cả nước thi đua đổi mới sáng tạo và chuyển đổi số
  name_en: Nationwide emulation movement for innovation and digital transformation
  basis: Quyết định số 923/QĐ-TTg ngày 14/5/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai phong trào thi đua \"Cả nước thi đua đổi mới sáng tạo và chuyển đổi số\"
- id: binh-dan-hoc-vu-so
  name: Bình dân học vụ số
  name_en: Digital literacy for all (\"Bình dân học vụ số\")
  basis: Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
- id: cb-moi-dang-vien-mot-sang-kien
  name: Mỗi đảng viên, cán bộ, công chức, viên chức, chiến sĩ và người lao động trên địa bàn tỉnh có ít nhất 01 sáng kiến, giải pháp/năm
  name_en: \"Cao Bằng: at least one initiative a year from every party member, official, soldier and worker\"
  basis: Kế hoạch số 26-KH/TU ngày 05/11/2025 của Ban Thường vụ Tỉnh ủy Cao Bằng
- id: dan-van-kheo
  name: Dân vận khéo
  name_en: Skilful public outreach (\"Dân vận khéo\")
- id: chung-suc-xay-dung-nong-thon-moi
  name: Cả nước chung sức xây dựng nông thôn mới
  name_en: Nationwide new rural development movement
";

const SYNONYMS_YAML: &str = "\
# Chữ viết tắt → dạng đầy đủ, dùng khi tìm kiếm. Biên tập viên có thể thêm dòng mới.
CCHC: [cải cách hành chính]
TTHC: [thủ tục hành chính]
CĐS: [chuyển đổi số]
UBND: [ủy ban nhân dân]
HĐND: [hội đồng nhân dân]
BHYT: [bảo hiểm y tế]
BHXH: [bảo hiểm xã hội]
CNTT: [công nghệ thông tin]
KHCN: [khoa học công nghệ, khoa học và công nghệ]
KH&CN: [khoa học và công nghệ]
ĐMST: [đổi mới sáng tạo]
DVC: [dịch vụ công]
DVCTT: [dịch vụ công trực tuyến]
MTTQ: [mặt trận tổ quốc]
THPT: [trung học phổ thông]
THCS: [trung học cơ sở]
CSGT: [cảnh sát giao thông]
PCCC: [phòng cháy chữa cháy, phòng cháy và chữa cháy]
ATTP: [an toàn thực phẩm]
BĐBP: [bộ đội biên phòng]
BDHVS: [bình dân học vụ số]
TTPVHCC: [trung tâm phục vụ hành chính công]
OCOP: [mỗi xã một sản phẩm]
GCN: [giấy chứng nhận]
GCNQSDĐ: [giấy chứng nhận quyền sử dụng đất]
CBCCVC: [\"cán bộ, công chức, viên chức\"]
NN&MT: [nông nghiệp và môi trường]
TĐKT: [\"thi đua, khen thưởng\"]
";

pub const ABOUT_MD: &str = "\
---
title: Giới thiệu ngân hàng sáng kiến
description: Ngân hàng sáng kiến tổng hợp dùng để đo hiệu năng; toàn bộ nội dung là dữ liệu hư cấu do chương trình sinh ra.
weight: 1
---
> **Lưu ý: đây là dữ liệu tổng hợp, hư cấu.** Các sáng kiến, tên người, tên xã, phường, số quyết định và số liệu trên trang này do chương trình `gen-bank` sinh ngẫu nhiên để đo tốc độ dựng trang. Tên 34 tỉnh, thành phố là tên thật, chỉ dùng để sắp xếp dữ liệu theo địa bàn.

## Ngân hàng sáng kiến là gì?

Ngân hàng sáng kiến tập hợp, công bố các **sáng kiến đã được cấp có thẩm quyền công nhận** của cán bộ, công chức, viên chức, chiến sĩ và người lao động trong khu vực công: tên sáng kiến, đơn vị chủ quản, quá trình công nhận, hiệu quả có số liệu, điều kiện áp dụng và các đơn vị đã nhân rộng.

## Cấp công nhận

Sáng kiến được công nhận ở cấp cơ sở, sau đó có thể được công nhận hiệu quả áp dụng và phạm vi ảnh hưởng ở cấp tỉnh hoặc toàn quốc. Các quyết định cấp huyện chỉ có trước ngày 01/7/2025, khi chính quyền địa phương chuyển sang mô hình hai cấp.
";

pub const CONTRIBUTE_MD: &str = "\
---
title: Đóng góp sáng kiến
description: Cách một đơn vị đưa sáng kiến đã được công nhận vào ngân hàng.
weight: 2
---
Mỗi sáng kiến là một tệp Markdown có phần thông tin ở đầu và phần mô tả gồm năm mục: Thực trạng trước khi có sáng kiến; Nội dung giải pháp; Điều kiện áp dụng; Hiệu quả đạt được; Khả năng nhân rộng.

1. **Chuẩn bị nội dung** theo mẫu, đúng như trong quyết định công nhận.
2. **Đặt mã sáng kiến** theo dạng mã tỉnh – năm công nhận – số thứ tự, ví dụ `CB-2025-0012`.
3. **Gửi yêu cầu hợp nhất** trên kho git; hệ thống kiểm tra tự động định dạng, mã đơn vị, ngày tháng và tỷ lệ đóng góp.
4. **Rà soát và công bố**: biên tập viên đối chiếu với quyết định công nhận trước khi hợp nhất.

Những thông tin cần bảo mật theo đơn yêu cầu công nhận sáng kiến **không bao giờ** được đưa vào kho.
";

fn write_bank(dir: &Path, n: usize, seed: u64, units: &[Unit], entries: &[Entry]) -> std::io::Result<()> {
    prepare(dir)?;
    let config = format!(
        "title: Ngân hàng sáng kiến (dữ liệu tổng hợp, {n} sáng kiến)\n\
         description: Ngân hàng sáng kiến tổng hợp, hư cấu, do gen-bank sinh ra (hạt giống {seed}) để đo hiệu năng dựng trang và tìm kiếm.\n\
         owner: Sở Khoa học và Công nghệ (hư cấu)\n\
         base_url: https://example.gov.vn/sang-kien/\n\
         language: vi\n\
         entries_per_page: 24\n\
         footer: Toàn bộ nội dung là dữ liệu tổng hợp, hư cấu, dùng để thử nghiệm phần mềm; tên người, tên xã, số quyết định và số liệu không có thật.\n"
    );
    std::fs::write(dir.join("config.yaml"), config)?;
    std::fs::write(dir.join("units.yaml"), units::to_yaml(units))?;
    std::fs::write(dir.join("fields.yaml"), FIELDS_YAML)?;
    std::fs::write(dir.join("levels.yaml"), LEVELS_YAML)?;
    std::fs::write(dir.join("movements.yaml"), MOVEMENTS_YAML)?;
    std::fs::write(dir.join("synonyms.yaml"), SYNONYMS_YAML)?;
    std::fs::create_dir_all(dir.join("trang"))?;
    std::fs::write(dir.join("trang/gioi-thieu.md"), ABOUT_MD)?;
    std::fs::write(dir.join("trang/dong-gop.md"), CONTRIBUTE_MD)?;
    let sk = dir.join("sang-kien");
    std::fs::create_dir_all(&sk)?;
    entries.par_iter().try_for_each(|e| std::fs::write(sk.join(format!("{}.md", e.id)), entry_markdown(e, units)))
}

fn main() {
    let args = parse_args();
    let start = Instant::now();
    let per = args.communes.unwrap_or_else(|| units::communes_per_province(args.entries)).clamp(1, 98);
    let units = units::build(args.seed, per);
    let pools = pools(&units);
    let plans = plan(args.seed, args.entries, &units, &pools);
    let mut by_topic: Vec<Vec<usize>> = vec![Vec::new(); TOPICS.len()];
    for (i, p) in plans.iter().enumerate() {
        by_topic[p.topic].push(i);
    }
    let mut entries: Vec<Entry> =
        (0..plans.len()).into_par_iter().map(|i| generate(args.seed, i, &plans, &by_topic, &units, &pools)).collect();
    // Slugs: the default (from short_title) unless taken, then with the id.
    let mut seen: HashSet<String> = HashSet::with_capacity(entries.len() * 2);
    for e in &mut entries {
        if !seen.insert(e.slug.clone()) {
            e.slug = format!("{}-{}", e.slug, e.id.to_ascii_lowercase());
            e.explicit_slug = true;
            seen.insert(e.slug.clone());
        }
    }
    let generated = start.elapsed();
    if let Err(err) = write_bank(&args.out, args.entries, args.seed, &units, &entries) {
        eprintln!("gen-bank: cannot write {}: {err}", args.out.display());
        std::process::exit(2);
    }
    let written = start.elapsed();
    if let Some(h) = &args.hugo {
        if let Err(err) = hugo::write_site(h, args.entries, &units, &entries, &plans_ids(&plans)) {
            eprintln!("gen-bank: cannot write the Hugo site {}: {err}", h.display());
            std::process::exit(2);
        }
    }
    let words: usize = entries.iter().map(|e| e.body.split_whitespace().count()).sum();
    eprintln!(
        "gen-bank: {} entries, {} units, {} featured, {} with replications; body {} words on average; \
         generated in {:.2} s, bank written in {:.2} s{} (total {:.2} s)",
        entries.len(),
        units.len(),
        entries.iter().filter(|e| e.featured.is_some()).count(),
        entries.iter().filter(|e| !e.replications.is_empty()).count(),
        words / entries.len().max(1),
        generated.as_secs_f64(),
        (written - generated).as_secs_f64(),
        if args.hugo.is_some() {
            format!(", Hugo site in {:.2} s", (start.elapsed() - written).as_secs_f64())
        } else {
            String::new()
        },
        start.elapsed().as_secs_f64()
    );
}

fn plans_ids(plans: &[Plan]) -> std::collections::HashMap<String, usize> {
    plans.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect()
}
