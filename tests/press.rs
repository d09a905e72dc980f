//! For the press (issue "For the press: permanent links, ready citations,
//! featured collection, share images, open data, embeds"): the sample bank
//! built once, and every expected value read independently from the
//! content files with serde_yaml.
//!
//! The citation downloads are read by real parsers through Node
//! (tests/press/check.mjs: citeproc-js with the bundled APA style and
//! Vietnamese locale, @retorquere/bibtex-parser, citation.js's RIS plugin).
//! Install them with `npm ci --prefix tests/press`; without Node or those
//! packages the three parser tests print a notice and pass.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;
use serde_yaml::Value as Y;

const BASE: &str = "https://example.gov.vn/sang-kien/";

/// The sample bank, built once for all tests of this file.
fn site() -> &'static (PathBuf, BTreeMap<String, Vec<u8>>) {
    static SITE: OnceLock<(PathBuf, BTreeMap<String, Vec<u8>>)> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("press-site");
        build_ok(&sample(), &out);
        let files = read_tree(&out);
        (out, files)
    })
}

fn text(path: &str) -> String {
    let bytes = site().1.get(path).unwrap_or_else(|| panic!("no {path} in the built site"));
    String::from_utf8(bytes.clone()).unwrap()
}

/// One entry's frontmatter, read straight from its file.
struct Src {
    id: String,
    y: Y,
}

impl Src {
    fn s(&self, key: &str) -> String {
        str_of(&self.y[key])
    }
}

fn str_of(v: &Y) -> String {
    match v {
        Y::String(s) => s.clone(),
        Y::Number(n) => n.to_string(),
        Y::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn yaml_file(path: &Path) -> Y {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn entries() -> &'static Vec<Src> {
    static E: OnceLock<Vec<Src>> = OnceLock::new();
    E.get_or_init(|| {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(sample().join("sang-kien")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let raw = std::fs::read_to_string(p).unwrap();
                let fm = raw.trim_start_matches('\u{feff}').split("\n---").next().unwrap().trim_start_matches("---");
                let y: Y = serde_yaml::from_str(fm).unwrap();
                Src { id: str_of(&y["id"]), y }
            })
            .collect()
    })
}

/// Unit id → (name, parent).
fn units() -> BTreeMap<String, (String, Option<String>)> {
    let y = yaml_file(&sample().join("units.yaml"));
    y.as_sequence()
        .unwrap()
        .iter()
        .map(|u| {
            let parent = u["parent"].as_str().map(str::to_string);
            (str_of(&u["id"]), (str_of(&u["name"]), parent))
        })
        .collect()
}

fn names(file: &str) -> BTreeMap<String, String> {
    yaml_file(&sample().join(file))
        .as_sequence()
        .unwrap()
        .iter()
        .map(|t| (str_of(&t["id"]), str_of(&t["name"])))
        .collect()
}

fn level_rank() -> Vec<String> {
    yaml_file(&sample().join("levels.yaml")).as_sequence().unwrap().iter().map(|t| str_of(&t["id"])).collect()
}

/// (consenting names, hidden names) of an entry.
fn authors(e: &Src) -> (Vec<String>, Vec<String>) {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    for a in e.y["authors"].as_sequence().unwrap() {
        if a["consent"].as_bool() == Some(false) {
            hidden.push(str_of(&a["name"]));
        } else {
            shown.push(str_of(&a["name"]));
        }
    }
    (shown, hidden)
}

/// The decision a citation names: highest level, latest among equals.
fn cited_decision(e: &Src) -> Y {
    let rank = level_rank();
    let recs = e.y["recognition"].as_sequence().unwrap();
    recs.iter()
        .max_by_key(|r| (rank.iter().position(|l| *l == str_of(&r["level"])), str_of(&r["decision"]["date"])))
        .unwrap()["decision"]
        .clone()
}

/// `2026-03-05` → `05/3/2026` (Nghị định 30/2020).
fn nd30(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    let m: u32 = p[1].parse().unwrap();
    if m <= 2 {
        format!("{}/{}/{}", p[2], p[1], p[0])
    } else {
        format!("{}/{m}/{}", p[2], p[0])
    }
}

/// Vietnamese number style: `18.650`, `0,5`.
fn vi_number(v: &Y) -> String {
    let f = v.as_f64().unwrap();
    let s = if f.fract() == 0.0 { format!("{}", f as i64) } else { format!("{f}") };
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (k, c) in digits.iter().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(*c);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

/// The key metric: the one marked `key`, else the first.
fn key_metric(e: &Src) -> Option<Y> {
    let metrics = e.y["benefits"]["metrics"].as_sequence()?;
    metrics.iter().find(|m| m["key"].as_bool() == Some(true)).or(metrics.first()).cloned()
}

/// The path of an entry's page, found by its id (independently of slugs).
fn page_of(id: &str) -> String {
    let needle = format!("<span class=\"entry-id\">{id}</span>");
    site()
        .1
        .iter()
        .find(|(p, b)| p.starts_with("sang-kien/") && String::from_utf8_lossy(b).contains(&needle))
        .map(|(p, _)| p.clone())
        .unwrap_or_else(|| panic!("no page shows {id}"))
}

fn attr_after<'a>(html: &'a str, marker: &str, attr: &str) -> Option<&'a str> {
    let i = html.find(marker)?;
    let rest = &html[i..];
    let j = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    let end = rest[j..].find('"')?;
    Some(&rest[j..j + end])
}

