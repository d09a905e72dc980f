//! What is new: the "Mới cập nhật" page and Atom feed of recently added and
//! updated entries (`moi-cap-nhat/`), and the changelog by month
//! (`nhat-ky/`, one page per month).
//!
//! An entry has two dates (`added`, `updated`: from git history or the
//! frontmatter, see `git.rs`), so it appears once among the recent changes,
//! with its latest event, and in the changelog in the month it was added and
//! in the month of its latest update. An entry without an `added` date
//! counts as added on the date `library::entry_date` gives it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::Date;
use crate::library::entry_date;
use crate::output::Staging;
use crate::site::{esc, Meta, Site, SiteView};
use crate::views::{urls, Card};

/// How many entries the page and the feed list.
pub const RECENT: usize = 50;
pub const RECENT_URL: &str = "moi-cap-nhat/";
pub const FEED_URL: &str = "moi-cap-nhat/feed.xml";
pub const CHANGELOG_URL: &str = "nhat-ky/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    Added,
    Updated,
}

impl Event {
    fn key(self) -> &'static str {
        match self {
            Event::Added => "added",
            Event::Updated => "updated",
        }
    }
}

/// An entry's latest event: (date, kind).
fn latest(added: Date, updated: Option<Date>) -> (Date, Event) {
    match updated {
        Some(u) if u > added => (u, Event::Updated),
        _ => (added, Event::Added),
    }
}

/// Per month: entries added and entries updated, with their dates.
type Months = BTreeMap<(i32, u8), (Vec<(Date, usize)>, Vec<(Date, usize)>)>;

#[derive(Serialize)]
struct Item {
    kind: &'static str,
    kind_label: String,
    date: String,
    card: Card,
}

#[derive(Serialize)]
struct MonthLink {
    label: String,
    url: String,
    added: usize,
    updated: usize,
}

/// (added, updated) of every entry as the pages show them.
fn shown_dates(site: &Site) -> Vec<(Date, Option<Date>)> {
    site.lib
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (a, u) = site.dates.get(i).copied().unwrap_or((e.added, e.updated));
            (a.unwrap_or_else(|| entry_date(e)), u)
        })
        .collect()
}

/// The month pages of the changelog: (year, month) with an addition or a
/// later update.
fn changelog_months(dates: &[(Date, Option<Date>)]) -> std::collections::BTreeSet<(i32, u8)> {
    let mut months = std::collections::BTreeSet::new();
    for &(a, u) in dates {
        months.insert((a.year, a.month));
        if let Some(u) = u.filter(|u| *u > a) {
            months.insert((u.year, u.month));
        }
    }
    months
}

fn month_url(y: i32, m: u8) -> String {
    format!("{CHANGELOG_URL}{y:04}-{m:02}/")
}

/// The pages this module writes, for the sitemap.
pub(crate) fn sitemap_urls(site: &Site) -> Vec<String> {
    let mut urls = vec![RECENT_URL.to_string(), CHANGELOG_URL.to_string()];
    urls.extend(changelog_months(&shown_dates(site)).into_iter().rev().map(|(y, m)| month_url(y, m)));
    urls
}

