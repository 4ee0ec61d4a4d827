//! The vendor's answers item by item, under their groups, with a search that folds
//! 全角/半角 and ｶﾀｶﾅ like the app's (the engine's filter and index): per item the status, the
//! vendor's statement, the evidence (public documents as links, 要NDA said as such), who holds
//! it, and what the hospital must do.

use std::rc::Rc;

use tekigo_core::filter::{matching_items, ItemFilter, SearchIndex};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{Answer, Assessment, Catalog, DisclosureLevel, Outcome};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::load::Loaded;

#[derive(Properties, PartialEq)]
pub struct ItemsProps {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

#[component]
pub fn Items(props: &ItemsProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let todo_only = use_state(|| false);
    let index = use_memo(props.loaded.clone(), |_| SearchIndex::new());
    let Loaded {
        catalog,
        assessment,
    } = &*props.loaded;
    let filter = ItemFilter {
        query: (*query).clone(),
        hospital_action: *todo_only,
        ..ItemFilter::default()
    };
    let visible = matching_items(catalog, assessment, &index, &filter);
    let on_query = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                query.set(input.value());
            }
        })
    };
    let on_todo = {
        let todo_only = todo_only.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                todo_only.set(input.checked());
            }
        })
    };
    let mut last_group: Option<&str> = None;
    let mut rows: Vec<Html> = Vec::new();
    for &position in &visible {
        let item = &catalog.items[position];
        if last_group != Some(item.group.as_str()) {
            last_group = Some(&item.group);
            let path: Vec<&str> = catalog
                .group_path(&item.group)
                .iter()
                .map(|group| group.title.as_str())
                .collect();
            rows.push(html! { <li class="tk-group" key={format!("g-{position}")}>{ path.join(" › ") }</li> });
        }
        rows.push(item_row(catalog, assessment, position, lang));
    }
    html! {
        <section class="tk-items" part="items">
            <div class="tk-search" part="search" role="search">
                <label>
                    <span>{ Text::Search.label(lang) }</span>
                    <input type="search" value={(*query).clone()} oninput={on_query}
                           placeholder={Text::SearchPlaceholder.label(lang)} />
                </label>
                <label class="tk-toggle">
                    <input type="checkbox" checked={*todo_only} onchange={on_todo} />
                    <span>{ Text::NeedsHospitalAction.label(lang) }</span>
                </label>
                <span class="tk-count" aria-live="polite">
                    { format!("{} / {} {}", visible.len(), catalog.items.len(), Text::Items.label(lang)) }
                </span>
            </div>
            if visible.is_empty() {
                <p class="tk-message">{ Text::NoMatches.label(lang) }</p>
            } else {
                <ol class="tk-list">{ for rows }</ol>
            }
        </section>
    }
}

fn outcome_class(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Met) => "tk-met",
        Some(Outcome::Partial) => "tk-partial",
        Some(Outcome::NotMet) => "tk-not-met",
        Some(Outcome::Excluded) => "tk-excluded",
        None => "tk-none",
    }
}

fn item_row(catalog: &Catalog, assessment: &Assessment, position: usize, lang: Lang) -> Html {
    let item = &catalog.items[position];
    let answer = assessment.answers.get(&item.id);
    let scale = catalog.scale();
    let status = answer.and_then(|a| a.status.as_deref());
    let badge = match status.and_then(|id| scale.choice(id)) {
        Some(choice) => choice.label.get(lang).to_owned(),
        None if answer.is_some_and(|a| !a.statement.trim().is_empty()) => {
            Text::StatedNotRated.label(lang).to_owned()
        }
        None => Text::Unanswered.label(lang).to_owned(),
    };
    html! {
        <li class={classes!("tk-item", outcome_class(scale.outcome(status)))} part="item" key={item.id.clone()}>
            <div class="tk-item-head">
                <span class="tk-id">{ &item.id }</span>
                <span class="tk-text">{ &item.text }</span>
                <span class={classes!("tk-status", outcome_class(scale.outcome(status)))} part="status">{ badge }</span>
            </div>
            if let Some(answer) = answer {
                { answer_body(assessment, answer, lang) }
            }
        </li>
    }
}

fn answer_body(assessment: &Assessment, answer: &Answer, lang: Lang) -> Html {
    let parties: Vec<String> = answer
        .parties
        .iter()
        .map(|id| {
            assessment
                .party(id)
                .map_or_else(|| id.clone(), |p| p.label(lang))
        })
        .collect();
    html! {
        <div class="tk-answer">
            if !parties.is_empty() {
                <p class="tk-parties"><span class="tk-label">{ Text::Responsibility.label(lang) }</span>{ parties.join("・") }</p>
            }
            if !answer.statement.is_empty() {
                <p class="tk-statement">{ &answer.statement }</p>
            }
            if !answer.evidence.is_empty() {
                <ul class="tk-evidence">
                    { for answer.evidence.iter().map(|evidence| {
                        let document = assessment.document(&evidence.document);
                        let title = document.map_or(evidence.document.as_str(), |d| d.title.as_str());
                        let nda = document.is_some_and(|d| d.disclosure == DisclosureLevel::Nda);
                        let link = document.map(|d| d.url.as_str()).filter(|url| url.starts_with("https://") || url.starts_with("http://"));
                        html! {
                            <li>
                                <span class="tk-label">{ Text::Evidence.label(lang) }</span>
                                if let Some(url) = link {
                                    <a href={url.to_owned()} target="_blank" rel="noopener noreferrer">{ title }</a>
                                } else {
                                    <span>{ title }</span>
                                }
                                { " " }<span>{ &evidence.location }</span>
                                if nda { { " " }<span class="tk-nda">{ DisclosureLevel::Nda.label(lang) }</span> }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !answer.hospital_actions.is_empty() {
                <p class="tk-action"><span class="tk-label">{ Text::HospitalActions.label(lang) }</span>{ &answer.hospital_actions }</p>
            }
            // How the answer was read from its source: a flag on the status is shown, the rest
            // folded.
            { for answer.notes.iter().filter(|note| note.field == "status").map(|note| html! {
                <p class="tk-flag">{ note.text(lang) }</p>
            }) }
            if answer.notes.iter().any(|note| note.field != "status") {
                <details class="tk-notes">
                    <summary>{ Text::SourceReading.label(lang) }</summary>
                    <ul>
                        { for answer.notes.iter().filter(|note| note.field != "status").map(|note| html! { <li>{ note.text(lang) }</li> }) }
                    </ul>
                </details>
            }
        </div>
    }
}
