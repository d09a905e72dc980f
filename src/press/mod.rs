//! For the press: citation downloads (CSL-JSON, BibTeX, RIS), structured
//! data, share images, open data and embeddable cards.

use crate::output::Staging;
use crate::site::{Site, SiteView};

/// Writes the press files of the whole site (open data, share images, embeds).
pub(crate) fn render(_site: &Site, _sv: &SiteView, _out: &Staging) -> Result<(), String> {
    Ok(())
}

/// Extra data for the page of entry `index`, given to `entry.html` as `press`.
pub(crate) fn entry_context(_site: &Site, _index: usize) -> serde_json::Value {
    serde_json::Value::Null
}
