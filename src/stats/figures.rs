//! The movement's figures, computed once per build in one pass over the
//! library (O(entries + replications + units)); pages only look them up.
//!
//! What counts:
//!
//! - **Counted entries.** Statistics count recognised initiatives: an entry
//!   whose recognition was withdrawn (`status: thu_hoi_cong_nhan`) is left
//!   out. Sample records (`fictional: true`) are never counted in a bank
//!   that holds real ones (DOMAIN §5.1, rule 7); a bank made only of sample
//!   records (a demonstration, like the bundled one) counts them all, and
//!   the pages then say that the figures are sample data.
//! - **Per year** is the recognition year (`year`); **per field** counts an
//!   entry once in each of its fields (so the field counts may add up to
//!   more than the total); **per level** is the entry's highest recognition
//!   level; **per province / unit** follow the owner unit.
//! - **Replications** are the replication records of counted entries, dated
//!   by the year adoption started, whatever their status now.
//! - **Coverage** toward "at least one initiative per person per year"
//!   (Cao Bằng, Kế hoạch 26-KH/TU): for a unit with a `headcount`, the
//!   counted initiatives it owns itself (not those of its sub-units, which
//!   have their own headcount) recognised in a year, divided by the
//!   headcount, as a percentage: 100 % means one initiative per person. For
//!   a province or the bank, the same over the units that have a headcount:
//!   their initiatives summed ÷ their headcounts summed.

use std::collections::{BTreeMap, HashMap};

use crate::content::model::Status;
use crate::library::{entry_date, Library};

/// How many models the "most replicated" lists keep.
pub const TOP_REPLICATED: usize = 10;

/// Figures over one set of entries: the bank, a province, or a unit.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Counted entries.
    pub total: usize,
    /// Counted entries that are sample records.
    pub fictional: usize,
    pub per_year: BTreeMap<i32, usize>,
    pub per_field: BTreeMap<String, usize>,
    pub per_level: BTreeMap<String, usize>,
    /// Owner unit id → counted entries.
    pub per_unit: BTreeMap<String, usize>,
    /// Replication records of counted entries.
    pub replications: usize,
    /// Year adoption started → replication records.
    pub replications_per_year: BTreeMap<i32, usize>,
    /// The most replicated counted entries: (entry index, records), most
    /// first, then by id; at most `TOP_REPLICATED`.
    pub top_replicated: Vec<(usize, usize)>,
    /// Counted entries with at least one replication record.
    pub replicated_models: usize,
    /// Counted entries marked ready to replicate.
    pub ready: usize,
}

impl Scope {
    fn add(&mut self, lib: &Library, i: usize) {
        let e = &lib.entries[i];
        self.total += 1;
        self.fictional += usize::from(e.fictional);
        *self.per_year.entry(e.year).or_default() += 1;
        for f in &e.fields {
            *self.per_field.entry(f.clone()).or_default() += 1;
        }
        if let Some(level) = lib.level_of(e) {
            *self.per_level.entry(level.to_string()).or_default() += 1;
        }
        *self.per_unit.entry(e.owner_unit.clone()).or_default() += 1;
        self.replications += e.replications.len();
        for r in &e.replications {
            *self.replications_per_year.entry(r.date.year).or_default() += 1;
        }
        if !e.replications.is_empty() {
            self.replicated_models += 1;
            self.top_replicated.push((i, e.replications.len()));
        }
        self.ready += usize::from(e.ready_to_replicate);
    }

    /// Sorts and cuts the most-replicated list (entries are added in id
    /// order, so a stable sort keeps ties in id order).
    fn finish(&mut self) {
        self.top_replicated.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        self.top_replicated.truncate(TOP_REPLICATED);
    }

    /// The first and last recognition year.
    pub fn year_range(&self) -> Option<(i32, i32)> {
        Some((*self.per_year.keys().next()?, *self.per_year.keys().next_back()?))
    }
}

/// One unit's (or a group of units') coverage in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    pub initiatives: usize,
    pub headcount: u64,
}

impl Coverage {
    /// Initiatives per person as a percentage of the target (one per
    /// person = 100), rounded to one decimal.
    pub fn percent(&self) -> f64 {
        if self.headcount == 0 {
            return 0.0;
        }
        (self.initiatives as f64 * 1000.0 / self.headcount as f64).round() / 10.0
    }
}

