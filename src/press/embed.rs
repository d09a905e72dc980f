//! Embeddable cards: a minimal page per entry at `s/<ID>/nhung/` (template
//! `embed.html`, its own small stylesheet, no script) that other sites show
//! in an `<iframe>`, and the snippet to copy from the entry page.
//!
//! Our own pages never contain an iframe. Embed pages must be framable by
//! any site, so hosts send them without the `frame-ancestors 'self'` of the
//! site's Content-Security-Policy (docs/press.md says how); the page itself
//! declares no frame-ancestors.

use rayon::prelude::*;
use serde_json::json;

use crate::guard::{guarded, Stage};
use crate::output::Staging;
use crate::site::{esc, Meta, Site, SiteView};
use crate::views::urls;

use super::paths;

/// The size the snippet asks for; the card fits in it at any width from 300 px.
pub(crate) const WIDTH: u32 = 560;
pub(crate) const HEIGHT: u32 = 320;

/// The HTML to paste into another site.
pub(crate) fn snippet(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
        esc(src),
        esc(title)
    )
}

pub(crate) fn render_all(site: &Site, sv: &SiteView, out: &Staging) -> Result<(), String> {
    let v = site.views();
    site.lib.entries.par_iter().try_for_each(|e| {
        guarded(Stage::Press, &e.source, || {
            let card = v.card(e);
            let data = json!({"embed": {
                "card": card,
                "permalink": site.config.abs_url(&urls::permalink(&e.id)),
                "page_abs": site.config.abs_url(&urls::entry(e)),
                "site_abs": site.config.base_url,
            }});
            site.page(out, sv, "embed.html", Meta(&paths::embed(&e.id), &e.title, &e.summary), data)
                .map_err(|err| format!("{} (embed): {err}", e.id))
        })
        .unwrap_or_else(|p| Err(p.to_string()))
    })
}
