//! Running commands from the workspace root, with the project's tool folder on PATH, and
//! timing each step for the summary printed at the end.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Instant;

static TIMINGS: Mutex<Vec<(String, f64)>> = Mutex::new(Vec::new());

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// The folder whose binaries (npm's wasm-opt) must come first on PATH.
pub fn node_bin() -> PathBuf {
    root().join("tests/e2e/node_modules/.bin")
}

fn path_env() -> String {
    let mut paths = vec![node_bin()];
    if let Some(home) = std::env::var_os("HOME") {
        paths.push(Path::new(&home).join(".cargo/bin"));
    }
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths)
        .map(|joined| joined.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs a step, timing it.
pub fn step(name: &str, body: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    println!("\n== {name}");
    let started = Instant::now();
    let result = body();
    let seconds = started.elapsed().as_secs_f64();
    TIMINGS
        .lock()
        .expect("timings")
        .push((name.to_owned(), seconds));
    result.map_err(|error| format!("{name}: {error}"))
}

/// Runs a step that gives a value, timing it.
pub fn step_value<T>(name: &str, body: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let mut value = None;
    step(name, || {
        value = Some(body()?);
        Ok(())
    })?;
    value.ok_or_else(|| format!("{name}: no result"))
}

/// Prints how long each step took.
pub fn report() {
    println!("\nstep timings:");
    for (name, seconds) in TIMINGS.lock().expect("timings").iter() {
        println!("  {seconds:>7.1} s  {name}");
    }
}

pub fn command(program: &str, args: &[&str]) -> Result<(), String> {
    command_with_env(program, args, &[])
}

pub fn command_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    command_in(".", program, args, env)
}

/// Runs a command in a folder of the workspace.
pub fn command_in(
    folder: &str,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    let status = Command::new(program)
        .args(args)
        .current_dir(root().join(folder))
        .env("PATH", path_env())
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .status()
        .map_err(|error| format!("cannot run {program}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} failed ({status})", args.join(" ")))
    }
}

/// The trimmed standard output of a command, or `None` when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .current_dir(root())
        .env("PATH", path_env())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}
