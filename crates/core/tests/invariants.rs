//! The architecture's invariants (ARCHITECTURE.md), checked on the source text the way
//! rust-analyzer's tidy tests do: no data and no engine call, only source files read.
//!
//! Each check is a function from text to the violations it finds, so
//! `every_check_finds_a_planted_violation` can show that a green run means something.

use std::path::{Path, PathBuf};

/// Crates that exist for the browser; `gloo` and `yew` name families (`gloo-timers`, …).
const WEB_CRATES: [&str; 5] = [
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "serde-wasm-bindgen",
];
const WEB_CRATE_FAMILIES: [&str; 2] = ["gloo", "yew"];

/// Paths by which code reads the clock, the file system or the process environment.
const CLOCK_AND_FILES: [&str; 5] = ["std::fs", "std::env", "std::path", "SystemTime", "Instant"];
/// Modules of `std` that a grouped import (`use std::{fs, …}`) must not name.
const FILE_MODULES: [&str; 3] = ["fs", "env", "path"];

/// What a crate would use to turn JSON into values itself instead of asking the engine.
const OWN_PARSING: [&str; 7] = [
    "serde",
    "serde_json",
    "serde_wasm_bindgen",
    "Deserialize",
    "into_serde",
    "from_serde",
    "JSON::parse",
];

// Guards "`core` knows nothing about the browser, Yew …": the engine depends on no web crate.
#[test]
fn engine_depends_on_no_web_crate() {
    let manifest = read(&workspace().join("crates/core/Cargo.toml"));
    let found = web_crates_in(&manifest);
    assert!(
        found.is_empty(),
        "crates/core/Cargo.toml depends on web crates: {found:?}; the engine must build \
         without the browser (put browser code in crates/web)"
    );
}

// Guards "the engine is safe Rust and documents its public items": lib.rs keeps both lints.
#[test]
fn engine_forbids_unsafe_code_and_warns_on_missing_docs() {
    let lib = read(&workspace().join("crates/core/src/lib.rs"));
    let missing = missing_crate_attributes(&lib);
    assert!(
        missing.is_empty(),
        "crates/core/src/lib.rs lacks {missing:?}"
    );
}

// Guards "the engine is safe Rust" even without the attribute: no engine source says `unsafe`.
#[test]
fn engine_has_no_unsafe_code() {
    assert_none(
        "`unsafe` in the engine",
        sources("crates/core/src")
            .iter()
            .flat_map(|(path, text)| located(path, text, uses_of(&["unsafe"], text))),
    );
}

// Guards "`core` knows nothing about files on disk … callers supply the current time".
#[test]
fn engine_never_reads_the_clock_or_the_file_system() {
    assert_none(
        "the clock, the file system or the environment read in the engine (take them as \
         arguments; the caller does the I/O)",
        sources("crates/core/src")
            .iter()
            .flat_map(|(path, text)| located(path, text, clock_and_file_access(text))),
    );
}

// Guards "`web` never parses … by itself — it calls `core`": no JSON parsing of its own.
#[test]
fn web_never_parses_a_tekigo_file_itself() {
    assert_none(
        "JSON parsed by the web crate itself (call tekigo_core::load_file and friends)",
        sources("crates/web/src")
            .iter()
            .flat_map(|(path, text)| located(path, text, uses_of(&OWN_PARSING, text))),
    );
}

