//! A workbook read back into an assessment: the layout and the heading row found by their
//! headings, the catalog by tekigo's data or by the rows' numbers and texts, then every row
//! read into an answer; a sheet in neither layout may be a filled copy of a catalog's own sheet
//! ([`super::own_sheet`]). Cells a person changed win over tekigo's data for the row; what no
//! cell shows comes from that data. Any cell that does not read stops the whole import.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use tekigo_core::assessment::{ASSESSMENT_FORMAT, ASSESSMENT_SCHEMA_VERSION, SHEET_COLUMN_NOTE};
use tekigo_core::dates::Date;
use tekigo_core::i18n::{Lang, Localized};
use tekigo_core::validate::{validate, Problem};
use tekigo_core::{
    Answer, AnswerNote, Assessment, Bilingual, Catalog, CatalogRef, DisclosureLevel, Document,
    EvidenceRef, Party, PartyRole,
};

use super::cells::{apply, excel_serial_date, parse, render_evidence, CellProblem};
use super::columns::{columns, fold_heading, Column, Source};
use super::write::{SubjectField, DATA_NOTE, SUBJECT_LABELS};
use super::{own_sheet, Layout, DATA_SHEET, DOCUMENTS_SHEET, PARTIES_SHEET};
use crate::error::{column_letters, FormatError, Place};
use crate::grid::{Sheet, Workbook};

/// What an assessment read from a sheet without tekigo's data is given: a new id, and the
/// time it was read (RFC 3339).
#[derive(Debug, Clone, Copy)]
pub struct Fresh<'a> {
    /// The id for the new assessment.
    pub id: &'a str,
    /// Now.
    pub now: &'a str,
}

/// How many rows are looked at for the headings.
const HEADING_SEARCH_ROWS: usize = 40;

/// Reads the assessment a workbook holds, against one of `catalogs`.
pub fn from_workbook<'c>(
    workbook: &Workbook,
    catalogs: &[&'c Catalog],
    fresh: Fresh,
) -> Result<(Assessment, &'c Catalog, Option<Layout>), FormatError> {
    let (sheet, heading_row, layout) = match find_layout(workbook) {
        Ok(found) => found,
        Err(unknown) => {
            return match own_sheet::read(workbook, catalogs, fresh) {
                Some(read) => read.map(|(assessment, catalog)| (assessment, catalog, None)),
                None => Err(unknown),
            }
        }
    };
    let data = workbook
        .sheet(DATA_SHEET)
        .map(|sheet| read_data(sheet).map(|values| (sheet, values)))
        .transpose()?;
    let named: Option<CatalogRef> = data
        .as_ref()
        .map(|(sheet, values)| field(sheet, values, "catalog"))
        .transpose()?;
    let catalog = match &named {
        Some(named) => *catalogs
            .iter()
            .find(|catalog| catalog.id == named.id)
            .ok_or_else(|| FormatError::UnknownCatalog {
                id: named.id.clone(),
            })?,
        None => match_catalog(sheet, heading_row, catalogs)?,
    };
    let mut assessment = Assessment::new(fresh.id, catalog, fresh.now);
    if let Some((sheet, values)) = &data {
        apply_data(&mut assessment, values, sheet)?;
    }
    if let Some(parties) = workbook.sheet(PARTIES_SHEET) {
        assessment.parties = read_parties(parties)?;
    }
    if let Some(documents) = workbook.sheet(DOCUMENTS_SHEET) {
        assessment.documents = read_documents(documents)?;
    }
    let columns = columns(layout, catalog);
    let mapped = map_headings(sheet, heading_row, &columns);
    let frame = Frame {
        first_heading_row: heading_row,
        heading_row,
        mapped: &mapped,
        catalog_columns: &[],
    };
    fill(sheet, &frame, catalog, &mut assessment, fresh.now)?;
    Ok((assessment, catalog, Some(layout)))
}

/// The rows and columns a sheet is read from.
pub(super) struct Frame<'m, 'c> {
    /// The first row of headings: the subject's block is above it.
    pub first_heading_row: usize,
    /// The last row of headings: the items follow it.
    pub heading_row: usize,
    /// Each column read, with what it is.
    pub mapped: &'m [(usize, &'m Column<'c>)],
    /// Columns that hold the catalog's own words (an item's text, its group), not read and
    /// not to be read.
    pub catalog_columns: &'m [usize],
}

