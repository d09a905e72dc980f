//! Rendering every page of the site into the staging folder: home, entry
//! pages, browse pages, units, static pages, search page, redirects, 404,
//! feed, sitemap and robots.txt, plus theme assets and media files.
//!
//! Rendering is pure with respect to the library: the same library and
//! theme always give the same bytes. Pages are rendered in parallel.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::config::Config;
use crate::content::{Date, StaticPage};
use crate::guard::{guarded, Stage};
use crate::library::{entry_date, Kind, Library};
use crate::markdown::Rendered;
use crate::output::{fingerprinted_name, Staging};
use crate::templates::{Shared, Templates};
use crate::views::{root_for, urls, Card, Labels, Link, Views};

/// The Content-Security-Policy every page is served with (and declares in
/// a meta tag): everything from the site itself, no inline script.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/// The same policy as every page declares it in a `<meta>` tag, for hosts
/// that send no headers. `frame-ancestors` has no effect there (browsers
/// ignore it in meta and warn), so it is left out.
pub const CSP_META: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// Fingerprinted asset paths, from the site root.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Assets {
    pub css: String,
    /// Other stylesheets by name (`embed` for `embed.css`).
    pub styles: BTreeMap<String, String>,
    pub js: BTreeMap<String, String>,
}

#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    owner: &'a str,
    footer: &'a str,
    base_url: &'a str,
    base_path: String,
    language: &'a str,
    menu: Vec<MenuItem>,
    pages: Vec<MenuItem>,
    /// [`SharedData`] as tera values, made by the first page rendered.
    #[serde(skip)]
    shared: OnceLock<Result<Shared, String>>,
}

#[derive(Serialize)]
pub(crate) struct MenuItem {
    title: String,
    url: String,
}

/// What every template gets (docs/templates.md, "Data every template gets"):
/// the part that is the same on every page. The part that is the page's own
/// (`root`, `page_url`, `canonical`, `page_title`, `page_description`) is
/// added by [`Site::page`].
#[derive(Serialize)]
struct SharedData<'a> {
    site: &'a SiteView<'a>,
    t: &'a BTreeMap<String, String>,
    assets: &'a Assets,
    feed_url: &'static str,
    csp: &'static str,
}

#[derive(Serialize)]
pub(crate) struct Pagination {
    current: usize,
    total: usize,
    prev_url: String,
    next_url: String,
    pages: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
    current: bool,
}

/// A page's path from the root, its title and its description.
pub(crate) struct Meta<'m>(pub &'m str, pub &'m str, pub &'m str);

/// Everything the renderer needs, prepared by the build.
pub struct Site<'a> {
    pub config: &'a Config,
    pub lib: &'a Library,
    pub templates: &'a Templates,
    pub strings: &'a BTreeMap<String, String>,
    pub bodies: &'a [Rendered],
    /// (added, updated) per entry.
    pub dates: &'a [(Option<Date>, Option<Date>)],
    pub pages: &'a [(StaticPage, Rendered)],
    pub assets: Assets,
    /// Statistics, computed on first use.
    pub stats: crate::stats::Cache,
    /// Share images already rendered by earlier builds.
    pub cache: &'a crate::cache::Cache,
    /// Similar models and possible copies (computed by the build).
    pub similar: &'a crate::similar::Similar,
}

type R = Result<(), String>;

fn io(e: std::io::Error) -> String {
    e.to_string()
}

