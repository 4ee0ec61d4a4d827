//! The assessment's own notes, with its subject: how the file it came from was read as a
//! whole (a sheet's column that matched no field and was left behind, how a source without a
//! rating column was rated), so that nothing an import left out goes unsaid. Notes that say
//! something was left out stand above the items; the others go in 評価の概要, folded with it,
//! so that on a phone the first item stays on the first screen. A person who has dealt with a
//! note (copied the column by hand, say) removes it, as a note on one item's answer
//! ([`note_entries`], shown with the answer).

use tekigo_core::assessment::SHEET_COLUMN_NOTE;
use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::AnswerNote;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct ReadingNotesProps {
    pub notes: Vec<AnswerNote>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
}

/// Whether a note says something of the file was left out, and so must be seen at once.
pub fn says_left_out(notes: &[AnswerNote]) -> bool {
    notes.iter().any(|note| note.field == SHEET_COLUMN_NOTE)
}

#[component]
pub fn ReadingNotes(props: &ReadingNotesProps) -> Html {
    let heading = use_ids().of("reading-notes");
    if props.notes.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    html! {
        <section class={classes!("reading-notes", says_left_out(&props.notes).then_some("left-out"))} aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ Text::ReadingNotes.label(lang) }</h3>
            <ul>
                { note_entries(&props.notes, None, lang, props.read_only, &props.on_edit) }
            </ul>
        </section>
    }
}

/// The notes as list entries, each with 「対応済みにして消す」 unless read only: the
/// assessment's own (`item` None) or those on one item's answer.
pub fn note_entries(
    notes: &[AnswerNote],
    item: Option<&str>,
    lang: Lang,
    read_only: bool,
    on_edit: &Callback<Edit>,
) -> Html {
    notes
        .iter()
        .enumerate()
        .map(|(position, note)| {
            let edit = match item {
                Some(item) => Edit::RemoveItemNote {
                    item: item.to_owned(),
                    note: note.clone(),
                },
                None => Edit::RemoveNote { note: note.clone() },
            };
            let remove = on_edit.reform(move |event: MouseEvent| {
                keep_focus_near(&event);
                edit.clone()
            });
            html! {
                <li key={position}>
                    { note.text(lang) }
                    if !read_only {
                        { " " }
                        <button class="note-done" onclick={remove}>{ Text::NoteDealtWith.label(lang) }</button>
                    }
                </li>
            }
        })
        .collect()
}

/// Keeps the focus among the notes as one is removed. The entries are keyed by position, so
/// the clicked entry's button stays where it is and shows the next note; the last entry's
/// goes, and the focus moves to the one before it, or, with none left, to the item.
fn keep_focus_near(event: &MouseEvent) {
    let Some(entry) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest("li").ok().flatten())
    else {
        return;
    };
    if entry.next_element_sibling().is_some() {
        return;
    }
    let before = entry
        .previous_element_sibling()
        .and_then(|previous| previous.query_selector("button.note-done").ok().flatten());
    let item = || {
        entry
            .closest("li.item")
            .ok()
            .flatten()
            .and_then(|item| item.query_selector(".item-select").ok().flatten())
    };
    if let Some(next) = before
        .or_else(item)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = next.focus();
    }
}
