//! `tekigo convert`, `keygen`, `sign`, `verify` and `import-catalog` as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tekigo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tekigo"))
        .args(args)
        .output()
        .expect("run tekigo")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn sample() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/data/sample-kirin-karte-meti-2012.json")
        .to_string_lossy()
        .into_owned()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../formats/tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tekigo-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

fn run_ok(args: &[&str]) -> Output {
    let output = tekigo(args);
    assert!(
        output.status.success(),
        "tekigo {args:?}: {}",
        text(&output.stderr)
    );
    output
}

#[test]
fn convert_takes_the_format_from_the_extension_and_reads_it_back() {
    let dir = scratch("convert-formats");
    run_ok(&["convert", &sample(), &path(&dir, "a.json")]);
    let reference = std::fs::read_to_string(dir.join("a.json")).unwrap();
    for (file, extra) in [
        ("b.xlsx", &[][..]),
        ("c.xlsx", &["--layout", "vendor-reference"][..]),
        ("d.csv", &[][..]),
        ("e.csv", &["--encoding", "cp932"][..]),
    ] {
        let out = path(&dir, file);
        let mut command = vec!["convert".to_owned(), sample(), out.clone()];
        command.extend(extra.iter().map(|s| (*s).to_owned()));
        let borrowed: Vec<&str> = command.iter().map(String::as_str).collect();
        run_ok(&borrowed);
        let back = path(&dir, &format!("{file}.json"));
        run_ok(&["convert", &out, &back]);
        assert_eq!(
            std::fs::read_to_string(&back).unwrap(),
            reference,
            "{file} did not read back to the same assessment"
        );
    }
    let cp932 = std::fs::read(dir.join("e.csv")).unwrap();
    assert!(std::str::from_utf8(&cp932).is_err(), "e.csv is Shift_JIS");
    let utf8 = std::fs::read(dir.join("d.csv")).unwrap();
    assert!(
        utf8.starts_with(b"\xEF\xBB\xBF"),
        "d.csv has a byte-order mark"
    );
}

#[test]
fn convert_refuses_an_option_it_does_not_know_instead_of_guessing() {
    let dir = scratch("convert-options");
    for (option, value, out) in [
        ("--encoding", "latin1", "a.csv"),
        ("--layout", "hospital", "a.xlsx"),
        ("--encoding", "cp932", "a.xlsx"),
    ] {
        let output = tekigo(&["convert", &sample(), &path(&dir, out), option, value]);
        assert_eq!(output.status.code(), Some(1), "{option} {value}");
        assert!(text(&output.stderr).contains(value), "{option} {value}");
        assert!(!dir.join(out).exists(), "{option} {value}: nothing written");
    }
}

#[test]
fn convert_writes_oscal_and_says_what_it_cannot_write() {
    let dir = scratch("convert-oscal");
    let out = path(&dir, "results.json");
    run_ok(&["convert", &sample(), &out, "--to", "oscal"]);
    let oscal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // The sample states its answers without rating them: observations, no findings.
    let result = &oscal["assessment-results"]["results"][0];
    assert!(result["findings"].is_null());
    let remarks = result["remarks"].as_str().unwrap();
    assert!(
        remarks.contains("対象外 2 件と適否の記載がない 179 件"),
        "{remarks}"
    );
    assert_eq!(result["observations"].as_array().unwrap().len(), 2 + 179);
    let output = tekigo(&["convert", &sample(), &path(&dir, "x.pdf")]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("xlsx") && message.contains("oscal"),
        "{message}"
    );
}

#[test]
fn a_signed_file_verifies_and_a_changed_one_does_not() {
    let dir = scratch("sign");
    let key = path(&dir, "vendor-key.json");
    let output = run_ok(&[
        "keygen",
        "--signer",
        "きりんカルテシステム株式会社",
        "--out",
        &key,
    ]);
    assert!(text(&output.stdout).contains("鍵の指紋"));
    assert!(dir.join("vendor-key.pub.json").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only its owner reads a private key");
    }
    let public = path(&dir, "vendor-key.pub.json");
    for file in ["signed.json", "signed.xlsx", "signed.csv"] {
        let signed = path(&dir, file);
        run_ok(&["sign", &sample(), &signed, "--key", &key]);
        let output = run_ok(&["verify", &signed, "--key", &public]);
        assert!(
            text(&output.stdout).contains("署名者: きりんカルテシステム株式会社"),
            "{file}"
        );
    }
    let signed = std::fs::read_to_string(dir.join("signed.json")).unwrap();
    let tampered = signed.replacen("\"statement\": \"", "\"statement\": \"(changed) ", 1);
    assert_ne!(tampered, signed);
    std::fs::write(dir.join("tampered.json"), tampered).unwrap();
    let output = tekigo(&["verify", &path(&dir, "tampered.json")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("署名後に内容が変更されています"));
    let output = tekigo(&["verify", &sample()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("not signed"));
    run_ok(&[
        "sign",
        &sample(),
        &path(&dir, "public.json"),
        "--key",
        &key,
        "--to",
        "public-json",
    ]);
    run_ok(&["verify", &path(&dir, "public.json")]);
}

#[test]
fn import_catalog_turns_a_sheet_into_a_catalog_the_cli_then_uses() {
    let dir = scratch("import-catalog");
    let out = path(&dir, "mds.json");
    let output = run_ok(&[
        "import-catalog",
        &fixture("mds-sds-example.csv"),
        &out,
        "--id",
        "mds-example",
    ]);
    assert!(text(&output.stderr).contains("--columns A=id,B=group,C=text,D=status"));
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(catalog["id"], "mds-example");
    assert_eq!(catalog["items"].as_array().unwrap().len(), 10);
    run_ok(&["validate", &out]);
    let output = run_ok(&[
        "import-catalog",
        &fixture("mhlw-cyber-checklist-example.xlsx"),
        &path(&dir, "mhlw.json"),
        "--columns",
        "I=ignore",
        "--choices",
        "はい=met,いいえ=not-met,対象外=excluded",
    ]);
    assert!(text(&output.stdout).contains("10"));
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("mhlw.json")).unwrap()).unwrap();
    assert_eq!(catalog["answerScale"]["choices"][2]["outcome"], "excluded");
    assert_eq!(catalog["answerFields"].as_array().unwrap().len(), 4);
    let output = tekigo(&["import-catalog", &sample(), &path(&dir, "x.json")]);
    assert_eq!(output.status.code(), Some(1), "a JSON file is no sheet");
}
