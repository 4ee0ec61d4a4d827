//! The details of one item: what the catalog says (evidence examples, references, the METI
//! 2012 requirements the crosswalk links it to, notes on the source) and every field of the
//! answer.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{
    embedded, Answer, Catalog, DisclosureLevel, Document, EvidenceRef, Responsibility,
};
use yew::prelude::*;

use crate::components::{input_value, select_value};
use crate::shared::Shared;
use crate::state::{AnswerText, EditorAction};

#[derive(Properties, PartialEq)]
pub struct ItemDetailsProps {
    pub catalog: Shared<Catalog>,
    pub position: usize,
    pub answer: Option<Answer>,
    pub documents: Vec<Document>,
    pub lang: Lang,
    pub read_only: bool,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn ItemDetails(props: &ItemDetailsProps) -> Html {
    let lang = props.lang;
    let item = &props.catalog.items[props.position];
    let answer = props.answer.clone().unwrap_or_default();
    let id = item.id.clone();
    let field_id = |name: &str| format!("{name}-{}", item.id);
    let text_area = |field: AnswerText, text: Text, value: &str| {
        let id = id.clone();
        let oninput = props.dispatch.reform(move |event: InputEvent| {
            EditorAction::SetText(id.clone(), field, input_value(&event))
        });
        let element_id = field_id(&format!("{field:?}").to_lowercase());
        html! {
            <div class="field wide">
                <label for={element_id.clone()}>{ text.label(lang) }</label>
                <textarea id={element_id} value={value.to_owned()} {oninput} readonly={props.read_only} rows="3" />
            </div>
        }
    };
    let on_responsibility = {
        let id = id.clone();
        props.dispatch.reform(move |event: Event| {
            let value = select_value(&event);
            EditorAction::SetResponsibility(
                id.clone(),
                Responsibility::ALL
                    .into_iter()
                    .find(|r| format!("{r:?}") == value),
            )
        })
    };
    let on_disclosure = {
        let id = id.clone();
        props.dispatch.reform(move |event: Event| {
            let value = select_value(&event);
            EditorAction::SetDisclosure(
                id.clone(),
                [DisclosureLevel::Public, DisclosureLevel::Nda]
                    .into_iter()
                    .find(|d| format!("{d:?}") == value),
            )
        })
    };
    let add_evidence = {
        let id = id.clone();
        props
            .dispatch
            .reform(move |_| EditorAction::AddEvidence(id.clone()))
    };
    let (links_heading, links) = crosswalk_links(&props.catalog, &item.id);
    html! {
        <div class="details panel">
            if let Some(examples) = &item.evidence_examples {
                <div class="catalog-field">
                    <h4>{ Text::EvidenceExamples.label(lang) }</h4>
                    <p>{ examples }</p>
                </div>
            }
            if !item.references.is_empty() {
                <div class="catalog-field">
                    <h4>{ Text::References.label(lang) }</h4>
                    <ul class="references">
                        { for item.references.iter().map(|reference| html! {
                            <li><span class="chip">{ reference.guideline.label(lang) }</span>{ " " }{ &reference.raw }</li>
                        }) }
                    </ul>
                </div>
            }
            if !links.is_empty() {
                <div class="catalog-field">
                    <h4>{ links_heading.label(lang) }</h4>
                    <ul class="references">
                        { for links.iter().map(|(head, text)| html! { <li><span class="chip">{ head }</span>{ " " }{ text }</li> }) }
                    </ul>
                </div>
            }
            if !item.annotations.is_empty() {
                <div class="catalog-field">
                    <h4>{ Text::SourceNote.label(lang) }</h4>
                    <ul class="references">
                        { for item.annotations.iter().map(|note| html! {
                            <li>{ format!("「{}」→「{}」: {}", note.excerpt, note.intended, note.note) }</li>
                        }) }
                    </ul>
                </div>
            }
            <div class="answer-grid">
                <div class="field">
                    <label for={field_id("responsibility")}>{ Text::Responsibility.label(lang) }</label>
                    <select id={field_id("responsibility")} onchange={on_responsibility} disabled={props.read_only}>
                        <option value="" selected={answer.responsibility.is_none()}>{ Text::NotAssigned.label(lang) }</option>
                        { for Responsibility::ALL.iter().map(|r| html! {
                            <option value={format!("{r:?}")} selected={answer.responsibility == Some(*r)}>{ r.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={field_id("disclosure")}>{ Text::Disclosure.label(lang) }</label>
                    <select id={field_id("disclosure")} onchange={on_disclosure} disabled={props.read_only}>
                        <option value="" selected={answer.disclosure.is_none()}>{ Text::Unset.label(lang) }</option>
                        { for [DisclosureLevel::Public, DisclosureLevel::Nda].iter().map(|d| html! {
                            <option value={format!("{d:?}")} selected={answer.disclosure == Some(*d)}>{ d.label(lang) }</option>
                        }) }
                    </select>
                </div>
                { text_area(AnswerText::Statement, Text::Statement, &answer.statement) }
                <fieldset class="field wide evidence">
                    <legend>{ Text::Evidence.label(lang) }</legend>
                    { for answer.evidence.iter().enumerate().map(|(index, evidence)| {
                        evidence_row(props, &id, index, evidence)
                    }) }
                    <button onclick={add_evidence} disabled={props.read_only}>{ Text::AddEvidence.label(lang) }</button>
                </fieldset>
                { text_area(AnswerText::CertificationInference, Text::CertificationInference, &answer.certification_inference) }
                { text_area(AnswerText::Interview, Text::Interview, &answer.interview) }
                { text_area(AnswerText::HospitalActions, Text::HospitalActions, &answer.hospital_actions) }
                <fieldset class="field wide evaluator">
                    <legend>{ Text::EvaluatorSection.label(lang) }</legend>
                    { text_area(AnswerText::ConfirmedEvidence, Text::ConfirmedEvidence, &answer.evaluator.confirmed_evidence) }
                    { text_area(AnswerText::Verdict, Text::Verdict, &answer.evaluator.verdict) }
                    { text_area(AnswerText::Improvement, Text::Improvement, &answer.evaluator.improvement) }
                </fieldset>
            </div>
        </div>
    }
}

fn evidence_row(
    props: &ItemDetailsProps,
    item: &str,
    index: usize,
    evidence: &EvidenceRef,
) -> Html {
    let lang = props.lang;
    // One evidence field changed: the whole reference is replaced.
    let change = |update: fn(&mut EvidenceRef, String)| {
        let (item, evidence) = (item.to_owned(), evidence.clone());
        props.dispatch.reform(move |value: String| {
            let mut next = evidence.clone();
            update(&mut next, value);
            EditorAction::SetEvidence(item.clone(), index, next)
        })
    };
    let on_document = change(|evidence, value| evidence.document = value)
        .reform(|event: Event| select_value(&event));
    let on_location = change(|evidence, value| evidence.location = value)
        .reform(|event: InputEvent| input_value(&event));
    let remove = {
        let item = item.to_owned();
        props
            .dispatch
            .reform(move |_| EditorAction::RemoveEvidence(item.clone(), index))
    };
    let document_id = format!("evidence-document-{item}-{index}");
    let location_id = format!("evidence-location-{item}-{index}");
    html! {
        <div class="evidence-row">
            <label for={document_id.clone()}>{ Text::Document.label(lang) }</label>
            <select id={document_id} onchange={on_document} disabled={props.read_only}>
                <option value="" selected={evidence.document.is_empty()}>{ Text::Unset.label(lang) }</option>
                { for props.documents.iter().map(|document| html! {
                    <option value={document.id.clone()} selected={document.id == evidence.document}>
                        { format!("{} {} ({})", document.id, document.title, document.disclosure.label(lang)) }
                    </option>
                }) }
            </select>
            <label for={location_id.clone()}>{ Text::Location.label(lang) }</label>
            <input id={location_id} type="text" value={evidence.location.clone()} oninput={on_location} readonly={props.read_only} />
            <button onclick={remove} disabled={props.read_only}>{ Text::Remove.label(lang) }</button>
        </div>
    }
}

/// The crosswalk seen from this catalog: METI 2012 items for a checklist item, checklist
/// items for a METI 2012 item; with the heading that says which.
fn crosswalk_links(catalog: &Catalog, item: &str) -> (Text, Vec<(String, String)>) {
    let crosswalk = embedded::crosswalk();
    let describe = |catalog_id: &str, item_id: &str, clause: &str| {
        let text = embedded::catalog(catalog_id)
            .and_then(|c| c.item(item_id))
            .map(|i| i.text.chars().take(80).collect::<String>())
            .unwrap_or_default();
        (format!("No.{item_id} ← {clause}"), text)
    };
    if catalog.id == crosswalk.from_catalog {
        let links = crosswalk
            .meti_items_for(item)
            .map(|link| describe(&crosswalk.to_catalog, &link.meti_item, &link.clause))
            .collect();
        (Text::Crosswalk, links)
    } else if catalog.id == crosswalk.to_catalog {
        let links = crosswalk
            .checklist_items_for(item)
            .map(|link| describe(&crosswalk.from_catalog, &link.checklist_item, &link.clause))
            .collect();
        (Text::CrosswalkBack, links)
    } else {
        (Text::Crosswalk, Vec::new())
    }
}
