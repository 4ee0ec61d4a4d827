//! The `tekigo` binary as a user runs it: exit codes and what it prints.

use std::path::PathBuf;
use std::process::{Command, Output};

fn tekigo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tekigo"))
        .args(args)
        .output()
        .expect("run tekigo")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tekigo-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn catalogs_json_lists_the_three_catalogs_with_item_counts() {
    let output = tekigo(&["catalogs", "--json"]);
    assert!(output.status.success());
    let list: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let counts: Vec<(String, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_owned(),
                c["items"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("cloud-checklist-253".to_owned(), 253),
            ("meti-2012".to_owned(), 182),
            ("mhlw-skeleton".to_owned(), 35)
        ]
    );
}

#[test]
fn import_seed_writes_the_catalog_and_the_vendor_assessment() {
    let out = temp_dir("import");
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/seeds/004_82653e598a87a77b.txt");
    let output = tekigo(&[
        "import-seed",
        seed.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(printed.len(), 2);
    assert_eq!(
        std::fs::read_to_string(out.join("meti-2012.json")).unwrap(),
        std::fs::read_to_string(data("meti-2012.json")).unwrap()
    );
    assert!(out.join("kirin-karte-meti-2012.json").exists());
}

#[test]
fn validate_accepts_the_sample_and_every_catalog() {
    for file in [
        "sample-kirin-karte-meti-2012.json",
        "meti-2012.json",
        "cloud-checklist-253.json",
    ] {
        let output = tekigo(&["validate", &data(file)]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        assert!(stdout(&output).contains("valid"));
    }
}

#[test]
fn validate_lists_problems_with_their_place_in_both_languages() {
    let dir = temp_dir("validate");
    let path = dir.join("bad.json");
    let mut sample: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data("sample-kirin-karte-meti-2012.json")).unwrap(),
    )
    .unwrap();
    sample["answers"]["999"] = serde_json::json!({"status": "compliant"});
    sample["answers"]["5"]["evidence"] = serde_json::json!([{"document": "07", "location": "p.2"}]);
    std::fs::write(&path, sample.to_string()).unwrap();
    let output = tekigo(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("項目 999") && out.contains("item 999"),
        "{out}"
    );
    assert!(out.contains("answers.5.evidence[0].document"), "{out}");
}

#[test]
fn bad_input_exits_1_with_a_message_and_never_panics() {
    let dir = temp_dir("bad");
    let cases: [(&str, &[u8], &str); 4] = [
        ("broken.json", b"{\"format\": ", "JSON"),
        ("sjis.json", &[0x95, 0x5D, 0x89, 0xBF], "UTF-8"),
        ("other.json", b"{\"rows\": []}", "tekigo"),
        ("unknown-catalog.json", b"{\"format\":\"tekigo-assessment\",\"schemaVersion\":2,\"id\":\"x\",\"catalog\":{\"id\":\"nope\"}}", "nope"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        for command in ["validate", "score"] {
            let output = tekigo(&[command, path.to_str().unwrap()]);
            assert_eq!(output.status.code(), Some(1), "{command} {name}");
            let err = stderr(&output);
            assert!(err.contains(expected), "{command} {name}: {err}");
            assert!(!err.contains("panicked"), "{command} {name}: {err}");
        }
    }
    let output = tekigo(&["validate", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
}

/// Regression: a key given twice was read as valid and one answer silently dropped.
#[test]
fn a_duplicate_key_is_refused_with_the_key_named() {
    let dir = temp_dir("duplicate");
    let path = dir.join("duplicate.json");
    std::fs::write(
        &path,
        r#"{"format":"tekigo-assessment","schemaVersion":3,"id":"d","catalog":{"id":"meti-2012"},
  "answers":{"5":{"status":"compliant"},"5":{"status":"not-met"}}}"#,
    )
    .unwrap();
    for command in ["validate", "score"] {
        let output = tekigo(&[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let err = stderr(&output);
        assert!(
            err.contains("「5」が一つのまとまりの中に二度"),
            "{command}: {err}"
        );
        assert!(err.contains("\"5\" appears twice"), "{command}: {err}");
    }
}

/// Regression: `score` counted a file with answers to items its catalog lacks, with exit 0,
/// while `validate` refused it.
#[test]
fn score_refuses_answers_to_unknown_items_like_validate() {
    let dir = temp_dir("unknown-item");
    let path = dir.join("unknown-item.json");
    std::fs::write(
        &path,
        r#"{"format":"tekigo-assessment","schemaVersion":3,"id":"u","catalog":{"id":"meti-2012"},
  "answers":{"5":{"status":"compliant"},"999":{"status":"compliant"}}}"#,
    )
    .unwrap();
    for command in ["validate", "score"] {
        let output = tekigo(&[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let text = stdout(&output) + &stderr(&output);
        assert!(text.contains("項目 999"), "{command}: {text}");
        assert!(text.contains("item 999"), "{command}: {text}");
    }
}

#[test]
fn convert_writes_json_and_names_the_formats_it_knows() {
    let dir = temp_dir("convert");
    let out = dir.join("copy.json");
    let output = tekigo(&[
        "convert",
        &data("sample-kirin-karte-meti-2012.json"),
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let copy: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(copy["format"], "tekigo-assessment");
    let output = tekigo(&[
        "convert",
        &data("sample-kirin-karte-meti-2012.json"),
        dir.join("copy.docx").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("json"), "{}", stderr(&output));
}

#[test]
fn score_prints_totals_and_json() {
    let output = tekigo(&[
        "score",
        &data("sample-kirin-karte-meti-2012.json"),
        "--json",
    ]);
    assert!(output.status.success());
    let card: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(card["overall"]["total"], 182);
    let text = stdout(&tekigo(&[
        "score",
        &data("sample-kirin-karte-meti-2012.json"),
    ]));
    assert!(text.contains("全体 / overall"));
}

#[test]
fn schema_prints_both_schemas() {
    let output = tekigo(&["schema"]);
    let schemas: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(schemas["catalog"]["title"], "Catalog");
    assert_eq!(schemas["assessment"]["title"], "Assessment");
}
