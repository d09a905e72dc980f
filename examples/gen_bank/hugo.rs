//! The same entries as a Hugo site, so that Hugo (and Pagefind on Hugo's
//! output) can be timed on the corpus sangkien builds.
//!
//! The templates are minimal but real, and do work comparable to sangkien's
//! pages: an entry page with its metadata (unit, authors, recognition
//! decisions, metrics, replications, related entries) and rendered body; a
//! redirect page per permanent link `/s/<ID>/` (Hugo aliases); paginated
//! term lists (24 per page; the pager shows the first, last and current ± 2
//! pages, as sangkien's theme does) for the taxonomies
//! linh-vuc, tinh, nam, cap, phong-trao and don-vi; the home page with the
//! featured and newest entries and counts; one RSS feed; the sitemap.
//! Entry pages carry `data-pagefind-body` so that Pagefind indexes entries
//! only, as sangkien's search does.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use rayon::prelude::*;

use super::units::{Unit, PROVINCES};
use super::util::{iso, num, q, vi_date};
use super::{field_name, level_name, movement_name, Entry, ABOUT_MD, CONTRIBUTE_MD};

const HUGO_TOML: &str = r#"baseURL = "https://example.gov.vn/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "Ngân hàng sáng kiến (dữ liệu tổng hợp, {N} sáng kiến)"
paginate = 24
removePathAccents = true
enableRobotsTXT = true
rssLimit = 50
disableKinds = []

[permalinks]
  sang-kien = "/sang-kien/:slug/"
  trang = "/trang/:filename/"

[taxonomies]
  linh-vuc = "linh-vuc"
  tinh = "tinh"
  nam = "nam"
  cap = "cap"
  phong-trao = "phong-trao"
  don-vi = "don-vi"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[params]
  description = "Ngân hàng sáng kiến tổng hợp, hư cấu, do gen-bank sinh ra để đo hiệu năng."
  footer = "Toàn bộ nội dung là dữ liệu tổng hợp, hư cấu, dùng để thử nghiệm phần mềm."
"#;

const BASEOF: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ with .Description }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header class="site">
<a class="brand" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav>
<a href="{{ "/linh-vuc/" | relURL }}">Lĩnh vực</a>
<a href="{{ "/tinh/" | relURL }}">Tỉnh, thành phố</a>
<a href="{{ "/nam/" | relURL }}">Năm</a>
<a href="{{ "/cap/" | relURL }}">Cấp công nhận</a>
<a href="{{ "/phong-trao/" | relURL }}">Phong trào</a>
<a href="{{ "/don-vi/" | relURL }}">Đơn vị</a>
</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>
<p>{{ .Site.Params.footer }}</p>
{{ partialCached "footer-pages.html" . }}
</footer>
</body>
</html>
"#;

