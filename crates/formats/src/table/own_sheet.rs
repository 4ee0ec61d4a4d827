//! A filled copy of the sheet a catalog was made from (「表からカタログを作る」): this year's
//! checklist as the hospital filled it in Excel, say. It has neither layout's headings, so it
//! is known by its rows instead: the item-number and text columns (found by their headings, as
//! when the catalog was made) name only items of one catalog, each with that item's own text.
//! The answer column is the first one headed as an answer, as when the catalog was made, or
//! else the one whose values are mostly choices of that catalog's scale; a value off the scale
//! in it is said, naming its row and column. Columns headed with one of the catalog's own
//! answer fields fill that field; columns with no heading fill the fields the catalog named
//! 回答欄 1, 回答欄 2 … for them, in order, when there are as many of each. A header block above
//! the headings (事業者名, 記入者, 記入日 …) fills the assessment's subject.

use tekigo_core::catalog::Item;
use tekigo_core::fields::{AnswerField, Standard};
use tekigo_core::{Assessment, Catalog};

use super::columns::{columns, fold_heading, Column, Source};
use super::read::{fill, Frame, Fresh};
use super::Layout;
use crate::catalog_sheet::{guess, headings, Headings, Role, UNHEADED_FIELD};
use crate::error::FormatError;
use crate::grid::{Sheet, Workbook};

/// The assessment a filled copy of one of `catalogs`' own sheets holds, or None when the
/// workbook is no such copy.
pub fn read<'c>(
    workbook: &Workbook,
    catalogs: &[&'c Catalog],
    fresh: Fresh,
) -> Option<Result<(Assessment, &'c Catalog), FormatError>> {
    let mapping = guess(workbook, "");
    let sheet = workbook.sheet(&mapping.sheet)?;
    let column_of = |role| mapping.columns.iter().position(|r| *r == role);
    let (id_column, text_column) = (column_of(Role::Id)?, column_of(Role::Text)?);
    let found = headings(sheet, mapping.heading_row, &[id_column, text_column]);
    // The last row of headings: the items follow it.
    let heading_row = found.first_item_row - 1;
    let rows: Vec<(&str, &str)> = (found.first_item_row..sheet.rows.len())
        .map(|row| {
            (
                sheet.cell(row, id_column).trim(),
                sheet.cell(row, text_column).trim(),
            )
        })
        .filter(|(id, _)| !id.is_empty())
        .collect();
    if rows.is_empty() {
        return None;
    }
    // Every row is an item of the catalog, with its text: a new edition, with items of its
    // own or texts reworded, is a new catalog, not answers to this one. Of the catalogs that
    // hold every row, the one with the fewest items besides (an older edition's copy is not
    // read against the newer one that added items).
    let catalog = *catalogs
        .iter()
        .filter(|catalog| {
            rows.iter().all(|(id, text)| {
                catalog
                    .item(id)
                    .is_some_and(|item| item.text.trim() == *text)
            })
        })
        .min_by_key(|catalog| catalog.items.len())?;
    let heading = |column: usize| found.of(column).to_owned();
    let layout_columns = columns(Layout::Checklist, catalog);
    let mut chosen: Vec<(usize, Column)> = Vec::new();
    let id = layout_columns
        .iter()
        .find(|column| column.source == Source::ItemId)?;
    chosen.push((id_column, renamed(id, heading(id_column))));
    // The answer column as the catalog was made (the first one headed as an answer), else
    // the one whose values are the catalog's choices.
    let status_column = column_of(Role::Status)
        .or_else(|| answer_column(sheet, &found, catalog, &[id_column, text_column]));
    if let Some(status_column) = status_column {
        let status = layout_columns.iter().find(|column| {
            column.source == Source::Field(AnswerField::Standard(Standard::Status))
        })?;
        chosen.push((status_column, renamed(status, heading(status_column))));
    }
    for column in 0..found.texts.len() {
        if [Some(id_column), Some(text_column), status_column].contains(&Some(column)) {
            continue;
        }
        let folded = fold_heading(&heading(column));
        let own_field = layout_columns.iter().find(|field| {
            matches!(field.source, Source::Field(AnswerField::Declared(_)))
                && fold_heading(&field.heading) == folded
        });
        if let (Some(field), false) = (own_field, folded.is_empty()) {
            chosen.push((column, field.clone()));
        }
    }
    let taken: Vec<usize> = chosen.iter().map(|(index, _)| *index).collect();
    chosen.extend(unheaded_fields(sheet, &found, &layout_columns, &taken));
    let mapped: Vec<(usize, &Column)> = chosen.iter().map(|(index, c)| (*index, c)).collect();
    let catalog_columns = catalog_columns(sheet, found.first_item_row, &mapping.columns, catalog);
    let frame = Frame {
        first_heading_row: mapping.heading_row,
        heading_row,
        mapped: &mapped,
        catalog_columns: &catalog_columns,
    };
    let mut assessment = Assessment::new(fresh.id, catalog, fresh.now);
    let filled = fill(sheet, &frame, catalog, &mut assessment, fresh.now);
    Some(filled.map(|()| (assessment, catalog)))
}

