//! The start screen: the saved assessments (with when each was last saved to a file, edits
//! the browser refused to store, and any record that does not open, with why), a quiet line on
//! what this browser stores and whether it keeps it, opening a file or the sample, and the
//! catalogs a new assessment can start from, each named by its source document with a line on
//! when to use it.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::shipped::CatalogEntry;
use tekigo_core::to_json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::{AppAction, SavedEntry, SavedSummary, Unreadable};
use crate::browser::clock::local_minutes;
use crate::browser::quota::StorageUse;
use crate::components::import_sheet::ImportSheet;
use crate::components::save_file_button::SaveFileButton;
use crate::components::shown_title;
use crate::ids::use_ids;
use crate::library::Library;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub catalogs: Vec<CatalogEntry>,
    /// Whether the shipped data's index has loaded (the sample is offered once it has).
    pub ready: bool,
    pub saved: Vec<SavedEntry>,
    pub storage: Option<StorageUse>,
    /// The catalogs loaded so far, and where loading more is said: for reading a sheet.
    pub library: Library,
    pub dispatch: Callback<AppAction>,
    /// Start a new assessment of the catalog with this id.
    pub on_start: Callback<String>,
    pub on_open: Callback<String>,
    /// The user asks to delete this assessment (and is to be asked to confirm).
    pub on_ask_delete: Callback<String>,
    /// Delete the imported catalog with this id (confirmed; none of the saved assessments
    /// uses it).
    pub on_delete_catalog: Callback<String>,
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
            let on_ask_delete = props.on_ask_delete.clone();
            Callback::from(move |_| {
                confirming.set(Some(id.clone()));
                on_ask_delete.emit(id.clone());
            })
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
    let imported_actions = |id: &str| {
        let Some(catalog) = props.library.catalog(id) else {
            return html! {};
        };
        let key = format!("catalog:{id}");
        let used_by = props
            .saved
            .iter()
            .filter(|entry| matches!(entry, SavedEntry::Readable(saved) if saved.catalog_id == id))
            .count();
        let asking = confirming.as_deref() == Some(key.as_str());
        let ask = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(Some(key.clone())))
        };
        let delete = {
            let (confirming, id) = (confirming.clone(), id.to_owned());
            let on_delete_catalog = props.on_delete_catalog.clone();
            Callback::from(move |_| {
                confirming.set(None);
                on_delete_catalog.emit(id.clone());
            })
        };
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        html! {
            <>
                <SaveFileButton label={Text::SaveCatalogJson.label(lang).to_owned()}
                                file_name={format!("{id}.json")} text={Rc::new(to_json(&*catalog))} {lang} />
                if used_by > 0 {
                    <span class="muted">{ format!("{} ({used_by})", Text::CatalogInUse.label(lang)) }</span>
                } else if asking {
                    <button class="danger" onclick={delete}>{ Text::ConfirmDeleteCatalog.label(lang) }</button>
                    <button onclick={cancel}>{ Text::Cancel.label(lang) }</button>
                } else {
                    <button onclick={ask} aria-label={format!("{}: {}", Text::Delete.label(lang), catalog.title)}>
                        { Text::Delete.label(lang) }
                    </button>
                }
            </>
        }
    };
    let readable = |saved: &SavedSummary| {
        let id = saved.id.clone();
        let open = props.on_open.reform(move |_| id.clone());
        let name = shown_title(&saved.title, lang);
        let backup = match &saved.exported_at {
            Some(time) => format!(
                "{} {}",
                Text::LastSavedToFile.label(lang),
                local_minutes(time, lang)
            ),
            None => Text::NeverSavedToFile.label(lang).to_owned(),
        };
        html! {
            <li key={saved.id.clone()} class="saved" data-unsaved={saved.unsaved.to_string()}>
                <div class="saved-main">
                    <span class="saved-name">{ name }</span>
                    if saved.unsaved {
                        <span class="saved-reason" role="note">{ Text::UnsavedChangesKept.label(lang) }</span>
                    }
                    <span class="muted">{ &saved.catalog_title }</span>
                    <span class="muted">
                        { format!("{} {}/{} {} ・ {} {}", Text::Progress.label(lang), saved.answered, saved.total,
                            Text::Answered.label(lang), Text::LastChanged.label(lang), local_minutes(&saved.updated_at, lang)) }
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
                    <button onclick={props.on_sample.reform(|_| ())} disabled={!props.ready}>{ Text::OpenSample.label(lang) }</button>
                </div>
                if let Some(storage) = props.storage {
                    { storage_line(&storage, lang) }
                }
                <ImportSheet {lang} library={props.library.clone()} dispatch={props.dispatch.clone()} on_file={props.on_file.clone()} />
            </section>
            <section aria-labelledby={catalogs_heading.clone()} class="panel">
                <h2 id={catalogs_heading}>{ Text::Catalogs.label(lang) }</h2>
                <ul class="catalog-list">
                    { for props.catalogs.iter().map(|catalog| {
                        let chosen = catalog.id.clone();
                        let start = props.on_start.reform(move |_| chosen.clone());
                        html! {
                            <li key={catalog.id.clone()} class="catalog">
                                <div class="catalog-main">
                                    <span class="catalog-title">{ &catalog.title }</span>
                                    <span class="catalog-meta">{ catalog_meta(catalog, lang) }</span>
                                    if let Some(about) = &catalog.about {
                                        <span class="catalog-about">{ about.get(lang) }</span>
                                    }
                                    if let Some(superseded) = &catalog.superseded {
                                        <span class="catalog-superseded">{ superseded.get(lang) }</span>
                                    }
                                </div>
                                <div class="catalog-actions">
                                    <button class="primary" onclick={start}
                                            aria-label={format!("{}: {}", Text::StartNew.label(lang), catalog.title)}>
                                        { Text::StartNew.label(lang) }
                                    </button>
                                    // A catalog a person brought: kept in this browser, so it can be
                                    // saved to a file and removed here.
                                    if catalog.file.is_empty() {
                                        { imported_actions(&catalog.id) }
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </div>
    }
}

/// What this browser stores for the app and whether it keeps it, in one quiet line that
/// speaks up when storage is nearly full.
fn storage_line(storage: &StorageUse, lang: Lang) -> Html {
    let mut text = format!(
        "{}: {}",
        Text::StorageInUse.label(lang),
        size(storage.usage)
    );
    if storage.nearly_full() {
        text += &format!(
            " ({} {}) {}",
            Text::StorageQuota.label(lang),
            size(storage.quota),
            Text::StorageNearlyFull.label(lang)
        );
    }
    let kept = if storage.persisted {
        Text::StoragePersisted
    } else {
        Text::StorageNotPersisted
    };
    html! {
        <p class={classes!("storage-use", (!storage.nearly_full()).then_some("muted"))}
           data-persisted={storage.persisted.to_string()}>
            { format!("{text} / {}", kept.label(lang)) }
        </p>
    }
}

/// A size in bytes as a person reads it: 980 B, 98 KB, 1.2 MB, 10 GB.
fn size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024.0 {
        return format!("{bytes:.0} B");
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A catalog's issuer, edition and size, each where the catalog gives it: 経済産業省 ・
/// 平成24年10月 ・ 182 項目.
fn catalog_meta(catalog: &CatalogEntry, lang: Lang) -> String {
    let items = format!("{} {}", catalog.items, Text::Items.label(lang));
    [
        catalog.issuer.trim(),
        catalog.version.trim(),
        items.as_str(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ・ ")
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_a_person_writes_them() {
        assert_eq!(size(980.0), "980 B");
        assert_eq!(size(100.0 * 1024.0), "100 KB");
        assert_eq!(size(1.2 * 1024.0 * 1024.0), "1.2 MB");
        assert_eq!(size(10.0 * 1024.0 * 1024.0 * 1024.0), "10 GB");
    }
}
