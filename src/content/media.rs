//! Media files are published as they are, from the site's own origin, so a
//! file that a browser would run as a page is a way to deface the site: an
//! SVG with a script or event handler opened directly, or an HTML file.
//! Such files are refused; images are otherwise not inspected.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Report, Text};

/// Extensions a browser renders as an active document.
const ACTIVE: &[&str] = &["html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "xml", "xsl", "xslt", "swf"];

/// What in an SVG could run script or load from elsewhere (lower-cased match).
const SVG_DANGERS: &[&str] = &[
    "<script",
    "javascript:",
    "<foreignobject",
    "<iframe",
    "<embed",
    "<object",
    "xlink:href=\"http",
    "href=\"http",
    "@import",
    "<!entity",
];

pub fn check(content: &Path, media: &[PathBuf], report: &mut Report) {
    for rel in media {
        let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if ACTIVE.contains(&ext.as_str()) {
            report.push(unsafe_media(rel, &format!(".{ext}")));
            continue;
        }
        if ext == "svg" {
            let Ok(bytes) = std::fs::read(content.join(rel)) else { continue };
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            let found = SVG_DANGERS
                .iter()
                .find(|d| text.contains(*d))
                .copied()
                .or_else(|| has_event_handler(&text).then_some("on…="));
            if let Some(what) = found {
                report.push(unsafe_media(rel, what));
            }
        }
    }
}

/// An attribute like ` onload=` or `\tonclick =`.
fn has_event_handler(text: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices("on").any(|(i, _)| {
        let before_ok = i > 0 && b[i - 1].is_ascii_whitespace();
        let rest = &b[i + 2..];
        let name_len = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
        let after = &rest[name_len..];
        let eq = after.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'=');
        before_ok && name_len >= 3 && eq
    })
}

fn unsafe_media(rel: &Path, what: &str) -> Diagnostic {
    Diagnostic::error(
        "unsafe-media",
        rel,
        Text::new(
            format!("tệp media bị từ chối vì chứa nội dung có thể chạy mã ({what}); hãy lưu lại dưới dạng ảnh thường (PNG, JPEG) hoặc SVG không có mã"),
            format!("media file refused: it contains active content ({what}); save it as a plain image (PNG, JPEG) or an SVG without scripts"),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_handlers_are_found() {
        assert!(has_event_handler("<svg onload=\"x\">"));
        assert!(has_event_handler("<g\tonclick = 'x'>"));
        assert!(!has_event_handler("<text>ongoing = yes</text>"));
        assert!(!has_event_handler("<path d=\"m0\" stroke=\"long\"/>"));
    }
}
