//! View structs: what templates see. Built from the library, never the
//! internal model itself, so a template can only print what is meant for
//! readers (no consent-less author names, no raw Markdown). The shapes are
//! documented for theme authors in docs/templates.md.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::content::model::*;
use crate::library::{url_id, Kind, Library};
use crate::templates::number_vi;

/// Interface strings and the vocabulary, for turning ids into labels.
pub struct Labels<'a> {
    pub strings: &'a BTreeMap<String, String>,
    pub lang: &'a str,
}

impl Labels<'_> {
    /// The string for `key`, or the key itself so a missing translation is visible.
    pub fn get(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    fn enum_label<T: Serialize>(&self, prefix: &str, v: &T) -> String {
        self.get(&format!("{prefix}_{}", enum_id(v)))
    }
}

/// The id a unit enum serialises to (`dang_ap_dung`).
pub fn enum_id<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// URLs of pages, relative to the site root (no leading slash).
pub mod urls {
    use super::*;

    pub fn entry(e: &Entry) -> String {
        format!("sang-kien/{}/", e.slug)
    }
    pub fn permalink(id: &str) -> String {
        format!("s/{id}/")
    }
    pub fn term(kind: Kind, id: &str) -> String {
        format!("{}/{}/", kind.prefix(), url_id(id))
    }
    pub fn terms(kind: Kind) -> String {
        format!("{}/", kind.prefix())
    }
    pub fn unit(id: &str) -> String {
        format!("don-vi/{id}/")
    }
    pub fn page(slug: &str) -> String {
        format!("trang/{slug}/")
    }
    /// Page `n` (1-based) of a paginated list at `base`.
    pub fn paged(base: &str, n: usize) -> String {
        if n <= 1 {
            base.to_string()
        } else {
            format!("{base}{n}/")
        }
    }
}

/// The relative path from a page at `url` to the site root.
pub fn root_for(url: &str) -> String {
    let depth = url.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Card {
    pub id: String,
    pub url: String,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    pub unit: Link,
    pub province: Link,
    pub year: i32,
    pub year_url: String,
    pub level: Link,
    pub fields: Vec<Link>,
    pub key_figure: String,
    pub featured_label: String,
    pub fictional: bool,
    pub replication_count: usize,
}

pub struct Views<'a> {
    pub lib: &'a Library,
    pub config: &'a Config,
    pub labels: Labels<'a>,
}

