//! Earlier versions of each assessment, kept in a database of their own (`tekigo-versions`,
//! so the assessments' database never changes version): saved on every save to a file and on
//! demand, the latest [`VERSIONS_KEPT`] per assessment, deleted with it.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::storage::{committed, on_store, open, problem, settle, Database, StorageProblem};

const VERSIONS_DATABASE: Database = Database {
    name: "tekigo-versions",
    version: 1,
    create: create_versions,
};
const VERSIONS: &str = "versions";
/// The versions store's index of the assessment each version is of.
const BY_ASSESSMENT: &str = "assessment";
/// How many versions of one assessment are kept; saving one more removes the oldest.
pub const VERSIONS_KEPT: usize = 50;

fn create_versions(database: &IdbDatabase) {
    // Keys count up, so a version's key orders it among the others.
    let options = web_sys::IdbObjectStoreParameters::new();
    options.set_auto_increment(true);
    if let Ok(versions) = database.create_object_store_with_optional_parameters(VERSIONS, &options)
    {
        let _ = versions.create_index_with_str(BY_ASSESSMENT, "assessment");
    }
}

/// A version of an assessment, as it was when saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The store's key: versions saved later have larger keys.
    pub key: f64,
    /// When it was saved (RFC 3339).
    pub saved_at: String,
    /// The name the user gave it; may be empty.
    pub label: String,
    /// Whether it was saved because the assessment was written to a file.
    pub on_export: bool,
    /// The engine's JSON of the assessment.
    pub json: String,
}

/// The keys of `assessment`'s versions, oldest first.
async fn version_keys(
    versions: &web_sys::IdbObjectStore,
    assessment: &str,
) -> Result<Vec<JsValue>, StorageProblem> {
    let index = versions.index(BY_ASSESSMENT).map_err(problem)?;
    let keys: js_sys::Array = settle(
        &index
            .get_all_keys_with_key(&assessment.into())
            .map_err(problem)?,
    )
    .await
    .map_err(problem)?
    .unchecked_into();
    Ok(keys.iter().collect())
}

/// The JSON of the newest version of the assessment `assessment`, if it has one.
async fn newest_json(
    versions: &web_sys::IdbObjectStore,
    assessment: &str,
) -> Result<Option<String>, StorageProblem> {
    let Some(newest) = version_keys(versions, assessment).await?.pop() else {
        return Ok(None);
    };
    let stored = settle(&versions.get(&newest).map_err(problem)?)
        .await
        .map_err(problem)?;
    Ok(Reflect::get(&stored, &"json".into())
        .ok()
        .and_then(|json| json.as_string()))
}

/// Saves `json` as a version of the assessment `assessment`, and removes the oldest beyond
/// [`VERSIONS_KEPT`]. A save to a file (`on_export`) of what the newest version already holds
/// adds nothing: writing one state in several formats keeps one version of it.
pub async fn save_version(
    assessment: &str,
    saved_at: &str,
    label: &str,
    on_export: bool,
    json: &str,
) -> Result<(), StorageProblem> {
    let database = open(&VERSIONS_DATABASE).await?;
    let transaction = database
        .transaction_with_str_and_mode(VERSIONS, IdbTransactionMode::Readwrite)
        .map_err(problem)?;
    let versions = transaction.object_store(VERSIONS).map_err(problem)?;
    if on_export && newest_json(&versions, assessment).await?.as_deref() == Some(json) {
        return committed(&transaction).await.map_err(problem);
    }
    let object = Object::new();
    for (key, value) in [
        ("assessment", JsValue::from_str(assessment)),
        ("savedAt", saved_at.into()),
        ("label", label.into()),
        ("onExport", on_export.into()),
        ("json", json.into()),
    ] {
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    settle(&versions.add(&object).map_err(problem)?)
        .await
        .map_err(problem)?;
    let keys = version_keys(&versions, assessment).await?;
    for key in keys.iter().take(keys.len().saturating_sub(VERSIONS_KEPT)) {
        settle(&versions.delete(key).map_err(problem)?)
            .await
            .map_err(problem)?;
    }
    committed(&transaction).await.map_err(problem)
}

/// The versions of the assessment `assessment`, newest first. A stored value that does not
/// read as a version is left out.
pub async fn versions(assessment: &str) -> Result<Vec<Version>, StorageProblem> {
    let database = open(&VERSIONS_DATABASE).await?;
    let transaction = database
        .transaction_with_str_and_mode(VERSIONS, IdbTransactionMode::Readonly)
        .map_err(problem)?;
    let store = transaction.object_store(VERSIONS).map_err(problem)?;
    let index = store.index(BY_ASSESSMENT).map_err(problem)?;
    let keys = version_keys(&store, assessment).await?;
    let values: js_sys::Array = settle(
        &index
            .get_all_with_key(&assessment.into())
            .map_err(problem)?,
    )
    .await
    .map_err(problem)?
    .unchecked_into();
    let mut found: Vec<Version> = keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| {
            let get = |name: &str| Reflect::get(&value, &name.into()).ok();
            Some(Version {
                key: key.as_f64()?,
                saved_at: get("savedAt")?.as_string()?,
                label: get("label")?.as_string().unwrap_or_default(),
                on_export: get("onExport")?.as_bool().unwrap_or(false),
                json: get("json")?.as_string()?,
            })
        })
        .collect();
    found.reverse();
    Ok(found)
}

/// Removes one version.
pub async fn delete_version(key: f64) -> Result<(), StorageProblem> {
    on_store(
        &VERSIONS_DATABASE,
        VERSIONS,
        IdbTransactionMode::Readwrite,
        |s| s.delete(&key.into()),
    )
    .await
    .map(|_| ())
}

/// Removes every version of the assessment `assessment`.
pub async fn delete_all(assessment: &str) -> Result<(), StorageProblem> {
    let database = open(&VERSIONS_DATABASE).await?;
    let transaction = database
        .transaction_with_str_and_mode(VERSIONS, IdbTransactionMode::Readwrite)
        .map_err(problem)?;
    let versions = transaction.object_store(VERSIONS).map_err(problem)?;
    for key in version_keys(&versions, assessment).await? {
        settle(&versions.delete(&key).map_err(problem)?)
            .await
            .map_err(problem)?;
    }
    committed(&transaction).await.map_err(problem)
}
