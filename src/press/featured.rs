//! The featured collection ("Điển hình tiêu biểu"): its page
//! `dien-hinh-tieu-bieu/` and Atom feed `dien-hinh-tieu-bieu/feed.xml`, both
//! in the editorial order of `featured.rank` (the library's `featured`).
//! The home page shows the same cards (site.rs) and links here.

use serde_json::json;

use crate::library::entry_date;
use crate::output::Staging;
use crate::site::{esc, Meta, Site, SiteView};
use crate::views::urls;

use super::paths;

pub(crate) fn render(site: &Site, sv: &SiteView, out: &Staging) -> Result<(), String> {
    let v = site.views();
    let cards = v.cards(&site.lib.featured);
    let title = site.t("featured_title");
    let intro = site.t("featured_intro");
    let data = json!({"featured": {"cards": cards, "count": cards.len(), "feed_url": paths::FEATURED_FEED}});
    site.page(out, sv, "featured.html", Meta(paths::FEATURED, &title, &intro), data)?;
    out.write(paths::FEATURED_FEED, feed(site).as_bytes()).map_err(|e| e.to_string())
}

fn el(xml: &mut String, indent: &str, tag: &str, text: &str) {
    xml.push_str(&format!("{indent}<{tag}>{}</{tag}>\n", esc(text)));
}

/// Atom, entries in editorial order; `updated` is the newest entry date
/// among them (never the clock).
fn feed(site: &Site) -> String {
    let cfg = site.config;
    let v = site.views();
    let list = &site.lib.featured;
    let updated = list
        .iter()
        .map(|&i| entry_date(&site.lib.entries[i]))
        .max()
        .map_or("2000-01-01".to_string(), |d| d.to_string());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        esc(&cfg.language)
    );
    el(&mut xml, "  ", "title", &format!("{} – {}", cfg.title, site.t("featured_title")));
    el(&mut xml, "  ", "subtitle", &site.t("featured_intro"));
    xml.push_str(&format!("  <link rel=\"self\" href=\"{}\"/>\n", esc(&cfg.abs_url(paths::FEATURED_FEED))));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&cfg.abs_url(paths::FEATURED))
    ));
    el(&mut xml, "  ", "id", &cfg.abs_url(paths::FEATURED_FEED));
    el(&mut xml, "  ", "updated", &format!("{updated}T00:00:00Z"));
    xml.push_str("  <author>\n");
    el(&mut xml, "    ", "name", &cfg.owner);
    xml.push_str("  </author>\n");
    for &i in list {
        let e = &site.lib.entries[i];
        let card = v.card(e);
        xml.push_str("  <entry>\n");
        el(&mut xml, "    ", "title", &e.title);
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&cfg.abs_url(&urls::entry(e)))
        ));
        el(&mut xml, "    ", "id", &cfg.abs_url(&urls::permalink(&e.id)));
        el(&mut xml, "    ", "updated", &format!("{}T00:00:00Z", entry_date(e)));
        for name in v.public_author_names(e) {
            xml.push_str("    <author>\n");
            el(&mut xml, "      ", "name", &name);
            xml.push_str("    </author>\n");
        }
        if !card.featured_label.is_empty() {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", esc(&card.featured_label)));
        }
        let summary = if card.key_figure.is_empty() {
            e.summary.clone()
        } else {
            format!("{} — {}: {}", e.summary, site.t("key_figure"), card.key_figure)
        };
        el(&mut xml, "    ", "summary", &summary);
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