/// Fills `assessment` from `sheet`, as every sheet is read: the subject from the block above
/// the headings, the answers from the rows under them in the mapped columns, a note naming
/// each other column that holds anything in an item's row (so that nothing is left behind
/// unsaid), then the engine's check of the whole.
pub(super) fn fill(
    sheet: &Sheet,
    frame: &Frame,
    catalog: &Catalog,
    assessment: &mut Assessment,
    now: &str,
) -> Result<(), FormatError> {
    read_subject(sheet, frame.first_heading_row, assessment);
    let item_rows = read_rows(
        sheet,
        frame.heading_row,
        frame.mapped,
        catalog,
        assessment,
        now,
    )?;
    for note in unread_columns(sheet, frame, &item_rows) {
        if !assessment.notes.contains(&note) {
            assessment.notes.push(note);
        }
    }
    checked(assessment, catalog)
}

/// A note for each column that is neither read nor the catalog's own and holds anything in
/// one of `item_rows`: its letters, its heading and how many items it has an entry for.
fn unread_columns(sheet: &Sheet, frame: &Frame, item_rows: &[usize]) -> Vec<AnswerNote> {
    let width = item_rows
        .iter()
        .map(|row| sheet.rows[*row].cells.len())
        .max()
        .unwrap_or(0);
    let read = |column: usize| {
        frame.mapped.iter().any(|(index, _)| *index == column)
            || frame.catalog_columns.contains(&column)
    };
    // An entry merged down over several items counts for each of them, as a person sees it.
    let filled = sheet.filled_down(frame.heading_row, |_, column| !read(column));
    let sheet: &Sheet = &filled;
    (0..width)
        .filter(|column| !read(*column))
        .filter_map(|column| {
            let entries = item_rows
                .iter()
                .filter(|row| !sheet.cell(**row, column).trim().is_empty())
                .count();
            (entries > 0).then(|| unread_note(sheet, frame, column, entries))
        })
        .collect()
}

/// The note on one column left out, in both languages.
fn unread_note(sheet: &Sheet, frame: &Frame, column: usize, entries: usize) -> AnswerNote {
    let letters = column_letters(column);
    // The nearest heading above the items: a heading may stand in an upper row of two.
    let heading = (frame.first_heading_row..=frame.heading_row)
        .rev()
        .map(|row| sheet.cell(row, column).trim())
        .find(|text| !text.is_empty());
    let (column_ja, column_en) = match heading {
        Some(text) => (
            format!("{letters} 列「{text}」"),
            format!("{letters} 「{text}」"),
        ),
        None => (
            format!("{letters} 列 (見出しなし) "),
            format!("{letters} (no heading)"),
        ),
    };
    let name = &sheet.name;
    AnswerNote::new(
        SHEET_COLUMN_NOTE,
        format!(
            "シート「{name}」の {column_ja}は、このカタログのどの回答欄にも該当しないため読み込んでいません ({entries} 項目に記入あり)。必要なら元のファイルから転記してください。"
        ),
        format!(
            "Column {column_en} of sheet 「{name}」 was not read: it matches no answer field of this catalog (filled in for {entries} {items}). Copy what is needed from the original file.",
            items = if entries == 1 { "item" } else { "items" }
        ),
    )
}

/// Whether an assessment read from a sheet holds against its catalog: the engine's errors,
/// if any, stop the import.
fn checked(assessment: &Assessment, catalog: &Catalog) -> Result<(), FormatError> {
    let errors: Vec<Problem> = validate(assessment, catalog)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(FormatError::Invalid(errors))
    }
}

/// The sheet, heading row and layout: the first row, in sheet order, holding an item-number
/// heading and 対策項目 (the checklist) or 要求事項 (a vendor's reference).
fn find_layout(workbook: &Workbook) -> Result<(&Sheet, usize, Layout), FormatError> {
    for sheet in &workbook.sheets {
        for (index, row) in sheet.rows.iter().take(HEADING_SEARCH_ROWS).enumerate() {
            let folded: Vec<String> = row.cells.iter().map(|cell| fold_heading(cell)).collect();
            let has = |word: &str| folded.iter().any(|cell| cell == word);
            if !(has("no") || has("番号") || has("項番")) {
                continue;
            }
            if has("対策項目") {
                return Ok((sheet, index, Layout::Checklist));
            }
            if has("要求事項") {
                return Ok((sheet, index, Layout::VendorReference));
            }
        }
    }
    Err(FormatError::UnknownLayout {
        sheets: workbook.sheets.iter().map(|s| s.name.clone()).collect(),
    })
}

