//! The evidence of an answer: rows pointing into the document register, each with where in
//! the document. A row whose document was deleted says so instead of showing another
//! document; with an empty register, the way to it is offered.

use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{Document, EvidenceRef};
use yew::prelude::*;

use crate::components::{input_value, select_value};
use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub item: String,
    pub evidence: Vec<EvidenceRef>,
    pub documents: Vec<Document>,
    pub legend: String,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
    pub on_documents: Callback<()>,
}

#[component]
pub fn EvidenceRows(props: &EvidenceProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let add = {
        let item = props.item.clone();
        props
            .on_edit
            .reform(move |_| Edit::AddEvidence { item: item.clone() })
    };
    html! {
        <fieldset class="field wide evidence">
            <legend>{ &props.legend }</legend>
            { for props.evidence.iter().enumerate().map(|(index, evidence)| row(props, &ids, index, evidence)) }
            if props.documents.is_empty() {
                <p class="muted">
                    { Text::NoDocumentsForEvidence.label(lang) }{ " " }
                    <button class="link" onclick={props.on_documents.reform(|_| ())}>{ Text::GoToDocuments.label(lang) }</button>
                </p>
            }
            <button onclick={add} disabled={props.read_only}>{ Text::AddEvidence.label(lang) }</button>
        </fieldset>
    }
}

fn row(
    props: &EvidenceProps,
    ids: &crate::ids::IdPrefix,
    index: usize,
    evidence: &EvidenceRef,
) -> Html {
    let lang = props.lang;
    // One evidence field changed: the whole reference is replaced.
    let change = |update: fn(&mut EvidenceRef, String)| {
        let (item, evidence) = (props.item.clone(), evidence.clone());
        props.on_edit.reform(move |value: String| {
            let mut next = evidence.clone();
            update(&mut next, value);
            Edit::Evidence {
                item: item.clone(),
                index,
                evidence: next,
            }
        })
    };
    let on_document = change(|evidence, value| evidence.document = value)
        .reform(|event: Event| select_value(&event));
    let on_location = change(|evidence, value| evidence.location = value)
        .reform(|event: InputEvent| input_value(&event));
    let remove = {
        let item = props.item.clone();
        props.on_edit.reform(move |_| Edit::RemoveEvidence {
            item: item.clone(),
            index,
        })
    };
    let document_id = ids.of(&format!("evidence-document-{}-{index}", props.item));
    let location_id = ids.of(&format!("evidence-location-{}-{index}", props.item));
    let dangling =
        !evidence.document.is_empty() && !props.documents.iter().any(|d| d.id == evidence.document);
    html! {
        <div class={classes!("evidence-row", dangling.then_some("dangling"))}>
            <label for={document_id.clone()}>{ Text::Document.label(lang) }</label>
            <select id={document_id} onchange={on_document} disabled={props.read_only}>
                <option value="" selected={evidence.document.is_empty()}>{ Text::Unset.label(lang) }</option>
                if dangling {
                    <option value={evidence.document.clone()} selected=true>
                        { format!("{} — {}", evidence.document, Text::MissingDocument.label(lang)) }
                    </option>
                }
                { for props.documents.iter().map(|document| html! {
                    <option value={document.id.clone()} selected={document.id == evidence.document}>
                        { format!("{} {} ({})", document.id, document.title, document.disclosure.label(lang)) }
                    </option>
                }) }
            </select>
            <label for={location_id.clone()}>{ Text::Location.label(lang) }</label>
            <input id={location_id} type="text" value={evidence.location.clone()} oninput={on_location} readonly={props.read_only} />
            <button onclick={remove} disabled={props.read_only}>{ Text::Remove.label(lang) }</button>
            if dangling {
                <span class="field-error">{ Text::MissingDocumentHint.label(lang) }</span>
            }
        </div>
    }
}
