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
            <div class="field">
                <label for="filter-status">{ Text::Status.label(lang) }</label>
                <select id="filter-status" onchange={on_status}>
                    <option value="" selected={selected_status.is_empty()}>{ Text::All.label(lang) }</option>
                    { for Status::ALL.iter().map(|status| {
                        let value = format!("{status:?}");
                        let chosen = selected_status == value;
                        html! { <option selected={chosen} {value}>{ status.label(lang) }</option> }
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-responsibility">{ Text::Responsibility.label(lang) }</label>
                <select id="filter-responsibility" onchange={on_responsibility}>
                    <option value="" selected={selected_responsibility.is_empty()}>{ Text::All.label(lang) }</option>
                    { for Responsibility::ALL.iter().map(|r| {
                        let value = format!("{r:?}");
                        let chosen = selected_responsibility == value;
                        html! { <option selected={chosen} {value}>{ r.label(lang) }</option> }
                    }) }
                    <option value="none" selected={selected_responsibility == "none"}>{ Text::NotAssigned.label(lang) }</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-guideline">{ Text::Guideline.label(lang) }</label>
                <select id="filter-guideline" onchange={on_guideline}>
                    <option value="" selected={selected_guideline.is_empty()}>{ Text::All.label(lang) }</option>
                    { for GuidelineId::ALL.iter().map(|g| {
                        let value = format!("{g:?}");
                        let chosen = selected_guideline == value;
                        html! { <option selected={chosen} {value}>{ g.label(lang) }</option> }
                    }) }
                </select>
            </div>
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
