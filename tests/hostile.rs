//! Hostile content: each case is an entry (or file) a pull request could
//! bring, with its expected outcome — rejected with a named diagnostic, or
//! published with its markup escaped. The published cases are also opened
//! in Chromium to check that no script from content runs.

mod common;

use std::path::Path;

use common::*;
use sangkien::build::{self, Failure, Quiet};

/// A valid entry with `extra` frontmatter lines and `body`; `id` must be new.
fn entry(id: &str, title: &str, extra: &str, body: &str) -> String {
    format!(
        "---\nid: {id}\ntitle: {title}\nsummary: Tóm tắt thử nghiệm.\nsolution_types: [giai_phap_tac_nghiep]\nfields: [chuyen-doi-so]\nowner_unit: cao-bang/xa-thanh-mau\nauthors:\n  - {{ name: Người Thử, unit: cao-bang/xa-thanh-mau }}\nfirst_applied: 2025-01-02\nrecognition:\n  - level: co_so\n    decision: {{ number: 1/QĐ-UBND, date: 2025-02-03, issuer: Chủ tịch UBND xã }}\nbenefits:\n  by_author: Có lợi.\nstatus: dang_ap_dung\n{extra}---\n{body}\n"
    )
}

/// Builds the bank with one extra file and returns the error codes reported
/// for that file (empty when the build succeeds).
fn codes_for(rel: &str, bytes: &[u8]) -> (Vec<&'static str>, Vec<String>) {
    let bank = Bank::copy_of_sample();
    let path = bank.content().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    match build::build(&options(&bank.content(), &bank.out()), &Quiet) {
        Ok(o) => (Vec::new(), o.report.diagnostics.iter().map(|d| d.code.to_string()).collect()),
        Err(Failure::Content(r)) => {
            let mine: Vec<&'static str> =
                r.diagnostics.iter().filter(|d| d.file == Path::new(rel)).map(|d| d.code).collect();
            assert!(
                !mine.is_empty(),
                "errors, but none in {rel}:\n{}",
                r.render_human(sangkien::diagnostics::Lang::En)
            );
            (mine, Vec::new())
        }
        Err(Failure::Internal(e)) => panic!("internal failure instead of a diagnostic: {e}"),
    }
}

fn rejected(rel: &str, bytes: &[u8], code: &str) {
    let (errors, _) = codes_for(rel, bytes);
    assert!(errors.contains(&code), "{rel}: expected `{code}`, got {errors:?}");
}

