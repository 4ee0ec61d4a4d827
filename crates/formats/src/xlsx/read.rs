//! Reads the sheets of an XLSX workbook into a [`Workbook`] of text cells: the workbook's
//! sheet list and relationships, the shared strings, and each worksheet's cells, list
//! validations and cells merged down a column. Rows keep their numbers (an empty row stays an
//! empty row), so a place in an error message is the place Excel shows.

use std::borrow::Cow;

use super::excel_unescape;
use crate::error::FormatError;
use crate::grid::{ListRule, MergedDown, Row, Sheet, Workbook};
use crate::xml::{attribute, Event, Reader};
use crate::zip::{Archive, ZipError};

/// The most rows and columns read from a sheet.
const MAX_ROWS: usize = 100_000;
const MAX_COLUMNS: usize = 1_000;

/// The workbook in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Workbook, FormatError> {
    let archive = Archive::open(bytes).map_err(|error| zip_error("(zip)", error))?;
    let root_relations = text_of(&archive, "_rels/.rels").unwrap_or_default();
    let workbook_path = relations(&root_relations, "")
        .into_iter()
        .find(|relation| relation.kind.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_owned(), |relation| relation.target);
    let folder = workbook_path
        .rsplit_once('/')
        .map_or(String::new(), |(folder, _)| format!("{folder}/"));
    let workbook_xml = text_of(&archive, &workbook_path)?;
    let relations_path = format!(
        "{folder}_rels/{}.rels",
        workbook_path.rsplit('/').next().unwrap_or("workbook.xml")
    );
    let workbook_relations = relations(&text_of(&archive, &relations_path)?, &folder);
    let shared = match workbook_relations
        .iter()
        .find(|relation| relation.kind.ends_with("/sharedStrings"))
    {
        Some(relation) if archive.has(&relation.target) => {
            shared_strings(&text_of(&archive, &relation.target)?, &relation.target)?
        }
        _ => Vec::new(),
    };
    let mut workbook = Workbook::default();
    for entry in sheet_entries(&workbook_xml, &workbook_path)? {
        let Some(relation) = workbook_relations.iter().find(|r| r.id == entry.relation) else {
            continue;
        };
        if !relation.kind.ends_with("/worksheet") {
            continue; // a chart sheet or a dialog sheet holds no cells
        }
        let xml = text_of(&archive, &relation.target)?;
        let mut sheet = worksheet(&xml, &shared, &relation.target)?;
        sheet.name = entry.name;
        sheet.hidden = entry.hidden;
        workbook.sheets.push(sheet);
    }
    Ok(workbook)
}

fn zip_error(part: &str, error: ZipError) -> FormatError {
    match error {
        ZipError::TooLarge(bytes) => FormatError::TooLarge {
            bytes,
            limit: crate::zip::MAX_UNPACKED_BYTES,
        },
        ZipError::Missing(name) => FormatError::Damaged {
            part: name,
            detail: "missing".to_owned(),
        },
        ZipError::Damaged(detail) => FormatError::Damaged {
            part: part.to_owned(),
            detail: detail.to_owned(),
        },
    }
}

fn text_of(archive: &Archive, part: &str) -> Result<String, FormatError> {
    let bytes = archive.read(part).map_err(|error| zip_error(part, error))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| FormatError::Damaged {
        part: part.to_owned(),
        detail: "not UTF-8".to_owned(),
    })
}

fn damaged(part: &str, detail: impl ToString) -> FormatError {
    FormatError::Damaged {
        part: part.to_owned(),
        detail: detail.to_string(),
    }
}

struct Relation {
    id: String,
    kind: String,
    /// The target's path in the archive.
    target: String,
}

/// The relationships of a `.rels` part, targets resolved against `folder`.
fn relations(xml: &str, folder: &str) -> Vec<Relation> {
    let mut reader = Reader::new(xml);
    let mut found = Vec::new();
    while let Ok(Some(event)) = reader.next_event() {
        if let Event::Start {
            name: "Relationship",
            attributes,
            ..
        } = event
        {
            let get = |key| attribute(attributes, key).map(Cow::into_owned);
            if let (Some(id), Some(kind), Some(target)) = (get("Id"), get("Type"), get("Target")) {
                found.push(Relation {
                    id,
                    kind,
                    target: resolve(folder, &target),
                });
            }
        }
    }
    found
}

