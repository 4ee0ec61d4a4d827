//! Writes a [`Workbook`] as an XLSX file: shared strings, one worksheet per sheet with its
//! column widths, frozen heading rows, merged headings, drop-down lists, an auto-filter on
//! the headings, and an A4 landscape print set-up fitted to the page width with the headings
//! repeated on every page. The same workbook and properties always give the same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::styles::{format_of, STYLES};
use super::{excel_escape, MAX_CELL_CHARS};
use crate::error::{column_letters, FormatError, Place};
use crate::grid::{RowKind, Sheet, Workbook};
use crate::xml::{escape_attribute, escape_text};
use crate::zip;

/// The document properties Excel shows under File → Info.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Properties {
    /// The title, e.g. the product and the catalog.
    pub title: String,
    /// When it was written (RFC 3339).
    pub written_at: String,
}

/// Strings shared by every sheet, each stored once.
#[derive(Default)]
struct SharedStrings {
    index: HashMap<String, usize>,
    list: Vec<String>,
}

impl SharedStrings {
    fn add(&mut self, text: &str) -> usize {
        if let Some(&index) = self.index.get(text) {
            return index;
        }
        self.list.push(text.to_owned());
        self.index.insert(text.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }

    fn xml(&self, count: usize) -> String {
        let mut out = format!(
            "{HEADER}<sst xmlns=\"{MAIN}\" count=\"{count}\" uniqueCount=\"{}\">",
            self.list.len()
        );
        for text in &self.list {
            let _ = write!(
                out,
                "<si><t xml:space=\"preserve\">{}</t></si>",
                escape_text(&excel_escape(text))
            );
        }
        out.push_str("</sst>");
        out
    }
}

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The workbook as XLSX bytes; a cell longer than Excel holds is an error naming it.
pub fn write(workbook: &Workbook, properties: &Properties) -> Result<Vec<u8>, FormatError> {
    let mut strings = SharedStrings::default();
    let mut cell_count = 0;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, sheet) in workbook.sheets.iter().enumerate() {
        let xml = worksheet(sheet, index == 0, &mut strings, &mut cell_count)?;
        parts.push((
            format!("xl/worksheets/sheet{}.xml", index + 1),
            xml.into_bytes(),
        ));
    }
    let mut entries = vec![
        (
            "[Content_Types].xml".to_owned(),
            content_types(workbook.sheets.len()).into_bytes(),
        ),
        (
            "_rels/.rels".to_owned(),
            ROOT_RELATIONSHIPS.as_bytes().to_vec(),
        ),
        (
            "docProps/core.xml".to_owned(),
            core_properties(properties).into_bytes(),
        ),
        (
            "docProps/app.xml".to_owned(),
            APP_PROPERTIES.as_bytes().to_vec(),
        ),
        (
            "xl/workbook.xml".to_owned(),
            workbook_xml(workbook).into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_owned(),
            workbook_relationships(workbook.sheets.len()).into_bytes(),
        ),
        ("xl/styles.xml".to_owned(), STYLES.as_bytes().to_vec()),
        (
            "xl/sharedStrings.xml".to_owned(),
            strings.xml(cell_count).into_bytes(),
        ),
    ];
    entries.extend(parts);
    Ok(zip::write(&entries))
}

fn cell_name(row: usize, column: usize) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

