//! Telling tabs apart. The tab that opens an assessment first edits it and holds a Web Lock
//! named after it; a later tab finds the lock taken, only reads, follows the editing tab's
//! saves, and takes over when that tab lets go (closes, or opens something else). A deletion
//! is announced to every tab, so the editing one can keep its copy. Where Web Locks are
//! missing, a BroadcastChannel claim gives the read-only half of this.
//!
//! Every message names the editor it comes from (`tab`, a fresh id per opened editor), and
//! an editor ignores its own: a tab that re-read its own save would replace what was typed
//! since with the older stored version.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "tekigo-tabs";

/// What another tab did to the assessment this tab has open.
#[derive(Debug, Clone, PartialEq)]
pub enum TabEvent {
    /// This tab holds it: it edits and saves.
    Acquired,
    /// Another tab edits it; this one must only read.
    HeldElsewhere,
    /// The other tab let go: this one may edit now.
    Released,
    /// The other tab stored a new revision.
    Saved,
    /// Another tab deleted it.
    Deleted,
}

/// This tab's claim on one assessment, released when dropped.
pub struct Claim {
    channel: BroadcastChannel,
    assessment: String,
    tab: String,
    /// Resolving it ends the lock callback's promise, which releases the lock.
    release: Rc<RefCell<Option<Function>>>,
    /// Aborts a lock request still waiting.
    abort: Option<web_sys::AbortController>,
    _listener: Closure<dyn FnMut(MessageEvent)>,
    _callbacks: Vec<Closure<dyn FnMut(JsValue) -> JsValue>>,
}

fn message(kind: &str, assessment: &str, tab: &str) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"kind".into(), &kind.into());
    let _ = Reflect::set(&object, &"assessment".into(), &assessment.into());
    let _ = Reflect::set(&object, &"tab".into(), &tab.into());
    object.into()
}

fn field(data: &JsValue, key: &str) -> String {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

fn lock_name(assessment: &str) -> String {
    format!("tekigo-assessment-{assessment}")
}

/// `navigator.locks`, where the browser has it.
fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|locks| !locks.is_undefined() && !locks.is_null())
}

/// Announces that the editor `tab` opens `assessment`; `on_event` hears whether this tab
/// holds it, and what other tabs do to it.
pub fn claim(assessment: &str, tab: &str, on_event: Rc<dyn Fn(TabEvent)>) -> Option<Claim> {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        // No way to hear of other tabs: this one edits.
        on_event(TabEvent::Acquired);
        return None;
    };
    let tab = tab.to_owned();
    let with_locks = locks().is_some();
    let (mine, me, reply_channel, heard) = (
        assessment.to_owned(),
        tab.clone(),
        channel.clone(),
        on_event.clone(),
    );
    let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if field(&data, "assessment") != mine || field(&data, "tab") == me {
            return;
        }
        match field(&data, "kind").as_str() {
            "saved" => heard(TabEvent::Saved),
            "deleted" => heard(TabEvent::Deleted),
            // Without locks: someone else opens what we have, tell them it is taken.
            "claim" if !with_locks => {
                let _ = reply_channel.post_message(&message("held", &mine, &me));
            }
            "held" if !with_locks => heard(TabEvent::HeldElsewhere),
            _ => {}
        }
    });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    let release = Rc::new(RefCell::new(None));
    let mut callbacks = Vec::new();
    let abort = match locks() {
        Some(locks) => Some(request_lock(
            &locks,
            assessment,
            on_event,
            &release,
            &mut callbacks,
        )),
        None => {
            // Edits until a tab that had it first answers "held".
            let _ = channel.post_message(&message("claim", assessment, &tab));
            on_event(TabEvent::Acquired);
            None
        }
    };
    Some(Claim {
        channel,
        assessment: assessment.to_owned(),
        tab,
        release,
        abort,
        _listener: listener,
        _callbacks: callbacks,
    })
}

/// Asks for the assessment's lock at once; if another tab has it, says so and waits for it.
fn request_lock(
    locks: &JsValue,
    assessment: &str,
    on_event: Rc<dyn Fn(TabEvent)>,
    release: &Rc<RefCell<Option<Function>>>,
    callbacks: &mut Vec<Closure<dyn FnMut(JsValue) -> JsValue>>,
) -> web_sys::AbortController {
    let request: Function = Reflect::get(locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .expect("navigator.locks.request");
    let name = JsValue::from_str(&lock_name(assessment));
    let abort = web_sys::AbortController::new().expect("AbortController");
    // Holding: the callback's promise stays pending until the claim is dropped.
    let hold = {
        let release = release.clone();
        move || -> JsValue {
            let release = release.clone();
            Promise::new(&mut |resolve, _| *release.borrow_mut() = Some(resolve)).into()
        }
    };
    let waited = {
        let hold = hold.clone();
        let on_event = on_event.clone();
        Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_lock: JsValue| {
            on_event(TabEvent::Released);
            hold()
        })
    };
    let wait_options = Object::new();
    let _ = Reflect::set(&wait_options, &"signal".into(), &abort.signal());
    let (locks_wait, name_wait, waited_fn) = (
        locks.clone(),
        name.clone(),
        waited.as_ref().unchecked_ref::<Function>().clone(),
    );
    let request_wait = request.clone();
    let first = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |lock: JsValue| {
        if lock.is_null() {
            on_event(TabEvent::HeldElsewhere);
            // A waiting request that the claim's drop aborts: its rejection is expected.
            if let Ok(promise) =
                request_wait.call3(&locks_wait, &name_wait, &wait_options, &waited_fn)
            {
                if let Ok(promise) = promise.dyn_into::<Promise>() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = JsFuture::from(promise).await;
                    });
                }
            }
            JsValue::UNDEFINED
        } else {
            on_event(TabEvent::Acquired);
            hold()
        }
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &true.into());
    let _ = request.call3(locks, &name, &options, first.as_ref().unchecked_ref());
    callbacks.push(first);
    callbacks.push(waited);
    abort
}

/// Tells the other tabs that the editor `tab` stored a new revision of `assessment`.
pub fn announce_saved(assessment: &str, tab: &str) {
    announce("saved", assessment, tab);
}

/// Tells every editor of `assessment` that it is deleted.
pub fn announce_deleted(assessment: &str) {
    announce("deleted", assessment, "");
}

fn announce(kind: &str, assessment: &str, tab: &str) {
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&message(kind, assessment, tab));
        channel.close();
    }
}

/// Whether another tab has `assessment` open for editing (false where locks are missing).
pub async fn open_elsewhere(assessment: &str) -> bool {
    let Some(locks) = locks() else {
        return false;
    };
    let Some(query) = Reflect::get(&locks, &"query".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let Ok(promise) = query.call0(&locks).and_then(|p| p.dyn_into::<Promise>()) else {
        return false;
    };
    let Ok(snapshot) = JsFuture::from(promise).await else {
        return false;
    };
    let held: js_sys::Array = Reflect::get(&snapshot, &"held".into())
        .ok()
        .and_then(|held| held.dyn_into().ok())
        .unwrap_or_default();
    let name = lock_name(assessment);
    held.iter().any(|lock| field(&lock, "name") == name)
}

impl Drop for Claim {
    fn drop(&mut self) {
        if let Some(release) = self.release.borrow_mut().take() {
            let _ = release.call0(&JsValue::NULL);
        }
        if let Some(abort) = &self.abort {
            abort.abort();
        }
        let _ = self
            .channel
            .post_message(&message("release", &self.assessment, &self.tab));
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
