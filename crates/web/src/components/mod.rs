//! Small components: they take `PartialEq` props, render, and emit callbacks. No business
//! logic and no I/O here.

use wasm_bindgen::JsCast;
use yew::{Event, InputEvent};

pub mod dashboard;
pub mod documents;
pub mod editor;
pub mod filters;
pub mod group_tree;
pub mod item_details;
pub mod item_list;
pub mod notice;
pub mod start;
pub mod subject;

/// The value of the input, select or textarea an event came from.
pub fn input_value(event: &InputEvent) -> String {
    let target = event.target();
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        .or_else(|| {
            target.as_ref().and_then(|t| {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|a| a.value())
            })
        })
        .unwrap_or_default()
}

/// The value of the select a change event came from.
pub fn select_value(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}
