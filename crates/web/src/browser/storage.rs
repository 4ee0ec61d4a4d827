//! Assessments and imported catalogs in IndexedDB, so a reload, a crash or a closed tab loses
//! nothing. Each assessment record carries a revision; a save that finds a revision other than
//! the one this tab last read or wrote is refused, so one tab never silently overwrites
//! another's work. An assessment's deletion takes its kept versions ([`super::versions`]) too.
//!
//! A database's version is never raised: what a later build needs goes into a database of its
//! own, so an earlier build (the cached one a failed start falls back to) still opens every
//! database it knows.

use js_sys::{Object, Reflect};
use tekigo_core::i18n::{Lang, Localized, Text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

/// One IndexedDB database of the app: its name, version, and the stores it creates.
pub(super) struct Database {
    pub(super) name: &'static str,
    pub(super) version: u32,
    /// Creates the stores a new database needs.
    pub(super) create: fn(&IdbDatabase),
}

/// Assessments and catalogs.
const MAIN: Database = Database {
    name: "tekigo",
    version: 1,
    create: create_main,
};
const ASSESSMENTS: &str = "assessments";
const CATALOGS: &str = "catalogs";

fn create_main(database: &IdbDatabase) {
    for store in [ASSESSMENTS, CATALOGS] {
        if !database.object_store_names().contains(store) {
            let options = web_sys::IdbObjectStoreParameters::new();
            options.set_key_path(&JsValue::from_str("id"));
            let _ = database.create_object_store_with_optional_parameters(store, &options);
        }
    }
}

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
pub(super) fn problem(error: JsValue) -> StorageProblem {
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
pub(super) async fn settle(request: &IdbRequest) -> Result<JsValue, JsValue> {
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
    /// The page's one connection to each database, opened on first use.
    static CONNECTIONS: std::cell::RefCell<Vec<(&'static str, IdbDatabase)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn forget_connection(name: &str) {
    CONNECTIONS.with(|cell| cell.borrow_mut().retain(|(open, _)| *open != name));
}

/// The page's connection to `database`, opened (and created) on first use.
pub(super) async fn open(database: &Database) -> Result<IdbDatabase, StorageProblem> {
    let name = database.name;
    let known = CONNECTIONS.with(|cell| {
        cell.borrow()
            .iter()
            .find(|(open, _)| *open == name)
            .map(|(_, connection)| connection.clone())
    });
    if let Some(connection) = known {
        return Ok(connection);
    }
    let connection = open_new(database).await?;
    // Another tab may delete or upgrade the database: let it, and reopen next time.
    let closing = connection.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        forget_connection(name);
    });
    connection.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget(); // lives as long as the connection, which lives with the page
    CONNECTIONS.with(|cell| cell.borrow_mut().push((name, connection.clone())));
    Ok(connection)
}

/// Resolves when a read-write transaction has committed: only then is the data on disk.
pub(super) async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), JsValue> {
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

async fn open_new(database: &Database) -> Result<IdbDatabase, StorageProblem> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(StorageProblem::Unavailable)?;
    let request = factory
        .open_with_u32(database.name, database.version)
        .map_err(problem)?;
    let create = database.create;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::IdbVersionChangeEvent| {
        if let Some(database) = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok())
        {
            create(&database);
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
pub(super) async fn on_store(
    database: &Database,
    store: &str,
    mode: IdbTransactionMode,
    request: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, StorageProblem> {
    let database = open(database).await?;
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
    let database = open(&MAIN).await?;
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
    let value = on_store(&MAIN, ASSESSMENTS, IdbTransactionMode::Readonly, |s| {
        s.get(&id.into())
    })
    .await?;
    Ok(from_object(&value).ok())
}

/// Writes `json` as the next revision after `expected`, unless the stored revision differs
/// from `expected` (0 = not stored yet). Returns the new revision.
pub async fn save_assessment(id: &str, expected: u32, json: String) -> Result<u32, SaveError> {
    let failed = |error: JsValue| SaveError::Failed(problem(error));
    let database = open(&MAIN).await.map_err(SaveError::Failed)?;
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
    let database = open(&MAIN).await?;
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
    on_store(&MAIN, CATALOGS, IdbTransactionMode::Readwrite, |s| {
        s.put(&record)
    })
    .await
    .map(|_| ())
}

/// Removes an imported catalog.
pub async fn delete_catalog(id: &str) -> Result<(), StorageProblem> {
    on_store(&MAIN, CATALOGS, IdbTransactionMode::Readwrite, |s| {
        s.delete(&id.into())
    })
    .await
    .map(|_| ())
}

/// Removes a stored assessment (or a damaged record) by its key, then its kept versions.
pub async fn delete_assessment(id: &str) -> Result<(), StorageProblem> {
    on_store(&MAIN, ASSESSMENTS, IdbTransactionMode::Readwrite, |s| {
        s.delete(&id.into())
    })
    .await?;
    super::versions::delete_all(id).await
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

/// Where the interface's language is kept.
const LANG_KEY: &str = "tekigo.lang";

/// Keeps the interface's language for the next visit (this browser, this origin).
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = super::local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// The language chosen on an earlier visit, if one was.
pub fn remembered_lang() -> Option<Lang> {
    let tag = super::local_storage()?.get_item(LANG_KEY).ok().flatten()?;
    [Lang::Ja, Lang::En]
        .into_iter()
        .find(|lang| lang.tag() == tag)
}
