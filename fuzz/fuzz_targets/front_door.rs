//! The front door: any bytes as one entry file, through exactly what the
//! loader and the Markdown stage run (`sangkien::content::front_door`).
//!
//! Invariants, besides "no panic":
//! * every problem is a diagnostic: a refused file says why (an error), an
//!   accepted one has no error; every diagnostic names the file, lies inside
//!   it, and renders as human text, JSON and GitHub annotations;
//! * the rendered body is safe HTML: only allowed tags, no `<script`, no
//!   event-handler attribute, no link or image URL with a scheme other than
//!   http, https, mailto and tel (entities decoded, as a browser would).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sangkien::content::{self, Date};
use sangkien::diagnostics::{Lang, Report, Severity};

const REL: &str = "sang-kien/CB-2025-0001.md";

/// Internal links resolve like in the sample bank: entries and pages exist,
/// anything else is broken.
fn resolve(path: &str) -> Option<String> {
    let rel = path.trim_start_matches('/');
    if let Some(id) = rel.strip_prefix("s/") {
        return (id.trim_end_matches('/') == "CB-2025-0002").then(|| "sang-kien/mot-sang-kien/".to_string());
    }
    (rel == "trang/gioi-thieu/" || rel == "media/anh.png").then(|| rel.to_string())
}

fuzz_target!(|data: &[u8]| {
    let rel = Path::new(REL);
    let today = Date::new(2026, 11, 22).expect("a valid date");
    let door = content::front_door(rel, data, today, &resolve);

    let mut report = Report::default();
    match &door.parsed {
        Err(e) => report.push(content::read_error(rel, e)),
        Ok(parsed) => {
            let errors = parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            match &parsed.entry {
                Some(_) => assert_eq!(errors, 0, "an accepted entry has no error"),
                None => assert!(errors > 0, "a refused entry says why"),
            }
            match &parsed.source {
                Some(src) => {
                    for d in &parsed.diagnostics {
                        assert_eq!(d.file, rel, "{d:?}");
                        assert!(d.span.start <= d.span.end && d.span.end <= src.len(), "{d:?}");
                        assert!(d.line >= 1 && d.line <= src.matches('\n').count() + 1, "{d:?}");
                    }
                    report.extend_with_source(parsed.diagnostics.clone(), rel, src.clone());
                }
                None => assert!(parsed.diagnostics.is_empty(), "diagnostics come with their source"),
            }
        }
    }
    report.sort();
    for lang in [Lang::Vi, Lang::En] {
        let _ = report.render_human(lang);
        let json = report.render_json(lang);
        assert!(json.trim_start().starts_with('{'), "{json}");
        let _ = report.render_github(lang, Path::new("content"));
        let _ = report.summary(lang);
    }

    if let Some(body) = &door.body {
        if let Err(why) = check_html(&body.html) {
            panic!("unsafe HTML ({why}):\n{}", body.html);
        }
        for b in &body.broken {
            assert!(b.span.start <= b.span.end, "{b:?}");
        }
    }
});

/// Attributes whose value is a URL a browser would follow or load.
const URL_ATTRS: &[&str] = &["href", "src", "cite", "action", "formaction", "poster", "background", "srcset"];

/// Scans the HTML tag by tag. Text never holds a raw `<` (both pulldown-cmark
/// and ammonia escape it), and attribute values are always double-quoted, so a
/// small scanner reads the output exactly.
fn check_html(html: &str) -> Result<(), String> {
    if html.to_ascii_lowercase().contains("<script") {
        return Err("`<script`".into());
    }
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        if close {
            i += 1;
        }
        let name_len = b[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let name = html[i..i + name_len].to_ascii_lowercase();
        // Raw HTML keeps only the sanitiser's tags; the renderer's own headings may add h1.
        if name != "h1" && !sangkien::markdown::SANITISED_TAGS.contains(&name.as_str()) {
            return Err(format!("tag <{}{name}>", if close { "/" } else { "" }));
        }
        i += name_len;
        loop {
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                None => return Err(format!("unterminated <{name}>")),
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                    i += 2;
                    break;
                }
                Some(_) => {}
            }
            let attr_len =
                b[i..].iter().take_while(|c| !matches!(c, b'=' | b'>' | b'/') && !c.is_ascii_whitespace()).count();
            if attr_len == 0 {
                return Err(format!("malformed attribute in <{name}>"));
            }
            let attr = html[i..i + attr_len].to_ascii_lowercase();
            i += attr_len;
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                if b.get(i + 1) != Some(&b'"') {
                    return Err(format!("unquoted {attr}= in <{name}>"));
                }
                let end = html[i + 2..].find('"').ok_or_else(|| format!("unterminated {attr}= in <{name}>"))?;
                value = decode_entities(&html[i + 2..i + 2 + end]);
                i += 2 + end + 1;
            }
            if attr.starts_with("on") || attr == "srcdoc" {
                return Err(format!("attribute {attr} on <{name}>"));
            }
            if attr == "style" && !is_table_alignment(&value) {
                return Err(format!("style=\"{value}\" on <{name}>"));
            }
            if URL_ATTRS.contains(&attr.as_str()) && !url_is_safe(&value) {
                return Err(format!("{attr}=\"{value}\" on <{name}>"));
            }
        }
    }
    Ok(())
}

/// pulldown-cmark writes the alignment of table cells as a style.
fn is_table_alignment(style: &str) -> bool {
    matches!(style, "text-align: left" | "text-align: center" | "text-align: right")
}

/// Whether a URL, read as a browser reads it (the WHATWG URL parser), has
/// no scheme or an allowed one. The parser trims C0 controls and spaces,
/// drops every ASCII tab and newline, and sees a scheme only in an ASCII
/// letter followed by letters, digits, `+`, `-` or `.` up to a `:`;
/// anything else is a relative URL.
fn url_is_safe(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(colon) = cleaned.find(':') else { return true };
    let scheme = &cleaned[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme || matches!(scheme, "http" | "https" | "mailto" | "tel")
}

/// Decodes the character references a browser would decode in an attribute.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !c.is_ascii_alphanumeric() && c != '#').map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