/// The catalog most of whose items the rows name with their own text.
fn match_catalog<'c>(
    sheet: &Sheet,
    heading_row: usize,
    catalogs: &[&'c Catalog],
) -> Result<&'c Catalog, FormatError> {
    let headings: Vec<String> = sheet.rows[heading_row]
        .cells
        .iter()
        .map(|cell| fold_heading(cell))
        .collect();
    let find = |words: &[&str]| headings.iter().position(|h| words.contains(&h.as_str()));
    let (Some(id_column), Some(text_column)) = (
        find(&["no", "番号", "項番"]),
        find(&["対策項目", "要求事項"]),
    ) else {
        return Err(FormatError::NoMatchingCatalog);
    };
    let rows: Vec<(&str, &str)> = (heading_row + 1..sheet.rows.len())
        .map(|row| {
            (
                sheet.cell(row, id_column).trim(),
                sheet.cell(row, text_column).trim(),
            )
        })
        .filter(|(id, _)| !id.is_empty())
        .collect();
    let best = catalogs
        .iter()
        .map(|catalog| {
            let matching = rows
                .iter()
                .filter(|(id, text)| {
                    catalog
                        .item(id)
                        .is_some_and(|item| item.text.trim() == *text)
                })
                .count();
            (matching, *catalog)
        })
        .max_by_key(|(matching, _)| *matching);
    match best {
        Some((matching, catalog)) if matching > 0 && matching * 2 >= rows.len() => Ok(catalog),
        _ => Err(FormatError::NoMatchingCatalog),
    }
}

/// Each column of the sheet's heading row with the layout column it is, if any.
fn map_headings<'a, 'c>(
    sheet: &Sheet,
    heading_row: usize,
    columns: &'a [Column<'c>],
) -> Vec<(usize, &'a Column<'c>)> {
    let mut taken = vec![false; columns.len()];
    let mut mapped = Vec::new();
    for (index, cell) in sheet.rows[heading_row].cells.iter().enumerate() {
        let folded = fold_heading(cell);
        if folded.is_empty() {
            continue;
        }
        let by_heading = columns
            .iter()
            .position(|column| fold_heading(&column.heading) == folded);
        let by_alias = || {
            columns.iter().enumerate().position(|(number, column)| {
                !taken[number] && column.aliases.iter().any(|a| fold_heading(a) == folded)
            })
        };
        if let Some(found) = by_heading.filter(|found| !taken[*found]).or_else(by_alias) {
            taken[found] = true;
            mapped.push((index, &columns[found]));
        }
    }
    mapped
}

/// Labels of the subject's fields that people put in their own sheets' header blocks, besides
/// the ones tekigo writes (and the checklist's own 評価対象プロジェクト名).
const SUBJECT_ALIASES: [(&str, SubjectField); 12] = [
    ("評価対象プロジェクト名", SubjectField::Product),
    ("サービス名", SubjectField::Product),
    ("製品名", SubjectField::Product),
    ("システム名", SubjectField::Product),
    ("事業者名", SubjectField::Applicant),
    ("医療機関名", SubjectField::Applicant),
    ("施設名", SubjectField::Applicant),
    ("記入者", SubjectField::Evaluator),
    ("回答者", SubjectField::Evaluator),
    ("記入日", SubjectField::Date),
    ("回答日", SubjectField::Date),
    ("管理番号", SubjectField::ReferenceNumber),
];

/// The subject from the header block above the headings: for each label, the text after it in
/// its own cell (「事業者名: 〇〇」) or else the first text right of it, up to the next label. A
/// date is written as ISO when it reads as one (2026/4/1, 2026年4月1日, an Excel serial).
fn read_subject(sheet: &Sheet, heading_row: usize, assessment: &mut Assessment) {
    let label_of = |text: &str| -> Option<(SubjectField, String)> {
        let folded = fold_heading(text);
        SUBJECT_LABELS
            .iter()
            .chain(&SUBJECT_ALIASES)
            .find_map(|(label, field)| {
                let rest = folded.strip_prefix(fold_heading(label).as_str())?;
                if !(rest.is_empty() || rest.starts_with(':')) {
                    return None;
                }
                // What is written in the label's own cell, after its colon.
                let inline = text
                    .split_once([':', '：'])
                    .map_or("", |(_, value)| value.trim());
                Some((*field, inline.to_owned()))
            })
    };
    for row in sheet.rows.iter().take(heading_row) {
        for (index, cell) in row.cells.iter().enumerate() {
            let Some((field, inline)) = label_of(cell) else {
                continue;
            };
            let value = if inline.is_empty() {
                row.cells[index + 1..]
                    .iter()
                    .take_while(|text| label_of(text).is_none())
                    .map(|text| text.trim())
                    .find(|text| !text.is_empty())
                    .unwrap_or_default()
                    .to_owned()
            } else {
                inline
            };
            if value.is_empty() {
                continue;
            }
            let value = match field {
                SubjectField::Date => Date::parse_loose(&value)
                    .or_else(|| excel_serial_date(&value))
                    .map_or(value, |date| date.iso()),
                _ => value,
            };
            field.set(&mut assessment.subject, value);
        }
    }
}

