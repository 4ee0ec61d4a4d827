//! `cargo xtask bench`: builds the release app and measures, as ratios to plain pages served
//! the same way, what a person waits for — the cold load to the first screen and to the first
//! 253-item assessment screen (also at 4× CPU throttling), the step from a settled start screen to that screen (a
//! link to the plain table on the plain side), one search keystroke over 1,000 items, the
//! engine's work in wasm against native — and the transfer sizes (gzip) of the first screen,
//! the app it starts, the widget and the single file. Each figure is the median of alternating runs, with its spread; they are
//! reported (`target/bench/bench.json`, `target/bench/bench.md`), never asserted.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use tekigo_core::{embedded, to_json};

use crate::run::{self, root};
use crate::serve;

/// Items in the engine workload, and rounds of it on each side.
const ENGINE_ITEMS: usize = 10_000;
const ENGINE_ROUNDS: usize = 15;

pub fn bench() -> Result<(), String> {
    crate::build_dist()?;
    let pages = root().join("target/bench/pages");
    run::step("benchmark pages", || build_pages(&pages))?;
    let native = run::step_value("engine natively", native_engine_times)?;
    let server = serve::spawn_with(&pages)?;
    let out = root().join("target/bench/browser.json");
    run::step("benchmark in headless Chromium", || {
        run::command_with_env(
            "node",
            &["tests/e2e/bench/bench.mjs", &out.to_string_lossy()],
            &[
                ("TEKIGO_URL", &format!("http://127.0.0.1:{}/", server.port)),
                (
                    "BENCH_URL",
                    &format!("http://127.0.0.1:{}/", server.demo_port),
                ),
            ],
        )
    })?;
    let browser: Value = serde_json::from_str(
        &std::fs::read_to_string(&out).map_err(|error| format!("{}: {error}", out.display()))?,
    )
    .map_err(|error| error.to_string())?;
    let report = json!({
        "browser": browser,
        "engine": { "items": ENGINE_ITEMS, "nativeMs": native },
        "sizes": sizes()?,
    });
    write_report(&report)
}

/// The engine's work timed natively, one time per round (ms).
fn native_engine_times() -> Result<Vec<f64>, String> {
    let text = run::output(
        "cargo",
        &[
            "run",
            "--quiet",
            "--release",
            "-p",
            "tekigo-bench",
            "--bin",
            "engine-native",
            "--",
            &ENGINE_ITEMS.to_string(),
            &ENGINE_ROUNDS.to_string(),
        ],
    )
    .ok_or("engine-native failed")?;
    Ok(text
        .lines()
        .filter_map(|line| line.trim().parse().ok())
        .collect())
}

