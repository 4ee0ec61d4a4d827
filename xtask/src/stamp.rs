//! Stamps a release build with its version, so that updates never mix two builds.
//!
//! After Trunk, every file of `dist/` is hashed (SHA-256). The build id is the start of a hash
//! over all of them, the service worker's source included, so any change makes a new build.
//! `dist/version.json` gets `{version, build}` (the version is tekigo-web's), and `dist/sw.js`
//! gets the manifest — version, build and the hash of every file it must keep — in place of
//! its placeholder. The worker installs a build only when every file it fetches has the
//! stamped hash (see `www/sw.js`).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::run;

/// The placeholder in `www/sw.js` that the manifest replaces.
const PLACEHOLDER: &str = "/* stamped by cargo xtask dist */ null";
/// The worker's own file: hashed into the build id, but not a file it keeps.
const WORKER: &str = "sw.js";
const VERSION_FILE: &str = "version.json";
/// The single-file edition (see `single_file.rs`).
const SINGLE_FILE: &str = "tekigo.html";

/// Stamps the build in `dist`.
pub fn stamp(dist: &Path) -> Result<(), String> {
    let mut files = BTreeMap::new();
    hash_folder(dist, "", &mut files)?;
    files.remove(VERSION_FILE);
    let worker_source = files
        .remove(WORKER)
        .ok_or_else(|| format!("{} has no {WORKER}", dist.display()))?;

    // The single-file edition is offered for download, not run from the cache: the worker
    // does not keep it (its hash still names the build).
    let single_file = files.remove(SINGLE_FILE);
    let mut all = Sha256::new();
    if let Some(hash) = &single_file {
        all.update(format!("{SINGLE_FILE} {hash}\n"));
    }
    for (path, hash) in &files {
        all.update(format!("{path} {hash}\n"));
    }
    all.update(format!("{WORKER} {worker_source}\n"));
    let build = hex(&all.finalize())[..12].to_owned();
    let version = web_version()?;

    let version_json = json!({ "version": version, "build": build }).to_string();
    write(&dist.join(VERSION_FILE), version_json.as_bytes())?;
    files.insert(VERSION_FILE.to_owned(), hex(&Sha256::digest(&version_json)));

    let manifest = json!({ "version": version, "build": build, "files": files }).to_string();
    let worker_path = dist.join(WORKER);
    let worker = read_text(&worker_path)?;
    if worker.matches(PLACEHOLDER).count() != 1 {
        return Err(format!(
            "{} must hold the placeholder `{PLACEHOLDER}` exactly once",
            worker_path.display()
        ));
    }
    write(
        &worker_path,
        worker.replace(PLACEHOLDER, &manifest).as_bytes(),
    )?;
    println!(
        "stamped build {build} (tekigo-web {version}, {} files)",
        files.len()
    );
    Ok(())
}

/// Every file under `folder`, by its `/`-separated path relative to the build, with its hash.
fn hash_folder(
    folder: &Path,
    prefix: &str,
    files: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    let entries =
        std::fs::read_dir(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("{}: {error}", folder.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            hash_folder(&path, &format!("{prefix}{name}/"), files)?;
        } else {
            let bytes =
                std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
            files.insert(format!("{prefix}{name}"), hex(&Sha256::digest(&bytes)));
        }
    }
    Ok(())
}

/// The version of the web app's crate, as Cargo resolves it.
fn web_version() -> Result<String, String> {
    let metadata = run::output("cargo", &["metadata", "--format-version", "1", "--no-deps"])
        .ok_or("cargo metadata failed")?;
    let metadata: serde_json::Value =
        serde_json::from_str(&metadata).map_err(|error| format!("cargo metadata: {error}"))?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == "tekigo-web")
        .and_then(|package| package["version"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| "cargo metadata lists no tekigo-web".to_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|error| format!("{}: {error}", path.display()))
}
