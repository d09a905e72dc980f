//! Replication and statistics (issue "Replication and statistics"): the
//! figures on the statistics, province and unit pages, the charts' SVG and
//! data tables, the "ready to replicate" catalogue, and replication records
//! on entry and unit pages.
//!
//! Expected figures are computed here from the content files themselves
//! (serde_yaml on the frontmatter and units.yaml), never from sangkien's
//! code.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use common::*;
use serde_yaml::Value;

// ---- The bank, read independently ---------------------------------------------------------

struct Unit {
    name: String,
    parent: Option<String>,
    province: bool,
    headcount: Option<u64>,
}

struct Entry {
    id: String,
    title: String,
    fm: Value,
    body: String,
}

impl Entry {
    fn str(&self, key: &str) -> String {
        self.fm[key].as_str().unwrap_or_default().to_string()
    }
    fn flag(&self, key: &str) -> bool {
        self.fm[key].as_bool().unwrap_or(false)
    }
    fn list(&self, key: &str) -> Vec<Value> {
        self.fm[key].as_sequence().cloned().unwrap_or_default()
    }
    /// The recognition year: `year`, else the year of the first decision.
    fn year(&self) -> i64 {
        if let Some(y) = self.fm["year"].as_i64() {
            return y;
        }
        let d = yaml_date(&self.list("recognition")[0]["decision"]["date"]);
        d[..4].parse().unwrap()
    }
    fn owner(&self) -> String {
        self.str("owner_unit")
    }
}

fn yaml_date(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other).unwrap().trim().to_string(),
    }
}

struct Bank {
    units: BTreeMap<String, Unit>,
    /// Level ids, lowest first, and names.
    levels: Vec<(String, String)>,
    fields: HashMap<String, String>,
    entries: Vec<Entry>,
}

