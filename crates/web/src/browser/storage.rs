//! Assessments and imported catalogs in IndexedDB, so a reload, a crash or a closed tab loses
//! nothing. Each assessment record carries a revision; a save that finds a revision other than
//! the one this tab last read or wrote is refused, so one tab never silently overwrites
//! another's work.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "tekigo";
const VERSION: u32 = 1;
const ASSESSMENTS: &str = "assessments";
const CATALOGS: &str = "catalogs";

/// A stored record: its id, revision and the engine's JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub revision: u32,
    pub json: String,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab saved a newer revision.
    Conflict,
    Failed(String),
}

fn js_error(error: JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.message())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Resolves when an IndexedDB request succeeds, with its result.
async fn settle(request: &IdbRequest) -> Result<JsValue, String> {
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
    JsFuture::from(promise).await.map_err(js_error)
}

thread_local! {
    /// The one connection of this page, opened on first use.
    static DATABASE_CONNECTION: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

async fn open() -> Result<IdbDatabase, String> {
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
async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), String> {
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
    JsFuture::from(promise).await.map(|_| ()).map_err(js_error)
}

async fn open_new() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or("IndexedDB is not available")?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(js_error)?;
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
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&request).await?.dyn_into().map_err(js_error)
}

fn to_object(record: &Record) -> Object {
    let object = Object::new();
    let _ = Reflect::set(&object, &"id".into(), &record.id.as_str().into());
    let _ = Reflect::set(&object, &"revision".into(), &record.revision.into());
    let _ = Reflect::set(&object, &"json".into(), &record.json.as_str().into());
    object
}

fn from_object(value: &JsValue) -> Option<Record> {
    let get = |key: &str| Reflect::get(value, &key.into()).ok();
    Some(Record {
        id: get("id")?.as_string()?,
        revision: get("revision")?.as_f64()? as u32,
        json: get("json")?.as_string()?,
    })
}

/// Runs one request on `store` in its own transaction and waits for its result.
async fn on_store(
    store: &str,
    mode: IdbTransactionMode,
    request: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, String> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(store, mode)
        .map_err(js_error)?;
    let request = request(&transaction.object_store(store).map_err(js_error)?).map_err(js_error)?;
    let result = settle(&request).await?;
    if mode == IdbTransactionMode::Readwrite {
        committed(&transaction).await?;
    }
    Ok(result)
}

async fn all(store: &str) -> Result<Vec<Record>, String> {
    let values: js_sys::Array = on_store(store, IdbTransactionMode::Readonly, |s| s.get_all())
        .await?
        .unchecked_into();
    Ok(values
        .iter()
        .filter_map(|value| from_object(&value))
        .collect())
}

/// Every stored assessment.
pub async fn assessments() -> Result<Vec<Record>, String> {
    all(ASSESSMENTS).await
}

/// Every imported catalog.
pub async fn catalogs() -> Result<Vec<Record>, String> {
    all(CATALOGS).await
}

/// One stored assessment.
pub async fn assessment(id: &str) -> Result<Option<Record>, String> {
    let value = on_store(ASSESSMENTS, IdbTransactionMode::Readonly, |s| {
        s.get(&id.into())
    })
    .await?;
    Ok(from_object(&value))
}

/// Writes `json` as the next revision after `expected`, unless the stored revision differs
/// from `expected` (0 = not stored yet). Returns the new revision.
pub async fn save_assessment(id: &str, expected: u32, json: String) -> Result<u32, SaveError> {
    let database = open().await.map_err(SaveError::Failed)?;
    let transaction = database
        .transaction_with_str_and_mode(ASSESSMENTS, IdbTransactionMode::Readwrite)
        .map_err(|error| SaveError::Failed(js_error(error)))?;
    let store = transaction
        .object_store(ASSESSMENTS)
        .map_err(|error| SaveError::Failed(js_error(error)))?;
    let request = store
        .get(&id.into())
        .map_err(|error| SaveError::Failed(js_error(error)))?;
    let stored = settle(&request).await.map_err(SaveError::Failed)?;
    let current = from_object(&stored).map_or(0, |record| record.revision);
    if current != expected {
        return Err(SaveError::Conflict);
    }
    let record = Record {
        id: id.to_owned(),
        revision: expected + 1,
        json,
    };
    let request = store
        .put(&to_object(&record))
        .map_err(|error| SaveError::Failed(js_error(error)))?;
    settle(&request).await.map_err(SaveError::Failed)?;
    committed(&transaction).await.map_err(SaveError::Failed)?;
    Ok(record.revision)
}

/// Stores an imported catalog (replacing one with the same id).
pub async fn save_catalog(id: &str, json: String) -> Result<(), String> {
    let record = to_object(&Record {
        id: id.to_owned(),
        revision: 1,
        json,
    });
    on_store(CATALOGS, IdbTransactionMode::Readwrite, |s| s.put(&record))
        .await
        .map(|_| ())
}

pub async fn delete_assessment(id: &str) -> Result<(), String> {
    on_store(ASSESSMENTS, IdbTransactionMode::Readwrite, |s| {
        s.delete(&id.into())
    })
    .await
    .map(|_| ())
}

/// Asks the browser not to evict our data under storage pressure.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        if let Ok(promise) = window.navigator().storage().persist() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
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
