//! `sangkien serve` over real HTTP: the real binary on a free port, a temp
//! copy of the sample bank edited while it runs; and the incremental
//! rebuild of `build::Session` compared with a full build.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{options, read_tree, Bank};
use sangkien::build::{Quiet, Rebuilt, Session};

/// The server process; killed when dropped, so a failing test leaves nothing running.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `f` every 50 ms until it gives a value, for at most `secs` seconds.
fn wait_for<T>(secs: u64, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(secs), "timed out after {secs} s waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Server {
    fn start(bank: &Bank) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sangkien"))
            .arg("serve")
            .arg("--content")
            .arg(bank.content())
            .arg("--out")
            .arg(bank.out())
            .args(["--port", "0"])
            .env("SANGKIEN_LANG", "en")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut server = Server { child, port: 0, log };
        // The first build of the sample bank (a debug binary, busy machine).
        server.port = wait_for(180, "the server to start", || {
            let log = server.log.lock().unwrap();
            let at = log.find("Serving at http://127.0.0.1:")? + "Serving at http://127.0.0.1:".len();
            let digits: String = log[at..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        });
        server
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// GET over a plain TCP connection: (status, body).
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("a response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
        (status, body)
    }

    /// Opens the live-reload event stream; what arrives is appended to the buffer.
    fn events(&self) -> Arc<Mutex<String>> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        write!(s, "GET /__sangkien/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        let buf = Arc::new(Mutex::new(String::new()));
        let sink = buf.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = s.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        });
        buf
    }
}

/// The entry page a permanent link redirects to, as a server path.
fn entry_path(server: &Server, id: &str) -> String {
    let (status, redirect) = server.get(&format!("/s/{id}/"));
    assert_eq!(status, 200);
    let link = common::links(&redirect)
        .into_iter()
        .find(|l| l.contains("sang-kien/") && !l.contains("://"))
        .expect("the redirect names the entry page");
    format!("/{}", common::resolve_link(&format!("s/{id}/index.html"), &link).unwrap().trim_end_matches("index.html"))
}

#[test]
fn serve_rebuilds_on_edit_keeps_the_last_good_site_on_error_and_stops_on_ctrl_c() {
    let bank = Bank::copy_of_sample();
    let server = Server::start(&bank);
    let page = entry_path(&server, "CB-2023-0001");
    let (status, html) = server.get(&page);
    assert_eq!(status, 200);
    assert!(html.contains("<script src=\"/__sangkien/livereload.js\"></script></body>"), "reload script injected");
    let on_disk = std::fs::read_to_string(bank.out().join(page.trim_start_matches('/')).join("index.html")).unwrap();
    assert!(!on_disk.contains("__sangkien"), "the built files never carry the reload script");
    let (status, js) = server.get("/__sangkien/livereload.js");
    assert_eq!(status, 200);
    assert!(js.contains("EventSource") && !js.contains("innerHTML"));
    let events = server.events();
    wait_for(20, "the event stream to open", || events.lock().unwrap().contains("event: hello").then_some(()));
    let (_, meta_before) = server.get("/search/meta.json");

    // Edit the body: the page shows the new text, rebuilt alone.
    let file = bank.content().join("sang-kien/CB-2023-0001.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{original}\nĐoạn kiểm tra xem trước 4711.\n")).unwrap();
    wait_for(30, "the edited text to be served", || server.get(&page).1.contains("xem trước 4711").then_some(()));
    wait_for(20, "the reload event", || events.lock().unwrap().contains("event: reload").then_some(()));
    assert!(
        server.log().contains("CB-2023-0001.md → 2 files"),
        "only the entry's pages were rewritten:\n{}",
        server.log()
    );
    // Then the search index catches up: a new content-hashed folder.
    wait_for(60, "the search index to catch up", || server.log().contains("search index →").then_some(()));
    let (status, meta_after) = server.get("/search/meta.json");
    assert_eq!(status, 200);
    assert_ne!(meta_before, meta_after, "the index of the edited body is published");

    // Break the YAML: the error is reported, the last good page still served.
    std::fs::write(&file, original.replacen("title: ", "title: [không đóng ngoặc ", 1)).unwrap();
    let error = wait_for(30, "the error to be reported", || {
        let (_, status) = server.get("/__sangkien/status");
        let v: serde_json::Value = serde_json::from_str(&status).ok()?;
        v["error"].as_str().map(str::to_string)
    });
    assert!(error.contains("CB-2023-0001.md") && error.contains("yaml-syntax"), "{error}");
    wait_for(20, "the error event", || events.lock().unwrap().contains("event: build-error").then_some(()));
    assert!(events.lock().unwrap().contains("CB-2023-0001.md"), "the event carries the diagnostic");
    let (status, html) = server.get(&page);
    assert_eq!(status, 200);
    assert!(html.contains("xem trước 4711"), "the last good page is still served");
    assert!(server.log().contains("yaml-syntax"), "the terminal shows the diagnostic");

    // Fix it with a new title (not a body-only change): a full rebuild, the
    // error clears, and other pages show the new title.
    std::fs::write(&file, original.replacen("short_title: ", "short_title: Tên mới 4712 – ", 1)).unwrap();
    wait_for(60, "the fixed site", || {
        let (_, status) = server.get("/__sangkien/status");
        let v: serde_json::Value = serde_json::from_str(&status).ok()?;
        (v["error"].is_null() && server.get("/moi-cap-nhat/").1.contains("Tên mới 4712")).then_some(())
    });
    assert!(server.log().contains("full rebuild"), "{}", server.log());

    // Ctrl-C stops cleanly.
    let mut server = server;
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGINT) };
    let code = wait_for(20, "the server to stop", || server.child.try_wait().ok().flatten());
    assert!(code.success(), "exit status {code:?}");
    wait_for(5, "the last log line", || server.log().contains("Stopped.").then_some(()));
}

