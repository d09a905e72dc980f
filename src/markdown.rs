//! The one Markdown dialect of sangkien, so the renderer, the indexer and
//! the link checker never disagree: CommonMark with tables, footnotes,
//! strikethrough and smart punctuation; `##` headings get ids and form the
//! table of contents; links are checked and rewritten for the page's depth.
//!
//! Safety: pulldown-cmark escapes text, and this module refuses dangerous
//! link schemes itself. Raw HTML written in the Markdown is the only way in
//! for markup, so when a body contains any, the whole output goes through
//! ammonia's allowlist. Bodies without raw HTML — nearly all — skip that
//! (comparatively slow) pass.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A heading of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocItem {
    pub id: String,
    pub title: String,
}

/// A link in the body that points nowhere, with its byte range in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub url: String,
    pub span: Range<usize>,
    pub reason: LinkProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// An internal link to a page, entry or file that does not exist.
    NotFound,
    /// A scheme that could run code (`javascript:`) or smuggle content.
    UnsafeScheme,
    /// An image without alt text.
    NoAlt,
}

/// What the renderer asks about an internal link (one starting with `/`):
/// the path from the site root to link to, or `None` when it is broken.
pub trait LinkResolver {
    fn resolve(&self, path: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> LinkResolver for F {
    fn resolve(&self, path: &str) -> Option<String> {
        self(path)
    }
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Safe HTML.
    pub html: String,
    pub toc: Vec<TocItem>,
    /// Plain text, blocks separated by newlines (for search and similarity);
    /// shared with the search documents instead of copied (a few hundred MB
    /// at 100,000 entries).
    pub text: Arc<str>,
    /// Plain text of the first `## Điều kiện áp dụng` section, which the
    /// ready-to-replicate catalogue lists. Only this section is kept apart:
    /// holding every section's text beside `text` raised the Markdown stage's
    /// peak by about 280 MB at 100,000 entries.
    pub conditions: Option<String>,
    pub broken: Vec<BrokenLink>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Schemes a link in content may use; anything else (javascript:, data:,
/// vbscript:, file:) is dropped.
fn scheme_allowed(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        None => true,
        Some(i) if lower[..i].contains(['/', '?', '#']) => true,
        Some(i) => matches!(&lower[..i], "http" | "https" | "mailto" | "tel"),
    }
}

/// Renders a Markdown body. `root` is the relative path from the page to the
/// site root (`../../`); internal links are rewritten to `root + path`.
pub fn render(body: &str, root: &str, resolver: &dyn LinkResolver) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut has_raw_html = false;
    let mut used_ids: HashSet<String> = HashSet::new();
    // (index of the heading's Start event, level, text so far)
    let mut heading: Option<(usize, HeadingLevel, String)> = None;
    // The text of the conditions section, while inside it.
    let mut section: Option<String> = None;
    let mut image_alt: Option<(usize, String, Range<usize>)> = None;
    let mut text = String::new();

    for (event, span) in Parser::new_ext(body, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = check_url(dest_url, root, resolver, &span, &mut out.broken);
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = check_url(dest_url, root, resolver, &span, &mut out.broken);
                image_alt = Some((events.len(), String::new(), span.clone()));
                Event::Start(Tag::Image { link_type, dest_url, title, id })
            }
            Event::End(TagEnd::Image) => {
                if let Some((_, alt, span)) = image_alt.take() {
                    if alt.trim().is_empty() {
                        out.broken.push(BrokenLink { url: String::new(), span, reason: LinkProblem::NoAlt });
                    }
                }
                Event::End(TagEnd::Image)
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                heading = Some((events.len(), level, String::new()));
                Event::Start(Tag::Heading { level, id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, lvl, title)) = heading.take() {
                    let title = title.trim().to_string();
                    let id = unique_id(&title, &mut used_ids);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    if lvl == HeadingLevel::H2 {
                        out.toc.push(TocItem { id, title: title.clone() });
                        if let Some(s) = section.take() {
                            out.conditions = Some(s);
                        }
                        if out.conditions.is_none() && is_conditions_heading(&title) {
                            section = Some(String::new());
                        }
                    }
                    push_block(&mut text, &title);
                }
                Event::End(TagEnd::Heading(level))
            }
            // Tables scroll inside their own wrapper on narrow screens.
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html(CowStr::from("<div class=\"table-wrap\">")));
                Event::Start(Tag::Table(align))
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                Event::Html(CowStr::from("</div>"))
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                has_raw_html = true;
                Event::Html(h)
            }
            Event::Text(t) => {
                append_text(&t, &mut heading, &mut image_alt, &mut section, &mut text);
                Event::Text(t)
            }
            Event::Code(t) => {
                append_text(&t, &mut heading, &mut image_alt, &mut section, &mut text);
                Event::Code(t)
            }
            Event::SoftBreak | Event::HardBreak => {
                append_text(" ", &mut heading, &mut image_alt, &mut section, &mut text);
                event
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock) => {
                text.push('\n');
                if let Some(s) = &mut section {
                    s.push('\n');
                }
                event
            }
            other => other,
        };
        events.push(event);
    }
    if let Some(s) = section.take() {
        out.conditions = Some(s);
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = if has_raw_html { sanitise(&html) } else { html };
    out.text = Arc::from(text.trim());
    if let Some(s) = &mut out.conditions {
        *s = s.trim().to_string();
    }
    out
}