impl Views<'_> {
    pub fn unit_link(&self, id: &str) -> Link {
        match self.lib.vocab.unit(id) {
            Some(u) => Link { name: u.display_name().to_string(), url: urls::unit(&u.id) },
            None => Link { name: id.to_string(), url: urls::unit(id) },
        }
    }

    pub fn province_link(&self, unit_id: &str) -> Link {
        match self.lib.vocab.province(unit_id) {
            Some(p) => Link { name: p.display_name().to_string(), url: urls::term(Kind::Province, &p.id) },
            None => Link { name: String::new(), url: String::new() },
        }
    }

    pub fn field_link(&self, id: &str) -> Link {
        let name = self.lib.vocab.field(id).map_or(id, |t| t.name_in(self.labels.lang));
        Link { name: name.to_string(), url: urls::term(Kind::Field, id) }
    }

    pub fn movement_link(&self, id: &str) -> Link {
        let name = self.lib.vocab.movement(id).map_or(id, |t| t.name_in(self.labels.lang));
        Link { name: name.to_string(), url: urls::term(Kind::Movement, id) }
    }

    pub fn level_link(&self, id: &str) -> Link {
        let name = self.lib.vocab.levels.iter().find(|t| t.id == id).map_or(id, |t| t.name_in(self.labels.lang));
        Link { name: name.to_string(), url: urls::term(Kind::Level, id) }
    }

    /// The display name of a browse term.
    pub fn term_name(&self, kind: Kind, id: &str) -> String {
        match kind {
            Kind::Field => self.field_link(id).name,
            Kind::Movement => self.movement_link(id).name,
            Kind::Level => self.level_link(id).name,
            Kind::Province => self.lib.vocab.unit(id).map_or(id.to_string(), |u| u.display_name().to_string()),
            Kind::Year => id.to_string(),
        }
    }

    pub fn key_figure(&self, e: &Entry) -> String {
        e.key_metric().map(format_metric).unwrap_or_default()
    }

    pub fn card(&self, e: &Entry) -> Card {
        let level = self
            .lib
            .level_of(e)
            .map(|l| self.level_link(l))
            .unwrap_or(Link { name: String::new(), url: String::new() });
        Card {
            id: e.id.clone(),
            url: urls::entry(e),
            title: e.title.clone(),
            short_title: e.card_title().to_string(),
            summary: e.summary.clone(),
            unit: self.unit_link(&e.owner_unit),
            province: self.province_link(&e.owner_unit),
            year: e.year,
            year_url: urls::term(Kind::Year, &e.year.to_string()),
            level,
            fields: e.fields.iter().map(|f| self.field_link(f)).collect(),
            key_figure: self.key_figure(e),
            featured_label: e
                .featured
                .as_ref()
                .map(|f| f.label.clone().unwrap_or_else(|| self.labels.get("featured_default_label")))
                .unwrap_or_default(),
            fictional: e.fictional,
            replication_count: e.replications.len(),
        }
    }

    pub fn cards(&self, indices: &[usize]) -> Vec<Card> {
        indices.iter().map(|&i| self.card(&self.lib.entries[i])).collect()
    }

    /// The author names readers may see (consent respected).
    pub fn public_author_names(&self, e: &Entry) -> Vec<String> {
        e.authors.iter().map(|a| if a.consent { a.name.clone() } else { self.labels.get("author_hidden") }).collect()
    }

    /// The view of entry `e`, whose rendered body is `body` with its HTML given
    /// apart (a one-off build frees each body's HTML once its page is written).
    pub fn entry(
        &self,
        e: &Entry,
        body: &crate::markdown::Rendered,
        body_html: &str,
        dates: (Option<Date>, Option<Date>),
    ) -> EntryView {
        let l = &self.labels;
        let level = self
            .lib
            .level_of(e)
            .map(|id| self.level_link(id))
            .unwrap_or(Link { name: String::new(), url: String::new() });
        let source =
            self.config.repository.as_ref().and_then(|r| crate::git::source_links(r, &e.source)).unwrap_or_default();
        EntryView {
            id: e.id.clone(),
            url: urls::entry(e),
            title: e.title.clone(),
            short_title: e.card_title().to_string(),
            summary: e.summary.clone(),
            permalink: self.config.abs_url(&urls::permalink(&e.id)),
            fictional: e.fictional,
            solution_types: e.solution_types.iter().map(|s| l.enum_label("solution", s)).collect(),
            field_of_application: e.field_of_application.clone().unwrap_or_default(),
            fields: e.fields.iter().map(|f| self.field_link(f)).collect(),
            movements: e.movements.iter().map(|m| self.movement_link(m)).collect(),
            tags: e.tags.clone(),
            unit: self.unit_link(&e.owner_unit),
            province: self.province_link(&e.owner_unit),
            unit_at_recognition: e.unit_at_recognition.clone().unwrap_or_default(),
            authors: e
                .authors
                .iter()
                .zip(self.public_author_names(e))
                .map(|(a, name)| AuthorView {
                    name,
                    // A position ("Chủ tịch UBND xã …") identifies a person as
                    // surely as a name: without consent neither is published.
                    position: if a.consent { a.position.clone().unwrap_or_default() } else { String::new() },
                    unit: self.unit_link(&a.unit),
                    share: a.share,
                })
                .collect(),
            first_applied: e.first_applied.to_string(),
            trial: e.trial,
            year: e.year,
            year_url: urls::term(Kind::Year, &e.year.to_string()),
            level,
            recognition: e
                .recognition
                .iter()
                .map(|r| RecognitionView {
                    level: self.level_link(&r.level),
                    kind_label: l.enum_label("recognition", &r.kind),
                    council: r.council.clone().unwrap_or_default(),
                    scope_phrase: r.scope_phrase.clone().unwrap_or_default(),
                    decision: decision_view(&r.decision),
                })
                .collect(),
            awards: e
                .awards
                .iter()
                .map(|a| AwardView {
                    form_label: l.enum_label("award", &a.form),
                    recipient: a.recipient.clone().unwrap_or_default(),
                    decision: decision_view(&a.decision),
                })
                .collect(),
            benefits: BenefitsView {
                by_author: e.benefits.by_author.clone(),
                by_adopters: e.benefits.by_adopters.clone().unwrap_or_default(),
                metrics: e.benefits.metrics.clone(),
            },
            key_figure: self.key_figure(e),
            application_conditions: e.application_conditions.clone().unwrap_or_default(),
            status: enum_id(&e.status),
            status_label: l.enum_label("status", &e.status),
            ready_to_replicate: e.ready_to_replicate,
            replications: e
                .replications
                .iter()
                .map(|r| ReplicationView {
                    unit: self.unit_link(&r.unit),
                    province: self.province_link(&r.unit),
                    date: r.date.to_string(),
                    document: r.document.clone().unwrap_or_default(),
                    outcome: r.outcome.clone().unwrap_or_default(),
                    status: enum_id(&r.status),
                    status_label: l.enum_label("status", &r.status),
                })
                .collect(),
            featured: e.featured.as_ref().map(|f| FeaturedView {
                rank: f.rank,
                label: f.label.clone().unwrap_or_else(|| l.get("featured_default_label")),
            }),
            contact: e
                .contact
                .as_ref()
                .map(|c| ContactView { unit: self.unit_link(&c.unit), channel: c.channel.clone() }),
            images: e
                .images
                .iter()
                .map(|i| ImageView {
                    url: media_url(&i.path),
                    alt: i.alt.clone(),
                    caption: i.caption.clone().unwrap_or_default(),
                })
                .collect(),
            attachments: e
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    title: a.title.clone(),
                    url: media_url(&a.path),
                    kind_label: l.enum_label("attachment", &a.kind),
                })
                .collect(),
            related: e.related.iter().filter_map(|id| self.lib.get(id)).map(|r| self.card(r)).collect(),
            similar: Vec::new(),
            media_coverage: e
                .media_coverage
                .iter()
                .map(|m| MediaView {
                    outlet: m.outlet.clone(),
                    title: m.title.clone(),
                    url: safe_external_url(&m.url),
                    date: m.date.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            source_url: source.0,
            history_url: source.1,
            added: dates.0.map(|d| d.to_string()).unwrap_or_default(),
            updated: dates.1.map(|d| d.to_string()).unwrap_or_default(),
            body_html: body_html.to_string(),
            toc: body.toc.clone(),
            citation: self.citation(e),
        }
    }

    /// The similar models of entry `i` as the page shows them (other units, not already in
    /// `related`): a card and the similarity in words, "rất giống", "tương tự" or "có nét
    /// tương đồng" (see [`crate::similar::Degree`]).
    pub fn similar(&self, similar: &crate::similar::Similar, i: usize) -> Vec<SimilarCard> {
        similar
            .on_page(self.lib, i)
            .map(|s| {
                let degree = crate::similar::Degree::of(s.cosine).id();
                SimilarCard {
                    card: self.card(&self.lib.entries[s.entry]),
                    degree,
                    label: self.labels.get(&format!("similar_{degree}")),
                }
            })
            .collect()
    }

    /// Press-style citations (DOMAIN §4.3), with decision dates written by
    /// the padding rule of Nghị định 30/2020.
    pub fn citation(&self, e: &Entry) -> CitationView {
        let names = self.public_author_names(e);
        let rec = e.recognition.iter().max_by_key(|r| (self.lib.vocab.level_rank(&r.level), r.decision.date));
        let unit = self.lib.vocab.unit(&e.owner_unit).map_or(e.owner_unit.clone(), |u| u.name.clone());
        let first = e.authors.first();
        let lead = match (first, names.first()) {
            (Some(a), Some(n)) if a.consent => {
                format!("{}{}", a.position.as_deref().map(|p| format!("{} ", lower_first(p))).unwrap_or_default(), n)
            }
            (_, Some(n)) => n.clone(),
            _ => String::new(),
        };
        let lead = if e.authors.len() > 1 { format!("{lead} và cộng sự") } else { lead };
        let permalink = self.config.abs_url(&urls::permalink(&e.id));
        let (inline, full) = match rec {
            Some(r) => {
                let scope = self.scope_words(r);
                let d = &r.decision;
                (
                    format!(
                        "Sáng kiến “{}” của {lead}, {unit}, được {} công nhận {scope} tại Quyết định số {} ngày {}.",
                        e.title,
                        d.issuer,
                        d.number.0,
                        d.date.vi_decree()
                    ),
                    format!(
                        "{} ({}). {}. Sáng kiến được công nhận {scope} theo Quyết định số {} ngày {} của {}. {}, mã {}. {permalink}",
                        names.join(", "),
                        e.year,
                        e.title,
                        d.number.0,
                        d.date.vi_decree(),
                        d.issuer,
                        self.config.title,
                        e.id
                    ),
                )
            }
            None => (String::new(), String::new()),
        };
        CitationView { inline, full, permalink }
    }

    fn scope_words(&self, r: &Recognition) -> String {
        if let Some(s) = r.scope_phrase.as_deref().filter(|s| !s.is_empty()) {
            return s.to_string();
        }
        let name = self.lib.vocab.levels.iter().find(|t| t.id == r.level).map_or(r.level.clone(), |t| t.name.clone());
        lower_first(&name)
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "Thời gian cấp bản sao: 2 → 0,5 ngày".
pub fn format_metric(m: &Metric) -> String {
    match m.before {
        Some(b) => format!("{}: {} → {} {}", m.indicator, number_vi(b), number_vi(m.after), m.unit),
        None => format!("{}: {} {}", m.indicator, number_vi(m.after), m.unit),
    }
}

/// The site path of a media file named in an entry (`media/x.png` or `x.png`).
pub fn media_url(path: &str) -> String {
    crate::content::checks::safe_media_path(path).map(|p| crate::diagnostics::slash_path(&p)).unwrap_or_default()
}

/// External links from content keep only http(s) URLs.
pub fn safe_external_url(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        url.trim().to_string()
    } else {
        String::new()
    }
}

