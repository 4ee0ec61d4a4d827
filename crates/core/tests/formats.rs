//! The file formats: assessments survive a JSON round trip whatever they hold, unknown fields
//! are kept, older versions are upgraded, the committed JSON Schemas match the types, and bad
//! input is refused with a message that says what and where.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Map, Value};
use tekigo_core::assessment::ASSESSMENT_SCHEMA_VERSION;
use tekigo_core::field_problem::{Expected, FieldProblem, Place};
use tekigo_core::i18n::{load_error_message, Lang};
use tekigo_core::{
    embedded, load_assessment, load_catalog, load_file, to_json, Answer, AnswerNote, Assessment,
    CatalogRef, DisclosureLevel, Document, EvaluatorFields, EvidenceRef, LoadError, Party,
    Provenance, ProvenanceKind, SourceRef, Subject, TekigoFile,
};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,24}",
        "[ぁ-んァ-ヶ一-龠ｦ-ﾟ０-９、。（）]{1,16}",
    ]
}

fn extra() -> impl Strategy<Value = Map<String, Value>> {
    proptest::collection::btree_map("x-[a-z]{1,8}", "\\PC{0,8}", 0..3).prop_map(|map| {
        map.into_iter()
            .map(|(key, value)| (key, Value::String(value)))
            .collect()
    })
}

fn choice() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(vec![
        "compliant".to_owned(),
        "capable".to_owned(),
        "partial".to_owned(),
        "not-met".to_owned(),
        "not-applicable".to_owned(),
    ]))
}

fn provenance() -> impl Strategy<Value = Option<Provenance>> {
    proptest::option::of(
        (
            proptest::sample::select(vec![
                ProvenanceKind::Provided,
                ProvenanceKind::Inherited,
                ProvenanceKind::Imported,
            ]),
            ("[a-z0-9-]{1,12}", text()),
            proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]T00:00:00Z"),
        )
            .prop_map(|(kind, (assessment, title), confirmed_at)| Provenance {
                kind,
                source: SourceRef {
                    assessment,
                    title,
                    digest: String::new(),
                },
                confirmed_at,
            }),
    )
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        choice(),
        proptest::collection::vec(
            proptest::sample::select(vec!["vendor", "iaas", "hospital", "si"]),
            0..3,
        ),
        (text(), text(), text(), text(), text()),
        proptest::collection::vec(
            (
                text(),
                text(),
                proptest::option::of("20[0-9]{2}-0[1-9]-1[0-9]"),
            ),
            0..3,
        ),
        proptest::option::of(prop_oneof![
            Just(DisclosureLevel::Public),
            Just(DisclosureLevel::Nda)
        ]),
        (text(), text(), text()),
        (
            proptest::collection::btree_map("[a-z]{1,8}", "\\PC{1,12}", 0..3),
            provenance(),
            proptest::collection::vec((text(), text(), text()), 0..2),
        ),
        proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z"),
        extra(),
    )
        .prop_map(
            |(
                status,
                parties,
                texts,
                evidence,
                disclosure,
                evaluator,
                (fields, provenance, notes),
                updated_at,
                extra,
            )| {
                Answer {
                    status,
                    parties: parties.into_iter().map(str::to_owned).collect(),
                    statement: texts.0,
                    evidence: evidence
                        .into_iter()
                        .map(|(document, location, expires)| EvidenceRef {
                            document,
                            location,
                            effective: None,
                            expires,
                        })
                        .collect(),
                    disclosure,
                    certification_inference: texts.1,
                    interview: texts.2,
                    hospital_actions: texts.3,
                    internal_note: texts.4,
                    risk: None,
                    due_date: String::new(),
                    evaluator: EvaluatorFields {
                        confirmed_evidence: evaluator.0,
                        verdict: evaluator.1,
                        improvement: evaluator.2,
                    },
                    fields,
                    excluded_by: None,
                    provenance,
                    notes: notes
                        .into_iter()
                        .map(|(field, note, en)| AnswerNote::new(&field, note, en))
                        .collect(),
                    updated_at,
                    extra,
                }
            },
        )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        "[a-z0-9-]{1,20}",
        (text(), text(), text(), text(), text()),
        proptest::collection::vec((text(), text(), text(), any::<bool>(), extra()), 0..4),
        proptest::collection::btree_map("[0-9]{1,3}", answer(), 0..12),
        (extra(), 0u32..5, proptest::option::of("[a-z]{1,8}")),
    )
        .prop_map(
            |(id, subject, documents, answers, (extra, numbered, origin))| Assessment {
                format: "tekigo-assessment".to_owned(),
                schema_version: ASSESSMENT_SCHEMA_VERSION,
                id,
                catalog: CatalogRef {
                    id: "cloud-checklist-253".to_owned(),
                    hash: "abc".to_owned(),
                },
                subject: Subject {
                    product: subject.0,
                    applicant: subject.1,
                    evaluator: subject.2,
                    reference_number: subject.3,
                    date: subject.4,
                },
                parties: Party::standard(),
                documents: documents
                    .into_iter()
                    .map(|(id, title, url, nda, extra)| Document {
                        id,
                        title,
                        url,
                        disclosure: if nda {
                            DisclosureLevel::Nda
                        } else {
                            DisclosureLevel::Public
                        },
                        extra,
                    })
                    .collect::<Vec<_>>(),
                documents_numbered: numbered,
                origin: origin.map(|assessment| SourceRef {
                    assessment,
                    ..SourceRef::default()
                }),
                layers: Vec::new(),
                profile: BTreeMap::new(),
                notes: Vec::new(),
                publication: None,
                answers: answers.into_iter().collect::<BTreeMap<_, _>>(),
                created_at: "2026-01-01T00:00:00Z".to_owned(),
                updated_at: "2026-01-02T00:00:00Z".to_owned(),
                extra,
            },
        )
}

