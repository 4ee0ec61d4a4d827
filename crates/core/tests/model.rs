//! The open model: a catalog that brings its own guideline, answer scale and date fields is
//! answered, validated and scored like a shipped one; files written by earlier versions open
//! unchanged in meaning; the catalog hash is stable when fields are added.

use serde_json::Value;
use tekigo_core::edit::{apply, Edit};
use tekigo_core::fields::{answer_fields, Shape};
use tekigo_core::i18n::Lang;
use tekigo_core::scale::Outcome;
use tekigo_core::scoring::score;
use tekigo_core::validate::{validate, validate_catalog, ProblemKind};
use tekigo_core::{catalog_hash, embedded, load_assessment, load_catalog, to_json, Assessment};

const NOW: &str = "2026-11-30T09:00:00+09:00";

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn a_catalog_with_its_own_guideline_scale_and_dates_is_answered_validated_and_scored() {
    let catalog = load_catalog(&fixture("vendor-confirmation-sheet.json")).unwrap();
    assert_eq!(validate_catalog(&catalog), []);
    assert_eq!(
        catalog.all_guidelines()[0].short.get(Lang::En),
        "Sheet (example)"
    );
    let own: Vec<(&str, Shape)> = answer_fields(&catalog)
        .iter()
        .skip(tekigo_core::fields::Standard::ALL.len())
        .map(|field| (field.id(), field.shape()))
        .collect();
    assert_eq!(
        own,
        [
            ("firstCheck", Shape::Date),
            ("secondCheck", Shape::Date),
            ("targetDate", Shape::Date),
            ("checkedBy", Shape::Choice)
        ]
    );
    let mut assessment = Assessment::new("sheet", &catalog, NOW);
    let status = |item: &str, status: &str| Edit::Status {
        item: item.into(),
        status: Some(status.into()),
    };
    let text = |item: &str, field: &str, value: &str| Edit::Text {
        item: item.into(),
        field: field.into(),
        value: value.into(),
    };
    for edit in [
        status("1-1", "yes"),
        text("1-1", "firstCheck", "2026-04-01"),
        status("1-2", "no"),
        text("1-2", "targetDate", "2027-03-31"),
        status("2-1", "n/a"),
    ] {
        apply(&mut assessment, &catalog, edit, NOW).unwrap();
    }
    // The default scale's statuses are not this catalog's.
    assert!(apply(&mut assessment, &catalog, status("2-2", "compliant"), NOW).is_err());
    assert_eq!(validate(&assessment, &catalog), []);
    let card = score(&catalog, &assessment);
    assert_eq!(
        (
            card.overall.met,
            card.overall.not_met,
            card.overall.excluded,
            card.overall.unanswered
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(card.overall.compliance_percent(), Some(100.0 / 3.0));
    assert_eq!(card.overall.answered_compliance_percent(), Some(50.0));
    assert_eq!(card.guidelines[0].0, "example-sheet");
    assert_eq!(
        catalog.scale().outcome(Some("n/a")),
        Some(Outcome::Excluded)
    );

    // A date that is no date and an option the field lacks are found with their place.
    let mut broken = assessment.clone();
    let answer = broken.answers.get_mut("1-1").unwrap();
    answer.fields.insert("firstCheck".into(), "4月1日".into());
    answer.fields.insert("checkedBy".into(), "phone".into());
    answer.fields.insert("colour".into(), "red".into());
    let problems = validate(&broken, &catalog);
    let found: Vec<(&str, &ProblemKind)> = problems
        .iter()
        .map(|p| (p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                "answers.1-1.fields.checkedBy",
                &ProblemKind::NotAnOption {
                    value: "phone".into()
                }
            ),
            (
                "answers.1-1.fields.colour",
                &ProblemKind::UnknownField {
                    field: "colour".into()
                }
            ),
            (
                "answers.1-1.fields.firstCheck",
                &ProblemKind::NotADate {
                    value: "4月1日".into()
                }
            ),
        ]
    );

    // And the answers survive their own JSON.
    let reloaded = load_assessment(to_json(&assessment).as_bytes()).unwrap();
    assert_eq!(reloaded, assessment);
}

#[test]
fn a_catalog_that_cites_an_undeclared_guideline_or_reuses_a_standard_field_is_refused() {
    let mut value: Value =
        serde_json::from_slice(&fixture("vendor-confirmation-sheet.json")).unwrap();
    value["items"][0]["references"] =
        serde_json::json!([{ "guideline": "nowhere", "section": "1", "raw": "1" }]);
    value["answerFields"][0]["id"] = Value::from("statement");
    let catalog = load_catalog(value.to_string().as_bytes()).unwrap();
    let kinds: Vec<ProblemKind> = validate_catalog(&catalog)
        .into_iter()
        .map(|p| p.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::ReservedFieldId {
                field: "statement".into()
            },
            ProblemKind::UndeclaredGuideline {
                guideline: "nowhere".into()
            },
        ]
    );
}

