//! Telling tabs apart: the tab that opens an assessment first edits it; a later tab that
//! opens the same assessment hears so on a BroadcastChannel and becomes read-only.

use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use super::clock::fresh_id;

const CHANNEL: &str = "tekigo-tabs";

/// This tab's claim on one assessment, released when dropped.
pub struct Claim {
    channel: BroadcastChannel,
    assessment: String,
    tab: String,
    _listener: Closure<dyn FnMut(MessageEvent)>,
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

/// Announces that this tab opens `assessment`. `on_held_elsewhere` runs if another tab
/// already has it open (this tab must then not write).
pub fn claim(assessment: &str, on_held_elsewhere: Rc<dyn Fn()>) -> Option<Claim> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let tab = fresh_id("tab");
    let (mine, me, reply_channel) = (assessment.to_owned(), tab.clone(), channel.clone());
    let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if field(&data, "assessment") != mine {
            return;
        }
        match field(&data, "kind").as_str() {
            // Someone else opens what we have: tell them it is taken.
            "claim" => {
                let _ = reply_channel.post_message(&message("held", &mine, &me));
            }
            "held" if field(&data, "tab") != me => on_held_elsewhere(),
            _ => {}
        }
    });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    let _ = channel.post_message(&message("claim", assessment, &tab));
    Some(Claim {
        channel,
        assessment: assessment.to_owned(),
        tab,
        _listener: listener,
    })
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = self
            .channel
            .post_message(&message("release", &self.assessment, &self.tab));
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
