//! A small real HTTP/1.1 server on 127.0.0.1 (std::net, one thread per connection,
//! `Connection: close`) serving what the scenarios load:
//!
//! | path | answer |
//! |---|---|
//! | `/dist/…` | the release bundle (`CCQ_DIST`, default `<workspace>/dist`) |
//! | `/probed/…` | the same bundle, but HTML gets `<script src="/pages/probe.js">` as the first thing in `<head>` |
//! | `/bench/…` | the same bundle, but HTML gets the probe and `<script src="/pages/bench-observe.js">` (the load benchmark's observer) first in `<head>` |
//! | `/bench-bare/…` | as `/bench/`, but HTML without its `embed.js` script tags: the page as it is without the widget (the benchmark's control) |
//! | `/broken/…` | the same bundle, except every `.wasm` answers 404 (fallback tests) |
//! | `/nocss/…` | the same bundle, except every `.css` answers 404 (the widget must not show unstyled) |
//! | `/pages/…` | host pages from `tests/e2e/pages/` |
//! | `POST /newsletter/…` | recorded (see [`Server::newsletter_posts`]); reply set by [`NewsletterReply`] |
//! | `OPTIONS /newsletter/…` | CORS preflight answer (recorded too) |
//! | anything else | a built site ([`ServerConfig::site`], e.g. a Hugo or Eleventy output), its HTML probed as `/probed/` is; 404 without one |
//!
//! While [`Server::set_newsletter_unreachable`] is on, `/newsletter/…` connections close unanswered;
//! while [`Server::hold_newsletter_replies`] is on, POSTs are recorded but answered only once it
//! is turned off (or never, for a server dropped first).
//!
//! Every HTML response carries the Content-Security-Policy header ([`STRICT_CSP`] unless the
//! scenario chose another). With [`ServerConfig::site`] set, any other path is a file of that
//! directory (a site a bundler built); without it, anything else is 404. [`ServerConfig::cdn`]
//! answers static files as a CDN that mirrors npm does (`Access-Control-Allow-Origin: *`).
//!
//! The bundle's loaded files carry their content hash in their names (`widget-<hash>.css`; only
//! `embed.js`, `frame.html` and `snippet.html` are stable): [`bundle_name`] finds one, and a host
//! page names one as `{hashed:frame.css}`, which the server replaces with the name in the bundle.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The strict policy a careful blog owner would send; the widget must work under it.
pub const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/// The tag `/probed/` injects so the demo page also records console errors and CSP violations.
const PROBE_TAG: &str = "<script src=\"/pages/probe.js\"></script>";

/// The tags `/bench/` injects: the probe, then the load benchmark's observer (both before the
/// page's own scripts, so they see the whole load).
const BENCH_TAGS: &str =
    "<script src=\"/pages/probe.js\"></script><script src=\"/pages/bench-observe.js\"></script>";

/// How the newsletter recorder answers a POST.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewsletterReply {
    /// HTTP status of the reply, e.g. 200, 400 or 500.
    pub status: u16,
    /// Whether to send `Access-Control-Allow-Origin: *` (Mailchimp, for one, does not).
    pub cors: bool,
    /// Reply body (sent as `application/json` if it starts with `{`, else `text/plain`).
    pub body: String,
}

impl Default for NewsletterReply {
    fn default() -> Self {
        NewsletterReply {
            status: 200,
            cors: true,
            body: "{\"ok\":true}".into(),
        }
    }
}

/// One request the newsletter recorder saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `POST` or `OPTIONS`.
    pub method: String,
    /// Path including any query string, e.g. `/newsletter/buttondown?tag=x`.
    pub path: String,
    /// The `Content-Type` request header, if any.
    pub content_type: Option<String>,
    /// The raw request body.
    pub body: Vec<u8>,
    /// All request headers, names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
}

impl RecordedRequest {
    /// The body as (lossy) UTF-8.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The first header with this (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body decoded as `application/x-www-form-urlencoded` pairs.
    pub fn form(&self) -> Vec<(String, String)> {
        parse_form(&self.body_text())
    }

