//! The start screen: new assessment from a catalog, saved assessments, open a file.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Catalog;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::clock::local_minutes;
use crate::shared::Shared;

/// A saved assessment as the list shows it.
#[derive(Clone, PartialEq, Debug)]
pub struct SavedSummary {
    pub id: String,
    pub product: String,
    pub catalog_title: String,
    pub answered: usize,
    pub total: usize,
    pub updated_at: String,
}

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub catalogs: Vec<Shared<Catalog>>,
    pub saved: Vec<SavedSummary>,
    pub on_start: Callback<Shared<Catalog>>,
    pub on_open: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_file: Callback<web_sys::File>,
    pub on_sample: Callback<()>,
}

#[component]
pub fn StartScreen(props: &StartProps) -> Html {
    let lang = props.lang;
    let confirming = use_state(|| None::<String>);
    let on_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    html! {
        <div class="start">
            <section aria-labelledby="saved-heading" class="panel">
                <h2 id="saved-heading">{ Text::SavedAssessments.label(lang) }</h2>
                if props.saved.is_empty() {
                    <p class="muted">{ Text::NoSavedAssessments.label(lang) }</p>
                } else {
                    <ul class="saved-list">
                        { for props.saved.iter().map(|saved| {
                            let id = saved.id.clone();
                            let open = props.on_open.reform(move |_| id.clone());
                            let asking = confirming.as_deref() == Some(saved.id.as_str());
                            let id = saved.id.clone();
                            let ask = { let confirming = confirming.clone(); Callback::from(move |_| confirming.set(Some(id.clone()))) };
                            let id = saved.id.clone();
                            let delete = props.on_delete.reform(move |_| id.clone());
                            let cancel = { let confirming = confirming.clone(); Callback::from(move |_| confirming.set(None)) };
                            let name = if saved.product.is_empty() { Text::Untitled.label(lang).to_owned() } else { saved.product.clone() };
                            html! {
                                <li key={saved.id.clone()} class="saved">
                                    <div class="saved-main">
                                        <span class="saved-name">{ name }</span>
                                        <span class="muted">{ &saved.catalog_title }</span>
                                        <span class="muted">
                                            { format!("{} {}/{} {} ・ {} {}", Text::Progress.label(lang), saved.answered, saved.total,
                                                Text::Answered.label(lang), Text::LastChanged.label(lang), local_minutes(&saved.updated_at)) }
                                        </span>
                                    </div>
                                    <div class="saved-actions">
                                        <button class="primary" onclick={open}>{ Text::Open.label(lang) }</button>
                                        if asking {
                                            <button class="danger" onclick={delete}>{ Text::ConfirmDelete.label(lang) }</button>
                                            <button onclick={cancel}>{ Text::Cancel.label(lang) }</button>
                                        } else {
                                            <button onclick={ask}>{ Text::Delete.label(lang) }</button>
                                        }
                                    </div>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <div class="file-actions">
                    <label class="file-button">
                        { Text::OpenFile.label(lang) }
                        <input type="file" accept=".json,application/json" onchange={on_file}
                               aria-describedby="open-file-hint" />
                    </label>
                    <span id="open-file-hint" class="muted">{ Text::OpenFileHint.label(lang) }</span>
                    <button onclick={props.on_sample.reform(|_| ())}>{ Text::OpenSample.label(lang) }</button>
                </div>
            </section>
            <section aria-labelledby="catalogs-heading" class="panel">
                <h2 id="catalogs-heading">{ Text::Catalogs.label(lang) }</h2>
                <ul class="catalog-list">
                    { for props.catalogs.iter().map(|catalog| {
                        let chosen = catalog.clone();
                        let start = props.on_start.reform(move |_| chosen.clone());
                        html! {
                            <li key={catalog.id.clone()} class="catalog">
                                <div class="catalog-main">
                                    <span class="catalog-title">{ &catalog.title }</span>
                                    <span class="catalog-meta">{ format!("{} ・ {} ・ {} {}", catalog.issuer, catalog.version, catalog.items.len(), Text::Items.label(lang)) }</span>
                                </div>
                                <button class="primary" onclick={start}
                                        aria-label={format!("{}: {}", Text::StartNew.label(lang), catalog.title)}>
                                    { Text::StartNew.label(lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </div>
    }
}