impl Site<'_> {
    pub(crate) fn views(&self) -> Views<'_> {
        Views {
            lib: self.lib,
            config: self.config,
            labels: Labels { strings: self.strings, lang: &self.config.language },
        }
    }

    pub(crate) fn site_view(&self) -> SiteView<'_> {
        let t = |k: &str| self.strings.get(k).cloned().unwrap_or_else(|| k.to_string());
        let mut menu: Vec<MenuItem> = Kind::ALL
            .iter()
            .filter(|k| **k != Kind::Movement || !self.lib.vocab.movements.is_empty())
            .map(|k| MenuItem { title: t(&format!("menu_{}", k.key())), url: urls::terms(*k) })
            .collect();
        menu.insert(2, MenuItem { title: t("menu_units"), url: "don-vi/".into() });
        menu.push(MenuItem { title: t("menu_ready"), url: crate::stats::READY_URL.into() });
        menu.push(MenuItem { title: t("menu_stats"), url: crate::stats::STATS_URL.into() });
        menu.push(MenuItem { title: t("menu_search"), url: "tim-kiem/".into() });
        SiteView {
            title: &self.config.title,
            description: &self.config.description,
            owner: &self.config.owner,
            footer: &self.config.footer,
            base_url: &self.config.base_url,
            base_path: self.config.base_path(),
            language: &self.config.language,
            menu,
            pages: self
                .pages
                .iter()
                .map(|(p, _)| MenuItem { title: p.title.clone(), url: urls::page(&p.slug) })
                .collect(),
            shared: OnceLock::new(),
        }
    }

    /// Renders `template` for the page described by `meta` and writes it.
    /// `data` is a JSON object: its fields join the page's common ones
    /// (and win where both have one).
    pub(crate) fn page(&self, out: &Staging, sv: &SiteView, template: &str, meta: Meta, data: Value) -> R {
        let Meta(url, title, description) = meta;
        let root = if template == "404.html" { self.config.base_path() } else { root_for(url) };
        let Value::Object(fields) = data else {
            return Err(format!("{template}: the page's data is not an object"));
        };
        let mut context = serde_json::Map::with_capacity(fields.len() + 5);
        context.insert("root".into(), root.into());
        context.insert("page_url".into(), url.into());
        context.insert("canonical".into(), self.config.abs_url(url).into());
        context.insert("page_title".into(), title.into());
        context.insert("page_description".into(), description.into());
        context.extend(fields);
        let shared = sv.shared.get_or_init(|| {
            Shared::new(&SharedData {
                site: sv,
                t: self.strings,
                assets: &self.assets,
                feed_url: "feed.xml",
                csp: CSP_META,
            })
        });
        let html = self.templates.render(template, shared.as_ref()?, Value::Object(context))?;
        let file = if template == "404.html" { "404.html".to_string() } else { format!("{url}index.html") };
        out.write(&file, &html).map_err(io)
    }

    /// Writes every page and file of the site except the search index,
    /// calling `done` after each step with its name (the build's timed log).
    /// `html` is the entries' body HTML when the caller hands it over, so that
    /// each is freed once its page is written (several hundred MB at 100,000
    /// entries); `None` reads it from the kept bodies.
    pub fn render(&self, out: &Staging, html: Option<Vec<String>>, done: &mut dyn FnMut(&str)) -> R {
        let sv = self.site_view();
        self.home(out, &sv)?;
        self.entries(out, &sv, html)?;
        done("entry pages");
        self.browse(out, &sv)?;
        self.units(out, &sv)?;
        self.static_pages(out, &sv)?;
        self.search_page(out, &sv)?;
        done("browse pages");
        crate::press::render(self, &sv, out, done)?;
        crate::stats::render(self, &sv, out)?;
        crate::recent::render(self, &sv, out)?;
        crate::similar::report::render(self, &sv, out, self.similar)?;
        self.page(out, &sv, "404.html", Meta("404/", &self.t("not_found_title"), ""), serde_json::json!({}))?;
        self.feed(out)?;
        self.sitemap(out)?;
        let robots = format!("User-agent: *\nAllow: /\nSitemap: {}\n", self.config.abs_url("sitemap.xml"));
        out.write("robots.txt", robots.as_bytes()).map_err(io)?;
        done("stats, feeds");
        Ok(())
    }

    pub(crate) fn t(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    fn home(&self, out: &Staging, sv: &SiteView) -> R {
        let v = self.views();
        let lib = self.lib;
        let provinces: usize = lib.terms.get(&Kind::Province).map_or(0, |m| m.len());
        let units: HashSet<&str> = lib.entries.iter().map(|e| e.owner_unit.as_str()).collect();
        let counts = serde_json::json!({
            "entries": lib.entries.len(),
            "units": units.len(),
            "provinces": provinces,
            "replications": lib.replication_count(),
            "fields": lib.terms.get(&Kind::Field).map_or(0, |m| m.len()),
        });
        let term_counts = |kind: Kind| -> Vec<serde_json::Value> {
            lib.terms
                .get(&kind)
                .into_iter()
                .flatten()
                .map(|(id, list)| serde_json::json!({"name": v.term_name(kind, id), "url": urls::term(kind, id), "count": list.len()}))
                .collect()
        };
        let featured: Vec<Card> = v.cards(&lib.featured);
        let newest: Vec<Card> = v.cards(&lib.newest[..lib.newest.len().min(12)]);
        let data = serde_json::json!({
            "featured": featured,
            "newest": newest,
            "counts": counts,
            "fields": term_counts(Kind::Field),
            "provinces": term_counts(Kind::Province),
        });
        self.page(out, sv, "index.html", Meta("", "", &self.config.description), data)
    }

    fn entries(&self, out: &Staging, sv: &SiteView, html: Option<Vec<String>>) -> R {
        match html {
            Some(html) => html.into_par_iter().enumerate().try_for_each(|(i, h)| self.entry_pages_with(out, sv, i, &h)),
            None => (0..self.lib.entries.len()).into_par_iter().try_for_each(|i| self.entry_pages(out, sv, i)),
        }
    }

    /// The page of entry `i` and its redirects, with a panic reported as an
    /// internal error naming the entry (see `guard.rs`). Also `serve`'s
    /// incremental rebuild, which keeps every body's HTML.
    pub(crate) fn entry_pages(&self, out: &Staging, sv: &SiteView, i: usize) -> R {
        self.entry_pages_with(out, sv, i, &self.bodies[i].html)
    }

    fn entry_pages_with(&self, out: &Staging, sv: &SiteView, i: usize, html: &str) -> R {
        let e = &self.lib.entries[i];
        guarded(Stage::Page, &e.source, || self.entry_pages_unguarded(out, sv, i, html))
            .unwrap_or_else(|p| Err(p.to_string()))
    }

    /// The page of entry `i`, whose body HTML is `html`, and its redirects.
    fn entry_pages_unguarded(&self, out: &Staging, sv: &SiteView, i: usize, html: &str) -> R {
        let v = self.views();
        let e = &self.lib.entries[i];
        let mut view = v.entry(e, &self.bodies[i], html, self.dates[i]);
        view.similar = v.similar(self.similar, i);
        let url = urls::entry(e);
        self.page(
            out,
            sv,
            "entry.html",
            Meta(&url, &e.title, &e.summary),
            serde_json::json!({ "entry": view, "press": crate::press::entry_context(self, i) }),
        )
        .map_err(|err| format!("{} ({}): {err}", e.id, e.source.display()))?;
        // The permanent link and earlier slugs redirect to the page.
        self.redirect(out, sv, &urls::permalink(&e.id), &url, &e.title)?;
        for alias in &e.aliases {
            self.redirect(out, sv, &format!("sang-kien/{alias}/"), &url, &e.title)?;
        }
        Ok(())
    }

    fn redirect(&self, out: &Staging, sv: &SiteView, from: &str, to: &str, title: &str) -> R {
        let data =
            serde_json::json!({"redirect": {"target_url": to, "target_abs": self.config.abs_url(to), "title": title}});
        self.page(out, sv, "redirect.html", Meta(from, title, ""), data)
    }

    pub(crate) fn pagination(base: &str, current: usize, total: usize) -> Pagination {
        let url = |n: usize| {
            if n >= 1 && n <= total {
                urls::paged(base, n)
            } else {
                String::new()
            }
        };
        Pagination {
            current,
            total,
            prev_url: url(current.wrapping_sub(1)),
            next_url: url(current + 1),
            // Only the numbers a page shows — the first, the last, two on
            // each side of the current one — and the ones just beyond, which
            // the theme shows as gaps: a list of every page would make each
            // page's size, and a bank's build, grow with the square of its length.
            pages: (1..=total)
                .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= 3)
                .map(|n| PageNumber { number: n, url: urls::paged(base, n), current: n == current })
                .collect(),
        }
    }

    fn browse(&self, out: &Staging, sv: &SiteView) -> R {
        let v = self.views();
        let per_page = self.config.entries_per_page;
        for kind in Kind::ALL {
            let Some(terms) = self.lib.terms.get(&kind) else {
                continue;
            };
            let kind_label = self.t(&format!("kind_{}", kind.key()));
            let mut items: Vec<(String, String, usize, String)> = terms
                .iter()
                .map(|(id, list)| (id.clone(), v.term_name(kind, id), list.len(), self.term_description(kind, id)))
                .collect();
            // Years newest first; levels by rank; others alphabetically (Vietnamese-aware).
            match kind {
                Kind::Year => items.sort_by(|a, b| b.0.cmp(&a.0)),
                Kind::Level => items.sort_by_key(|i| self.lib.vocab.level_rank(&i.0)),
                _ => items.sort_by_key(|i| crate::text::sort_key(&i.1)),
            }
            let list: Vec<serde_json::Value> = items
                .iter()
                .map(|(id, name, count, desc)| serde_json::json!({"name": name, "url": urls::term(kind, id), "count": count, "description": desc}))
                .collect();
            let data = serde_json::json!({"terms": {"kind": kind.prefix(), "kind_label": kind_label, "items": list}});
            self.page(out, sv, "terms.html", Meta(&urls::terms(kind), &kind_label, ""), data)?;
            // Newest first within a term, sorted once per term; the term's
            // figures, also computed once, go to each of its pages.
            let sorted: Vec<(&String, Vec<usize>, serde_json::Value)> = terms
                .par_iter()
                .map(|(id, list)| {
                    let mut sorted = list.clone();
                    sorted.sort_by(|&a, &b| {
                        entry_date(&self.lib.entries[b]).cmp(&entry_date(&self.lib.entries[a])).then(a.cmp(&b))
                    });
                    (id, sorted, crate::stats::term_context(self, kind, id))
                })
                .collect();
            let jobs: Vec<(&String, &Vec<usize>, &serde_json::Value, usize)> = sorted
                .iter()
                .flat_map(|(id, list, stats)| {
                    let pages = list.len().div_ceil(per_page).max(1);
                    (1..=pages).map(move |n| (*id, list, stats, n))
                })
                .collect();
            jobs.into_par_iter().try_for_each(|(id, sorted, stats, n)| {
                let base = urls::term(kind, id);
                let total = sorted.len().div_ceil(per_page).max(1);
                let chunk = &sorted[(n - 1) * per_page..(n * per_page).min(sorted.len())];
                let name = v.term_name(kind, id);
                let title = if n > 1 {
                    format!("{name} – {}", self.t("page_n").replace("{n}", &n.to_string()))
                } else {
                    name.clone()
                };
                let data = serde_json::json!({"list": {
                    "kind": kind.prefix(), "kind_label": kind_label, "kind_url": urls::terms(kind), "name": name,
                    "description": self.term_description(kind, id), "cards": v.cards(chunk),
                    "pagination": Self::pagination(&base, n, total), "count": sorted.len(),
                }, "stats": stats});
                self.page(out, sv, "list.html", Meta(&urls::paged(&base, n), &title, ""), data)
            })?;
        }
        Ok(())
    }

    fn term_description(&self, kind: Kind, id: &str) -> String {
        let voc = &self.lib.vocab;
        let term = match kind {
            Kind::Field => voc.field(id),
            Kind::Movement => voc.movement(id),
            Kind::Level => voc.levels.iter().find(|t| t.id == id),
            _ => None,
        };
        term.and_then(|t| t.description.clone().or_else(|| t.basis.clone()).or_else(|| t.legal_phrase.clone()))
            .unwrap_or_default()
    }

    fn units(&self, out: &Staging, sv: &SiteView) -> R {
        let v = self.views();
        let voc = &self.lib.vocab;
        let owned = |id: &str| self.lib.owned_by.get(id).map_or(0, Vec::len);
        let adopted = |id: &str| self.lib.adopted_by.get(id).map_or(0, Vec::len);
        let mut provinces: Vec<usize> = (0..voc.units.len()).filter(|&i| voc.units[i].kind.is_province()).collect();
        provinces.sort_by_key(|&i| crate::text::sort_key(voc.units[i].display_name()));
        let dir: Vec<serde_json::Value> = provinces
            .iter()
            .map(|&p| {
                let pu = &voc.units[p];
                let mut members: Vec<usize> = (0..voc.units.len()).filter(|&i| voc.province_of[i] == p).collect();
                members.sort_by_key(|&i| (i != p, crate::text::sort_key(voc.units[i].display_name())));
                let count: usize = members.iter().map(|&i| owned(&voc.units[i].id)).sum();
                let units: Vec<serde_json::Value> = members
                    .iter()
                    .map(|&i| {
                        let u = &voc.units[i];
                        serde_json::json!({"name": u.name, "url": urls::unit(&u.id), "kind_label": self.t(&u.kind.label_key()), "owned": owned(&u.id), "adopted": adopted(&u.id)})
                    })
                    .collect();
                serde_json::json!({"name": pu.name, "url": urls::term(Kind::Province, &pu.id), "count": count, "units": units})
            })
            .collect();
        let title = self.t("menu_units");
        self.page(out, sv, "units.html", Meta("don-vi/", &title, ""), serde_json::json!({"provinces": dir}))?;
        (0..voc.units.len()).into_par_iter().try_for_each(|i| {
            let u = &voc.units[i];
            let parent = u.parent.as_deref().map(|p| v.unit_link(p));
            let province = (!u.kind.is_province()).then(|| v.province_link(&u.id));
            let mut children: Vec<Link> = voc.units.iter().filter(|c| c.parent.as_deref() == Some(&u.id)).map(|c| v.unit_link(&c.id)).collect();
            children.sort_by_key(|l| crate::text::sort_key(&l.name));
            let owned_cards = v.cards(self.lib.owned_by.get(&u.id).map_or(&[][..], Vec::as_slice));
            let adopted_list: Vec<serde_json::Value> = self
                .lib
                .adopted_by
                .get(&u.id)
                .into_iter()
                .flatten()
                .map(|&(e, k)| {
                    let r = &self.lib.entries[e].replications[k];
                    serde_json::json!({"card": v.card(&self.lib.entries[e]), "date": r.date.to_string(), "outcome": r.outcome.clone().unwrap_or_default()})
                })
                .collect();
            let data = serde_json::json!({"unit": {
                "id": u.id, "name": u.name, "kind_label": self.t(&u.kind.label_key()),
                "province": province, "parent": parent, "children": children, "headcount": u.headcount,
                "owned": owned_cards, "adopted": adopted_list,
                "csv": self.lib.owned_under.contains_key(&u.id).then(|| crate::press::opendata::unit_csv(&u.id)),
            }, "stats": crate::stats::unit_context(self, &u.id)});
            self.page(out, sv, "unit.html", Meta(&urls::unit(&u.id), &u.name, ""), data)
        })
    }

    fn static_pages(&self, out: &Staging, sv: &SiteView) -> R {
        for (p, body) in self.pages {
            let data = serde_json::json!({"page": {"title": p.title, "description": p.description, "content_html": body.html, "toc": body.toc}});
            self.page(out, sv, "page.html", Meta(&urls::page(&p.slug), &p.title, &p.description), data)?;
        }
        Ok(())
    }

    fn search_page(&self, out: &Staging, sv: &SiteView) -> R {
        let v = self.views();
        let facets: Vec<serde_json::Value> = [Kind::Field, Kind::Province, Kind::Year, Kind::Level]
            .iter()
            .filter_map(|&k| {
                let terms = self.lib.terms.get(&k)?;
                let values: Vec<serde_json::Value> = terms.keys().map(|id| serde_json::json!({"id": id, "name": v.term_name(k, id), "url": urls::term(k, id)})).collect();
                Some(serde_json::json!({"key": k.prefix(), "label": self.t(&format!("kind_{}", k.key())), "values": values}))
            })
            .collect();
        let title = self.t("menu_search");
        self.page(out, sv, "search.html", Meta("tim-kiem/", &title, ""), serde_json::json!({"facets": facets}))
    }

    /// The Atom feed of the newest entries.
    fn feed(&self, out: &Staging) -> R {
        let v = self.views();
        let newest = &self.lib.newest[..self.lib.newest.len().min(30)];
        let updated = newest
            .first()
            .map(|&i| entry_date(&self.lib.entries[i]))
            .map_or("2000-01-01".to_string(), |d| d.to_string());
        let mut xml = String::new();
        xml.push_str(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
        );
        xml.push_str(&self.config.language);
        xml.push_str("\">\n");
        push_el(&mut xml, "title", &format!("{} – {}", self.config.title, self.t("feed_title")));
        xml.push_str(&format!("  <link rel=\"self\" href=\"{}\"/>\n", esc(&self.config.abs_url("feed.xml"))));
        xml.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&self.config.base_url)
        ));
        push_el(&mut xml, "id", &self.config.abs_url("feed.xml"));
        push_el(&mut xml, "updated", &format!("{updated}T00:00:00Z"));
        xml.push_str("  <author>\n");
        push_el(&mut xml, "  name", &self.config.owner);
        xml.push_str("  </author>\n");
        for &i in newest {
            let e = &self.lib.entries[i];
            xml.push_str("  <entry>\n");
            push_el(&mut xml, "  title", &e.title);
            xml.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                esc(&self.config.abs_url(&urls::entry(e)))
            ));
            push_el(&mut xml, "  id", &self.config.abs_url(&urls::permalink(&e.id)));
            push_el(&mut xml, "  updated", &format!("{}T00:00:00Z", entry_date(e)));
            for name in v.public_author_names(e) {
                xml.push_str("    <author>\n");
                push_el(&mut xml, "    name", &name);
                xml.push_str("    </author>\n");
            }
            push_el(&mut xml, "  summary", &e.summary);
            xml.push_str("  </entry>\n");
        }
        xml.push_str("</feed>\n");
        out.write("feed.xml", xml.as_bytes()).map_err(io)
    }

    fn sitemap(&self, out: &Staging) -> R {
        let mut urls_list: Vec<(String, Option<Date>)> = vec![(String::new(), None)];
        urls_list.extend(self.lib.entries.iter().map(|e| (urls::entry(e), Some(entry_date(e)))));
        for kind in Kind::ALL {
            if let Some(terms) = self.lib.terms.get(&kind) {
                urls_list.push((urls::terms(kind), None));
                for (id, list) in terms {
                    let pages = list.len().div_ceil(self.config.entries_per_page).max(1);
                    urls_list.extend((1..=pages).map(|n| (urls::paged(&urls::term(kind, id), n), None)));
                }
            }
        }
        urls_list.push(("don-vi/".into(), None));
        urls_list.extend(self.lib.vocab.units.iter().map(|u| (urls::unit(&u.id), None)));
        urls_list.extend(self.pages.iter().map(|(p, _)| (urls::page(&p.slug), None)));
        urls_list.push(("tim-kiem/".into(), None));
        urls_list.push((crate::press::paths::FEATURED.into(), None));
        urls_list.extend(crate::stats::sitemap_urls(self).into_iter().map(|u| (u, None)));
        urls_list.extend(crate::recent::sitemap_urls(self).into_iter().map(|u| (u, None)));
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (u, date) in urls_list {
            xml.push_str("  <url><loc>");
            xml.push_str(&esc(&self.config.abs_url(&u)));
            xml.push_str("</loc>");
            if let Some(d) = date {
                xml.push_str(&format!("<lastmod>{d}</lastmod>"));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        out.write("sitemap.xml", xml.as_bytes()).map_err(io)
    }
}

fn push_el(xml: &mut String, name: &str, text: &str) {
    let tag = name.trim_start();
    let indent = &name[..name.len() - tag.len()];
    xml.push_str(&format!("  {indent}<{tag}>{}</{tag}>\n", esc(text)));
}

impl Site<'_> {
    /// What search indexes for each entry (sorted by id, like the library),
    /// and the filters it offers, with names in the site's language.
    pub fn search_input(&self) -> (Vec<crate::search::SearchDoc>, Vec<crate::search::Facet>) {
        search_input(self.lib, self.bodies, &self.views())
    }
}

