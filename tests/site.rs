//! The bank builds: the sample bank into a temporary folder, checked page
//! by page (issue "The bank builds").

mod common;

use common::*;
use sangkien::build::{self, Failure, Quiet};

#[test]
fn every_entry_has_a_page_and_a_permanent_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let outcome = build_ok(&sample(), &out);
    let sources: Vec<_> = std::fs::read_dir(sample().join("sang-kien")).unwrap().collect();
    assert!(outcome.entries >= 40, "the sample bank has at least 40 entries");
    assert_eq!(outcome.entries, sources.len());
    let files = read_tree(&out);
    for src in sources {
        let id = src.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned();
        let permalink = format!("s/{id}/index.html");
        let html =
            String::from_utf8(files.get(&permalink).unwrap_or_else(|| panic!("no {permalink}")).clone()).unwrap();
        let target =
            links(&html).into_iter().find(|l| l.contains("sang-kien/") && !l.contains("://")).expect("redirect target");
        let page = resolve_link(&permalink, &target).unwrap();
        let entry = String::from_utf8(files[&page].clone()).unwrap();
        assert!(entry.contains(&id), "{page} shows the id {id}");
    }
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_ok(&sample(), &out);
    let files = read_tree(&out);
    let mut checked = 0;
    let mut broken = Vec::new();
    for (path, bytes) in &files {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            if let Some(target) = resolve_link(path, &link) {
                checked += 1;
                if !files.contains_key(&target) {
                    broken.push(format!("{path} → {link} ({target})"));
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
    assert!(broken.is_empty(), "{} broken links:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn feed_and_sitemap_are_xml_and_list_every_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let outcome = build_ok(&sample(), &out);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    let locs: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    let base = locs[0]; // the home page comes first
    let entry_locs = locs.iter().filter(|l| l.strip_prefix(base).is_some_and(|p| p.starts_with("sang-kien/"))).count();
    assert_eq!(entry_locs, outcome.entries);
    assert!(locs.iter().all(|l| l.starts_with("https://")));
    // Every page a reader can land on is listed: all pages of the site but
    // redirects (permanent links, aliases), embeddable cards and the 404.
    let listed: std::collections::BTreeSet<String> =
        locs.iter().map(|l| format!("{}index.html", l.strip_prefix(base).unwrap())).collect();
    let pages: Vec<String> = read_tree(&out)
        .into_iter()
        .filter(|(path, html)| {
            path.ends_with("index.html")
                && !path.contains("/nhung/")
                && !String::from_utf8_lossy(html).contains("http-equiv=\"refresh\"")
        })
        .map(|(path, _)| path)
        .collect();
    let missing: Vec<&String> = pages.iter().filter(|p| !listed.contains(*p)).collect();
    assert!(missing.is_empty(), "pages missing from the sitemap: {missing:?}");
    for wanted in ["moi-cap-nhat/index.html", "nhat-ky/index.html", "dien-hinh-tieu-bieu/index.html"] {
        assert!(listed.contains(wanted), "{wanted} in the sitemap");
    }

    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("feed is XML");
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .flat_map(|e| e.children().filter(|c| c.has_tag_name("id")).filter_map(|c| c.text()))
        .collect();
    assert_eq!(ids.len(), outcome.entries.min(30), "the feed lists the newest entries (all of a small bank)");
    assert!(ids.iter().all(|id| id.contains("/s/")), "feed ids are permanent links");
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    build_ok(&sample(), &tmp.path().join("a"));
    build_ok(&sample(), &tmp.path().join("b"));
    let a = read_tree(&tmp.path().join("a"));
    let b = read_tree(&tmp.path().join("b"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

/// Copies the sample bank (content and themes) to `root`, creating the files
/// in reverse path order when `reverse`, and dating every file `mtime`.
fn copy_bank(root: &std::path::Path, reverse: bool, mtime: std::time::SystemTime) {
    let mut files = Vec::new();
    for (from, name) in [(sample(), "content"), (repo().join("themes"), "themes")] {
        for item in walkdir::WalkDir::new(&from).sort_by_file_name() {
            let item = item.unwrap();
            if item.file_type().is_file() {
                let rel = item.path().strip_prefix(&from).unwrap().to_path_buf();
                files.push((item.path().to_path_buf(), root.join(name).join(rel)));
            }
        }
    }
    if reverse {
        files.reverse();
    }
    for (from, to) in files {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(&to, std::fs::read(&from).unwrap()).unwrap();
        std::fs::File::options().write(true).open(&to).unwrap().set_modified(mtime).unwrap();
    }
}

/// Asserts two output trees hold the same files with the same bytes.
fn assert_same_tree(a: &std::path::Path, b: &std::path::Path, what: &str) {
    let (ta, tb) = (read_tree(a), read_tree(b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>(), "{what}: the file lists differ");
    for (k, v) in &ta {
        assert!(v == &tb[k], "{what}: {k} differs");
    }
}

#[test]
fn the_output_depends_on_the_content_alone() {
    // Two copies of the bank at different paths (one deep, with diacritics),
    // files created in opposite orders, with different modification times.
    let (tmp_a, tmp_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let a = tmp_a.path().join("a");
    let b = tmp_b.path().join("mot/thu-muc/sâu hơn/ngân-hàng");
    copy_bank(&a, false, std::time::SystemTime::now());
    copy_bank(&b, true, std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000));

    // Built by the binary with different working folders, relative and
    // absolute paths, thread counts, time zones, locales and build epochs.
    let run = |dir: &std::path::Path, content: &std::path::Path, out: &std::path::Path, env: &[(&str, &str)]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_sangkien"));
        c.current_dir(dir).arg("build").arg("--content").arg(content).arg("--out").arg(out);
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let env_a = [("RAYON_NUM_THREADS", "1"), ("TZ", "UTC"), ("LC_ALL", "C"), ("SOURCE_DATE_EPOCH", "0")];
    run(&a, "content".as_ref(), "public".as_ref(), &env_a);
    let env_b = [
        ("RAYON_NUM_THREADS", "3"),
        ("TZ", "Asia/Ho_Chi_Minh"),
        ("LC_ALL", "vi_VN.UTF-8"),
        ("SOURCE_DATE_EPOCH", "1893456000"),
    ];
    run(tmp_b.path(), &b.join("content"), &b.join("public"), &env_b);
    assert_same_tree(&a.join("public"), &b.join("public"), "two copies of the bank");

    // The clock: the build reads it once, as "today" for the future-date
    // check. A build that believes it is 2040 writes the same site.
    let mut opts = options(&a.join("content"), &a.join("public-2040"));
    opts.today = sangkien::content::Date::parse("2040-01-01").unwrap();
    build::build(&opts, &Quiet).unwrap();
    assert_same_tree(&a.join("public"), &a.join("public-2040"), "builds on different days");

    // Nor does the machine leak in: no build folder, no date of the build.
    let today = sangkien::content::Date::today();
    let mut content = Vec::new();
    for bytes in read_tree(&a.join("content")).into_values().chain(read_tree(&a.join("themes")).into_values()) {
        content.extend(bytes);
    }
    let content = String::from_utf8_lossy(&content);
    let mut leaks = vec![a.display().to_string(), tmp_a.path().display().to_string()];
    leaks.extend([today.to_string(), today.vi()].into_iter().filter(|d| !content.contains(d.as_str())));
    for (path, bytes) in read_tree(&a.join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        for leak in &leaks {
            assert!(!text.contains(leak.as_str()), "{path} contains `{leak}`");
        }
    }
}

#[test]
fn a_broken_entry_fails_the_build_and_keeps_the_previous_site() {
    let bank = Bank::copy_of_sample();
    build_ok(&bank.content(), &bank.out());
    let before = read_tree(&bank.out());
    // Break one entry: a contribution share that is not a number.
    let file = std::fs::read_dir(bank.content().join("sang-kien")).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("first_applied:", "first_applied: 2025-02-30\nfirst_applied_typo:", 1);
    std::fs::write(&file, &broken).unwrap();
    let err = build::build(&options(&bank.content(), &bank.out()), &Quiet).expect_err("the build must fail");
    let Failure::Content(report) = err else { panic!("expected content errors") };
    let rel = format!("sang-kien/{}", file.file_name().unwrap().to_string_lossy());
    let line = broken.lines().position(|l| l.starts_with("first_applied_typo:")).unwrap() + 1;
    let d = report.diagnostics.iter().find(|d| d.code == "unknown-key").expect("unknown key reported");
    assert_eq!(sangkien::diagnostics::slash_path(&d.file), rel);
    assert_eq!(d.line, line);
    assert_eq!(d.field.as_deref(), Some("first_applied_typo"));
    // All problems at once: the impossible date is reported with the typo.
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code == "invalid-value" && d.field.as_deref() == Some("first_applied")));
    assert_eq!(read_tree(&bank.out()), before, "the previous output is untouched");
}

#[test]
fn links_work_under_a_sub_path_base_url() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let mut opts = options(&sample(), &out);
    opts.base_url = Some("https://example.gov.vn/sang-kien/".into());
    build::build(&opts, &Quiet).unwrap();
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("https://example.gov.vn/sang-kien/"), "canonical uses the sub-path");
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(links(&not_found).iter().any(|l| l.starts_with("/sang-kien/")), "404 links are rooted at the sub-path");
}

#[test]
fn authors_without_consent_are_published_without_name_or_position() {
    let bank = Bank::copy_of_sample();
    // The same person is an author of two entries; withdraw consent in both.
    for id in ["CB-2025-0001", "CB-2025-0003"] {
        let file = bank.content().join(format!("sang-kien/{id}.md"));
        let text = std::fs::read_to_string(&file).unwrap();
        let hidden = text.replacen("{ name: \"Hoàng Văn Thử\",", "{ consent: false, name: \"Hoàng Văn Thử\",", 1);
        assert_ne!(hidden, text, "{id} has the author line this test edits");
        std::fs::write(&file, hidden).unwrap();
    }
    build_ok(&bank.content(), &bank.out());
    for (path, bytes) in read_tree(&bank.out()) {
        let page = String::from_utf8_lossy(&bytes);
        assert!(!page.contains("Hoàng Văn Thử"), "{path} publishes the name");
        // Another entry's author holds the same position, so only this entry's page is checked for it.
        if path == "sang-kien/so-hoa-so-ho-tich-giay/index.html" {
            assert!(!page.contains("Bí thư Đoàn xã"), "{path} publishes the position");
        }
    }
}

/// Provinces have communes of the same name ("Xã Thanh Sơn" is in several):
/// lists sorted by name must still come out in one order, whatever order the
/// units were met in (the search's unit facet met them in a hash map's order).
#[test]
fn units_of_the_same_name_are_listed_in_one_order() {
    let bank = Bank::copy_of_sample();
    let units_file = bank.content().join("units.yaml");
    let mut units: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&units_file).unwrap()).unwrap();
    // One unit owning entries in each province gets the same name.
    let mut owners = std::collections::BTreeMap::new();
    for (path, bytes) in read_tree(&bank.content().join("sang-kien")) {
        let text = String::from_utf8(bytes).unwrap();
        let owner = text.lines().find_map(|l| l.strip_prefix("owner_unit: ")).unwrap_or_else(|| panic!("{path}"));
        if let Some((province, _)) = owner.split_once('/') {
            owners.entry(province.to_string()).or_insert(owner.to_string());
        }
    }
    assert!(owners.len() >= 4, "the sample has owners in {} provinces", owners.len());
    let renamed: Vec<&String> = owners.values().collect();
    for unit in units.as_sequence_mut().unwrap() {
        if renamed.iter().any(|id| unit["id"].as_str() == Some(id.as_str())) {
            unit["name"] = "Xã Thanh Sơn".into();
            if let Some(map) = unit.as_mapping_mut() {
                map.remove("short_name");
            }
        }
    }
    std::fs::write(&units_file, serde_yaml::to_string(&units).unwrap()).unwrap();
    build_ok(&bank.content(), &bank.out());

    let search = bank.out().join("search");
    let meta: serde_json::Value = serde_json::from_slice(&std::fs::read(search.join("meta.json")).unwrap()).unwrap();
    let build = meta["build"].as_str().unwrap();
    let facet = meta["facets"].as_array().unwrap().iter().find(|f| f["key"] == "don-vi").unwrap();
    let values: Vec<serde_json::Value> = match facet["file"].as_str() {
        Some(file) => serde_json::from_slice(&std::fs::read(search.join(build).join(file)).unwrap()).unwrap(),
        None => facet["values"].as_array().unwrap().clone(),
    };
    let namesakes: Vec<&str> =
        values.iter().filter(|v| v[1] == "Xã Thanh Sơn").map(|v| v[0].as_str().unwrap()).collect();
    assert_eq!(namesakes.len(), renamed.len(), "{values:?}");
    assert!(namesakes.windows(2).all(|w| w[0] < w[1]), "namesakes out of id order: {namesakes:?}");
}
