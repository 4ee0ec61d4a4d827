//! The filter bar, shared by the item list and the table: search, status (the catalog's own
//! scale), party and the quick toggles (未回答のみ, 要対応あり) in one row; disclosure, guideline
//! clause, 未確認のみ and — for the table, which has no group tree — the group behind
//! 「その他の条件」, which says how many of them are set and starts open when any is;
//! 「条件をクリア」 while any condition is set. Every change hands a whole new `ItemFilter` to
//! the reducer; matching is the engine's.

use tekigo_core::filter::ItemFilter;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{Catalog, DisclosureLevel, Party};
use yew::prelude::*;

use crate::components::{checked_value, input_value, select_value};
use crate::ids::use_ids;
use crate::shared::Shared;
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct FilterProps {
    pub filter: ItemFilter,
    pub catalog: Shared<Catalog>,
    pub parties: Vec<Party>,
    pub lang: Lang,
    pub shown: usize,
    /// Whether any answer came from elsewhere, which makes 「未確認のみ」 worth offering.
    pub has_unconfirmed: bool,
    /// Whether to offer the group as a select (where no group tree is shown).
    #[prop_or_default]
    pub group_select: bool,
    pub dispatch: Callback<EditorAction>,
}

/// The value of "not set" in the party and disclosure selects.
const NONE: &str = "-";

/// How many of the conditions behind 「その他の条件」 are set.
fn secondary_count(filter: &ItemFilter, group_select: bool) -> usize {
    [
        filter.disclosure.is_some(),
        filter.guideline.is_some(),
        !filter.clause.trim().is_empty(),
        filter.awaiting_confirmation,
        group_select && filter.group.is_some(),
    ]
    .into_iter()
    .filter(|set| *set)
    .count()
}

