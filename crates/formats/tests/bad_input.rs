//! A file that cannot be read is refused as a whole, with a message in Japanese and English
//! that names the sheet, the row and the column: a wrong sheet, an unknown layout, an
//! encoding that is neither UTF-8 nor Shift_JIS, an answer outside the scale, a party not in
//! the register, a row for an item the catalog lacks, an item twice, a row of tekigo's CSV cut
//! short, tekigo's data altered, a damaged workbook, tekigo's own OSCAL picked to open.

mod common;

use common::{filled_checklist, install_cp932, NOW};
use tekigo_core::export::Exporter;
use tekigo_core::i18n::Lang;
use tekigo_core::{embedded, Catalog};
use tekigo_formats::exporters::SHEET_EXPORTERS;
use tekigo_formats::table::Fresh;
use tekigo_formats::{read_assessment, FormatError, Imported};

fn catalog() -> &'static Catalog {
    embedded::catalog("cloud-checklist-253").unwrap()
}

fn read(bytes: &[u8], name: &str) -> Result<Imported, FormatError> {
    install_cp932();
    read_assessment(
        bytes,
        name,
        &[catalog()],
        Fresh {
            id: "new",
            now: NOW,
        },
    )
}

/// The filled checklist as a UTF-8 CSV in the checklist layout.
fn csv_text() -> String {
    let bytes = SHEET_EXPORTERS[2]
        .export(catalog(), &filled_checklist(catalog()), NOW)
        .unwrap();
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

fn messages(error: &FormatError) -> (String, String) {
    (error.message(Lang::Ja), error.message(Lang::En))
}

#[test]
fn an_answer_outside_the_scale_is_placed_by_row_and_column() {
    let text = csv_text().replacen(",適合,", ",たぶん,", 1);
    let error = read(text.as_bytes(), "回答.csv").unwrap_err();
    let FormatError::NotOnScale { place, value, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(value, "たぶん");
    assert_eq!(place.heading.as_deref(), Some("状態"));
    let (ja, en) = messages(&error);
    assert!(ja.starts_with("シート「回答」の 5 行目 M 列 (状態): 「たぶん」はこのカタログの回答の選択肢にありません"), "{ja}");
    assert!(en.contains("row 5, column M (状態)"), "{en}");
}

#[test]
fn a_party_not_in_the_register_is_refused() {
    let text = csv_text().replacen(",Microsoft Azure (IaaS・再委託先),", ",Amazon,", 1);
    let error = read(text.as_bytes(), "回答.csv").unwrap_err();
    assert!(
        matches!(&error, FormatError::BadValue { value, .. } if value == "Amazon"),
        "{error:?}"
    );
    assert!(messages(&error).0.contains("関係者の名前"));
}

#[test]
fn a_row_for_an_item_the_catalog_lacks_is_refused_but_a_blank_one_is_not() {
    let text = csv_text();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let stray = lines[4].replacen("1,", "999,", 1);
    lines.insert(5, &stray);
    let error = read(lines.join("\r\n").as_bytes(), "回答.csv").unwrap_err();
    assert!(
        matches!(&error, FormatError::UnknownItem { id, place } if id == "999" && place.row == Some(6)),
        "{error:?}"
    );
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines.insert(5, ",,,,,,");
    lines.insert(5, "整理番号,,,,評価申請元");
    assert!(read(lines.join("\r\n").as_bytes(), "回答.csv").is_ok());
}

#[test]
fn an_item_twice_names_both_rows() {
    let text = csv_text();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    let again = lines[4].to_owned();
    lines.insert(6, &again);
    let error = read(lines.join("\r\n").as_bytes(), "回答.csv").unwrap_err();
    assert!(
        matches!(&error, FormatError::DuplicateRow { id, first_row: 5, .. } if id == "1"),
        "{error:?}"
    );
}

#[test]
fn a_sheet_of_no_known_layout_names_the_sheets_looked_at() {
    let error = read("名前,住所\r\n山田,東京\r\n".as_bytes(), "住所録.csv").unwrap_err();
    assert_eq!(
        error,
        FormatError::UnknownLayout {
            sheets: vec!["住所録".into()]
        }
    );
    assert!(messages(&error).0.contains("住所録"));
}

#[test]
fn a_csv_in_neither_utf8_nor_shift_jis_is_refused_with_its_line() {
    // Windows-1252: é is 0xE9, a Shift_JIS lead byte that a comma cannot follow.
    let error = read(b"No.,x\r\n1,caf\xE9,x\r\n", "latin.csv").unwrap_err();
    assert_eq!(
        error,
        FormatError::Encoding {
            line: 2,
            offset: 12
        }
    );
    // UTF-8 with one damaged byte, after Japanese text, is placed where UTF-8 breaks.
    let damaged = ["No.,対策項目\r\n1,".as_bytes(), b"\xE5\xAF\r\n"].concat();
    let error = read(&damaged, "damaged.csv").unwrap_err();
    assert_eq!(
        error,
        FormatError::Encoding {
            line: 2,
            offset: 20
        }
    );
    assert!(messages(&error).1.contains("neither UTF-8 nor Shift_JIS"));
}

#[test]
fn tekigos_data_altered_by_hand_is_refused() {
    let text = csv_text().replacen("{\"\"updatedAt\"\"", "{\"\"updatedAt", 1);
    let error = read(text.as_bytes(), "回答.csv").unwrap_err();
    assert!(
        matches!(&error, FormatError::BadValue { place, .. } if place.heading.as_deref() == Some("tekigo データ")),
        "{error:?}"
    );
    let text = csv_text().replacen("\"\"cloud-checklist-253\"\"", "\"\"elsewhere\"\"", 1);
    assert_eq!(
        read(text.as_bytes(), "回答.csv").unwrap_err(),
        FormatError::UnknownCatalog {
            id: "elsewhere".into()
        }
    );
}

#[test]
fn a_damaged_workbook_and_an_old_xls_are_refused() {
    let xlsx = SHEET_EXPORTERS[0]
        .export(catalog(), &filled_checklist(catalog()), NOW)
        .unwrap();
    let error = read(&xlsx[..xlsx.len() / 2], "half.xlsx").unwrap_err();
    assert!(matches!(error, FormatError::Damaged { .. }), "{error:?}");
    let mut flipped = xlsx.clone();
    let middle = flipped.len() / 3;
    flipped[middle] ^= 0xFF;
    assert!(read(&flipped, "flipped.xlsx").is_err());
    let error = read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.xls").unwrap_err();
    assert_eq!(
        error,
        FormatError::NotASheet {
            kind: "Excel 97-2003 (.xls)"
        }
    );
}

#[test]
fn a_sheet_a_person_filled_in_without_tekigos_data_is_read_by_its_headings() {
    let item = |index: usize| catalog().items[index].text.replace('"', "\"\"");
    let text = format!(
        "整理番号,R-1,,,評価申請元,株式会社例\r\n,,,,評価対象プロダクト名,例クラウド\r\nNo.,対策項目,状態,責任,対応策\r\n1,\"{}\",適合,事業者,規程あり\r\n2,\"{}\",一部適合,\"事業者、医療機関等\",\r\n3,\"{}\",,,\r\n",
        item(0),
        item(1),
        item(2)
    );
    let imported = read(text.as_bytes(), "手入力.csv").unwrap();
    let assessment = &imported.assessment;
    assert_eq!(assessment.id, "new");
    assert_eq!(assessment.subject.product, "例クラウド");
    assert_eq!(assessment.subject.reference_number, "R-1");
    assert_eq!(assessment.answers.len(), 2);
    assert_eq!(assessment.answers["2"].parties, ["vendor", "hospital"]);
    assert_eq!(assessment.answers["1"].statement, "規程あり");
    assert_eq!(assessment.answers["1"].updated_at.as_deref(), Some(NOW));
    assert!(assessment.notes.is_empty(), "{:?}", assessment.notes);
}

#[test]
fn columns_that_match_no_field_are_named_in_a_note_not_dropped_in_silence() {
    let item = |index: usize| catalog().items[index].text.replace('"', "\"\"");
    let text = format!(
        "No.,対策項目,状態,担当者メモ,,対応策\r\n1,\"{}\",適合,山田さんに確認,,規程あり\r\n2,\"{}\",一部適合,来週,別紙 3,\r\n3,\"{}\",,,,\r\n",
        item(0),
        item(1),
        item(2)
    );
    let imported = read(text.as_bytes(), "手入力.csv").unwrap();
    let assessment = &imported.assessment;
    assert_eq!(assessment.answers["1"].statement, "規程あり");
    let notes: Vec<(&str, &str)> = assessment
        .notes
        .iter()
        .map(|note| (note.text(Lang::Ja), note.text(Lang::En)))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].0.contains("D 列「担当者メモ」は"),
        "{}",
        notes[0].0
    );
    assert!(notes[0].0.contains("2 項目に記入あり"), "{}", notes[0].0);
    assert!(
        notes[0].1.contains("Column D 「担当者メモ」"),
        "{}",
        notes[0].1
    );
    assert!(
        notes[1].0.contains("E 列 (見出しなし) は"),
        "{}",
        notes[1].0
    );
    assert!(
        notes[1].1.contains("filled in for 1 item)"),
        "{}",
        notes[1].1
    );
}

