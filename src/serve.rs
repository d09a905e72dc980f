//! The preview server (`sangkien serve`): a real HTTP server (tiny_http) on
//! 127.0.0.1 serving the built output folder, rebuilding when the content or
//! the theme changes (`watch.rs`, `build::Session`) and reloading open
//! browser tabs.
//!
//! Live reload is a Server-Sent Events stream at `/__sangkien/events`
//! (`reload` after a good rebuild, `build-error` with the diagnostics after a
//! broken one — not `error`, which EventSource fires for connection
//! problems). The script that listens, `/__sangkien/livereload.js`, is
//! embedded in the binary and its `<script src>` tag is added to HTML
//! responses here, as they are served: never to the files a build writes.
//! It draws the error overlay with DOM text nodes only. A broken edit leaves
//! the last good site on disk (the build never half-writes), so it keeps
//! being served. `/__sangkien/status` gives the same state as JSON.
//!
//! Paths are resolved strictly inside the output folder.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::build::{self, Failure, Log, Rebuilt, Session};
use crate::diagnostics::Lang;

/// The URL prefix of the preview server's own files.
pub const PREFIX: &str = "/__sangkien/";
/// The tag added before `</body>` of served HTML pages.
pub const SCRIPT_TAG: &str = "<script src=\"/__sangkien/livereload.js\"></script>";
const LIVERELOAD_JS: &str = include_str!("serve/livereload.js");
const OVERLAY_CSS: &str = include_str!("serve/overlay.css");

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

