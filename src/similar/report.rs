//! The council report (`hoi-dong/trung-lap/`): every pair of entries of the bank whose
//! wording overlaps at the copy threshold, with the overlapping passages side by side, for
//! a council preparing a recognition meeting. Off by default (`similarity.council_report`
//! in config.yaml): a suspicion is not a finding, and the public site should not print it.
//! When written, the page is kept out of the menu, the sitemap and search engines
//! (`noindex`).
//!
//! The pairs are [`Similar::copies`]: each entry checked against its closest models (see
//! the module documentation of [`crate::similar`]).

use rayon::prelude::*;
use serde::Serialize;

use super::copies::passages;
use super::text::{Doc, Reader};
use super::Similar;
use crate::library::entry_date;
use crate::output::Staging;
use crate::site::{Meta, Site, SiteView};
use crate::views::Card;

/// The page's path from the site root.
pub const URL: &str = "hoi-dong/trung-lap/";

/// Passages shown per pair.
const PASSAGES: usize = 3;
/// Pairs shown, the highest overlaps first: a bank of templated entries can have thousands,
/// which `sangkien similar --all --format json` lists.
pub const MAX_PAIRS: usize = 500;

#[derive(Serialize)]
struct QuoteView {
    a: String,
    b: String,
}

#[derive(Serialize)]
struct PairView {
    /// The older entry (by the date it entered the bank, else its recognition), then the newer.
    a: Card,
    b: Card,
    /// Whole percent.
    overlap: u32,
    shared: usize,
    same_unit: bool,
    passages: Vec<QuoteView>,
    more_passages: usize,
}

/// Writes the report page when the bank's config asks for it.
pub(crate) fn render(site: &Site, sv: &SiteView, out: &Staging, similar: &Similar) -> Result<(), String> {
    if !site.config.similarity.council_report {
        return Ok(());
    }
    let v = site.views();
    let lib = site.lib;
    let shown = &similar.copies[..similar.copies.len().min(MAX_PAIRS)];
    let pairs: Vec<PairView> = shown
        .par_iter()
        .map_init(Reader::default, |reader, p| {
            // The older entry first (the one a copy would come from), then by id.
            let date = |i: usize| (entry_date(&lib.entries[i]), i);
            let (a, b) = if date(p.b) < date(p.a) { (p.b, p.a) } else { (p.a, p.b) };
            let (ea, eb) = (&lib.entries[a], &lib.entries[b]);
            let da = Doc::read(reader, ea, &site.bodies[a]);
            let db = Doc::read(reader, eb, &site.bodies[b]);
            let found = passages(&da, &db);
            PairView {
                a: v.card(ea),
                b: v.card(eb),
                overlap: (p.overlap.score * 100.0).round() as u32,
                shared: p.overlap.shared,
                same_unit: ea.owner_unit == eb.owner_unit,
                passages: found
                    .iter()
                    .take(PASSAGES)
                    .map(|x| QuoteView {
                        a: da.quote(&da.sentences[x.a]).to_string(),
                        b: db.quote(&db.sentences[x.b]).to_string(),
                    })
                    .collect(),
                more_passages: found.len().saturating_sub(PASSAGES),
            }
        })
        .collect();
    let title = site.t("council_report_title");
    let data = serde_json::json!({"report": {
        "pairs": pairs,
        "count": similar.copies.len(),
        "more": similar.copies.len() - shown.len(),
        "entries": lib.entries.len(),
        "copy_threshold": (similar.thresholds.copy * 100.0).round() as u32,
    }});
    site.page(out, sv, "council-report.html", Meta(URL, &title, ""), data)
}
