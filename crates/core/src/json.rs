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
use crate::field_problem::{self, Expected, FieldProblem, Place};
use crate::upgrade;

/// A tekigo file of either kind.
#[derive(Debug, Clone, PartialEq)]
pub enum TekigoFile {
    /// A file whose `format` is `tekigo-catalog`.
    Catalog(Catalog),
    /// A file whose `format` is `tekigo-assessment`, upgraded to the current schema.
    Assessment(Assessment),
}

/// Reads a catalog file.
pub fn load_catalog(bytes: &[u8]) -> Result<Catalog, LoadError> {
    let (text, object) = parse_object(bytes, "catalog", &[CATALOG_FORMAT])?;
    catalog_from(text, object)
}

/// Reads an assessment file, upgrading older schema versions.
pub fn load_assessment(bytes: &[u8]) -> Result<Assessment, LoadError> {
    let (text, object) = parse_object(bytes, "assessment", &[ASSESSMENT_FORMAT])?;
    assessment_from(text, object)
}

/// Reads a file that may be either a catalog or an assessment, parsing it once.
pub fn load_file(bytes: &[u8]) -> Result<TekigoFile, LoadError> {
    let (text, object) = parse_object(
        bytes,
        "catalog or assessment",
        &[CATALOG_FORMAT, ASSESSMENT_FORMAT],
    )?;
    if object.get("format").and_then(Value::as_str) == Some(CATALOG_FORMAT) {
        catalog_from(text, object).map(TekigoFile::Catalog)
    } else {
        assessment_from(text, object).map(TekigoFile::Assessment)
    }
}

fn catalog_from(text: &str, mut object: Map<String, Value>) -> Result<Catalog, LoadError> {
    let version = check_version(&object, CATALOG_SCHEMA_VERSION)?;
    let mut catalog: Catalog = if version < 2 {
        upgrade::catalog_v1(&mut object)?;
        typed(&to_json(&object))?
    } else {
        typed(text)?
    };
    catalog.schema_version = CATALOG_SCHEMA_VERSION;
    Ok(catalog)
}

fn assessment_from(text: &str, mut object: Map<String, Value>) -> Result<Assessment, LoadError> {
    let version = check_version(&object, ASSESSMENT_SCHEMA_VERSION)?;
    let mut assessment: Assessment = if version < 3 {
        if version < 2 {
            upgrade::assessment_v1(&mut object);
        }
        upgrade::assessment_v2(&mut object)?;
        typed(&to_json(&object))?
    } else {
        typed(text)?
    };
    assessment.schema_version = ASSESSMENT_SCHEMA_VERSION;
    Ok(assessment)
}

/// Reads a small tekigo data file of one format and schema version (a profile, say), with the
/// same checks as catalogs and assessments.
pub fn load_typed<T: DeserializeOwned>(
    bytes: &[u8],
    expected: &'static str,
    format: &str,
    supported: u32,
) -> Result<T, LoadError> {
    let (text, object) = parse_object(bytes, expected, &[format])?;
    check_version(&object, supported)?;
    typed(text)
}

/// Pretty JSON with a trailing newline, the form every file is written in.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("our types always serialize");
    text.push('\n');
    text
}

/// SHA-256 of a catalog's canonical JSON, hex: names the exact content an assessment used.
///
/// The canonical form sorts every object's keys and leaves out what is empty (null, `""`,
/// `[]`, `{}`, `false`), so the hash stays the same when a later version adds a field that a
/// catalog does not use, or writes its keys in another order.
pub fn catalog_hash(catalog: &Catalog) -> String {
    let value = serde_json::to_value(catalog).expect("our types always serialize");
    let mut canonical = Vec::new();
    write_canonical(&value, &mut canonical, |value| !is_empty_value(value));
    sha256_hex(&canonical)
}

/// `value` as canonical JSON: every object's keys sorted by code point, no whitespace, every
/// member kept (what a signature covers).
pub fn canonical_json(value: &Value) -> String {
    let mut canonical = Vec::new();
    write_canonical(value, &mut canonical, |_| true);
    String::from_utf8(canonical).expect("JSON is written in UTF-8")
}

/// What a signature covers: the assessment's JSON without its signature, canonical. The same
/// whichever file format carried the assessment.
pub fn signed_content(assessment: &crate::Assessment) -> String {
    let mut value = serde_json::to_value(assessment).expect("our types always serialize");
    if let Value::Object(object) = &mut value {
        object.remove(crate::assessment::SIGNATURE_KEY);
    }
    canonical_json(&value)
}

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|byte| [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]])
        .map(char::from)
        .collect()
}