/// The sample as the previous version (assessment schema 2) wrote it: every answer reads
/// with the same status, its responsibility as parties, nothing else changed.
#[test]
fn an_assessment_of_schema_2_opens_unchanged_in_meaning() {
    let old_bytes = fixture("v2/sample-kirin-karte-meti-2012.json");
    let old: Value = serde_json::from_slice(&old_bytes).unwrap();
    let upgraded = load_assessment(&old_bytes).unwrap();
    assert_eq!(upgraded.subject.product, old["subject"]["product"]);
    let old_answers = old["answers"].as_object().unwrap();
    assert_eq!(upgraded.answers.len(), old_answers.len());
    for (item, before) in old_answers {
        let after = &upgraded.answers[item];
        let status = before["status"].as_str().filter(|s| *s != "unanswered");
        assert_eq!(after.status.as_deref(), status, "item {item}");
        let parties: Vec<&str> = match before["responsibility"].as_str() {
            Some("vendor") => vec!["vendor"],
            Some("subcontractor") => vec!["iaas"],
            Some("hospital") => vec!["hospital"],
            Some("shared") => vec!["vendor", "hospital"],
            _ => vec![],
        };
        assert_eq!(after.parties, parties, "item {item}");
        assert_eq!(after.statement, before["statement"].as_str().unwrap_or(""));
    }
    let catalog = embedded::catalog("meti-2012").unwrap();
    let errors: Vec<_> = validate(&upgraded, catalog)
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert_eq!(errors, []);
}

/// A catalog as schema 1 wrote it declares the guidelines it named by id.
#[test]
fn a_catalog_of_schema_1_opens_with_its_guidelines_declared() {
    let upgraded = load_catalog(&fixture("v2/meti-2012-catalog-v1.json")).unwrap();
    assert_eq!(upgraded.implements.as_deref(), Some("meti2012"));
    assert_eq!(upgraded.guidelines.len(), 1);
    assert_eq!(
        upgraded.guidelines[0].short.get(Lang::Ja),
        "経産省GL (2012)"
    );
    assert_eq!(validate_catalog(&upgraded), []);
    let shipped = embedded::catalog("meti-2012").unwrap();
    assert_eq!(upgraded.items.len(), shipped.items.len());
}

#[test]
fn the_catalog_hash_ignores_key_order_and_fields_left_empty() {
    let catalog = embedded::catalog("mhlw-skeleton").unwrap();
    let hash = catalog_hash(catalog);
    let mut value = serde_json::to_value(catalog).unwrap();
    // A field a later version might add, left empty, and one of its own with a value.
    value["x-added-later"] = Value::from("");
    value["items"][0]["x-flags"] = serde_json::json!([]);
    let padded = load_catalog(value.to_string().as_bytes()).unwrap();
    assert_eq!(catalog_hash(&padded), hash);
    // Keys written in another order.
    let reversed: serde_json::Map<String, Value> = value
        .as_object()
        .unwrap()
        .clone()
        .into_iter()
        .rev()
        .collect();
    let reordered = load_catalog(Value::Object(reversed).to_string().as_bytes()).unwrap();
    assert_eq!(catalog_hash(&reordered), hash);
    // Content that matters changes it.
    value["items"][0]["text"] = Value::from("changed");
    let changed = load_catalog(value.to_string().as_bytes()).unwrap();
    assert_ne!(catalog_hash(&changed), hash);
}
