//! Catalogs people bring as sheets: the two example sheets of `tests/fixtures/` (written for
//! these tests in our own words: a cybersecurity checklist of the MHLW kind as an XLSX saved
//! by LibreOffice, and an MDS/SDS-style disclosure sheet as a Shift_JIS CSV) become catalogs
//! with their own scale and answer columns, are answered on that scale, score, and survive
//! tekigo's catalog JSON.

mod common;

use common::{install_cp932, NOW};
use tekigo_core::edit::{apply, Edit};
use tekigo_core::scale::Outcome;
use tekigo_core::scoring::score;
use tekigo_core::validate::validate;
use tekigo_core::{load_catalog, to_json, Assessment, Catalog, FieldKind};
use tekigo_formats::catalog_sheet::{build, guess, Role};
use tekigo_formats::csv::Encoding;
use tekigo_formats::{read_workbook, FormatError, SourceKind};

fn fixture(name: &str) -> Vec<u8> {
    install_cp932();
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn import(name: &str) -> (SourceKind, Catalog) {
    let (source, workbook) = read_workbook(&fixture(name), "sheet").unwrap();
    let mapping = guess(&workbook, name);
    let catalog = build(&workbook, &mapping, "2026-12-01")
        .unwrap_or_else(|error| panic!("{name}: {}", error.both()));
    (source, catalog)
}

/// Answers every item with the scale's choices in turn, and scores.
fn answer_and_score(catalog: &Catalog) -> tekigo_core::scoring::Scorecard {
    let mut assessment = Assessment::new("answered", catalog, NOW);
    let choices = &catalog.scale().choices;
    for (index, item) in catalog.items.iter().enumerate() {
        let edit = Edit::Status {
            item: item.id.clone(),
            status: Some(choices[index % choices.len()].id.clone()),
        };
        apply(&mut assessment, catalog, edit, NOW).unwrap();
    }
    assert_eq!(validate(&assessment, catalog), []);
    score(catalog, &assessment)
}

#[test]
fn the_mhlw_style_checklist_becomes_a_catalog_with_yes_no_and_check_dates() {
    let (source, catalog) = import("mhlw-cyber-checklist-example.xlsx");
    assert_eq!(source, SourceKind::Xlsx);
    assert_eq!(catalog.items.len(), 10);
    let groups: Vec<&str> = catalog.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(groups, ["体制", "機器と利用者の管理", "備え"]);
    let scale: Vec<(&str, Outcome)> = catalog
        .scale()
        .choices
        .iter()
        .map(|c| (c.label.ja.as_str(), c.outcome))
        .collect();
    assert_eq!(scale, [("はい", Outcome::Met), ("いいえ", Outcome::NotMet)]);
    let fields: Vec<(&str, FieldKind)> = catalog
        .answer_fields
        .iter()
        .map(|f| (f.label.ja.as_str(), f.kind))
        .collect();
    assert_eq!(
        fields,
        [
            ("1回目 確認日", FieldKind::Date),
            ("2回目 結果", FieldKind::Choice),
            ("2回目 確認日", FieldKind::Date),
            ("目標日 (「いいえ」のとき)", FieldKind::Date),
            ("備考", FieldKind::Text),
        ]
    );
    let card = answer_and_score(&catalog);
    assert_eq!((card.overall.met, card.overall.not_met), (5, 5));
    assert_eq!(card.overall.compliance_percent(), Some(50.0));
}

#[test]
fn the_mds_style_sheet_in_shift_jis_becomes_a_catalog_with_an_excluded_choice() {
    let (source, catalog) = import("mds-sds-example.csv");
    assert_eq!(source, SourceKind::Csv(Encoding::Cp932));
    assert_eq!(catalog.items.len(), 10);
    assert_eq!(catalog.items[4].text, "多要素認証を使えますか。");
    let scale: Vec<(&str, Outcome)> = catalog
        .scale()
        .choices
        .iter()
        .map(|c| (c.label.ja.as_str(), c.outcome))
        .collect();
    assert_eq!(
        scale,
        [
            ("はい", Outcome::Met),
            ("いいえ", Outcome::NotMet),
            ("該当しない", Outcome::Excluded)
        ]
    );
    assert_eq!(catalog.items[0].references[0].raw, "例 1.1");
    assert_eq!(catalog.guidelines[0].title, "参照");
    let card = answer_and_score(&catalog);
    assert_eq!(
        (
            card.overall.met,
            card.overall.not_met,
            card.overall.excluded
        ),
        (4, 3, 3)
    );
}

#[test]
fn an_imported_catalog_is_kept_as_tekigo_catalog_json() {
    for name in ["mhlw-cyber-checklist-example.xlsx", "mds-sds-example.csv"] {
        let (_, catalog) = import(name);
        let json = to_json(&catalog);
        assert_eq!(load_catalog(json.as_bytes()).unwrap(), catalog, "{name}");
    }
}

#[test]
fn a_sheet_with_a_number_twice_is_refused_with_both_rows() {
    let text = String::from_utf8(fixture("mhlw-cyber-checklist-example.csv"))
        .unwrap()
        .replace("\r\n9,", "\r\n3,");
    let (_, workbook) = read_workbook(text.as_bytes(), "確認表").unwrap();
    let error = build(&workbook, &guess(&workbook, "確認表.csv"), "2026-12-01").unwrap_err();
    assert!(
        matches!(&error, FormatError::DuplicateRow { id, first_row: 8, .. } if id == "3"),
        "{error:?}"
    );
    assert!(error
        .message(tekigo_core::i18n::Lang::Ja)
        .contains("シート「確認表」の 14 行目"));
}

#[test]
fn the_mapping_can_be_corrected_before_building() {
    let (_, workbook) = read_workbook(&fixture("mds-sds-example.csv"), "開示書").unwrap();
    let mut mapping = guess(&workbook, "開示書.csv");
    assert_eq!(
        mapping.columns,
        [
            Role::Id,
            Role::Group,
            Role::Text,
            Role::Status,
            Role::TextField,
            Role::Reference
        ]
    );
    mapping.columns[5] = Role::Ignore;
    mapping.choices[2].outcome = Outcome::NotMet;
    let catalog = build(&workbook, &mapping, "2026-12-01").unwrap();
    assert!(catalog.guidelines.is_empty());
    assert_eq!(catalog.scale().choices[2].outcome, Outcome::NotMet);
}
