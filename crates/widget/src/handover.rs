//! 「この回答をもとに自院のチェックを始める」: the vendor's public answers leave this page for a
//! tekigo the hospital controls. They are offered as a file to save, and, when the vendor's
//! page names the hospital's tekigo (`app`), that tekigo is opened in a new window and given
//! the answers by `postMessage` — only after it says it is ready, and only to its own origin.
//! Nothing comes back: the hospital's own answers never reach this page.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use tekigo_core::export::{public_file_name, Exporter, PublicJsonExporter};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::to_json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::host::Host;
use crate::load::Loaded;

/// What the button did, for the line under it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The file was offered for saving.
    Saved,
    /// The file was offered and the hospital's tekigo opened to receive the answers.
    Opened(String),
    /// The file was offered, but the hospital's tekigo could not be opened.
    NotOpened,
}

impl Outcome {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Outcome::Saved => Text::WidgetFileOffered.label(lang).to_owned(),
            Outcome::Opened(origin) => format!("{} ({origin})", Text::WidgetAppOpened.label(lang)),
            Outcome::NotOpened => Text::WidgetAppNotOpened.label(lang).to_owned(),
        }
    }
}

/// Offers the published answers as a file and, with `app`, hands them to that tekigo.
pub fn start_own_check(loaded: &Loaded, app: Option<&str>, host: &Host) -> Outcome {
    let json = to_json(&loaded.assessment);
    // Named as 「公開用に書き出す」 names it, so it is not taken for the vendor's whole file.
    let name = public_file_name(
        &loaded.assessment,
        &PublicJsonExporter.format(),
        "published",
    );
    let _ = download(&name, &json);
    host.announce("start-own-check", &JsValue::from_str(&name));
    let Some(app) = app else {
        return Outcome::Saved;
    };
    match open_and_hand_over(app, json) {
        Some(origin) => Outcome::Opened(origin),
        None => Outcome::NotOpened,
    }
}

fn download(name: &str, json: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Opens `app` and, when a message `{type: "tekigo-ready"}` comes from that window and that
/// origin, posts `{type: "tekigo-handover", published}` to that origin alone. Returns the
/// origin the answers will go to.
fn open_and_hand_over(app: &str, json: String) -> Option<String> {
    let window = web_sys::window()?;
    let origin = web_sys::Url::new(app).ok()?.origin();
    if origin == "null" {
        return None;
    }
    let address = format!("{}#tekigo-receive", app.split('#').next().unwrap_or(app));
    let opened = window.open_with_url_and_target(&address, "_blank").ok()??;
    let done = Rc::new(Cell::new(false));
    let (target, expected, sent) = (opened.clone(), origin.clone(), done.clone());
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_app = event.origin() == expected
                && event
                    .source()
                    .is_some_and(|source| JsValue::from(source) == JsValue::from(target.clone()));
            let ready = Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|kind| kind.as_string())
                .is_some_and(|kind| kind == "tekigo-ready");
            if from_app && ready && !sent.replace(true) {
                let message = Object::new();
                let _ = Reflect::set(&message, &"type".into(), &"tekigo-handover".into());
                let _ = Reflect::set(&message, &"published".into(), &JsValue::from_str(&json));
                let _ = target.post_message(&message, &expected);
            }
        });
    window
        .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        .ok()?;
    // One listener per click, kept while the page lives: it answers one ready message only.
    listener.forget();
    Some(origin)
}
