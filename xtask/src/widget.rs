//! Builds the widget into `dist/widget/` and the demo vendor site into `dist-demo/`.
//!
//! The widget is its own wasm (`crates/widget`), built with cargo, wasm-bindgen and wasm-opt
//! (Trunk builds one app per page; the widget is no page). Next to it go its module script,
//! stylesheet, types, the iframe page, and the catalogs as data files, so a vendor copies one
//! folder. The demo site is a fake vendor page with hostile CSS embedding the widget from its
//! own copy of that folder, with the published version of the vendor sample — made here by
//! the engine, never committed — and a page embedding `embed.html` from the app's origin.

use std::path::Path;

use tekigo_core::embedded;
use tekigo_core::publish::publish;
use tekigo_core::shipped::{WidgetFiles, WIDGET_FILES};
use tekigo_core::to_json;

use crate::run::{self, root};

/// The wasm-opt flags of the app's build (index.html), so both wasm files are built alike.
pub const WASM_OPT_FLAGS: [&str; 7] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// The date the published sample carries: the vendor reference's own revision date.
const SAMPLE_PUBLISHED_AT: &str = "2019-08-26T00:00:00+09:00";
/// The name of the published sample in the demo site.
pub const SAMPLE_FILE: &str = "kirin-karte_public.json";

/// Builds `dist/widget/` (after Trunk, which empties `dist/`).
pub fn build_widget() -> Result<(), String> {
    let dist = root().join("dist/widget");
    run::command(
        "cargo",
        &[
            "build",
            "-p",
            "tekigo-widget",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    let wasm = root().join("target/wasm32-unknown-unknown/release/tekigo_widget.wasm");
    let out = dist.to_string_lossy().into_owned();
    run::command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &out,
            "--out-name",
            "tekigo_widget",
            &wasm.to_string_lossy(),
        ],
    )?;
    let bg = dist
        .join("tekigo_widget_bg.wasm")
        .to_string_lossy()
        .into_owned();
    let mut args: Vec<&str> = WASM_OPT_FLAGS.to_vec();
    args.extend([bg.as_str(), "-o", bg.as_str()]);
    run::command("wasm-opt", &args)?;
    copy_folder(&root().join("www/widget"), &dist)?;
    write_kit_list(&dist)?;
    let catalogs = dist.join("catalogs");
    create(&catalogs)?;
    for catalog in embedded::catalogs() {
        write(
            &catalogs.join(format!("{}.json", catalog.id)),
            &to_json(catalog),
        )?;
    }
    Ok(())
}

/// Lists the widget's own files (not its catalogs) in `kit.json`, the list the app's publish
/// dialog packs with a vendor's answers into the widget kit (`tekigo_core::shipped`).
fn write_kit_list(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|error| format!("{}: {error}", dist.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| error.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Not the list itself, should the folder already hold one.
        if entry.path().is_file() && name != WIDGET_FILES {
            files.push(name);
        }
    }
    files.sort();
    let list = serde_json::to_string(&WidgetFiles { files }).map_err(|error| error.to_string())?;
    write(&dist.join(WIDGET_FILES), &list)
}

/// Builds `dist-demo/`: the demo vendor site (served on a second port by `xtask serve`).
pub fn build_demo_site() -> Result<(), String> {
    let site = root().join("dist-demo");
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|error| format!("{}: {error}", site.display()))?;
    }
    copy_folder(&root().join("www/demo"), &site)?;
    copy_folder(&root().join("dist/widget"), &site.join("tekigo/widget"))?;
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id)
        .ok_or_else(|| format!("the sample's catalog {} is not shipped", sample.catalog.id))?;
    let published = publish(catalog, &sample, SAMPLE_PUBLISHED_AT);
    write(&site.join("tekigo").join(SAMPLE_FILE), &to_json(&published))
}

fn copy_folder(from: &Path, to: &Path) -> Result<(), String> {
    create(to)?;
    let entries =
        std::fs::read_dir(from).map_err(|error| format!("{}: {error}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| error.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|error| format!("{}: {error}", target.display()))?;
        }
    }
    Ok(())
}

fn create(folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
