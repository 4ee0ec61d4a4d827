//! The tekigo widget: a vendor's published answers shown read-only ("reference mode") on any
//! page, inside the `<tekigo-checker>` custom element's shadow root. `tekigo-widget.js`
//! defines the element; it creates one [`ReferenceView`] per element and hands it the
//! element's attributes.
//!
//! Privacy: this runs in a page the vendor controls, so it only ever shows the vendor's public
//! answers. A hospital's own check never happens here: 「この回答をもとに自院のチェックを始める」
//! hands the answers over as a file, or to a tekigo the hospital names, and nothing typed by a
//! hospital exists on this page.
//!
//! Architecture invariant: like the app, the widget renders and dispatches; reading files,
//! deciding what may be shown, searching and scoring are calls into `tekigo-core`.

mod handover;
mod host;
mod items;
mod load;
mod summary;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use tekigo_core::i18n::Lang;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

use view::{Config, Current, ReferenceApp, ReferenceProps, Source};

/// One widget on the page, as `tekigo-widget.js` drives it.
#[wasm_bindgen]
pub struct ReferenceView {
    app: AppHandle<ReferenceApp>,
    props: ReferenceProps,
}

#[wasm_bindgen]
impl ReferenceView {
    /// Renders the widget into `container` (inside `host`'s shadow root). `base` is the URL of
    /// the folder the widget's files were loaded from, where the catalogs are found.
    #[wasm_bindgen(constructor)]
    pub fn new(container: web_sys::Element, host: web_sys::HtmlElement, base: String) -> Self {
        tekigo_core::search::install_nfkc(|text| {
            String::from(js_sys::JsString::from(text).normalize("NFKC"))
        });
        let props = ReferenceProps {
            config: Config::default(),
            base: Rc::from(base),
            host: host::Host::new(host),
            current: Current::default(),
        };
        let app =
            yew::Renderer::<ReferenceApp>::with_root_and_props(container, props.clone()).render();
        ReferenceView { app, props }
    }

    /// Applies the element's attributes: `src` (the published file), `catalog` (a catalog
    /// file, found next to the widget by default), `lang` (`ja` or `en`) and `app` (the
    /// address of a tekigo the hospital controls, for the handover). URLs come resolved.
    pub fn configure(
        &mut self,
        src: Option<String>,
        catalog: Option<String>,
        lang: Option<String>,
        app: Option<String>,
    ) {
        let source = src.map(|url| Source::Url(Rc::from(url)));
        self.update(Config {
            source,
            catalog: catalog.map(Rc::from),
            lang: lang_of(lang.as_deref()),
            app: app.map(Rc::from),
        });
    }

    /// Shows published answers given as JSON text (the element's `load()` method), with the
    /// catalog at `catalog` or next to the widget.
    pub fn load(&mut self, json: String, catalog: Option<String>) {
        let mut config = self.props.config.clone();
        config.source = Some(Source::Text(Rc::from(json)));
        if catalog.is_some() {
            config.catalog = catalog.map(Rc::from);
        }
        self.update(config);
    }

    /// The published assessment shown now, as a plain JavaScript object (null before one is
    /// shown).
    pub fn assessment(&self) -> JsValue {
        let current: &RefCell<_> = &self.props.current.0;
        match current.borrow().as_ref() {
            // Plain objects, not JavaScript Maps, for the maps: what JSON.parse would give.
            Some(loaded) => loaded
                .assessment
                .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .unwrap_or(JsValue::NULL),
            None => JsValue::NULL,
        }
    }

    fn update(&mut self, config: Config) {
        if config != self.props.config {
            self.props.config = config;
            self.app.update(self.props.clone());
        }
    }
}

fn lang_of(tag: Option<&str>) -> Lang {
    match tag.map(|tag| tag.trim().to_ascii_lowercase()) {
        Some(tag) if tag.starts_with("en") => Lang::En,
        _ => Lang::Ja,
    }
}
