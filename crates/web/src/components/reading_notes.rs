//! The assessment's own notes, under its subject: how the file it came from was read as a
//! whole (a sheet's column that matched no field and was left behind, how a source without a
//! rating column was rated), so that nothing an import left out goes unsaid.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::AnswerNote;
use yew::prelude::*;

use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct ReadingNotesProps {
    pub notes: Vec<AnswerNote>,
    pub lang: Lang,
}

#[component]
pub fn ReadingNotes(props: &ReadingNotesProps) -> Html {
    let heading = use_ids().of("reading-notes");
    if props.notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="reading-notes" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ Text::ReadingNotes.label(props.lang) }</h3>
            <ul>
                { for props.notes.iter().map(|note| html! { <li>{ note.text(props.lang) }</li> }) }
            </ul>
        </section>
    }
}
