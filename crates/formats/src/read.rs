//! Reading a spreadsheet file, whatever it is: an XLSX workbook or a CSV (in UTF-8, Shift_JIS
//! or UTF-16), told apart by its bytes, then read into an assessment by [`crate::table`].

use tekigo_core::{Assessment, Catalog, MAX_FILE_BYTES};

use crate::csv::{self, Encoding};
use crate::error::FormatError;
use crate::grid::Workbook;
use crate::table::{self, Fresh, Layout};
use crate::xlsx;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An XLSX workbook.
    Xlsx,
    /// A CSV in this encoding.
    Csv(Encoding),
}

/// An assessment read from a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The assessment, checked by the engine.
    pub assessment: Assessment,
    /// The layout its sheet was in; None for a filled copy of a catalog's own sheet.
    pub layout: Option<Layout>,
    /// What the file was.
    pub source: SourceKind,
}

/// What Excel names the one sheet of a CSV it opens: the file's name without its extension.
pub fn sheet_name_of(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_owned()
}

/// The sheets of an XLSX or CSV file. The first sheet of a CSV is named `first_sheet`.
pub fn read_workbook(
    bytes: &[u8],
    first_sheet: &str,
) -> Result<(SourceKind, Workbook), FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return xlsx::read(bytes).map(|workbook| (SourceKind::Xlsx, workbook));
    }
    if let Some(kind) = other_kind(bytes) {
        return Err(FormatError::NotASheet { kind });
    }
    csv::read(bytes, first_sheet).map(|(encoding, workbook)| (SourceKind::Csv(encoding), workbook))
}

fn other_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("Excel 97-2003 (.xls)")
    } else if bytes.starts_with(b"%PDF") {
        Some("PDF")
    } else if bytes.contains(&0) && !bytes.starts_with(b"\xFF\xFE") {
        Some("binary")
    } else {
        None
    }
}

/// The assessment in a spreadsheet file called `file_name`, against one of `catalogs`; a
/// sheet without tekigo's data gets `fresh`'s id and time.
pub fn read_assessment(
    bytes: &[u8],
    file_name: &str,
    catalogs: &[&Catalog],
    fresh: Fresh,
) -> Result<Imported, FormatError> {
    let (source, workbook) = read_workbook(bytes, &sheet_name_of(file_name))?;
    let (assessment, _, layout) = table::from_workbook(&workbook, catalogs, fresh)?;
    Ok(Imported {
        assessment,
        layout,
        source,
    })
}
