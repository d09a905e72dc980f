//! What is new: the "Mới cập nhật" page and feed of recently added and
//! updated entries, and the changelog by month.

use crate::output::Staging;
use crate::site::{Site, SiteView};

pub(crate) fn render(_site: &Site, _sv: &SiteView, _out: &Staging) -> Result<(), String> {
    Ok(())
}
