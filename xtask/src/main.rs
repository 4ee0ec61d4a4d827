//! `cargo xtask`: tekigo's build system, in Rust rather than shell glue.
//!
//! - `cargo xtask serve [--port N]`: set up, build the release app, serve it on 127.0.0.1.
//! - `cargo xtask test`: set up, then every check: fmt, clippy, engine and CLI tests, the
//!   release build, and the browser tests in headless Chromium.
//! - `cargo xtask setup [--browser]`: install whatever of the toolchain is missing.
//! - `cargo xtask dist`: set up and build the release app into `dist/` (and the widget into
//!   `dist/widget/`, the demo vendor site into `dist-demo/`), stamped with its version and
//!   build id (see `stamp.rs`).
//! - `cargo xtask fuzz [--seconds N] [--target NAME]`: run every fuzz target (or the one
//!   named) for N seconds each (default 600).
//! - `cargo xtask bench`: build the release app and measure it in headless Chromium against
//!   plain pages (cold load, search keystroke, engine wasm vs native) and the download sizes.
//! - `cargo xtask bench-import`: time each seed importer on 1, 2, 4 and 8 MB inputs.

mod bench;
mod bench_import;
mod data_files;
mod first_screen;
mod fuzz;
mod run;
mod serve;
mod setup;
mod single_file;
mod stamp;
mod widget;
mod worker;

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure(args.iter().any(|a| a == "--browser")),
        Some("dist") => setup::ensure(false).and_then(|()| build_dist()),
        Some("serve") => setup::ensure(false)
            .and_then(|()| build_dist())
            .and_then(|()| serve::serve_forever(port(&args))),
        Some("test") => test_all(),
        Some("bench") => setup::ensure(true).and_then(|()| bench::bench()),
        Some("fuzz") => fuzz::fuzz(
            number_after(&args, "--seconds").unwrap_or(600),
            value_after(&args, "--target"),
        ),
        Some("bench-import") => bench_import::bench_import(),
        _ => Err(
            "usage: cargo xtask <serve [--port N] | test | setup [--browser] | dist | fuzz [--seconds N] [--target NAME] | bench | bench-import>"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port(args: &[String]) -> u16 {
    number_after(args, "--port").unwrap_or(8080)
}

/// The number that follows `flag` in the arguments.
fn number_after<T: std::str::FromStr>(args: &[String], flag: &str) -> Option<T> {
    value_after(args, flag).and_then(|value| value.parse().ok())
}

/// The argument that follows `flag`.
fn value_after<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|arg| arg == flag)
        .and_then(|index| args.get(index + 1))
        .map(String::as_str)
}

/// The release app, built by Trunk with the tools set-up installed, then stamped.
pub fn build_dist() -> Result<(), String> {
    run::step("trunk build --release --offline", || {
        run::command("trunk", &["build", "--release", "--offline"])
    })?;
    run::step("data files", data_files::write)?;
    run::step("first screen", first_screen::write)?;
    run::step("single-file edition", single_file::build)?;
    run::step("widget and demo site", || {
        widget::build_widget().and_then(|()| widget::build_demo_site())
    })?;
    run::step("import and export worker", worker::build_formats_worker)?;
    run::step("stamp the build", || {
        stamp::stamp(&run::root().join("dist"))
    })
}

fn test_all() -> Result<(), String> {
    let started = Instant::now();
    setup::ensure(true)?;
    run::step("cargo fmt --check", || {
        run::command("cargo", &["fmt", "--all", "--", "--check"])
    })?;
    run::step("clippy (native crates)", || {
        run::command(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "tekigo-web",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    run::step("clippy (web, its worker, widget, bench; wasm32)", || {
        run::command(
            "cargo",
            &[
                "clippy",
                "-p",
                "tekigo-web",
                "-p",
                "tekigo-widget",
                "-p",
                "tekigo-bench",
                "-p",
                "tekigo-formats-worker",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    run::step("cargo test (engine, CLI, web reducer)", || {
        run::command("cargo", &["test", "--workspace"])
    })?;
    run::step("seed fixtures equal ../shared/seeds", || {
        if run::root().join("../shared/seeds").is_dir() {
            run::command(
                "cargo",
                &[
                    "test",
                    "-p",
                    "tekigo-core",
                    "--test",
                    "seeds",
                    "--",
                    "--ignored",
                    "fixtures_equal_shared_seeds",
                ],
            )
        } else {
            println!("SKIPPED: ../shared/seeds is not on this machine; the fixtures were not compared with it");
            Ok(())
        }
    })?;
    run::step(
        "checks by tools that are not ours (LibreOffice, compliance-trestle)",
        || {
            let python = setup::oscal_python();
            run::command_with_env(
                "cargo",
                &[
                    "test",
                    "-p",
                    "tekigo-formats",
                    "--test",
                    "external",
                    "--",
                    "--ignored",
                ],
                &[
                    ("TEKIGO_SOFFICE", setup::SOFFICE),
                    ("TEKIGO_OSCAL_PYTHON", &python.to_string_lossy()),
                ],
            )
        },
    )?;
    run::step("fuzz targets compile", || {
        for manifest in fuzz::MANIFESTS {
            run::command("cargo", &["check", "--manifest-path", manifest, "--bins"])?;
        }
        Ok(())
    })?;
    build_dist()?;
    run::step("size budget", bench::check_budget)?;
    let server = serve::spawn_ephemeral()?;
    let url = format!("http://127.0.0.1:{}/", server.port);
    let demo_url = format!("http://127.0.0.1:{}/", server.demo_port);
    run::step("browser tests (headless Chromium)", || {
        // A test file not done in 30 minutes fails (node gives the limit to each file run), and
        // one whose tests are done ends even if a browser it started is still running: a hang
        // is a failure naming its file, never a run that outlasts CI's limit.
        run::command_with_env(
            "node",
            &[
                "--test",
                "--test-concurrency=1",
                "--test-timeout=1800000",
                "--test-force-exit",
                "tests/e2e/",
            ],
            &[
                ("TEKIGO_URL", url.as_str()),
                ("TEKIGO_DEMO_URL", demo_url.as_str()),
            ],
        )
    })?;
    run::report();
    println!(
        "all checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
