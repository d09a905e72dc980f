//! Replication and statistics: the "ready to replicate" page, the
//! statistics page with charts rendered as inline SVG, and the figures on
//! unit and province pages.

use crate::library::Kind;
use crate::output::Staging;
use crate::site::{Site, SiteView};

/// Writes the statistics and replication pages.
pub(crate) fn render(_site: &Site, _sv: &SiteView, _out: &Staging) -> Result<(), String> {
    Ok(())
}

/// Figures for the page of unit `unit_id`, given to `unit.html` as `stats`.
pub(crate) fn unit_context(_site: &Site, _unit_id: &str) -> serde_json::Value {
    serde_json::Value::Null
}

/// Figures for a browse page (e.g. a province), given to `list.html` as `stats`.
pub(crate) fn term_context(_site: &Site, _kind: Kind, _id: &str) -> serde_json::Value {
    serde_json::Value::Null
}