/// The cell's place, for messages.
fn place(sheet: &Sheet, row: usize, column: usize, heading: &str) -> Place {
    Place::cell(&sheet.name, sheet.row_number(row), column, heading)
}

fn read_rows(
    sheet: &Sheet,
    heading_row: usize,
    mapped: &[(usize, &Column)],
    catalog: &Catalog,
    assessment: &mut Assessment,
    now: &str,
) -> Result<Vec<usize>, FormatError> {
    let Some(id_column) = mapped
        .iter()
        .find(|(_, column)| column.source == Source::ItemId)
        .map(|(index, _)| *index)
    else {
        return Err(FormatError::UnknownLayout {
            sheets: vec![sheet.name.clone()],
        });
    };
    let headings: Vec<String> = mapped
        .iter()
        .map(|(_, c)| fold_heading(&c.heading))
        .collect();
    // One answer merged down over several items' rows answers each of them.
    let answer_columns: Vec<usize> = mapped
        .iter()
        .filter(|(_, column)| matches!(column.source, Source::Field(_)))
        .map(|(index, _)| *index)
        .collect();
    let filled = sheet.filled_down(heading_row, |row, column| {
        answer_columns.contains(&column) && !sheet.cell(row, id_column).trim().is_empty()
    });
    let sheet: &Sheet = &filled;
    // tekigo's own file (its data column is there): each of its CSV rows is written whole.
    let has_data_column = mapped
        .iter()
        .any(|(_, column)| column.source == Source::Data);
    let headings_width = sheet.rows.get(heading_row).map_or(0, |row| row.cells.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut item_rows = Vec::new();
    for row in heading_row + 1..sheet.rows.len() {
        let id = sheet.cell(row, id_column).trim().to_owned();
        let answer_cells = mapped
            .iter()
            .filter(|(_, column)| column.source.is_answer())
            .any(|(index, _)| !sheet.cell(row, *index).trim().is_empty());
        if catalog.item(&id).is_none() {
            let repeated_heading = headings.contains(&fold_heading(&id));
            if answer_cells && !repeated_heading {
                return Err(FormatError::UnknownItem {
                    place: Box::new(Place::row(&sheet.name, sheet.row_number(row))),
                    id,
                });
            }
            continue; // a blank line, a repeated heading, a page's header block
        }
        let cells = sheet.rows[row].cells.len();
        if sheet.complete_rows && has_data_column && cells < headings_width {
            return Err(FormatError::ShortRow {
                place: Box::new(Place::row(&sheet.name, sheet.row_number(row))),
                cells,
                headings: headings_width,
            });
        }
        if let Some(first) = seen.insert(id.clone(), sheet.row_number(row)) {
            return Err(FormatError::DuplicateRow {
                place: Box::new(Place::row(&sheet.name, sheet.row_number(row))),
                id,
                first_row: first,
            });
        }
        item_rows.push(row);
        if let Some(answer) = read_answer(sheet, row, mapped, catalog, assessment, now)? {
            assessment.answers.insert(id, answer);
        }
    }
    Ok(item_rows)
}

/// A row's answer, or none when the row holds none.
fn read_answer(
    sheet: &Sheet,
    row: usize,
    mapped: &[(usize, &Column)],
    catalog: &Catalog,
    assessment: &Assessment,
    now: &str,
) -> Result<Option<Answer>, FormatError> {
    let data = mapped
        .iter()
        .find(|(_, column)| column.source == Source::Data)
        .map(|(index, column)| (sheet.cell(row, *index), *index, column))
        .filter(|(text, _, _)| !text.trim().is_empty())
        .map(|(text, index, column)| {
            serde_json::from_str::<Map<String, Value>>(text).map_err(|_| FormatError::BadValue {
                place: Box::new(place(sheet, row, index, &column.heading)),
                value: text.chars().take(40).collect(),
                expected: Bilingual::new(
                    "この列は tekigo のデータです。書き換えないでください (空にすると、見えている列だけから読みます)。",
                    "This column is tekigo's data; do not change it (emptied, only the visible columns are read).",
                ),
            })
        })
        .transpose()?;
    let mut answer = Answer::default();
    let mut evidence_from_data: Option<Vec<EvidenceRef>> = None;
    if let Some(data) = &data {
        let field = |key: &str| data.get(key).cloned();
        answer.updated_at = field("updatedAt").and_then(|v| v.as_str().map(str::to_owned));
        answer.provenance = field("provenance").and_then(|v| serde_json::from_value(v).ok());
        answer.notes = field("notes")
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        answer.excluded_by = field("excludedBy").and_then(|v| v.as_str().map(str::to_owned));
        answer.extra = field("extra")
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default();
        evidence_from_data = field("evidence").and_then(|v| serde_json::from_value(v).ok());
    }
    let mut any_value = false;
    for (index, column) in mapped {
        let Source::Field(field) = &column.source else {
            continue;
        };
        let text = sheet.cell(row, *index);
        if !text.trim().is_empty() {
            any_value = true;
        }
        if let Some(evidence) = &evidence_from_data {
            // The data keeps what the cell cannot show; a changed cell wins.
            if field.shape() == tekigo_core::fields::Shape::Evidence
                && render_evidence(evidence) == text
            {
                answer.evidence = evidence.clone();
                continue;
            }
        }
        let value = parse(field, catalog, assessment, text).map_err(|problem| {
            let place = place(sheet, row, *index, &column.heading);
            match problem {
                CellProblem::NotOnScale(allowed) => FormatError::NotOnScale {
                    place: Box::new(place),
                    value: text.to_owned(),
                    allowed,
                },
                CellProblem::Expected(expected) => FormatError::BadValue {
                    place: Box::new(place),
                    value: text.to_owned(),
                    expected,
                },
            }
        })?;
        apply(field, &mut answer, value);
    }
    match data {
        Some(_) => Ok(Some(answer)),
        None if any_value => {
            answer.updated_at = Some(now.to_owned());
            Ok(Some(answer))
        }
        None => Ok(None),
    }
}

/// tekigo's sheet as key → JSON value.
fn read_data(sheet: &Sheet) -> Result<HashMap<String, Value>, FormatError> {
    sheet
        .rows
        .iter()
        .filter(|row| {
            row.cells
                .first()
                .is_some_and(|key| !key.is_empty() && key != DATA_NOTE)
        })
        .map(|row| {
            let key = row.cells[0].clone();
            let text = row.cells.get(1).map_or("", String::as_str);
            serde_json::from_str(text)
                .map(|value| (key.clone(), value))
                .map_err(|_| data_problem(sheet, &key, text))
        })
        .collect()
}

fn data_problem(sheet: &Sheet, key: &str, value: &str) -> FormatError {
    let row = sheet
        .rows
        .iter()
        .position(|row| row.cells.first().map(String::as_str) == Some(key))
        .unwrap_or(0);
    FormatError::BadValue {
        place: Box::new(Place::cell(&sheet.name, sheet.row_number(row), 1, key)),
        value: value.chars().take(40).collect(),
        expected: Bilingual::new(
            "tekigo のデータが書き換えられているため読めません。",
            "tekigo's data was changed and cannot be read.",
        ),
    }
}

/// The value of `key` in tekigo's sheet, typed; missing or of the wrong kind is an error.
fn field<T: DeserializeOwned>(
    sheet: &Sheet,
    values: &HashMap<String, Value>,
    key: &str,
) -> Result<T, FormatError> {
    let value = values.get(key).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value.clone()).map_err(|_| data_problem(sheet, key, &value.to_string()))
}