/// The plain pages to compare with, and the engine's wasm: a static 253-row table, a
/// hand-written search over 1,000 rows, and the engine page.
fn build_pages(pages: &Path) -> Result<(), String> {
    std::fs::create_dir_all(pages).map_err(|error| error.to_string())?;
    let checklist = embedded::catalog("cloud-checklist-253").ok_or("no checklist")?;
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let rows = |count: usize| -> String {
        (0..count)
            .map(|n| {
                let item = &checklist.items[n % checklist.items.len()];
                format!(
                    "<tr class=\"item\"><td>{}</td><td>{}</td></tr>\n",
                    n + 1,
                    escape(&item.text)
                )
            })
            .collect()
    };
    let page = |title: &str, body: String| {
        format!("<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"stylesheet\" href=\"bench.css\"></head><body>{body}</body></html>\n")
    };
    write(
        &pages.join("bench.css"),
        "body { font-family: sans-serif; } td { border-bottom: 1px solid #ccc; padding: 4px; }\n",
    )?;
    write(
        &pages.join("static-table.html"),
        &page("253", format!("<table>{}</table>", rows(253))),
    )?;
    // A plain start page whose link leads to the same table: a person's second step.
    write(
        &pages.join("start.html"),
        &page(
            "start",
            "<ul><li><a id=\"start\" href=\"static-table.html\">クラウドサービス事業者</a></li></ul>".to_owned(),
        ),
    )?;
    write(
        &pages.join("vanilla-search.html"),
        &page(
            "1000",
            format!("<input id=\"q\" type=\"search\"><p id=\"count\"></p><table>{}</table><script src=\"vanilla-search.js\"></script>", rows(1000)),
        ),
    )?;
    write(
        &pages.join("vanilla-search.js"),
        "// The same search by hand: NFKC and lower case, every term must occur; rows hidden.\nconst fold = (t) => t.normalize('NFKC').toLowerCase();\nconst rows = [...document.querySelectorAll('tr.item')].map((row) => [row, fold(row.textContent)]);\ndocument.getElementById('q').addEventListener('input', (event) => {\n  const terms = fold(event.target.value).split(/\\s+/).filter(Boolean);\n  let shown = 0;\n  for (const [row, text] of rows) {\n    const match = terms.every((term) => text.includes(term));\n    row.hidden = !match;\n    shown += match;\n  }\n  document.getElementById('count').textContent = shown;\n});\n",
    )?;
    write(
        &pages.join("catalog-1000.json"),
        &to_json(&tekigo_bench::workload(1000).0),
    )?;
    run::command(
        "cargo",
        &[
            "build",
            "-p",
            "tekigo-bench",
            "--lib",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    run::command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &pages.to_string_lossy(),
            &root()
                .join("target/wasm32-unknown-unknown/release/tekigo_bench.wasm")
                .to_string_lossy(),
        ],
    )?;
    write(
        &pages.join("engine.html"),
        &page(
            "engine",
            "<script type=\"module\" src=\"engine.js\"></script>".to_owned(),
        ),
    )?;
    write(
        &pages.join("engine.js"),
        &format!("import init, {{ engine_times }} from './tekigo_bench.js';\nawait init();\nwindow.engineTimes = Array.from(engine_times({ENGINE_ITEMS}, {ENGINE_ROUNDS}));\n"),
    )
}

/// What a file weighs gzip-compressed, as a server would send it.
pub fn gzip_size(path: &Path) -> Result<usize, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(&bytes)
        .map_err(|error| error.to_string())?;
    Ok(encoder.finish().map_err(|error| error.to_string())?.len())
}

