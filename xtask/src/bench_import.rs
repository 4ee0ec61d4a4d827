//! `cargo xtask bench-import`: how the seed importers scale with their input (1, 2, 4, 8 MB),
//! timed in release mode by the engine's `bench_import` example. Kept out of `cargo xtask
//! test`: timings on a shared machine make a poor pass/fail check, a table to read is better.

use crate::run;

pub fn bench_import() -> Result<(), String> {
    run::step("bench the importers (release)", || {
        run::command(
            "cargo",
            &[
                "run",
                "--release",
                "--package",
                "tekigo-core",
                "--example",
                "bench_import",
            ],
        )
    })
}
