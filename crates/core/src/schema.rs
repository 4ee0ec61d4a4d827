//! JSON Schemas of the two file formats, generated from the types so they cannot drift.

use serde_json::Value;

use crate::assessment::Assessment;
use crate::catalog::Catalog;

/// The JSON Schema of catalog files.
pub fn catalog_schema() -> Value {
    schemars::schema_for!(Catalog).to_value()
}

/// The JSON Schema of assessment files.
pub fn assessment_schema() -> Value {
    schemars::schema_for!(Assessment).to_value()
}