fn decision_view(d: &Decision) -> DecisionView {
    DecisionView {
        number: d.number.0.clone(),
        date: d.date.to_string(),
        issuer: d.issuer.clone(),
        title: d.title.clone().unwrap_or_default(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    pub id: String,
    pub url: String,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    pub permalink: String,
    pub fictional: bool,
    pub solution_types: Vec<String>,
    pub field_of_application: String,
    pub fields: Vec<Link>,
    pub movements: Vec<Link>,
    pub tags: Vec<String>,
    pub unit: Link,
    pub province: Link,
    pub unit_at_recognition: String,
    pub authors: Vec<AuthorView>,
    pub first_applied: String,
    pub trial: bool,
    pub year: i32,
    pub year_url: String,
    pub level: Link,
    pub recognition: Vec<RecognitionView>,
    pub awards: Vec<AwardView>,
    pub benefits: BenefitsView,
    pub key_figure: String,
    pub application_conditions: String,
    pub status: String,
    pub status_label: String,
    pub ready_to_replicate: bool,
    pub replications: Vec<ReplicationView>,
    pub featured: Option<FeaturedView>,
    pub contact: Option<ContactView>,
    pub images: Vec<ImageView>,
    pub attachments: Vec<AttachmentView>,
    pub related: Vec<Card>,
    /// Similar models from other units, best first (filled by the site from the build's
    /// similarity; see [`Views::similar`]).
    pub similar: Vec<SimilarCard>,
    pub media_coverage: Vec<MediaView>,
    /// The entry's file and its history on the repository web site (or empty).
    pub source_url: String,
    pub history_url: String,
    pub added: String,
    pub updated: String,
    pub body_html: String,
    pub toc: Vec<crate::markdown::TocItem>,
    pub citation: CitationView,
}

/// A similar model on an entry page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SimilarCard {
    pub card: Card,
    /// `very`, `close` or `some` (see [`crate::similar::Degree`]).
    pub degree: &'static str,
    /// The degree in words: "Rất giống", "Tương tự", "Có nét tương đồng".
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuthorView {
    pub name: String,
    pub position: String,
    pub unit: Link,
    pub share: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecognitionView {
    pub level: Link,
    pub kind_label: String,
    pub council: String,
    pub scope_phrase: String,
    pub decision: DecisionView,
}

#[derive(Debug, Clone, Serialize)]
pub struct AwardView {
    pub form_label: String,
    pub recipient: String,
    pub decision: DecisionView,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenefitsView {
    pub by_author: String,
    pub by_adopters: String,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReplicationView {
    pub unit: Link,
    pub province: Link,
    pub date: String,
    pub document: String,
    pub outcome: String,
    pub status: String,
    pub status_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeaturedView {
    pub rank: u32,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub unit: Link,
    pub channel: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub caption: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub url: String,
    pub kind_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MediaView {
    pub outlet: String,
    pub title: String,
    pub url: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CitationView {
    pub inline: String,
    pub full: String,
    pub permalink: String,
}
