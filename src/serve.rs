//! The preview server: a real HTTP server (tiny_http) on 127.0.0.1 serving
//! the built output folder. Paths are resolved strictly inside that folder.

use std::path::{Component, Path, PathBuf};

/// The content type of a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file inside `root`, or `None` when it would
/// leave it or names nothing.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = root.join(rel);
    if full.is_dir() {
        let index = full.join("index.html");
        return index.is_file().then_some(index);
    }
    full.is_file().then_some(full)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0') && !s.contains('\\')).then_some(s)
}

/// Binds 127.0.0.1 on `port`, or the next free port of the ten after it.
pub fn bind(port: u16) -> Result<(tiny_http::Server, u16), String> {
    let mut last = String::new();
    for p in port..port.saturating_add(10) {
        match tiny_http::Server::http(("127.0.0.1", p)) {
            Ok(s) => return Ok((s, p)),
            Err(e) => last = e.to_string(),
        }
    }
    Err(format!("no free port from {port}: {last}"))
}

/// Serves `root` until the process ends.
pub fn serve_forever(server: tiny_http::Server, root: PathBuf) {
    for request in server.incoming_requests() {
        let response = match resolve(&root, request.url()) {
            Some(file) => match std::fs::read(&file) {
                Ok(bytes) => respond(bytes, content_type(&file), 200),
                Err(_) => respond(b"500".to_vec(), "text/plain", 500),
            },
            None => {
                let body = std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
                respond(body, "text/html; charset=utf-8", 404)
            }
        };
        let _ = request.respond(response);
    }
}

fn respond(bytes: Vec<u8>, ctype: &str, status: u16) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut r = tiny_http::Response::from_data(bytes).with_status_code(status);
    for (k, v) in
        [("Content-Type", ctype), ("Cache-Control", "no-cache"), ("Content-Security-Policy", crate::site::CSP)]
    {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            r.add_header(h);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_root() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("a")).unwrap();
        std::fs::write(tmp.path().join("a/index.html"), "x").unwrap();
        assert!(resolve(tmp.path(), "/a/").is_some());
        assert!(resolve(tmp.path(), "/a/?q=1").is_some());
        for bad in ["/../etc/passwd", "/a/%2e%2e/%2e%2e/etc/passwd", "/a%00", "/%5c..%5c"] {
            assert!(resolve(tmp.path(), bad).is_none(), "{bad}");
        }
    }
}
