//! The custom element that hosts the widget: events announced on it as `tekigo-…`
//! CustomEvents that bubble and cross the shadow root, so the vendor's page can listen.

use std::rc::Rc;

use wasm_bindgen::JsValue;

/// The `<tekigo-checker>` element, compared by identity.
#[derive(Clone, Debug)]
pub struct Host(Rc<web_sys::HtmlElement>);

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Host {
    pub fn new(element: web_sys::HtmlElement) -> Self {
        Host(Rc::new(element))
    }

    /// Dispatches `tekigo-{name}` with `detail` on the element.
    pub fn announce(&self, name: &str, detail: &JsValue) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("tekigo-{name}"), &init)
        {
            let _ = self.0.dispatch_event(&event);
        }
    }
}