/// The columns that hold the catalog's own words for each row's item: the number and the text
/// (every row was matched by them), and a column guessed as a group, evidence examples or
/// references whose every filled cell is what the catalog holds for that row's item. Any other
/// filled column (a 「確認したエビデンス」 someone added) is the person's own, and is said when
/// it is not read.
fn catalog_columns(
    sheet: &Sheet,
    first_item_row: usize,
    roles: &[Role],
    catalog: &Catalog,
) -> Vec<usize> {
    let Some(id_column) = roles.iter().position(|role| *role == Role::Id) else {
        return Vec::new();
    };
    let items: Vec<(usize, &Item)> = (first_item_row..sheet.rows.len())
        .filter_map(|row| Some((row, catalog.item(sheet.cell(row, id_column).trim())?)))
        .collect();
    let holds = |role: Role, item: &Item, cell: &str| match role {
        Role::Id | Role::Text => true,
        Role::Group | Role::Subgroup => group_titles(catalog, item).any(|title| title == cell),
        Role::EvidenceExamples => item.evidence_examples.as_deref().map(str::trim) == Some(cell),
        Role::Reference => !item.references.is_empty(),
        // An answer, or a column the catalog does not use.
        _ => false,
    };
    (0..roles.len())
        .filter(|column| {
            items.iter().all(|(row, item)| {
                let cell = sheet.cell(*row, *column).trim();
                cell.is_empty() || holds(roles[*column], item, cell)
            })
        })
        .collect()
}

/// The titles of an item's group and the groups above it.
fn group_titles<'c>(catalog: &'c Catalog, item: &Item) -> impl Iterator<Item = &'c str> {
    let mut next = Some(item.group.clone());
    std::iter::from_fn(move || {
        let group = catalog.group(&next.take()?)?;
        next = group.parent.clone();
        Some(group.title.trim())
    })
    .take(catalog.groups.len())
}

/// Answers in columns with no heading: the catalog named such columns 回答欄 1, 回答欄 2 … in
/// their order. The columns here with no heading that hold values (other than `taken`) are
/// paired with those fields in order, when there are as many of each; else none is read, as
/// which one is which cannot be told.
fn unheaded_fields<'c>(
    sheet: &Sheet,
    found: &Headings,
    layout_columns: &[Column<'c>],
    taken: &[usize],
) -> Vec<(usize, Column<'c>)> {
    let item_rows = found.first_item_row..sheet.rows.len();
    let width = item_rows
        .clone()
        .map(|row| sheet.rows[row].cells.len())
        .max()
        .unwrap_or(0);
    let unheaded: Vec<usize> = (0..width)
        .filter(|column| !taken.contains(column) && found.of(*column).is_empty())
        .filter(|column| {
            item_rows
                .clone()
                .any(|row| !sheet.cell(row, *column).trim().is_empty())
        })
        .collect();
    let numbered: Vec<&Column> = layout_columns
        .iter()
        .filter(|field| matches!(field.source, Source::Field(AnswerField::Declared(_))))
        .filter(|field| {
            field
                .heading
                .strip_prefix(UNHEADED_FIELD)
                .is_some_and(|number| number.parse::<usize>().is_ok())
        })
        .collect();
    if unheaded.len() != numbered.len() {
        return Vec::new();
    }
    unheaded
        .into_iter()
        .zip(numbered.into_iter().cloned())
        .collect()
}

/// The layout's column under the sheet's own heading, so that a problem names the column as
/// the person sees it.
fn renamed<'c>(column: &Column<'c>, heading: String) -> Column<'c> {
    Column {
        heading,
        aliases: Vec::new(),
        ..column.clone()
    }
}

