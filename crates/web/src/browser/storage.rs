//! Assessments, their earlier versions and imported catalogs in IndexedDB, so a reload, a
//! crash or a closed tab loses nothing. Each assessment record carries a revision; a save that
//! finds a revision other than the one this tab last read or wrote is refused, so one tab
//! never silently overwrites another's work. Versions are kept per assessment, the latest
//! [`VERSIONS_KEPT`], and go with it when it is deleted.
//!
//! The database's version is raised when a store is added; the upgrade only adds what is
//! missing, so every record of an earlier version stays.

use js_sys::{Object, Reflect};
use tekigo_core::i18n::{Lang, Localized, Text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "tekigo";
/// 1: assessments and catalogs; 2: versions added.
const VERSION: u32 = 2;
const ASSESSMENTS: &str = "assessments";
const CATALOGS: &str = "catalogs";
const VERSIONS: &str = "versions";
/// The versions store's index of the assessment each version is of.
const BY_ASSESSMENT: &str = "assessment";
/// How many versions of one assessment are kept; saving one more removes the oldest.
pub const VERSIONS_KEPT: usize = 50;

/// A stored record: its id, revision and the engine's JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub revision: u32,
    pub json: String,
    /// When the assessment was last written to a file (RFC 3339).
    pub exported_at: Option<String>,
}

/// A stored value that cannot be read as a record: kept, shown with why, and downloadable as
/// it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    /// The record's key.
    pub key: String,
    pub fault: RecordFault,
    /// The whole stored value as JSON text.
    pub raw: String,
}

/// What makes a stored value not a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFault {
    NotAnObject,
    NoId,
    BadRevision,
    NoJson,
}

