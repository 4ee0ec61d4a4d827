//! The document register (as in a vendor's security reference): ID, title, URL and
//! disclosure level of every document the evidence refers to. An id is changed when the field
//! is left (and carried into every evidence that cites it); removing a document that evidence
//! cites first lists those items and asks.

use tekigo_core::edit::{DocumentText, Edit};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::validate::document_problems;
use tekigo_core::{Assessment, DisclosureLevel};
use yew::prelude::*;

use crate::components::{input_value, select_value};
use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    // The document whose removal waits for a confirmation.
    let confirming = use_state(|| None::<usize>);
    let documents = &props.assessment.documents;
    let text_cell = |index: usize, field: DocumentText, value: &str, label: Text| {
        let oninput = props
            .on_edit
            .reform(move |event: InputEvent| Edit::DocumentText {
                index,
                field,
                value: input_value(&event),
            });
        html! {
            <td><input type="text" value={value.to_owned()} {oninput} readonly={props.read_only}
                       aria-label={format!("{} {}", label.label(lang), index + 1)} /></td>
        }
    };
    let problems = document_problems(documents);
    let heading = ids.of("documents-heading");
    html! {
        <section class="documents panel" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ Text::TabDocuments.label(lang) }</h3>
            if documents.is_empty() {
                <p class="muted">{ Text::NoDocuments.label(lang) }</p>
            } else {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::DocumentId.label(lang) }</th>
                            <th scope="col">{ Text::DocumentTitle.label(lang) }</th>
                            <th scope="col">{ Text::DocumentUrl.label(lang) }</th>
                            <th scope="col">{ Text::Disclosure.label(lang) }</th>
                            <th scope="col">{ Text::CitedBy.label(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ Text::Remove.label(lang) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for documents.iter().enumerate().map(|(index, document)| {
                            let rename = props.on_edit.reform(move |event: Event| Edit::RenameDocument { index, id: select_value(&event) });
                            let on_disclosure = props.on_edit.reform(move |event: Event| Edit::DocumentDisclosure {
                                index,
                                level: if select_value(&event) == "nda" { DisclosureLevel::Nda } else { DisclosureLevel::Public },
                            });
                            let citing = props.assessment.items_citing(&document.id);
                            let remove_now = props.on_edit.reform(move |_| Edit::RemoveDocument { index });
                            let ask = { let confirming = confirming.clone(); Callback::from(move |_| confirming.set(Some(index))) };
                            let cancel = { let confirming = confirming.clone(); Callback::from(move |_| confirming.set(None)) };
                            let confirm = {
                                let confirming = confirming.clone();
                                remove_now.reform(move |event: MouseEvent| { confirming.set(None); event })
                            };
                            html! {
                                <>
                                <tr key={format!("{index}-{}", document.id)}>
                                    <td><input type="text" value={document.id.clone()} onchange={rename} readonly={props.read_only}
                                               aria-label={format!("{} {}", Text::DocumentId.label(lang), index + 1)} /></td>
                                    { text_cell(index, DocumentText::Title, &document.title, Text::DocumentTitle) }
                                    { text_cell(index, DocumentText::Url, &document.url, Text::DocumentUrl) }
                                    <td>
                                        <select onchange={on_disclosure} disabled={props.read_only}
                                                aria-label={format!("{} {}", Text::Disclosure.label(lang), index + 1)}>
                                            <option value="public" selected={document.disclosure == DisclosureLevel::Public}>{ DisclosureLevel::Public.label(lang) }</option>
                                            <option value="nda" selected={document.disclosure == DisclosureLevel::Nda}>{ DisclosureLevel::Nda.label(lang) }</option>
                                        </select>
                                    </td>
                                    <td class="cited-by">{ citing.len() }</td>
                                    <td>
                                        <button onclick={if citing.is_empty() { remove_now } else { ask }} disabled={props.read_only}
                                                aria-label={format!("{} {}", Text::Remove.label(lang), document.id)}>{ Text::Remove.label(lang) }</button>
                                    </td>
                                </tr>
                                if *confirming == Some(index) {
                                    <tr class="confirm-row">
                                        <td colspan="6" role="alert">
                                            <p>{ format!("{} {}", Text::DocumentInUse.label(lang), citing.join(", ")) }</p>
                                            <button class="danger" onclick={confirm}>{ Text::ConfirmDelete.label(lang) }</button>
                                            <button onclick={cancel}>{ Text::Cancel.label(lang) }</button>
                                        </td>
                                    </tr>
                                }
                                </>
                            }
                        }) }
                    </tbody>
                </table>
            }
            if !problems.is_empty() {
                <ul class="problems" role="alert">
                    { for problems.iter().map(|problem| html! { <li>{ problem.message(lang) }</li> }) }
                </ul>
            }
            <button class="primary" onclick={props.on_edit.reform(|_| Edit::AddDocument)} disabled={props.read_only}>
                { Text::AddDocument.label(lang) }
            </button>
        </section>
    }
}
