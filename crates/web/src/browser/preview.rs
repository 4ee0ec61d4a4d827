//! The widget's preview in the publish dialog: `widget/embed.html` of this same app in an
//! iframe, listing this app's origin, given the public version by `postMessage` once it says
//! it is ready. Messages from anywhere but that iframe are ignored.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The address of the preview page for this app; none when the app runs from a file (the
/// single-file edition), which has no widget beside it.
pub fn address(lang: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    if location.protocol().ok()? == "file:" {
        return None;
    }
    let origin = location.origin().ok()?;
    Some(format!(
        "widget/embed.html?origins={}&lang={lang}",
        js_sys::encode_uri_component(&origin)
    ))
}

/// A listener feeding `published` to the iframe, removed when dropped.
pub struct Feed {
    listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for Feed {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Answers the iframe's ready message with the public version's JSON.
pub fn feed(frame: web_sys::HtmlIFrameElement, published: String) -> Option<Feed> {
    let window = web_sys::window()?;
    let origin = window.location().origin().ok()?;
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(target) = frame.content_window() else {
                return;
            };
            let from_frame = event.origin() == origin
                && event
                    .source()
                    .is_some_and(|source| JsValue::from(source) == JsValue::from(target.clone()));
            let ready = Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|kind| kind.as_string())
                .is_some_and(|kind| kind == "tekigo-ready");
            if from_frame && ready {
                let message = Object::new();
                let _ = Reflect::set(&message, &"type".into(), &"tekigo-load".into());
                let _ = Reflect::set(
                    &message,
                    &"published".into(),
                    &JsValue::from_str(&published),
                );
                let _ = target.post_message(&message, &origin);
            }
        });
    window
        .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(Feed { listener })
}