fn read_yaml(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

impl Bank {
    fn read(content: &Path) -> Bank {
        let mut units = BTreeMap::new();
        for u in read_yaml(&content.join("units.yaml")).as_sequence().unwrap() {
            let kind = u["kind"].as_str().unwrap();
            units.insert(
                u["id"].as_str().unwrap().to_string(),
                Unit {
                    name: u["short_name"].as_str().or(u["name"].as_str()).unwrap().to_string(),
                    parent: u["parent"].as_str().map(str::to_string),
                    province: kind == "tinh" || kind == "thanh_pho_tw",
                    headcount: u["headcount"].as_u64(),
                },
            );
        }
        let levels = read_yaml(&content.join("levels.yaml"))
            .as_sequence()
            .unwrap()
            .iter()
            .map(|l| (l["id"].as_str().unwrap().to_string(), l["name"].as_str().unwrap().to_string()))
            .collect();
        let fields = read_yaml(&content.join("fields.yaml"))
            .as_sequence()
            .unwrap()
            .iter()
            .map(|l| (l["id"].as_str().unwrap().to_string(), l["name"].as_str().unwrap().to_string()))
            .collect();
        let mut entries = Vec::new();
        for f in walkdir::WalkDir::new(content.join("sang-kien")).sort_by_file_name() {
            let f = f.unwrap();
            if f.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let text = std::fs::read_to_string(f.path()).unwrap().replace("\r\n", "\n");
            let rest = text.trim_start_matches('\u{feff}').strip_prefix("---\n").unwrap();
            let end = rest.find("\n---\n").unwrap();
            let fm: Value = serde_yaml::from_str(&rest[..end]).unwrap();
            let body = rest[end + 5..].to_string();
            let title = fm["short_title"].as_str().or(fm["title"].as_str()).unwrap().to_string();
            entries.push(Entry { id: fm["id"].as_str().unwrap().to_string(), title, fm, body });
        }
        Bank { units, levels, fields, entries }
    }

    fn province_of(&self, unit: &str) -> String {
        let mut id = unit.to_string();
        loop {
            let u = &self.units[&id];
            if u.province {
                return id;
            }
            id = u.parent.clone().unwrap();
        }
    }

    /// What statistics count: recognised entries; sample ones only when
    /// the bank has nothing else.
    fn counted(&self) -> Vec<&Entry> {
        let sample_only = self.entries.iter().all(|e| e.flag("fictional"));
        self.entries
            .iter()
            .filter(|e| e.str("status") != "thu_hoi_cong_nhan")
            .filter(|e| sample_only || !e.flag("fictional"))
            .collect()
    }

    fn level_name(&self, e: &Entry) -> String {
        let rank = |id: &str| self.levels.iter().position(|l| l.0 == id).unwrap();
        let top = e.list("recognition").iter().map(|r| rank(r["level"].as_str().unwrap())).max().unwrap();
        self.levels[top].1.clone()
    }
}

/// Label → value of each chart, computed from the bank for a set of entries.
fn expected(bank: &Bank, entries: &[&Entry]) -> BTreeMap<&'static str, BTreeMap<String, f64>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, f64>> = BTreeMap::new();
    let mut bump = |chart: &'static str, label: String, by: f64| {
        *out.entry(chart).or_default().entry(label).or_default() += by;
    };
    for e in entries {
        bump("chart-years", e.year().to_string(), 1.0);
        for f in e.list("fields") {
            bump("chart-fields", bank.fields[f.as_str().unwrap()].clone(), 1.0);
        }
        bump("chart-provinces", bank.units[&bank.province_of(&e.owner())].name.clone(), 1.0);
        bump("chart-units", bank.units[&e.owner()].name.clone(), 1.0);
        bump("chart-levels", bank.level_name(e), 1.0);
        for r in e.list("replications") {
            bump("chart-replications", yaml_date(&r["date"])[..4].to_string(), 1.0);
        }
        let n = e.list("replications").len();
        if n > 0 {
            bump("chart-top-replicated", e.title.clone(), n as f64);
        }
    }
    // Time charts run without gaps from the first year to the last.
    for chart in ["chart-years", "chart-replications"] {
        if let Some(m) = out.get_mut(chart) {
            let years: Vec<i64> = m.keys().map(|y| y.parse().unwrap()).collect();
            for y in years[0]..=*years.last().unwrap() {
                m.entry(y.to_string()).or_insert(0.0);
            }
        }
    }
    out
}

fn latest_year(bank: &Bank) -> i64 {
    bank.counted().iter().map(|e| e.year()).max().unwrap()
}

/// Initiatives the unit owns, recognised in `year`.
fn owned_in(bank: &Bank, unit: &str, year: i64) -> usize {
    bank.counted().iter().filter(|e| e.owner() == unit && e.year() == year).count()
}

fn percent(initiatives: usize, headcount: u64) -> f64 {
    (initiatives as f64 * 1000.0 / headcount as f64).round() / 10.0
}

// ---- The built pages ----------------------------------------------------------------------

#[derive(Debug)]
struct ChartData {
    /// (label, value) from the SVG's bars, in order.
    svg: Vec<(String, f64)>,
    /// (label, value) from the data table, in order.
    table: Vec<(String, f64)>,
}

/// A number as pages print it: `1.234`, `1,9%`.
fn parse_vi(s: &str) -> f64 {
    s.trim().trim_end_matches('%').replace('.', "").replace(',', ".").parse().unwrap_or_else(|_| panic!("number {s:?}"))
}

fn text_of(n: roxmltree::Node) -> String {
    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>().trim().to_string()
}