fn meta_content(html: &str, key: &str) -> Option<String> {
    for kind in ["property", "name"] {
        let marker = format!("<meta {kind}=\"{key}\" content=\"");
        if let Some(i) = html.find(&marker) {
            let rest = &html[i + marker.len()..];
            return rest.find('"').map(|e| decode(&rest[..e]));
        }
    }
    None
}

/// The text of the element with `id`, tags removed, entities decoded.
fn element_text(html: &str, id: &str) -> String {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find("</p>").unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    for c in html[open_end..close].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode(&out)
}

// ---- 1. Permanent links ----------------------------------------------------------------------

#[test]
fn permanent_links_and_aliases_redirect_to_the_entry_page() {
    let mut aliases = 0;
    for e in entries() {
        let page = page_of(&e.id);
        let page_url = page.trim_end_matches("index.html");
        let redirect = text(&format!("s/{}/index.html", e.id));
        assert_eq!(attr_after(&redirect, "rel=\"canonical\"", "href"), Some(format!("{BASE}{page_url}").as_str()));
        let target = links(&redirect).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).unwrap();
        assert_eq!(resolve_link(&format!("s/{}/index.html", e.id), &target).unwrap(), page);
        for alias in e.y["aliases"].as_sequence().into_iter().flatten() {
            let from = format!("sang-kien/{}/index.html", str_of(alias));
            let html = text(&from);
            assert!(html.contains("http-equiv=\"refresh\""), "{from} is a redirect");
            let target = links(&html).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).unwrap();
            assert_eq!(resolve_link(&from, &target).unwrap(), page, "{from}");
            assert_eq!(attr_after(&html, "rel=\"canonical\"", "href"), Some(format!("{BASE}{page_url}").as_str()));
            aliases += 1;
        }
        // The entry page names its permanent link.
        assert!(text(&page).contains(&format!("{BASE}s/{}/", e.id)));
    }
    assert!(aliases >= 1, "the sample bank has an alias to test");
}

