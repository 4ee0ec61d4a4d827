//! Saving every change as it happens, without piling up writes: while one save is in
//! flight, newer changes wait and only the newest is written next. A save the browser
//! refuses (storage full, blocked) is kept aside ([`unsaved`]) and tried again every few
//! seconds with the newest state, so the edits reach storage as soon as it takes them again;
//! the screen says they are unsaved meanwhile. Retrying stops when the editor closes: the
//! copy kept aside is picked up when the assessment is opened again, by a new saver.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use tekigo_core::i18n::{Lang, Localized, Text};

use super::storage::{save_assessment, SaveError};
use super::unsaved;

/// How long to wait before trying a refused save again.
const RETRY_MS: u32 = 4_000;

/// What a save ended in.
pub enum Outcome {
    /// Stored, up to and including this edit.
    Saved(u64),
    /// Another tab stored a newer version; this tab stops saving.
    Conflict,
    /// Another tab deleted the assessment; this tab stops saving.
    Gone,
    /// Not stored, for this reason and with whether a copy was kept aside (both languages);
    /// it will be tried again.
    Failed { ja: String, en: String },
}

#[derive(Default)]
struct Inner {
    revision: u32,
    in_flight: bool,
    pending: Option<(String, u64)>,
    /// The last save was refused: newer edits are kept aside as they come.
    refused: bool,
    /// The editor closed: refused saves are not tried again.
    stopped: bool,
}

/// One assessment's saver; clones share it.
#[derive(Clone, Default)]
pub struct Autosave {
    inner: Rc<RefCell<Inner>>,
}

impl Autosave {
    /// A saver for a record last read or written at `revision` (0: not stored yet).
    pub fn new(revision: u32) -> Self {
        let saver = Autosave::default();
        saver.inner.borrow_mut().revision = revision;
        saver
    }

    /// The stored revision is now `revision` (another tab saved it, or it is to be stored
    /// anew after a deletion: 0).
    pub fn set_revision(&self, revision: u32) {
        self.inner.borrow_mut().revision = revision;
    }

    /// Stops trying refused saves again (the editor closed); a save in flight still ends.
    pub fn stop(&self) {
        self.inner.borrow_mut().stopped = true;
    }

    /// Writes `json`, the state after edit number `edit`, now or after the save in flight.
    /// `report` hears how each write ended.
    pub fn save(&self, id: String, json: String, edit: u64, report: impl Fn(Outcome) + 'static) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.in_flight {
                if inner.refused {
                    unsaved::keep(&id, inner.revision, &json);
                }
                inner.pending = Some((json, edit));
                return;
            }
            inner.in_flight = true;
        }
        let inner = self.inner.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (mut json, mut edit) = (json, edit);
            loop {
                let expected = inner.borrow().revision;
                match save_assessment(&id, expected, json.clone()).await {
                    Ok(revision) => {
                        let mut state = inner.borrow_mut();
                        state.revision = revision;
                        state.refused = false;
                        drop(state);
                        unsaved::forget(&id);
                        report(Outcome::Saved(edit));
                    }
                    Err(stop @ (SaveError::Conflict | SaveError::Gone)) => {
                        let mut state = inner.borrow_mut();
                        state.in_flight = false;
                        state.pending = None;
                        drop(state);
                        report(if stop == SaveError::Conflict {
                            Outcome::Conflict
                        } else {
                            Outcome::Gone
                        });
                        return;
                    }
                    Err(SaveError::Failed(problem)) => {
                        // What is kept aside and tried again is the newest state.
                        let newer = {
                            let mut state = inner.borrow_mut();
                            state.refused = true;
                            state.pending.take()
                        };
                        if let Some((newer, newer_edit)) = newer {
                            (json, edit) = (newer, newer_edit);
                        }
                        let (ja, en) = problem.message();
                        let aside = if unsaved::keep(&id, expected, &json) {
                            Text::KeptAside
                        } else {
                            Text::NotKeptAside
                        };
                        report(Outcome::Failed {
                            ja: format!("{ja} {}", aside.label(Lang::Ja)),
                            en: format!("{en} {}", aside.label(Lang::En)),
                        });
                        TimeoutFuture::new(RETRY_MS).await;
                        if inner.borrow().stopped {
                            inner.borrow_mut().in_flight = false;
                            return;
                        }
                        let newer = inner.borrow_mut().pending.take();
                        if let Some((newer, newer_edit)) = newer {
                            (json, edit) = (newer, newer_edit);
                        }
                        continue;
                    }
                }
                let next = inner.borrow_mut().pending.take();
                match next {
                    Some((newer, newer_edit)) => (json, edit) = (newer, newer_edit),
                    None => {
                        inner.borrow_mut().in_flight = false;
                        return;
                    }
                }
            }
        });
    }
}
