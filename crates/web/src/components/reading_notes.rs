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
        .map(|note| {
            let edit = match item {
                Some(item) => Edit::RemoveItemNote {
                    item: item.to_owned(),
                    note: note.clone(),
                },
                None => Edit::RemoveNote { note: note.clone() },
            };
            let remove = on_edit.reform(move |_| edit.clone());
            html! {
                <li>
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
