//! Edits that IndexedDB refused (storage full, blocked), kept aside in localStorage so that
//! closing the page does not lose them: written when a save is refused, removed once a save of
//! that assessment succeeds or it is deleted, and offered again when the list is read. Chromium
//! counts localStorage apart from IndexedDB's quota, so it often still takes a copy when
//! IndexedDB is full; when it does not, the editor says so.

use super::local_storage;

const PREFIX: &str = "tekigo.unsaved.";

/// An assessment's edits that did not reach IndexedDB.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptCopy {
    /// The stored revision these edits were made on.
    pub revision: u32,
    /// The assessment with the edits, as the engine's JSON.
    pub json: String,
}

/// Keeps `json`, edits on top of stored revision `revision`, aside; whether it was kept.
pub fn keep(id: &str, revision: u32, json: &str) -> bool {
    local_storage().is_some_and(|storage| {
        storage
            .set_item(&format!("{PREFIX}{id}"), &format!("{revision}\n{json}"))
            .is_ok()
    })
}

/// Drops the copy kept aside for `id`, once its edits are stored or it is deleted.
pub fn forget(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{id}"));
    }
}

/// The copy kept aside for `id`, if there is one.
pub fn kept(id: &str) -> Option<KeptCopy> {
    let text = local_storage()?
        .get_item(&format!("{PREFIX}{id}"))
        .ok()
        .flatten()?;
    let (revision, json) = text.split_once('\n')?;
    Some(KeptCopy {
        revision: revision.parse().ok()?,
        json: json.to_owned(),
    })
}
