//! The web app's import and export worker: `tekigo-formats` compiled to a wasm module of its
//! own, so that the spreadsheet, OSCAL and signature code never weighs on the app's start.
//! The app starts the worker on the first export or import; the worker builds its Shift_JIS
//! table from the browser's `TextDecoder`, says `ready`, and then answers requests (see
//! [`ops`]) one at a time.
//!
//! A message in is `{id, op, header, bytes?}` and out `{id, ok, header, bytes?}`: `header` is
//! a plain object (read here as JSON), `bytes` a `Uint8Array` of a file.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ops;

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use crate::ops::{handle, Failure};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn field(object: &JsValue, key: &str) -> JsValue {
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn set(object: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }

    /// 32 random bytes from the browser.
    fn random() -> [u8; 32] {
        let mut seed = [0u8; 32];
        let crypto = scope().crypto().expect("workers have crypto");
        crypto
            .get_random_values_with_u8_array(&mut seed)
            .expect("random values");
        seed
    }

    /// The Shift_JIS table, from the browser's own decoder.
    fn install_cp932() {
        if let Ok(decoder) = web_sys::TextDecoder::new_with_label("shift_jis") {
            let probe = tekigo_formats::cp932::probe();
            if let Ok(text) = decoder.decode_with_u8_array(&probe) {
                tekigo_formats::cp932::install(&text);
            }
        }
    }

    /// A JSON value as a plain object.
    fn object(value: &serde_json::Value) -> JsValue {
        js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
    }

    fn answer(id: &JsValue, result: Result<crate::ops::Answer, Failure>) {
        let reply = Object::new();
        set(&reply, "id", id);
        match result {
            Ok((header, bytes)) => {
                set(&reply, "ok", &JsValue::TRUE);
                set(&reply, "header", &object(&header));
                if let Some(bytes) = bytes {
                    set(&reply, "bytes", &Uint8Array::from(bytes.as_slice()));
                }
            }
            Err(failure) => {
                set(&reply, "ok", &JsValue::FALSE);
                let header =
                    serde_json::json!({ "ja": failure.ja, "en": failure.en, "kind": failure.kind });
                set(&reply, "header", &object(&header));
            }
        }
        let _ = scope().post_message(&reply);
    }

    fn on_message(event: MessageEvent) {
        let data = event.data();
        let id = field(&data, "id");
        let op = field(&data, "op").as_string().unwrap_or_default();
        let header = js_sys::JSON::stringify(&field(&data, "header"))
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(serde_json::Value::Null);
        let bytes = field(&data, "bytes")
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|array| array.to_vec());
        let result = handle(&op, &header, bytes.as_deref(), &mut random);
        answer(&id, result);
    }

    /// Starts the worker: the table, the message handler, then `ready`.
    #[wasm_bindgen(start)]
    pub fn start() {
        install_cp932();
        let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
        scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope().post_message(&ready);
    }
}
