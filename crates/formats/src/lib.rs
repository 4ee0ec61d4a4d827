//! tekigo's exchange formats, on the engine's open model: an assessment written as Excel
//! (XLSX) or CSV in the layout of the evaluation checklist (seed 003) or of a vendor's
//! reference (seeds 000/004), read back from either; OSCAL assessment results; signed files;
//! and catalogs read from a sheet whose columns a person maps.
//!
//! Every format enumerates the catalog's own answer fields (`tekigo_core::fields`) and scale:
//! nothing here names the six statuses. The spreadsheet formats share one neutral table
//! ([`grid`]) and one mapping between it and an assessment ([`table`]), so XLSX and CSV hold
//! the same cells and a file read back equals the file written.
//!
//! Architecture invariant: like the engine, this crate takes bytes and gives values; it knows
//! nothing of the browser or of files on disk. It is heavy (zip, deflate, signatures), so the
//! web app loads it only on demand, in a worker of its own.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod base64;
pub mod catalog_sheet;
pub mod cp932;
pub mod csv;
pub mod error;
pub mod exporters;
pub mod grid;
pub mod oscal;
pub mod read;
pub mod signature;
pub mod table;
pub mod uuid;
pub mod xlsx;
mod xml;
pub mod zip;

pub use error::{FormatError, Place};
pub use exporters::{all_exporters, SheetExporter};
pub use read::{read_assessment, read_workbook, Imported, SourceKind};
pub use table::Layout;