#[test]
fn tekigos_own_oscal_export_opened_as_a_tekigo_file_is_named_as_oscal() {
    use tekigo_formats::oscal::OscalExporter;
    let assessment = filled_checklist(catalog());
    let oscal = OscalExporter.export(catalog(), &assessment, NOW).unwrap();
    let error = tekigo_core::load_file(&oscal).unwrap_err();
    let ja = tekigo_core::i18n::load_error_message(&error, Lang::Ja);
    assert!(ja.starts_with("OSCAL のファイルです。"), "{ja}");
    assert!(!ja.contains("(missing)"), "{ja}");
}

#[test]
fn a_csv_row_cut_short_is_refused_naming_its_row() {
    let text = csv_text();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    // An item row whose first five fields are plain, cut after them (its answers are lost).
    let at = (4..lines.len())
        .find(|&at| {
            let fields: Vec<&str> = lines[at].splitn(6, ',').collect();
            fields.len() == 6 && !fields[..5].concat().contains('"')
        })
        .unwrap();
    let cut: Vec<&str> = lines[at].splitn(6, ',').take(5).collect();
    lines[at] = cut.join(",");
    let error = read(lines.join("\r\n").as_bytes(), "回答.csv").unwrap_err();
    let FormatError::ShortRow { place, cells, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!((place.row, *cells), (Some(at + 1), 5));
    let (ja, en) = messages(&error);
    assert!(
        ja.contains(&format!("{} 行目", at + 1)) && ja.contains("途中で切れて"),
        "{ja}"
    );
    assert!(en.contains("cut short"), "{en}");
}
