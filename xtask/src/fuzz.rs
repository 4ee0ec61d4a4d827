//! `cargo xtask fuzz [--seconds N]`: runs every fuzz target of the engine for N seconds
//! (default 300), starting from the seed documents. cargo-fuzz is installed from crates.io if
//! missing; the stable toolchain runs it with `RUSTC_BOOTSTRAP=1` (no nightly can be fetched).

use std::path::Path;

use crate::run::{self, root};

/// Each target and the committed files that seed its corpus.
const TARGETS: [(&str, &[&str]); 4] = [
    (
        "import_checklist",
        &["crates/core/tests/seeds/003_8f87f65dda490ce1.txt"],
    ),
    (
        "import_meti2012",
        &["crates/core/tests/seeds/004_82653e598a87a77b.txt"],
    ),
    (
        "import_mhlw",
        &["crates/core/tests/seeds/002_6840460b5352da36.txt"],
    ),
    (
        "load_assessment",
        &["crates/core/data/sample-kirin-karte-meti-2012.json"],
    ),
];

pub fn fuzz(seconds: u64) -> Result<(), String> {
    if run::output("cargo", &["fuzz", "--version"]).is_none() {
        run::command("cargo", &["install", "cargo-fuzz", "--locked"])?;
    }
    for (target, seeds) in TARGETS {
        let corpus = root().join("crates/core/fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|error| error.to_string())?;
        for seed in seeds {
            let source = root().join(seed);
            let name = Path::new(seed).file_name().unwrap_or_default();
            std::fs::copy(&source, corpus.join(name))
                .map_err(|error| format!("{seed}: {error}"))?;
        }
        let corpus = corpus.to_string_lossy().into_owned();
        let time = format!("-max_total_time={seconds}");
        run::step(&format!("fuzz {target} for {seconds} s"), || {
            run::command_in(
                "crates/core",
                "cargo",
                &[
                    "fuzz",
                    "run",
                    "-O",
                    target,
                    &corpus,
                    "--",
                    &time,
                    "-max_len=262144",
                    "-rss_limit_mb=4096",
                ],
                &[("RUSTC_BOOTSTRAP", "1")],
            )
        })?;
    }
    run::report();
    Ok(())
}