proptest! {
    #[test]
    fn assessments_round_trip_through_json(original in assessment()) {
        let json = to_json(&original);
        let loaded = load_assessment(json.as_bytes()).expect("own output loads");
        prop_assert_eq!(&loaded, &original);
        prop_assert_eq!(to_json(&loaded), json);
    }

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = load_assessment(&bytes);
        let _ = load_catalog(&bytes);
        let _ = load_file(&bytes);
    }
}

#[test]
fn unknown_fields_are_kept_everywhere() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let mut value: Value = serde_json::from_str(&to_json(catalog)).unwrap();
    value["x-vendor"] = Value::from("kept");
    value["items"][0]["x-note"] = Value::from(1);
    value["groups"][0]["x-color"] = Value::from("red");
    let loaded = load_catalog(value.to_string().as_bytes()).unwrap();
    let written: Value = serde_json::from_str(&to_json(&loaded)).unwrap();
    assert_eq!(written["x-vendor"], "kept");
    assert_eq!(written["items"][0]["x-note"], 1);
    assert_eq!(written["groups"][0]["x-color"], "red");
}

#[test]
fn schema_version_1_assessments_are_upgraded_without_loss() {
    let v1 = r#"{"format":"tekigo-assessment","schemaVersion":1,"id":"old",
        "catalog":{"id":"meti-2012","hash":""},
        "answers":{"5":{"status":"compliant","evidence":"規程 p.3"},"6":{"status":"not-met","evidence":""}}}"#;
    let loaded = load_assessment(v1.as_bytes()).unwrap();
    assert_eq!(loaded.schema_version, ASSESSMENT_SCHEMA_VERSION);
    assert_eq!(
        loaded.answers["5"].evidence,
        [EvidenceRef {
            document: String::new(),
            location: "規程 p.3".to_owned(),
            ..EvidenceRef::default()
        }]
    );
    assert!(loaded.answers["6"].evidence.is_empty());
    assert_eq!(loaded.answers["6"].status.as_deref(), Some("not-met"));
}