#[component]
pub fn FilterBar(props: &FilterProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let secondary = secondary_count(&props.filter, props.group_select);
    let more_open = use_state(|| secondary > 0);
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_| more_open.set(!*more_open))
    };
    let change = |update: fn(&mut ItemFilter, String)| {
        let filter = props.filter.clone();
        let dispatch = props.dispatch.clone();
        move |value: String| {
            let mut next = filter.clone();
            update(&mut next, value);
            dispatch.emit(EditorAction::SetFilter(next));
        }
    };
    let on_text = |update: fn(&mut ItemFilter, String)| {
        let apply = change(update);
        Callback::from(move |event: InputEvent| apply(input_value(&event)))
    };
    let on_select = |update: fn(&mut ItemFilter, String)| {
        let apply = change(update);
        Callback::from(move |event: Event| apply(select_value(&event)))
    };
    let on_toggle = |update: fn(&mut ItemFilter, String)| {
        let apply = change(update);
        Callback::from(move |event: Event| apply(checked_value(&event).to_string()))
    };
    let filter = &props.filter;
    let scale = props.catalog.scale();
    let status_value = match filter.statuses.first() {
        None => String::new(),
        Some(None) => NONE.to_owned(),
        Some(Some(id)) => id.clone(),
    };
    let party_value = match &filter.party {
        None => String::new(),
        Some(None) => NONE.to_owned(),
        Some(Some(id)) => id.clone(),
    };
    let disclosure_value = match filter.disclosure {
        None => String::new(),
        Some(None) => NONE.to_owned(),
        Some(Some(DisclosureLevel::Public)) => "public".to_owned(),
        Some(Some(DisclosureLevel::Nda)) => "nda".to_owned(),
    };
    let guidelines = props.catalog.all_guidelines();
    let toggle = |name: &str, checked: bool, text: Text, onchange: Callback<Event>| {
        let id = ids.of(name);
        html! {
            <div class="field checkbox">
                <input id={id.clone()} type="checkbox" {checked} {onchange} />
                <label for={id}>{ text.label(lang) }</label>
            </div>
        }
    };
    let more_id = ids.of("filter-more");
    let more_label = if secondary > 0 {
        format!("{} ({secondary})", Text::MoreFilters.label(lang))
    } else {
        Text::MoreFilters.label(lang).to_owned()
    };
    let groups: Vec<(String, String)> = if props.group_select {
        props
            .catalog
            .groups_in_tree_order()
            .into_iter()
            .map(|index| &props.catalog.groups[index])
            .map(|group| {
                let depth = props.catalog.group_path(&group.id).len().saturating_sub(1);
                let indent = "\u{3000}".repeat(depth);
                (group.id.clone(), format!("{indent}{}", group.title))
            })
            .collect()
    } else {
        Vec::new()
    };
    html! {
        <div class="filters panel" role="search">
            <div class="filter-row">
                <div class="field search-field">
                    <label for={ids.of("search")}>{ Text::Search.label(lang) }</label>
                    <input id={ids.of("search")} type="search" value={filter.query.clone()}
                           oninput={on_text(|f, v| f.query = v)}
                           placeholder={Text::SearchPlaceholder.label(lang)} autocomplete="off" />
                </div>
                { select(&ids.of("filter-status"), Text::Status, lang, on_select(|f, v| {
                    f.statuses = match v.as_str() { "" => Vec::new(), NONE => vec![None], id => vec![Some(id.to_owned())] }
                  }), &status_value,
                  scale.choices.iter().map(|c| (c.id.clone(), c.label.get(lang).to_owned()))
                      .chain([(NONE.to_owned(), Text::Unanswered.label(lang).to_owned())]).collect()) }
                { select(&ids.of("filter-party"), Text::Responsibility, lang, on_select(|f, v| {
                    f.party = match v.as_str() { "" => None, NONE => Some(None), id => Some(Some(id.to_owned())) }
                  }), &party_value,
                  props.parties.iter().map(|p| (p.id.clone(), p.label(lang)))
                      .chain([(NONE.to_owned(), Text::NotAssigned.label(lang).to_owned())]).collect()) }
                { toggle("filter-unanswered", filter.unanswered_only, Text::UnansweredOnly, on_toggle(|f, v| f.unanswered_only = v == "true")) }
                { toggle("filter-todo", filter.hospital_action, Text::NeedsHospitalAction, on_toggle(|f, v| f.hospital_action = v == "true")) }
                <button class="more-filters" aria-expanded={more_open.to_string()} aria-controls={more_id.clone()}
                        onclick={toggle_more}>{ more_label }</button>
                if *filter != ItemFilter::default() {
                    <button onclick={props.dispatch.reform(|_| EditorAction::SetFilter(ItemFilter::default()))}>
                        { Text::ClearFilters.label(lang) }
                    </button>
                }
                <p class="match-count" aria-live="polite">
                    <span class="shown-count">{ props.shown }</span>{ format!(" / {} {}", props.catalog.items.len(), Text::Items.label(lang)) }
                </p>
            </div>
            <div class="filter-row filter-more" id={more_id} hidden={!*more_open}>
                if props.group_select {
                    { select(&ids.of("filter-group"), Text::ChooseGroup, lang, on_select(|f, v| {
                        f.group = (!v.is_empty()).then_some(v)
                      }), filter.group.as_deref().unwrap_or_default(), groups) }
                }
                { select(&ids.of("filter-disclosure"), Text::Disclosure, lang, on_select(|f, v| {
                    f.disclosure = match v.as_str() {
                        "" => None, "public" => Some(Some(DisclosureLevel::Public)),
                        "nda" => Some(Some(DisclosureLevel::Nda)), _ => Some(None),
                    }
                  }), &disclosure_value,
                  vec![("public".to_owned(), DisclosureLevel::Public.label(lang).to_owned()),
                       ("nda".to_owned(), DisclosureLevel::Nda.label(lang).to_owned()),
                       (NONE.to_owned(), Text::Unset.label(lang).to_owned())]) }
                if guidelines.len() > 1 || !props.catalog.items.iter().all(|i| i.references.is_empty()) {
                    { select(&ids.of("filter-guideline"), Text::Guideline, lang, on_select(|f, v| {
                        f.guideline = (!v.is_empty()).then_some(v)
                      }), filter.guideline.as_deref().unwrap_or_default(),
                      guidelines.iter().map(|g| (g.id.clone(), g.short.get(lang).to_owned())).collect()) }
                    <div class="field">
                        <label for={ids.of("filter-clause")}>{ Text::Clause.label(lang) }</label>
                        <input id={ids.of("filter-clause")} type="text" value={filter.clause.clone()}
                               oninput={on_text(|f, v| f.clause = v)} placeholder={Text::ClausePlaceholder.label(lang)} />
                    </div>
                }
                if props.has_unconfirmed || filter.awaiting_confirmation {
                    { toggle("filter-unconfirmed", filter.awaiting_confirmation, Text::UnconfirmedOnly, on_toggle(|f, v| f.awaiting_confirmation = v == "true")) }
                }
            </div>
        </div>
    }
}

/// A labelled select whose first option, "all", has the empty value.
fn select(
    id: &str,
    label: Text,
    lang: Lang,
    onchange: Callback<Event>,
    selected: &str,
    options: Vec<(String, String)>,
) -> Html {
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label.label(lang) }</label>
            <select id={id.to_owned()} {onchange}>
                <option value="" selected={selected.is_empty()}>{ Text::All.label(lang) }</option>
                { for options.into_iter().map(|(value, text)| {
                    let chosen = selected == value;
                    html! { <option selected={chosen} {value}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}
