//! Saving every change as it happens, without piling up writes: while one save is in
//! flight, newer changes wait and only the newest is written next. A save the browser
//! refuses (storage full, blocked) is tried again every few seconds with the newest state, so
//! the edits reach storage as soon as it takes them again; the screen says they are unsaved
//! meanwhile.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;

use super::storage::{save_assessment, SaveError};

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
    /// Not stored, for this reason (both languages); it will be tried again.
    Failed { ja: String, en: String },
}

#[derive(Default)]
struct Inner {
    revision: u32,
    in_flight: bool,
    pending: Option<(String, u64)>,
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

    /// Writes `json`, the state after edit number `edit`, now or after the save in flight.
    /// `report` hears how each write ended.
    pub fn save(&self, id: String, json: String, edit: u64, report: impl Fn(Outcome) + 'static) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.in_flight {
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
                        inner.borrow_mut().revision = revision;
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
                        let (ja, en) = problem.message();
                        report(Outcome::Failed { ja, en });
                        TimeoutFuture::new(RETRY_MS).await;
                        // Try again with the newest state, which may be this one.
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
