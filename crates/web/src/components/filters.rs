//! The filter bar: search, status, responsibility, guideline clause, unanswered only. Every
//! change hands a whole new `ItemFilter` to the reducer; matching is the engine's.

use tekigo_core::filter::ItemFilter;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{GuidelineId, Responsibility, Status};
use yew::prelude::*;

use crate::components::{input_value, select_value};
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct FilterProps {
    pub filter: ItemFilter,
    pub lang: Lang,
    pub shown: usize,
    pub total: usize,
    /// The guidelines this catalog implements or cites: the only ones worth offering.
    pub guidelines: Vec<GuidelineId>,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn FilterBar(props: &FilterProps) -> Html {
    let lang = props.lang;
    let change = |update: fn(&mut ItemFilter, String)| {
        let filter = props.filter.clone();
        let dispatch = props.dispatch.clone();
        move |value: String| {
            let mut next = filter.clone();
            update(&mut next, value);
            dispatch.emit(EditorAction::SetFilter(next));
        }
    };
    let on_query = {
        let apply = change(|filter, value| filter.query = value);
        Callback::from(move |event: InputEvent| apply(input_value(&event)))
    };
    let on_status = {
        let apply = change(|filter, value| {
            filter.statuses = Status::ALL
                .into_iter()
                .filter(|status| format!("{status:?}") == value)
                .collect()
        });
        Callback::from(move |event: Event| apply(select_value(&event)))
    };
    let on_responsibility = {
        let apply = change(|filter, value| {
            filter.responsibility = match value.as_str() {
                "" => None,
                "none" => Some(None),
                name => Responsibility::ALL
                    .into_iter()
                    .find(|r| format!("{r:?}") == name)
                    .map(Some),
            }
        });
        Callback::from(move |event: Event| apply(select_value(&event)))
    };
    let on_guideline = {
        let apply = change(|filter, value| {
            filter.guideline = GuidelineId::ALL
                .into_iter()
                .find(|g| format!("{g:?}") == value)
        });
        Callback::from(move |event: Event| apply(select_value(&event)))
    };
    let on_clause = {
        let apply = change(|filter, value| filter.clause = value);
        Callback::from(move |event: InputEvent| apply(input_value(&event)))
    };
    let on_unanswered = {
        let apply = change(|filter, value| filter.unanswered_only = value == "true");
        Callback::from(move |event: Event| {
            let checked = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|input| input.checked());
            apply(checked.to_string())
        })
    };
    let clear = props
        .dispatch
        .reform(|_| EditorAction::SetFilter(ItemFilter::default()));
    let filter = &props.filter;
    let selected_status = filter
        .statuses
        .first()
        .map(|s| format!("{s:?}"))
        .unwrap_or_default();
    let selected_responsibility = match filter.responsibility {
        None => String::new(),
        Some(None) => "none".to_owned(),
        Some(Some(r)) => format!("{r:?}"),
    };
    let selected_guideline = filter
        .guideline
        .map(|g| format!("{g:?}"))
        .unwrap_or_default();
    html! {
        <div class="filters panel" role="search">
            <div class="field search-field">
                <label for="search">{ Text::Search.label(lang) }</label>
                <input id="search" type="search" value={filter.query.clone()} oninput={on_query}
                       placeholder={Text::SearchPlaceholder.label(lang)} autocomplete="off" />
            </div>
            { choice("filter-status", Text::Status, lang, on_status, &selected_status,
                Status::ALL.iter().map(|s| (format!("{s:?}"), s.label(lang))).collect()) }
            { choice("filter-responsibility", Text::Responsibility, lang, on_responsibility, &selected_responsibility,
                Responsibility::ALL.iter().map(|r| (format!("{r:?}"), r.label(lang)))
                    .chain([("none".to_owned(), Text::NotAssigned.label(lang))]).collect()) }
            { choice("filter-guideline", Text::Guideline, lang, on_guideline, &selected_guideline,
                props.guidelines.iter().map(|g| (format!("{g:?}"), g.label(lang))).collect()) }
            <div class="field">
                <label for="filter-clause">{ Text::Clause.label(lang) }</label>
                <input id="filter-clause" type="text" value={filter.clause.clone()} oninput={on_clause}
                       placeholder={Text::ClausePlaceholder.label(lang)} />
            </div>
            <div class="field checkbox">
                <input id="filter-unanswered" type="checkbox" checked={filter.unanswered_only} onchange={on_unanswered} />
                <label for="filter-unanswered">{ Text::UnansweredOnly.label(lang) }</label>
            </div>
            <button onclick={clear}>{ Text::ClearFilters.label(lang) }</button>
            <p class="match-count" aria-live="polite">
                <span id="shown-count">{ props.shown }</span>{ format!(" / {} {}", props.total, Text::Items.label(lang)) }
            </p>
        </div>
    }
}

/// A labelled select whose first option, "all", has the empty value.
fn choice(
    id: &'static str,
    label: Text,
    lang: Lang,
    onchange: Callback<Event>,
    selected: &str,
    options: Vec<(String, &'static str)>,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{ label.label(lang) }</label>
            <select {id} {onchange}>
                <option value="" selected={selected.is_empty()}>{ Text::All.label(lang) }</option>
                { for options.into_iter().map(|(value, text)| {
                    let chosen = selected == value;
                    html! { <option selected={chosen} {value}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}