#[test]
fn the_permanent_link_survives_a_new_title_and_slug() {
    let bank = Bank::copy_of_sample();
    let file = bank.content().join("sang-kien/CB-2025-0001.md");
    let src = std::fs::read_to_string(&file).unwrap();
    let edited = src
        .replace("slug: so-hoa-so-ho-tich-giay\n", "slug: so-hoa-du-lieu-ho-tich\n")
        .replace("aliases: [so-hoa-ho-tich-thanh-mau]", "aliases: [so-hoa-ho-tich-thanh-mau, so-hoa-so-ho-tich-giay]")
        .replace("short_title: Số hóa sổ hộ tịch giấy 1995–2015", "short_title: Số hóa dữ liệu hộ tịch");
    assert_ne!(src, edited, "the sample entry still has the slug this test renames");
    std::fs::write(&file, edited).unwrap();
    build_ok(&bank.content(), &bank.out());
    let read = |p: &str| std::fs::read_to_string(bank.out().join(p)).unwrap();
    for from in [
        "s/CB-2025-0001/index.html",
        "sang-kien/so-hoa-so-ho-tich-giay/index.html",
        "sang-kien/so-hoa-ho-tich-thanh-mau/index.html",
    ] {
        let html = read(from);
        let target = links(&html).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).unwrap();
        assert_eq!(resolve_link(from, &target).unwrap(), "sang-kien/so-hoa-du-lieu-ho-tich/index.html", "{from}");
    }
    assert!(read("sang-kien/so-hoa-du-lieu-ho-tich/index.html").contains("Số hóa dữ liệu hộ tịch"));
    // The files under the permanent folder are still there.
    for f in ["trich-dan.json", "trich-dan.bib", "trich-dan.ris", "anh-chia-se.png", "nhung/index.html"] {
        assert!(bank.out().join("s/CB-2025-0001").join(f).is_file(), "{f}");
    }
}

// ---- 2. Citation block and downloads --------------------------------------------------------

#[test]
fn citation_block_names_title_authors_unit_decision_permalink_and_access_date() {
    let units = units();
    for e in entries() {
        let html = text(&page_of(&e.id));
        let full = element_text(&html, "cite-full");
        let inline = element_text(&html, "cite-inline");
        let d = cited_decision(e);
        let (shown, hidden) = authors(e);
        assert!(full.contains(&e.s("title")), "{}: title in {full}", e.id);
        for n in &shown {
            assert!(full.contains(n.as_str()), "{}: author {n} in {full}", e.id);
        }
        for n in &hidden {
            assert!(!html.contains(n.as_str()), "{}: hidden author {n} on the page", e.id);
        }
        let decision = format!("Quyết định số {} ngày {}", str_of(&d["number"]), nd30(&str_of(&d["date"])));
        assert!(full.contains(&decision), "{}: `{decision}` in {full}", e.id);
        assert!(inline.contains(&decision), "{}: `{decision}` in {inline}", e.id);
        assert!(full.contains(&format!("của {}", str_of(&d["issuer"]))), "{}: issuer", e.id);
        let unit = &units[&e.s("owner_unit")].0;
        assert!(inline.contains(unit.as_str()), "{}: unit {unit} in {inline}", e.id);
        assert!(full.contains(&format!("{BASE}s/{}/", e.id)), "{}: permalink", e.id);
        assert!(full.ends_with("(truy cập ngày [ngày/tháng/năm])."), "{}: access date placeholder: {full}", e.id);
        assert!(html.contains("<span data-access-date>"), "{}", e.id);
        // The three downloads are linked and exist.
        let page = page_of(&e.id);
        for ext in ["json", "bib", "ris"] {
            let link = links(&html).into_iter().find(|l| l.ends_with(&format!("trich-dan.{ext}"))).unwrap();
            assert_eq!(resolve_link(&page, &link).unwrap(), format!("s/{}/trich-dan.{ext}", e.id));
            assert!(site().1.contains_key(&format!("s/{}/trich-dan.{ext}", e.id)));
        }
    }
    // The copy script fills the access date on the reader's machine.
    let js = site()
        .1
        .iter()
        .find(|(p, _)| p.starts_with("assets/copy."))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    assert!(js.contains("data-access-date"));
}

