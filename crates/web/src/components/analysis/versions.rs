//! 保存した版: the versions of this assessment the browser keeps (`browser::storage`), saved
//! each time the assessment is written to a file and on demand with an optional name. Each can
//! be compared with now, downloaded as the engine's JSON, or deleted.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{load_assessment, to_json, Assessment};
use yew::prelude::*;

use super::changes::Earlier;
use crate::browser::clock::{self, local_minutes};
use crate::browser::files;
use crate::browser::storage::StorageProblem;
use crate::browser::versions::{self, Version, VERSIONS_KEPT};
use crate::components::input_value;
use crate::ids::use_ids;
use crate::shared::Shared;

/// A change to the stored versions, to be awaited before the list is read again.
type Change = Pin<Box<dyn Future<Output = Result<(), StorageProblem>>>>;

#[derive(Properties, PartialEq)]
pub struct VersionsProps {
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    /// Counts the versions stored when the assessment was written to a file: the list is read
    /// again when it moves.
    pub versions_stored: u32,
    /// Compares a version with now.
    pub on_compare: Callback<Earlier>,
}

/// What a person knows a version by: when it was saved, and its name or why it was kept.
fn version_name(version: &Version, lang: Lang) -> String {
    let why = if !version.label.is_empty() {
        version.label.clone()
    } else if version.on_export {
        Text::VersionOnExport.label(lang).to_owned()
    } else {
        String::new()
    };
    format!("{} {why}", local_minutes(&version.saved_at, lang))
        .trim_end()
        .to_owned()
}

#[component]
pub fn Versions(props: &VersionsProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let listed = use_state(Vec::<Version>::new);
    let problem = use_state(|| None::<String>);
    let label = use_state(String::new);
    let say = {
        let problem = problem.clone();
        Callback::from(move |found: StorageProblem| {
            let (ja, en) = found.message();
            problem.set(Some(if lang == Lang::Ja { ja } else { en }));
        })
    };
    // Reads the list again after `change` is done (or says why it was not).
    let then_reload = {
        let (listed, problem, say) = (listed.clone(), problem.clone(), say.clone());
        let id = props.assessment.id.clone();
        move |change: Change| {
            let (listed, problem, say, id) =
                (listed.clone(), problem.clone(), say.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match change.await {
                    Ok(()) => versions::versions(&id).await,
                    Err(found) => Err(found),
                };
                match result {
                    Ok(versions) => {
                        problem.set(None);
                        listed.set(versions);
                    }
                    Err(found) => say.emit(found),
                }
            });
        }
    };
    {
        let then_reload = then_reload.clone();
        use_effect_with(
            (props.assessment.id.clone(), props.versions_stored),
            move |_| then_reload(Box::pin(async { Ok(()) })),
        );
    }
    let save = {
        let (assessment, label, then_reload) =
            (props.assessment.clone(), label.clone(), then_reload.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (id, json, name) = (
                assessment.id.clone(),
                to_json(&*assessment),
                label.trim().to_owned(),
            );
            label.set(String::new());
            then_reload(Box::pin(async move {
                versions::save_version(&id, &clock::now(), &name, false, &json).await
            }));
        })
    };
    let on_label = {
        let label = label.clone();
        Callback::from(move |event: InputEvent| label.set(input_value(&event)))
    };
    let row = |version: &Version| {
        let name = version_name(version, lang);
        let compare = {
            let (json, name, on_compare, problem) = (
                version.json.clone(),
                name.clone(),
                props.on_compare.clone(),
                problem.clone(),
            );
            Callback::from(move |_| match load_assessment(json.as_bytes()) {
                Ok(assessment) => on_compare.emit(Earlier {
                    name: name.clone(),
                    assessment: Shared(Rc::new(assessment)),
                }),
                Err(error) => {
                    problem.set(Some(tekigo_core::i18n::load_error_message(&error, lang)))
                }
            })
        };
        let download = {
            let (version, assessment, problem) =
                (version.clone(), props.assessment.clone(), problem.clone());
            Callback::from(move |_| {
                let when = local_minutes(&version.saved_at, Lang::En);
                let stamp: String = when.chars().filter(char::is_ascii_digit).collect();
                let date = when.get(..10).unwrap_or(&when);
                let name = format!("{}_{stamp}.json", assessment.file_stem(date));
                if files::download(&name, version.json.as_bytes(), "application/json").is_err() {
                    problem.set(Some(Text::DownloadFailed.label(lang).to_owned()));
                }
            })
        };
        let delete = {
            let (key, then_reload) = (version.key, then_reload.clone());
            Callback::from(move |_| then_reload(Box::pin(versions::delete_version(key))))
        };
        html! {
            <li key={version.key.to_string()} class="version">
                <span class="version-name">{ name }</span>
                <span class="version-actions">
                    <button onclick={compare}>{ Text::CompareWithNow.label(lang) }</button>
                    <button onclick={download}>{ Text::DownloadJson.label(lang) }</button>
                    <button onclick={delete}>{ Text::Remove.label(lang) }</button>
                </span>
            </li>
        }
    };
    let label_id = ids.of("version-label");
    html! {
        <div class="versions">
            <h4>{ Text::VersionsHeading.label(lang) }</h4>
            <form class="version-save" onsubmit={save}>
                <label for={label_id.clone()}>{ Text::VersionLabel.label(lang) }</label>
                <input id={label_id} type="text" value={(*label).clone()} oninput={on_label} />
                <button type="submit">{ Text::SaveVersion.label(lang) }</button>
            </form>
            if let Some(problem) = &*problem {
                <p class="field-error" role="alert">{ problem }</p>
            }
            if listed.is_empty() {
                <p class="muted">{ Text::NoVersions.label(lang) }</p>
            } else {
                <ol class="version-list">{ for listed.iter().map(row) }</ol>
            }
            <p class="muted">{ format!("{}: {VERSIONS_KEPT}", Text::VersionsKept.label(lang)) }</p>
        </div>
    }
}
