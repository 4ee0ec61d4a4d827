//! JSON → XLSX → JSON and JSON → CSV (UTF-8 and Shift_JIS) → JSON give back the assessment
//! written, field for field: the vendor sample, a filled 253-item checklist that uses every
//! field and the awkward texts people type, and a catalog with its own scale and fields.

mod common;

use common::{filled_checklist, first_difference, install_cp932, NOW};
use tekigo_core::export::{Exporter, JsonExporter};
use tekigo_core::{embedded, load_assessment, Assessment, Catalog};
use tekigo_formats::exporters::SHEET_EXPORTERS;
use tekigo_formats::table::Fresh;
use tekigo_formats::{read_assessment, SourceKind};

/// What tekigo's own JSON keeps of an assessment: the reference for "nothing lost".
fn as_json(catalog: &Catalog, assessment: &Assessment) -> String {
    String::from_utf8(JsonExporter.export(catalog, assessment, NOW).unwrap()).unwrap()
}

fn assert_round_trips(catalog: &Catalog, assessment: &Assessment) {
    install_cp932();
    let expected = as_json(catalog, assessment);
    for exporter in SHEET_EXPORTERS {
        let format = exporter.format();
        let bytes = exporter
            .export(catalog, assessment, NOW)
            .unwrap_or_else(|error| panic!("{}: {error:?}", format.id));
        let name = format!("file.{}", format.extension);
        let imported = read_assessment(
            &bytes,
            &name,
            &[catalog],
            Fresh {
                id: "unused",
                now: NOW,
            },
        )
        .unwrap_or_else(|error| panic!("{}: {}", format.id, error.both()));
        assert_eq!(imported.layout, Some(exporter.layout), "{}", format.id);
        let expected_source = match exporter.container {
            tekigo_formats::exporters::Container::Xlsx => SourceKind::Xlsx,
            tekigo_formats::exporters::Container::Csv(encoding) => SourceKind::Csv(encoding),
        };
        assert_eq!(imported.source, expected_source);
        let got = as_json(catalog, &imported.assessment);
        if let Some(difference) = first_difference(&got, &expected) {
            panic!("{}: differs at {difference}", format.id);
        }
    }
}

#[test]
fn the_vendor_sample_round_trips_through_every_sheet_format() {
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    assert_round_trips(catalog, &sample);
}

#[test]
fn a_filled_253_item_checklist_round_trips_through_every_sheet_format() {
    let catalog = embedded::catalog("cloud-checklist-253").unwrap();
    let assessment = filled_checklist(catalog);
    assert_eq!(assessment.answers.len(), 253);
    assert_round_trips(catalog, &assessment);
}

#[test]
fn a_catalog_with_its_own_scale_dates_and_choices_round_trips() {
    let catalog = tekigo_core::load_catalog(include_bytes!(
        "../../core/tests/fixtures/vendor-confirmation-sheet.json"
    ))
    .unwrap();
    let mut assessment = Assessment::new("sheet", &catalog, NOW);
    let answers = [
        (
            "1-1",
            "yes",
            &[("firstCheck", "2026-04-01"), ("checkedBy", "visit")][..],
        ),
        ("1-2", "no", &[("targetDate", "2027-03-31")][..]),
        ("2-1", "n/a", &[][..]),
    ];
    for (item, status, fields) in answers {
        assessment.update_answer(item, NOW, |answer| {
            answer.status = Some(status.to_owned());
            for (field, value) in fields {
                answer
                    .fields
                    .insert((*field).to_owned(), (*value).to_owned());
            }
        });
    }
    assert_round_trips(&catalog, &assessment);
}

#[test]
fn a_published_assessment_round_trips() {
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    let published = tekigo_core::publish::publish(catalog, &sample, NOW);
    assert_round_trips(catalog, &published);
    let json = as_json(catalog, &published);
    assert!(load_assessment(json.as_bytes())
        .unwrap()
        .publication
        .is_some());
}