    /// The first form field with this name.
    pub fn form_field(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// Where the server reads from and how it answers.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The release bundle directory (`CCQ_DIST`, default `<workspace root>/dist`).
    pub dist: PathBuf,
    /// The host pages directory (`tests/e2e/pages`).
    pub pages: PathBuf,
    /// The CSP header for HTML responses; `None` sends none.
    pub csp: Option<String>,
    /// The newsletter recorder's reply.
    pub newsletter: NewsletterReply,
    /// A site served at every path the other routes do not take (a bundler's or a static
    /// generator's output: `/index.html`, `/assets/…`); its HTML gets the probe as `/probed/` does,
    /// unless it already loads it.
    pub site: Option<PathBuf>,
    /// Answers static files with `Access-Control-Allow-Origin: *`, as a CDN does: module scripts
    /// and the wasm are fetched in CORS mode from another origin.
    pub cdn: bool,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            dist: dist_dir(),
            pages: pages_dir(),
            csp: Some(STRICT_CSP.to_string()),
            newsletter: NewsletterReply::default(),
            site: None,
            cdn: false,
        }
    }
}

/// `CCQ_DIST`, or `<workspace root>/dist`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("CCQ_DIST").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"),
    }
}

/// `tests/e2e/pages`.
pub fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("pages")
}

/// The file name in `dist` of the bundle file `stable` names: `embed.js`, `frame.html` and
/// `snippet.html` as they are, any other as `stem-<16 hex digits>.ext` (`widget.css` →
/// `widget-0123456789abcdef.css`). Fails when there is not exactly one.
pub fn bundle_name_in(dist: &Path, stable: &str) -> crate::Result<String> {
    if STABLE_NAMES.contains(&stable) {
        return Ok(stable.to_string());
    }
    let (stem, ext) = stable.rsplit_once('.').unwrap_or((stable, ""));
    let hashed = |name: &str| {
        name.strip_prefix(stem)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.strip_suffix(ext))
            .and_then(|r| r.strip_suffix('.'))
            .is_some_and(|h| {
                h.len() == 16 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            })
    };
    let mut found: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| anyhow::anyhow!("cannot list {}: {e}", dist.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| hashed(name))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => anyhow::bail!(
            "{} has {n} content-hashed {stable} files, not one; run `cargo xtask dist`",
            dist.display()
        ),
    }
}

/// [`bundle_name_in`] for the bundle the tests serve ([`dist_dir`]).
pub fn bundle_name(stable: &str) -> crate::Result<String> {
    bundle_name_in(&dist_dir(), stable)
}

/// The bundle files that keep their names from release to release.
pub const STABLE_NAMES: [&str; 3] = ["embed.js", "frame.html", "snippet.html"];

