//! tekigo's engine: catalogs of guideline requirements, assessments against them, scoring,
//! the crosswalk between guidelines, and the importers and file formats.
//!
//! Architecture invariant: this crate knows nothing about the browser, Yew or files on disk.
//! It takes bytes and strings and gives back values; callers do the I/O and supply the time.

pub mod assessment;
pub mod catalog;
pub mod crosswalk;
pub mod embedded;
pub mod error;
pub mod filter;
pub mod i18n;
pub mod import;
pub mod json;
pub mod schema;
pub mod scoring;
pub mod search;
pub mod validate;

pub use assessment::{
    Answer, Assessment, CatalogRef, DisclosureLevel, Document, EvaluatorFields, EvidenceRef,
    Responsibility, Status, Subject,
};
pub use catalog::{Annotation, Catalog, Group, GuidelineId, Importance, Item, Reference};
pub use error::LoadError;
pub use json::{catalog_hash, load_assessment, load_catalog, load_file, to_json, TekigoFile};