/// A relationship target as a path in the archive.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

struct SheetEntry {
    name: String,
    relation: String,
    hidden: bool,
}

fn sheet_entries(xml: &str, part: &str) -> Result<Vec<SheetEntry>, FormatError> {
    let mut reader = Reader::new(xml);
    let mut entries = Vec::new();
    while let Some(event) = reader.next_event().map_err(|e| damaged(part, e))? {
        if let Event::Start {
            name: "sheet",
            attributes,
            ..
        } = event
        {
            let name = attribute(attributes, "name")
                .unwrap_or_default()
                .into_owned();
            let relation = attribute(attributes, "id").unwrap_or_default().into_owned();
            let hidden = attribute(attributes, "state").is_some_and(|state| state != "visible");
            entries.push(SheetEntry {
                name,
                relation,
                hidden,
            });
        }
    }
    Ok(entries)
}

/// The shared strings: each `<si>`'s text runs joined, its phonetic runs (`<rPh>`) left out.
fn shared_strings(xml: &str, part: &str) -> Result<Vec<String>, FormatError> {
    let mut reader = Reader::new(xml);
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut in_phonetic = 0usize;
    while let Some(event) = reader.next_event().map_err(|e| damaged(part, e))? {
        match event {
            Event::Start { name: "si", .. } => current.clear(),
            Event::End { name: "si" } => {
                strings.push(excel_unescape(&current).into_owned());
                if strings.len() > MAX_ROWS * 20 {
                    return Err(damaged(part, "too many strings"));
                }
            }
            Event::Start {
                name: "rPh",
                empty: false,
                ..
            } => in_phonetic += 1,
            Event::End { name: "rPh" } => in_phonetic = in_phonetic.saturating_sub(1),
            Event::Start {
                name: "t",
                empty: false,
                ..
            } => in_text = true,
            Event::End { name: "t" } => in_text = false,
            Event::Text(text) if in_text && in_phonetic == 0 => current.push_str(&text),
            _ => {}
        }
    }
    Ok(strings)
}

/// A cell reference's column and row, from 0: `B3` is (1, 2).
fn cell_position(reference: &str) -> Option<(usize, usize)> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = reference[..letters].bytes().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
    }) - 1;
    let row: usize = reference[letters..].parse().ok()?;
    (row >= 1).then(|| (column, row - 1))
}

/// A number as Excel shows it in General format: integers without a decimal point.
fn number_text(raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(value) if value.fract() == 0.0 && value.abs() < 1e15 => format!("{}", value as i64),
        Ok(value) => format!("{value}"),
        Err(_) => raw.to_owned(),
    }
}

struct CellBuilder {
    column: usize,
    row: usize,
    kind: String,
    value: String,
    inline: String,
}

