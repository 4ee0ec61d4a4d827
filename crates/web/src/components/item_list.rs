//! The items: one compact row each (id, verbatim text with search hits marked, small labels
//! for who holds it, 要NDA, 要対応 and the evidence count, and the catalog's own status
//! choices), and the details of the selected item. Rows are memoized components, so a
//! keystroke re-renders only rows whose props changed. Keyboard: ↑↓ or j/k move, Home/End go
//! to the first and last item, 1–9 set the status, 0 clears it, n jumps to the next unanswered
//! item, Enter opens the details and Esc closes them. A long list is built in two steps: the
//! first rows at once, the rest once they are painted.

use std::ops::Range;

use tekigo_core::edit::Edit;
use tekigo_core::filter::SearchIndex;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::search::query_terms;
use tekigo_core::todo::for_hospital;
use tekigo_core::{Answer, Assessment, Catalog, DisclosureLevel, Outcome, ProvenanceKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::paint::after_next_paint;
use crate::components::details::ItemDetails;
use crate::ids::use_ids;
use crate::shared::Shared;
use crate::state::EditorAction;

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
    pub on_edit: Callback<Edit>,
    /// Asks to show the document register (from an evidence row with nothing to point to).
    pub on_documents: Callback<()>,
}

/// The CSS class of an outcome, for the row's colour mark (the status is always written out).
pub fn outcome_class(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Met) => "outcome-met",
        Some(Outcome::Partial) => "outcome-partial",
        Some(Outcome::NotMet) => "outcome-not-met",
        Some(Outcome::Excluded) => "outcome-excluded",
        None => "outcome-none",
    }
}

/// Rows built in the list's first frame; the rest follow once it is painted, so that a long
/// list is on screen, and its first rows usable, before all of it is built.
const FIRST_ROWS: usize = 40;

#[component]
pub fn ItemList(props: &ItemListProps) -> Html {
    let list = use_node_ref();
    let ids = use_ids();
    let drawn = use_state(|| FIRST_ROWS);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            let the_rest = after_next_paint(move || drawn.set(usize::MAX));
            move || drop(the_rest)
        });
    }
    let moved_by_keyboard = use_mut_ref(|| false);
    {
        let list = list.clone();
        let moved = moved_by_keyboard.clone();
        use_effect_with(props.selected, move |selected| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let (Some(position), Some(list)) = (selected, list.cast::<web_sys::Element>()) {
                    focus_row(&list, *position);
                }
            }
        });
    }
    // Keys act on the row that has the focus.
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let on_edit = props.on_edit.clone();
        let catalog = props.catalog.clone();
        let selected = props.selected;
        let expanded = props.expanded;
        let moved = moved_by_keyboard.clone();
        Callback::from(move |event: KeyboardEvent| {
            // The row's own button, or one of its status buttons (not the details under it):
            // the keys then act from that row, and End or ↓ take the focus along rather than
            // leaving it on a status button the screen has scrolled away from.
            let focused_row = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest(".item-row").ok().flatten())
                .and_then(|row| row.query_selector(".item-select").ok().flatten())
                .and_then(|element| element.get_attribute("data-position"))
                .and_then(|position| position.parse::<usize>().ok());
            let Some(position) = focused_row else {
                // Inside the open details, Esc alone acts: it closes them and takes the focus
                // back to the item (never while an input method is composing, where Esc
                // cancels the conversion: Safari says so only by key code 229). Every other
                // key is the field's.
                let composing = event.is_composing() || event.key_code() == IME_KEY_CODE;
                if event.key() != "Escape" || !expanded || composing {
                    return;
                }
                let item_button = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|element| element.closest("li.item").ok().flatten())
                    .and_then(|item| item.query_selector(".item-select").ok().flatten())
                    .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
                if let (Some(button), Some(position)) = (item_button, selected) {
                    event.prevent_default();
                    let _ = button.focus();
                    dispatch.emit(EditorAction::Open(position));
                }
                return;
            };
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let item = catalog.items.get(position).map(|item| item.id.clone());
            let status =
                |status: Option<String>| item.clone().map(|item| Edit::Status { item, status });
            let key = event.key();
            let (action, edit) = match key.as_str() {
                "ArrowDown" | "j" => (Some(EditorAction::Move(position, 1)), None),
                "ArrowUp" | "k" => (Some(EditorAction::Move(position, -1)), None),
                "Home" => (Some(EditorAction::Edge(false)), None),
                "End" => (Some(EditorAction::Edge(true)), None),
                "n" => (Some(EditorAction::NextUnanswered(position)), None),
                "Escape" if expanded && selected == Some(position) => {
                    (Some(EditorAction::Open(position)), None)
                }
                "0" => (None, status(None)),
                digit => {
                    let choice = digit
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=9).contains(n))
                        .and_then(|n| catalog.scale().choices.get(n - 1));
                    (None, choice.and_then(|c| status(Some(c.id.clone()))))
                }
            };
            if action.is_none() && edit.is_none() {
                return;
            }
            event.prevent_default();
            *moved.borrow_mut() = action.is_some();
            if let Some(action) = action {
                dispatch.emit(action);
            }
            if let Some(edit) = edit {
                on_edit.emit(edit);
            }
        })
    };
    let lang = props.lang;
    let terms = query_terms(&props.query);
    if props.visible.is_empty() {
        return html! { <p class="panel muted">{ Text::NoMatches.label(lang) }</p> };
    }
    // The first frame reaches the selected item, however far down: a jump from the table or
    // the dashboard focuses it.
    let selected_row = props
        .selected
        .and_then(|selected| props.visible.iter().position(|&p| p == selected));
    let drawn_now = selected_row.map_or(*drawn, |row| (*drawn).max(row + 1));
    let help_id = ids.of("keyboard-help");
    html! {
        <>
            <p class="keyboard-help muted" id={help_id.clone()}>{ keyboard_help(&props.catalog, lang) }</p>
            <ul class="items" ref={list} {onkeydown}>
                { for props.visible.iter().take(drawn_now).map(|&position| {
                    let item = &props.catalog.items[position];
                    let selected = props.selected == Some(position);
                    let answer = props.assessment.answers.get(&item.id).cloned();
                    let highlights = props.index.text_highlights(&props.catalog, position, &terms);
                    let chips = chips(&props.assessment, &item.id, answer.as_ref(), lang);
                    html! {
                        <ItemRow key={item.id.clone()} catalog={props.catalog.clone()} {position}
                                 answer={answer.clone()} {chips} {selected} expanded={selected && props.expanded}
                                 {highlights} {lang} read_only={props.read_only} help_id={help_id.clone()}
                                 dispatch={props.dispatch.clone()} on_edit={props.on_edit.clone()}>
                            if selected && props.expanded {
                                <ItemDetails catalog={props.catalog.clone()} assessment={props.assessment.clone()}
                                             {position} {lang} read_only={props.read_only}
                                             on_edit={props.on_edit.clone()} on_documents={props.on_documents.clone()} />
                            }
                        </ItemRow>
                    }
                }) }
            </ul>
        </>
    }
}