#[test]
fn broken_json_says_where() {
    let error = load_assessment(b"{\"format\": \"tekigo-assessment\",\n  \"id\": }").unwrap_err();
    assert!(
        matches!(error, LoadError::Syntax { line: 2, .. }),
        "{error:?}"
    );
    assert!(load_error_message(&error, Lang::Ja).contains("2 行"));
    assert!(load_error_message(&error, Lang::En).contains("line 2"));
}

#[test]
fn shift_jis_is_refused_as_an_encoding_problem() {
    // "評価" in Shift_JIS.
    let error = load_assessment(&[0x95, 0x5D, 0x89, 0xBF]).unwrap_err();
    assert_eq!(error, LoadError::Encoding { offset: 0 });
    assert!(load_error_message(&error, Lang::Ja).contains("Shift_JIS"));
}

#[test]
fn another_tools_json_is_refused_as_the_wrong_kind() {
    let error = load_assessment(br#"{"name":"something else","items":[]}"#).unwrap_err();
    assert!(matches!(error, LoadError::WrongFormat { .. }), "{error:?}");
    let catalog = to_json(embedded::catalog("meti-2012").unwrap());
    let error = load_assessment(catalog.as_bytes()).unwrap_err();
    assert!(load_error_message(&error, Lang::Ja).contains("評価ファイルではありません"));
    assert!(matches!(
        load_file(catalog.as_bytes()).unwrap(),
        TekigoFile::Catalog(_)
    ));
}

#[test]
fn newer_files_are_refused_with_the_versions() {
    let error =
        load_assessment(br#"{"format":"tekigo-assessment","schemaVersion":9}"#).unwrap_err();
    assert_eq!(
        error,
        LoadError::TooNew {
            found: 9,
            supported: ASSESSMENT_SCHEMA_VERSION
        }
    );
}

#[test]
fn a_bad_field_is_named_by_its_path() {
    let json = r#"{"format":"tekigo-assessment","schemaVersion":3,"id":"a",
        "catalog":{"id":"meti-2012"},"answers":{"7":{"status":7}}}"#;
    let error = load_assessment(json.as_bytes()).unwrap_err();
    match &error {
        LoadError::Shape {
            place: Place::At { line, key, .. },
            problem: FieldProblem::WrongType { expected },
        } => {
            assert_eq!(
                (*line, key.as_deref(), *expected),
                (2, Some("status"), Expected::Text)
            );
        }
        other => panic!("{other:?}"),
    }
    // In words, never serde's.
    assert_eq!(
        load_error_message(&error, Lang::Ja),
        "2 行 63 列 (「status」): 値の種類が違います (文字列が必要です)。"
    );
    assert!(!load_error_message(&error, Lang::En).contains("invalid type"));
    // A status the scale does not have reads, and validation names it by its path.
    let json = r#"{"format":"tekigo-assessment","schemaVersion":3,"id":"a",
        "catalog":{"id":"meti-2012"},"answers":{"7":{"status":"maybe"}}}"#;
    let assessment = load_assessment(json.as_bytes()).unwrap();
    let catalog = embedded::catalog("meti-2012").unwrap();
    let problems = tekigo_core::validate::validate(&assessment, catalog);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "answers.7.status");
    assert!(problems[0].is_error());
}

/// The committed schemas are what the types generate. `UPDATE_EXPECT=1` rewrites them.
#[test]
fn committed_json_schemas_match_the_types() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for (name, schema) in [
        ("catalog.schema.json", tekigo_core::schema::catalog_schema()),
        (
            "assessment.schema.json",
            tekigo_core::schema::assessment_schema(),
        ),
    ] {
        let path = dir.join(name);
        let expected = to_json(&schema);
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{name} drifted from the types; run with UPDATE_EXPECT=1"
        );
    }
}
