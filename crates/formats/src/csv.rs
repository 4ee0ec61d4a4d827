//! CSV as Japanese Excel opens it with a double-click: UTF-8 with a byte-order mark, or
//! Shift_JIS (CP932), CR LF line ends. A workbook's sheets follow one another, each after a
//! line `[sheet name]` (the first, the answers, needs none).
//!
//! Reading takes what Excel saves — "CSV UTF-8" (BOM), "CSV" (CP932) and "Unicode text"
//! (UTF-16 with tabs) — telling the encoding from the bytes and the delimiter from the first
//! lines. Bytes that are none of these are an error naming the line, never mojibake.
//!
//! Excel turns some texts into numbers, dates or formulas when it opens a CSV (`1-1` becomes
//! a date, `2.10` the number 2.1, `-` starts a formula). Such a field is written as the
//! formula `="…"`, which Excel shows as the text itself and saves back as that text; the
//! reader takes `="…"` as the text inside.

use crate::cp932;
use crate::error::{FormatError, Place};
use crate::grid::{Row, Sheet, Workbook};

/// The bytes a CSV is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark, which Excel needs to see UTF-8.
    Utf8,
    /// Shift_JIS as Windows writes it (CP932), what Excel writes as plain "CSV".
    Cp932,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text"); read only.
    Utf16,
}

