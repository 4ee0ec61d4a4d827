//! A date typed as a person writes it (2026年4月1日, 2026/4/1, 2026-04-01), shown in the
//! interface's language and stored as ISO 8601. Text that is not a date stays in the field
//! with a message, so nothing typed is lost.

use tekigo_core::dates::{display_date, Date};
use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

use crate::components::{input_value, select_value};

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: String,
    pub label: String,
    /// Whether the label is for screen readers only (in a table cell, the heading names it).
    #[prop_or_default]
    pub label_hidden: bool,
    /// The stored value: ISO 8601, or empty.
    pub value: String,
    pub lang: Lang,
    pub read_only: bool,
    /// The new ISO date, or empty to clear.
    pub on_change: Callback<String>,
}

#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let lang = props.lang;
    // What was typed and not (yet) a date.
    let draft = use_state(|| None::<String>);
    let rejected = use_state(|| false);
    let shown = draft
        .as_ref()
        .cloned()
        .unwrap_or_else(|| display_date(&props.value, lang));
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| draft.set(Some(input_value(&event))))
    };
    let onchange = {
        let draft = draft.clone();
        let rejected = rejected.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let typed = select_value(&event);
            let parsed = Date::parse_loose(&typed);
            rejected.set(parsed.is_none() && !typed.trim().is_empty());
            if typed.trim().is_empty() {
                draft.set(None);
                on_change.emit(String::new());
            } else if let Some(date) = parsed {
                draft.set(None);
                on_change.emit(date.iso());
            } else {
                draft.set(Some(typed));
            }
        })
    };
    let invalid = *rejected;
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="field">
            <label for={props.id.clone()} class={classes!(props.label_hidden.then_some("visually-hidden"))}>{ &props.label }</label>
            <input id={props.id.clone()} type="text" inputmode="numeric" value={shown} {oninput} {onchange}
                   readonly={props.read_only} placeholder={Text::DatePlaceholder.label(lang)}
                   aria-invalid={invalid.to_string()} aria-describedby={hint_id.clone()} />
            if invalid {
                <span class="field-error" id={hint_id}>{ Text::NotADate.label(lang) }</span>
            }
        </div>
    }
}
