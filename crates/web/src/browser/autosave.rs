//! Saving every change as it happens, without piling up writes: while one save is in
//! flight, newer changes wait and only the newest is written next.

use std::cell::RefCell;
use std::rc::Rc;

use super::storage::{save_assessment, SaveError};

/// What a save ended in.
pub enum Outcome {
    /// Stored, up to and including this edit.
    Saved(u64),
    Conflict,
    Failed(String),
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
                match save_assessment(&id, expected, json).await {
                    Ok(revision) => {
                        inner.borrow_mut().revision = revision;
                        report(Outcome::Saved(edit));
                    }
                    Err(SaveError::Conflict) => {
                        let mut state = inner.borrow_mut();
                        state.in_flight = false;
                        state.pending = None;
                        drop(state);
                        report(Outcome::Conflict);
                        return;
                    }
                    Err(SaveError::Failed(message)) => report(Outcome::Failed(message)),
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