/// Every chart of a page, by id: checks that each SVG is well-formed XML,
/// labelled by its own title and description, and returns its bars and
/// the rows of the table that follows it.
fn charts(html: &str) -> BTreeMap<String, ChartData> {
    let mut out = BTreeMap::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("svg closed") + start + "</svg>".len();
        let svg_text = &rest[start..end];
        let doc = roxmltree::Document::parse(svg_text).unwrap_or_else(|e| panic!("SVG is not well-formed: {e}"));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let labelled: Vec<&str> = root.attribute("aria-labelledby").expect("aria-labelledby").split(' ').collect();
        let id = labelled[0].strip_suffix("-title").expect("first label is the title").to_string();
        let title = root.children().find(|n| n.has_tag_name("title")).expect("<title> first");
        assert_eq!(title.attribute("id"), Some(labelled[0]));
        assert!(!text_of(title).is_empty());
        let desc = root.children().find(|n| n.has_tag_name("desc")).expect("<desc>");
        assert_eq!(desc.attribute("id"), Some(labelled[1]));
        let svg: Vec<(String, f64)> = root
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("chart__item"))
            .map(|g| {
                let label = g.attribute("data-label").unwrap().to_string();
                let value: f64 = g.attribute("data-value").unwrap().parse().unwrap();
                let own_title = g.children().find(|c| c.has_tag_name("title")).expect("each bar has a <title>");
                assert!(text_of(own_title).starts_with(&label), "bar title names its label");
                assert!(g.children().any(|c| c.has_tag_name("rect")), "each item draws a bar");
                (label, value)
            })
            .collect();
        // The data table right after the chart.
        let after = &rest[end..];
        let t0 = after.find("<table").expect("a table follows the chart");
        let t1 = after.find("</table>").unwrap() + "</table>".len();
        let tdoc = roxmltree::Document::parse(&after[t0..t1]).expect("table is well-formed");
        let table: Vec<(String, f64)> = tdoc
            .descendants()
            .filter(|n| n.has_tag_name("tr") && n.parent().is_some_and(|p| p.has_tag_name("tbody")))
            .map(|tr| {
                let cells: Vec<roxmltree::Node> = tr.children().filter(|c| c.is_element()).collect();
                (text_of(cells[0]), parse_vi(&text_of(*cells.last().unwrap())))
            })
            .collect();
        assert!(!out.contains_key(&id), "chart id {id} is unique on the page");
        out.insert(id, ChartData { svg, table });
        rest = &rest[end..];
    }
    out
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|_| panic!("no {path}"))
}

/// Asserts that a chart's SVG, table and expected figures agree (as sets:
/// the order is checked separately where it matters).
fn assert_chart(charts: &BTreeMap<String, ChartData>, id: &str, want: &BTreeMap<String, f64>) {
    let c = charts.get(id).unwrap_or_else(|| panic!("no chart {id}; have {:?}", charts.keys().collect::<Vec<_>>()));
    assert_eq!(c.svg, c.table, "{id}: SVG and table carry the same data");
    let got: BTreeMap<String, f64> = c.svg.iter().cloned().collect();
    assert_eq!(&got, want, "{id}: figures");
}

// ---- Tests --------------------------------------------------------------------------------

