//! Receiving a vendor's published answers from the widget on the vendor's page: the widget
//! opens this app at `#tekigo-receive`; the app tells its opener it is ready (a message that
//! carries nothing) and takes one `{type: "tekigo-handover", published}` message from that
//! opener. Where it came from is shown to the user, who decides whether to start a check
//! from it; nothing is ever sent back.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The address fragment the widget opens this app with.
const RECEIVE: &str = "#tekigo-receive";

/// When this page was opened to receive answers, listens for them; `on_offer` hears the
/// sending page's origin and the published JSON text, once.
pub fn listen(on_offer: impl Fn(String, String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().hash().ok().as_deref() != Some(RECEIVE) {
        return;
    }
    let Some(opener) = window.opener().ok().filter(|opener| !opener.is_null()) else {
        return;
    };
    // The fragment has done its work: a reload must not wait for answers again.
    if let Ok(history) = window.history() {
        let path = window.location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    let expected = opener.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_opener = event
                .source()
                .is_some_and(|source| JsValue::from(source) == expected);
            let data = event.data();
            let kind = Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|k| k.as_string());
            let published = Reflect::get(&data, &"published".into())
                .ok()
                .and_then(|p| p.as_string());
            if let (true, Some("tekigo-handover"), Some(published)) =
                (from_opener, kind.as_deref(), published)
            {
                on_offer(event.origin(), published);
            }
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    // Listens for the page's lifetime: the opener may take a moment to send.
    listener.forget();
    let ready = js_sys::Object::new();
    let _ = Reflect::set(&ready, &"type".into(), &"tekigo-ready".into());
    // A window of another origin is no `instanceof Window` in this realm, so it is not
    // checked; any origin may hear that this page is ready: the message says nothing else.
    let _ = opener
        .unchecked_ref::<web_sys::Window>()
        .post_message(&ready, "*");
}
