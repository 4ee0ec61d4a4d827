//! Reading and writing catalogs and assessments as versioned JSON.
//!
//! Loading checks the encoding, the syntax, the `format` field and the `schemaVersion`, and
//! upgrades an older assessment to the current shape before it is typed. Fields this build
//! does not know are kept in each struct's `extra` map and written back unchanged.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::assessment::{Assessment, ASSESSMENT_FORMAT, ASSESSMENT_SCHEMA_VERSION};
use crate::catalog::{Catalog, CATALOG_FORMAT, CATALOG_SCHEMA_VERSION};
use crate::error::LoadError;

/// A tekigo file of either kind.
#[derive(Debug, Clone, PartialEq)]
pub enum TekigoFile {
    Catalog(Catalog),
    Assessment(Assessment),
}

/// Reads a catalog file.
pub fn load_catalog(bytes: &[u8]) -> Result<Catalog, LoadError> {
    catalog_from(parse_object(bytes, "catalog", &[CATALOG_FORMAT])?)
}

/// Reads an assessment file, upgrading older schema versions.
pub fn load_assessment(bytes: &[u8]) -> Result<Assessment, LoadError> {
    assessment_from(parse_object(bytes, "assessment", &[ASSESSMENT_FORMAT])?)
}

/// Reads a file that may be either a catalog or an assessment, parsing it once.
pub fn load_file(bytes: &[u8]) -> Result<TekigoFile, LoadError> {
    let object = parse_object(
        bytes,
        "catalog or assessment",
        &[CATALOG_FORMAT, ASSESSMENT_FORMAT],
    )?;
    if object.get("format").and_then(Value::as_str) == Some(CATALOG_FORMAT) {
        catalog_from(object).map(TekigoFile::Catalog)
    } else {
        assessment_from(object).map(TekigoFile::Assessment)
    }
}

fn catalog_from(object: Map<String, Value>) -> Result<Catalog, LoadError> {
    check_version(&object, CATALOG_SCHEMA_VERSION)?;
    typed(object)
}

fn assessment_from(mut object: Map<String, Value>) -> Result<Assessment, LoadError> {
    let version = check_version(&object, ASSESSMENT_SCHEMA_VERSION)?;
    if version < 2 {
        upgrade_assessment_v1(&mut object);
    }
    let mut assessment: Assessment = typed(object)?;
    assessment.schema_version = ASSESSMENT_SCHEMA_VERSION;
    Ok(assessment)
}

/// Pretty JSON with a trailing newline, the form every file is written in.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("our types always serialize");
    text.push('\n');
    text
}

/// SHA-256 of a catalog's canonical JSON, hex: names the exact content an assessment used.
pub fn catalog_hash(catalog: &Catalog) -> String {
    let bytes = serde_json::to_vec(catalog).expect("our types always serialize");
    Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Checks encoding and syntax, then that the document is an object whose `format` is one of
/// `accepted`.
fn parse_object(
    bytes: &[u8],
    expected: &'static str,
    accepted: &[&str],
) -> Result<Map<String, Value>, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| LoadError::Encoding {
        offset: error.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|error| LoadError::Syntax {
        line: error.line(),
        column: error.column(),
        detail: error.to_string(),
    })?;
    let Value::Object(object) = value else {
        return Err(LoadError::WrongFormat {
            expected,
            found: "(not an object)".to_owned(),
        });
    };
    let format = object.get("format").and_then(Value::as_str);
    if format.is_some_and(|format| accepted.contains(&format)) {
        Ok(object)
    } else {
        Err(LoadError::WrongFormat {
            expected,
            found: describe(format),
        })
    }
}

fn describe(format: Option<&str>) -> String {
    format.map_or_else(|| "(missing)".to_owned(), |format| format!("\"{format}\""))
}

fn check_version(object: &Map<String, Value>, supported: u32) -> Result<u64, LoadError> {
    let version = object
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Shape {
            path: "schemaVersion".to_owned(),
            detail: "missing or not a positive whole number".to_owned(),
        })?;
    if version == 0 {
        return Err(LoadError::Shape {
            path: "schemaVersion".to_owned(),
            detail: "0 is not a schema version".to_owned(),
        });
    }
    if version > u64::from(supported) {
        return Err(LoadError::TooNew {
            found: version,
            supported,
        });
    }
    Ok(version)
}

/// Deserializes, naming the exact field path of the first problem.
fn typed<T: DeserializeOwned>(object: Map<String, Value>) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(Value::Object(object)).map_err(|error| LoadError::Shape {
        path: match error.path().to_string().as_str() {
            "." => "(top level)".to_owned(),
            path => path.to_owned(),
        },
        detail: error.into_inner().to_string(),
    })
}

/// Schema 1 kept the evidence of an answer as one free-text string, as the Excel sheet's
/// 確認したエビデンス column does; schema 2 has a list of register references. The text
/// becomes the location of one reference with no document id, so nothing is lost.
fn upgrade_assessment_v1(object: &mut Map<String, Value>) {
    if let Some(Value::Object(answers)) = object.get_mut("answers") {
        for answer in answers.values_mut() {
            let Some(answer) = answer.as_object_mut() else {
                continue;
            };
            if let Some(Value::String(text)) = answer.get("evidence") {
                let upgraded = if text.trim().is_empty() {
                    Value::Array(Vec::new())
                } else {
                    serde_json::json!([{ "document": "", "location": text }])
                };
                answer.insert("evidence".to_owned(), upgraded);
            }
        }
    }
    object.insert(
        "schemaVersion".to_owned(),
        Value::from(ASSESSMENT_SCHEMA_VERSION),
    );
}
