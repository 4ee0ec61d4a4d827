//! tekigo in the browser. `mount` renders the app into any element — the page's own `#app`,
//! or a vendor's custom element's shadow root — so nothing here assumes it owns the page; two
//! apps on one page share no element id.
//!
//! Architecture invariant: this crate renders and dispatches; every rule about the data
//! (parsing, scoring, validation, search, what may be opened) is a call into `tekigo-core`.

mod app;
mod browser;
mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
mod ids;
mod library;
mod shared;
mod state;

use wasm_bindgen::prelude::*;

/// Renders the checker into `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    // Search folding uses the browser's NFKC; the engine's tables are left out of the wasm.
    tekigo_core::search::install_nfkc(|text| {
        String::from(js_sys::JsString::from(text).normalize("NFKC"))
    });
    yew::Renderer::<app::App>::with_root(root).render();
}