/// Binds 127.0.0.1 on `port`, or the next free port of the ten after it;
/// port 0 asks the system for a free one. Returns the port bound.
pub fn bind(port: u16) -> Result<(tiny_http::Server, u16), String> {
    let mut last = String::new();
    for p in port..=port.saturating_add(10) {
        match tiny_http::Server::http(("127.0.0.1", p)) {
            Ok(s) => {
                let bound = s.server_addr().to_ip().map_or(p, |a| a.port());
                return Ok((s, bound));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(format!("no free port from {port}: {last}"))
}

/// The state open pages learn about.
#[derive(Debug, Default)]
struct Status {
    /// Good builds so far.
    generation: u64,
    /// The diagnostics of the last build, when it failed.
    error: Option<String>,
}

struct Shared {
    root: PathBuf,
    lang: Lang,
    status: Mutex<Status>,
    /// One channel per open event stream.
    clients: Mutex<Vec<mpsc::Sender<String>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One Server-Sent Event.
fn sse(event: &str, data: &str) -> String {
    let mut s = format!("event: {event}\n");
    for line in data.split('\n') {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    s.push('\n');
    s
}

impl Shared {
    fn broadcast(&self, message: &str) {
        lock(&self.clients).retain(|c| c.send(message.to_string()).is_ok());
    }

    /// The `build-error` event for the current error, if any.
    fn error_event(&self, status: &Status) -> Option<String> {
        let text = status.error.as_ref()?;
        let (title, note, close) = match self.lang {
            Lang::Vi => (
                "Lỗi khi dựng trang",
                "Trang đang hiển thị là bản dựng tốt gần nhất. Sửa lỗi rồi lưu tệp: trang sẽ tự tải lại.",
                "Đóng",
            ),
            Lang::En => (
                "The site could not be rebuilt",
                "You are seeing the last good build. Fix the problem and save: the page reloads by itself.",
                "Close",
            ),
        };
        let json = serde_json::json!({"title": title, "note": note, "text": text, "close": close});
        Some(sse("build-error", &json.to_string()))
    }
}

/// A build, a server and a watcher: `sangkien serve`.
pub struct Preview {
    session: Session,
    server: Arc<tiny_http::Server>,
    base: String,
    shared: Arc<Shared>,
}

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

impl Preview {
    pub fn new(opts: build::Options, server: tiny_http::Server, base: String, lang: Lang) -> Preview {
        let shared =
            Arc::new(Shared { root: opts.out.clone(), lang, status: Mutex::default(), clients: Mutex::default() });
        Preview { session: Session::new(opts), server: Arc::new(server), base, shared }
    }

    fn lang(&self) -> Lang {
        self.shared.lang
    }

    /// The first build. A failure is reported and the server still starts
    /// (serving the previous site, if any), so the editor can fix and save.
    pub fn first_build(&mut self, log: &dyn Log) {
        let start = Instant::now();
        let result = self.session.full(log);
        let secs = start.elapsed().as_secs_f64();
        match result {
            Ok(o) => {
                if !o.report.diagnostics.is_empty() {
                    crate::say_part!("{}", o.report.render_human(self.lang()));
                }
                crate::say!(
                    "{}",
                    match self.lang() {
                        Lang::Vi => format!("Đã dựng {} sáng kiến, {} tệp trong {secs:.2} s", o.entries, o.files),
                        Lang::En => format!("Built {} entries, {} files in {secs:.2} s", o.entries, o.files),
                    }
                );
                lock(&self.shared.status).generation += 1;
            }
            Err(f) => self.failed(f),
        }
    }

    /// Serves, watches and rebuilds until Ctrl-C (SIGINT or SIGTERM); a
    /// rebuild in progress is finished first.
    pub fn run(mut self, open: bool) -> Result<(), String> {
        let (tx, rx) = mpsc::channel::<Msg>();
        let stop = tx.clone();
        ctrlc::set_handler(move || {
            let _ = stop.send(Msg::Stop);
        })
        .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;
        let changed = tx.clone();
        let _watcher = crate::watch::watch(&self.session.watched(), &self.session.options().out, move |paths| {
            changed.send(Msg::Changed(paths)).is_ok()
        })?;
        let server = self.server.clone();
        let shared = self.shared.clone();
        let http = std::thread::Builder::new()
            .name("http".into())
            .spawn(move || {
                for request in server.incoming_requests() {
                    let shared = shared.clone();
                    let _ = std::thread::Builder::new().name("request".into()).spawn(move || handle(request, &shared));
                }
            })
            .map_err(|e| e.to_string())?;
        crate::say!(
            "{}",
            match self.lang() {
                Lang::Vi =>
                    format!("Đang phục vụ tại {} — tự dựng lại khi nội dung thay đổi; nhấn Ctrl-C để dừng", self.base),
                Lang::En => format!("Serving at {} — rebuilding on changes; press Ctrl-C to stop", self.base),
            }
        );
        if open {
            open_browser(&self.base);
        }
        'serve: loop {
            // After a quick rebuild the search index is caught up once the
            // edits pause: the reloaded page comes first.
            let msg = if self.session.search_is_stale() {
                match rx.recv_timeout(Duration::from_millis(500)) {
                    Ok(msg) => msg,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        self.refresh_search();
                        continue;
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match rx.recv() {
                    Ok(msg) => msg,
                    Err(_) => break,
                }
            };
            let Msg::Changed(mut paths) = msg else { break };
            // Changes that came in during the last rebuild join this batch.
            let mut stopping = false;
            while let Ok(more) = rx.try_recv() {
                match more {
                    Msg::Changed(p) => paths.extend(p),
                    Msg::Stop => stopping = true,
                }
            }
            paths.sort();
            paths.dedup();
            self.rebuild(&paths);
            if stopping {
                break 'serve;
            }
        }
        self.server.unblock();
        let _ = http.join();
        crate::say!(
            "{}",
            match self.lang() {
                Lang::Vi => "Đã dừng.",
                Lang::En => "Stopped.",
            }
        );
        Ok(())
    }

    fn rebuild(&mut self, paths: &[PathBuf]) {
        let start = Instant::now();
        let result = self.session.rebuild(paths, &build::Quiet);
        let ms = start.elapsed().as_millis();
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
            .collect();
        let names = if names.len() > 3 {
            format!("{}, … ({})", names[..3].join(", "), names.len())
        } else {
            names.join(", ")
        };
        match result {
            Ok(Rebuilt::Pages(p)) if p.is_empty() => {}
            Ok(r) => {
                let what = match (&r, self.lang()) {
                    (Rebuilt::Full(o), Lang::Vi) => format!("dựng lại toàn bộ, {} tệp", o.files),
                    (Rebuilt::Full(o), Lang::En) => format!("full rebuild, {} files", o.files),
                    (Rebuilt::Pages(p), Lang::Vi) => format!("{} tệp: {}", p.len(), p.join(", ")),
                    (Rebuilt::Pages(p), Lang::En) => format!("{} files: {}", p.len(), p.join(", ")),
                };
                crate::say!("↻ {names} → {what} ({ms} ms)");
                if let Rebuilt::Full(o) = &r {
                    if !o.report.diagnostics.is_empty() {
                        crate::say_part!("{}", o.report.render_human(self.lang()));
                    }
                }
                let generation = {
                    let mut st = lock(&self.shared.status);
                    st.generation += 1;
                    st.error = None;
                    st.generation
                };
                self.shared.broadcast(&sse("reload", &generation.to_string()));
            }
            Err(f) => {
                crate::say!("✗ {names} ({ms} ms)");
                self.failed(f);
            }
        }
    }

    /// Catches the search index up with quick rebuilds (see
    /// [`Session::refresh_search`]); no reload: the open page is current.
    fn refresh_search(&mut self) {
        let start = Instant::now();
        match self.session.refresh_search() {
            Ok(files) => {
                let ms = start.elapsed().as_millis();
                match self.lang() {
                    Lang::Vi => crate::say!("↻ chỉ mục tìm kiếm → {files} tệp ({ms} ms)"),
                    Lang::En => crate::say!("↻ search index → {files} files ({ms} ms)"),
                }
            }
            Err(f) => self.failed(f),
        }
    }

    /// Reports a failed build in the terminal and to open pages.
    fn failed(&self, f: Failure) {
        let lang = self.lang();
        let text = match f {
            Failure::Content(report) => format!("{}{}", report.render_human(lang), report.summary(lang)),
            Failure::Internal(e) => e,
        };
        crate::say!("{text}");
        crate::say!(
            "{}",
            match lang {
                Lang::Vi => "Vẫn phục vụ bản dựng tốt gần nhất. Sửa lỗi rồi lưu tệp.",
                Lang::En => "Still serving the last good build. Fix the problem and save.",
            }
        );
        let event = {
            let mut st = lock(&self.shared.status);
            st.error = Some(text);
            self.shared.error_event(&st)
        };
        if let Some(e) = event {
            self.shared.broadcast(&e);
        }
    }
}

/// Opens the default browser, if there is a way to; failures are ignored.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// Adds the live-reload script tag before `</body>` (or at the end).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + SCRIPT_TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(SCRIPT_TAG.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn handle(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    if let Some(own) = path.strip_prefix(PREFIX) {
        let response = match own {
            "livereload.js" => respond(LIVERELOAD_JS.into(), "text/javascript; charset=utf-8", 200),
            "overlay.css" => respond(OVERLAY_CSS.into(), "text/css; charset=utf-8", 200),
            "status" => {
                let st = lock(&shared.status);
                let json = serde_json::json!({"generation": st.generation, "error": st.error});
                respond(json.to_string().into_bytes(), "application/json", 200)
            }
            "events" => return events(request, shared),
            _ => respond(b"404".to_vec(), "text/plain", 404),
        };
        let _ = request.respond(response);
        return;
    }
    let (bytes, ctype, status) = match resolve(&shared.root, &url) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) => (bytes, content_type(&file), 200),
            Err(_) => (b"500".to_vec(), "text/plain", 500),
        },
        None => {
            let body = std::fs::read(shared.root.join("404.html")).unwrap_or_else(|_| {
                b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>404</p></body></html>"
                    .to_vec()
            });
            (body, "text/html; charset=utf-8", 404)
        }
    };
    let bytes = if ctype.starts_with("text/html") { inject(&bytes) } else { bytes };
    let _ = request.respond(respond(bytes, ctype, status));
}

/// The event stream: written straight to the socket (tiny_http's chunked
/// writer would hold events back in its buffer), one flush per event, a
/// comment every 15 s so a closed tab is noticed.
fn events(request: tiny_http::Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel::<String>();
    lock(&shared.clients).push(tx);
    let mut first = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 1000\n\n",
    );
    {
        let st = lock(&shared.status);
        first.push_str(&sse("hello", &st.generation.to_string()));
        if let Some(e) = shared.error_event(&st) {
            first.push_str(&e);
        }
    }
    let mut w = request.into_writer();
    if w.write_all(first.as_bytes()).and_then(|_| w.flush()).is_err() {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(message.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
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

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let page = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(page)).unwrap();
        assert_eq!(out, format!("<html><body><p>&lt;/body&gt;</p>{SCRIPT_TAG}</BODY></html>"));
        assert!(String::from_utf8(inject(b"<p>x")).unwrap().ends_with(SCRIPT_TAG));
    }

    #[test]
    fn events_carry_every_line_of_their_data() {
        assert_eq!(sse("build-error", "a\nb"), "event: build-error\ndata: a\ndata: b\n\n");
    }
}