// The checks themselves: each finds a violation planted in a string.
#[test]
fn every_check_finds_a_planted_violation() {
    let manifest = lines(&[
        "[package]",
        "name = \"x\"",
        "[dependencies]",
        "serde.workspace = true",
        "web_sys = { version = \"0.3\", features = [",
        "  \"Window\",",
        "] }",
        "timers = { package = \"gloo-timers\", version = \"0.3\" }",
        "[dev-dependencies.yew]",
        "version = \"0.23\"",
    ]);
    assert_eq!(web_crates_in(&manifest), ["web-sys", "gloo-timers", "yew"]);
    let commented = lines(&["[dependencies]", "serde = \"1\"", "# yew = \"0.23\""]);
    assert_eq!(web_crates_in(&commented), Vec::<String>::new());

    let lib = lines(&["// #![forbid(unsafe_code)]", "#![warn(missing_docs)]"]);
    assert_eq!(missing_crate_attributes(&lib), ["#![forbid(unsafe_code)]"]);

    let unsafe_code = lines(&[
        "// unsafe in a comment",
        "fn f() { let s = \"unsafe\"; }",
        "fn g() { unsafe { h() } }",
        "#![forbid(unsafe_code)]",
    ]);
    assert_eq!(uses_of(&["unsafe"], &unsafe_code), [3]);

    let clock = lines(&[
        "use std::{collections::HashMap, fs};",
        "let t = std::time::Instant::now();",
        "let x = std::time::Duration::from_secs(1);",
        "let s = \"std::fs::read\";",
    ]);
    assert_eq!(clock_and_file_access(&clock), [1, 2]);

    let web = lines(&[
        "fn f(s: &str) {",
        "    let v: serde_json::Value = serde_json::from_str(s).unwrap();",
        "}",
        "let o = js_sys::JSON::parse(&text);",
        "let t = js_sys::JSON::stringify(&v);",
    ]);
    assert_eq!(uses_of(&OWN_PARSING, &web), [2, 4]);

    let tricky = lines(&[
        "let c = '\"'; let q = r#\"unsafe \"# ; fn f<'a>(x: &'a str) {}",
        "/* /* unsafe */ */ unsafe",
    ]);
    assert_eq!(uses_of(&["unsafe"], &tricky), [2]);
}

// The checks see code: stripping comments and literals never swallows a real line of code.
#[test]
fn code_only_keeps_every_item_of_the_sources() {
    const STARTS: [&str; 6] = ["fn ", "pub fn ", "use ", "impl", "mod ", "pub mod "];
    let mut checked = 0;
    for (path, text) in sources("crates/core/src")
        .into_iter()
        .chain(sources("crates/web/src"))
    {
        let code = code_only(&text);
        assert_eq!(code.lines().count(), text.lines().count(), "{path}");
        for (number, (line, kept)) in text.lines().zip(code.lines()).enumerate() {
            if let Some(start) = STARTS.iter().find(|s| line.trim_start().starts_with(**s)) {
                assert!(
                    kept.trim_start().starts_with(start),
                    "{path}:{}: code_only lost `{}`",
                    number + 1,
                    line.trim()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} lines checked");
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Text of these lines, each ended by a newline.
fn lines(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// Every `.rs` file under `dir` (relative to the workspace), as (path, text), in path order.
fn sources(dir: &str) -> Vec<(String, String)> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    let root = workspace();
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no Rust files under {dir}");
    files
        .into_iter()
        .map(|path| {
            let shown = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            let text = read(&path);
            (shown, text)
        })
        .collect()
}

/// `path:line: the line` for each line number.
fn located(path: &str, text: &str, lines: Vec<usize>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
            let content = text.lines().nth(line - 1).unwrap_or_default().trim();
            format!("{path}:{line}: {content}")
        })
        .collect()
}

fn assert_none(what: &str, violations: impl Iterator<Item = String>) {
    let violations: Vec<String> = violations.collect();
    assert!(violations.is_empty(), "{what}:\n{}", violations.join("\n"));
}

/// The web crates a manifest depends on, in any dependency table (`[dependencies]`,
/// `[dev-dependencies]`, `[target.….dependencies]`, `[dependencies.name]`), by key or by the
/// `package = "…"` a key renames.
fn web_crates_in(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    // In a table of dependencies, or in the table of one (`[dependencies.yew]`).
    let (mut in_list, mut in_one) = (false, false);
    // Open brackets of a value that goes on over several lines (a list of features).
    let mut depth = 0i32;
    for raw in manifest.lines() {
        let line = strip_toml_comment(raw).trim();
        if depth > 0 {
            depth += bracket_balance(line);
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']').trim();
            in_list = header.ends_with("dependencies");
            in_one = false;
            if let Some((_, name)) = header.split_once("dependencies.") {
                names.push(name.trim_matches('"').to_owned());
                in_one = true;
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches('"');
        if in_list {
            names.push(key.split('.').next().unwrap_or(key).to_owned());
            if let Some(package) = inline_package(value) {
                names.push(package);
            }
        } else if in_one && key == "package" {
            names.push(value.trim().trim_matches('"').to_owned());
        }
        depth += bracket_balance(value);
    }
    names
        .into_iter()
        .map(|name| name.to_lowercase().replace('_', "-"))
        .filter(|name| {
            WEB_CRATES.contains(&name.as_str())
                || WEB_CRATE_FAMILIES
                    .iter()
                    .any(|family| name.starts_with(family))
        })
        .collect()
}

/// The line without a `#` comment (a `#` inside a string stays).
fn strip_toml_comment(line: &str) -> &str {
    let mut in_string = false;
    for (index, c) in line.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..index],
            _ => {}
        }
    }
    line
}