const ENTRY: &str = r#"{{ define "main" }}
<article class="entry" data-pagefind-body>
<p class="fictional">Dữ liệu mẫu – hư cấu</p>
<p class="id">{{ .Params.id }}</p>
<h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<dl class="facts">
<dt>Đơn vị chủ quản</dt><dd>{{ range .GetTerms "don-vi" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ with .Params.unit_at_recognition }} <small>(khi công nhận: {{ . }})</small>{{ end }}</dd>
<dt>Tỉnh, thành phố</dt><dd>{{ range .GetTerms "tinh" }}<a href="{{ .RelPermalink }}" data-pagefind-filter="tinh">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Lĩnh vực</dt><dd>{{ range $i, $t := .GetTerms "linh-vuc" }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}" data-pagefind-filter="linh-vuc">{{ $t.LinkTitle }}</a>{{ end }}</dd>
<dt>Năm công nhận</dt><dd>{{ range .GetTerms "nam" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Cấp công nhận</dt><dd>{{ range .GetTerms "cap" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
{{ with .GetTerms "phong-trao" }}<dt>Phong trào thi đua</dt><dd>{{ range $i, $t := . }}{{ if $i }}; {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>{{ end }}
<dt>Loại giải pháp</dt><dd>{{ delimit .Params.solution_types ", " }}</dd>
<dt>Áp dụng lần đầu</dt><dd>{{ .Params.first_applied }}{{ if .Params.trial }} (áp dụng thử){{ end }}</dd>
<dt>Tình trạng</dt><dd>{{ .Params.status }}</dd>
{{ with .Params.tags }}<dt>Từ khóa</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
</dl>
<h2>Tác giả</h2>
<ul class="authors">{{ range .Params.authors }}<li>{{ .name }}{{ with .position }}, {{ . }}{{ end }}{{ with .unit }} – {{ . }}{{ end }}{{ with .share }} ({{ . }}%){{ end }}</li>{{ end }}</ul>
<h2>Quá trình công nhận</h2>
<table class="recognition"><thead><tr><th>Cấp</th><th>Quyết định</th><th>Ngày</th><th>Người ký</th></tr></thead><tbody>
{{ range .Params.recognition }}<tr><td>{{ .level }}</td><td>{{ .number }}{{ with .title }}<br><small>{{ . }}</small>{{ end }}</td><td>{{ .date }}</td><td>{{ .issuer }}</td></tr>
{{ end }}</tbody></table>
{{ with .Params.awards }}<h2>Khen thưởng</h2><ul>{{ range . }}<li>{{ .form }}: {{ .recipient }} – {{ .number }}, {{ .date }}</li>{{ end }}</ul>{{ end }}
<h2>Hiệu quả</h2>
<p>{{ .Params.by_author }}</p>
{{ with .Params.by_adopters }}<p>{{ . }}</p>{{ end }}
{{ with .Params.metrics }}<table class="metrics"><thead><tr><th>Chỉ số</th><th>Trước</th><th>Sau</th><th>Đơn vị</th></tr></thead><tbody>
{{ range . }}<tr{{ if .key }} class="key"{{ end }}><td>{{ .indicator }}{{ with .period }}<br><small>{{ . }}</small>{{ end }}</td><td>{{ .before }}</td><td>{{ .after }}</td><td>{{ .unit }}</td></tr>
{{ end }}</tbody></table>{{ end }}
{{ with .Params.application_conditions }}<h2>Điều kiện áp dụng</h2><p>{{ . }}</p>{{ end }}
<div class="body">
{{ .Content }}
</div>
{{ with .Params.replications }}<h2>Đơn vị đã nhân rộng</h2><ul class="replications">{{ range . }}<li>{{ .unit }} – từ {{ .date }}{{ with .document }} ({{ . }}){{ end }}{{ with .outcome }}: {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.contact }}<h2>Đầu mối liên hệ</h2><p>{{ .unit }}: {{ .channel }}</p>{{ end }}
{{ with .Params.related }}<h2>Sáng kiến liên quan</h2><ul>{{ range . }}<li><a href="{{ .url | relURL }}">{{ .title }}</a> ({{ .id }})</li>{{ end }}</ul>{{ end }}
<p class="permalink">Đường dẫn cố định: <a href="{{ printf "/s/%s/" .Params.id | relURL }}">{{ printf "/s/%s/" .Params.id }}</a></p>
</article>
{{ end }}
"#;

const PAGE: &str = r#"{{ define "main" }}
<article class="page">
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} trang</p>
<ul class="cards">{{ range first 24 .Pages.ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}</ul>
{{ end }}
"#;

const TAXONOMY: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }}</span></li>{{ end }}</ul>
{{ end }}
"#;

const TERM: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="count">{{ len .Pages }} sáng kiến</p>
{{ $pag := .Paginate .Pages.ByDate.Reverse }}
<ul class="cards">{{ range $pag.Pages }}{{ partial "card.html" . }}{{ end }}</ul>
{{ partial "pager.html" . }}
{{ end }}
"#;

const HOME: &str = r#"{{ define "main" }}
{{ $entries := (site.GetPage "/sang-kien").Pages }}
<section class="hero"><h1>{{ .Site.Title }}</h1><p>{{ .Site.Params.description }}</p>
<p class="counts">{{ len $entries }} sáng kiến · {{ len (index .Site.Taxonomies "don-vi") }} đơn vị · {{ len (index .Site.Taxonomies "tinh") }} tỉnh, thành phố · {{ len (index .Site.Taxonomies "linh-vuc") }} lĩnh vực</p></section>
<h2>Mô hình tiêu biểu</h2>
<ul class="cards">{{ range sort (where $entries "Params.featured" "!=" nil) "Params.featured" }}{{ partial "card.html" . }}{{ end }}</ul>
<h2>Mới cập nhật</h2>
<ul class="cards">{{ range first 12 $entries.ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}</ul>
<h2>Theo lĩnh vực</h2>
<ul class="terms">{{ range (index .Site.Taxonomies "linh-vuc").Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }}</span></li>{{ end }}</ul>
<h2>Theo tỉnh, thành phố</h2>
<ul class="terms">{{ range (index .Site.Taxonomies "tinh").Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> <span class="count">{{ .Count }}</span></li>{{ end }}</ul>
{{ end }}
"#;

const CARD: &str = r#"<li class="card"><a href="{{ .RelPermalink }}">{{ .Params.short_title | default .Title }}</a>
<p>{{ .Params.summary }}</p>
<p class="meta">{{ .Params.id }} · {{ .Params.owner }}{{ with .Params.key_metric }} · <strong>{{ . }}</strong>{{ end }}</p></li>
"#;

const PAGER: &str = r#"{{ $p := .Paginator }}{{ if gt $p.TotalPages 1 }}<nav class="pager"><p>Trang {{ $p.PageNumber }} / {{ $p.TotalPages }}</p>{{ with $p.Prev }}<a href="{{ .URL }}" rel="prev">‹</a>{{ end }}{{ range $p.Pagers }}{{ if or (eq .PageNumber 1) (eq .PageNumber $p.TotalPages) (and (ge .PageNumber (sub $p.PageNumber 2)) (le .PageNumber (add $p.PageNumber 2))) }}<a href="{{ .URL }}"{{ if eq .PageNumber $p.PageNumber }} aria-current="page"{{ end }}>{{ .PageNumber }}</a> {{ else if or (eq .PageNumber (sub $p.PageNumber 3)) (eq .PageNumber (add $p.PageNumber 3)) }}… {{ end }}{{ end }}{{ with $p.Next }}<a href="{{ .URL }}" rel="next">›</a>{{ end }}</nav>{{ end }}
"#;

// Rendered once for the whole site (partialCached), not once per page.
const FOOTER_PAGES: &str = r#"{{ with site.GetPage "/trang" }}<ul>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"#;

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem;line-height:1.5}\n\
header.site nav a{margin-right:1rem}.cards{list-style:none;padding:0}.card{border-bottom:1px solid #ddd;padding:.5rem 0}\n\
.meta,.count,small{color:#555}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}\n\
.fictional{background:#fff3cd;padding:.25rem .5rem}.pager a{margin-right:.25rem}\n";

fn status_label(s: &str) -> &'static str {
    match s {
        "dang_nhan_rong" => "Đang nhân rộng",
        "ngung_ap_dung" => "Ngừng áp dụng",
        "thu_hoi_cong_nhan" => "Thu hồi công nhận",
        _ => "Đang áp dụng",
    }
}

fn solution_label(s: &str) -> &'static str {
    match s {
        "giai_phap_ky_thuat" => "Giải pháp kỹ thuật",
        "giai_phap_quan_ly" => "Giải pháp quản lý",
        "giai_phap_tac_nghiep" => "Giải pháp tác nghiệp",
        _ => "Giải pháp ứng dụng tiến bộ kỹ thuật",
    }
}

fn award_label(s: &str) -> &'static str {
    match s {
        "giay_khen" => "Giấy khen",
        "bang_khen_tinh" => "Bằng khen của Chủ tịch UBND tỉnh",
        _ => "Khen thưởng",
    }
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| q(&s)).collect();
    format!("[{}]", v.join(", "))
}

fn key_metric(e: &Entry) -> String {
    let m = e.metrics.iter().find(|m| m.key).unwrap_or(&e.metrics[0]);
    let unit = if m.unit == "%" { "%".to_string() } else { format!(" {}", m.unit) };
    match m.before {
        Some(b) => {
            format!("{}: {}{unit} → {}{unit}", m.indicator, super::util::vi_num(b), super::util::vi_num(m.after))
        }
        None => format!("{}: {}{unit}", m.indicator, super::util::vi_num(m.after)),
    }
}

fn entry_page(e: &Entry, units: &[Unit], entries: &[Entry], index: &HashMap<String, usize>) -> String {
    let mut o = String::with_capacity(e.body.len() + 4096);
    let owner = &units[e.owner];
    let level = e
        .recognition
        .iter()
        .map(|r| r.level)
        .max_by_key(|l| ["huyen", "co_so", "tinh", "toan_quoc"].iter().position(|x| x == l))
        .unwrap_or("co_so");
    let first = e.recognition[0].date;
    o.push_str("---\n");
    let _ = writeln!(o, "title: {}", q(&e.title));
    let _ = writeln!(o, "short_title: {}", q(&e.short_title));
    let _ = writeln!(o, "date: {}", iso(first));
    let _ = writeln!(o, "slug: {}", q(&e.slug));
    let _ = writeln!(o, "aliases: [\"/s/{}/\"]", e.id);
    let _ = writeln!(o, "summary: {}", q(&e.summary));
    let _ = writeln!(o, "id: {}", q(&e.id));
    let _ = writeln!(o, "owner: {}", q(&owner.name));
    let _ = writeln!(o, "status: {}", q(status_label(e.status)));
    let _ = writeln!(o, "key_metric: {}", q(&key_metric(e)));
    let _ = writeln!(o, "solution_types: {}", list(e.solution_types.iter().map(|s| solution_label(s).to_string())));
    let _ = writeln!(o, "first_applied: {}", q(&vi_date(e.first_applied)));
    if e.trial {
        o.push_str("trial: true\n");
    }
    if let Some(u) = &e.unit_at_recognition {
        let _ = writeln!(o, "unit_at_recognition: {}", q(u));
    }
    let _ = writeln!(o, "tags: {}", list(e.tags.iter().cloned()));
    let _ = writeln!(o, "linh-vuc: {}", list(e.fields.iter().map(|f| field_name(f).to_string())));
    let _ = writeln!(o, "tinh: {}", list([PROVINCES[e.province].name()]));
    let _ = writeln!(o, "nam: [\"{}\"]", super::util::year_of(first));
    let _ = writeln!(o, "cap: {}", list([level_name(level).to_string()]));
    if !e.movements.is_empty() {
        let _ = writeln!(o, "phong-trao: {}", list(e.movements.iter().map(|m| movement_name(m).to_string())));
    }
    let _ = writeln!(o, "don-vi: {}", list([owner.name.clone()]));
    if let Some((rank, _)) = &e.featured {
        let _ = writeln!(o, "featured: {rank}");
    }
    o.push_str("authors:\n");
    for a in &e.authors {
        let name = if a.consent { a.name.clone() } else { "Tác giả (không công bố tên)".to_string() };
        let _ = write!(o, "  - {{ name: {}, unit: {}", q(&name), q(&units[a.unit].name));
        if let Some(p) = &a.position {
            let _ = write!(o, ", position: {}", q(p));
        }
        if let Some(s) = a.share {
            let _ = write!(o, ", share: {s}");
        }
        o.push_str(" }\n");
    }
    o.push_str("recognition:\n");
    for r in &e.recognition {
        let _ = write!(
            o,
            "  - {{ level: {}, number: {}, date: {}, issuer: {}",
            q(level_name(r.level)),
            q(&r.number),
            q(&vi_date(r.date)),
            q(&r.issuer)
        );
        if let Some(t) = &r.title {
            let _ = write!(o, ", title: {}", q(t));
        }
        o.push_str(" }\n");
    }
    if !e.awards.is_empty() {
        o.push_str("awards:\n");
        for a in &e.awards {
            let _ = writeln!(
                o,
                "  - {{ form: {}, recipient: {}, number: {}, date: {} }}",
                q(award_label(a.form)),
                q(a.recipient.as_deref().unwrap_or("")),
                q(&a.number),
                q(&vi_date(a.date))
            );
        }
    }
    let _ = writeln!(o, "by_author: {}", q(&e.by_author));
    if let Some(b) = &e.by_adopters {
        let _ = writeln!(o, "by_adopters: {}", q(b));
    }
    o.push_str("metrics:\n");
    for m in &e.metrics {
        let before = m.before.map(num).unwrap_or_default();
        let _ = write!(
            o,
            "  - {{ indicator: {}, before: {}, after: {}, unit: {}",
            q(&m.indicator),
            q(&before),
            q(&num(m.after)),
            q(&m.unit)
        );
        if let Some(p) = &m.period {
            let _ = write!(o, ", period: {}", q(p));
        }
        if m.key {
            o.push_str(", key: true");
        }
        o.push_str(" }\n");
    }
    if let Some(c) = &e.application_conditions {
        let _ = writeln!(o, "application_conditions: {}", q(c));
    }
    if !e.replications.is_empty() {
        o.push_str("replications:\n");
        for r in &e.replications {
            let _ = write!(o, "  - {{ unit: {}, date: {}", q(&units[r.unit].name), q(&vi_date(r.date)));
            if let Some(d) = &r.document {
                let _ = write!(o, ", document: {}", q(d));
            }
            if let Some(x) = &r.outcome {
                let _ = write!(o, ", outcome: {}", q(x));
            }
            o.push_str(" }\n");
        }
    }
    if let Some((u, ch)) = &e.contact {
        let _ = writeln!(o, "contact: {{ unit: {}, channel: {} }}", q(&units[*u].name), q(ch));
    }
    if !e.related.is_empty() {
        o.push_str("related:\n");
        for id in &e.related {
            if let Some(&j) = index.get(id) {
                let r = &entries[j];
                let _ = writeln!(
                    o,
                    "  - {{ id: {}, title: {}, url: {} }}",
                    q(id),
                    q(&r.short_title),
                    q(&format!("/sang-kien/{}/", r.slug))
                );
            }
        }
    }
    o.push_str("---\n");
    o.push_str(&e.body);
    o
}

pub fn write_site(
    dir: &Path,
    n: usize,
    units: &[Unit],
    entries: &[Entry],
    index: &HashMap<String, usize>,
) -> std::io::Result<()> {
    super::prepare(dir)?;
    let files: &[(&str, &str)] = &[
        ("layouts/_default/baseof.html", BASEOF),
        ("layouts/_default/single.html", PAGE),
        ("layouts/_default/list.html", LIST),
        ("layouts/_default/taxonomy.html", TAXONOMY),
        ("layouts/_default/term.html", TERM),
        ("layouts/sang-kien/single.html", ENTRY),
        ("layouts/index.html", HOME),
        ("layouts/partials/card.html", CARD),
        ("layouts/partials/pager.html", PAGER),
        ("layouts/partials/footer-pages.html", FOOTER_PAGES),
        ("static/style.css", CSS),
        ("content/_index.md", "---\ntitle: Trang chủ\n---\n"),
        ("content/sang-kien/_index.md", "---\ntitle: Sáng kiến\n---\n"),
        ("content/trang/_index.md", "---\ntitle: Giới thiệu\n---\n"),
        ("content/trang/gioi-thieu.md", ABOUT_MD),
        ("content/trang/dong-gop.md", CONTRIBUTE_MD),
    ];
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap())?;
        std::fs::write(p, text)?;
    }
    std::fs::write(dir.join("hugo.toml"), HUGO_TOML.replace("{N}", &n.to_string()))?;
    let sk = dir.join("content/sang-kien");
    entries
        .par_iter()
        .try_for_each(|e| std::fs::write(sk.join(format!("{}.md", e.id)), entry_page(e, units, entries, index)))
}
