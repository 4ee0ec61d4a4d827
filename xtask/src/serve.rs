//! A small static file server, bound to 127.0.0.1 only: the app from `dist/` on one port and
//! the demo vendor site from `dist-demo/` on the next, a second origin, as a vendor's site
//! embedding tekigo would be. `serve` runs them in the foreground, the browser tests in
//! background threads on free ports. In the demo site's pages `__APP_ORIGIN__` and
//! `__DEMO_ORIGIN__` become the two origins.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::run::root;

/// The two servers, running in background threads for as long as the process lives.
pub struct Running {
    pub port: u16,
    pub demo_port: u16,
}

/// What one server serves: a folder, and the words its HTML pages have replaced.
struct Site {
    folder: PathBuf,
    replacements: Vec<(&'static str, String)>,
}

pub fn serve_forever(port: u16) -> Result<(), String> {
    let app = bind(port)?;
    let demo = bind(port + 1)?;
    let running = start(app, demo)?;
    println!(
        "\ntekigo is served at http://127.0.0.1:{}/  (Ctrl+C to stop)\n\
         demo vendor site:  http://127.0.0.1:{}/  (the widget on a vendor's page, and in an iframe)",
        running.port, running.demo_port
    );
    loop {
        std::thread::park();
    }
}

pub fn spawn_ephemeral() -> Result<Running, String> {
    start(bind(0)?, bind(0)?)
}

/// The app and, on a second port, `folder` (the benchmark's pages), served the same way.
pub fn spawn_with(folder: &Path) -> Result<Running, String> {
    let (app, other) = (bind(0)?, bind(0)?);
    let port_of = |listener: &TcpListener| {
        listener
            .local_addr()
            .map(|address| address.port())
            .map_err(|error| error.to_string())
    };
    let (port, demo_port) = (port_of(&app)?, port_of(&other)?);
    let app_site = Site {
        folder: root().join("dist"),
        replacements: Vec::new(),
    };
    let other_site = Site {
        folder: folder.to_path_buf(),
        replacements: Vec::new(),
    };
    std::thread::spawn(move || accept_loop(app, Arc::new(app_site)));
    std::thread::spawn(move || accept_loop(other, Arc::new(other_site)));
    Ok(Running { port, demo_port })
}

fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))
}

fn start(app: TcpListener, demo: TcpListener) -> Result<Running, String> {
    let port_of = |listener: &TcpListener| {
        listener
            .local_addr()
            .map(|address| address.port())
            .map_err(|error| error.to_string())
    };
    let (port, demo_port) = (port_of(&app)?, port_of(&demo)?);
    let origins = vec![
        ("__APP_ORIGIN__", format!("http://127.0.0.1:{port}")),
        ("__DEMO_ORIGIN__", format!("http://127.0.0.1:{demo_port}")),
    ];
    let app_site = Site {
        folder: root().join("dist"),
        replacements: Vec::new(),
    };
    let demo_site = Site {
        folder: root().join("dist-demo"),
        replacements: origins,
    };
    std::thread::spawn(move || accept_loop(app, Arc::new(app_site)));
    std::thread::spawn(move || accept_loop(demo, Arc::new(demo_site)));
    Ok(Running { port, demo_port })
}

fn accept_loop(listener: TcpListener, site: Arc<Site>) {
    for stream in listener.incoming().flatten() {
        let site = site.clone();
        std::thread::spawn(move || {
            // A client that hangs up mid-request is not our problem to report.
            let _ = respond(stream, &site);
        });
    }
}

fn respond(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            false,
        );
    }
    match resolve(&site.folder, target)
        .and_then(|path| std::fs::read(&path).ok().map(|body| (path, body)))
    {
        Some((path, body)) => {
            let body = with_replacements(&path, body, &site.replacements);
            write_response(&mut stream, "200 OK", content_type(&path), &body, head_only)
        }
        None => write_response(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            head_only,
        ),
    }
}

/// The file a URL path names inside `dist`, refusing anything that would leave it.
fn resolve(dist: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|component| !matches!(component, Component::Normal(_)))
    {
        return None;
    }
    let mut file = dist.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// An HTML page with its placeholders replaced; any other file as it is.
fn with_replacements(path: &Path, body: Vec<u8>, replacements: &[(&str, String)]) -> Vec<u8> {
    if replacements.is_empty() || path.extension().is_none_or(|ext| ext != "html") {
        return body;
    }
    let mut text = String::from_utf8_lossy(&body).into_owned();
    for (placeholder, value) in replacements {
        text = text.replace(placeholder, value);
    }
    text.into_bytes()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