/// Opened minus closed brackets and braces outside strings.
fn bracket_balance(text: &str) -> i32 {
    let mut in_string = false;
    let mut balance = 0;
    for c in text.chars() {
        match c {
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => balance += 1,
            ']' | '}' if !in_string => balance -= 1,
            _ => {}
        }
    }
    balance
}

/// `x` of `{ package = "x", … }`.
fn inline_package(value: &str) -> Option<String> {
    let rest = value
        .split_once("package")?
        .1
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start().strip_prefix('"')?;
    Some(rest.split('"').next()?.to_owned())
}

/// The crate attributes of lib.rs that are missing (in code, not in a comment).
fn missing_crate_attributes(lib: &str) -> Vec<&'static str> {
    let code = code_only(lib);
    ["#![forbid(unsafe_code)]", "#![warn(missing_docs)]"]
        .into_iter()
        .filter(|attribute| !code.lines().any(|line| line.trim() == *attribute))
        .collect()
}

/// Lines that read the clock, the file system or the environment: a path of
/// [`CLOCK_AND_FILES`], or `use std::{…}` naming a module of [`FILE_MODULES`].
fn clock_and_file_access(text: &str) -> Vec<usize> {
    let mut lines = uses_of(&CLOCK_AND_FILES, text);
    let code = code_only(text);
    for (start, _) in code.match_indices("std::{") {
        let group = braced(&code[start + "std::".len()..]);
        if FILE_MODULES
            .iter()
            .any(|module| !find_word(group, module).is_empty())
        {
            lines.push(line_of(&code, start));
        }
    }
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// The text from an opening brace to its matching closing one.
fn braced(text: &str) -> &str {
    let mut depth = 0;
    for (index, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..=index];
                }
            }
            _ => {}
        }
    }
    text
}

/// Lines (from 1) where any of `words` occurs in code — outside comments and literals — as a
/// whole identifier or path.
fn uses_of(words: &[&str], text: &str) -> Vec<usize> {
    let code = code_only(text);
    let mut lines: Vec<usize> = words
        .iter()
        .flat_map(|word| find_word(&code, word))
        .map(|offset| line_of(&code, offset))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Byte offsets where `word` occurs with no identifier character just before or after it.
fn find_word(code: &str, word: &str) -> Vec<usize> {
    code.match_indices(word)
        .map(|(offset, _)| offset)
        .filter(|&offset| {
            let before = code[..offset].chars().next_back();
            let after = code[offset + word.len()..].chars().next();
            !before.is_some_and(is_identifier) && !after.is_some_and(is_identifier)
        })
        .collect()
}

fn is_identifier(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// `text` with every comment and the inside of every string and character literal blanked
/// (newlines kept), so a check sees only code and its line numbers still match.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after_identifier = i > 0 && is_identifier(chars[i - 1]);
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&escaped) = chars.get(i) {
                    out.push(blank(escaped));
                    i += 1;
                }
            }
            if i < chars.len() {
                out.push('"');
                i += 1;
            }
        } else if (c == 'r' || (c == 'b' && next == Some('r'))) && !after_identifier {
            // A raw string r"…", r#"…"#, br"…" — or just an identifier starting with r.
            let mut j = i + if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.extend(&chars[i..=j]);
            i = j + 1;
            while i < chars.len() {
                let closes =
                    chars[i] == '"' && (1..=hashes).all(|n| chars.get(i + n) == Some(&'#'));
                if closes {
                    out.extend(&chars[i..=i + hashes]);
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '\''), or else a lifetime or a label.
            let end = if next == Some('\\') {
                (i + 3..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push('\'');
                    out.extend(std::iter::repeat_n(' ', end - i - 1));
                    out.push('\'');
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}