/// The column, other than `skip`, most of whose values are choices of the catalog's scale
/// (by their label in either language, or their id); the one with the most, if several. A
/// value off the scale in it is then said, naming its row, rather than the column passed over.
fn answer_column(
    sheet: &Sheet,
    found: &Headings,
    catalog: &Catalog,
    skip: &[usize],
) -> Option<usize> {
    let is_choice = |value: &str| {
        let folded = fold_heading(value);
        catalog.scale().choices.iter().any(|choice| {
            [&choice.label.ja, &choice.label.en, &choice.id]
                .iter()
                .any(|name| !name.is_empty() && fold_heading(name) == folded)
        })
    };
    (0..found.texts.len())
        .filter(|column| !skip.contains(column))
        .filter_map(|column| {
            let values: Vec<&str> = (found.first_item_row..sheet.rows.len())
                .map(|row| sheet.cell(row, column).trim())
                .filter(|value| !value.is_empty())
                .collect();
            let choices = values.iter().filter(|value| is_choice(value)).count();
            (choices > 0 && choices * 2 >= values.len()).then_some((choices, column))
        })
        .max_by_key(|&(choices, column)| (choices, std::cmp::Reverse(column)))
        .map(|(_, column)| column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog_sheet::build;
    use crate::grid::MergedDown;
    use crate::table::from_workbook;

    const HEADINGS: &[&str] = &["番号", "確認項目", "回答", "目標日", "備考"];

    fn sheet(rows: &[&[&str]]) -> Workbook {
        let mut all: Vec<&[&str]> = vec![&["年次確認表 (例)"], HEADINGS];
        all.extend_from_slice(rows);
        Workbook::one_sheet("確認表", &all)
    }

    /// The catalog made from the blank sheet, as 「表からカタログを作る」 makes it.
    fn catalog() -> Catalog {
        let blank = sheet(&[
            &["1", "端末の台帳がある。", "", "", ""],
            &["2", "停電のときの手順がある。", "", "", ""],
            &["3", "委託先の一覧がある。", "", "", ""],
        ]);
        build(&blank, &guess(&blank, "確認表.xlsx"), "2026-12-01").unwrap()
    }

    fn fresh() -> Fresh<'static> {
        Fresh {
            id: "filled",
            now: "2026-12-01T00:00:00Z",
        }
    }

    #[test]
    fn a_filled_copy_of_the_sheet_reads_as_answers_to_its_catalog() {
        let catalog = catalog();
        let filled = sheet(&[
            &["1", "端末の台帳がある。", "はい", "", "情報システム課"],
            &["2", "停電のときの手順がある。", "いいえ", "2027/3/31", ""],
            &["3", "委託先の一覧がある。", "", "", ""],
        ]);
        let (assessment, read_against, layout) =
            from_workbook(&filled, &[&catalog], fresh()).unwrap();
        assert_eq!(
            (read_against.id.as_str(), layout),
            (catalog.id.as_str(), None)
        );
        let status = |id: &str| assessment.answers.get(id).and_then(|a| a.status.clone());
        let yes = &catalog.scale().choices[0].id;
        let no = &catalog.scale().choices[1].id;
        assert_eq!(status("1").as_ref(), Some(yes));
        assert_eq!(status("2").as_ref(), Some(no));
        assert_eq!(status("3"), None);
        let fields = |id: &str| serde_json::to_string(&assessment.answers[id].fields).unwrap();
        assert!(fields("1").contains("情報システム課"), "{}", fields("1"));
        assert!(fields("2").contains("2027-03-31"), "{}", fields("2"));
        assert!(assessment.notes.is_empty(), "{:?}", assessment.notes);
    }

    #[test]
    fn a_column_added_to_the_copy_is_named_in_a_note() {
        let catalog = catalog();
        // Headings that read as the catalog's own (evidence, group, reference) are still the
        // person's when the catalog holds no such words for the item.
        let mut headings = HEADINGS.to_vec();
        headings.extend(["担当", "確認したエビデンス", "担当区分", "参照資料"]);
        let mut filled = Workbook::one_sheet(
            "確認表",
            &[
                &["年次確認表 (例)"],
                &headings,
                &[
                    "1",
                    "端末の台帳がある。",
                    "はい",
                    "",
                    "",
                    "佐藤",
                    "台帳 v3",
                    "総務",
                    "規程 5 条",
                ],
                &[
                    "2",
                    "停電のときの手順がある。",
                    "いいえ",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                &["3", "委託先の一覧がある。", "", "", "", "", "", "", ""],
            ],
        );
        // 佐藤 merged down over all three items: an entry for each, as a person sees it.
        filled.sheets[0].merged_down = vec![MergedDown {
            column: 5,
            first_row: 2,
            last_row: 4,
        }];
        let (assessment, ..) = from_workbook(&filled, &[&catalog], fresh()).unwrap();
        let notes: Vec<&str> = assessment.notes.iter().map(|n| n.note.as_str()).collect();
        assert_eq!(notes.len(), 4, "{notes:?}");
        assert!(notes[0].contains("F 列「担当」"), "{}", notes[0]);
        assert!(notes[0].contains("3 項目に記入あり"), "{}", notes[0]);
        assert!(
            notes[1].contains("G 列「確認したエビデンス」"),
            "{}",
            notes[1]
        );
        assert!(notes[2].contains("H 列「担当区分」"), "{}", notes[2]);
        assert!(notes[3].contains("I 列「参照資料」"), "{}", notes[3]);
    }

    #[test]
    fn the_header_block_of_a_filled_copy_fills_the_subject() {
        let catalog = catalog();
        let filled = Workbook::one_sheet(
            "確認表",
            &[
                &["年次確認表 (例)"],
                &["医療機関名", "", "みなと病院", "記入日：2026年12月1日"],
                &[
                    "記入者: 情報システム課 山田",
                    "",
                    "",
                    "サービス名",
                    "電子カルテ",
                ],
                HEADINGS,
                &["1", "端末の台帳がある。", "はい", "", ""],
                &["2", "停電のときの手順がある。", "", "", ""],
                &["3", "委託先の一覧がある。", "", "", ""],
            ],
        );
        let (assessment, _, _) = from_workbook(&filled, &[&catalog], fresh()).unwrap();
        let subject = &assessment.subject;
        assert_eq!(subject.applicant, "みなと病院");
        assert_eq!(subject.date, "2026-12-01");
        assert_eq!(subject.evaluator, "情報システム課 山田");
        assert_eq!(subject.product, "電子カルテ");
        assert_eq!(subject.reference_number, "");
    }

    #[test]
    fn answers_under_no_heading_fill_the_field_the_catalog_numbered_for_them() {
        let with_blank_heading = |rows: &[&[&str]]| {
            let mut all: Vec<&[&str]> = vec![&["番号", "確認項目", "回答", "", "備考"]];
            all.extend_from_slice(rows);
            Workbook::one_sheet("確認表", &all)
        };
        let blank = with_blank_heading(&[
            &["1", "端末の台帳がある。", "", "", ""],
            &["2", "停電のときの手順がある。", "", "", ""],
        ]);
        // The person said the column under no heading is an answer column: 回答欄 1.
        let mut mapping = guess(&blank, "確認表.xlsx");
        mapping.columns[3] = Role::TextField;
        let catalog = build(&blank, &mapping, "2026-12-01").unwrap();
        let filled = with_blank_heading(&[
            &[
                "1",
                "端末の台帳がある。",
                "はい",
                "情報システム課が管理",
                "",
            ],
            &["2", "停電のときの手順がある。", "いいえ", "", "来年度"],
        ]);
        let (assessment, _, _) = from_workbook(&filled, &[&catalog], fresh()).unwrap();
        let fields = |id: &str| serde_json::to_string(&assessment.answers[id].fields).unwrap();
        assert!(
            fields("1").contains("情報システム課が管理"),
            "{}",
            fields("1")
        );
        assert!(fields("2").contains("来年度"), "{}", fields("2"));
    }

    #[test]
    fn a_filled_copy_with_two_rows_of_headings_reads_too() {
        let two_rows = |rows: [[&str; 2]; 2]| {
            Workbook::one_sheet(
                "確認表",
                &[
                    &["番号", "確認項目", "確認結果", ""],
                    &["", "", "1回目", "2回目"],
                    &["1", "端末の台帳がある。", rows[0][0], rows[0][1]],
                    &["2", "停電のときの手順がある。", rows[1][0], rows[1][1]],
                ],
            )
        };
        // Made from last year's copy, answered both times.
        let last_year = two_rows([["はい", "いいえ"], ["いいえ", "はい"]]);
        let catalog = build(&last_year, &guess(&last_year, "確認表.xlsx"), "2026-12-01").unwrap();
        let filled = two_rows([["いいえ", "はい"], ["", ""]]);
        let (assessment, _, _) = from_workbook(&filled, &[&catalog], fresh()).unwrap();
        let answer = &assessment.answers["1"];
        assert_eq!(answer.status.as_ref(), Some(&catalog.scale().choices[1].id));
        assert!(serde_json::to_string(&answer.fields)
            .unwrap()
            .contains("option-2"));
        assert!(!assessment.answers.contains_key("2"));
    }

    #[test]
    fn one_answer_merged_down_over_several_items_answers_each() {
        let catalog = catalog();
        // A merge above the items (title and headings) is left alone; はい answers items 2 and 3.
        let mut filled = Workbook::one_sheet(
            "確認表",
            &[
                &["年次確認表 (例)"],
                HEADINGS,
                &["1", "端末の台帳がある。", "いいえ", "", ""],
                &["2", "停電のときの手順がある。", "はい", "", "手順書 第2版"],
                &["3", "委託先の一覧がある。", "", "", ""],
            ],
        );
        let merge = |column, first_row, last_row| MergedDown {
            column,
            first_row,
            last_row,
        };
        filled.sheets[0].merged_down = vec![merge(0, 0, 1), merge(2, 3, 4)];
        let (assessment, _, _) = from_workbook(&filled, &[&catalog], fresh()).unwrap();
        let yes = &catalog.scale().choices[0].id;
        let status = |id: &str| assessment.answers.get(id).and_then(|a| a.status.clone());
        assert_eq!(status("2").as_ref(), Some(yes));
        assert_eq!(status("3").as_ref(), Some(yes));
        assert_eq!(status("1").as_ref(), Some(&catalog.scale().choices[1].id));
        let note = serde_json::to_string(&assessment.answers["3"].fields).unwrap();
        assert!(
            !note.contains("手順書"),
            "only the merged cell is carried down: {note}"
        );
    }

    #[test]
    fn a_new_edition_with_an_item_of_its_own_is_no_copy() {
        let catalog = catalog();
        let next_year = sheet(&[
            &["1", "端末の台帳がある。", "はい", "", ""],
            &["4", "訓練をしている。", "はい", "", ""],
        ]);
        assert!(matches!(
            from_workbook(&next_year, &[&catalog], fresh()),
            Err(FormatError::UnknownLayout { .. })
        ));
        let reworded = sheet(&[&["1", "端末の台帳を作っている。", "はい", "", ""]]);
        assert!(from_workbook(&reworded, &[&catalog], fresh()).is_err());
    }

    #[test]
    fn answers_in_other_signs_are_said_not_dropped() {
        let catalog = catalog();
        let filled = sheet(&[
            &["1", "端末の台帳がある。", "○", "", ""],
            &["2", "停電のときの手順がある。", "×", "", ""],
        ]);
        let said = from_workbook(&filled, &[&catalog], fresh())
            .unwrap_err()
            .message(tekigo_core::i18n::Lang::Ja);
        assert!(said.contains("○"), "{said}");
    }

    #[test]
    fn an_older_copy_is_read_against_its_own_edition_not_a_larger_one() {
        let older = catalog();
        let mut newer = older.clone();
        newer.id = "newer".into();
        let mut added = newer.items[0].clone();
        added.id = "4".into();
        added.text = "訓練をしている。".into();
        newer.items.push(added);
        let filled = sheet(&[
            &["1", "端末の台帳がある。", "はい", "", ""],
            &["2", "停電のときの手順がある。", "", "", ""],
            &["3", "委託先の一覧がある。", "", "", ""],
        ]);
        let (_, read_against, _) = from_workbook(&filled, &[&newer, &older], fresh()).unwrap();
        assert_eq!(read_against.id, older.id);
    }

    #[test]
    fn an_answer_off_the_scale_is_said_with_its_row() {
        let catalog = catalog();
        let filled = sheet(&[
            &["1", "端末の台帳がある。", "はい", "", ""],
            &["2", "停電のときの手順がある。", "たぶん", "", ""],
            &["3", "委託先の一覧がある。", "いいえ", "", ""],
        ]);
        let error = from_workbook(&filled, &[&catalog], fresh()).unwrap_err();
        let said = error.message(tekigo_core::i18n::Lang::Ja);
        assert!(said.contains("4") && said.contains("たぶん"), "{said}");
        assert!(said.contains("回答"), "{said}");
    }
}
