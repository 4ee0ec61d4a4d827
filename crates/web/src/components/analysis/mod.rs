//! 分析: the assessment seen through what the engine works out — the applicability questions
//! and what each "no" excluded, the risk matrix and the open actions by risk, coverage per
//! guideline clause and of the requirements of linked catalogs, who claims what with the
//! layers it stands on (and a layer from a published file), answers carried from a linked
//! catalog, and what changed against another file or a kept version. Every figure comes from
//! `tekigo_core` (applicability, risk, coverage, inheritance, diff).

use tekigo_core::applicability::excluded_items;
use tekigo_core::coverage::{by_clause, through_crosswalks};
use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::inheritance::{claims, layer_of_party};
use tekigo_core::risk::{matrix, open_actions, Level};
use tekigo_core::{Assessment, Catalog, Outcome, PartyRole};
use yew::prelude::*;

use crate::browser::files;
use crate::components::notice::Notice;
use crate::ids::use_ids;
use crate::library::Library;
use crate::shared::Shared;

mod carry;
mod changes;
mod layer_file;
mod versions;

use carry::CarryAnswers;
use changes::Changes;
use layer_file::LayerFromFile;

#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
    /// Shows an item (by catalog position) in the list.
    pub on_jump: Callback<usize>,
    /// Counts the versions stored when the assessment was written to a file.
    pub versions_stored: u32,
}

#[component]
pub fn Analysis(props: &AnalysisProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let library = use_context::<Library>().unwrap_or_default();
    let section = |name: &str, title: Text, body: Html| {
        let id = ids.of(name);
        html! {
            <section class="panel analysis-section" aria-labelledby={id.clone()}>
                <h3 id={id}>{ title.label(lang) }</h3>
                { body }
            </section>
        }
    };
    html! {
        <div class="analysis">
            { section("profile-heading", Text::ProfileHeading, profile(props, &library, &ids)) }
            { section("risk-heading", Text::RiskHeading, risk(props)) }
            { section("coverage-heading", Text::CoverageHeading, coverage(props, &library)) }
            { section("claims-heading", Text::ClaimsHeading, responsibility(props)) }
            { section("changes-heading", Text::ChangesHeading, html! { <Changes catalog={props.catalog.clone()} assessment={props.assessment.clone()} {lang} versions_stored={props.versions_stored} /> }) }
        </div>
    }
}

/// Item ids as buttons that show the item.
fn item_links(props: &AnalysisProps, items: &[&str]) -> Html {
    html! {
        <span class="item-links">
            { for items.iter().enumerate().map(|(index, id)| {
                let separator = if index > 0 { ", " } else { "" };
                let position = props.catalog.items.iter().position(|item| item.id == *id);
                match position {
                    Some(position) => {
                        let jump = props.on_jump.reform(move |_| position);
                        html! { <>{ separator }<button class="link" onclick={jump}>{ *id }</button></> }
                    }
                    None => html! { <span>{ format!("{separator}{id}") }</span> },
                }
            }) }
        </span>
    }
}

