//! The import and export worker: `tekigo-formats` (Excel, CSV, OSCAL, signatures) in a wasm
//! module of its own, started on the first request, never at the app's start. Requests wait
//! until the worker says it is ready, go one by one, and come back as a JSON header and maybe
//! the bytes of a file, or as a reason in Japanese and English.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use tekigo_core::i18n::{Lang, Localized, Text};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the worker's loader is, next to the app's page.
const WORKER_PATH: &str = "formats/formats-worker.js";
/// How long the worker may take to load before the request is given up.
const READY_PATIENCE_MS: u32 = 30_000;

/// A worker's answer.
pub struct Reply {
    /// The answer's JSON header.
    pub header: serde_json::Value,
    /// The file it made, if any.
    pub bytes: Option<Vec<u8>>,
}

/// Why a request failed, in both languages, and of what kind (`not-an-assessment` when a
/// sheet could become a catalog instead).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub ja: String,
    pub en: String,
    pub kind: Option<String>,
}

impl Failure {
    fn unavailable(detail: &str) -> Failure {
        Failure {
            ja: format!("{} ({detail})", Text::FormatsUnavailable.label(Lang::Ja)),
            en: format!("{} ({detail})", Text::FormatsUnavailable.label(Lang::En)),
            kind: None,
        }
    }

    /// The reason in `lang`, then in the other language.
    pub fn messages(&self, lang: Lang) -> (&str, &str) {
        match lang {
            Lang::Ja => (&self.ja, &self.en),
            Lang::En => (&self.en, &self.ja),
        }
    }
}

/// The running worker, its requests waiting to be sent, and those waiting for an answer.
struct Client {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Object>,
    waiting: HashMap<u32, Function>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<RefCell<Client>>>> = const { RefCell::new(None) };
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An answer that says the request failed (how the client ends a request it gives up).
fn failed_answer(failure: &Failure) -> Object {
    let answer = Object::new();
    set(&answer, "ok", &JsValue::FALSE);
    let header = serde_json::json!({ "ja": failure.ja, "en": failure.en });
    set(&answer, "header", &JsValue::from_str(&header.to_string()));
    answer
}

/// Ends every waiting request with `failure` and forgets the worker, so the next request
/// starts a new one.
fn give_up(failure: &Failure) {
    let client = CLIENT.with(|slot| slot.borrow_mut().take());
    if let Some(client) = &client {
        let mut client = client.borrow_mut();
        client.worker.terminate();
        let answer = failed_answer(failure);
        for (_, resolve) in client.waiting.drain() {
            let _ = resolve.call1(&JsValue::NULL, &answer);
        }
    }
    // The worker's handlers may be running this: they are dropped after they return.
    wasm_bindgen_futures::spawn_local(async move { drop(client) });
}

fn start() -> Result<Rc<RefCell<Client>>, Failure> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| Failure::unavailable("no document"))?;
    let base = document
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| String::from("./"));
    let url = web_sys::Url::new_with_base(WORKER_PATH, &base)
        .map_err(|error| Failure::unavailable(&format!("{error:?}")))?;
    let worker = web_sys::Worker::new(&url.href())
        .map_err(|error| Failure::unavailable(&format!("{error:?}")))?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let data = event.data();
            let client = CLIENT.with(|slot| slot.borrow().clone());
            let Some(client) = client else { return };
            let mut client = client.borrow_mut();
            if get(&data, "ready").is_truthy() {
                client.ready = true;
                for message in std::mem::take(&mut client.queue) {
                    let _ = client.worker.post_message(&message);
                }
            } else if let Some(id) = get(&data, "id").as_f64() {
                if let Some(resolve) = client.waiting.remove(&(id as u32)) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_event: web_sys::Event| {
        give_up(&Failure::unavailable("worker error"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let client = Rc::new(RefCell::new(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: HashMap::new(),
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    }));
    // A worker that never says it is ready (its wasm refused, the network gone) is given up.
    wasm_bindgen_futures::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(READY_PATIENCE_MS).await;
        let ready = CLIENT.with(|slot| slot.borrow().as_ref().map(|c| c.borrow().ready));
        if ready == Some(false) {
            give_up(&Failure::unavailable("not ready"));
        }
    });
    Ok(client)
}

fn client() -> Result<Rc<RefCell<Client>>, Failure> {
    if let Some(client) = CLIENT.with(|slot| slot.borrow().clone()) {
        return Ok(client);
    }
    let client = start()?;
    CLIENT.with(|slot| *slot.borrow_mut() = Some(client.clone()));
    Ok(client)
}

/// Sends a request to the worker (starting it if need be) and waits for its answer.
pub async fn request(
    op: &str,
    header: serde_json::Value,
    bytes: Option<&[u8]>,
) -> Result<Reply, Failure> {
    let client = client()?;
    let message = Object::new();
    set(&message, "op", &JsValue::from_str(op));
    set(&message, "header", &JsValue::from_str(&header.to_string()));
    if let Some(bytes) = bytes {
        set(&message, "bytes", &Uint8Array::from(bytes));
    }
    let promise = {
        let mut client = client.borrow_mut();
        let id = client.next_id;
        client.next_id += 1;
        set(&message, "id", &JsValue::from(id));
        let mut resolver = None;
        let promise = Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        client
            .waiting
            .insert(id, resolver.expect("Promise::new calls back at once"));
        if client.ready {
            let _ = client.worker.post_message(&message);
        } else {
            client.queue.push(message);
        }
        promise
    };
    let answer = JsFuture::from(promise)
        .await
        .map_err(|error| Failure::unavailable(&format!("{error:?}")))?;
    let header: serde_json::Value = get(&answer, "header")
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(serde_json::Value::Null);
    if !get(&answer, "ok").is_truthy() {
        let text = |key: &str| header[key].as_str().unwrap_or_default().to_owned();
        return Err(Failure {
            ja: text("ja"),
            en: text("en"),
            kind: header["kind"].as_str().map(str::to_owned),
        });
    }
    let bytes = get(&answer, "bytes")
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|array| array.to_vec());
    Ok(Reply { header, bytes })
}

/// A file made of `bytes`, as if the user had picked it.
pub fn as_file(bytes: &[u8], name: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).ok()
}
