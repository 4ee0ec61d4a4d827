//! How much this browser stores for the app, and whether it keeps it: `navigator.storage`'s
//! estimate and persistence, asked for once there is work worth keeping. The browser decides
//! without asking the person in Chromium, and may refuse; the start screen says what that
//! means.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser says about the app's storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    /// Bytes in use.
    pub usage: f64,
    /// Bytes the browser allows at most.
    pub quota: f64,
    /// Whether the browser keeps the data even when disk space runs low.
    pub persisted: bool,
}

impl StorageUse {
    /// Whether the storage is close enough to its limit that the next saves may fail.
    pub fn nearly_full(&self) -> bool {
        self.quota > 0.0 && self.usage / self.quota > 0.8
    }
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing in old browsers and in insecure contexts.
    Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

fn number(object: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(object, &key.into()).ok()?.as_f64()
}

/// The storage in use, its limit, and whether it is persistent; `None` where the browser
/// does not say.
pub async fn storage_use() -> Option<StorageUse> {
    let manager = manager()?;
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let persisted = JsFuture::from(manager.persisted().ok()?).await.ok()?;
    Some(StorageUse {
        usage: number(&estimate, "usage")?,
        quota: number(&estimate, "quota")?,
        persisted: persisted.as_bool().unwrap_or(false),
    })
}

/// Asks the browser not to clear the app's data when disk space runs low.
pub fn ask_to_persist() {
    let Some(promise) = manager().and_then(|manager| manager.persist().ok()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // The answer shows on the start screen, which asks `persisted()` itself.
        let _ = JsFuture::from(promise).await;
    });
}
