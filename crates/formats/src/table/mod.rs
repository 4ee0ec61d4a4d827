//! An assessment as a workbook, and back: the one mapping that XLSX and CSV share.
//!
//! The first sheet is the checklist in a layout people already exchange — the evaluation
//! checklist (seed 003) or a vendor's reference (seeds 000/004) — with the subject in a
//! header block above the headings and one row per item of the catalog. Then come the party
//! register (関係者), the document register (参照文書リスト) and tekigo's own data (a hidden
//! sheet `tekigo`, and a hidden last column): what no cell shows — ids, times, provenance —
//! so a file written and read back is the assessment written. A sheet a person filled in
//! without those reads as well: the headings find the columns, the item numbers the rows. So
//! does a filled copy of the sheet a catalog was made from, known by its rows.

mod cells;
pub mod columns;
mod own_sheet;
mod read;
mod write;

pub use read::{from_workbook, Fresh};
pub use write::to_workbook;

use tekigo_core::Bilingual;

/// The name of the party register's sheet.
pub const PARTIES_SHEET: &str = "関係者";
/// The name of the document register's sheet (as in seed 000).
pub const DOCUMENTS_SHEET: &str = "参照文書リスト";
/// The name of tekigo's own sheet.
pub const DATA_SHEET: &str = "tekigo";

/// The layouts an assessment can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// The evaluation checklist of seed 003: No., 大分類, 中分類, 対策項目, …, 備考.
    Checklist,
    /// A vendor's reference as in seeds 000 and 004: 項目番号, No, 要求事項, the status, who
    /// is responsible, the statement, the evidence, 利用者で必要な対応.
    VendorReference,
}

impl Layout {
    /// Both layouts.
    pub const ALL: [Layout; 2] = [Layout::Checklist, Layout::VendorReference];

    /// What `--layout` takes.
    pub fn id(self) -> &'static str {
        match self {
            Layout::Checklist => "checklist",
            Layout::VendorReference => "vendor-reference",
        }
    }

    /// The layout with this id.
    pub fn from_id(id: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|layout| layout.id() == id)
    }

    /// The layout as a menu names it.
    pub fn label(self) -> Bilingual {
        match self {
            Layout::Checklist => {
                Bilingual::new("評価チェックリストの形", "evaluation checklist layout")
            }
            Layout::VendorReference => {
                Bilingual::new("対応リファレンスの形", "vendor reference layout")
            }
        }
    }

    /// The name of the first sheet.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Layout::Checklist => "チェックリスト",
            Layout::VendorReference => "対応リファレンス",
        }
    }
}
