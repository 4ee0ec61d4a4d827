//! tekigo's engine: catalogs of guideline requirements, assessments against them, scoring,
//! the crosswalk between guidelines, and the importers and file formats.
//!
//! Architecture invariant: this crate knows nothing about the browser, Yew or files on disk.
//! It takes bytes and strings and gives back values; callers do the I/O and supply the time.
//!
//! Where things go: a new catalog is data (a JSON file, or an importer in [`import`]); a new
//! standard answer field is one entry in [`fields`]; a catalog's own field is declared in the
//! catalog; a new export format is one [`export::Exporter`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod applicability;
pub mod assessment;
pub mod catalog;
pub mod coverage;
pub mod crosswalk;
pub mod dates;
pub mod diff;
pub mod edit;
#[cfg(feature = "shipped-data")]
pub mod embedded;
pub mod error;
pub mod export;
pub mod field_problem;
pub mod fields;
pub mod filter;
pub mod i18n;
pub mod import;
pub mod inheritance;
pub mod json;
pub mod known_guidelines;
pub mod open;
pub mod party;
pub mod publish;
pub mod report;
pub mod risk;
pub mod scale;
pub mod schema;
pub mod scoring;
pub mod search;
pub mod shipped;
mod strict_json;
pub mod table;
pub mod todo;
mod upgrade;
pub mod validate;

pub use assessment::{
    Answer, AnswerNote, Assessment, CatalogRef, DisclosureLevel, Document, EvaluatorFields,
    EvidenceRef, Subject,
};
pub use catalog::{
    Annotation, Catalog, FieldDef, FieldKind, FieldOption, Group, Guideline, Importance, Item,
    Reference,
};
pub use error::LoadError;
pub use i18n::Bilingual;
pub use json::{catalog_hash, load_assessment, load_catalog, load_file, to_json, TekigoFile};
pub use party::{Party, PartyRole, Provenance, ProvenanceKind, SourceRef};
pub use scale::{AnswerScale, Choice, Outcome};
pub use strict_json::MAX_FILE_BYTES;