#[test]
fn statistics_page_charts_match_figures_computed_from_the_bank() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(&sample(), &out);
    let bank = Bank::read(&sample());
    let counted = bank.counted();
    assert_eq!(counted.len(), 48, "the sample bank is all sample records: all are counted");
    let want = expected(&bank, &counted);

    let html = page(&out, "thong-ke/index.html");
    assert!(html.contains("fictional-banner"), "the sample-data notice is shown");
    let charts = charts(&html);
    for id in ["chart-years", "chart-fields", "chart-provinces", "chart-levels", "chart-replications"] {
        assert_chart(&charts, id, &want[id]);
    }
    // Sanity of the independent figures themselves.
    assert_eq!(want["chart-years"].values().sum::<f64>(), 48.0);
    assert_eq!(want["chart-provinces"].len(), 6);
    let replications: f64 = want["chart-replications"].values().sum();
    assert!(replications >= 10.0, "the sample bank has replication records");
    assert!(html.contains(&format!("<dd>{}</dd>", replications as usize)), "summary shows the replication total");

    // Units: the 15 with the most initiatives, most first.
    let units = &charts["chart-units"];
    assert_eq!(units.svg, units.table);
    assert_eq!(units.svg.len(), 15.min(want["chart-units"].len()));
    for (label, v) in &units.svg {
        assert_eq!(want["chart-units"][label], *v, "unit {label}");
    }
    let min_shown = units.svg.iter().map(|r| r.1).fold(f64::MAX, f64::min);
    let hidden_above = want["chart-units"].values().filter(|&&v| v > min_shown).count();
    assert!(hidden_above <= units.svg.len(), "no unit with more initiatives is left out");
    assert!(units.svg.windows(2).all(|w| w[0].1 >= w[1].1), "most first");

    // Most replicated models: top ten, most first, ties by id.
    let mut top: Vec<(&str, &str, usize)> = counted
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str(), e.list("replications").len()))
        .filter(|t| t.2 > 0)
        .collect();
    top.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    top.truncate(10);
    let want_top: Vec<(String, f64)> = top.iter().map(|t| (t.1.to_string(), t.2 as f64)).collect();
    let c = &charts["chart-top-replicated"];
    assert_eq!(c.svg, want_top);
    assert_eq!(c.table, want_top);

    // Coverage by province in the latest year: Σ initiatives of staffed units ÷ Σ headcount.
    let year = latest_year(&bank);
    let mut cov: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    for (id, u) in &bank.units {
        if let Some(h) = u.headcount.filter(|&h| h > 0) {
            let p = cov.entry(bank.units[&bank.province_of(id)].name.clone()).or_default();
            p.0 += owned_in(&bank, id, year);
            p.1 += h;
        }
    }
    let want_cov: BTreeMap<String, f64> = cov.iter().map(|(k, (n, h))| (k.clone(), percent(*n, *h))).collect();
    assert_chart(&charts, "chart-coverage", &want_cov);
    assert!(html.contains(&format!("{year}")));
}

#[test]
fn province_and_unit_pages_carry_their_own_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(&sample(), &out);
    let bank = Bank::read(&sample());
    let year = latest_year(&bank);

    let provinces: Vec<String> = bank.units.iter().filter(|(_, u)| u.province).map(|(id, _)| id.clone()).collect();
    let mut checked = 0;
    for p in &provinces {
        let mine: Vec<&Entry> = bank.counted().into_iter().filter(|e| &bank.province_of(&e.owner()) == p).collect();
        if mine.is_empty() {
            continue;
        }
        let want = expected(&bank, &mine);
        let html = page(&out, &format!("tinh/{p}/index.html"));
        let charts = charts(&html);
        for id in ["chart-years", "chart-fields", "chart-units", "chart-levels"] {
            assert_chart(&charts, id, &want[id]);
        }
        if let Some(w) = want.get("chart-replications") {
            assert_chart(&charts, "chart-replications", w);
        }
        // Coverage of each staffed unit of the province.
        let want_cov: BTreeMap<String, f64> = bank
            .units
            .iter()
            .filter(|(id, u)| u.headcount.is_some_and(|h| h > 0) && &bank.province_of(id) == p)
            .map(|(id, u)| (u.name.clone(), percent(owned_in(&bank, id, year), u.headcount.unwrap())))
            .collect();
        if !want_cov.is_empty() {
            assert_chart(&charts, "chart-coverage", &want_cov);
        }
        checked += 1;
    }
    assert_eq!(checked, 6);

    // Every unit with initiatives: its years; and coverage by year where a headcount is given.
    let first = bank.counted().iter().map(|e| e.year()).min().unwrap();
    let mut with_cov = 0;
    for (id, u) in &bank.units {
        let mine: Vec<&Entry> = bank.counted().into_iter().filter(|e| &e.owner() == id).collect();
        let html = page(&out, &format!("don-vi/{id}/index.html"));
        let charts = charts(&html);
        if !mine.is_empty() {
            let want = expected(&bank, &mine);
            assert_chart(&charts, "chart-years", &want["chart-years"]);
            assert_chart(&charts, "chart-fields", &want["chart-fields"]);
        }
        if let Some(h) = u.headcount.filter(|&h| h > 0) {
            let want_cov: BTreeMap<String, f64> =
                (first..=year).map(|y| (y.to_string(), percent(owned_in(&bank, id, y), h))).collect();
            assert_chart(&charts, "chart-coverage", &want_cov);
            with_cov += 1;
        }
    }
    assert!(with_cov >= 30, "units with a headcount show coverage ({with_cov})");
}