/// Fails when a download weighs more than `size-budget.json` allows, naming the figures.
pub fn check_budget() -> Result<(), String> {
    let budget_file = root().join("size-budget.json");
    let budget: Value = serde_json::from_str(
        &std::fs::read_to_string(&budget_file)
            .map_err(|error| format!("{}: {error}", budget_file.display()))?,
    )
    .map_err(|error| format!("{}: {error}", budget_file.display()))?;
    let sizes = sizes()?;
    let mut over = Vec::new();
    for key in ["start", "app", "widget"] {
        let (size, limit) = (sizes[key].as_u64(), budget[key].as_u64());
        println!(
            "{key}: {} bytes gzip (budget {})",
            size.unwrap_or(0),
            limit.unwrap_or(0)
        );
        if let (Some(size), Some(limit)) = (size, limit) {
            if size > limit {
                over.push(format!(
                    "{key} is {size} bytes gzip, over the budget of {limit}"
                ));
            }
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

/// Transfer sizes (gzip, bytes) of what each use downloads.
fn sizes() -> Result<Value, String> {
    let dist = root().join("dist");
    let demo = root().join("dist-demo/tekigo");
    // What the files named, in `folder`, weigh together.
    let sum = |folder: &Path, files: &[&str]| -> Result<usize, String> {
        files.iter().map(|file| gzip_size(&folder.join(file))).sum()
    };
    // What a browser holding nothing of tekigo fetches for its first screen, which the build
    // rendered into index.html; updates.js follows it in every start.
    let start_files = [
        "index.html",
        "boot.js",
        "updates.js",
        "file-protocol.js",
        "style.css",
    ];
    // The app itself: fetched once a person points at that screen, and at once by a browser that
    // holds assessments (from the service worker's cache after the first visit). The start
    // screen lists the catalogs from the data files' index; the files themselves come when one
    // is opened.
    let app_files = ["tekigo-web.js", "tekigo-web_bg.wasm", "data/index.json"];
    let widget_files = [
        "widget/tekigo-widget.js",
        "widget/tekigo_widget.js",
        "widget/tekigo_widget_bg.wasm",
        "widget/widget.css",
        "widget/catalogs/meti-2012.json",
        "kirin-karte_public.json",
    ];
    Ok(json!({
        "start": sum(&dist, &start_files)?,
        "app": sum(&dist, &app_files)?,
        "appWasm": gzip_size(&dist.join("tekigo-web_bg.wasm"))?,
        "widget": sum(&demo, &widget_files)?,
        "widgetWasm": gzip_size(&demo.join("widget/tekigo_widget_bg.wasm"))?,
        "singleFile": gzip_size(&dist.join("tekigo.html"))?,
    }))
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

fn spread(values: &[f64]) -> String {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match (sorted.first(), sorted.last()) {
        (Some(low), Some(high)) => format!("{low:.0}–{high:.0}"),
        _ => String::new(),
    }
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|values| values.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Prints the table and writes it with the figures.
fn write_report(report: &Value) -> Result<(), String> {
    let b = &report["browser"];
    let mut lines = vec![
        "| measure | tekigo (median, spread) | plain page (median, spread) | ratio | goal |"
            .to_owned(),
        "|---|---|---|---|---|".to_owned(),
    ];
    let mut row = |name: &str, ours: &Value, theirs: &Value, unit: &str, goal: &str| {
        let (ours, theirs) = (numbers(ours), numbers(theirs));
        lines.push(format!(
            "| {name} | {:.1} {unit} ({} ) | {:.1} {unit} ({}) | {:.2}× | {goal} |",
            median(&ours),
            spread(&ours),
            median(&theirs),
            spread(&theirs),
            median(&ours) / median(&theirs)
        ));
    };
    row(
        "cold load → the first screen, ready for a click (plain page: its table)",
        &b["load"]["appShown"],
        &b["load"]["staticShown"],
        "ms",
        "",
    );
    row(
        "cold load → first of 253 items",
        &b["load"]["app"],
        &b["load"]["static"],
        "ms",
        "≤ 1.5×",
    );
    row(
        "same, CPU 4× slower",
        &b["loadThrottled"]["app"],
        &b["loadThrottled"]["static"],
        "ms",
        "≤ 1.5×",
    );
    row(
        "start chosen on a settled start screen → first of 253 items",
        &b["choice"]["app"],
        &b["choice"]["static"],
        "ms",
        "",
    );
    row(
        "same, CPU 4× slower",
        &b["choiceThrottled"]["app"],
        &b["choiceThrottled"]["static"],
        "ms",
        "",
    );
    row(
        "search keystroke, 1,000 items",
        &b["keystroke"]["app"],
        &b["keystroke"]["vanilla"],
        "ms",
        "≤ 1.3×",
    );
    row(
        "p95 of the keystrokes",
        &b["keystroke"]["appP95"],
        &b["keystroke"]["vanillaP95"],
        "ms",
        "",
    );
    row(
        "engine, 10,000 items: wasm vs native",
        &b["engine"],
        &report["engine"]["nativeMs"],
        "ms",
        "≤ 2×",
    );
    let s = &report["sizes"];
    let kb = |key: &str| s[key].as_f64().unwrap_or(0.0) / 1024.0;
    lines.push(String::new());
    lines.push("| download (gzip) | KB |".to_owned());
    lines.push("|---|---|".to_owned());
    for (name, key) in [
        (
            "first screen (HTML with the rendered screen, JS, CSS)",
            "start",
        ),
        (
            "the app, fetched once a person points at that screen (JS, wasm, the data index)",
            "app",
        ),
        ("… of which the wasm", "appWasm"),
        (
            "widget on a vendor page (with the sample and its catalog)",
            "widget",
        ),
        ("… of which the widget's wasm", "widgetWasm"),
        ("single file", "singleFile"),
    ] {
        lines.push(format!("| {name} | {:.0} |", kb(key)));
    }
    let table = lines.join("\n");
    println!("\n{table}\n");
    let folder = root().join("target/bench");
    write(&folder.join("bench.md"), &format!("{table}\n"))?;
    write(&folder.join("bench.json"), &to_json(report))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