/// Every figure of the site.
#[derive(Debug, Default)]
pub struct Figures {
    /// The bank holds only sample records, and they are counted.
    pub sample_only: bool,
    pub bank: Scope,
    /// Province unit id → its figures (entries owned by its units).
    pub provinces: HashMap<String, Scope>,
    /// Owner unit id → figures of the entries it owns itself.
    pub units: HashMap<String, Scope>,
    /// Unit id → replication records it adopted (of counted entries).
    pub adopted: HashMap<String, usize>,
    /// Province unit id → replication records its units adopted.
    pub adopted_in_province: HashMap<String, usize>,
    /// Province index (in `vocab.units`) → its units with a headcount.
    pub staffed_units: BTreeMap<usize, Vec<usize>>,
    /// Entries listed on the "ready to replicate" page (any record not
    /// withdrawn, sample ones included: the page is a catalogue, not a
    /// statistic), best first: most replicated, then newest, then id.
    pub ready: Vec<usize>,
    /// Field id → ready entries, in the same order.
    pub ready_by_field: BTreeMap<String, Vec<usize>>,
    /// Province unit id → ready entries, in the same order.
    pub ready_by_province: BTreeMap<String, Vec<usize>>,
}

impl Figures {
    pub fn compute(lib: &Library) -> Figures {
        let voc = &lib.vocab;
        let recognised = |i: &usize| lib.entries[*i].status != Status::ThuHoiCongNhan;
        let sample_only = lib.entries.iter().all(|e| e.fictional);
        let mut f = Figures { sample_only, ..Figures::default() };
        for i in (0..lib.entries.len()).filter(recognised) {
            let e = &lib.entries[i];
            if e.fictional && !sample_only {
                continue;
            }
            f.bank.add(lib, i);
            if let Some(p) = voc.province(&e.owner_unit) {
                f.provinces.entry(p.id.clone()).or_default().add(lib, i);
            }
            f.units.entry(e.owner_unit.clone()).or_default().add(lib, i);
            for r in &e.replications {
                *f.adopted.entry(r.unit.clone()).or_default() += 1;
                if let Some(p) = voc.province(&r.unit) {
                    *f.adopted_in_province.entry(p.id.clone()).or_default() += 1;
                }
            }
        }
        f.bank.finish();
        f.provinces.values_mut().for_each(Scope::finish);
        f.units.values_mut().for_each(Scope::finish);
        for (u, unit) in voc.units.iter().enumerate() {
            if unit.headcount.is_some_and(|h| h > 0) {
                f.staffed_units.entry(voc.province_of[u]).or_default().push(u);
            }
        }
        let mut ready: Vec<usize> =
            (0..lib.entries.len()).filter(recognised).filter(|&i| lib.entries[i].ready_to_replicate).collect();
        ready.sort_by(|&a, &b| {
            let (ea, eb) = (&lib.entries[a], &lib.entries[b]);
            eb.replications.len().cmp(&ea.replications.len()).then(entry_date(eb).cmp(&entry_date(ea))).then(a.cmp(&b))
        });
        for &i in &ready {
            let e = &lib.entries[i];
            for field in &e.fields {
                f.ready_by_field.entry(field.clone()).or_default().push(i);
            }
            if let Some(p) = voc.province(&e.owner_unit) {
                f.ready_by_province.entry(p.id.clone()).or_default().push(i);
            }
        }
        f.ready = ready;
        f
    }

    /// The figures of a unit's own entries (empty when it owns none).
    pub fn unit(&self, id: &str) -> Option<&Scope> {
        self.units.get(id)
    }

    /// Coverage of unit `u` (index in `vocab.units`) in `year`, if it has a headcount.
    pub fn unit_coverage(&self, lib: &Library, u: usize, year: i32) -> Option<Coverage> {
        let unit = &lib.vocab.units[u];
        let headcount = u64::from(unit.headcount.filter(|&h| h > 0)?);
        let initiatives = self.units.get(&unit.id).and_then(|s| s.per_year.get(&year)).copied().unwrap_or(0);
        Some(Coverage { initiatives, headcount })
    }

    /// Coverage of the units with a headcount in province `p` (index), in `year`.
    pub fn province_coverage(&self, lib: &Library, p: usize, year: i32) -> Option<Coverage> {
        let units = self.staffed_units.get(&p)?;
        let mut sum = Coverage { initiatives: 0, headcount: 0 };
        for &u in units {
            if let Some(c) = self.unit_coverage(lib, u, year) {
                sum.initiatives += c.initiatives;
                sum.headcount += c.headcount;
            }
        }
        Some(sum)
    }

    /// The latest recognition year with counted entries: the year coverage
    /// charts show.
    pub fn latest_year(&self) -> Option<i32> {
        self.bank.per_year.keys().next_back().copied()
    }
}