/// Builds the search documents and facets from the library.
pub fn search_input(
    lib: &Library,
    bodies: &[Rendered],
    v: &Views,
) -> (Vec<crate::search::SearchDoc>, Vec<crate::search::Facet>) {
    use crate::search::{Facet, SearchDoc};
    let docs = lib
        .entries
        .iter()
        .zip(bodies)
        .map(|(e, body)| {
            let mut facets: Vec<(String, String)> =
                e.fields.iter().map(|f| (Kind::Field.prefix().to_string(), f.clone())).collect();
            if let Some(p) = lib.vocab.province(&e.owner_unit) {
                facets.push((Kind::Province.prefix().to_string(), p.id.clone()));
            }
            facets.push((Kind::Year.prefix().to_string(), e.year.to_string()));
            if let Some(level) = lib.level_of(e) {
                facets.push((Kind::Level.prefix().to_string(), level.to_string()));
            }
            facets.push(("don-vi".to_string(), e.owner_unit.clone()));
            SearchDoc {
                id: e.id.clone(),
                url: urls::entry(e),
                title: e.title.clone(),
                summary: e.summary.clone(),
                body: body.text.clone(),
                // Only names published with consent are searchable.
                authors: e.authors.iter().filter(|a| a.consent).map(|a| a.name.clone()).collect(),
                unit: v.unit_link(&e.owner_unit).name,
                province: v.province_link(&e.owner_unit).name,
                fields: e.fields.iter().map(|f| v.field_link(f).name).collect(),
                tags: e.tags.clone(),
                decision_numbers: e.recognition.iter().map(|r| r.decision.number.0.clone()).collect(),
                year: e.year,
                facets,
            }
        })
        .collect();
    let mut facets = Vec::new();
    for kind in [Kind::Field, Kind::Province, Kind::Year, Kind::Level] {
        let Some(terms) = lib.terms.get(&kind) else { continue };
        let mut values: Vec<(String, String)> = terms.keys().map(|id| (id.clone(), v.term_name(kind, id))).collect();
        match kind {
            Kind::Year => values.reverse(),
            Kind::Level => values.sort_by_key(|(id, _)| lib.vocab.level_rank(id)),
            _ => values.sort_by_key(|(_, name)| crate::text::sort_key(name)),
        }
        facets.push(Facet {
            key: kind.prefix().to_string(),
            label: v.labels.get(&format!("kind_{}", kind.key())),
            values,
        });
    }
    let mut units: Vec<(String, String)> = lib.owned_by.keys().map(|id| (id.clone(), v.unit_link(id).name)).collect();
    // By name, then by id: provinces have communes of the same name, and
    // `owned_by` is a hash map, whose order must not reach the output.
    units.sort_by_cached_key(|(id, name)| (crate::text::sort_key(name), id.clone()));
    facets.push(Facet { key: "don-vi".to_string(), label: v.labels.get("menu_units"), values: units });
    (docs, facets)
}