/// What the real parsers read, from tests/press/check.mjs; `None` (with a
/// notice) when Node or its packages are not installed.
fn parsed() -> Option<&'static serde_json::Value> {
    static P: OnceLock<Option<serde_json::Value>> = OnceLock::new();
    P.get_or_init(|| {
        let dir = repo().join("tests/press");
        if !dir.join("node_modules/citeproc").is_dir() {
            println!("NOTICE: skipped: Node packages missing; run `npm ci --prefix tests/press`");
            return None;
        }
        let mut cmd = std::process::Command::new("node");
        cmd.arg(dir.join("check.mjs")).arg(&site().0);
        cmd.args(entries().iter().map(|e| e.id.clone()));
        let out = match cmd.output() {
            Ok(o) => o,
            Err(err) => {
                println!("NOTICE: skipped: cannot run node ({err})");
                return None;
            }
        };
        assert!(out.status.success(), "check.mjs failed:\n{}", String::from_utf8_lossy(&out.stderr));
        Some(serde_json::from_slice(&out.stdout).expect("check.mjs prints JSON"))
    })
    .as_ref()
}

#[test]
fn csl_json_renders_through_citeproc_js_with_apa() {
    let Some(p) = parsed() else { return };
    for e in entries() {
        let csl = &p[&e.id]["csl"];
        let t = csl["text"].as_str().unwrap();
        assert_eq!(csl["errors"], 0, "{}", e.id);
        // citeproc sets straight quotes and apostrophes as typographic ones, as a style should.
        let straight = |s: &str| s.replace(['“', '”'], "\"").replace('’', "'");
        let (shown, _) = authors(e);
        for n in &shown {
            assert!(straight(t).contains(n.as_str()), "{}: author {n} kept whole (literal) in {t}", e.id);
        }
        assert!(straight(t).contains(&straight(&e.s("title"))), "{}: {t}", e.id);
        let year = str_of(&cited_decision_first_date(e))[..4].to_string();
        assert!(t.contains(&format!("({year}")), "{}: year {year} in {t}", e.id);
        assert!(t.contains(&format!("{BASE}s/{}/", e.id)), "{}: URL in {t}", e.id);
    }
}

fn cited_decision_first_date(e: &Src) -> Y {
    e.y["recognition"].as_sequence().unwrap().iter().map(|r| r["decision"]["date"].clone()).min_by_key(str_of).unwrap()
}

#[test]
fn bibtex_parses_with_a_real_parser() {
    let Some(p) = parsed() else { return };
    for e in entries() {
        let b = &p[&e.id]["bibtex"];
        assert_eq!(b["errors"].as_array().unwrap().len(), 0, "{}: {}", e.id, b["errors"]);
        let list = b["entries"].as_array().unwrap();
        assert_eq!(list.len(), 1, "{}", e.id);
        let f = &list[0]["fields"];
        assert_eq!(list[0]["key"], e.id.as_str());
        assert_eq!(f["title"].as_str().map(strip_markup).as_deref(), Some(e.s("title").as_str()), "{}", e.id);
        let names: Vec<String> = f["author"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                a["name"].as_str().map(str::to_string).unwrap_or_else(|| {
                    format!("{} {}", a["lastName"].as_str().unwrap_or(""), a["firstName"].as_str().unwrap_or(""))
                        .trim()
                        .to_string()
                })
            })
            .collect();
        let (shown, _) = authors(e);
        for n in &shown {
            assert!(names.contains(n), "{}: {n} in {names:?}", e.id);
        }
        assert_eq!(f["url"].as_str(), Some(format!("{BASE}s/{}/", e.id).as_str()));
        assert_eq!(
            f["year"].as_str().map(str::to_string),
            Some(e.s("year"))
                .filter(|y| !y.is_empty())
                .or(Some(str_of(&cited_decision_first_date(e))[..4].to_string()))
        );
    }
}

