//! 引き継ぎ: carrying the answers of an assessment of a linked catalog — one stored in this
//! browser, or a file — to the items the crosswalk links them to. The engine reads the file
//! (`open::open_answers_of`), proposes (`coverage::carry_proposals`), counts
//! (`coverage::carried`) and applies (`Edit::Carry`); this shows how many would come before
//! anything changes.

use std::rc::Rc;

use tekigo_core::coverage::{carried, carry_proposals};
use tekigo_core::crosswalk::{linked_catalogs, Crosswalk};
use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::open::open_answers_of;
use tekigo_core::{load_assessment, Assessment, Catalog};
use yew::prelude::*;

use super::{read_picked, said};
use crate::browser::clock::local_minutes;
use crate::browser::storage;
use crate::components::notice::Notice;
use crate::components::select_value;
use crate::components::title_of;
use crate::ids::use_ids;
use crate::library::Library;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct CarryProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
}

/// An assessment answers can be carried from, and what a person knows it by.
#[derive(Clone, PartialEq)]
struct Source {
    name: String,
    assessment: Shared<Assessment>,
}

#[component]
pub fn CarryAnswers(props: &CarryProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let library = use_context::<Library>().unwrap_or_default();
    let crosswalks: Vec<&Crosswalk> = library.crosswalks.iter().map(|c| &**c).collect();
    let linked: Vec<Shared<Catalog>> = linked_catalogs(&crosswalks, &props.catalog.id)
        .into_iter()
        .filter_map(|id| library.catalog(id))
        .collect();
    let stored = use_state(Vec::<Source>::new);
    let chosen = use_state(|| None::<Result<Source, Notice>>);
    // The assessments stored here that are of a linked catalog.
    {
        let (stored, linked, here) = (stored.clone(), linked.clone(), props.assessment.id.clone());
        use_effect_with(here, move |here| {
            let here = here.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (records, _) = storage::assessments().await.unwrap_or_default();
                let sources = records
                    .iter()
                    .filter(|record| record.id != here)
                    .filter_map(|record| load_assessment(record.json.as_bytes()).ok())
                    .filter_map(|assessment| {
                        let catalog = linked.iter().find(|c| c.id == assessment.catalog.id)?;
                        let product = title_of(&assessment.subject, lang);
                        Some(Source {
                            name: format!(
                                "{product} ({}, {})",
                                catalog.title,
                                local_minutes(&assessment.updated_at, lang)
                            ),
                            assessment: Shared(Rc::new(assessment)),
                        })
                    })
                    .collect();
                stored.set(sources);
            });
        });
    }
    if linked.is_empty() {
        return html! {};
    }
    let on_stored = {
        let (stored, chosen) = (stored.clone(), chosen.clone());
        Callback::from(move |event: Event| {
            let source = select_value(&event)
                .parse::<usize>()
                .ok()
                .and_then(|index| stored.get(index).cloned());
            chosen.set(source.map(Ok));
        })
    };
    let on_file = {
        let (chosen, library, linked) = (chosen.clone(), library.clone(), linked.clone());
        Callback::from(move |event: Event| {
            let (chosen, library, linked) = (chosen.clone(), library.clone(), linked.clone());
            read_picked(&event, move |name, bytes| {
                let wanted: Vec<&Catalog> = linked.iter().map(|c| &**c).collect();
                let opened = bytes.and_then(|bytes| {
                    open_answers_of(&bytes, &library.catalog_refs(), &wanted)
                        .map(|(assessment, _)| assessment)
                        .map_err(|refusal| {
                            Notice::error(refusal.message(Lang::Ja), refusal.message(Lang::En))
                        })
                });
                chosen.set(Some(opened.map(|assessment| Source {
                    name,
                    assessment: Shared(Rc::new(assessment)),
                })));
            });
        })
    };
    let count = carried(&props.assessment);
    let offer = match &*chosen {
        None => html! {},
        Some(Err(notice)) => said(notice, lang),
        Some(Ok(source)) => {
            let proposals = library
                .catalog(&source.assessment.catalog.id)
                .map(|from| {
                    carry_proposals(
                        &from,
                        &source.assessment,
                        &crosswalks,
                        &props.catalog,
                        &props.assessment,
                    )
                })
                .unwrap_or_default();
            if proposals.is_empty() {
                html! { <p class="muted carry-count">{ Text::CarryNothing.label(lang) }</p> }
            } else {
                let apply = {
                    let (on_edit, chosen, source) =
                        (props.on_edit.clone(), chosen.clone(), source.clone());
                    let carries = proposals.clone();
                    Callback::from(move |_| {
                        on_edit.emit(Edit::Carry {
                            source: Box::new((*source.assessment).clone()),
                            carries: carries.clone(),
                        });
                        chosen.set(None);
                    })
                };
                let verified = proposals.iter().filter(|carry| carry.verified).count();
                let and = if lang == Lang::Ja { "、" } else { ", " };
                html! {
                    <p class="carry-count">
                        { format!("{}: {} {}", source.name, proposals.len(), Text::CarryWould.label(lang)) }
                        <span class="carry-links">
                            { format!(" ({}: {verified}{and}{}: {})", Text::CarryVerifiedLinks.label(lang),
                                Text::CarryNumberOnlyLinks.label(lang), proposals.len() - verified) }
                        </span>
                        { " " }
                        <button class="primary" onclick={apply} disabled={props.read_only}>{ Text::CarryApply.label(lang) }</button>
                    </p>
                }
            }
        }
    };
    let chosen_index = match &*chosen {
        Some(Ok(source)) => stored.iter().position(|s| *s == *source),
        _ => None,
    };
    let select_id = ids.of("carry-stored");
    html! {
        <div class="carry">
            <h4>{ Text::CarryHeading.label(lang) }</h4>
            if count.total > 0 {
                <p class="carried">{ format!("{}: {} ({} {})", Text::CarriedCount.label(lang), count.total,
                    Text::Unconfirmed.label(lang), count.unconfirmed) }</p>
            }
            if !stored.is_empty() {
                <div class="field">
                    <label for={select_id.clone()}>{ Text::CarryFromStored.label(lang) }</label>
                    <select id={select_id} onchange={on_stored} disabled={props.read_only}>
                        <option value="" selected={chosen_index.is_none()}>{ Text::CarryChoose.label(lang) }</option>
                        { for stored.iter().enumerate().map(|(index, source)| html! {
                            <option value={index.to_string()} selected={chosen_index == Some(index)}>{ &source.name }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="file-actions">
                <label class="file-button">
                    { if stored.is_empty() { Text::CarryFromFileAlone } else { Text::CarryFromFile }.label(lang) }
                    <input type="file" accept=".json,application/json" onchange={on_file} disabled={props.read_only} />
                </label>
            </div>
            { offer }
        </div>
    }
}