fn worksheet(xml: &str, shared: &[String], part: &str) -> Result<Sheet, FormatError> {
    let mut reader = Reader::new(xml);
    let mut sheet = Sheet::named("");
    let mut row_index = 0usize;
    let mut next_column = 0usize;
    let mut cell: Option<CellBuilder> = None;
    let mut in_value = false;
    let mut in_inline_text = false;
    let mut in_phonetic = 0usize;
    let mut validation: Option<(String, String)> = None;
    let mut in_formula = false;
    let mut in_sheet_data = false;
    while let Some(event) = reader.next_event().map_err(|e| damaged(part, e))? {
        match event {
            Event::Start {
                name: "sheetData",
                empty,
                ..
            } => in_sheet_data = !empty,
            Event::End { name: "sheetData" } => in_sheet_data = false,
            Event::Start {
                name: "row",
                attributes,
                ..
            } if in_sheet_data => {
                row_index = match attribute(attributes, "r") {
                    Some(number) => {
                        number
                            .parse::<usize>()
                            .ok()
                            .filter(|n| *n >= 1)
                            .ok_or_else(|| damaged(part, "a row without a number"))?
                            - 1
                    }
                    None => sheet.rows.len(),
                };
                if row_index >= MAX_ROWS {
                    return Err(FormatError::TooLarge {
                        bytes: xml.len(),
                        limit: MAX_ROWS,
                    });
                }
                next_column = 0;
            }
            Event::Start {
                name: "c",
                attributes,
                empty,
            } if in_sheet_data => {
                let (column, row) = match attribute(attributes, "r") {
                    Some(reference) => cell_position(&reference)
                        .ok_or_else(|| damaged(part, "a cell with a bad reference"))?,
                    None => (next_column, row_index),
                };
                next_column = column + 1;
                let builder = CellBuilder {
                    column,
                    row,
                    kind: attribute(attributes, "t").unwrap_or_default().into_owned(),
                    value: String::new(),
                    inline: String::new(),
                };
                if empty {
                    continue;
                }
                cell = Some(builder);
            }
            Event::End { name: "c" } => {
                if let Some(done) = cell.take() {
                    let text = cell_text(&done, shared, part)?;
                    place(&mut sheet, done.row, done.column, text, xml.len())?;
                }
            }
            Event::Start {
                name: "v",
                empty: false,
                ..
            } => in_value = cell.is_some(),
            Event::End { name: "v" } => in_value = false,
            Event::Start {
                name: "rPh",
                empty: false,
                ..
            } => in_phonetic += 1,
            Event::End { name: "rPh" } => in_phonetic = in_phonetic.saturating_sub(1),
            Event::Start {
                name: "t",
                empty: false,
                ..
            } => in_inline_text = cell.is_some(),
            Event::End { name: "t" } => in_inline_text = false,
            Event::Text(text) => {
                if let Some(building) = cell.as_mut() {
                    if in_value {
                        building.value.push_str(&text);
                    } else if in_inline_text && in_phonetic == 0 {
                        building.inline.push_str(&text);
                    }
                } else if in_formula {
                    if let Some((_, formula)) = validation.as_mut() {
                        formula.push_str(&text);
                    }
                }
            }
            Event::Start {
                name: "mergeCell",
                attributes,
                ..
            } => {
                let range = attribute(attributes, "ref").unwrap_or_default();
                let corners = range
                    .split_once(':')
                    .and_then(|(first, last)| Some((cell_position(first)?, cell_position(last)?)));
                if let Some(((column, first_row), (_, last_row))) = corners {
                    if last_row > first_row && last_row < MAX_ROWS {
                        sheet.merged_down.push(MergedDown {
                            column,
                            first_row,
                            last_row,
                        });
                    }
                }
            }
            Event::Start {
                name: "dataValidation",
                attributes,
                empty,
            } => {
                let is_list = attribute(attributes, "type").as_deref() == Some("list");
                let range = attribute(attributes, "sqref")
                    .unwrap_or_default()
                    .into_owned();
                if is_list && !empty {
                    validation = Some((range, String::new()));
                }
            }
            Event::Start {
                name: "formula1",
                empty: false,
                ..
            } => in_formula = validation.is_some(),
            Event::End { name: "formula1" } => in_formula = false,
            Event::End {
                name: "dataValidation",
            } => {
                if let Some((range, formula)) = validation.take() {
                    sheet.lists.extend(list_rules(&range, &formula));
                }
            }
            _ => {}
        }
    }
    Ok(sheet)
}

fn cell_text(cell: &CellBuilder, shared: &[String], part: &str) -> Result<String, FormatError> {
    Ok(match cell.kind.as_str() {
        "s" => {
            let index: usize = cell
                .value
                .trim()
                .parse()
                .map_err(|_| damaged(part, "a shared string index that is not a number"))?;
            shared
                .get(index)
                .cloned()
                .ok_or_else(|| damaged(part, "a shared string index out of range"))?
        }
        "inlineStr" => excel_unescape(&cell.inline).into_owned(),
        "str" | "e" | "d" => excel_unescape(&cell.value).into_owned(),
        "b" => match cell.value.trim() {
            "1" => "TRUE".to_owned(),
            _ => "FALSE".to_owned(),
        },
        _ => number_text(&cell.value),
    })
}