/// Drops HTML markup a BibTeX parser may add for case protection.
fn strip_markup(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn ris_parses_with_a_real_parser() {
    let Some(p) = parsed() else { return };
    for e in entries() {
        let items = p[&e.id]["ris"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", e.id);
        let it = &items[0];
        assert_eq!(it["title"].as_str(), Some(e.s("title").as_str()), "{}", e.id);
        assert_eq!(it["URL"].as_str(), Some(format!("{BASE}s/{}/", e.id).as_str()), "{}", e.id);
        let authors_read = it["author"].to_string();
        let (shown, hidden) = authors(e);
        for n in &shown {
            // RIS names may come back split into family/given parts; every word must be there.
            assert!(n.split_whitespace().all(|w| authors_read.contains(w)), "{}: {n} in {authors_read}", e.id);
        }
        for n in &hidden {
            assert!(!authors_read.contains(n.as_str()));
        }
        let year = it["issued"]["date-parts"][0][0].as_i64().unwrap();
        assert_eq!(year.to_string(), str_of(&cited_decision_first_date(e))[..4]);
    }
}

// ---- 3. Featured collection -----------------------------------------------------------------

fn featured_order() -> Vec<&'static Src> {
    let mut f: Vec<&Src> = entries().iter().filter(|e| !e.y["featured"].is_null()).collect();
    f.sort_by_key(|e| (e.y["featured"]["rank"].as_u64().unwrap(), e.id.clone()));
    f
}

fn ids_in_order(html: &str) -> Vec<String> {
    let marker = "<p class=\"card__id\"><span class=\"visually-hidden\">";
    html.match_indices(marker)
        .map(|(i, _)| {
            let rest = &html[i..];
            let j = rest.find("</span>").unwrap() + 7;
            rest[j..rest.find("</p>").unwrap()].to_string()
        })
        .collect()
}

#[test]
fn featured_page_feed_and_home_follow_the_editorial_order_with_key_figures() {
    let expected: Vec<String> = featured_order().iter().map(|e| e.id.clone()).collect();
    assert!(expected.len() >= 3);
    let page = text("dien-hinh-tieu-bieu/index.html");
    assert_eq!(ids_in_order(&page), expected);
    for e in featured_order() {
        if let Some(m) = key_metric(e) {
            let fig = format!("{}: ", str_of(&m["indicator"]));
            let after = vi_number(&m["after"]);
            let card_start = page.find(&format!("{}</p>", e.id)).unwrap();
            let card = &page[..card_start];
            let card = &card[card.rfind("<article").unwrap()..];
            assert!(
                card.contains("card__figure") && card.contains(&fig) && card.contains(&after),
                "{}: key figure {fig}{after}",
                e.id
            );
        }
    }
    let home = text("index.html");
    let section = &home[home.find("id=\"featured-title\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert_eq!(ids_in_order(section), expected);
    assert!(section.contains("href=\"./dien-hinh-tieu-bieu/\""));
    assert!(section.contains("href=\"./dien-hinh-tieu-bieu/feed.xml\""));

    let feed = text("dien-hinh-tieu-bieu/feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the featured feed is XML");
    let ids: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| e.children().find(|c| c.has_tag_name("id")).unwrap().text().unwrap().to_string())
        .collect();
    let expected_ids: Vec<String> = expected.iter().map(|id| format!("{BASE}s/{id}/")).collect();
    assert_eq!(ids, expected_ids);
}

// ---- 4. Share images and share tags ---------------------------------------------------------

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn every_page_has_open_graph_and_twitter_tags_with_an_existing_image() {
    let files = &site().1;
    let mut pages = 0;
    for (path, bytes) in files {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        if html.contains("http-equiv=\"refresh\"") || path.ends_with("/nhung/index.html") {
            continue; // redirects and embed cards are not shared
        }
        pages += 1;
        for key in ["og:title", "og:url", "og:type", "og:image", "og:image:alt", "twitter:card", "twitter:image"] {
            assert!(meta_content(&html, key).is_some_and(|v| !v.is_empty()), "{path}: {key}");
        }
        assert_eq!(meta_content(&html, "twitter:card").unwrap(), "summary_large_image", "{path}");
        let image = meta_content(&html, "og:image").unwrap();
        let rel = image.strip_prefix(BASE).unwrap_or_else(|| panic!("{path}: og:image {image} is absolute"));
        assert_eq!(png_size(&files[rel]), (1200, 630), "{path}: {rel}");
    }
    assert!(pages > 100, "{pages}");
    for e in entries() {
        let html = text(&page_of(&e.id));
        assert_eq!(meta_content(&html, "og:image").unwrap(), format!("{BASE}s/{}/anh-chia-se.png", e.id));
        assert!(meta_content(&html, "og:image:alt")
            .unwrap()
            .contains(&e.s("short_title").chars().take(10).collect::<String>()));
    }
}

#[test]
fn share_images_differ_per_entry() {
    let files = &site().1;
    let images: BTreeSet<&Vec<u8>> = entries().iter().map(|e| &files[&format!("s/{}/anh-chia-se.png", e.id)]).collect();
    assert_eq!(images.len(), entries().len());
}

// ---- 5. Structured data ---------------------------------------------------------------------

#[test]
fn json_ld_describes_each_entry() {
    let fields = names("fields.yaml");
    let config = yaml_file(&sample().join("config.yaml"));
    for e in entries() {
        let html = text(&page_of(&e.id));
        let open = "<script type=\"application/ld+json\">";
        let start = html.find(open).unwrap() + open.len();
        let body = &html[start..start + html[start..].find("</script>").unwrap()];
        assert!(!body.contains('<') && !body.contains('>') && !body.contains('&'), "{}: escaped", e.id);
        let ld: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "CreativeWork");
        assert_eq!(ld["name"], e.s("title").as_str());
        assert_eq!(ld["identifier"], e.id.as_str());
        assert_eq!(ld["url"], format!("{BASE}s/{}/", e.id).as_str());
        assert_eq!(ld["inLanguage"], "vi");
        assert_eq!(ld["isAccessibleForFree"], true);
        assert_eq!(ld["publisher"]["name"], str_of(&config["owner"]).as_str());
        assert_eq!(ld["datePublished"], str_of(&cited_decision_first_date(e)).as_str());
        let (shown, _) = authors(e);
        let ld_authors: Vec<&str> =
            ld["author"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
        assert_eq!(ld_authors, shown.iter().map(String::as_str).collect::<Vec<_>>(), "{}", e.id);
        assert!(ld["author"].as_array().unwrap().iter().all(|a| a["@type"] == "Person"));
        let about: Vec<&str> = ld["about"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
        for f in e.y["fields"].as_sequence().unwrap() {
            assert!(about.contains(&fields[&str_of(f)].as_str()), "{}: about {f:?}", e.id);
        }
    }
}

// ---- 6. Print -------------------------------------------------------------------------------

#[test]
fn entry_pages_print_with_citation_and_permanent_link() {
    let files = &site().1;
    let css = files
        .iter()
        .find(|(p, _)| p.starts_with("assets/style."))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains("size: A4"));
    assert!(print.contains("attr(data-permalink)"), "the permanent link is printed under the title");
    for hidden in [".share", ".cite--downloads", ".copy-btn"] {
        assert!(print.contains(hidden), "{hidden} hidden in print");
    }
    let citation_rule = &print[print.find(".citation {").unwrap()..];
    assert!(!citation_rule[..citation_rule.find('}').unwrap()].contains("display: none"));
    for e in entries() {
        let html = text(&page_of(&e.id));
        assert!(html.contains(&format!("data-permalink=\"{BASE}s/{}/\"", e.id)));
    }
}

// ---- 7. Open data ---------------------------------------------------------------------------

fn documented_columns() -> Vec<String> {
    let doc = std::fs::read_to_string(repo().join("docs/open-data.md")).unwrap();
    let table = &doc[doc.find("## Columns").unwrap()..doc.find("## JSON format").unwrap()];
    table.lines().filter_map(|l| l.strip_prefix("| `")).map(|l| l[..l.find('`').unwrap()].to_string()).collect()
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let body = &bytes[3..];
    let text = std::str::from_utf8(body).unwrap();
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\r'));
    let mut r = csv::ReaderBuilder::new().terminator(csv::Terminator::CRLF).from_reader(body);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows =
        r.records().map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(str::to_string)).collect()).collect();
    (header, rows)
}

