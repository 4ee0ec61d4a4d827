//! `cargo xtask fuzz [--seconds N] [--target NAME]`: runs every fuzz target of the engine and
//! of the exchange formats (or the one named) for N seconds (default 600, ten minutes each).
//! cargo-fuzz is installed from crates.io if missing; the stable toolchain runs it with
//! `RUSTC_BOOTSTRAP=1` (no nightly can be fetched).
//!
//! Each target starts from its seed documents and from `<fuzz dir>/seeds/<target>/` (short
//! excerpts of the documents, and every input that once crashed the target), and an
//! importer or reader mutates with the markers and headers of `<fuzz dir>/dictionaries/`. An
//! importer spends the first half of its time on inputs of at most [`SHORT_LEN`] bytes: a
//! whole document is slow to run and a mutation deep inside it seldom reaches a new branch,
//! so only short inputs find the bugs of a line parser in minutes; the second half allows
//! inputs as long as the documents, for the paths that need every item. An input slower than
//! 10 s counts as a crash, so that an importer turning quadratic shows up here. A crashing
//! target does not stop the others; the run fails at the end, naming them.

use crate::run::{self, root};

/// The engine's fuzz crate and the exchange formats' (each its own workspace).
const CORE_FUZZ: &str = "crates/core/fuzz";
const FORMATS_FUZZ: &str = "crates/formats/fuzz";
/// The manifests of the fuzz crates, whose targets `cargo xtask test` compiles.
pub const MANIFESTS: [&str; 2] = [
    "crates/core/fuzz/Cargo.toml",
    "crates/formats/fuzz/Cargo.toml",
];
/// Enough for a title page, the page header and a few rows.
const SHORT_LEN: u64 = 2048;
const LONG_LEN: u64 = 262_144;

/// A fuzz target and the committed documents that seed its corpus.
struct Target {
    name: &'static str,
    /// The fuzz crate it is in.
    dir: &'static str,
    documents: &'static [&'static str],
    /// An importer or a reader: has a dictionary and finds most on short inputs.
    importer: bool,
}

const TARGETS: [Target; 6] = [
    Target {
        name: "import_checklist",
        dir: CORE_FUZZ,
        documents: &["crates/core/tests/seeds/003_8f87f65dda490ce1.txt"],
        importer: true,
    },
    Target {
        name: "import_meti2012",
        dir: CORE_FUZZ,
        documents: &["crates/core/tests/seeds/004_82653e598a87a77b.txt"],
        importer: true,
    },
    Target {
        name: "import_mhlw",
        dir: CORE_FUZZ,
        documents: &["crates/core/tests/seeds/002_6840460b5352da36.txt"],
        importer: true,
    },
    Target {
        name: "load_assessment",
        dir: CORE_FUZZ,
        documents: &["crates/core/data/sample-kirin-karte-meti-2012.json"],
        importer: false,
    },
    Target {
        name: "read_xlsx",
        dir: FORMATS_FUZZ,
        documents: &["crates/formats/tests/fixtures/mhlw-cyber-checklist-example.xlsx"],
        importer: true,
    },
    Target {
        name: "read_csv",
        dir: FORMATS_FUZZ,
        documents: &[
            "crates/formats/tests/fixtures/mds-sds-example.csv",
            "crates/formats/tests/fixtures/mhlw-cyber-checklist-example.csv",
        ],
        importer: true,
    },
];

pub fn fuzz(seconds: u64, only: Option<&str>) -> Result<(), String> {
    if let Some(name) = only {
        if !TARGETS.iter().any(|target| target.name == name) {
            return Err(format!("no fuzz target {name}"));
        }
    }
    if run::output("cargo", &["fuzz", "--version"]).is_none() {
        run::command("cargo", &["install", "cargo-fuzz", "--locked"])?;
    }
    let mut crashed = Vec::new();
    for target in TARGETS
        .iter()
        .filter(|target| only.is_none_or(|name| name == target.name))
    {
        let corpus = seed_corpus(target)?;
        let phases = if target.importer {
            vec![(seconds / 2, SHORT_LEN), (seconds - seconds / 2, LONG_LEN)]
        } else {
            vec![(seconds, LONG_LEN)]
        };
        for (phase_seconds, max_len) in phases {
            let title = format!(
                "fuzz {} for {phase_seconds} s, inputs up to {max_len} bytes",
                target.name
            );
            let ran = run::step(&title, || {
                run_fuzzer(target, &corpus, phase_seconds, max_len)
            });
            if ran.is_err() {
                crashed.push(target.name);
                break;
            }
        }
    }
    run::report();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} crashed; the inputs are in the fuzz crates' artifacts/",
            crashed.join(", ")
        ))
    }
}

fn run_fuzzer(target: &Target, corpus: &str, seconds: u64, max_len: u64) -> Result<(), String> {
    let time = format!("-max_total_time={seconds}");
    let max_len = format!("-max_len={max_len}");
    let dictionary = target
        .importer
        .then(|| {
            root()
                .join(target.dir)
                .join("dictionaries")
                .join(format!("{}.dict", target.name))
        })
        .map(|path| format!("-dict={}", path.display()));
    let mut args = vec![
        "fuzz",
        "run",
        "-O",
        target.name,
        corpus,
        "--",
        &time,
        &max_len,
        "-rss_limit_mb=4096",
        "-timeout=10",
        "-print_final_stats=1",
    ];
    args.extend(dictionary.as_deref());
    let crate_dir = target.dir.trim_end_matches("/fuzz");
    run::command_in(crate_dir, "cargo", &args, &[("RUSTC_BOOTSTRAP", "1")])
}

/// The target's corpus folder, with its seed documents and kept inputs copied in.
fn seed_corpus(target: &Target) -> Result<String, String> {
    let corpus = root().join(target.dir).join("corpus").join(target.name);
    std::fs::create_dir_all(&corpus).map_err(|error| error.to_string())?;
    let kept = root().join(target.dir).join("seeds").join(target.name);
    let kept_inputs = std::fs::read_dir(&kept)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path());
    let documents = target
        .documents
        .iter()
        .map(|document| root().join(document));
    for source in documents.chain(kept_inputs) {
        let name = source.file_name().unwrap_or_default();
        std::fs::copy(&source, corpus.join(name))
            .map_err(|error| format!("{}: {error}", source.display()))?;
    }
    Ok(corpus.to_string_lossy().into_owned())
}
