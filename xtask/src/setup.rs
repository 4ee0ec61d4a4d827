//! Installs what a fresh machine lacks and skips what is already there: the wasm target,
//! Trunk, wasm-bindgen-cli at exactly the version in Cargo.lock, the node packages of the
//! browser tests (which bring wasm-opt), and for tests Debian's Chromium with CJK fonts,
//! LibreOffice's Calc (which opens the XLSX tekigo writes) and compliance-trestle in a
//! virtual environment under `.tools/` (which checks the OSCAL tekigo writes).
//! Everything comes from a package registry (crates.io, npm, PyPI, Debian); nothing else is
//! fetched.

use std::path::{Path, PathBuf};

use crate::run::{self, root};

const TRUNK_VERSION: &str = "0.21.14";

pub fn ensure(browser: bool) -> Result<(), String> {
    run::step("set-up", || {
        wasm_target()?;
        node()?;
        node_packages()?;
        trunk()?;
        wasm_bindgen()?;
        if browser {
            chromium()?;
            libreoffice()?;
            oscal_validator()?;
        }
        Ok(())
    })
}

fn wasm_target() -> Result<(), String> {
    let installed = run::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|line| line == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run::command("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

fn node() -> Result<(), String> {
    if run::output("node", &["--version"]).is_some() && run::output("npm", &["--version"]).is_some()
    {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

/// `npm ci` when node_modules is missing or older than the lockfile.
fn node_packages() -> Result<(), String> {
    let e2e = root().join("tests/e2e");
    let installed = e2e.join("node_modules/.package-lock.json");
    if is_newer_or_same(&installed, &e2e.join("package-lock.json")) {
        return Ok(());
    }
    run::command(
        "npm",
        &["ci", "--prefix", "tests/e2e", "--no-audit", "--no-fund"],
    )
}

fn is_newer_or_same(target: &Path, source: &Path) -> bool {
    let modified = |path: &Path| path.metadata().and_then(|meta| meta.modified()).ok();
    matches!((modified(target), modified(source)), (Some(t), Some(s)) if t >= s)
}

fn trunk() -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if run::output("trunk", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("installing Trunk {TRUNK_VERSION} from crates.io (10–17 min on 2 cores)");
    run::command(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )
}

/// wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly. Installed without
/// `--locked`: the registry lacks one of its locked dependencies.
fn wasm_bindgen() -> Result<(), String> {
    let version = locked_version("wasm-bindgen")?;
    let wanted = format!("wasm-bindgen {version}");
    if run::output("wasm-bindgen", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {version} from crates.io (about 8 min)");
    run::command(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ],
    )
}

/// The version Cargo.lock pins for a package.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let marker = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&marker)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + marker.len();
    let end = lock[start..]
        .find('"')
        .ok_or_else(|| "Cargo.lock is malformed".to_owned())?;
    Ok(lock[start..start + end].to_owned())
}

fn chromium() -> Result<(), String> {
    let fonts = Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists();
    let browser = Path::new("/usr/bin/chromium").exists();
    let driver = Path::new("/usr/bin/chromedriver").exists();
    if fonts && browser && driver {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver", "fonts-noto-cjk"])
}

/// LibreOffice's `soffice`, run headless by the tests.
pub const SOFFICE: &str = "/usr/bin/soffice";

fn libreoffice() -> Result<(), String> {
    if Path::new(SOFFICE).exists() {
        return Ok(());
    }
    apt_install(&["libreoffice-calc-nogui"])
}

/// The compliance-trestle release whose OSCAL models (1.2.1) the tests validate against.
const TRESTLE_VERSION: &str = "5.2.0";

/// The Python of the virtual environment that holds compliance-trestle.
pub fn oscal_python() -> PathBuf {
    root().join(".tools/oscal-venv/bin/python")
}

fn oscal_validator() -> Result<(), String> {
    let python = oscal_python();
    let python = python.to_string_lossy();
    let installed = run::output(
        &python,
        &["-c", "import trestle; print(trestle.__version__)"],
    );
    if installed.as_deref() == Some(TRESTLE_VERSION) {
        return Ok(());
    }
    if run::output("python3", &["-m", "venv", "--help"]).is_none() {
        apt_install(&["python3", "python3-venv"])?;
    }
    println!("installing compliance-trestle {TRESTLE_VERSION} from PyPI into .tools/oscal-venv");
    run::command("python3", &["-m", "venv", ".tools/oscal-venv"])?;
    let requirement = format!("compliance-trestle=={TRESTLE_VERSION}");
    run::command(
        &python,
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &requirement,
        ],
    )
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    println!("installing {} with apt-get", packages.join(", "));
    run::command("apt-get", &["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    run::command_with_env("apt-get", &args, &[("DEBIAN_FRONTEND", "noninteractive")])
}
