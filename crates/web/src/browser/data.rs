//! The shipped data files (see `tekigo_core::shipped`), by name: from the page's JSON block
//! `tekigo-data-NAME` where the single file carries them, else fetched from `data/NAME` beside
//! the page — same origin, kept by the service worker with the build's other files.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The folder of the data files, relative to the page.
const FOLDER: &str = "data";

/// A data file that did not load: its path and what went wrong, as the browser says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub path: String,
    pub detail: String,
}

/// Where the data file `name` is, as the page asks for it.
pub fn path(name: &str) -> String {
    format!("{FOLDER}/{name}")
}

/// Whether this page is the single self-contained file (it carries its data inline).
pub fn in_single_file() -> bool {
    let index = format!("tekigo-data-{}", tekigo_core::shipped::INDEX_FILE);
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(&index))
        .is_some()
}

/// A data file on its way: its text where the page carries it, else a request already sent,
/// so that several files are fetched at once and read in the order they are needed.
pub struct Pending {
    name: String,
    source: Result<Source, DataError>,
}

enum Source {
    Inline(String),
    Fetch(js_sys::Promise),
}

/// Starts getting the data file `name`.
pub fn request(name: &str) -> Pending {
    let failed = |detail: &str| DataError {
        path: path(name),
        detail: detail.into(),
    };
    let source = web_sys::window()
        .ok_or_else(|| failed("no window"))
        .map(|window| {
            let inline = window
                .document()
                .and_then(|document| document.get_element_by_id(&format!("tekigo-data-{name}")));
            match inline {
                Some(block) => Source::Inline(block.text_content().unwrap_or_default()),
                None => Source::Fetch(window.fetch_with_str(&path(name))),
            }
        });
    Pending {
        name: name.to_owned(),
        source,
    }
}

impl Pending {
    /// Where the file is, as the page asks for it.
    pub fn path(&self) -> String {
        path(&self.name)
    }

    /// The file's text, once it has arrived.
    pub async fn text(self) -> Result<String, DataError> {
        let failed = |detail: String| DataError {
            path: path(&self.name),
            detail,
        };
        let response = match self.source? {
            Source::Inline(text) => return Ok(text),
            Source::Fetch(response) => response,
        };
        let response = arrived(response).await.map_err(failed)?;
        let text = response.text().map_err(|error| failed(describe(&error)))?;
        JsFuture::from(text)
            .await
            .map_err(|error| failed(describe(&error)))?
            .as_string()
            .ok_or_else(|| failed("not text".into()))
    }
}

/// The response a fetch gave, once it has arrived, or what went wrong: the browser's words,
/// or the HTTP status of an answer that is no file.
pub async fn arrived(fetch: js_sys::Promise) -> Result<web_sys::Response, String> {
    let response: web_sys::Response = JsFuture::from(fetch)
        .await
        .map_err(|error| describe(&error))?
        .unchecked_into();
    if response.ok() {
        Ok(response)
    } else {
        Err(format!("HTTP {}", response.status()))
    }
}

/// What the browser says of a failure (a fetch's TypeError says `Failed to fetch`).
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "failed".into())
}
