//! Upgrades of older files to the current schema, on the JSON before it is typed, so that
//! every file tekigo ever wrote opens unchanged in meaning.
//!
//! - Catalog 1 → 2: guidelines were ids of a fixed list; now the catalog declares them.
//! - Assessment 1 → 2: evidence was one free text; now a list of register references.
//! - Assessment 2 → 3: one fixed responsibility became a list of parties, and `unanswered`
//!   stopped being written as a status.

use serde_json::{json, Map, Value};

use crate::assessment::ASSESSMENT_SCHEMA_VERSION;
use crate::error::LoadError;
use crate::field_problem::{Expected, FieldProblem, Place};
use crate::known_guidelines::known_guideline;
use crate::scale::default_choice::UNANSWERED;

/// Schema 1 listed guideline ids (`["mic", "meti-2008"]`); each becomes a declaration. An id
/// this build does not know is declared with the id as its name, so nothing is lost.
pub fn catalog_v1(object: &mut Map<String, Value>) -> Result<(), LoadError> {
    let mut ids: Vec<String> = Vec::new();
    if let Some(id) = object.get("implements").and_then(Value::as_str) {
        ids.push(id.to_owned());
    }
    match object.get("guidelines") {
        None | Some(Value::Null) => {}
        Some(Value::Array(values)) => {
            for (index, value) in values.iter().enumerate() {
                let id = value.as_str().ok_or_else(|| LoadError::Shape {
                    place: Place::Path(format!("guidelines[{index}]")),
                    problem: FieldProblem::WrongType {
                        expected: Expected::Text,
                    },
                })?;
                if !ids.iter().any(|known| known == id) {
                    ids.push(id.to_owned());
                }
            }
        }
        Some(_) => {
            return Err(LoadError::Shape {
                place: Place::Path("guidelines".to_owned()),
                problem: FieldProblem::WrongType {
                    expected: Expected::List,
                },
            })
        }
    }
    let declared: Vec<Value> = ids
        .iter()
        .map(|id| match known_guideline(id) {
            Some(guideline) => serde_json::to_value(guideline).expect("serializable"),
            None => json!({ "id": id, "title": id, "short": { "ja": id } }),
        })
        .collect();
    object.insert("guidelines".to_owned(), Value::Array(declared));
    Ok(())
}

/// Schema 1 kept the evidence of an answer as one free-text string, as the Excel sheet's
/// 確認したエビデンス column does; schema 2 has a list of register references. The text
/// becomes the location of one reference with no document id, so nothing is lost.
pub fn assessment_v1(object: &mut Map<String, Value>) {
    for answer in answers_mut(object) {
        if let Some(Value::String(text)) = answer.get("evidence") {
            let upgraded = if text.trim().is_empty() {
                Value::Array(Vec::new())
            } else {
                json!([{ "document": "", "location": text }])
            };
            answer.insert("evidence".to_owned(), upgraded);
        }
    }
}

/// Schema 2's `responsibility` (one of four values) becomes the parties holding the item:
/// 事業者 the vendor, IaaS・再委託先 the IaaS, 医療機関等 the hospital, and 共同 (shared) the
/// vendor and the hospital together. A status of `unanswered` becomes no status.
pub fn assessment_v2(object: &mut Map<String, Value>) -> Result<(), LoadError> {
    let mut problem = None;
    if let Some(Value::Object(answers)) = object.get_mut("answers") {
        for (item, answer) in answers.iter_mut() {
            let Some(answer) = answer.as_object_mut() else {
                continue;
            };
            if answer.get("status").and_then(Value::as_str) == Some(UNANSWERED) {
                answer.remove("status");
            }
            let Some(responsibility) = answer.remove("responsibility") else {
                continue;
            };
            let parties: &[&str] = match responsibility.as_str() {
                Some("vendor") => &["vendor"],
                Some("subcontractor") => &["iaas"],
                Some("hospital") => &["hospital"],
                Some("shared") => &["vendor", "hospital"],
                None if responsibility.is_null() => &[],
                _ => {
                    problem.get_or_insert_with(|| LoadError::Shape {
                        place: Place::Path(format!("answers.{item}.responsibility")),
                        problem: FieldProblem::UnknownValue {
                            value: responsibility.to_string(),
                            allowed: ["vendor", "subcontractor", "hospital", "shared"]
                                .map(str::to_owned)
                                .to_vec(),
                        },
                    });
                    continue;
                }
            };
            answer.entry("parties").or_insert_with(|| json!(parties));
        }
    }
    object.insert(
        "schemaVersion".to_owned(),
        Value::from(ASSESSMENT_SCHEMA_VERSION),
    );
    problem.map_or(Ok(()), Err)
}

fn answers_mut(object: &mut Map<String, Value>) -> impl Iterator<Item = &mut Map<String, Value>> {
    object
        .get_mut("answers")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|answers| answers.values_mut())
        .filter_map(Value::as_object_mut)
}
