//! The editors' commands: `fmt` (idempotent, changes nothing in a clean
//! bank, restores the canonical form), `new` (next free id; passes `check`
//! once its placeholders are filled), `init` (a bank that checks and builds
//! at once) and `schema` (committed, and in step with the entry reader).

mod common;

use std::path::Path;

use common::*;
use sangkien::content::model::{frontmatter_keys, Frontmatter};
use sangkien::diagnostics::Lang;
use sangkien::editor::{fmt, init, new, schema};
use unicode_normalization::UnicodeNormalization;

fn entry_files(content: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(content.join("sang-kien")).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

#[test]
fn fmt_changes_nothing_in_a_clean_bank() {
    let bank = Bank::copy_of_sample();
    let before = read_tree(&bank.content());
    let (code, out, err) = sangkien(&["fmt", "--check"], bank.dir.path());
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (code, _, err) = sangkien(&["fmt"], bank.dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(read_tree(&bank.content()) == before, "fmt rewrote a file of the clean sample bank");
}

/// Reverses the order of the top-level keys of a frontmatter (each key with
/// the lines under it), a test-side scrambler independent of `fmt`.
fn scramble(text: &str) -> String {
    let (_, rest) = text.split_once("---\n").unwrap();
    let (yaml, body) = rest.split_once("\n---\n").unwrap();
    let mut blocks: Vec<String> = Vec::new();
    for line in yaml.lines() {
        if line.starts_with([' ', '-']) || blocks.is_empty() {
            if blocks.is_empty() {
                blocks.push(String::new());
            }
            let last = blocks.last_mut().unwrap();
            last.push_str(line);
            last.push('\n');
        } else {
            blocks.push(format!("{line}\n"));
        }
    }
    blocks.reverse();
    format!("---\n{}---\n{body}", blocks.concat())
}

#[test]
fn fmt_restores_the_canonical_form_and_is_idempotent() {
    for path in entry_files(&sample()) {
        let clean = std::fs::read_to_string(&path).unwrap();
        let messy: String = format!("\u{feff}{}", scramble(&clean).nfd().collect::<String>().replace('\n', "\r\n"));
        assert_ne!(messy, clean);
        let once = fmt::format_entry(&messy);
        assert_eq!(once.kept_order, None, "{}", path.display());
        assert!(once.text == clean, "{}: fmt did not restore the committed form", path.display());
        assert_eq!(fmt::format_entry(&once.text).text, once.text, "idempotent");
    }
}

#[test]
fn fmt_cli_rewrites_and_check_mode_fails_until_done() {
    let bank = Bank::copy_of_sample();
    let file = bank.content().join("sang-kien/CB-2025-0001.md");
    let clean = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, scramble(&clean).replace('\n', "\r\n")).unwrap();
    let (code, out, _) = sangkien(&["fmt", "--check"], bank.dir.path());
    assert_eq!((code, out.trim()), (1, "content/sang-kien/CB-2025-0001.md"));
    let (code, _, err) = sangkien(&["fmt"], bank.dir.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), clean);
    let (code, _, _) = sangkien(&["fmt", "--check"], bank.dir.path());
    assert_eq!(code, 0);

    // `check --fix` formats first, then checks.
    std::fs::write(&file, format!("\u{feff}{}", scramble(&clean))).unwrap();
    let (code, out, err) = sangkien(&["check", "--fix", "--format", "json"], bank.dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("content/sang-kien/CB-2025-0001.md\n"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("stdout is the JSON report alone");
    assert_eq!(report["errors"], 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), clean);
}

#[test]
fn fmt_leaves_an_unparseable_file_alone_and_says_why() {
    let src = "---\nid: CB-2025-0001\ntitle: a: b\n---\n";
    let f = fmt::format_entry(src);
    assert_eq!(f.text, src);
    assert!(f.kept_order.is_some());
}

/// Replaces every `TODO` placeholder of a new entry with real content.
fn fill(text: &str) -> String {
    let pairs = [
        ("title: \"TODO: tên sáng kiến, đúng như trong quyết định công nhận\"", "title: Sổ tay điện tử hộ tịch"),
        ("solution_types: [TODO]", "solution_types: [giai_phap_tac_nghiep]"),
        ("fields: [TODO]", "fields: [tu-phap-ho-tich]"),
        ("first_applied: TODO", "first_applied: 2025-03-03"),
        ("number: \"TODO: số/QĐ-UBND\"", "number: 12/QĐ-UBND"),
        ("date: TODO", "date: 2025-06-16"),
    ];
    let mut out = text.to_string();
    for (from, to) in pairs {
        assert!(out.contains(from), "the scaffold has no `{from}`");
        out = out.replace(from, to);
    }
    // What remains are quoted text placeholders and body paragraphs.
    let out: Vec<String> = out
        .lines()
        .map(|l| {
            let mut l = l.to_string();
            while let Some(i) = l.find("\"TODO") {
                let end = l[i + 1..].find('"').map_or(l.len(), |j| i + j + 2);
                l = format!("{}\"Nội dung đã điền\"{}", &l[..i], &l[end..]);
            }
            if l.starts_with("TODO:") {
                l = "Nội dung đã điền.".to_string();
            }
            l
        })
        .collect();
    out.join("\n") + "\n"
}

#[test]
fn a_new_entry_gets_the_next_id_and_passes_check_once_filled() {
    let bank = Bank::copy_of_sample();
    let content = bank.content();
    // The highest CB 2025 sequence in the sample, read from the file names.
    let highest = entry_files(&content)
        .iter()
        .filter_map(|p| p.file_stem()?.to_str()?.strip_prefix("CB-2025-")?.parse::<u32>().ok())
        .max()
        .unwrap();
    let (code, out, err) = sangkien(&["new", "--unit", "cao-bang/xa-thanh-mau", "--year", "2025"], bank.dir.path());
    assert_eq!(code, 0, "{err}");
    let id = format!("CB-2025-{:04}", highest + 1);
    let path = content.join(format!("sang-kien/{id}.md"));
    assert_eq!(out.trim(), format!("content/sang-kien/{id}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(&format!("---\nid: {id}\n")));
    for section in ["## Thực trạng trước khi có sáng kiến", "## Nội dung giải pháp", "## Khả năng nhân rộng"]
    {
        assert!(text.contains(section), "{section}");
    }
    assert_eq!(fmt::format_entry(&text).text, text, "a new entry is already formatted");

    // Unfilled, every problem is a placeholder, and there are many.
    let r = report_of(&content);
    assert!(r.errors() >= 10, "{}", r.render_human(Lang::En));
    assert!(r.diagnostics.iter().all(|d| d.code == "placeholder"), "{}", r.render_human(Lang::En));

    std::fs::write(&path, fill(&text)).unwrap();
    let r = report_of(&content);
    assert!(r.diagnostics.is_empty(), "{}", r.render_human(Lang::En));

    // The next one takes the following number.
    let (code, out, _) = sangkien(&["new", "--unit", "cao-bang", "--year", "2025"], bank.dir.path());
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("content/sang-kien/CB-2025-{:04}.md", highest + 2));
}

#[test]
fn new_refuses_unknown_units_and_needs_a_unit_without_a_terminal() {
    let bank = Bank::copy_of_sample();
    let (code, _, err) = sangkien(&["new", "--unit", "cao-bang/xa-thanh-mao"], bank.dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("cao-bang/xa-thanh-mau"), "suggests the close id: {err}");
    let (code, _, err) = sangkien(&["new"], bank.dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--unit"));
}

#[test]
fn init_creates_a_bank_that_checks_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ngan-hang");
    let (code, _, err) = sangkien(&["init", dir.to_str().unwrap(), "--province", "cao-bang"], tmp.path());
    assert_eq!(code, 0, "{err}");
    for f in [".gitignore", ".github/workflows/sangkien.yml", ".gitlab-ci.yml", "content/config.yaml"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let wf = std::fs::read_to_string(dir.join(".github/workflows/sangkien.yml")).unwrap();
    assert_eq!(wf, std::fs::read_to_string(repo().join("docs/ci/github-actions.yml")).unwrap());
    assert!(dir.join("content/sang-kien/CB-2025-0001.md").is_file());

    let content = dir.join("content");
    let r = report_of(&content);
    assert!(r.diagnostics.is_empty(), "{}", r.render_human(Lang::En));
    let (code, _, err) = sangkien(&["check"], &dir);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = sangkien(&["fmt", "--check"], &dir);
    assert_eq!(code, 0, "{err}");
    build_ok(&content, &dir.join("public"));

    // A second init into the same folder refuses to overwrite.
    let (code, _, _) = sangkien(&["init", dir.to_str().unwrap()], tmp.path());
    assert_eq!(code, 2);
    // `new` works in the fresh bank.
    let (code, out, err) = sangkien(&["new", "--unit", "cao-bang", "--year", "2025"], &dir);
    assert_eq!((code, out.trim()), (0, "content/sang-kien/CB-2025-0002.md"), "{err}");
}

#[test]
fn init_preloads_the_34_provincial_units_with_unique_codes() {
    let units = init::provinces();
    assert_eq!(units.len(), 34);
    assert_eq!(units.iter().filter(|u| u.kind.is_province()).count(), 34);
    let cities = ["ha-noi", "hue", "hai-phong", "da-nang", "ho-chi-minh", "can-tho"];
    for u in &units {
        let city = cities.contains(&u.id.as_str());
        assert_eq!(u.name.starts_with("Thành phố"), city, "{}", u.id);
        assert_eq!(serde_json::to_value(u.kind).unwrap() == "thanh_pho_tw", city, "{}", u.id);
    }
    let mut codes: Vec<&str> = units.iter().filter_map(|u| u.code.as_deref()).collect();
    assert_eq!(codes.len(), 34);
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 34, "codes are unique");
    // The codes of the sample bank's ids.
    for (id, code) in [
        ("cao-bang", "CB"),
        ("lang-son", "LS"),
        ("nghe-an", "NA"),
        ("dak-lak", "DL"),
        ("tuyen-quang", "TQ"),
        ("da-nang", "DN"),
    ] {
        let u = units.iter().find(|u| u.id == id).unwrap();
        assert_eq!(u.code.as_deref(), Some(code));
    }
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(repo().join(schema::COMMITTED)).unwrap();
    let generated = schema::render(&schema::entry_schema(None));
    assert!(
        committed == generated,
        "docs/schema/entry.schema.json is stale: run `cargo run -- schema --out docs/schema/entry.schema.json`"
    );
}

#[test]
fn the_schema_lists_the_keys_the_reader_accepts() {
    let s = schema::entry_schema(None);
    let props: Vec<&str> = s["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(props, frontmatter_keys());
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    let desc = s["properties"]["owner_unit"]["description"].as_str().unwrap();
    assert!(desc.contains("Đơn vị chủ quản"), "Vietnamese descriptions: {desc}");
    let kinds: Vec<&str> = s["definitions"]["SolutionType"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["giai_phap_ky_thuat", "giai_phap_quan_ly", "giai_phap_tac_nghiep", "giai_phap_ung_dung_tien_bo_ky_thuat"]
    );
}

#[test]
fn every_sample_entry_reads_as_the_schema_struct() {
    for path in entry_files(&sample()) {
        let text = std::fs::read_to_string(&path).unwrap();
        let yaml = text.split("\n---\n").next().unwrap().trim_start_matches("---\n");
        let r: Result<Frontmatter, _> = sangkien::content::frontmatter::read_yaml_text(yaml);
        assert!(r.is_ok(), "{}: {:?}", path.display(), r.err());
    }
}

#[test]
fn schema_with_content_lists_the_banks_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("s.json");
    let (code, _, err) =
        sangkien(&["schema", "--content", sample().to_str().unwrap(), "--out", out.to_str().unwrap()], tmp.path());
    assert_eq!(code, 0, "{err}");
    let s: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    let units = s["definitions"]["UnitId"]["enum"].as_array().unwrap();
    let yaml = std::fs::read_to_string(sample().join("units.yaml")).unwrap();
    assert_eq!(units.len(), yaml.matches("\n- id: ").count() + usize::from(yaml.starts_with("- id: ")));
    assert!(units.iter().any(|u| u == "cao-bang/xa-thanh-mau"));
    let levels: Vec<&str> =
        s["definitions"]["LevelId"]["enum"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(levels, ["huyen", "co_so", "tinh", "toan_quoc"]);
    assert!(s["definitions"]["FieldId"]["enum"].as_array().unwrap().iter().any(|f| f == "chuyen-doi-so"));
}

#[test]
fn new_entry_text_is_fmt_clean_for_every_plan() {
    let bank = Bank::copy_of_sample();
    let vocab = schema::load_vocab(&bank.content()).unwrap();
    let plan = new::Plan {
        unit: "da-nang".into(),
        year: 2024,
        title: Some("Tên: có \"ngoặc\"".into()),
        field: Some("y-te".into()),
    };
    let path = new::create(&bank.content(), &plan, &vocab).unwrap();
    assert_eq!(path.file_name().unwrap(), "DN-2024-0003.md");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("title: \"Tên: có \\\"ngoặc\\\"\"\n"), "{text}");
    assert_eq!(fmt::format_entry(&text).text, text);
}