/// Text of the body section `## Điều kiện áp dụng`, as lines without list markers.
fn conditions(e: &Entry) -> Vec<String> {
    let Some(start) = e.body.find("## Điều kiện áp dụng") else {
        return e.fm["application_conditions"].as_str().map(|s| vec![s.to_string()]).unwrap_or_default();
    };
    let section = &e.body[start..];
    let section = &section[section.find('\n').unwrap()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    section
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*']).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn ready_page_lists_models_with_conditions_benefits_and_contact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(&sample(), &out);
    let bank = Bank::read(&sample());
    let ready: Vec<&Entry> = bank
        .entries
        .iter()
        .filter(|e| e.flag("ready_to_replicate") && e.str("status") != "thu_hoi_cong_nhan")
        .collect();
    assert!(ready.len() >= 5, "the sample bank has ready models");

    let html = page(&out, "san-sang-nhan-rong/index.html");
    let items = html.matches("class=\"ready-item\"").count();
    assert_eq!(items, ready.len().min(24), "one item per ready model on the first page");
    for e in &ready {
        assert!(html.contains(&format!("id=\"model-{}\"", e.id)), "{} is listed", e.id);
        let item = &html[html.find(&format!("id=\"model-{}\"", e.id)).unwrap()..];
        let item = decode(&item[..item.find("</article>").unwrap()]);
        // Conditions from the body section (first words of each line, Markdown aside).
        for line in conditions(e) {
            let words: String = line.chars().take(18).collect();
            if words.contains(['*', '[', '`', '"', '\'']) {
                continue;
            }
            assert!(item.contains(&words), "{}: condition {words:?} shown", e.id);
        }
        // Key figure and contact unit.
        let metrics = e.fm["benefits"]["metrics"].as_sequence().cloned().unwrap_or_default();
        if let Some(m) = metrics.iter().find(|m| m["key"].as_bool() == Some(true)).or(metrics.first()) {
            assert!(item.contains(m["indicator"].as_str().unwrap()), "{}: key figure shown", e.id);
        }
        if let Some(unit) = e.fm["contact"]["unit"].as_str() {
            assert!(item.contains(&format!("don-vi/{unit}/")), "{}: contact unit linked", e.id);
            assert!(item.contains(&bank.units[unit].name), "{}: contact unit named", e.id);
        }
        for r in e.list("replications") {
            assert!(item.contains(&format!("don-vi/{}/", r["unit"].as_str().unwrap())), "{}: adopter linked", e.id);
        }
    }
    // Nothing else is listed.
    assert_eq!(html.matches("id=\"model-").count(), ready.len().min(24));

    // Filters: one page per field and per province, reachable from the browse pages.
    let mut by_field: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut by_province: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for e in &ready {
        for f in e.list("fields") {
            by_field.entry(f.as_str().unwrap().to_string()).or_default().push(&e.id);
        }
        by_province.entry(bank.province_of(&e.owner())).or_default().push(&e.id);
    }
    for (kind, map) in [("linh-vuc", &by_field), ("tinh", &by_province)] {
        for (id, ids) in map {
            let filtered = page(&out, &format!("san-sang-nhan-rong/{kind}/{id}/index.html"));
            assert_eq!(filtered.matches("id=\"model-").count(), ids.len(), "{kind}/{id}");
            for e in ids {
                assert!(filtered.contains(&format!("id=\"model-{e}\"")));
            }
            let browse = page(&out, &format!("{kind}/{id}/index.html"));
            assert!(
                browse.contains(&format!("san-sang-nhan-rong/{kind}/{id}/")),
                "{kind}/{id} links to its ready models"
            );
        }
    }
}

#[test]
fn replications_show_on_entry_and_unit_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(&sample(), &out);
    let bank = Bank::read(&sample());
    let mut records = 0;
    for e in &bank.entries {
        let slug = e.fm["slug"].as_str().map(str::to_string);
        let reps = e.list("replications");
        if reps.is_empty() {
            continue;
        }
        let entry_html = page(&out, &format!("s/{}/index.html", e.id));
        let target = links(&entry_html).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).unwrap();
        let entry_path = resolve_link(&format!("s/{}/index.html", e.id), &target).unwrap();
        if let Some(s) = slug {
            assert_eq!(entry_path, format!("sang-kien/{s}/index.html"));
        }
        let entry_page = page(&out, &entry_path);
        let section = decode(&entry_page[entry_page.find("id=\"muc-nhan-rong\"").expect("replication section")..]);
        for r in reps {
            let unit = r["unit"].as_str().unwrap();
            assert!(section.contains(&format!("don-vi/{unit}/")), "{} lists {unit}", e.id);
            if let Some(outcome) = r["outcome"].as_str() {
                assert!(section.contains(outcome), "{} shows the outcome at {unit}", e.id);
            }
            let unit_page = page(&out, &format!("don-vi/{unit}/index.html"));
            let adopted = &unit_page[unit_page.find("id=\"adopted-title\"").expect("adopted section")..];
            let entry_url = entry_path.trim_end_matches("index.html");
            assert!(adopted.contains(entry_url), "{unit} lists {} as adopted", e.id);
            records += 1;
        }
        // The owner's page lists the entry as its own.
        let owner = page(&out, &format!("don-vi/{}/index.html", e.owner()));
        let owned = &owner[owner.find("id=\"owned-title\"").unwrap()..];
        assert!(owned.contains(entry_path.trim_end_matches("index.html")));
    }
    assert!(records >= 10, "{records} replication records checked");
}