/// `html` with every `{hashed:NAME}` replaced by NAME's file name in `dist` (left as it is when
/// the bundle lacks the file, so the page's request 404s and the test says which).
fn with_hashed_names(html: &str, dist: &Path) -> String {
    const OPEN: &str = "{hashed:";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let stable = &after[..end];
        match bundle_name_in(dist, stable) {
            Ok(name) => out.push_str(&name),
            Err(_) => out.push_str(stable),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Fails with the fix when the bundle has not been built.
pub fn require_dist(dist: &Path) -> crate::Result<()> {
    if dist.join("embed.js").is_file() {
        Ok(())
    } else {
        anyhow::bail!(
            "the widget bundle is missing: {} has no embed.js; run `cargo xtask dist` first \
             (or set CCQ_DIST to a built bundle)",
            dist.display()
        )
    }
}

#[derive(Debug)]
struct Shared {
    config: Mutex<ServerConfig>,
    recorded: Mutex<Vec<RecordedRequest>>,
    log: Mutex<Vec<String>>,
    /// See [`Server::set_newsletter_unreachable`].
    newsletter_unreachable: AtomicBool,
    /// See [`Server::hold_newsletter_replies`]; the condition wakes held replies.
    newsletter_held: (Mutex<bool>, Condvar),
    /// Whether `/flaky/` has failed its one wasm request yet.
    flaky_failed: AtomicBool,
}

/// A running server; dropping it stops accepting connections.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds a free port on 127.0.0.1 and starts serving.
    pub fn start(config: ServerConfig) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            config: Mutex::new(config),
            recorded: Mutex::new(Vec::new()),
            log: Mutex::new(Vec::new()),
            newsletter_unreachable: AtomicBool::new(false),
            newsletter_held: (Mutex::new(false), Condvar::new()),
            flaky_failed: AtomicBool::new(false),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let (shared, stop) = (shared.clone(), stop.clone());
            std::thread::Builder::new()
                .name(format!("e2e-http-{}", addr.port()))
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let shared = shared.clone();
                        // Detached: a browser's idle speculative connection must not block shutdown;
                        // the read timeout below ends such threads.
                        let _ = std::thread::Builder::new()
                            .name("e2e-http-conn".into())
                            .spawn(move || handle(stream, &shared));
                    }
                })?
        };
        Ok(Server {
            addr,
            shared,
            stop,
            accept: Some(accept),
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// An absolute URL for a server path (`/pages/one.html` → `http://127.0.0.1:P/pages/one.html`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin(), path)
    }

    /// The same server under another origin (`http://localhost:<port>`), for cross-origin posts.
    pub fn cross_origin_url(&self, path: &str) -> String {
        format!("http://localhost:{}{}", self.addr.port(), path)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request to `/newsletter/…` so far (POSTs and preflights), oldest first.
    pub fn newsletter_requests(&self) -> Vec<RecordedRequest> {
        self.shared.recorded.lock().expect("recorder lock").clone()
    }

    /// Only the POSTs to `/newsletter/…`, oldest first.
    pub fn newsletter_posts(&self) -> Vec<RecordedRequest> {
        self.newsletter_requests()
            .into_iter()
            .filter(|r| r.method == "POST")
            .collect()
    }

    /// Changes how the recorder answers from now on (e.g. fail the first post, accept a retry).
    pub fn set_newsletter_reply(&self, reply: NewsletterReply) {
        self.shared.config.lock().expect("config lock").newsletter = reply;
    }

    /// While `true`, every `/newsletter/…` request is read and its connection closed without an
    /// answer, as a dropped network would: the page's `fetch` fails, and nothing is recorded.
    /// The same origin and port stay in use, so no port is chosen now and bound later.
    pub fn set_newsletter_unreachable(&self, unreachable: bool) {
        self.shared
            .newsletter_unreachable
            .store(unreachable, Ordering::SeqCst);
    }

    /// While `true`, every newsletter POST is recorded at once but its reply waits: the page's
    /// request stays in flight (a service that never answers, or one that answers after the
    /// reader moved on). Turning it off sends the held replies.
    pub fn hold_newsletter_replies(&self, hold: bool) {
        let (held, wake) = &self.shared.newsletter_held;
        *held.lock().expect("hold lock") = hold;
        wake.notify_all();
    }

    /// Every request line served so far (`"GET /dist/embed.js 200"`), for debugging and counting.
    pub fn request_log(&self) -> Vec<String> {
        self.shared.log.lock().expect("log lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the thread sees the flag and exits.
        let _ = TcpStream::connect(self.addr);
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// One HTTP/1.1 request as read off the wire.
pub struct Request {
    pub method: String,
    /// Path and query, as in the request line.
    pub target: String,
    /// Names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
        }
    }

    fn not_found(why: &str) -> Response {
        Response::new(
            404,
            "text/plain; charset=utf-8",
            format!("404 not found: {why}\n"),
        )
    }
}

fn handle(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let Some(request) = read_request(&mut BufReader::new(stream)) else {
        return; // idle or malformed connection: just close it
    };
    if request.target.starts_with("/newsletter/")
        && shared.newsletter_unreachable.load(Ordering::SeqCst)
    {
        return; // closed unanswered: the browser's fetch fails as if offline
    }
    let config = shared.config.lock().expect("config lock").clone();
    let mut response = route(&request, &config, shared);
    if config.cdn && !request.target.starts_with("/newsletter/") {
        response
            .headers
            .push(("Access-Control-Allow-Origin", "*".into()));
    }
    if response
        .headers
        .iter()
        .any(|(n, v)| *n == "Content-Type" && v.starts_with("text/html"))
    {
        if let Some(csp) = &config.csp {
            response
                .headers
                .push(("Content-Security-Policy", csp.clone()));
        }
    }
    shared.log.lock().expect("log lock").push(format!(
        "{} {} {}",
        request.method, request.target, response.status
    ));
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    let _ = writer.write_all(head.as_bytes());
    if request.method != "HEAD" {
        let _ = writer.write_all(&response.body);
    }
    let _ = writer.flush();
}

/// Reads one request (line, headers, `Content-Length` body); `None` if it is malformed, cut
/// short, or over the limits (200 headers, 10 MiB of body).
pub fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        if headers.len() > 200 {
            return None;
        }
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    if length > 10 * 1024 * 1024 {
        return None;
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body,
    })
}

