//! Importers for the seed documents: each turns one source file into catalogs (and, where
//! the source answers its requirements, a sample assessment). Their output is committed under
//! `crates/core/data/` and embedded in every build; see [`crate::embedded`].

mod checklist;
mod meti2012;
mod mhlw;
mod pdf_text;
pub use pdf_text::{clean_cell, CellCleaner};
mod references;
mod typos;
mod vendor_sample;
pub use vendor_sample::IAAS_PARTY;

use thiserror::Error;

use crate::assessment::Assessment;
use crate::catalog::Catalog;

pub use checklist::{import_checklist, CHECKLIST_CATALOG_ID};
pub use meti2012::{import_meti2012, METI2012_CATALOG_ID};
pub use mhlw::{import_mhlw, MHLW_CATALOG_ID};

/// Why a seed file could not be imported. Each variant says where.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The source is not UTF-8 text.
    #[error("the file is not UTF-8 text (first bad byte at offset {offset})")]
    Encoding {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The text is none of the source documents an importer knows.
    #[error("this is not a seed tekigo can import: {reason}")]
    UnknownSeed {
        /// What was looked for and not found.
        reason: String,
    },
    /// An item number occurs twice.
    #[error("line {line}: item {number} appears a second time")]
    Duplicate {
        /// 1-based line of the second occurrence.
        line: usize,
        /// The repeated item number.
        number: u32,
    },
    /// An item number of the expected sequence is absent.
    #[error("item {number} is missing")]
    Missing {
        /// The absent item number.
        number: u32,
    },
    /// A line that cannot be read as the document's table.
    #[error("line {line}: {detail}")]
    Malformed {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        detail: String,
    },
}

/// Everything one seed file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedImport {
    /// The catalogs the source defines.
    pub catalogs: Vec<Catalog>,
    /// The answers the source gives (a vendor's reference), as assessments.
    pub assessments: Vec<Assessment>,
}

/// Imports any seed tekigo knows, recognising it by content rather than by file name.
pub fn import_seed(bytes: &[u8]) -> Result<SeedImport, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::Encoding {
        offset: error.valid_up_to(),
    })?;
    if text.contains("評価員が記入する欄") && text.contains("経産省GLでの対応項目")
    {
        Ok(SeedImport {
            catalogs: vec![import_checklist(text)?],
            assessments: Vec::new(),
        })
    } else if text.contains("安全管理ガイドライン（平成24年10月）") && text.contains("項目番号\tNo")
    {
        let (catalog, assessment) = import_meti2012(text)?;
        Ok(SeedImport {
            catalogs: vec![catalog],
            assessments: vec![assessment],
        })
    } else if text.contains("MITSF") && text.contains("最低限のガイドライン") {
        Ok(SeedImport {
            catalogs: vec![import_mhlw(text)?],
            assessments: Vec::new(),
        })
    } else {
        Err(ImportError::UnknownSeed {
            reason: "neither the 253-item checklist, the METI 2012 reference nor the MHLW guideline overview".to_owned(),
        })
    }
}

/// The declarations of the guidelines a shipped catalog cites.
fn declared(ids: &[&str]) -> Vec<crate::catalog::Guideline> {
    ids.iter()
        .map(|id| crate::known_guidelines::known_guideline(id).expect("a known guideline"))
        .collect()
}

/// Lines with their 1-based numbers.
fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
}