#[test]
fn real_records_leave_sample_and_withdrawn_ones_out_of_the_statistics() {
    let bank_dir = common::Bank::copy_of_sample();
    let dir = bank_dir.content().join("sang-kien");
    // Two entries become real records; the second has its recognition withdrawn.
    let make_real = |id: &str, withdrawn: bool| {
        let p = dir.join(format!("{id}.md"));
        let mut s = std::fs::read_to_string(&p).unwrap().replace("fictional: true\n", "");
        if withdrawn {
            let start = s.find("\nstatus: ").unwrap() + 1;
            let end = start + s[start..].find('\n').unwrap();
            s.replace_range(start..end, "status: thu_hoi_cong_nhan");
        }
        std::fs::write(&p, s).unwrap();
    };
    make_real("CB-2025-0001", false);
    make_real("DN-2023-0001", true);
    let out = bank_dir.out();
    build_ok(&bank_dir.content(), &out);
    let bank = Bank::read(&bank_dir.content());
    let counted = bank.counted();
    assert_eq!(counted.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["CB-2025-0001"]);
    let want = expected(&bank, &counted);

    let html = page(&out, "thong-ke/index.html");
    assert!(!html.contains("fictional-banner"), "no sample-data notice when sample records are not counted");
    let charts = charts(&html);
    assert_chart(&charts, "chart-years", &want["chart-years"]);
    assert_chart(&charts, "chart-provinces", &want["chart-provinces"]);
    assert_chart(&charts, "chart-replications", &want["chart-replications"]);

    // The withdrawn model is no longer offered for replication.
    let ready = page(&out, "san-sang-nhan-rong/index.html");
    assert!(!ready.contains("id=\"model-DN-2023-0001\""));
    assert!(ready.contains("id=\"model-CB-2025-0001\""));
}
