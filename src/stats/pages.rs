//! The pages and page parts built from the figures: the statistics page
//! `thong-ke/`, the "ready to replicate" catalogue `san-sang-nhan-rong/`
//! (with one filtered list per field and per province), and the `stats`
//! context of unit and province pages.
//!
//! Everything here turns `Figures` into view data (labels from the
//! vocabularies and the theme's strings, links that exist); nothing is
//! counted here.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use super::charts::{Chart, Headers, Row};
use super::figures::{Figures, Scope};
use crate::library::{url_id, Kind};
use crate::output::Staging;
use crate::site::{Meta, Site, SiteView};
use crate::templates::number_vi;
use crate::views::{format_metric, urls, Card, Link, Views};

pub const STATS_URL: &str = "thong-ke/";
pub const READY_URL: &str = "san-sang-nhan-rong/";
/// Bars on the "units with the most initiatives" charts.
const TOP_UNITS: usize = 15;
/// Key figures shown per model on the ready page.
const READY_METRICS: usize = 3;

/// A chart with the words around it.
#[derive(Serialize)]
struct Block {
    chart: Chart,
    note: String,
    more: Option<Link>,
}

/// Builds views from the figures, for one site.
pub(crate) struct Builder<'a> {
    site: &'a Site<'a>,
    fig: &'a Figures,
    v: Views<'a>,
}