/// The key code of a key an input method took (Safari reports Esc ending a conversion so).
const IME_KEY_CODE: u32 = 229;

/// The keys the list answers to, with the digits of this catalog's own scale (1 はい・2 いいえ).
fn keyboard_help(catalog: &Catalog, lang: Lang) -> String {
    let separator = match lang {
        Lang::Ja => "・",
        Lang::En => ", ",
    };
    let digits: String = catalog
        .scale()
        .choices
        .iter()
        .take(9)
        .enumerate()
        .map(|(index, choice)| format!("{} {}{separator}", index + 1, choice.label.get(lang)))
        .collect();
    format!(
        "{}{digits}{}",
        Text::KeyboardHelp.label(lang),
        Text::KeyboardHelpRest.label(lang)
    )
}

/// Focuses the row button of the item at `position`, if it is shown.
pub fn focus_row(root: &web_sys::Element, position: usize) {
    if let Some(row) = row_button(root, position) {
        let _ = row.focus();
    }
}

/// Puts the focus on the row at `position` without scrolling to it: on opening, what the
/// page says above the list (a copy made, a file's warnings) stays in view.
pub fn focus_row_in_place(root: &web_sys::Element, position: usize) {
    if let Some(row) = row_button(root, position) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = row.focus_with_options(&options);
    }
}

/// The button of the row at `position`.
fn row_button(root: &web_sys::Element, position: usize) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!(".item-select[data-position=\"{position}\"]"))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// One small label on a row.
#[derive(Clone, PartialEq)]
pub struct Chip {
    pub text: String,
    pub class: &'static str,
}

