//! Reading a file the user picked, and offering bytes as a download. The browser gives no
//! useful reason when it refuses either, so the callers say what it means in words.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser refused to read a file or to offer a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused;

/// The file picked in the file input an event came from, if any.
pub fn picked(event: &web_sys::Event) -> Option<web_sys::File> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// The bytes of a picked file.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, Refused> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Refused)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser save `bytes` as `file_name`.
pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), Refused> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| Refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| Refused)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(Refused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| Refused)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(|_| Refused)
}