fn is_empty_value(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(text) => text.is_empty(),
        Value::Array(values) => values.is_empty(),
        Value::Object(object) => object.is_empty(),
        _ => false,
    }
}

/// Writes `value` canonically, leaving out the object members whose value `keep` refuses.
/// Keys and scalars are written straight into `out`, as serde_json escapes them.
fn write_canonical(value: &Value, out: &mut Vec<u8>, keep: fn(&Value) -> bool) {
    match value {
        Value::Object(object) => {
            let mut members: Vec<(&String, &Value)> =
                object.iter().filter(|(_, value)| keep(value)).collect();
            members.sort_by_key(|(key, _)| *key);
            out.push(b'{');
            for (index, (key, value)) in members.into_iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_plain(out, key);
                out.push(b':');
                write_canonical(value, out, keep);
            }
            out.push(b'}');
        }
        Value::Array(values) => {
            out.push(b'[');
            for (index, value) in values.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_canonical(value, out, keep);
            }
            out.push(b']');
        }
        scalar => write_plain(out, scalar),
    }
}

/// Writes a key or a scalar as JSON, escaped as serde_json escapes it.
fn write_plain(out: &mut Vec<u8>, value: &impl Serialize) {
    serde_json::to_writer(out, value).expect("a string or a scalar always serializes");
}

/// Checks encoding and syntax, then that the document is an object whose `format` is one of
/// `accepted`.
fn parse_object<'a>(
    bytes: &'a [u8],
    expected: &'static str,
    accepted: &[&str],
) -> Result<(&'a str, Map<String, Value>), LoadError> {
    if let Some(kind) = other_kind(bytes) {
        return Err(LoadError::OtherKind { kind });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| LoadError::Encoding {
        offset: error.valid_up_to(),
    })?;
    let Value::Object(object) = crate::strict_json::parse(text)? else {
        return Err(LoadError::WrongFormat {
            expected,
            found: "(not an object)".to_owned(),
        });
    };
    let format = object.get("format").and_then(Value::as_str);
    if format.is_none() && is_oscal(&object) {
        return Err(LoadError::OtherKind { kind: "OSCAL" });
    }
    if format.is_some_and(|format| accepted.contains(&format)) {
        Ok((text, object))
    } else {
        Err(LoadError::WrongFormat {
            expected,
            found: describe(format),
        })
    }
}

/// The root keys of OSCAL's JSON models: tekigo writes assessment results for other tools,
/// and a person may pick such a file (its own export among them) to open.
const OSCAL_ROOTS: [&str; 7] = [
    "assessment-results",
    "assessment-plan",
    "catalog",
    "profile",
    "component-definition",
    "system-security-plan",
    "plan-of-action-and-milestones",
];

/// Whether `object` is an OSCAL document: its one key names a model, holding its metadata.
fn is_oscal(object: &Map<String, Value>) -> bool {
    let mut roots = object.iter();
    match (roots.next(), roots.next()) {
        (Some((root, model)), None) => {
            OSCAL_ROOTS.contains(&root.as_str()) && model.get("metadata").is_some()
        }
        _ => false,
    }
}

/// Recognises the files people most often pick by mistake, by their first bytes.
fn other_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("Excel (.xlsx) or other Office")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("Excel 97-2003 (.xls) or other Office")
    } else if bytes.starts_with(b"%PDF") {
        Some("PDF")
    } else {
        None
    }
}

fn describe(format: Option<&str>) -> String {
    format.map_or_else(|| "(missing)".to_owned(), |format| format!("\"{format}\""))
}

fn check_version(object: &Map<String, Value>, supported: u32) -> Result<u64, LoadError> {
    let version = object
        .get("schemaVersion")
        .and_then(Value::as_u64)
        .filter(|version| *version > 0)
        .ok_or_else(|| LoadError::Shape {
            place: Place::Path("schemaVersion".to_owned()),
            problem: FieldProblem::WrongType {
                expected: Expected::Number,
            },
        })?;
    if version > u64::from(supported) {
        return Err(LoadError::TooNew {
            found: version,
            supported,
        });
    }
    Ok(version)
}

/// Deserializes text, placing the first problem by line, column and key.
fn typed<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|error| {
        let (place, problem) = field_problem::from_serde(&error, text);
        LoadError::Shape { place, problem }
    })
}