impl RecordFault {
    /// The fault in words.
    pub fn text(self) -> Text {
        match self {
            RecordFault::NotAnObject => Text::RecordNotAnObject,
            RecordFault::NoId => Text::RecordNoId,
            RecordFault::BadRevision => Text::RecordBadRevision,
            RecordFault::NoJson => Text::RecordNoJson,
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab saved a newer revision.
    Conflict,
    /// Another tab deleted the record.
    Gone,
    Failed(StorageProblem),
}

/// Why the browser would not store or read something.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageProblem {
    /// The storage quota is used up.
    Full,
    /// Storage is switched off or blocked (private windows, settings, a closed database).
    Unavailable,
    /// Anything else; the browser's name for it, for whoever helps the user.
    Other(String),
}

impl StorageProblem {
    /// The reason in both languages.
    pub fn message(&self) -> (String, String) {
        let words = |text: Text| {
            (
                text.label(Lang::Ja).to_owned(),
                text.label(Lang::En).to_owned(),
            )
        };
        match self {
            StorageProblem::Full => words(Text::StorageFull),
            StorageProblem::Unavailable => words(Text::StorageUnavailable),
            StorageProblem::Other(name) => {
                let (ja, en) = words(Text::StorageOther);
                (format!("{ja} ({name})"), format!("{en} ({name})"))
            }
        }
    }
}

/// What went wrong, by the DOMException's name where there is one (browsers often give no
/// message, and never one in the user's language).
fn problem(error: JsValue) -> StorageProblem {
    let Some(exception) = error.dyn_ref::<web_sys::DomException>() else {
        return StorageProblem::Other("IndexedDB".to_owned());
    };
    match exception.name().as_str() {
        "QuotaExceededError" => StorageProblem::Full,
        "InvalidStateError" | "SecurityError" | "UnknownError" | "NotAllowedError" => {
            StorageProblem::Unavailable
        }
        name => StorageProblem::Other(name.to_owned()),
    }
}

/// Resolves when an IndexedDB request succeeds, with its result.
async fn settle(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("IndexedDB request failed"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

thread_local! {
    /// The one connection of this page, opened on first use.
    static DATABASE_CONNECTION: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

async fn open() -> Result<IdbDatabase, StorageProblem> {
    if let Some(database) = DATABASE_CONNECTION.with(|cell| cell.borrow().clone()) {
        return Ok(database);
    }
    let database = open_new().await?;
    // A newer tekigo in another tab may upgrade the database: let it, and reopen next time.
    let closing = database.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        DATABASE_CONNECTION.with(|cell| *cell.borrow_mut() = None);
    });
    database.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget(); // lives as long as the connection, which lives with the page
    DATABASE_CONNECTION.with(|cell| *cell.borrow_mut() = Some(database.clone()));
    Ok(database)
}

/// Resolves when a read-write transaction has committed: only then is the data on disk.
async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_failure = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("IndexedDB transaction aborted"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        // A failed transaction fires `error` and then `abort`; the closure runs once, so it
        // listens to `abort` alone, which every failure reaches.
        transaction.set_onabort(Some(on_failure.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn open_new() -> Result<IdbDatabase, StorageProblem> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(StorageProblem::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(problem)?;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::IdbVersionChangeEvent| {
        let Some(database) = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        for store in [ASSESSMENTS, CATALOGS] {
            if !database.object_store_names().contains(store) {
                let options = web_sys::IdbObjectStoreParameters::new();
                options.set_key_path(&JsValue::from_str("id"));
                let _ = database.create_object_store_with_optional_parameters(store, &options);
            }
        }
        if !database.object_store_names().contains(VERSIONS) {
            // Keys count up, so a version's key orders it among the others.
            let options = web_sys::IdbObjectStoreParameters::new();
            options.set_auto_increment(true);
            if let Ok(versions) =
                database.create_object_store_with_optional_parameters(VERSIONS, &options)
            {
                let _ = versions.create_index_with_str(BY_ASSESSMENT, "assessment");
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&request)
        .await
        .map_err(problem)?
        .dyn_into()
        .map_err(problem)
}

fn to_object(record: &Record) -> Object {
    let object = Object::new();
    let _ = Reflect::set(&object, &"id".into(), &record.id.as_str().into());
    let _ = Reflect::set(&object, &"revision".into(), &record.revision.into());
    let _ = Reflect::set(&object, &"json".into(), &record.json.as_str().into());
    if let Some(exported_at) = &record.exported_at {
        let _ = Reflect::set(&object, &"exportedAt".into(), &exported_at.as_str().into());
    }
    object
}

/// A stored value as a record, or what is wrong with it.
fn from_object(value: &JsValue) -> Result<Record, RecordFault> {
    let get = |key: &str| Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if !value.is_object() {
        return Err(RecordFault::NotAnObject);
    }
    let id = get("id").as_string().ok_or(RecordFault::NoId)?;
    let revision = get("revision")
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
        .ok_or(RecordFault::BadRevision)? as u32;
    let json = get("json").as_string().ok_or(RecordFault::NoJson)?;
    Ok(Record {
        id,
        revision,
        json,
        exported_at: get("exportedAt").as_string(),
    })
}

/// The whole stored value as JSON text, for saving a damaged record to a file.
fn raw_text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// Runs one request on `store` in its own transaction and waits for its result.
async fn on_store(
    store: &str,
    mode: IdbTransactionMode,
    request: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, StorageProblem> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(store, mode)
        .map_err(problem)?;
    let request = request(&transaction.object_store(store).map_err(problem)?).map_err(problem)?;
    let result = settle(&request).await.map_err(problem)?;
    if mode == IdbTransactionMode::Readwrite {
        committed(&transaction).await.map_err(problem)?;
    }
    Ok(result)
}

/// Every record of a store, and every value in it that is not a record.
async fn all(store: &str) -> Result<(Vec<Record>, Vec<Damaged>), StorageProblem> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(store, IdbTransactionMode::Readonly)
        .map_err(problem)?;
    let object_store = transaction.object_store(store).map_err(problem)?;
    let keys: js_sys::Array = settle(&object_store.get_all_keys().map_err(problem)?)
        .await
        .map_err(problem)?
        .unchecked_into();
    let values: js_sys::Array = settle(&object_store.get_all().map_err(problem)?)
        .await
        .map_err(problem)?
        .unchecked_into();
    let (mut records, mut damaged) = (Vec::new(), Vec::new());
    for (key, value) in keys.iter().zip(values.iter()) {
        match from_object(&value) {
            Ok(record) => records.push(record),
            Err(fault) => damaged.push(Damaged {
                key: key.as_string().unwrap_or_else(|| raw_text(&key)),
                fault,
                raw: raw_text(&value),
            }),
        }
    }
    Ok((records, damaged))
}

/// Every stored assessment, and the stored values that are not readable records.
pub async fn assessments() -> Result<(Vec<Record>, Vec<Damaged>), StorageProblem> {
    all(ASSESSMENTS).await
}

/// Every imported catalog.
pub async fn catalogs() -> Result<Vec<Record>, StorageProblem> {
    all(CATALOGS).await.map(|(records, _)| records)
}

/// One stored assessment; `None` when no readable record is stored under `id`.
pub async fn assessment(id: &str) -> Result<Option<Record>, StorageProblem> {
    let value = on_store(ASSESSMENTS, IdbTransactionMode::Readonly, |s| {
        s.get(&id.into())
    })
    .await?;
    Ok(from_object(&value).ok())
}

/// Writes `json` as the next revision after `expected`, unless the stored revision differs
/// from `expected` (0 = not stored yet). Returns the new revision.
pub async fn save_assessment(id: &str, expected: u32, json: String) -> Result<u32, SaveError> {
    let failed = |error: JsValue| SaveError::Failed(problem(error));
    let database = open().await.map_err(SaveError::Failed)?;
    let transaction = database
        .transaction_with_str_and_mode(ASSESSMENTS, IdbTransactionMode::Readwrite)
        .map_err(failed)?;
    let store = transaction.object_store(ASSESSMENTS).map_err(failed)?;
    let stored = settle(&store.get(&id.into()).map_err(failed)?)
        .await
        .map_err(failed)?;
    let current = if stored.is_undefined() {
        None
    } else {
        // A damaged record under this id is not overwritten by accident either.
        Some(from_object(&stored).map_or(u32::MAX, |record| record.revision))
    };
    match current {
        None if expected > 0 => return Err(SaveError::Gone),
        Some(revision) if revision != expected => return Err(SaveError::Conflict),
        _ => {}
    }
    let exported_at = from_object(&stored)
        .ok()
        .and_then(|record| record.exported_at);
    let record = Record {
        id: id.to_owned(),
        revision: expected + 1,
        json,
        exported_at,
    };
    settle(&store.put(&to_object(&record)).map_err(failed)?)
        .await
        .map_err(failed)?;
    committed(&transaction).await.map_err(failed)?;
    Ok(record.revision)
}

/// Notes that the assessment was written to a file at `time`, without a new revision. The
/// record is read and written in one transaction, so a save of another revision in between
/// is never put back to the one read.
pub async fn mark_exported(id: &str, time: &str) -> Result<(), StorageProblem> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(ASSESSMENTS, IdbTransactionMode::Readwrite)
        .map_err(problem)?;
    let store = transaction.object_store(ASSESSMENTS).map_err(problem)?;
    let stored = settle(&store.get(&id.into()).map_err(problem)?)
        .await
        .map_err(problem)?;
    let Ok(mut record) = from_object(&stored) else {
        return Ok(());
    };
    record.exported_at = Some(time.to_owned());
    settle(&store.put(&to_object(&record)).map_err(problem)?)
        .await
        .map_err(problem)?;
    committed(&transaction).await.map_err(problem)
}

/// Stores an imported catalog (replacing one with the same id).
pub async fn save_catalog(id: &str, json: String) -> Result<(), StorageProblem> {
    let record = to_object(&Record {
        id: id.to_owned(),
        revision: 1,
        json,
        exported_at: None,
    });
    on_store(CATALOGS, IdbTransactionMode::Readwrite, |s| s.put(&record))
        .await
        .map(|_| ())
}

/// Removes a stored assessment (or a damaged record) by its key, with its versions.
pub async fn delete_assessment(id: &str) -> Result<(), StorageProblem> {
    let database = open().await?;
    let stores = js_sys::Array::of2(&ASSESSMENTS.into(), &VERSIONS.into());
    let transaction = database
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(problem)?;
    let assessments = transaction.object_store(ASSESSMENTS).map_err(problem)?;
    settle(&assessments.delete(&id.into()).map_err(problem)?)
        .await
        .map_err(problem)?;
    let versions = transaction.object_store(VERSIONS).map_err(problem)?;
    for key in version_keys(&versions, id).await? {
        settle(&versions.delete(&key).map_err(problem)?)
            .await
            .map_err(problem)?;
    }
    committed(&transaction).await.map_err(problem)
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

/// Saves `json` as a version of the assessment `assessment`, and removes the oldest beyond
/// [`VERSIONS_KEPT`].
pub async fn save_version(
    assessment: &str,
    saved_at: &str,
    label: &str,
    on_export: bool,
    json: &str,
) -> Result<(), StorageProblem> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(VERSIONS, IdbTransactionMode::Readwrite)
        .map_err(problem)?;
    let versions = transaction.object_store(VERSIONS).map_err(problem)?;
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
    let database = open().await?;
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
    on_store(VERSIONS, IdbTransactionMode::Readwrite, |s| {
        s.delete(&key.into())
    })
    .await
    .map(|_| ())
}

/// Which assessment this tab had open, kept across a reload (per tab, not shared).
pub fn remember_open(id: Option<&str>) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.session_storage().ok().flatten())
    {
        let _ = match id {
            Some(id) => storage.set_item("tekigo.open", id),
            None => storage.remove_item("tekigo.open"),
        };
    }
}

pub fn remembered_open() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.session_storage().ok().flatten())
        .and_then(|storage| storage.get_item("tekigo.open").ok().flatten())
}