/// `## Điều kiện áp dụng` and its variants ("Điều kiện cần thiết để áp
/// dụng"), written with or without diacritics.
fn is_conditions_heading(h: &str) -> bool {
    crate::text::fold_diacritics(h).to_lowercase().starts_with("dieu kien")
}

fn append_text(
    t: &str,
    heading: &mut Option<(usize, HeadingLevel, String)>,
    image_alt: &mut Option<(usize, String, Range<usize>)>,
    section: &mut Option<String>,
    text: &mut String,
) {
    if let Some((_, _, h)) = heading {
        h.push_str(t);
        return;
    }
    if let Some((_, alt, _)) = image_alt {
        alt.push_str(t);
    }
    text.push_str(t);
    if let Some(s) = section {
        s.push_str(t);
    }
}

fn push_block(text: &mut String, s: &str) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(s);
    text.push('\n');
}

fn check_url<'a>(
    url: CowStr<'a>,
    root: &str,
    resolver: &dyn LinkResolver,
    span: &Range<usize>,
    broken: &mut Vec<BrokenLink>,
) -> CowStr<'a> {
    if !scheme_allowed(&url) {
        broken.push(BrokenLink { url: url.to_string(), span: span.clone(), reason: LinkProblem::UnsafeScheme });
        return CowStr::from("#");
    }
    if url.starts_with('/') && !url.starts_with("//") {
        let (path, fragment) = match url.find('#') {
            Some(i) => (&url[..i], &url[i..]),
            None => (&url[..], ""),
        };
        return match resolver.resolve(path) {
            Some(target) => CowStr::from(format!("{root}{target}{fragment}")),
            None => {
                broken.push(BrokenLink { url: url.to_string(), span: span.clone(), reason: LinkProblem::NotFound });
                url
            }
        };
    }
    url
}

/// A heading id: the folded slug of its text, made unique on the page.
fn unique_id(title: &str, used: &mut HashSet<String>) -> String {
    let base = match crate::text::slugify(title, 60) {
        s if s.is_empty() => "muc".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The tags raw HTML in a body may keep (the sanitiser's allowlist).
pub const SANITISED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "input",
];

/// The allowlist applied to bodies that contain raw HTML.
pub fn sanitise(html: &str) -> String {
    let tags: HashSet<&str> = SANITISED_TAGS.iter().copied().collect();
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .add_generic_attributes(["id", "title", "lang"])
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("img", ["src", "alt", "title", "width", "height"])
        .add_tag_attributes("td", ["colspan", "rowspan", "align"])
        .add_tag_attributes("th", ["colspan", "rowspan", "align", "scope"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    b.clean(html).to_string()
}

/// Plain text of a Markdown snippet (e.g. a frontmatter field that allows Markdown).
pub fn plain_text(md: &str) -> String {
    let never = |_: &str| None;
    render(md, "", &never).text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(p: &str) -> Option<String> {
        match p {
            "/s/CB-2025-0001/" => Some("sang-kien/so-hoa/".into()),
            "/trang/gioi-thieu/" => Some("trang/gioi-thieu/".into()),
            _ => None,
        }
    }

    #[test]
    fn headings_get_ids_and_toc() {
        let r = render("## Thực trạng\n\nA\n\n## Thực trạng\n\nB\n", "../../", &resolve);
        assert!(r.html.contains("<h2 id=\"thuc-trang\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"thuc-trang-2\">"));
        assert_eq!(r.toc.len(), 2);
    }

    #[test]
    fn the_first_conditions_section_is_kept_apart() {
        let body = "## Thực trạng\n\nA\n\n## Dieu kien ap dung\n\n- Có mạng\n- Có *máy*\n\n### Chi tiết\n\nC\n\n\
                    ## Điều kiện áp dụng\n\nD\n\n## Kết quả\n\nE\n";
        let r = render(body, "../../", &resolve);
        assert_eq!(r.conditions.as_deref(), Some("Có mạng\nCó máy\nC"));
        assert_eq!(render("## Thực trạng\n\nA\n", "../../", &resolve).conditions, None);
    }

    #[test]
    fn internal_links_are_rewritten_and_broken_ones_reported() {
        let r = render("[a](/s/CB-2025-0001/#x) [b](/trang/gioi-thieu/) [c](/s/XX-0000-0000/)", "../../", &resolve);
        assert!(r.html.contains("href=\"../../sang-kien/so-hoa/#x\""), "{}", r.html);
        assert!(r.html.contains("href=\"../../trang/gioi-thieu/\""));
        assert_eq!(r.broken.len(), 1);
        assert_eq!(r.broken[0].url, "/s/XX-0000-0000/");
        assert_eq!(r.broken[0].reason, LinkProblem::NotFound);
    }

    #[test]
    fn dangerous_links_and_raw_html_are_neutralised() {
        let r = render("[x](javascript:alert(1)) <script>alert(1)</script><img src=x onerror=alert(1)>", "", &resolve);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onerror"), "{}", r.html);
        assert_eq!(r.broken[0].reason, LinkProblem::UnsafeScheme);
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nCâu\u{a0}\"trích\"[^1]\n\n[^1]: Chú thích\n", "", &resolve);
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
        assert!(r.html.contains("“trích”"), "{}", r.html);
    }

    #[test]
    fn images_need_alt_text() {
        let r = render("![](/media/a.png)", "", &|_: &str| Some("media/a.png".to_string()));
        assert_eq!(r.broken[0].reason, LinkProblem::NoAlt);
    }
}
