//! The in-memory bank once every entry is parsed: entries sorted by id, and
//! the indexes every page needs — by id and slug, the browse taxonomies
//! (field, province, year, level, movement, unit), the replication graph,
//! and the featured collection in editorial order.
//!
//! Built once, in O(entries × references); pages only look things up.

use std::collections::{BTreeMap, HashMap};

use crate::content::model::Entry;
use crate::content::Vocab;

/// A browse dimension and its URL prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Field,
    Province,
    Year,
    Level,
    Movement,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Field, Kind::Province, Kind::Year, Kind::Level, Kind::Movement];

    /// The URL folder of this browse kind.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Field => "linh-vuc",
            Kind::Province => "tinh",
            Kind::Year => "nam",
            Kind::Level => "cap",
            Kind::Movement => "phong-trao",
        }
    }

    /// The translation keys for its menu item and heading.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Field => "fields",
            Kind::Province => "provinces",
            Kind::Year => "years",
            Kind::Level => "levels",
            Kind::Movement => "movements",
        }
    }
}

/// Ids in URLs use hyphens (`co_so` → `co-so`).
pub fn url_id(id: &str) -> String {
    id.replace('_', "-")
}

pub struct Library {
    pub entries: Vec<Entry>,
    pub vocab: Vocab,
    by_id: HashMap<String, usize>,
    /// For each kind, term id → entry indices (ascending id order).
    pub terms: BTreeMap<Kind, BTreeMap<String, Vec<usize>>>,
    /// Unit id → entries it owns.
    pub owned_by: HashMap<String, Vec<usize>>,
    /// Unit id → entries owned by it or by a unit under it, for units that
    /// have any (the units with an open-data CSV).
    pub owned_under: BTreeMap<String, Vec<usize>>,
    /// Unit id → (entry, replication index) it adopted.
    pub adopted_by: HashMap<String, Vec<(usize, usize)>>,
    /// Featured entries in editorial order (rank, then id).
    pub featured: Vec<usize>,
    /// All entries, newest first (entry date, then id).
    pub newest: Vec<usize>,
}

impl Library {
    pub fn new(mut entries: Vec<Entry>, vocab: Vocab) -> Library {
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let mut terms: BTreeMap<Kind, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        let mut owned_by: HashMap<String, Vec<usize>> = HashMap::new();
        let mut adopted_by: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let mut add = |kind: Kind, id: &str| {
                let list = terms.entry(kind).or_default().entry(id.to_string()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            };
            for f in &e.fields {
                add(Kind::Field, f);
            }
            for m in &e.movements {
                add(Kind::Movement, m);
            }
            add(Kind::Year, &e.year.to_string());
            if let Some(level) = top_level(e, &vocab) {
                add(Kind::Level, level);
            }
            if let Some(p) = vocab.province(&e.owner_unit) {
                add(Kind::Province, &p.id);
            }
            owned_by.entry(e.owner_unit.clone()).or_default().push(i);
            for (k, r) in e.replications.iter().enumerate() {
                adopted_by.entry(r.unit.clone()).or_default().push((i, k));
            }
        }
        let mut featured: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].featured.is_some()).collect();
        featured.sort_by_key(|&i| (entries[i].featured.as_ref().map_or(u32::MAX, |f| f.rank), i));
        let mut newest: Vec<usize> = (0..entries.len()).collect();
        newest.sort_by(|&a, &b| entry_date(&entries[b]).cmp(&entry_date(&entries[a])).then(a.cmp(&b)));
        let owned_under = owned_under(&entries, &vocab);
        Library { entries, vocab, by_id, terms, owned_by, owned_under, adopted_by, featured, newest }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The highest recognition level of an entry.
    pub fn level_of<'e>(&self, e: &'e Entry) -> Option<&'e str> {
        top_level(e, &self.vocab)
    }

    /// The number of replication records in the bank.
    pub fn replication_count(&self) -> usize {
        self.entries.iter().map(|e| e.replications.len()).sum()
    }
}

fn top_level<'e>(e: &'e Entry, vocab: &Vocab) -> Option<&'e str> {
    e.recognition.iter().max_by_key(|r| vocab.level_rank(&r.level)).map(|r| r.level.as_str())
}

/// Unit id → entries owned by it or by a unit under it (see [`Library::owned_under`]).
fn owned_under(entries: &[Entry], vocab: &Vocab) -> BTreeMap<String, Vec<usize>> {
    let mut map: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let mut cur = Some(e.owner_unit.as_str());
        let mut guard = 0;
        while let Some(id) = cur {
            map.entry(id.to_string()).or_default().push(i);
            cur = vocab.unit(id).and_then(|u| u.parent.as_deref());
            guard += 1;
            if guard > 64 {
                break; // a cycle in units.yaml is reported by the checks; never loop here
            }
        }
    }
    map
}

/// The date an entry counts as "new" from: when it entered the bank if
/// known, else its latest recognition decision.
pub fn entry_date(e: &Entry) -> crate::content::Date {
    e.added.or_else(|| e.recognition.iter().map(|r| r.decision.date).max()).unwrap_or(e.first_applied)
}