#[test]
fn open_data_csv_matches_the_content_and_the_documentation() {
    let files = &site().1;
    let (header, rows) = read_csv(&files["data/sang-kien.csv"]);
    assert_eq!(header, documented_columns(), "the CSV columns are the ones docs/open-data.md lists");
    assert_eq!(rows.len(), entries().len());
    let units = units();
    for (row, e) in rows.iter().zip(entries()) {
        assert_eq!(row["id"], e.id);
        assert_eq!(row["title"], e.s("title"));
        assert_eq!(row["summary"], e.s("summary"));
        assert_eq!(row["permalink"], format!("{BASE}s/{}/", e.id));
        assert_eq!(row["owner_unit"], e.s("owner_unit"));
        assert_eq!(row["owner_unit_name"], units[&e.s("owner_unit")].0);
        assert_eq!(row["fictional"], e.s("fictional"));
        let d = cited_decision(e);
        assert_eq!(row["decision_number"], str_of(&d["number"]));
        assert_eq!(row["decision_date"], str_of(&d["date"]));
        assert_eq!(row["decision_issuer"], str_of(&d["issuer"]));
        assert_eq!(row["replication_count"], e.y["replications"].as_sequence().map_or(0, Vec::len).to_string());
        let (shown, hidden) = authors(e);
        let listed: Vec<&str> = row["authors"].split("; ").collect();
        for n in &shown {
            assert!(listed.contains(&n.as_str()), "{}: {n}", e.id);
        }
        for n in &hidden {
            assert!(!row["authors"].contains(n.as_str()));
        }
        match key_metric(e) {
            Some(m) => {
                assert_eq!(row["key_indicator"], str_of(&m["indicator"]));
                let after: f64 = row["key_after"].parse().unwrap();
                assert_eq!(after, m["after"].as_f64().unwrap(), "{}", e.id);
            }
            None => assert_eq!(row["key_after"], ""),
        }
        let rank = e.y["featured"]["rank"].as_u64().map(|r| r.to_string()).unwrap_or_default();
        assert_eq!(row["featured_rank"], rank);
    }
}

