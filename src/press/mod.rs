//! For the press: what a journalist needs besides the entry page itself —
//! citation downloads (CSL-JSON, BibTeX, RIS), schema.org structured data,
//! share images, open data (CSV and JSON), embeddable cards and the
//! featured collection's page and feed.
//!
//! Everything here is written once per build by [`render`]; the entry page
//! gets its links and snippets through [`entry_context`] (the `press` value
//! of `entry.html`, documented in docs/templates.md). Every file an entry
//! gets lives under its permanent folder `s/<ID>/`, so the addresses stay
//! valid when the title or slug changes. Output is deterministic: no clock,
//! the access date of a citation is filled in by the reader's browser.

mod citation;
mod embed;
mod featured;
mod jsonld;
pub(crate) mod opendata;
mod raster;
mod share_image;

use serde_json::json;

use crate::output::Staging;
use crate::site::{Site, SiteView};
use crate::views::urls;

/// Paths (from the site root) of the files this module writes per entry.
pub(crate) mod paths {
    use crate::views::urls;

    pub fn csl(id: &str) -> String {
        format!("{}trich-dan.json", urls::permalink(id))
    }
    pub fn bibtex(id: &str) -> String {
        format!("{}trich-dan.bib", urls::permalink(id))
    }
    pub fn ris(id: &str) -> String {
        format!("{}trich-dan.ris", urls::permalink(id))
    }
    pub fn share_image(id: &str) -> String {
        format!("{}anh-chia-se.png", urls::permalink(id))
    }
    pub fn embed(id: &str) -> String {
        format!("{}nhung/", urls::permalink(id))
    }
    /// The share image of the site (home and every page without its own).
    pub const SITE_IMAGE: &str = "anh-chia-se.png";
    pub const FEATURED: &str = "dien-hinh-tieu-bieu/";
    pub const FEATURED_FEED: &str = "dien-hinh-tieu-bieu/feed.xml";
}

/// Writes the press files of the whole site.
pub(crate) fn render(site: &Site, sv: &SiteView, out: &Staging, done: &mut dyn FnMut(&str)) -> Result<(), String> {
    citation::write_all(site, out)?;
    opendata::write_all(site, out)?;
    featured::render(site, sv, out)?;
    embed::render_all(site, sv, out)?;
    done("press files");
    share_image::render_all(site, out)?;
    done("share images");
    Ok(())
}

/// Extra data for the page of entry `index`, given to `entry.html` as `press`.
pub(crate) fn entry_context(site: &Site, index: usize) -> serde_json::Value {
    let e = &site.lib.entries[index];
    let card = site.views().card(e);
    let embed_abs = site.config.abs_url(&paths::embed(&e.id));
    let embed_title = format!("{} – {}", card.short_title, site.config.title);
    json!({
        "jsonld": html_safe_json(&jsonld::entry(site, index)),
        "downloads": [
            {"format": "CSL-JSON", "url": paths::csl(&e.id), "mime": "application/vnd.citationstyles.csl+json", "label": site.t("download_csl")},
            {"format": "BibTeX", "url": paths::bibtex(&e.id), "mime": "application/x-bibtex", "label": site.t("download_bibtex")},
            {"format": "RIS", "url": paths::ris(&e.id), "mime": "application/x-research-info-systems", "label": site.t("download_ris")},
        ],
        "share_image": {
            "url": paths::share_image(&e.id),
            "abs_url": site.config.abs_url(&paths::share_image(&e.id)),
            "width": share_image::WIDTH,
            "height": share_image::HEIGHT,
            "alt": share_image::alt_text(site, e),
        },
        "embed": {
            "url": paths::embed(&e.id),
            "abs_url": embed_abs,
            "snippet": embed::snippet(&embed_abs, &embed_title),
        },
        "permalink_path": urls::permalink(&e.id),
    })
}

/// JSON with `<`, `>` and `&` written as `\u003c`… so that it can be printed
/// unescaped inside a `<script type="application/ld+json">` element (or any
/// HTML) without ever closing it.
pub(crate) fn html_safe_json(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The authors as the public may see them: `(name, position)`, with names
/// and positions of authors who did not consent replaced by the label (a
/// position such as "Chủ tịch UBND xã" would identify the person).
pub(crate) fn public_authors(site: &Site, e: &crate::content::Entry) -> Vec<(String, String)> {
    e.authors
        .iter()
        .map(|a| {
            if a.consent {
                (a.name.clone(), a.position.clone().unwrap_or_default())
            } else {
                (site.t("author_hidden"), String::new())
            }
        })
        .collect()
}

/// The recognition record a citation names: the highest level, latest first
/// among equals (the same choice as the citation on the page).
pub(crate) fn cited_recognition<'e>(
    site: &Site,
    e: &'e crate::content::Entry,
) -> Option<&'e crate::content::model::Recognition> {
    e.recognition.iter().max_by_key(|r| (site.lib.vocab.level_rank(&r.level), r.decision.date))
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_for_html_never_closes_a_script() {
        let v = serde_json::json!({"name": "</script><b>&amp;"});
        let s = super::html_safe_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