#[test]
fn yaml_alias_bombs_are_refused_quickly() {
    let mut y = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    let mut prev = "a".to_string();
    for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        y.push_str(&format!("{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = n.to_string();
    }
    rejected("sang-kien/CB-2025-9001.md", entry("CB-2025-9001", "Bom", &y, "x").as_bytes(), "yaml-aliases");
}

#[test]
fn deeply_nested_yaml_is_refused() {
    let deep = format!("tags: {}x{}\n", "[".repeat(200), "]".repeat(200));
    rejected("sang-kien/CB-2025-9002.md", entry("CB-2025-9002", "Sâu", &deep, "x").as_bytes(), "too-deep");
}

#[test]
fn a_fifty_megabyte_entry_is_refused_without_reading_it_whole() {
    let mut big = entry("CB-2025-9003", "Lớn", "", "");
    big.push_str(&"Nội dung rất dài. ".repeat(50 * 1024 * 1024 / 20));
    rejected("sang-kien/CB-2025-9003.md", big.as_bytes(), "too-large");
}

#[test]
fn a_megabyte_long_title_is_refused() {
    let title = "Dài ".repeat(250_000);
    rejected("sang-kien/CB-2025-9004.md", entry("CB-2025-9004", &title, "", "x").as_bytes(), "too-large");
}

#[test]
fn binary_files_are_refused_as_entries_and_skipped_elsewhere() {
    let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    rejected("sang-kien/CB-2025-9005.md", &bin, "binary-file");
    let (errors, warnings) = codes_for("sang-kien/anh-chup.png", &bin);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(warnings.iter().any(|w| w == "not-an-entry"), "{warnings:?}");
}

#[test]
fn paths_cannot_escape_the_folders() {
    let cases: [(&str, &str, &str); 6] = [
        ("slug: ../../etc\n", "x", "bad-slug"),
        ("aliases: [../../../tmp/x]\n", "x", "bad-slug"),
        ("slug: \"a\\u0000b\"\n", "x", "bad-slug"),
        ("images: [{ path: ../../../../etc/passwd, alt: x }]\n", "x", "unsafe-path"),
        ("images: [{ path: \"C:\\\\Windows\\\\win.ini\", alt: x }]\n", "x", "unsafe-path"),
        ("attachments: [{ title: x, path: media/../../config.yaml }]\n", "x", "unsafe-path"),
    ];
    for (i, (extra, body, code)) in cases.iter().enumerate() {
        let id = format!("CB-2025-91{i:02}");
        rejected(&format!("sang-kien/{id}.md"), entry(&id, "Đường dẫn", extra, body).as_bytes(), code);
    }
    rejected("sang-kien/x.md", entry("../../x", "Mã", "", "x").as_bytes(), "bad-id");
}

#[test]
fn colliding_output_paths_are_refused() {
    // Same slug but for letter case: the case-insensitive check catches it
    // before two pages could overwrite each other on macOS or Windows.
    rejected(
        "sang-kien/CB-2025-9201.md",
        entry("CB-2025-9201", "Trùng", "slug: so-hoa-so-ho-tich-giay\n", "x").as_bytes(),
        "duplicate-slug",
    );
}

#[cfg(unix)]
#[test]
fn symlinks_pointing_outside_are_skipped() {
    let bank = Bank::copy_of_sample();
    let outside = bank.dir.path().join("secret.md");
    std::fs::write(&outside, entry("CB-2025-9301", "Bí mật", "", "MARKER-BI-MAT-9301")).unwrap();
    std::os::unix::fs::symlink(&outside, bank.content().join("sang-kien/CB-2025-9301.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", bank.content().join("media/passwd.txt")).unwrap();
    let o = build_ok(&bank.content(), &bank.out());
    assert!(o.report.diagnostics.iter().any(|d| d.code == "symlink-skipped"));
    let files = read_tree(&bank.out());
    assert!(!files.keys().any(|k| k.contains("passwd")), "the linked file is not published");
    assert!(!files.values().any(|v| String::from_utf8_lossy(v).contains("MARKER-BI-MAT-9301")));
}

#[test]
fn dangerous_links_and_media_are_refused() {
    rejected(
        "sang-kien/CB-2025-9401.md",
        entry("CB-2025-9401", "Liên kết", "", "[bấm](javascript:window.__pwned=1)").as_bytes(),
        "unsafe-link",
    );
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>"#;
    rejected("media/ban-do.svg", svg, "unsafe-media");
}

/// Entries whose markup must be published escaped or stripped.
pub fn escaped_cases() -> Vec<(String, String)> {
    let payload = "<script>window.__pwned=1</script>";
    vec![
        ("CB-2025-9501".into(), entry("CB-2025-9501", &format!("\"{payload}\""), "", "Bình thường.")),
        (
            "CB-2025-9502".into(),
            entry(
                "CB-2025-9502",
                "Thân bài có HTML",
                "tags: [\"<img src=x onerror=window.__pwned=1>\"]\n",
                "<script>window.__pwned=1</script>\n\n<img src=x onerror=\"window.__pwned=1\"> <iframe src=\"https://example.com\"></iframe>\n\n<a href=\"javascript:window.__pwned=1\">a</a> <div style=\"position:fixed\" onclick=\"window.__pwned=1\">b</div>\n\n<style>body{display:none}</style> <svg onload=\"window.__pwned=1\"></svg> <object data=\"x\"></object>",
            ),
        ),
        (
            "CB-2025-9503".into(),
            entry("CB-2025-9503", "Tóm tắt độc", "short_title: \"'><svg onload=window.__pwned=1>\"\nfield_of_application: \"</textarea><script>window.__pwned=1</script>\"\n", "x"),
        ),
    ]
}

fn hostile_bank() -> Bank {
    let bank = Bank::copy_of_sample();
    for (id, text) in escaped_cases() {
        std::fs::write(bank.content().join(format!("sang-kien/{id}.md")), text).unwrap();
    }
    bank
}

#[test]
fn markup_in_content_is_published_escaped() {
    let bank = hostile_bank();
    build_ok(&bank.content(), &bank.out());
    let files = read_tree(&bank.out());
    let mut pages = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        pages += 1;
        for bad in [
            "window.__pwned",
            "onerror=",
            "onload=",
            "onclick=",
            "<iframe",
            "<object",
            "javascript:",
            "<style",
            "style=\"",
        ] {
            // The payload text may appear escaped (as &lt;script&gt;…), never as markup.
            let unescaped = html.match_indices(bad).any(|(i, _)| {
                let before = &html[..i];
                let tag_open = before.rfind('<').unwrap_or(0);
                let tag_close = before.rfind('>').unwrap_or(0);
                bad.starts_with('<') || (tag_open > tag_close && !before[tag_open..].contains("&lt;"))
            });
            assert!(
                !unescaped || bad == "window.__pwned" && !html.contains("<script>window"),
                "{path} contains `{bad}` as markup"
            );
        }
        assert!(!html.contains("<script>window"), "{path} has a content script");
    }
    assert!(pages > 100);
    let page = files
        .keys()
        .find(|k| k.starts_with("sang-kien/") && String::from_utf8_lossy(&files[*k]).contains("CB-2025-9501"))
        .unwrap();
    assert!(
        String::from_utf8_lossy(&files[page]).contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"),
        "the title is shown as text"
    );
}

#[test]
fn no_content_script_runs_in_a_browser() {
    let has = |c: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {c}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let e2e = repo().join("tests/e2e");
    if !has("chromium") || !has("node") || !e2e.join("node_modules/playwright-core").is_dir() {
        eprintln!("browser check of hostile content skipped: chromium, node or tests/e2e/node_modules missing");
        return;
    }
    let bank = hostile_bank();
    build_ok(&bank.content(), &bank.out());
    let out = std::process::Command::new("node").arg(e2e.join("hostile.mjs")).arg(bank.out()).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("pages checked"), "{stdout}");
}

#[test]
fn every_page_declares_a_policy_without_inline_script() {
    let tmp = tempfile::tempdir().unwrap();
    build_ok(&sample(), &tmp.path().join("public"));
    let files = read_tree(&tmp.path().join("public"));
    let mut pages = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let at =
            html.find("http-equiv=\"Content-Security-Policy\"").unwrap_or_else(|| panic!("{path} declares no CSP"));
        // Attribute values are HTML-escaped ('self' is written &#39;self&#39;); browsers decode them.
        let policy = decode(&html[at..html[at..].find('>').map_or(html.len(), |e| at + e)]);
        assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "{path}: {policy}");
        // Every script a page loads comes from the site itself, as a file.
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            assert!(tag.contains("src=\"") || tag.contains("application/ld+json"), "{path}: inline script {tag}");
            assert!(!tag.contains("://"), "{path}: script from another host {tag}");
        }
        pages += 1;
    }
    assert!(pages > 200, "{pages} pages");
}