fn place(
    sheet: &mut Sheet,
    row: usize,
    column: usize,
    text: String,
    size: usize,
) -> Result<(), FormatError> {
    if row >= MAX_ROWS || column >= MAX_COLUMNS {
        return Err(FormatError::TooLarge {
            bytes: size,
            limit: MAX_ROWS,
        });
    }
    if text.is_empty() {
        return Ok(());
    }
    while sheet.rows.len() <= row {
        sheet.rows.push(Row::plain(Vec::new()));
    }
    let cells = &mut sheet.rows[row].cells;
    if cells.len() <= column {
        cells.resize(column + 1, String::new());
    }
    cells[column] = text;
    Ok(())
}

/// The list rules of one validation: each range of `sqref` with the quoted list's values.
fn list_rules(ranges: &str, formula: &str) -> Vec<ListRule> {
    let Some(list) = formula
        .trim()
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
    else {
        return Vec::new(); // a list drawn from cells, not written out
    };
    let values: Vec<String> = list
        .split(',')
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
        .collect();
    ranges
        .split_whitespace()
        .filter_map(|range| {
            let (first, last) = range.split_once(':').unwrap_or((range, range));
            let (column, first_row) = cell_position(first)?;
            let (_, last_row) = cell_position(last)?;
            Some(ListRule {
                column,
                first_row,
                last_row,
                values: values.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_give_column_and_row() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("b3"), Some((1, 2)));
        assert_eq!(cell_position("AA10"), Some((26, 9)));
        assert_eq!(cell_position("A0"), None);
        assert_eq!(cell_position("1A"), None);
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text("12"), "12");
        assert_eq!(number_text("12.0"), "12");
        assert_eq!(number_text("0.1"), "0.1");
        assert_eq!(number_text("46113"), "46113");
    }

    #[test]
    fn phonetic_runs_are_left_out_of_shared_strings() {
        let xml = "<sst><si><t>医療</t><rPh sb=\"0\" eb=\"2\"><t>イリョウ</t></rPh></si><si><r><t>a</t></r><r><t xml:space=\"preserve\"> b_x000D_</t></r></si></sst>";
        assert_eq!(shared_strings(xml, "s").unwrap(), ["医療", "a b\r"]);
    }

    #[test]
    fn cells_merged_down_a_column_are_kept_and_merges_across_are_not() {
        let xml = r#"<worksheet><sheetData><row r="3"><c r="C3" t="inlineStr"><is><t>はい</t></is></c></row></sheetData>
            <mergeCells count="3"><mergeCell ref="C3:C5"/><mergeCell ref="A1:D1"/><mergeCell ref="E3:F4"/></mergeCells></worksheet>"#;
        let sheet = worksheet(xml, &[], "s").unwrap();
        let spans: Vec<_> = sheet
            .merged_down
            .iter()
            .map(|m| (m.column, m.first_row, m.last_row))
            .collect();
        assert_eq!(spans, [(2, 2, 4), (4, 2, 3)]);
    }

    #[test]
    fn a_worksheet_keeps_row_numbers_and_reads_every_cell_kind() {
        let xml = r#"<worksheet><sheetData>
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>3.0</v></c></row>
            <row r="4"><c t="inlineStr"><is><t>x</t></is></c><c t="b"><v>1</v></c><c t="str"><f>A1</f><v>y</v></c></row>
            </sheetData><dataValidations count="1"><dataValidation type="list" sqref="B5:B9 D5"><formula1>"はい,いいえ"</formula1></dataValidation></dataValidations></worksheet>"#;
        let sheet = worksheet(xml, &["共有".to_owned()], "s").unwrap();
        assert_eq!(sheet.rows.len(), 4);
        assert!(sheet.rows[0].cells.is_empty());
        assert_eq!(sheet.rows[1].cells, ["共有", "", "3"]);
        assert_eq!(sheet.rows[3].cells, ["x", "TRUE", "y"]);
        assert_eq!(sheet.lists.len(), 2);
        assert_eq!(sheet.lists[0].values, ["はい", "いいえ"]);
        assert_eq!((sheet.lists[1].column, sheet.lists[1].first_row), (3, 4));
    }

    #[test]
    fn relationship_targets_resolve_against_their_folder() {
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(
            resolve("xl/worksheets/", "../media/a.png"),
            "xl/media/a.png"
        );
    }
}