/// Escapes text for XML and HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// Writes the theme's static files under `assets/`, fingerprinted, and
/// returns their paths for templates.
pub fn write_assets(theme: &crate::theme::Theme, out: &Staging) -> Result<Assets, String> {
    let mut assets = Assets::default();
    for (name, bytes) in theme.statics() {
        // CSS and scripts change with releases and get content-hashed names;
        // images and fonts keep theirs so templates can name them.
        let fingerprint = name.ends_with(".css") || name.ends_with(".js");
        let file = if fingerprint { fingerprinted_name(name, bytes) } else { name.to_string() };
        let path = format!("assets/{file}");
        out.write(&path, bytes).map_err(io)?;
        let stem = name.rsplit('/').next().unwrap_or(name);
        if name == "style.css" {
            assets.css = path;
        } else if let Some(css) = stem.strip_suffix(".css") {
            assets.styles.insert(css.to_string(), path);
        } else if let Some(js) = stem.strip_suffix(".js") {
            assets.js.insert(js.to_string(), path);
        }
    }
    Ok(assets)
}

/// Copies the bank's media files to `media/`.
pub fn copy_media(content: &Path, media: &[std::path::PathBuf], out: &Staging) -> R {
    media.par_iter().try_for_each(|rel| {
        let bytes = std::fs::read(content.join(rel)).map_err(|e| format!("{}: {e}", rel.display()))?;
        out.write(&crate::diagnostics::slash_path(rel), &bytes).map_err(io)
    })
}
