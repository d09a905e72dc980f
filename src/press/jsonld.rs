//! schema.org structured data for entry pages: a `CreativeWork` with its
//! authors, the publisher (the body that keeps the bank), the owner unit,
//! the recognition date, the id and permanent URL, and what it is about.
//!
//! Authors who did not consent are left out entirely: a `Person` named
//! "Tác giả (không công bố tên)" would be false data for search engines.
//! The JSON is printed inside `<script type="application/ld+json">` by the
//! template, after [`super::html_safe_json`] made it unable to close the
//! element.

use serde_json::{json, Value};

use crate::site::Site;
use crate::views::urls;

pub(crate) fn entry(site: &Site, index: usize) -> Value {
    let e = &site.lib.entries[index];
    let v = site.views();
    let cfg = site.config;
    let unit_name = |id: &str| site.lib.vocab.unit(id).map_or(id.to_string(), |u| u.name.clone());
    let authors: Vec<Value> = e
        .authors
        .iter()
        .filter(|a| a.consent)
        .map(|a| {
            let mut p = json!({
                "@type": "Person",
                "name": a.name,
                "affiliation": {"@type": "Organization", "name": unit_name(&a.unit)},
            });
            if let Some(pos) = a.position.as_deref().filter(|s| !s.is_empty()) {
                p["jobTitle"] = json!(pos);
            }
            p
        })
        .collect();
    let recognised = e.recognition.iter().map(|r| r.decision.date).min().map(|d| d.to_string());
    let permalink = cfg.abs_url(&urls::permalink(&e.id));
    let mut about: Vec<Value> =
        e.fields.iter().map(|f| json!({"@type": "Thing", "name": v.field_link(f).name})).collect();
    about.extend(e.movements.iter().map(|m| json!({"@type": "Thing", "name": v.movement_link(m).name})));
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": permalink,
        "name": e.title,
        "alternateName": e.card_title(),
        "description": e.summary,
        "identifier": e.id,
        "url": permalink,
        "mainEntityOfPage": cfg.abs_url(&urls::entry(e)),
        "author": authors,
        "publisher": {"@type": "Organization", "name": cfg.owner, "url": cfg.base_url},
        "sourceOrganization": {"@type": "Organization", "name": unit_name(&e.owner_unit)},
        "isPartOf": {"@type": "WebSite", "name": cfg.title, "url": cfg.base_url},
        "about": about,
        "keywords": e.tags.join(", "),
        "inLanguage": "vi",
        "isAccessibleForFree": true,
        "image": cfg.abs_url(&super::paths::share_image(&e.id)),
    });
    if let Some(d) = &recognised {
        doc["dateCreated"] = json!(d);
        doc["datePublished"] = json!(d);
    }
    if let Some(updated) = site.dates.get(index).and_then(|d| d.1) {
        doc["dateModified"] = json!(updated.to_string());
    }
    if let Some(p) = site.lib.vocab.province(&e.owner_unit) {
        doc["spatialCoverage"] = json!({"@type": "Place", "name": p.name});
    }
    if e.fictional {
        doc["creativeWorkStatus"] = json!(site.t("fictional_label"));
    }
    doc
}
