//! The start screen: the saved assessments (with when each was last saved to a file, and any
//! record that does not open, with why), opening a file or the sample, and the catalogs a new
//! assessment can start from, each named by its source document with a line on when to use it.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Catalog;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::{SavedEntry, SavedSummary, Unreadable};
use crate::browser::clock::local_minutes;
use crate::components::import_sheet::ImportSheet;
use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub catalogs: Vec<Shared<Catalog>>,
    pub saved: Vec<SavedEntry>,
    pub on_start: Callback<Shared<Catalog>>,
    pub on_open: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_save_raw: Callback<Unreadable>,
    pub on_file: Callback<web_sys::File>,
    pub on_sample: Callback<()>,
}

#[component]
pub fn StartScreen(props: &StartProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
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
    let delete_buttons = |key: &str, open_elsewhere: bool| {
        let asking = confirming.as_deref() == Some(key);
        let id = key.to_owned();
        let ask = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(Some(id.clone())))
        };
        let id = key.to_owned();
        let delete = props.on_delete.reform(move |_| id.clone());
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        if asking {
            html! {
                <>
                    if open_elsewhere {
                        <span class="saved-reason" role="alert">{ Text::OpenElsewhere.label(lang) }</span>
                    }
                    <button class="danger" onclick={delete}>{ Text::ConfirmDelete.label(lang) }</button>
                    <button onclick={cancel}>{ Text::Cancel.label(lang) }</button>
                </>
            }
        } else {
            html! { <button onclick={ask}>{ Text::Delete.label(lang) }</button> }
        }
    };
    let readable = |saved: &SavedSummary| {
        let id = saved.id.clone();
        let open = props.on_open.reform(move |_| id.clone());
        let name = if saved.product.is_empty() {
            Text::Untitled.label(lang).to_owned()
        } else {
            saved.product.clone()
        };
        let backup = match &saved.exported_at {
            Some(time) => format!(
                "{} {}",
                Text::LastSavedToFile.label(lang),
                local_minutes(time)
            ),
            None => Text::NeverSavedToFile.label(lang).to_owned(),
        };
        html! {
            <li key={saved.id.clone()} class="saved">
                <div class="saved-main">
                    <span class="saved-name">{ name }</span>
                    <span class="muted">{ &saved.catalog_title }</span>
                    <span class="muted">
                        { format!("{} {}/{} {} ・ {} {}", Text::Progress.label(lang), saved.answered, saved.total,
                            Text::Answered.label(lang), Text::LastChanged.label(lang), local_minutes(&saved.updated_at)) }
                    </span>
                    <span class={classes!("muted", "backup-state", saved.exported_at.is_none().then_some("never"))}>{ backup }</span>
                </div>
                <div class="saved-actions">
                    <button class="primary" onclick={open}>{ Text::Open.label(lang) }</button>
                    { delete_buttons(&saved.id, saved.open_elsewhere) }
                </div>
            </li>
        }
    };
    let unreadable = |record: &Unreadable| {
        let chosen = record.clone();
        let save_raw = props.on_save_raw.reform(move |_| chosen.clone());
        html! {
            <li key={record.key.clone()} class="saved unreadable">
                <div class="saved-main">
                    <span class="saved-name">{ format!("{} ({})", Text::Unreadable.label(lang), record.key) }</span>
                    <span class="saved-reason" role="note">{ if lang == Lang::Ja { &record.reason_ja } else { &record.reason_en } }</span>
                </div>
                <div class="saved-actions">
                    <button onclick={save_raw}>{ Text::SaveRawToFile.label(lang) }</button>
                    { delete_buttons(&record.key, false) }
                </div>
            </li>
        }
    };
    let saved_heading = ids.of("saved-heading");
    let catalogs_heading = ids.of("catalogs-heading");
    let hint = ids.of("open-file-hint");
    html! {
        <div class="start">
            <section aria-labelledby={saved_heading.clone()} class="panel">
                <h2 id={saved_heading}>{ Text::SavedAssessments.label(lang) }</h2>
                if props.saved.is_empty() {
                    <p class="muted">{ Text::NoSavedAssessments.label(lang) }</p>
                } else {
                    <ul class="saved-list">
                        { for props.saved.iter().map(|entry| match entry {
                            SavedEntry::Readable(saved) => readable(saved),
                            SavedEntry::Unreadable(record) => unreadable(record),
                        }) }
                    </ul>
                }
                <div class="file-actions">
                    <label class="file-button">
                        { Text::OpenFile.label(lang) }
                        <input type="file" accept=".json,application/json" onchange={on_file}
                               aria-describedby={hint.clone()} />
                    </label>
                    <span id={hint} class="muted">{ Text::OpenFileHint.label(lang) }</span>
                    <button onclick={props.on_sample.reform(|_| ())}>{ Text::OpenSample.label(lang) }</button>
                </div>
                <ImportSheet {lang} catalogs={props.catalogs.clone()} on_file={props.on_file.clone()} />
            </section>
            <section aria-labelledby={catalogs_heading.clone()} class="panel">
                <h2 id={catalogs_heading}>{ Text::Catalogs.label(lang) }</h2>
                <ul class="catalog-list">
                    { for props.catalogs.iter().map(|catalog| {
                        let chosen = catalog.clone();
                        let start = props.on_start.reform(move |_| chosen.clone());
                        html! {
                            <li key={catalog.id.clone()} class="catalog">
                                <div class="catalog-main">
                                    <span class="catalog-title">{ &catalog.title }</span>
                                    <span class="catalog-meta">{ format!("{} ・ {} ・ {} {}", catalog.issuer, catalog.version, catalog.items.len(), Text::Items.label(lang)) }</span>
                                    if let Some(about) = &catalog.about {
                                        <span class="catalog-about">{ about.get(lang) }</span>
                                    }
                                    if let Some(superseded) = &catalog.superseded {
                                        <span class="catalog-superseded">{ superseded.get(lang) }</span>
                                    }
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