/// The value of `key`, when the sheet has it.
fn optional<T: DeserializeOwned>(
    sheet: &Sheet,
    values: &HashMap<String, Value>,
    key: &str,
) -> Result<Option<T>, FormatError> {
    values
        .contains_key(key)
        .then(|| field(sheet, values, key))
        .transpose()
}

fn apply_data(
    assessment: &mut Assessment,
    values: &HashMap<String, Value>,
    sheet: &Sheet,
) -> Result<(), FormatError> {
    let format: String = field(sheet, values, "format")?;
    if format != ASSESSMENT_FORMAT {
        return Err(data_problem(sheet, "format", &format));
    }
    let version: u32 = field(sheet, values, "schemaVersion")?;
    if !(1..=ASSESSMENT_SCHEMA_VERSION).contains(&version) {
        return Err(data_problem(sheet, "schemaVersion", &version.to_string()));
    }
    assessment.schema_version = version;
    assessment.id = field(sheet, values, "id")?;
    assessment.catalog = field(sheet, values, "catalog")?;
    assessment.created_at = field(sheet, values, "createdAt")?;
    assessment.updated_at = field(sheet, values, "updatedAt")?;
    assessment.documents_numbered = optional(sheet, values, "documentsNumbered")?.unwrap_or(0);
    assessment.origin = optional(sheet, values, "origin")?;
    assessment.publication = optional(sheet, values, "publication")?;
    assessment.layers = optional(sheet, values, "layers")?.unwrap_or_default();
    assessment.profile = optional(sheet, values, "profile")?.unwrap_or_default();
    assessment.notes = optional(sheet, values, "notes")?.unwrap_or_default();
    assessment.extra = optional(sheet, values, "extra")?.unwrap_or_default();
    Ok(())
}