#[test]
fn per_unit_csv_holds_the_units_and_its_sub_units_entries() {
    let files = &site().1;
    let units = units();
    let under = |unit: &str, ancestor: &str| {
        let mut cur = Some(unit.to_string());
        while let Some(u) = cur {
            if u == ancestor {
                return true;
            }
            cur = units.get(&u).and_then(|x| x.1.clone());
        }
        false
    };
    let mut checked = 0;
    for unit in units.keys() {
        let expected: Vec<&str> =
            entries().iter().filter(|e| under(&e.s("owner_unit"), unit)).map(|e| e.id.as_str()).collect();
        let path = format!("data/don-vi/{unit}.csv");
        // The unit's page links its CSV exactly when there is one.
        let page = String::from_utf8_lossy(&files[&format!("don-vi/{unit}/index.html")]).into_owned();
        let depth = format!("don-vi/{unit}/").matches('/').count();
        let link = format!("href=\"{}{path}\" download", "../".repeat(depth));
        assert_eq!(page.contains(&link), files.contains_key(&path), "don-vi/{unit}/ and {link}");
        match files.get(&path) {
            Some(bytes) => {
                let (header, rows) = read_csv(bytes);
                assert_eq!(header, documented_columns());
                let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
                assert_eq!(ids, expected, "{path}");
                checked += 1;
            }
            None => assert!(expected.is_empty(), "no {path} for {expected:?}"),
        }
    }
    assert!(checked >= 10, "{checked}");
    assert!(files.contains_key("data/don-vi/cao-bang.csv"));
}

