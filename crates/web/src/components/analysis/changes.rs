//! 変更: what changed from an earlier state of this assessment to now — an earlier file (last
//! year's, say) or one of the versions this browser keeps. The changes are the engine's
//! (`diff::changes`); this renders them.

use std::rc::Rc;

use tekigo_core::diff::changes;
use tekigo_core::fields::answer_field;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{load_assessment, Assessment, Catalog};
use yew::prelude::*;

use super::versions::Versions;
use crate::browser::clock::local_minutes;
use crate::browser::files;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    /// Counts the versions stored when the assessment was written to a file.
    pub versions_stored: u32,
}

/// An earlier state of the assessment to compare with now, and what a person knows it by.
#[derive(Clone, PartialEq)]
pub struct Earlier {
    pub name: String,
    pub assessment: Shared<Assessment>,
}

#[component]
pub fn Changes(props: &ChangesProps) -> Html {
    let lang = props.lang;
    let other = use_state(|| None::<Result<Earlier, String>>);
    let on_file = {
        let other = other.clone();
        Callback::from(move |event: Event| {
            let Some(file) = files::picked(&event) else {
                return;
            };
            let other = other.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match files::read_bytes(&file).await {
                    Ok(bytes) => load_assessment(&bytes)
                        .map(|assessment| Earlier {
                            name: file.name(),
                            assessment: Shared(Rc::new(assessment)),
                        })
                        .map_err(|e| tekigo_core::i18n::load_error_message(&e, lang)),
                    Err(files::Refused) => Err(Text::FileReadFailed.label(lang).to_owned()),
                };
                other.set(Some(result));
            });
        })
    };
    let on_compare = {
        let other = other.clone();
        Callback::from(move |earlier: Earlier| other.set(Some(Ok(earlier))))
    };
    let body = match &*other {
        None => html! {},
        Some(Err(message)) => html! { <p class="field-error" role="alert">{ message }</p> },
        Some(Ok(earlier)) if earlier.assessment.catalog.id != props.catalog.id => {
            html! { <p class="field-error" role="alert">{ Text::OtherCatalogFile.label(lang) }</p> }
        }
        Some(Ok(earlier)) => changes_table(props, earlier),
    };
    html! {
        <>
            <div class="file-actions">
                <label class="file-button">
                    { Text::CompareWithFile.label(lang) }
                    <input type="file" accept=".json,application/json" onchange={on_file} />
                </label>
            </div>
            <Versions assessment={props.assessment.clone()} {lang}
                      versions_stored={props.versions_stored} {on_compare} />
            { body }
        </>
    }
}

/// The engine's changes from `earlier` to now, one row per item and field.
fn changes_table(props: &ChangesProps, earlier: &Earlier) -> Html {
    let lang = props.lang;
    let before = &earlier.assessment;
    let found = changes(&props.catalog, before, &props.assessment, lang);
    html! {
        <div class="comparison">
            <p class="compared-with">{ format!("{}: {}", Text::ComparingWith.label(lang), earlier.name) }</p>
            <p>{ format!("{} {} ({} → {})", found.len(), Text::ChangesFound.label(lang),
                local_minutes(&before.updated_at, lang), local_minutes(&props.assessment.updated_at, lang)) }</p>
            <table class="changes">
                <thead><tr>
                    <th scope="col">{ "No" }</th><th scope="col">{ Text::Field.label(lang) }</th>
                    <th scope="col">{ Text::Before.label(lang) }</th><th scope="col">{ Text::After.label(lang) }</th>
                    <th scope="col">{ Text::When.label(lang) }</th>
                </tr></thead>
                <tbody>
                    { for found.iter().map(|change| {
                        let field = answer_field(&props.catalog, &change.field).map_or(change.field.clone(), |f| f.label(lang).to_owned());
                        html! {
                            <tr>
                                <td>{ change.item.clone().unwrap_or_default() }</td>
                                <td>{ field }</td>
                                <td class="before">{ &change.before }</td>
                                <td class="after">{ &change.after }</td>
                                <td>{ change.when.as_deref().map(|w| tekigo_core::dates::display_date(w, lang)).unwrap_or_default() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
