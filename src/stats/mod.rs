//! Replication and statistics: the "ready to replicate" page, the
//! statistics page with charts rendered as inline SVG, and the figures on
//! unit and province pages.
//!
//! - `figures`: what is counted, computed once per build in one pass over
//!   the library (the definitions live there);
//! - `charts`: the SVG bar and column charts and their data rows;
//! - `pages`: view data for the templates `stats.html`, `ready.html`, and
//!   the `stats` context of `unit.html` and `list.html`.

pub mod charts;
pub mod figures;
mod pages;

use std::sync::OnceLock;

pub use figures::Figures;
pub use pages::{READY_URL, STATS_URL};

use crate::library::Kind;
use crate::output::Staging;
use crate::site::{Site, SiteView};

/// The figures of one build, computed on first use (pages are rendered in
/// parallel; unit and browse pages only look figures up).
#[derive(Debug, Default)]
pub struct Cache(OnceLock<Figures>);

fn figures<'a>(site: &'a Site) -> &'a Figures {
    site.stats.0.get_or_init(|| Figures::compute(site.lib))
}

/// Writes the statistics and replication pages.
pub(crate) fn render(site: &Site, sv: &SiteView, out: &Staging) -> Result<(), String> {
    pages::Builder::new(site, figures(site)).render(out, sv)
}

/// Figures for the page of unit `unit_id`, given to `unit.html` as `stats`.
pub(crate) fn unit_context(site: &Site, unit_id: &str) -> serde_json::Value {
    pages::Builder::new(site, figures(site)).unit(unit_id)
}

/// Figures for a browse page (e.g. a province), given to `list.html` as `stats`.
pub(crate) fn term_context(site: &Site, kind: Kind, id: &str) -> serde_json::Value {
    pages::Builder::new(site, figures(site)).term(kind, id)
}

/// The pages this module writes, for the sitemap.
pub(crate) fn sitemap_urls(site: &Site) -> Vec<String> {
    pages::Builder::new(site, figures(site)).urls()
}
