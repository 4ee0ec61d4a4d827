//! Small components: they take `PartialEq` props, render, and emit callbacks. No business
//! logic and no I/O here.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Subject;
use wasm_bindgen::JsCast;
use yew::{Event, InputEvent};

pub mod about;
pub mod analysis;
pub mod dashboard;
pub mod details;
pub mod documents;
pub mod editor;
pub mod export_menu;
pub mod filters;
pub mod group_tree;
pub mod header;
pub mod import_catalog;
pub mod import_sheet;
pub mod item_list;
pub mod notice;
pub mod offer;
pub mod publish;
pub mod reading_notes;
pub mod report;
pub mod save_file_button;
pub mod start;
pub mod subject;
pub mod table_view;
pub mod widget_kit;

/// An assessment's title as every screen shows it (`Subject::title`), or 「(無題)」.
pub fn title_of(subject: &Subject, lang: Lang) -> String {
    shown_title(subject.title(), lang)
}

/// A title as shown, 「(無題)」 when it is empty.
pub fn shown_title(title: &str, lang: Lang) -> String {
    match title {
        "" => Text::Untitled.label(lang).to_owned(),
        title => title.to_owned(),
    }
}

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

/// The value of the select or input a change event came from.
pub fn select_value(event: &Event) -> String {
    let target = event.target();
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        .or_else(|| {
            target
                .as_ref()
                .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        })
        .unwrap_or_default()
}

/// Whether the checkbox a change event came from is checked.
pub fn checked_value(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}
