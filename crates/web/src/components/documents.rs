//! The document register (as in a vendor's security reference): ID, title, URL and
//! disclosure level of every document the evidence refers to.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::validate::document_problems;
use tekigo_core::{DisclosureLevel, Document};
use yew::prelude::*;

use crate::components::{input_value, select_value};
use crate::state::{DocumentField, EditorAction};

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub documents: Vec<Document>,
    pub lang: Lang,
    pub read_only: bool,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn Documents(props: &DocumentsProps) -> Html {
    let lang = props.lang;
    let cell = |index: usize, field: DocumentField, value: &str, label: Text| {
        let oninput = props.dispatch.reform(move |event: InputEvent| {
            EditorAction::SetDocument(index, field, input_value(&event))
        });
        html! {
            <td><input type="text" value={value.to_owned()} {oninput} readonly={props.read_only}
                       aria-label={format!("{} {}", label.label(lang), index + 1)} /></td>
        }
    };
    let problems = document_problems(&props.documents);
    html! {
        <section class="documents panel" aria-labelledby="documents-heading">
            <h3 id="documents-heading">{ Text::TabDocuments.label(lang) }</h3>
            if props.documents.is_empty() {
                <p class="muted">{ Text::NoDocuments.label(lang) }</p>
            } else {
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::DocumentId.label(lang) }</th>
                            <th scope="col">{ Text::DocumentTitle.label(lang) }</th>
                            <th scope="col">{ Text::DocumentUrl.label(lang) }</th>
                            <th scope="col">{ Text::Disclosure.label(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ Text::Remove.label(lang) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.documents.iter().enumerate().map(|(index, document)| {
                            let on_disclosure = props.dispatch.reform(move |event: Event| {
                                let level = if select_value(&event) == "Nda" { DisclosureLevel::Nda } else { DisclosureLevel::Public };
                                EditorAction::SetDocumentDisclosure(index, level)
                            });
                            let remove = props.dispatch.reform(move |_| EditorAction::RemoveDocument(index));
                            html! {
                                <tr>
                                    { cell(index, DocumentField::Id, &document.id, Text::DocumentId) }
                                    { cell(index, DocumentField::Title, &document.title, Text::DocumentTitle) }
                                    { cell(index, DocumentField::Url, &document.url, Text::DocumentUrl) }
                                    <td>
                                        <select onchange={on_disclosure} disabled={props.read_only}
                                                aria-label={format!("{} {}", Text::Disclosure.label(lang), index + 1)}>
                                            { for [DisclosureLevel::Public, DisclosureLevel::Nda].iter().map(|level| html! {
                                                <option value={format!("{level:?}")} selected={document.disclosure == *level}>{ level.label(lang) }</option>
                                            }) }
                                        </select>
                                    </td>
                                    <td><button onclick={remove} disabled={props.read_only}
                                                aria-label={format!("{} {}", Text::Remove.label(lang), document.id)}>{ Text::Remove.label(lang) }</button></td>
                                </tr>
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
            <button class="primary" onclick={props.dispatch.reform(|_| EditorAction::AddDocument)} disabled={props.read_only}>
                { Text::AddDocument.label(lang) }
            </button>
        </section>
    }
}