pub(crate) fn render(site: &Site, sv: &SiteView, out: &Staging) -> Result<(), String> {
    let lib = site.lib;
    let v = site.views();
    let dates = shown_dates(site);
    let label = |ev: Event| site.t(&format!("recent_{}", ev.key()));
    let item = |i: usize, date: Date, ev: Event| Item {
        kind: ev.key(),
        kind_label: label(ev),
        date: date.to_string(),
        card: v.card(&lib.entries[i]),
    };

    // Newest event first; ties by id (entries are sorted by id).
    let mut order: Vec<(Date, Event, usize)> = dates
        .iter()
        .enumerate()
        .map(|(i, &(a, u))| {
            let (d, ev) = latest(a, u);
            (d, ev, i)
        })
        .collect();
    order.sort_by(|x, y| y.0.cmp(&x.0).then(x.2.cmp(&y.2)));
    order.truncate(RECENT);

    let title = site.t("recent_title");
    let items: Vec<Item> = order.iter().map(|&(d, ev, i)| item(i, d, ev)).collect();
    let data = serde_json::json!({"recent": {
        "items": items, "feed_url": FEED_URL, "changelog_url": CHANGELOG_URL,
    }});
    site.page(out, sv, "recent.html", Meta(RECENT_URL, &title, &site.t("recent_intro")), data)?;
    feed(site, &order, &dates, out)?;

    // The changelog: month → (added, updated) entries.
    let mut months: Months = BTreeMap::new();
    for (i, &(a, u)) in dates.iter().enumerate() {
        months.entry((a.year, a.month)).or_default().0.push((a, i));
        if let Some(u) = u.filter(|u| *u > a) {
            months.entry((u.year, u.month)).or_default().1.push((u, i));
        }
    }
    let month_label = |y: i32, m: u8| {
        site.t("changelog_month")
            .replace("{y}", &y.to_string())
            .replace("{mm}", &format!("{m:02}"))
            .replace("{m}", &m.to_string())
    };
    let list: Vec<MonthLink> = months
        .iter()
        .rev()
        .map(|(&(y, m), (a, u))| MonthLink {
            label: month_label(y, m),
            url: month_url(y, m),
            added: a.len(),
            updated: u.len(),
        })
        .collect();
    let title = site.t("changelog_title");
    let data = serde_json::json!({"changelog": {"months": list, "recent_url": RECENT_URL}});
    site.page(out, sv, "changelog.html", Meta(CHANGELOG_URL, &title, &site.t("changelog_intro")), data)?;
    let months: Vec<_> = months.into_iter().collect();
    for (k, ((y, m), (mut added, mut updated))) in months.iter().cloned().enumerate() {
        added.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        updated.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        // Neighbouring months with changes (older, newer).
        let link = |j: Option<usize>| {
            j.and_then(|j| months.get(j))
                .map(|((y, m), _)| serde_json::json!({"label": month_label(*y, *m), "url": month_url(*y, *m)}))
        };
        let name = month_label(y, m);
        let data = serde_json::json!({"changelog": {
            "month": name,
            "added": added.iter().map(|&(d, i)| item(i, d, Event::Added)).collect::<Vec<_>>(),
            "updated": updated.iter().map(|&(d, i)| item(i, d, Event::Updated)).collect::<Vec<_>>(),
            "older": link(k.checked_sub(1)),
            "newer": link(Some(k + 1)),
            "index_url": CHANGELOG_URL,
        }});
        let page_title = format!("{} – {name}", site.t("changelog_title"));
        site.page(out, sv, "changelog.html", Meta(&month_url(y, m), &page_title, ""), data)?;
    }
    Ok(())
}

/// The Atom feed of recent changes: one item per entry, dated by its
/// latest event, `published` when it entered the bank.
fn feed(
    site: &Site,
    order: &[(Date, Event, usize)],
    dates: &[(Date, Option<Date>)],
    out: &Staging,
) -> Result<(), String> {
    let c = site.config;
    let v = site.views();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    );
    xml.push_str(&esc(&c.language));
    xml.push_str("\">\n");
    let el = |xml: &mut String, indent: &str, tag: &str, text: &str| {
        xml.push_str(&format!("{indent}<{tag}>{}</{tag}>\n", esc(text)));
    };
    el(&mut xml, "  ", "title", &format!("{} – {}", c.title, site.t("recent_title")));
    xml.push_str(&format!("  <link rel=\"self\" href=\"{}\"/>\n", esc(&c.abs_url(FEED_URL))));
    xml.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", esc(&c.abs_url(RECENT_URL))));
    el(&mut xml, "  ", "id", &c.abs_url(FEED_URL));
    let newest = order.first().map_or("2000-01-01".to_string(), |o| o.0.to_string());
    el(&mut xml, "  ", "updated", &format!("{newest}T00:00:00Z"));
    xml.push_str("  <author>\n");
    el(&mut xml, "    ", "name", &c.owner);
    xml.push_str("  </author>\n");
    for &(date, ev, i) in order {
        let e = &site.lib.entries[i];
        xml.push_str("  <entry>\n");
        el(&mut xml, "    ", "title", &e.title);
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&c.abs_url(&urls::entry(e)))
        ));
        el(&mut xml, "    ", "id", &c.abs_url(&urls::permalink(&e.id)));
        el(&mut xml, "    ", "published", &format!("{}T00:00:00Z", dates[i].0));
        el(&mut xml, "    ", "updated", &format!("{date}T00:00:00Z"));
        xml.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            ev.key(),
            esc(&site.t(&format!("recent_{}", ev.key())))
        ));
        for name in v.public_author_names(e) {
            xml.push_str("    <author>\n");
            el(&mut xml, "      ", "name", &name);
            xml.push_str("    </author>\n");
        }
        el(&mut xml, "    ", "summary", &e.summary);
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    out.write(FEED_URL, xml.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_event_is_an_update_only_when_later_than_the_addition() {
        let a = Date::parse("2025-01-02").unwrap();
        let u = Date::parse("2025-03-04").unwrap();
        assert_eq!(latest(a, Some(u)), (u, Event::Updated));
        assert_eq!(latest(a, Some(a)), (a, Event::Added));
        assert_eq!(latest(u, Some(a)), (u, Event::Added), "an update before the addition is ignored");
        assert_eq!(latest(a, None), (a, Event::Added));
    }
}