/// The index of the heading row of a register sheet (the row whose first cell is ID).
fn register_heading(sheet: &Sheet) -> Option<usize> {
    sheet.rows.iter().position(|row| {
        row.cells
            .first()
            .is_some_and(|cell| fold_heading(cell) == "id")
    })
}

fn read_parties(sheet: &Sheet) -> Result<Vec<Party>, FormatError> {
    let Some(heading) = register_heading(sheet) else {
        return Ok(Party::standard());
    };
    let mut parties = Vec::new();
    for row in heading + 1..sheet.rows.len() {
        let id = sheet.cell(row, 0).trim();
        if id.is_empty() {
            continue;
        }
        let role_text = sheet.cell(row, 1).trim();
        let role = PartyRole::ALL
            .into_iter()
            .find(|role| {
                role.label(Lang::Ja) == role_text
                    || role.label(Lang::En).eq_ignore_ascii_case(role_text)
                    || role.standard_id() == role_text
            })
            .ok_or_else(|| FormatError::BadValue {
                place: Box::new(place(sheet, row, 1, "役割")),
                value: role_text.to_owned(),
                expected: Bilingual::new(
                    "役割は「事業者」「IaaS・再委託先」「医療機関等」「SI事業者」のどれかです。",
                    "A role is one of 事業者 (vendor), IaaS・再委託先, 医療機関等 (hospital), SI事業者.",
                ),
            })?;
        parties.push(Party {
            id: id.to_owned(),
            role,
            name: sheet.cell(row, 2).to_owned(),
        });
    }
    Ok(parties)
}

fn read_documents(sheet: &Sheet) -> Result<Vec<Document>, FormatError> {
    let Some(heading) = register_heading(sheet) else {
        return Ok(Vec::new());
    };
    let mut documents = Vec::new();
    for row in heading + 1..sheet.rows.len() {
        let cells: Vec<&str> = (0..5).map(|column| sheet.cell(row, column)).collect();
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let disclosure = match cells[3].trim() {
            "" | "公開文書" | "public" => DisclosureLevel::Public,
            "要NDA" | "NDA" | "nda" => DisclosureLevel::Nda,
            other => {
                return Err(FormatError::BadValue {
                    place: Box::new(place(sheet, row, 3, "開示レベル")),
                    value: other.to_owned(),
                    expected: Bilingual::new(
                        "「公開文書」か「要NDA」を書きます。",
                        "Write 公開文書 (public) or 要NDA (NDA required).",
                    ),
                })
            }
        };
        let extra = if cells[4].trim().is_empty() {
            Map::new()
        } else {
            serde_json::from_str(cells[4]).map_err(|_| FormatError::BadValue {
                place: Box::new(place(sheet, row, 4, "tekigo データ")),
                value: cells[4].chars().take(40).collect(),
                expected: Bilingual::new(
                    "この列は tekigo のデータです。書き換えないでください。",
                    "This column is tekigo's data; do not change it.",
                ),
            })?
        };
        documents.push(Document {
            id: cells[0].trim().to_owned(),
            title: cells[1].to_owned(),
            url: cells[2].to_owned(),
            disclosure,
            extra,
        });
    }
    Ok(documents)
}