impl Encoding {
    /// The name `--encoding` takes and a report shows.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Cp932 => "cp932",
            Encoding::Utf16 => "utf-16",
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How many non-ASCII characters of valid UTF-8 before a bad byte make a file damaged UTF-8
/// rather than Shift_JIS.
const DAMAGED_UTF8_CHARACTERS: usize = 3;
/// The longest text Excel accepts inside a formula's quotes.
const FORMULA_TEXT_LIMIT: usize = 255;

/// The workbook as CSV in `encoding` (UTF-8 or CP932).
pub fn write(workbook: &Workbook, encoding: Encoding) -> Result<Vec<u8>, FormatError> {
    // Each line, with the sheet and row it holds (none for a section's own lines).
    let mut lines: Vec<(String, Option<(usize, usize)>)> = Vec::new();
    for (sheet_index, sheet) in workbook.sheets.iter().enumerate() {
        if sheet_index > 0 {
            lines.push((String::new(), None));
            lines.push((field(&format!("[{}]", sheet.name)), None));
        }
        for (row_index, row) in sheet.rows.iter().enumerate() {
            let mut text: Vec<String> = row.cells.iter().map(|cell| field(cell)).collect();
            // A row that would read as a section line is written with its cell guarded.
            if section_name(&row.cells).is_some() {
                text[0] = format!("\"=\"\"{}\"\"\"", row.cells[0].replace('"', "\"\"\"\""));
            }
            lines.push((text.join(","), Some((sheet_index, row_index))));
        }
    }
    let table = match encoding {
        Encoding::Utf8 | Encoding::Utf16 => None,
        Encoding::Cp932 => Some(cp932::table().ok_or(FormatError::Cp932Unavailable)?),
    };
    let mut out = if table.is_some() {
        Vec::new()
    } else {
        BOM.to_vec()
    };
    for (number, (line, origin)) in lines.iter().enumerate() {
        match table.map(|table| table.encode(line)) {
            None => out.extend_from_slice(line.as_bytes()),
            Some(Ok(bytes)) => out.extend_from_slice(&bytes),
            Some(Err(cp932::Cp932Error::Unmappable { character, index })) => {
                let place = match origin {
                    Some((sheet_index, row_index)) => {
                        let sheet = &workbook.sheets[*sheet_index];
                        let row = &sheet.rows[*row_index];
                        let column = cell_of(row, index);
                        Place {
                            column: Some(column),
                            heading: heading_of(sheet, column),
                            item: row.item.clone(),
                            ..Place::row(&sheet.name, number + 1)
                        }
                    }
                    None => Place::row("", number + 1),
                };
                return Err(FormatError::Unencodable {
                    place: Box::new(place),
                    character,
                });
            }
            Some(Err(cp932::Cp932Error::Malformed { .. })) => {
                unreachable!("encoding never meets malformed bytes")
            }
        }
        out.extend_from_slice(b"\r\n");
    }
    Ok(out)
}

/// The cell of `row` whose written field holds the character at `index` of the line.
fn cell_of(row: &Row, index: usize) -> usize {
    let mut seen = 0;
    for (column, cell) in row.cells.iter().enumerate() {
        seen += field(cell).chars().count() + 1;
        if index < seen {
            return column;
        }
    }
    row.cells.len().saturating_sub(1)
}

fn heading_of(sheet: &Sheet, column: usize) -> Option<String> {
    sheet
        .heading_row
        .and_then(|row| sheet.rows.get(row))
        .and_then(|row| row.cells.get(column))
        .filter(|heading| !heading.is_empty())
        .cloned()
}

/// One field: quoted when it holds a delimiter, a quote or a line end; as a formula when
/// Excel would read it as something else than the text.
fn field(text: &str) -> String {
    // Text that reads as the guard itself is always guarded, however long, so it reads back.
    let looks_guarded = text.starts_with("=\"") && text.ends_with('"') && text.len() > 2;
    let text = if looks_guarded
        || (excel_would_convert(text) && text.chars().count() <= FORMULA_TEXT_LIMIT)
    {
        format!("=\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r', '\t']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Whether Excel, opening a CSV, would take `text` as a formula, a number or a date.
fn excel_would_convert(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if matches!(first, '=' | '+' | '-' | '@') && text.chars().count() > 1 {
        return true;
    }
    let numberish = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ':' | ' ' | ','));
    let plain_integer = text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
        && text.len() < 12;
    numberish && text.bytes().any(|b| b.is_ascii_digit()) && !plain_integer
}

/// Decodes a CSV file: its encoding, and its text.
pub fn decode(bytes: &[u8]) -> Result<(Encoding, String), FormatError> {
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return utf8(rest, BOM.len()).map(|text| (Encoding::Utf8, text));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        if rest.len() % 2 != 0 {
            return Err(encoding_error(bytes, bytes.len() - 1));
        }
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16(&units)
            .map(|text| (Encoding::Utf16, text))
            .map_err(|_| encoding_error(bytes, 2));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((Encoding::Utf8, text.to_owned())),
        Err(error) => error.valid_up_to(),
    };
    // Text that was UTF-8, Japanese and all, up to a damaged byte is damaged UTF-8: Shift_JIS
    // seldom makes even one valid multi-byte UTF-8 sequence, never three.
    let utf8_characters = std::str::from_utf8(&bytes[..utf8_error])
        .map_or(0, |prefix| prefix.chars().filter(|c| !c.is_ascii()).count());
    let table = cp932::table()
        .filter(|_| utf8_characters < DAMAGED_UTF8_CHARACTERS)
        .ok_or_else(|| encoding_error(bytes, utf8_error))?;
    table
        .decode(bytes)
        .map(|text| (Encoding::Cp932, text))
        .map_err(|error| match error {
            cp932::Cp932Error::Malformed { offset } => encoding_error(bytes, offset),
            cp932::Cp932Error::Unmappable { .. } => encoding_error(bytes, 0),
        })
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, FormatError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|error| encoding_error(bytes, error.valid_up_to() + skipped))
}

fn encoding_error(bytes: &[u8], offset: usize) -> FormatError {
    let line = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    FormatError::Encoding { line, offset }
}