#[test]
fn open_data_json_lists_every_entry() {
    let doc: serde_json::Value = serde_json::from_slice(&site().1["data/sang-kien.json"]).unwrap();
    let list = doc["entries"].as_array().unwrap();
    assert_eq!(doc["count"], entries().len());
    assert_eq!(list.len(), entries().len());
    for (j, e) in list.iter().zip(entries()) {
        assert_eq!(j["id"], e.id.as_str());
        assert_eq!(j["title"], e.s("title").as_str());
        assert_eq!(j["recognition"].as_array().unwrap().len(), e.y["recognition"].as_sequence().unwrap().len());
        assert_eq!(
            j["benefits"]["metrics"].as_array().unwrap().len(),
            e.y["benefits"]["metrics"].as_sequence().map_or(0, Vec::len)
        );
    }
}

#[test]
fn hidden_author_names_appear_in_no_output_file() {
    let mut shown_anywhere = BTreeSet::new();
    let mut hidden = BTreeSet::new();
    for e in entries() {
        let (s, h) = authors(e);
        shown_anywhere.extend(s);
        hidden.extend(h);
    }
    let hidden: Vec<String> = hidden.difference(&shown_anywhere).cloned().collect();
    assert!(!hidden.is_empty(), "the sample bank has authors without consent");
    for (path, bytes) in &site().1 {
        if path.ends_with(".png") || path.ends_with(".svg") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for n in &hidden {
            assert!(!text.contains(n.as_str()), "{n} appears in {path}");
        }
    }
}

// ---- 8. Embeds ------------------------------------------------------------------------------

#[test]
fn embed_cards_are_standalone_and_the_snippet_points_at_them() {
    for e in entries() {
        let path = format!("s/{}/nhung/index.html", e.id);
        let card = text(&path);
        assert!(!card.contains("<script"), "{path}: no script");
        assert!(!card.contains("frame-ancestors"), "{path}");
        assert!(!card.contains("<iframe"), "{path}");
        assert!(card.contains(&format!("href=\"{BASE}s/{}/\" target=\"_blank\" rel=\"noopener\"", e.id)));
        let title = e.y["short_title"].as_str().map(str::to_string).unwrap_or_else(|| e.s("title"));
        assert!(card.contains(&crate_escape(&title)), "{path}: title");
        let css = links(&card).into_iter().find(|l| l.contains("assets/embed.")).expect("own stylesheet");
        assert!(site().1.contains_key(&resolve_link(&path, &css).unwrap()));

        let page = text(&page_of(&e.id));
        let start = page.find("<textarea class=\"embed-snippet\"").unwrap();
        let snippet = decode(
            &page[start + page[start..].find('>').unwrap() + 1..start + page[start..].find("</textarea>").unwrap()],
        );
        assert!(snippet.starts_with("<iframe src=\""), "{snippet}");
        assert!(snippet.contains(&format!("src=\"{BASE}s/{}/nhung/\"", e.id)));
        assert!(snippet.contains("title=\"") && snippet.contains("loading=\"lazy\""));
    }
    // Our own pages never frame anything.
    for (path, bytes) in &site().1 {
        if path.ends_with(".html") {
            assert!(!String::from_utf8_lossy(bytes).contains("<iframe"), "{path}");
        }
    }
}

fn crate_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}