fn profile(props: &AnalysisProps, library: &Library, ids: &crate::ids::IdPrefix) -> Html {
    let lang = props.lang;
    let Some(profile) = library.profile(&props.catalog.id) else {
        return html! { <p class="muted">{ Text::NoProfile.label(lang) }</p> };
    };
    html! {
        <ul class="profile">
            { for profile.questions.iter().map(|question| {
                let current = props.assessment.profile.get(&question.id).copied();
                let choice = |value: Option<bool>, text: Text| {
                    let edit = Edit::AnswerQuestion { question: question.clone(), answer: value };
                    let onchange = props.on_edit.reform(move |_| edit.clone());
                    let id = ids.of(&format!("question-{}-{value:?}", question.id));
                    html! {
                        <span class="profile-choice">
                            <input type="radio" id={id.clone()} name={ids.of(&format!("question-{}", question.id))}
                                   checked={current == value} {onchange} disabled={props.read_only} />
                            <label for={id}>{ text.label(lang) }</label>
                        </span>
                    }
                };
                let excluded = excluded_items(&props.assessment, &question.id);
                html! {
                    <li>
                        <p class="question">{ question.label.get(lang) }</p>
                        { choice(Some(true), Text::Yes) }
                        { choice(Some(false), Text::No) }
                        { choice(None, Text::NotAnswered) }
                        if !excluded.is_empty() {
                            <p class="muted">{ Text::ExcludedByThis.label(lang) }{ " " }{ item_links(props, &excluded) }</p>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn risk(props: &AnalysisProps) -> Html {
    let lang = props.lang;
    let cells = matrix(&props.catalog, &props.assessment);
    let actions = open_actions(&props.catalog, &props.assessment);
    html! {
        <>
            <table class="risk-matrix">
                <caption>{ Text::RiskMatrixCaption.label(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ format!("{} \u{FF3C} {}", Text::Likelihood.label(lang), Text::Impact.label(lang)) }</th>
                        { for Level::ALL.iter().map(|impact| html! { <th scope="col">{ impact.label(lang) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for Level::ALL.iter().rev().map(|likelihood| html! {
                        <tr>
                            <th scope="row">{ likelihood.label(lang) }</th>
                            { for Level::ALL.iter().map(|impact| {
                                let level = tekigo_core::risk::risk_level(*likelihood, *impact);
                                let count = cells[*likelihood as usize][*impact as usize];
                                html! { <td class={classes!("risk-cell", format!("risk-{}", level.id()))}>{ count }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <h4>{ Text::OpenActions.label(lang) }</h4>
            if actions.is_empty() {
                <p class="muted">{ Text::NoOpenActions.label(lang) }</p>
            } else {
                <ol class="open-actions">
                    { for actions.iter().map(|action| {
                        let jump = props.on_jump.reform({ let position = action.position; move |_| position });
                        let owners: Vec<String> = action.owners.iter()
                            .map(|id| props.assessment.party(id).map_or_else(|| id.clone(), |p| p.label(lang))).collect();
                        html! {
                            <li>
                                <button class="link" onclick={jump}>{ &action.item }</button>
                                { format!(" {} ・ {} {} ・ {} {} ・ {} {}",
                                    action.outcome.label(lang),
                                    Text::RiskLevel.label(lang),
                                    action.risk.map_or(Text::Unset.label(lang).to_owned(), |r| r.level().label(lang).to_owned()),
                                    Text::Responsibility.label(lang),
                                    if owners.is_empty() { Text::NotAssigned.label(lang).to_owned() } else { owners.join("・") },
                                    Text::DueDate.label(lang),
                                    action.due_date.as_deref().map_or(Text::Unset.label(lang).to_owned(), |d| tekigo_core::dates::display_date(d, lang))) }
                            </li>
                        }
                    }) }
                </ol>
            }
        </>
    }
}

fn coverage(props: &AnalysisProps, library: &Library) -> Html {
    let lang = props.lang;
    let clauses = by_clause(&props.catalog, &props.assessment);
    let crosswalks: Vec<_> = library.crosswalks.iter().map(|c| &**c).collect();
    let linked: Vec<Html> = library
        .catalogs
        .iter()
        .filter(|other| other.id != props.catalog.id)
        .filter_map(|other| {
            let coverage = through_crosswalks(&props.catalog, &props.assessment, &crosswalks, other);
            let reached = coverage.iter().filter(|c| !c.links.is_empty()).count();
            // A requirement reached through a link the texts confirm, or through numbers only.
            let confirmed = coverage
                .iter()
                .filter(|c| c.links.iter().any(|(_, _, verified)| *verified))
                .count();
            (reached > 0).then(|| {
                let uncovered: Vec<&str> = coverage
                    .iter()
                    .filter(|c| c.links.is_empty())
                    .map(|c| c.item.as_str())
                    .collect();
                html! {
                    <p class="linked-coverage">
                        { format!("{}: {} {}/{} ({} {}・{} {}) ・ {} {}", other.title, Text::LinkedReached.label(lang), reached, other.items.len(),
                            Text::LinkVerified.label(lang), confirmed, Text::LinkByNumberOnly.label(lang), reached - confirmed,
                            Text::LinkedUncovered.label(lang), uncovered.join(", ")) }
                    </p>
                }
            })
        })
        .collect();
    html! {
        <>
            { for linked }
            <CarryAnswers catalog={props.catalog.clone()} assessment={props.assessment.clone()} {lang}
                          read_only={props.read_only} on_edit={props.on_edit.clone()} />
            <table class="coverage">
                <thead><tr>
                    <th scope="col">{ Text::Guideline.label(lang) }</th>
                    <th scope="col">{ Text::Clause.label(lang) }</th>
                    <th scope="col">{ Text::CoveringItems.label(lang) }</th>
                    { for Outcome::ALL.iter().map(|outcome| html! { <th scope="col">{ outcome.label(lang) }</th> }) }
                    <th scope="col">{ Text::Unanswered.label(lang) }</th>
                </tr></thead>
                <tbody>
                    { for clauses.iter().map(|clause| {
                        let guideline = props.catalog.guideline(&clause.guideline).map_or(clause.guideline.as_str(), |g| g.short.get(lang));
                        let items: Vec<&str> = clause.items.iter().map(|(id, _)| id.as_str()).collect();
                        html! {
                            <tr>
                                <td>{ guideline }</td>
                                <td>{ format!("{} {}", clause.section, clause.title.clone().unwrap_or_default()) }</td>
                                <td>{ item_links(props, &items) }</td>
                                { for Outcome::ALL.iter().map(|outcome| html! { <td class="number">{ clause.count(Some(*outcome)) }</td> }) }
                                <td class="number">{ clause.count(None) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn responsibility(props: &AnalysisProps) -> Html {
    let lang = props.lang;
    let split = claims(&props.catalog, &props.assessment);
    let attachable: Vec<Html> = props
        .assessment
        .parties
        .iter()
        .filter(|party| party.role == PartyRole::Iaas)
        .filter(|party| {
            !props
                .assessment
                .layers
                .iter()
                .any(|layer| layer.party == party.id)
        })
        .filter(|party| {
            props
                .assessment
                .answers
                .values()
                .any(|a| a.parties.contains(&party.id))
        })
        .map(|party| {
            let edit = Edit::AttachLayer {
                layer: layer_of_party(&props.assessment, &party.id),
                party: party.clone(),
            };
            let attach = props.on_edit.reform(move |_| edit.clone());
            html! {
                <button onclick={attach} disabled={props.read_only}>
                    { format!("{}: {}", Text::AttachLayer.label(lang), party.label(lang)) }
                </button>
            }
        })
        .collect();
    html! {
        <>
            <ul class="claims">
                { for split.held.iter().map(|(party, items)| {
                    let name = props.assessment.party(party).map_or_else(|| party.clone(), |p| p.label(lang));
                    html! { <li>{ format!("{name}: {} {}", items.len(), Text::Items.label(lang)) }</li> }
                }) }
                <li>{ format!("{}: {} {}", Text::Inherited.label(lang), split.inherited.len(), Text::Items.label(lang)) }</li>
                <li class="unclaimed">{ format!("{}: {} {}", Text::Unclaimed.label(lang), split.unclaimed.len(), Text::Items.label(lang)) }</li>
            </ul>
            { for props.assessment.layers.iter().map(|layer| {
                let party = props.assessment.party(&layer.party);
                let name = party.map_or_else(|| layer.party.clone(), |p| p.label(lang));
                // The source's title, where it says more than the party's name.
                let title = &layer.source.title;
                let source = if title.is_empty() || party.is_some_and(|p| &p.name == title) {
                    String::new()
                } else {
                    format!(" ({title})")
                };
                let items: Vec<&str> = layer.covers.keys().map(String::as_str).collect();
                let detach = props.on_edit.reform({ let party = layer.party.clone(); move |_| Edit::DetachLayer { party: party.clone() } });
                html! {
                    <div class="layer">
                        <p>{ format!("{} {name}{source}: {} {}", Text::LayerOf.label(lang), items.len(), Text::Items.label(lang)) }
                            { " " }<button onclick={detach} disabled={props.read_only}>{ Text::Remove.label(lang) }</button></p>
                        <details><summary>{ Text::InheritedItems.label(lang) }</summary>{ item_links(props, &items) }</details>
                    </div>
                }
            }) }
            { for attachable }
            <LayerFromFile catalog={props.catalog.clone()} assessment={props.assessment.clone()} {lang}
                           read_only={props.read_only} on_edit={props.on_edit.clone()} />
        </>
    }
}

/// Reads the file picked in `event`'s input and hands `then` its name and its bytes, or why
/// the browser would not read it.
fn read_picked(event: &Event, then: impl FnOnce(String, Result<Vec<u8>, Notice>) + 'static) {
    let Some(file) = files::picked(event) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = files::read_bytes(&file)
            .await
            .map_err(|files::Refused| Notice::error_text(Text::FileReadFailed));
        then(file.name(), bytes);
    });
}

/// A message in the language shown, with the other beneath it.
fn said(notice: &Notice, lang: Lang) -> Html {
    let (primary, secondary) = match lang {
        Lang::Ja => (&notice.ja, &notice.en),
        Lang::En => (&notice.en, &notice.ja),
    };
    html! {
        <div class={classes!("said", if notice.error { "field-error" } else { "said-done" })}
             role={ if notice.error { "alert" } else { "status" } }>
            <p>{ primary }</p>
            <p class="said-secondary">{ secondary }</p>
        </div>
    }
}