fn route(request: &Request, config: &ServerConfig, shared: &Shared) -> Response {
    let path = request.target.split(['?', '#']).next().unwrap_or("");
    if path.starts_with("/newsletter/") {
        return newsletter(request, config, shared);
    }
    if request.method != "GET" && request.method != "HEAD" {
        return Response::new(405, "text/plain; charset=utf-8", "method not allowed\n");
    }
    if let Some(rest) = path.strip_prefix("/dist/") {
        static_file(&config.dist, rest, Mode::Plain)
    } else if let Some(rest) = path.strip_prefix("/probed/") {
        static_file(&config.dist, rest, Mode::Probed)
    } else if let Some(rest) = path.strip_prefix("/bench/") {
        static_file(&config.dist, rest, Mode::Bench)
    } else if let Some(rest) = path.strip_prefix("/bench-bare/") {
        static_file(&config.dist, rest, Mode::BenchBare)
    } else if let Some(rest) = path.strip_prefix("/broken/") {
        static_file(&config.dist, rest, Mode::Broken)
    } else if let Some(rest) = path.strip_prefix("/nocss/") {
        static_file(&config.dist, rest, Mode::NoCss)
    } else if let Some(rest) = path.strip_prefix("/flaky/") {
        // The first request for the wasm fails as a flaky network would; every later one is served.
        let fail =
            mime(rest) == "application/wasm" && !shared.flaky_failed.swap(true, Ordering::SeqCst);
        if fail {
            Response::new(
                503,
                "text/plain; charset=utf-8",
                "this is /flaky/: the first .wasm request fails\n",
            )
        } else {
            static_file(&config.dist, rest, Mode::Plain)
        }
    } else if let Some(rest) = path.strip_prefix("/pages/") {
        let mut response = static_file(&config.pages, rest, Mode::Plain);
        if response.status == 200 && rest.ends_with(".html") {
            response.body =
                with_hashed_names(&String::from_utf8_lossy(&response.body), &config.dist)
                    .into_bytes();
        }
        response
    } else if let Some(site) = &config.site {
        static_file(site, path.trim_start_matches('/'), Mode::Probed)
    } else {
        Response::not_found(path)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Plain,
    /// HTML gets [`PROBE_TAG`].
    Probed,
    /// HTML gets [`BENCH_TAGS`].
    Bench,
    /// HTML gets [`BENCH_TAGS`] and loses its loader's script tags ([`without_loader`]).
    BenchBare,
    Broken,
    NoCss,
}

fn static_file(root: &Path, rest: &str, mode: Mode) -> Response {
    let rest = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    let relative = Path::new(&rest);
    // Only plain names below the root: no `..`, no absolute paths.
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Response::not_found(&rest);
    }
    let content_type = mime(&rest);
    if mode == Mode::Broken && content_type == "application/wasm" {
        return Response::not_found("this is /broken/: every .wasm is missing on purpose");
    }
    if mode == Mode::NoCss && content_type.starts_with("text/css") {
        return Response::not_found("this is /nocss/: every .css is missing on purpose");
    }
    let file = root.join(relative);
    let Ok(mut body) = std::fs::read(&file) else {
        if root.ends_with("dist") && !root.join("embed.js").is_file() {
            return Response::not_found("no bundle: run `cargo xtask dist` first");
        }
        return Response::not_found(&rest);
    };
    let injected = match mode {
        Mode::Probed => Some(PROBE_TAG),
        Mode::Bench | Mode::BenchBare => Some(BENCH_TAGS),
        _ => None,
    };
    if mode == Mode::BenchBare && content_type.starts_with("text/html") {
        body = without_loader(&String::from_utf8_lossy(&body)).into_bytes();
    }
    if let Some(tags) = injected.filter(|_| content_type.starts_with("text/html")) {
        let html = String::from_utf8_lossy(&body);
        // A page that loads the probe itself keeps its one copy (a second would reset its log).
        if !(mode == Mode::Probed && html.contains(PROBE_TAG)) {
            body = inject_head(&html, tags).into_bytes();
        }
    }
    Response::new(200, content_type, body)
}