/// Reads CSV bytes into a workbook: the answers first, then each `[name]` section.
pub fn read(bytes: &[u8], first_sheet: &str) -> Result<(Encoding, Workbook), FormatError> {
    let (encoding, text) = decode(bytes)?;
    let delimiter = delimiter(&text);
    let records = records(&text, delimiter)?;
    let mut workbook = Workbook::default();
    let mut sheet = Sheet::named(first_sheet);
    sheet.first_row = 1;
    sheet.complete_rows = true;
    for (line, fields) in records {
        let guarded = fields.first().is_some_and(|(_, guarded)| *guarded);
        let cells: Vec<String> = fields.into_iter().map(|(cell, _)| cell).collect();
        if let Some(name) = section_name(&cells).filter(|_| !guarded) {
            trim_blank_rows(&mut sheet);
            workbook.sheets.push(sheet);
            sheet = Sheet::named(name);
            sheet.first_row = line + 1;
            sheet.complete_rows = true;
            continue;
        }
        sheet.rows.push(Row::plain(cells));
    }
    trim_blank_rows(&mut sheet);
    workbook.sheets.push(sheet);
    Ok((encoding, workbook))
}

fn trim_blank_rows(sheet: &mut Sheet) {
    while sheet
        .rows
        .last()
        .is_some_and(|row| row.cells.iter().all(|cell| cell.trim().is_empty()))
    {
        sheet.rows.pop();
    }
}

fn section_name(cells: &[String]) -> Option<&str> {
    let (first, rest) = cells.split_first()?;
    if !rest.iter().all(String::is_empty) {
        return None;
    }
    first
        .strip_prefix('[')
        .and_then(|name| name.strip_suffix(']'))
        .filter(|name| !name.is_empty())
}

/// Tab when the first lines have more tabs than commas outside quotes, else comma.
fn delimiter(text: &str) -> char {
    let mut tabs = 0;
    let mut commas = 0;
    let mut quoted = false;
    for c in text.chars().take(4096) {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > commas {
        '\t'
    } else {
        ','
    }
}

/// A record's fields, each with whether it was written as `="…"`.
type Record = Vec<(String, bool)>;

/// The records of `text` with the line each starts on.
fn records(text: &str, delimiter: char) -> Result<Vec<(usize, Record)>, FormatError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if at_field_start && c == '"' {
            at_field_start = false;
            let opened = line;
            loop {
                match chars.next() {
                    None => return Err(FormatError::UnclosedQuote { line: opened }),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        current.push('"');
                    }
                    Some('"') => break,
                    Some(inner) => {
                        if inner == '\n' {
                            line += 1;
                        }
                        current.push(inner);
                    }
                }
            }
            continue;
        }
        at_field_start = false;
        match c {
            _ if c == delimiter => {
                fields.push(finish(std::mem::take(&mut current)));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(finish(std::mem::take(&mut current)));
                records.push((record_line, std::mem::take(&mut fields)));
                at_field_start = true;
                line += 1;
                record_line = line;
            }
            other => current.push(other),
        }
    }
    if !at_field_start || !fields.is_empty() || !current.is_empty() {
        fields.push(finish(current));
        records.push((record_line, fields));
    }
    Ok(records)
}

