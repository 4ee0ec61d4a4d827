//! 公開された回答を層として取り込む: published answers of this catalog (an IaaS's or a vendor's
//! public version, or a full assessment) read from a file by the engine (`open::open_answers`)
//! and attached as a layer (`inheritance::layer_of_file`, `Edit::AttachLayer`), its party in
//! the role the person chooses (IaaS under a vendor's own check, the vendor under a hospital's).
//! A catalog file, or answers of another catalog, are refused in both languages, and nothing
//! changes.

use tekigo_core::edit::Edit;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::inheritance::layer_of_file;
use tekigo_core::open::open_answers;
use tekigo_core::{Assessment, Catalog, PartyRole};
use yew::prelude::*;

use super::{read_picked, said};
use crate::components::notice::Notice;
use crate::components::select_value;
use crate::ids::use_ids;
use crate::library::Library;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct LayerFileProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn LayerFromFile(props: &LayerFileProps) -> Html {
    let lang = props.lang;
    let library = use_context::<Library>().unwrap_or_default();
    let ids = use_ids();
    let outcome = use_state(|| None::<Notice>);
    let role = use_state(|| PartyRole::Iaas);
    let on_role = {
        let role = role.clone();
        Callback::from(move |event: Event| {
            let chosen = select_value(&event);
            if let Some(chosen) = PartyRole::ALL
                .into_iter()
                .find(|r| r.standard_id() == chosen)
            {
                role.set(chosen);
            }
        })
    };
    let on_file = {
        let (catalog, assessment, on_edit, outcome, role) = (
            props.catalog.clone(),
            props.assessment.clone(),
            props.on_edit.clone(),
            outcome.clone(),
            *role,
        );
        Callback::from(move |event: Event| {
            let (catalog, assessment, on_edit, outcome, library) = (
                catalog.clone(),
                assessment.clone(),
                on_edit.clone(),
                outcome.clone(),
                library.clone(),
            );
            read_picked(&event, move |name, bytes| {
                let opened = bytes.and_then(|bytes| {
                    open_answers(&bytes, &library.catalog_refs(), &catalog).map_err(|refusal| {
                        Notice::error(refusal.message(Lang::Ja), refusal.message(Lang::En))
                    })
                });
                outcome.set(Some(match opened {
                    Ok(other) => {
                        let (layer, party) = layer_of_file(&catalog, &assessment, &other, role);
                        // A file that states but rates nothing met covers no item: said why.
                        let nothing_met = layer.covers.is_empty() && !other.answers.is_empty();
                        let say = |lang| {
                            let why = if nothing_met {
                                let stop = if lang == Lang::Ja { "。" } else { ". " };
                                format!(
                                    "{stop}{}: {}",
                                    Text::LayerNothingMet.label(lang),
                                    other.answers.len()
                                )
                            } else {
                                String::new()
                            };
                            format!(
                                "{} ({name}): {} — {} {}{why}",
                                Text::LayerAttached.label(lang),
                                party.name,
                                layer.covers.len(),
                                Text::Items.label(lang)
                            )
                        };
                        let notice = Notice::info(say(Lang::Ja), say(Lang::En));
                        on_edit.emit(Edit::AttachLayer { layer, party });
                        notice
                    }
                    Err(notice) => notice,
                }));
            });
        })
    };
    html! {
        <div class="layer-file">
            <div class="file-actions">
                <div class="field">
                    <label for={ids.of("layer-role")}>{ Text::LayerRole.label(lang) }</label>
                    <select id={ids.of("layer-role")} onchange={on_role} disabled={props.read_only}>
                        { for PartyRole::ALL.into_iter().filter(|r| *r != PartyRole::Hospital).map(|r| html! {
                            <option value={r.standard_id()} selected={r == *role}>{ r.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <label class="file-button">
                    { Text::AttachPublishedLayer.label(lang) }
                    <input type="file" accept=".json,application/json" onchange={on_file} disabled={props.read_only} />
                </label>
            </div>
            if let Some(notice) = &*outcome {
                { said(notice, lang) }
            }
        </div>
    }
}