/// `html` without the `<script …>` elements whose tag names `embed.js` (in dist/index.html,
/// minified: `<script src=embed.js type=module></script>`).
fn without_loader(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(end) = rest[start..]
            .find("</script>")
            .map(|e| start + e + "</script>".len())
        else {
            break;
        };
        let opening = &rest[start..rest[start..].find('>').map_or(end, |e| start + e)];
        out.push_str(&rest[..start]);
        if !opening.contains("embed.js") {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Puts `tags` right after the `<head …>` start tag so they run before anything else on the
/// page; in minified HTML without one (dist/index.html), right after `<html …>`, where the head
/// starts implicitly. Not after `<header …>`, which is in the body.
fn inject_head(html: &str, tags: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let after_tag = |name: &str| {
        lower.match_indices(name).find_map(|(start, _)| {
            let rest = &lower[start + name.len()..];
            rest.starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
                .then(|| rest.find('>').map(|end| start + name.len() + end + 1))
                .flatten()
        })
    };
    match after_tag("<head").or_else(|| after_tag("<html")) {
        Some(at) => format!("{}{tags}{}", &html[..at], &html[at..]),
        None => format!("{tags}{html}"),
    }
}

/// Content types by extension. `application/wasm` matters: with anything else wasm-bindgen falls
/// back from streaming compilation and logs a console warning.
pub fn mime(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn newsletter(request: &Request, config: &ServerConfig, shared: &Shared) -> Response {
    let recorded = RecordedRequest {
        method: request.method.clone(),
        path: request.target.clone(),
        content_type: request
            .headers
            .iter()
            .find(|(n, _)| n == "content-type")
            .map(|(_, v)| v.clone()),
        body: request.body.clone(),
        headers: request.headers.clone(),
    };
    let reply = &config.newsletter;
    let mut response = match request.method.as_str() {
        "POST" => {
            shared
                .recorded
                .lock()
                .expect("recorder lock")
                .push(recorded);
            let (held, wake) = &shared.newsletter_held;
            let mut still = held.lock().expect("hold lock");
            while *still {
                still = wake.wait(still).expect("hold lock");
            }
            drop(still);
            let content_type = if reply.body.trim_start().starts_with('{') {
                "application/json"
            } else {
                "text/plain; charset=utf-8"
            };
            Response::new(reply.status, content_type, reply.body.clone())
        }
        "OPTIONS" => {
            shared
                .recorded
                .lock()
                .expect("recorder lock")
                .push(recorded);
            let mut r = Response::new(204, "text/plain; charset=utf-8", "");
            if reply.cors {
                r.headers
                    .push(("Access-Control-Allow-Methods", "POST, OPTIONS".into()));
                r.headers
                    .push(("Access-Control-Allow-Headers", "content-type".into()));
                r.headers.push(("Access-Control-Max-Age", "0".into()));
            }
            r
        }
        _ => return Response::new(405, "text/plain; charset=utf-8", "method not allowed\n"),
    };
    if reply.cors {
        response
            .headers
            .push(("Access-Control-Allow-Origin", "*".into()));
    }
    response
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Decodes `a=1&b=x%40y+z` into pairs.
pub fn parse_form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_loader_drops_only_the_loader_script() {
        let html = "<head><script src=/pages/probe.js></script></head><body><p>post</p>\
                    <script src=embed.js type=module></script><script>x()</script></body>";
        assert_eq!(
            without_loader(html),
            "<head><script src=/pages/probe.js></script></head><body><p>post</p>\
             <script>x()</script></body>"
        );
        assert_eq!(without_loader("<p>no scripts</p>"), "<p>no scripts</p>");
    }
}
