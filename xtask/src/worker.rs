//! Builds the import and export worker into `dist/formats/`: `crates/formats-worker` with
//! cargo, wasm-bindgen (`no-modules`, as a classic worker script wants) and wasm-opt, and the
//! loader the app starts (`formats-worker.js`). It is a module of its own so that the app's
//! start never loads it; its size is printed, raw and gzipped, on every build.

use std::path::Path;

use crate::run::{self, root};
use crate::widget::WASM_OPT_FLAGS;

/// The folder of `dist/` the worker's files go in (the app asks for `formats/…`).
const FOLDER: &str = "dist/formats";
const NAME: &str = "tekigo_formats_worker";

/// The worker's loader: the glue, then the wasm; the worker says when it is ready.
const LOADER: &str = "// Starts tekigo's import and export worker (written by cargo xtask).\n\
importScripts('./tekigo_formats_worker.js');\n\
wasm_bindgen({ module_or_path: './tekigo_formats_worker_bg.wasm' });\n";

/// Builds the worker into `dist/formats/` (after Trunk, which empties `dist/`).
pub fn build_formats_worker() -> Result<(), String> {
    run::command(
        "cargo",
        &[
            "build",
            "-p",
            "tekigo-formats-worker",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    let out = root().join(FOLDER);
    let wasm = root().join(format!("target/wasm32-unknown-unknown/release/{NAME}.wasm"));
    run::command(
        "wasm-bindgen",
        &[
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-dir",
            &out.to_string_lossy(),
            "--out-name",
            NAME,
            &wasm.to_string_lossy(),
        ],
    )?;
    let bg = out.join(format!("{NAME}_bg.wasm"));
    let bg_path = bg.to_string_lossy().into_owned();
    let mut args: Vec<&str> = WASM_OPT_FLAGS.to_vec();
    args.extend([bg_path.as_str(), "-o", bg_path.as_str()]);
    run::command("wasm-opt", &args)?;
    std::fs::write(out.join("formats-worker.js"), LOADER)
        .map_err(|error| format!("{}: {error}", out.display()))?;
    report_size(&bg, &out.join(format!("{NAME}.js")))
}

/// Prints what the worker weighs: what a browser downloads, compressed as a server would.
fn report_size(wasm: &Path, glue: &Path) -> Result<(), String> {
    let size = |path: &Path| {
        std::fs::metadata(path)
            .map(|meta| meta.len() as usize)
            .map_err(|error| format!("{}: {error}", path.display()))
    };
    let gzip = crate::bench::gzip_size;
    println!(
        "import and export worker: wasm {} KB ({} KB gzip), glue {} KB ({} KB gzip), loaded on demand only",
        size(wasm)? / 1000,
        gzip(wasm)? / 1000,
        size(glue)? / 1000,
        gzip(glue)? / 1000
    );
    Ok(())
}