fn worksheet(
    sheet: &Sheet,
    selected: bool,
    strings: &mut SharedStrings,
    cell_count: &mut usize,
) -> Result<String, FormatError> {
    let width = sheet
        .rows
        .iter()
        .map(|row| row.cells.len())
        .max()
        .unwrap_or(0)
        .max(sheet.columns.len())
        .max(1);
    let height = sheet.rows.len().max(1);
    let mut out = format!(
        "{HEADER}<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{RELATIONSHIPS}\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:{}\"/>",
        cell_name(height - 1, width - 1)
    );
    out.push_str("<sheetViews><sheetView workbookViewId=\"0\"");
    if selected {
        out.push_str(" tabSelected=\"1\"");
    }
    out.push('>');
    let frozen_rows = sheet.heading_row.map_or(0, |row| row + 1);
    let frozen_columns = sheet.frozen_columns;
    if frozen_rows > 0 || frozen_columns > 0 {
        let pane = match (frozen_rows > 0, frozen_columns > 0) {
            (true, true) => "bottomRight",
            (true, false) => "bottomLeft",
            _ => "topRight",
        };
        out.push_str("<pane");
        if frozen_columns > 0 {
            let _ = write!(out, " xSplit=\"{frozen_columns}\"");
        }
        if frozen_rows > 0 {
            let _ = write!(out, " ySplit=\"{frozen_rows}\"");
        }
        let top_left = cell_name(frozen_rows, frozen_columns);
        let _ = write!(
            out,
            " topLeftCell=\"{top_left}\" activePane=\"{pane}\" state=\"frozen\"/><selection pane=\"{pane}\" activeCell=\"{top_left}\" sqref=\"{top_left}\"/>"
        );
    }
    out.push_str("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
    if !sheet.columns.is_empty() {
        out.push_str("<cols>");
        for (index, look) in sheet.columns.iter().enumerate() {
            let _ = write!(
                out,
                "<col min=\"{n}\" max=\"{n}\" width=\"{:.1}\" customWidth=\"1\"{}/>",
                look.width,
                if look.hidden { " hidden=\"1\"" } else { "" },
                n = index + 1
            );
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    for (row_index, row) in sheet.rows.iter().enumerate() {
        let _ = write!(out, "<row r=\"{}\"", row_index + 1);
        if row.kind != RowKind::Plain {
            // Neither Excel nor LibreOffice sizes a row to its wrapped text on opening a file;
            // the height is estimated here from the text and the column widths.
            let _ = write!(
                out,
                " ht=\"{:.1}\" customHeight=\"1\"",
                row_height(sheet, row_index)
            );
        }
        out.push('>');
        let styled_width = match row.kind {
            RowKind::Plain | RowKind::Block => row.cells.len(),
            _ => width,
        };
        for column in 0..styled_width {
            let text = row.cells.get(column).map_or("", String::as_str);
            let label = row.labels.contains(&column);
            let style = format_of(row.kind, label);
            if text.chars().count() > MAX_CELL_CHARS {
                return Err(FormatError::BadValue {
                    place: Box::new(Place::cell(&sheet.name, row_index + 1, column, "")),
                    value: text.chars().take(20).collect::<String>() + "…",
                    expected: tekigo_core::Bilingual::new(
                        format!("Excel の一つのセルには {MAX_CELL_CHARS} 文字までしか入りません。"),
                        format!("An Excel cell holds at most {MAX_CELL_CHARS} characters."),
                    ),
                });
            }
            let name = cell_name(row_index, column);
            if text.is_empty() {
                if style != 0 {
                    let _ = write!(out, "<c r=\"{name}\" s=\"{style}\"/>");
                }
                continue;
            }
            *cell_count += 1;
            let _ = write!(
                out,
                "<c r=\"{name}\" s=\"{style}\" t=\"s\"><v>{}</v></c>",
                strings.add(text)
            );
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData>");
    if let Some(heading) = sheet.heading_row {
        let _ = write!(
            out,
            "<autoFilter ref=\"{}:{}\"/>",
            cell_name(heading, 0),
            cell_name(height - 1, width - 1)
        );
    }
    if !sheet.merges.is_empty() {
        let _ = write!(out, "<mergeCells count=\"{}\">", sheet.merges.len());
        for merge in &sheet.merges {
            let _ = write!(
                out,
                "<mergeCell ref=\"{}:{}\"/>",
                cell_name(merge.row, merge.first),
                cell_name(merge.row, merge.last)
            );
        }
        out.push_str("</mergeCells>");
    }
    let lists: Vec<String> = sheet
        .lists
        .iter()
        .filter_map(|rule| {
            // Excel takes a list of at most 255 characters, and a comma always separates.
            let values = rule.values.join(",");
            let usable = !rule.values.iter().any(|v| v.contains([',', '"']))
                && values.chars().count() <= 255
                && rule.last_row >= rule.first_row;
            usable.then(|| {
                format!(
                    "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"{}:{}\"><formula1>\"{}\"</formula1></dataValidation>",
                    cell_name(rule.first_row, rule.column),
                    cell_name(rule.last_row, rule.column),
                    escape_text(&values)
                )
            })
        })
        .collect();
    if !lists.is_empty() {
        let _ = write!(
            out,
            "<dataValidations count=\"{}\">{}</dataValidations>",
            lists.len(),
            lists.concat()
        );
    }
    out.push_str(
        "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>\
         <pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>\
         <headerFooter><oddHeader>&amp;L&amp;A</oddHeader><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>\
         </worksheet>",
    );
    Ok(out)
}

/// Points per line of the 10-point font, and the most a row may be.
const LINE_POINTS: f64 = 14.0;
const MAX_ROW_POINTS: f64 = 409.0;

/// The height a row needs for its longest wrapped cell: lines of its text at the width of
/// its column (or of the columns it is merged across), a full-width character taking two of
/// the width's units.
fn row_height(sheet: &Sheet, row_index: usize) -> f64 {
    let columns = &sheet.columns;
    let width_of = |column: usize| columns.get(column).map_or(8.43, |look| look.width);
    let lines = sheet.rows[row_index]
        .cells
        .iter()
        .enumerate()
        .filter(|(column, _)| !columns.get(*column).is_some_and(|look| look.hidden))
        .map(|(column, text)| {
            let merged = sheet
                .merges
                .iter()
                .find(|merge| merge.row == row_index && merge.first == column)
                .map_or(column, |merge| merge.last);
            let width = (column..=merged).map(width_of).sum::<f64>().max(2.0);
            text.split('\n')
                .map(|line| {
                    let units: f64 = line
                        .chars()
                        .map(|c| {
                            if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
                                1.0
                            } else {
                                2.0
                            }
                        })
                        .sum();
                    (units / (width - 1.0)).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * LINE_POINTS + 4.0).min(MAX_ROW_POINTS)
}

/// A sheet name as a formula names it: quoted, with its quotes doubled.
fn quoted_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

fn workbook_xml(workbook: &Workbook) -> String {
    let mut out = format!(
        "{HEADER}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{RELATIONSHIPS}\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    );
    for (index, sheet) in workbook.sheets.iter().enumerate() {
        let _ = write!(
            out,
            "<sheet name=\"{}\" sheetId=\"{n}\"{} r:id=\"rId{n}\"/>",
            escape_attribute(&sheet.name),
            if sheet.hidden {
                " state=\"hidden\""
            } else {
                ""
            },
            n = index + 1
        );
    }
    out.push_str("</sheets>");
    let mut names = String::new();
    for (index, sheet) in workbook.sheets.iter().enumerate() {
        let Some(heading) = sheet.heading_row else {
            continue;
        };
        let width = sheet
            .rows
            .iter()
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let quoted = quoted_sheet(&sheet.name);
        let first_title = sheet
            .rows
            .iter()
            .position(|row| row.kind == RowKind::GroupHeading)
            .filter(|row| *row < heading)
            .unwrap_or(heading);
        let _ = write!(
            names,
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{index}\" hidden=\"1\">{}</definedName>",
            escape_text(&format!(
                "{quoted}!$A${}:${}${}",
                heading + 1,
                column_letters(width - 1),
                sheet.rows.len().max(heading + 1)
            ))
        );
        if let Some(columns) = sheet.print_columns {
            let _ = write!(
                names,
                "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"{index}\">{}</definedName>",
                escape_text(&format!(
                    "{quoted}!$A$1:${}${}",
                    column_letters(columns.max(1) - 1),
                    sheet.rows.len().max(1)
                ))
            );
        }
        let _ = write!(
            names,
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{index}\">{}</definedName>",
            escape_text(&format!("{quoted}!${}:${}", first_title + 1, heading + 1))
        );
    }
    if !names.is_empty() {
        let _ = write!(out, "<definedNames>{names}</definedNames>");
    }
    out.push_str("</workbook>");
    out
}

fn workbook_relationships(sheets: usize) -> String {
    let mut out = format!(
        "{HEADER}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for index in 1..=sheets {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{index}\" Type=\"{RELATIONSHIPS}/worksheet\" Target=\"worksheets/sheet{index}.xml\"/>"
        );
    }
    let _ = write!(
        out,
        "<Relationship Id=\"rId{}\" Type=\"{RELATIONSHIPS}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId{}\" Type=\"{RELATIONSHIPS}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
        sheets + 1,
        sheets + 2
    );
    out
}

fn content_types(sheets: usize) -> String {
    let mut out = format!(
        "{HEADER}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    );
    for index in 1..=sheets {
        let _ = write!(
            out,
            "<Override PartName=\"/xl/worksheets/sheet{index}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    out.push_str(
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
    );
    out
}

const ROOT_RELATIONSHIPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

const APP_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>tekigo</Application></Properties>";

fn core_properties(properties: &Properties) -> String {
    // W3CDTF wants a UTC time; RFC 3339 with an offset is kept as given otherwise.
    let time = escape_text(&properties.written_at).into_owned();
    format!(
        "{HEADER}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>tekigo</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">{time}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{time}</dcterms:modified></cp:coreProperties>",
        escape_text(&properties.title)
    )
}