/// A field as read: `="…"` (the guard [`field`] writes) is the text inside.
fn finish(text: String) -> (String, bool) {
    match text
        .strip_prefix("=\"")
        .and_then(|inner| inner.strip_suffix('"'))
    {
        Some(inner) if !inner.replace("\"\"", "").contains('"') => {
            (inner.replace("\"\"", "\""), true)
        }
        _ => (text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekigo_core::i18n::Lang;

    fn book(rows: &[&[&str]]) -> Workbook {
        Workbook::one_sheet("回答", rows)
    }

    #[test]
    fn awkward_fields_survive_a_round_trip() {
        let cells: &[&str] = &[
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\r\nlf",
            " padded ",
            "1-1",
            "2.10",
            "007",
            "12",
            "-",
            "- 箇条",
            "=SUM(A1)",
            "=\"x\"",
            "@home",
            "",
            "日本語",
        ];
        let written = write(&book(&[cells, &["x"]]), Encoding::Utf8).unwrap();
        assert!(written.starts_with(BOM));
        let (encoding, read_back) = read(&written, "回答").unwrap();
        assert_eq!(encoding, Encoding::Utf8);
        assert_eq!(read_back.sheets[0].rows[0].cells, cells);
        assert_eq!(read_back.sheets[0].rows[1].cells, ["x"]);
    }

    #[test]
    fn a_cell_that_looks_like_a_section_line_stays_a_cell() {
        let workbook = book(&[&["No."], &["[関係者]"], &["[x]", "y"]]);
        let written = write(&workbook, Encoding::Utf8).unwrap();
        let (_, read_back) = read(&written, "回答").unwrap();
        assert_eq!(read_back.sheets.len(), 1);
        assert_eq!(read_back.sheets[0].rows, workbook.sheets[0].rows);
    }

    #[test]
    fn fields_excel_would_convert_are_guarded() {
        assert_eq!(field("1-1"), "\"=\"\"1-1\"\"\"");
        assert_eq!(field("12"), "12");
        assert_eq!(field("-"), "-");
        assert_eq!(field("適合"), "適合");
    }

    #[test]
    fn sections_become_sheets_with_their_line_numbers() {
        let text = "a,b\r\n1,2\r\n\r\n[関係者]\r\nID,役割\r\nvendor,事業者\r\n";
        let (_, workbook) = read(text.as_bytes(), "回答").unwrap();
        let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["回答", "関係者"]);
        assert_eq!(workbook.sheets[1].first_row, 5);
        assert_eq!(workbook.sheets[1].rows[1].cells, ["vendor", "事業者"]);
    }

    #[test]
    fn utf16_tab_separated_text_is_read() {
        let text = "No\t状態\r\n1\tはい\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (encoding, workbook) = read(&bytes, "回答").unwrap();
        assert_eq!(encoding, Encoding::Utf16);
        assert_eq!(workbook.sheets[0].rows[1].cells, ["1", "はい"]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(
            read(b"a,b\n\"open,x\ny\n", "s").unwrap_err(),
            FormatError::UnclosedQuote { line: 2 }
        );
    }

    #[test]
    fn shift_jis_is_written_and_detected() {
        cp932::install_for_tests();
        let workbook = book(&[&["No.", "対策項目"], &["1", "ｱｸｾｽ管理①"]]);
        let written = write(&workbook, Encoding::Cp932).unwrap();
        assert!(std::str::from_utf8(&written).is_err());
        let (encoding, read_back) = read(&written, "回答").unwrap();
        assert_eq!(encoding, Encoding::Cp932);
        assert_eq!(read_back.sheets[0].rows, workbook.sheets[0].rows);
    }

    #[test]
    fn a_character_shift_jis_lacks_is_placed_by_row_and_column() {
        cp932::install_for_tests();
        let mut workbook = book(&[&["No.", "対策項目"], &["1", "ok"], &["2", "絵文字😀"]]);
        workbook.sheets[0].heading_row = Some(0);
        workbook.sheets[0].rows[2].item = Some("2".into());
        let error = write(&workbook, Encoding::Cp932).unwrap_err();
        assert_eq!(
            error,
            FormatError::Unencodable {
                place: Box::new(Place {
                    item: Some("2".into()),
                    ..Place::cell("回答", 3, 1, "対策項目")
                }),
                character: '😀'
            }
        );
        // The row of the file, its column and the item it holds: what a person looks for.
        assert!(error
            .message(Lang::Ja)
            .starts_with("シート「回答」の 3 行目 B 列 (対策項目、項目 2): 「😀」"));
    }

    #[test]
    fn bytes_of_no_known_encoding_are_refused_with_their_line() {
        cp932::install_for_tests();
        let error = read(b"a,b\r\n\x82\xA0,\xFF\xFF\r\n", "s").unwrap_err();
        assert_eq!(error, FormatError::Encoding { line: 2, offset: 8 });
    }
}
