//! The items: one compact row each (id, verbatim text with search hits marked, status
//! buttons), and the details of the selected item. Rows are memoized components, so a
//! keystroke re-renders only rows whose props changed. Keyboard: ↑↓ or j/k move, 1–5 and 0
//! set the status, Enter opens the details.

use std::ops::Range;

use tekigo_core::filter::SearchIndex;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::search::query_terms;
use tekigo_core::{Answer, Assessment, Catalog, Status};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::item_details::ItemDetails;
use crate::shared::Shared;
use crate::state::EditorAction;

/// The statuses a person sets, in key order 1–5.
const SETTABLE: [Status; 5] = [
    Status::Compliant,
    Status::Capable,
    Status::Partial,
    Status::NotMet,
    Status::NotApplicable,
];

#[derive(Properties, PartialEq)]
pub struct ItemListProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub visible: Shared<Vec<usize>>,
    pub selected: Option<usize>,
    pub expanded: bool,
    pub query: String,
    pub index: Shared<SearchIndex>,
    pub lang: Lang,
    pub read_only: bool,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn ItemList(props: &ItemListProps) -> Html {
    let list = use_node_ref();
    let moved_by_keyboard = use_mut_ref(|| false);
    {
        let list = list.clone();
        let moved = moved_by_keyboard.clone();
        use_effect_with(props.selected, move |selected| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let (Some(position), Some(list)) = (selected, list.cast::<web_sys::Element>()) {
                    if let Ok(Some(row)) =
                        list.query_selector(&format!("[data-position=\"{position}\"]"))
                    {
                        if let Some(row) = row.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = row.focus();
                        }
                    }
                }
            }
        });
    }
    // Keys act on the row that has the focus.
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let catalog = props.catalog.clone();
        let selected = props.selected;
        let expanded = props.expanded;
        let moved = moved_by_keyboard.clone();
        Callback::from(move |event: KeyboardEvent| {
            let focused_row = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .filter(|element| element.class_list().contains("item-select"))
                .and_then(|element| element.get_attribute("data-position"))
                .and_then(|position| position.parse::<usize>().ok());
            let Some(position) = focused_row else {
                return;
            };
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let item = catalog.items.get(position).map(|item| item.id.clone());
            let action = match event.key().as_str() {
                "ArrowDown" | "j" => Some(EditorAction::Move(position, 1)),
                "ArrowUp" | "k" => Some(EditorAction::Move(position, -1)),
                "n" => Some(EditorAction::NextUnanswered(position)),
                "Escape" if expanded && selected == Some(position) => {
                    Some(EditorAction::Open(position))
                }
                "0" => item.map(|item| EditorAction::SetStatus(item, Status::Unanswered)),
                key @ ("1" | "2" | "3" | "4" | "5") => {
                    let index = key.parse::<usize>().unwrap_or(1) - 1;
                    item.map(|item| EditorAction::SetStatus(item, SETTABLE[index]))
                }
                _ => None,
            };
            if let Some(action) = action {
                event.prevent_default();
                *moved.borrow_mut() = matches!(
                    action,
                    EditorAction::Move(..) | EditorAction::NextUnanswered(_)
                );
                dispatch.emit(action);
            }
        })
    };
    let lang = props.lang;
    let terms = query_terms(&props.query);
    if props.visible.is_empty() {
        return html! { <p class="panel muted">{ Text::NoMatches.label(lang) }</p> };
    }
    html! {
        <>
            <p class="keyboard-help muted" id="keyboard-help">{ Text::KeyboardHelp.label(lang) }</p>
            <ul class="items" ref={list} {onkeydown}>
                { for props.visible.iter().map(|&position| {
                    let item = &props.catalog.items[position];
                    let selected = props.selected == Some(position);
                    let answer = props.assessment.answers.get(&item.id).cloned();
                    let highlights = props.index.text_highlights(&props.catalog, position, &terms);
                    html! {
                        <ItemRow key={item.id.clone()} catalog={props.catalog.clone()} {position}
                                 answer={answer.clone()} {selected} expanded={selected && props.expanded}
                                 {highlights} {lang} read_only={props.read_only}
                                 dispatch={props.dispatch.clone()}>
                            if selected && props.expanded {
                                <ItemDetails catalog={props.catalog.clone()} {position} {answer}
                                             documents={props.assessment.documents.clone()} {lang}
                                             read_only={props.read_only} dispatch={props.dispatch.clone()} />
                            }
                        </ItemRow>
                    }
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    pub catalog: Shared<Catalog>,
    pub position: usize,
    pub answer: Option<Answer>,
    pub selected: bool,
    pub expanded: bool,
    /// Where the search terms occur in the item text.
    pub highlights: Vec<Range<usize>>,
    pub lang: Lang,
    pub read_only: bool,
    pub dispatch: Callback<EditorAction>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let item = &props.catalog.items[props.position];
    let lang = props.lang;
    let status = props.answer.as_ref().map(|a| a.status).unwrap_or_default();
    let position = props.position;
    let open = props.dispatch.reform(move |_| EditorAction::Open(position));
    let label = item.label.clone().unwrap_or_default();
    html! {
        <li class={classes!("item", format!("status-{status:?}").to_lowercase(), props.selected.then_some("selected"))}>
            <div class="item-row">
                <button class="item-select" data-position={position.to_string()}
                        tabindex={ if props.selected { "0" } else { "-1" } }
                        aria-expanded={props.expanded.to_string()} aria-describedby="keyboard-help"
                        onclick={open}>
                    <span class="item-id">{ &item.id }</span>
                    <span class="item-text">{ marked(&item.text, &props.highlights) }</span>
                    if !label.is_empty() && !item.text.starts_with(&label) {
                        <span class="muted">{ label }</span>
                    }
                </button>
                <div class="status-buttons" role="group" aria-label={format!("{} {}", Text::Status.label(lang), item.id)}>
                    <span class={classes!("status-badge", format!("badge-{status:?}").to_lowercase())}>{ status.label(lang) }</span>
                    { for SETTABLE.iter().enumerate().map(|(index, choice)| {
                        let choice = *choice;
                        let id = item.id.clone();
                        let set = props.dispatch.reform(move |_| EditorAction::SetStatus(id.clone(), choice));
                        html! {
                            <button class={classes!("status-button", format!("choice-{choice:?}").to_lowercase())}
                                    aria-pressed={(status == choice).to_string()} disabled={props.read_only}
                                    title={format!("{} ({})", choice.label(lang), index + 1)} onclick={set}>
                                { choice.label(lang) }
                            </button>
                        }
                    }) }
                </div>
            </div>
            { props.children.clone() }
        </li>
    }
}

/// The text with every search hit in a `<mark>`.
fn marked(text: &str, ranges: &[Range<usize>]) -> Html {
    if ranges.is_empty() {
        return html! { text };
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges.iter().cloned() {
        parts.push(html! { &text[at..range.start] });
        parts.push(html! { <mark>{ &text[range.clone()] }</mark> });
        at = range.end;
    }
    parts.push(html! { &text[at..] });
    html! { <>{ for parts }</> }
}