#[test]
fn an_incremental_rebuild_writes_what_a_full_build_writes() {
    let bank = Bank::copy_of_sample();
    let mut session = Session::new(options(&bank.content(), &bank.out()));
    session.full(&Quiet).map_err(|_| "first build").unwrap();
    let file = bank.content().join("sang-kien/CB-2024-0002.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n## Cập nhật\n\nMột đoạn mới có [liên kết](/s/CB-2023-0001/).\n")).unwrap();
    match session.rebuild(std::slice::from_ref(&file), &Quiet) {
        Ok(Rebuilt::Pages(pages)) => assert_eq!(pages.len(), 2, "{pages:?}"),
        Ok(Rebuilt::Full(_)) => panic!("a body edit should not need a full build"),
        Err(_) => panic!("the rebuild failed"),
    }
    // The body is indexed: the search index is stale until caught up.
    assert!(session.search_is_stale());
    let written = session.refresh_search().map_err(|_| "search refresh").unwrap();
    assert!(written > 0);
    assert!(!session.search_is_stale());
    assert_eq!(session.refresh_search().map_err(|_| "again").unwrap(), 0, "nothing left to catch up");

    let fresh = tempfile::tempdir().unwrap();
    common::build_ok(&bank.content(), fresh.path());
    let a = read_tree(&bank.out());
    let b = read_tree(fresh.path());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "same files as a full build");
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs from a full build");
    }
    assert!(a.keys().any(|k| k.starts_with("search/") && k.ends_with(".json")));

    // A broken link in the body is an error; the output is left as it was.
    std::fs::write(&file, format!("{text}\n[hỏng](/s/KHONG-CO/)\n")).unwrap();
    match session.rebuild(std::slice::from_ref(&file), &Quiet) {
        Err(sangkien::build::Failure::Content(r)) => assert!(r.diagnostics.iter().any(|d| d.code == "broken-link")),
        _ => panic!("a broken link must fail the rebuild"),
    }
    assert_eq!(read_tree(&bank.out()), a, "the last good site is untouched");
    // A temporary file that came and went changes nothing, and the failed
    // file is looked at again.
    std::fs::write(&file, &text).unwrap();
    match session.rebuild(&[bank.content().join("sang-kien/.tmp-gone")], &Quiet) {
        Ok(Rebuilt::Pages(p)) => assert_eq!(p.len(), 2),
        other => panic!("{:?}", other.map_err(|_| "failed")),
    }
}

/// Benchmark (ignored): one entry edited in a bank of 10,000 entries. Set
/// `SANGKIEN_BENCH_BANK` to a generated bank's content folder (`cargo run
/// --release --example gen-bank -- --entries 10000 --out DIR`), then `cargo
/// test --release --test serve -- --ignored --nocapture`. The bank is copied.
#[test]
#[ignore]
fn bench_one_entry_rebuild_in_a_10k_bank() {
    let Some(src) = std::env::var_os("SANGKIEN_BENCH_BANK") else {
        eprintln!("SANGKIEN_BENCH_BANK not set: skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    common::copy_tree(std::path::Path::new(&src), &content);
    let out = dir.path().join("public");
    let mut session = Session::new(options(&content, &out));
    let t = Instant::now();
    let first = session.full(&Quiet).map_err(|_| "the first build failed").unwrap();
    eprintln!("BENCH full build: {} entries, {} files in {} ms", first.entries, first.files, t.elapsed().as_millis());
    let mut files: Vec<_> = walkdir::WalkDir::new(content.join("sang-kien"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.truncate(5_000);
    let mut times = Vec::new();
    for (k, file) in files.iter().step_by(1000).enumerate() {
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(file, format!("{text}\nĐoạn sửa thử {k}.\n")).unwrap();
        let t = Instant::now();
        match session.rebuild(std::slice::from_ref(file), &Quiet) {
            Ok(Rebuilt::Pages(p)) => assert!(!p.is_empty()),
            Ok(Rebuilt::Full(_)) => panic!("a body edit took the full path"),
            Err(_) => panic!("the rebuild failed"),
        }
        times.push(t.elapsed().as_millis());
    }
    times.sort();
    eprintln!(
        "BENCH one-entry rebuild in a {}-entry bank: median {} ms, max {} ms ({} runs)",
        first.entries,
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
    // The search index catches up afterwards (serve runs it when edits pause).
    let t = Instant::now();
    assert!(session.refresh_search().map_err(|_| "search refresh").unwrap() > 0);
    eprintln!("BENCH search index refresh after the edits: {} ms", t.elapsed().as_millis());
    // A title change needs the full path: measured for comparison.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], text.replacen("title: ", "title: Đổi tên – ", 1)).unwrap();
    let t = Instant::now();
    assert!(matches!(session.rebuild(std::slice::from_ref(&files[0]), &Quiet), Ok(Rebuilt::Full(_))));
    eprintln!("BENCH full rebuild after a title change: {} ms", t.elapsed().as_millis());
}
