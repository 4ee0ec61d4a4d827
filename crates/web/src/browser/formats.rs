//! The import and export worker: `tekigo-formats` (Excel, CSV, OSCAL, signatures) in a wasm
//! module of its own, started on the first request, never at the app's start. Requests wait
//! until the worker says it is ready, go one by one, and come back as a header and maybe the
//! bytes of a file, or as a reason in Japanese and English. Headers are plain JavaScript
//! objects ([`Header`]): the app reads and writes fields, and leaves every file format to the
//! worker.

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

/// The header of a request or an answer: a plain object of texts, flags, numbers, lists.
#[derive(Clone, Debug)]
pub struct Header(Object);

impl Default for Header {
    fn default() -> Self {
        Header(Object::new())
    }
}

impl Header {
    /// This header with `key` set to `value` (a text, a number or a flag).
    pub fn with(self, key: &str, value: impl Into<JsValue>) -> Header {
        set(&self.0, key, &value.into());
        self
    }

    /// This header with `key` set to a list of texts.
    pub fn with_texts(self, key: &str, values: &[String]) -> Header {
        let list: js_sys::Array = values.iter().map(|v| JsValue::from_str(v)).collect();
        set(&self.0, key, &list);
        self
    }

    /// This header with `key` set to another header.
    pub fn with_child(self, key: &str, child: Header) -> Header {
        set(&self.0, key, &child.0);
        self
    }

    /// This header with `key` set to a list of headers.
    pub fn with_headers(self, key: &str, values: &[Header]) -> Header {
        let list: js_sys::Array = values.iter().map(|v| JsValue::from(v.0.clone())).collect();
        set(&self.0, key, &list);
        self
    }

    /// The text at `key`, empty when there is none.
    pub fn text(&self, key: &str) -> String {
        get(&self.0, key).as_string().unwrap_or_default()
    }

    /// Whether `key` is `true`.
    pub fn flag(&self, key: &str) -> bool {
        get(&self.0, key).as_bool() == Some(true)
    }

    /// The number at `key`.
    pub fn number(&self, key: &str) -> Option<f64> {
        get(&self.0, key).as_f64()
    }

    fn list(&self, key: &str) -> Vec<JsValue> {
        get(&self.0, key)
            .dyn_into::<js_sys::Array>()
            .map(|array| array.iter().collect())
            .unwrap_or_default()
    }

    /// The headers listed at `key`.
    pub fn headers(&self, key: &str) -> Vec<Header> {
        self.list(key)
            .into_iter()
            .filter_map(|value| value.dyn_into::<Object>().ok().map(Header))
            .collect()
    }

    /// The texts listed at `key`.
    pub fn texts(&self, key: &str) -> Vec<String> {
        self.list(key)
            .into_iter()
            .map(|value| value.as_string().unwrap_or_default())
            .collect()
    }

    /// The rows of texts listed at `key` (a sheet's cells).
    pub fn rows(&self, key: &str) -> Vec<Vec<String>> {
        self.list(key)
            .into_iter()
            .map(|row| {
                row.dyn_into::<js_sys::Array>()
                    .map(|cells| {
                        cells
                            .iter()
                            .map(|cell| cell.as_string().unwrap_or_default())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The header at `key`.
    pub fn child(&self, key: &str) -> Header {
        get(&self.0, key)
            .dyn_into::<Object>()
            .map(Header)
            .unwrap_or_default()
    }
}

/// A worker's answer.
pub struct Reply {
    /// The answer's header.
    pub header: Header,
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
    /// `text`, with `detail` (what the browser said, where) after it unless it is empty.
    pub fn new(text: Text, detail: &str) -> Failure {
        let said = |lang| match detail {
            "" => text.label(lang).to_owned(),
            _ => format!("{} ({detail})", text.label(lang)),
        };
        Failure {
            ja: said(Lang::Ja),
            en: said(Lang::En),
            kind: None,
        }
    }

    fn unavailable(detail: &str) -> Failure {
        Failure::new(Text::FormatsUnavailable, detail)
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
    let header = Header::default()
        .with("ja", failure.ja.as_str())
        .with("en", failure.en.as_str());
    set(&answer, "header", &header.0);
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
    if super::data::in_single_file() {
        return Err(Failure::new(Text::FormatsNotInSingleFile, ""));
    }
    let client = start()?;
    CLIENT.with(|slot| *slot.borrow_mut() = Some(client.clone()));
    Ok(client)
}

/// Sends a request to the worker (starting it if need be) and waits for its answer.
pub async fn request(op: &str, header: Header, bytes: Option<&[u8]>) -> Result<Reply, Failure> {
    let client = client()?;
    let message = Object::new();
    set(&message, "op", &JsValue::from_str(op));
    set(&message, "header", &header.0);
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
    let header = get(&answer, "header")
        .dyn_into::<Object>()
        .map(Header)
        .unwrap_or_default();
    if !get(&answer, "ok").is_truthy() {
        let kind = header.text("kind");
        return Err(Failure {
            ja: header.text("ja"),
            en: header.text("en"),
            kind: (!kind.is_empty()).then_some(kind),
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