impl<'a> Builder<'a> {
    pub fn new(site: &'a Site<'a>, fig: &'a Figures) -> Builder<'a> {
        Builder { site, fig, v: site.views() }
    }

    fn t(&self, key: &str) -> String {
        self.site.t(key)
    }

    /// The URL of a browse page, or empty when the page does not exist.
    fn term_url(&self, kind: Kind, id: &str) -> String {
        let exists = self.site.lib.terms.get(&kind).is_some_and(|m| m.contains_key(id));
        if exists {
            urls::term(kind, id)
        } else {
            String::new()
        }
    }

    fn headers(&self, label: &str, value: &str) -> Headers {
        Headers { label: self.t(label), value: self.t(value), extra: vec![] }
    }

    fn block(chart: Chart) -> Block {
        Block { chart, note: String::new(), more: None }
    }

    /// Notes on what the figures count.
    fn notice(&self) -> Value {
        json!({
            "sample_only": self.fig.sample_only,
            "method": if self.fig.sample_only { self.t("stats_counts_sample") } else { self.t("stats_counts_real") },
        })
    }

    // ---- Charts shared by the bank, province and unit views ----------------------------------

    fn years_chart(&self, s: &Scope) -> Option<Block> {
        let (first, last) = s.year_range()?;
        let rows = (first..=last)
            .map(|y| {
                let n = s.per_year.get(&y).copied().unwrap_or(0);
                Row::count(y.to_string(), self.term_url(Kind::Year, &y.to_string()), n)
            })
            .collect();
        Some(Self::block(Chart::columns(
            "chart-years",
            &self.t("chart_years"),
            &self.t("chart_years_desc"),
            self.headers("col_year", "col_entries"),
            rows,
        )))
    }

    fn fields_chart(&self, s: &Scope) -> Option<Block> {
        let mut rows: Vec<Row> = s
            .per_field
            .iter()
            .map(|(id, &n)| Row::count(self.v.term_name(Kind::Field, id), self.term_url(Kind::Field, id), n))
            .collect();
        sort_desc(&mut rows);
        let mut b = Self::block(Chart::bars(
            "chart-fields",
            &self.t("chart_fields"),
            &self.t("chart_fields_desc"),
            self.headers("col_field", "col_entries"),
            nonempty(rows)?,
        ));
        b.note = self.t("note_fields");
        Some(b)
    }

    fn levels_chart(&self, s: &Scope) -> Option<Block> {
        let voc = &self.site.lib.vocab;
        let rows: Vec<Row> = voc
            .levels
            .iter()
            .rev()
            .filter_map(|l| {
                let n = *s.per_level.get(&l.id)?;
                Some(Row::count(self.v.term_name(Kind::Level, &l.id), self.term_url(Kind::Level, &l.id), n))
            })
            .collect();
        Some(Self::block(Chart::bars(
            "chart-levels",
            &self.t("chart_levels"),
            &self.t("chart_levels_desc"),
            self.headers("col_level", "col_entries"),
            nonempty(rows)?,
        )))
    }

    fn units_chart(&self, s: &Scope, limit: usize) -> Option<Block> {
        let mut rows: Vec<Row> = s
            .per_unit
            .iter()
            .map(|(id, &n)| {
                let l = self.v.unit_link(id);
                Row::count(l.name, l.url, n)
            })
            .collect();
        sort_desc(&mut rows);
        let all = rows.len();
        rows.truncate(limit);
        let mut b = Self::block(Chart::bars(
            "chart-units",
            &self.t("chart_units"),
            &self.t("chart_units_desc"),
            self.headers("col_unit", "col_entries"),
            nonempty(rows)?,
        ));
        if all > limit {
            b.note = self.t("note_top_units").replace("{n}", &limit.to_string()).replace("{all}", &all.to_string());
            b.more = Some(Link { name: self.t("all_units"), url: "don-vi/".into() });
        }
        Some(b)
    }

    fn replications_chart(&self, s: &Scope) -> Option<Block> {
        let first = *s.replications_per_year.keys().next()?;
        let last = *s.replications_per_year.keys().next_back()?;
        let rows = (first..=last)
            .map(|y| Row::count(y.to_string(), "", s.replications_per_year.get(&y).copied().unwrap_or(0)))
            .collect();
        Some(Self::block(Chart::columns(
            "chart-replications",
            &self.t("chart_replications"),
            &self.t("chart_replications_desc"),
            self.headers("col_year", "col_replications"),
            rows,
        )))
    }

    fn top_replicated_chart(&self, s: &Scope) -> Option<Block> {
        let lib = self.site.lib;
        let rows: Vec<Row> = s
            .top_replicated
            .iter()
            .map(|&(i, n)| {
                let e = &lib.entries[i];
                let mut r = Row::count(e.card_title(), urls::entry(e), n);
                r.extra = vec![self.v.unit_link(&e.owner_unit).name];
                r
            })
            .collect();
        let mut h = self.headers("col_model", "col_replications");
        h.extra = vec![self.t("col_owner")];
        Some(Self::block(Chart::bars(
            "chart-top-replicated",
            &self.t("chart_top_replicated"),
            &self.t("chart_top_replicated_desc"),
            h,
            nonempty(rows)?,
        )))
    }

    /// A coverage row: label, link, initiatives and headcount cells, percentage.
    fn coverage_row(label: String, url: String, c: super::figures::Coverage) -> Row {
        let pct = c.percent();
        Row {
            label,
            url,
            value: pct,
            display: format!("{}%", number_vi(pct)),
            extra: vec![number_vi(c.initiatives as f64), number_vi(c.headcount as f64)],
        }
    }

    fn coverage_headers(&self, label: &str) -> Headers {
        Headers {
            label: self.t(label),
            value: self.t("col_coverage"),
            extra: vec![self.t("col_entries"), self.t("col_headcount")],
        }
    }

    fn coverage_block(&self, year: Option<i32>, chart: Chart) -> Block {
        let mut note = self.t("note_coverage");
        if let Some(y) = year {
            note = note.replace("{year}", &y.to_string());
        }
        Block { chart, note, more: None }
    }

    /// Coverage per province in the latest year (the statistics page).
    fn coverage_by_province(&self) -> Option<Block> {
        let lib = self.site.lib;
        let year = self.fig.latest_year()?;
        let mut rows: Vec<Row> = self
            .fig
            .staffed_units
            .keys()
            .filter_map(|&p| {
                let c = self.fig.province_coverage(lib, p, year)?;
                let unit = &lib.vocab.units[p];
                Some(Self::coverage_row(unit.display_name().to_string(), self.term_url(Kind::Province, &unit.id), c))
            })
            .collect();
        sort_desc(&mut rows);
        let title = self.t("chart_coverage_provinces").replace("{year}", &year.to_string());
        let chart = Chart::bars(
            "chart-coverage",
            &title,
            &self.t("chart_coverage_desc"),
            self.coverage_headers("col_province"),
            nonempty(rows)?,
        );
        Some(self.coverage_block(Some(year), chart))
    }

    /// Coverage per unit of province `p` in the latest year.
    fn coverage_by_unit(&self, p: usize) -> Option<Block> {
        let lib = self.site.lib;
        let year = self.fig.latest_year()?;
        let mut rows: Vec<Row> = self
            .fig
            .staffed_units
            .get(&p)?
            .iter()
            .filter_map(|&u| {
                let c = self.fig.unit_coverage(lib, u, year)?;
                let l = self.v.unit_link(&lib.vocab.units[u].id);
                Some(Self::coverage_row(l.name, l.url, c))
            })
            .collect();
        sort_desc(&mut rows);
        let title = self.t("chart_coverage_units").replace("{year}", &year.to_string());
        let chart = Chart::bars(
            "chart-coverage",
            &title,
            &self.t("chart_coverage_desc"),
            self.coverage_headers("col_unit"),
            nonempty(rows)?,
        );
        Some(self.coverage_block(Some(year), chart))
    }

    /// Coverage of unit `u` over the bank's years.
    fn coverage_by_year(&self, u: usize) -> Option<Block> {
        let lib = self.site.lib;
        let (first, last) = self.fig.bank.year_range()?;
        let rows: Vec<Row> = (first..=last)
            .filter_map(|y| {
                let c = self.fig.unit_coverage(lib, u, y)?;
                Some(Self::coverage_row(y.to_string(), self.term_url(Kind::Year, &y.to_string()), c))
            })
            .collect();
        let chart = Chart::columns(
            "chart-coverage",
            &self.t("chart_coverage_years"),
            &self.t("chart_coverage_desc"),
            self.coverage_headers("col_year"),
            nonempty(rows)?,
        );
        Some(self.coverage_block(None, chart))
    }

    // ---- Pages and contexts ------------------------------------------------------------------

    /// The statistics page's data.
    pub fn stats_page(&self) -> Value {
        let f = self.fig;
        let s = &f.bank;
        let lib = self.site.lib;
        let provinces_chart = {
            let mut rows: Vec<Row> = f
                .provinces
                .iter()
                .map(|(id, p)| {
                    let name = self.v.term_name(Kind::Province, id);
                    Row::count(name, self.term_url(Kind::Province, id), p.total)
                })
                .collect();
            sort_desc(&mut rows);
            nonempty(rows).map(|rows| {
                Self::block(Chart::bars(
                    "chart-provinces",
                    &self.t("chart_provinces"),
                    &self.t("chart_provinces_desc"),
                    self.headers("col_province", "col_entries"),
                    rows,
                ))
            })
        };
        let blocks: Vec<Block> = [
            self.years_chart(s),
            self.fields_chart(s),
            provinces_chart,
            self.units_chart(s, TOP_UNITS),
            self.levels_chart(s),
            self.replications_chart(s),
            self.top_replicated_chart(s),
            self.coverage_by_province(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let latest = f.latest_year();
        let coverage = latest.map(|y| {
            let mut sum = super::figures::Coverage { initiatives: 0, headcount: 0 };
            for &p in f.staffed_units.keys() {
                if let Some(c) = f.province_coverage(lib, p, y) {
                    sum.initiatives += c.initiatives;
                    sum.headcount += c.headcount;
                }
            }
            (y, sum)
        });
        json!({
            "notice": self.notice(),
            "summary": {
                "entries": s.total,
                "units": s.per_unit.len(),
                "provinces": f.provinces.len(),
                "replications": s.replications,
                "replicated_models": s.replicated_models,
                "ready": s.ready,
                "coverage": coverage.filter(|(_, c)| c.headcount > 0).map(|(y, c)| json!({"year": y, "percent": c.percent()})),
            },
            "blocks": blocks,
            "ready_url": READY_URL,
        })
    }

    /// The `stats` of a unit page.
    pub fn unit(&self, unit_id: &str) -> Value {
        let lib = self.site.lib;
        let Some(&u) = lib.vocab.unit_index.get(unit_id) else {
            return Value::Null;
        };
        let empty = Scope::default();
        let s = self.fig.unit(unit_id).unwrap_or(&empty);
        let coverage = self.fig.latest_year().and_then(|y| self.fig.unit_coverage(lib, u, y).map(|c| (y, c)));
        let blocks: Vec<Block> = [
            self.years_chart(s),
            self.fields_chart(s),
            self.levels_chart(s),
            self.replications_chart(s),
            self.top_replicated_chart(s),
            self.coverage_by_year(u),
        ]
        .into_iter()
        .flatten()
        .collect();
        if blocks.is_empty() && !self.fig.adopted.contains_key(unit_id) {
            return Value::Null;
        }
        json!({
            "notice": self.notice(),
            "summary": {
                "entries": s.total,
                "replications": s.replications,
                "adopted": self.fig.adopted.get(unit_id).copied().unwrap_or(0),
                "ready": s.ready,
                "coverage": coverage.map(|(y, c)| json!({"year": y, "percent": c.percent(), "initiatives": c.initiatives, "headcount": c.headcount})),
            },
            "blocks": blocks,
            "stats_url": STATS_URL,
        })
    }

    /// The `stats` of a browse page: figures for a province; for a field,
    /// the link to its ready-to-replicate models.
    pub fn term(&self, kind: Kind, id: &str) -> Value {
        match kind {
            Kind::Province => self.province(id),
            Kind::Field => match self.fig.ready_by_field.get(id) {
                Some(list) => json!({"ready": {"count": list.len(), "url": ready_field_url(id)}}),
                None => Value::Null,
            },
            _ => Value::Null,
        }
    }

    fn province(&self, id: &str) -> Value {
        let lib = self.site.lib;
        let Some(&p) = lib.vocab.unit_index.get(id) else {
            return Value::Null;
        };
        let empty = Scope::default();
        let s = self.fig.provinces.get(id).unwrap_or(&empty);
        let coverage = self.fig.latest_year().and_then(|y| {
            let c = self.fig.province_coverage(lib, p, y)?;
            (c.headcount > 0).then(|| json!({"year": y, "percent": c.percent()}))
        });
        let blocks: Vec<Block> = [
            self.years_chart(s),
            self.fields_chart(s),
            self.units_chart(s, TOP_UNITS),
            self.levels_chart(s),
            self.replications_chart(s),
            self.top_replicated_chart(s),
            self.coverage_by_unit(p),
        ]
        .into_iter()
        .flatten()
        .collect();
        let ready =
            self.fig.ready_by_province.get(id).map(|list| json!({"count": list.len(), "url": ready_province_url(id)}));
        json!({
            "notice": self.notice(),
            "summary": {
                "entries": s.total,
                "units": s.per_unit.len(),
                "replications": s.replications,
                "adopted": self.fig.adopted_in_province.get(id).copied().unwrap_or(0),
                "ready": s.ready,
                "coverage": coverage,
            },
            "blocks": blocks,
            "ready": ready,
            "stats_url": STATS_URL,
        })
    }

    // ---- The ready-to-replicate catalogue ----------------------------------------------------

    fn ready_item(&self, i: usize) -> Value {
        let lib = self.site.lib;
        let e = &lib.entries[i];
        let card: Card = self.v.card(e);
        // The body's "Điều kiện áp dụng" section, else the frontmatter field.
        let from_body = self.site.bodies.get(i).and_then(|b| b.conditions.clone());
        let conditions: Vec<String> = from_body
            .filter(|t| !t.trim().is_empty())
            .or_else(|| e.application_conditions.clone())
            .map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        let mut metrics: Vec<&crate::content::model::Metric> = e.benefits.metrics.iter().collect();
        metrics.sort_by_key(|m| !m.key);
        let metrics: Vec<String> = metrics.into_iter().take(READY_METRICS).map(format_metric).collect();
        let replications: Vec<Value> = e
            .replications
            .iter()
            .map(|r| json!({"unit": self.v.unit_link(&r.unit), "date": r.date.to_string()}))
            .collect();
        json!({
            "card": card,
            "conditions": conditions,
            "metrics": metrics,
            "contact": e.contact.as_ref().map(|c| json!({"unit": self.v.unit_link(&c.unit), "channel": c.channel})),
            "replications": replications,
        })
    }

    /// Writes one ready list (all models, or one field's or province's),
    /// paginated like the browse pages.
    fn ready_list(
        &self,
        out: &Staging,
        sv: &SiteView,
        base: &str,
        filter: Option<(&str, String)>,
        list: &[usize],
    ) -> Result<(), String> {
        let per_page = self.site.config.entries_per_page.max(1);
        let total = list.len().div_ceil(per_page).max(1);
        let fields: Vec<Value> = self
            .fig
            .ready_by_field
            .iter()
            .map(|(id, l)| json!({"name": self.v.term_name(Kind::Field, id), "url": ready_field_url(id), "count": l.len()}))
            .collect();
        let fields = sorted_by_name(fields);
        let provinces: Vec<Value> = self
            .fig
            .ready_by_province
            .iter()
            .map(|(id, l)| json!({"name": self.v.term_name(Kind::Province, id), "url": ready_province_url(id), "count": l.len()}))
            .collect();
        let provinces = sorted_by_name(provinces);
        let heading = self.t("ready_title");
        (1..=total).into_par_iter().try_for_each(|n| {
            let chunk = &list[((n - 1) * per_page).min(list.len())..(n * per_page).min(list.len())];
            let items: Vec<Value> = chunk.iter().map(|&i| self.ready_item(i)).collect();
            let mut title = match &filter {
                Some((_, name)) => format!("{heading} – {name}"),
                None => heading.clone(),
            };
            if n > 1 {
                title = format!("{title} – {}", self.t("page_n").replace("{n}", &n.to_string()));
            }
            let data = json!({"ready": {
                "title": title,
                "filter": filter.as_ref().map(|(kind, name)| json!({"kind": kind, "name": name})),
                "count": list.len(),
                "items": items,
                "fields": fields,
                "provinces": provinces,
                "base_url": READY_URL,
                "page_url": base,
                "pagination": Site::pagination(base, n, total),
            }});
            let url = urls::paged(base, n);
            self.site.page(out, sv, "ready.html", Meta(&url, &title, &self.t("ready_intro")), data)
        })
    }

    pub fn render(&self, out: &Staging, sv: &SiteView) -> Result<(), String> {
        let title = self.t("stats_page_title");
        self.site.page(
            out,
            sv,
            "stats.html",
            Meta(STATS_URL, &title, &self.t("stats_page_intro")),
            json!({"stats": self.stats_page()}),
        )?;
        // The catalogue, then one per field and per province: several
        // thousand pages at 100,000 entries, written in parallel like the
        // browse pages.
        let mut lists: Vec<ReadyList> = vec![(READY_URL.into(), None, &self.fig.ready)];
        lists.extend(self.fig.ready_by_field.iter().map(|(id, list)| {
            (ready_field_url(id), Some(("field", self.v.term_name(Kind::Field, id))), list.as_slice())
        }));
        lists.extend(self.fig.ready_by_province.iter().map(|(id, list)| {
            (ready_province_url(id), Some(("province", self.v.term_name(Kind::Province, id))), list.as_slice())
        }));
        lists.into_par_iter().try_for_each(|(base, filter, list)| self.ready_list(out, sv, &base, filter, list))
    }

    /// Every page this module writes, for the sitemap.
    pub fn urls(&self) -> Vec<String> {
        let per_page = self.site.config.entries_per_page.max(1);
        let pages = |base: String, n: usize| (1..=n.div_ceil(per_page).max(1)).map(move |k| urls::paged(&base, k));
        let mut all = vec![STATS_URL.to_string()];
        all.extend(pages(READY_URL.to_string(), self.fig.ready.len()));
        for (id, l) in &self.fig.ready_by_field {
            all.extend(pages(ready_field_url(id), l.len()));
        }
        for (id, l) in &self.fig.ready_by_province {
            all.extend(pages(ready_province_url(id), l.len()));
        }
        all
    }
}

/// One ready-to-replicate list: its first page's URL, its filter (kind and
/// name; none for the whole catalogue) and its entries.
type ReadyList<'a> = (String, Option<(&'a str, String)>, &'a [usize]);

pub fn ready_field_url(id: &str) -> String {
    format!("{READY_URL}{}/{}/", Kind::Field.prefix(), url_id(id))
}

pub fn ready_province_url(id: &str) -> String {
    format!("{READY_URL}{}/{}/", Kind::Province.prefix(), url_id(id))
}

/// Largest first, then by name (Vietnamese-aware), then by page (units of
/// the same name), so the order never depends on the order rows were made in.
fn sort_desc(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| crate::text::sort_key(&a.label).cmp(&crate::text::sort_key(&b.label)))
            .then_with(|| a.url.cmp(&b.url))
    });
}

fn nonempty(rows: Vec<Row>) -> Option<Vec<Row>> {
    (!rows.is_empty()).then_some(rows)
}

fn sorted_by_name(mut items: Vec<Value>) -> Vec<Value> {
    items.sort_by_key(|v| crate::text::sort_key(v["name"].as_str().unwrap_or_default()));
    items
}