/// What a row shows at a glance: the layers it is inherited from, who holds the item, 要NDA,
/// 要対応, the evidence count, and an answer that still awaits confirmation.
fn chips(assessment: &Assessment, item: &str, answer: Option<&Answer>, lang: Lang) -> Vec<Chip> {
    let party_name = |id: &String| {
        assessment
            .party(id)
            .map_or_else(|| id.clone(), |party| party.label(lang))
    };
    let layers: Vec<&String> = assessment
        .layers
        .iter()
        .filter(|layer| layer.covers.contains_key(item))
        .map(|layer| &layer.party)
        .collect();
    let mut chips: Vec<Chip> = layers
        .iter()
        .map(|party| Chip {
            text: format!("{}: {}", Text::Inherited.label(lang), party_name(party)),
            class: "chip-layer",
        })
        .collect();
    let Some(answer) = answer else {
        return chips;
    };
    // A party whose layer covers the item is named once, by the layer's chip.
    chips.extend(
        answer
            .parties
            .iter()
            .filter(|id| !layers.contains(id))
            .map(|id| Chip {
                text: party_name(id),
                class: "chip-party",
            }),
    );
    if answer.disclosure == Some(DisclosureLevel::Nda) {
        chips.push(Chip {
            text: DisclosureLevel::Nda.label(lang).to_owned(),
            class: "chip-nda",
        });
    }
    if for_hospital(assessment, answer) {
        chips.push(Chip {
            text: Text::ActionNeeded.label(lang).to_owned(),
            class: "chip-todo",
        });
    }
    let evidence = answer.evidence.iter().filter(|e| !e.is_blank()).count();
    if evidence > 0 {
        chips.push(Chip {
            text: format!("{} {evidence}", Text::Evidence.label(lang)),
            class: "chip-evidence",
        });
    }
    if answer.awaits_confirmation() {
        let carried = answer
            .provenance
            .as_ref()
            .is_some_and(|p| p.kind == ProvenanceKind::Inherited);
        let text = if carried {
            Text::InheritedUnconfirmed
        } else {
            Text::Unconfirmed
        };
        chips.push(Chip {
            text: text.label(lang).to_owned(),
            class: "chip-unconfirmed",
        });
    }
    chips
}

#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    pub catalog: Shared<Catalog>,
    pub position: usize,
    pub answer: Option<Answer>,
    pub chips: Vec<Chip>,
    pub selected: bool,
    pub expanded: bool,
    /// Where the search terms occur in the item text.
    pub highlights: Vec<Range<usize>>,
    pub lang: Lang,
    pub read_only: bool,
    pub help_id: String,
    pub dispatch: Callback<EditorAction>,
    pub on_edit: Callback<Edit>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let item = &props.catalog.items[props.position];
    let lang = props.lang;
    let scale = props.catalog.scale();
    let status = props.answer.as_ref().and_then(|a| a.status.clone());
    let outcome = scale.outcome(status.as_deref());
    let position = props.position;
    let open = props.dispatch.reform(move |_| EditorAction::Open(position));
    let label = item.label.clone().unwrap_or_default();
    let badge = match status.as_deref().and_then(|id| scale.choice(id)) {
        Some(choice) => choice.label.get(lang).to_owned(),
        None if props
            .answer
            .as_ref()
            .is_some_and(|a| !a.statement.trim().is_empty()) =>
        {
            Text::StatedNotRated.label(lang).to_owned()
        }
        None => Text::Unanswered.label(lang).to_owned(),
    };
    html! {
        <li class={classes!("item", outcome_class(outcome), props.selected.then_some("selected"), props.expanded.then_some("expanded"))}>
            <div class="item-row">
                <button class="item-select" data-position={position.to_string()}
                        tabindex={ if props.selected { "0" } else { "-1" } }
                        aria-expanded={props.expanded.to_string()} aria-describedby={props.help_id.clone()}
                        onclick={open}>
                    <span class="item-id">{ &item.id }</span>
                    <span class="item-text">{ marked(&item.text, &props.highlights) }</span>
                    if !label.is_empty() && !item.text.starts_with(&label) {
                        <span class="muted">{ label }</span>
                    }
                    if !props.chips.is_empty() {
                        <span class="chips">
                            { for props.chips.iter().map(|chip| html! { <span class={classes!("chip", chip.class)}>{ &chip.text }</span> }) }
                        </span>
                    }
                </button>
                <div class="status-buttons" role="group" aria-label={format!("{} {}", Text::Status.label(lang), item.id)}>
                    <span class={classes!("status-badge", outcome_class(outcome))}>{ badge }</span>
                    { for scale.choices.iter().enumerate().map(|(index, choice)| {
                        let edit = Edit::Status { item: item.id.clone(), status: Some(choice.id.clone()) };
                        let set = props.on_edit.reform(move |_| edit.clone());
                        let key = if index < 9 { format!(" ({})", index + 1) } else { String::new() };
                        let title = match &choice.description {
                            Some(description) => format!("{}{key}: {}", choice.label.get(lang), description.get(lang)),
                            None => format!("{}{key}", choice.label.get(lang)),
                        };
                        html! {
                            // Only the current row's choices are Tab stops, as its item is:
                            // Tab crosses the list in one row, not five stops per item.
                            <button class={classes!("status-button", outcome_class(Some(choice.outcome)))}
                                    tabindex={ if props.selected { "0" } else { "-1" } }
                                    aria-pressed={(status.as_deref() == Some(choice.id.as_str())).to_string()}
                                    disabled={props.read_only} {title} onclick={set}>
                                { choice.label.get(lang) }
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
