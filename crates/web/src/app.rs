//! The application root: which screen is shown, the catalogs on offer, the saved
//! assessments, and the notice banner. Opening and importing go through the engine.

use std::rc::Rc;

use tekigo_core::i18n::{load_error_message, Lang, Localized, Text};
use tekigo_core::scoring::score;
use tekigo_core::validate::{validate, validate_catalog};
use tekigo_core::{
    embedded, load_assessment, load_catalog, load_file, to_json, Assessment, Catalog, TekigoFile,
};
use yew::prelude::*;

use crate::browser::{clock, files, storage};
use crate::components::editor::Editor;
use crate::components::notice::{Notice, NoticeBanner};
use crate::components::start::{SavedSummary, StartScreen};
use crate::shared::Shared;

/// An assessment open in the editor.
#[derive(Clone, PartialEq)]
pub struct Opened {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub revision: u32,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub catalogs: Vec<Shared<Catalog>>,
    pub saved: Vec<SavedSummary>,
    pub open: Option<Opened>,
    pub notice: Option<Notice>,
}

pub enum AppAction {
    ToggleLang,
    Catalogs(Vec<Shared<Catalog>>),
    Saved(Vec<SavedSummary>),
    Open(Opened),
    Close,
    Notify(Notice),
    Dismiss,
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            AppAction::ToggleLang => {
                state.lang = match state.lang {
                    Lang::Ja => Lang::En,
                    Lang::En => Lang::Ja,
                }
            }
            AppAction::Catalogs(catalogs) => state.catalogs = catalogs,
            AppAction::Saved(saved) => state.saved = saved,
            AppAction::Open(opened) => {
                state.open = Some(opened);
                state.notice = None;
            }
            AppAction::Close => state.open = None,
            AppAction::Notify(notice) => state.notice = Some(notice),
            AppAction::Dismiss => state.notice = None,
        }
        Rc::new(state)
    }
}

/// The shipped catalogs, parsed and wrapped once per page.
fn embedded_catalogs() -> Vec<Shared<Catalog>> {
    thread_local! {
        static SHIPPED: Vec<Shared<Catalog>> = embedded::catalogs()
            .iter()
            .map(|catalog| Shared(Rc::new(catalog.clone())))
            .collect();
    }
    SHIPPED.with(Clone::clone)
}

fn find_catalog(catalogs: &[Shared<Catalog>], id: &str) -> Option<Shared<Catalog>> {
    catalogs.iter().find(|catalog| catalog.id == id).cloned()
}

/// Reads the stores: imported catalogs, then the saved assessments (with their progress),
/// then reopens `reopen`, the assessment this tab had open before a reload.
async fn load_everything(dispatch: Callback<AppAction>, reopen: Option<String>) {
    let mut catalogs = embedded_catalogs();
    for record in storage::catalogs().await.unwrap_or_default() {
        if let Ok(catalog) = load_catalog(record.json.as_bytes()) {
            if find_catalog(&catalogs, &catalog.id).is_none() {
                catalogs.push(Shared(Rc::new(catalog)));
            }
        }
    }
    dispatch.emit(AppAction::Catalogs(catalogs.clone()));
    let records = match storage::assessments().await {
        Ok(records) => records,
        Err(error) => {
            dispatch.emit(AppAction::Notify(Notice::error(
                format!("{}: {error}", Text::SaveFailed.label(Lang::Ja)),
                format!("{}: {error}", Text::SaveFailed.label(Lang::En)),
            )));
            return;
        }
    };
    let mut saved = Vec::new();
    for record in records {
        let Ok(assessment) = load_assessment(record.json.as_bytes()) else {
            continue;
        };
        let Some(catalog) = find_catalog(&catalogs, &assessment.catalog.id) else {
            continue;
        };
        let overall = score(&catalog, &assessment).overall;
        saved.push(SavedSummary {
            id: assessment.id.clone(),
            product: assessment.subject.product.clone(),
            catalog_title: catalog.title.clone(),
            answered: overall.answered(),
            total: overall.total,
            updated_at: assessment.updated_at.clone(),
        });
        if reopen.as_deref() == Some(assessment.id.as_str()) {
            dispatch.emit(AppAction::Open(Opened {
                catalog: catalog.clone(),
                assessment: Shared(Rc::new(assessment)),
                revision: record.revision,
            }));
        }
    }
    saved.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    dispatch.emit(AppAction::Saved(saved));
}

/// Stores a new assessment and opens it. An id that is already stored is never
/// overwritten: the assessment is stored as a copy under a fresh id instead.
async fn store_and_open(
    dispatch: Callback<AppAction>,
    catalog: Shared<Catalog>,
    mut assessment: Assessment,
) {
    let mut result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
    if result == Err(storage::SaveError::Conflict) {
        assessment.id = clock::fresh_id("assessment");
        result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
    }
    match result {
        Ok(revision) => dispatch.emit(AppAction::Open(Opened {
            catalog,
            assessment: Shared(Rc::new(assessment)),
            revision,
        })),
        Err(error) => dispatch.emit(AppAction::Notify(Notice::error(
            format!("{}: {error:?}", Text::SaveFailed.label(Lang::Ja)),
            format!("{}: {error:?}", Text::SaveFailed.label(Lang::En)),
        ))),
    }
}

/// Opens a picked file: a catalog is added to the list, an assessment is stored and opened.
/// Anything wrong is explained and changes nothing.
async fn open_file(dispatch: Callback<AppAction>, state: Rc<AppState>, file: web_sys::File) {
    let failed = |ja: String, en: String| {
        dispatch.emit(AppAction::Notify(Notice::error(
            format!(
                "{} ({}) {ja}",
                Text::FileOpenFailed.label(Lang::Ja),
                file.name()
            ),
            format!(
                "{} ({}) {en}",
                Text::FileOpenFailed.label(Lang::En),
                file.name()
            ),
        )))
    };
    let bytes = match files::read_bytes(&file).await {
        Ok(bytes) => bytes,
        Err(error) => return failed(error.clone(), error),
    };
    let file = match load_file(&bytes) {
        Ok(file) => file,
        Err(error) => {
            return failed(
                load_error_message(&error, Lang::Ja),
                load_error_message(&error, Lang::En),
            )
        }
    };
    match file {
        TekigoFile::Catalog(catalog) => {
            if let Some(problem) = validate_catalog(&catalog).first() {
                return failed(problem.message(Lang::Ja), problem.message(Lang::En));
            }
            if let Err(error) = storage::save_catalog(&catalog.id, to_json(&catalog)).await {
                return failed(error.clone(), error);
            }
            let mut catalogs: Vec<Shared<Catalog>> = state
                .catalogs
                .iter()
                .filter(|existing| existing.id != catalog.id)
                .cloned()
                .collect();
            let title = catalog.title.clone();
            catalogs.push(Shared(Rc::new(catalog)));
            dispatch.emit(AppAction::Catalogs(catalogs));
            dispatch.emit(AppAction::Notify(Notice::info(
                format!("{}: {title}", Text::FileOpened.label(Lang::Ja)),
                format!("{}: {title}", Text::FileOpened.label(Lang::En)),
            )));
        }
        TekigoFile::Assessment(assessment) => {
            let Some(catalog) = find_catalog(&state.catalogs, &assessment.catalog.id) else {
                let id = assessment.catalog.id.clone();
                return failed(
                    format!("{}: {id}", Text::UnknownCatalog.label(Lang::Ja)),
                    format!("{}: {id}", Text::UnknownCatalog.label(Lang::En)),
                );
            };
            let problems = validate(&assessment, &catalog);
            if let Some(problem) = problems.iter().find(|p| p.is_error()) {
                return failed(problem.message(Lang::Ja), problem.message(Lang::En));
            }
            store_and_open(dispatch.clone(), catalog, assessment).await;
            // Warnings (the catalog changed since the answers were given) open the file but
            // are said.
            if let Some(warning) = problems.first() {
                dispatch.emit(AppAction::Notify(Notice::info(
                    warning.message(Lang::Ja),
                    warning.message(Lang::En),
                )));
            }
        }
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState {
        lang: Lang::Ja,
        catalogs: embedded_catalogs(),
        saved: Vec::new(),
        open: None,
        notice: None,
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    {
        // Read once, before the effect below records that nothing is open yet.
        let reopen = (*use_memo((), |_| storage::remembered_open())).clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(load_everything(dispatch, reopen));
        });
    }
    // The open assessment survives a reload of this tab, and its storage should persist.
    {
        let open_id = state
            .open
            .as_ref()
            .map(|opened| opened.assessment.id.clone());
        use_effect_with(open_id, move |open_id| {
            storage::remember_open(open_id.as_deref());
            if open_id.is_some() {
                storage::request_persistence();
            }
        });
    }
    let lang = state.lang;
    let on_start = {
        let dispatch = dispatch.clone();
        Callback::from(move |catalog: Shared<Catalog>| {
            let assessment =
                Assessment::new(clock::fresh_id("assessment"), &catalog, &clock::now());
            wasm_bindgen_futures::spawn_local(store_and_open(
                dispatch.clone(),
                catalog,
                assessment,
            ));
        })
    };
    let on_open = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            let catalogs = state.catalogs.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(Some(record)) = storage::assessment(&id).await else {
                    return;
                };
                let Ok(assessment) = load_assessment(record.json.as_bytes()) else {
                    return;
                };
                if let Some(catalog) = find_catalog(&catalogs, &assessment.catalog.id) {
                    dispatch.emit(AppAction::Open(Opened {
                        catalog,
                        assessment: Shared(Rc::new(assessment)),
                        revision: record.revision,
                    }));
                }
            });
        })
    };
    let on_delete = {
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = storage::delete_assessment(&id).await;
                load_everything(dispatch, None).await;
            });
        })
    };
    let on_file = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |file: web_sys::File| {
            wasm_bindgen_futures::spawn_local(open_file(
                dispatch.clone(),
                Rc::new((*state).clone()),
                file,
            ));
        })
    };
    let on_sample = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let sample = embedded::sample_assessment();
            if let Some(catalog) = find_catalog(&state.catalogs, &sample.catalog.id) {
                wasm_bindgen_futures::spawn_local(store_and_open(
                    dispatch.clone(),
                    catalog,
                    sample,
                ));
            }
        })
    };
    let on_close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(AppAction::Close);
            wasm_bindgen_futures::spawn_local(load_everything(dispatch.clone(), None));
        })
    };
    let on_dismiss = dispatch.reform(|_| AppAction::Dismiss);
    let toggle_lang = dispatch.reform(|_| AppAction::ToggleLang);
    let on_notice = dispatch.reform(AppAction::Notify);
    let editor_key = state
        .open
        .as_ref()
        .map(|opened| opened.assessment.id.clone());
    html! {
        // The language is set on the app's own root, not on the page: when embedded, the
        // host page's <html lang> is not ours to change.
        <div class="tekigo" lang={lang.tag()}>
            <header class="app-header">
                <h1>{ "tekigo" }<span class="subtitle">{ " " }{ Text::AppSubtitle.label(lang) }</span></h1>
                <button class="lang-switch" onclick={toggle_lang} lang={ if lang == Lang::Ja { "en" } else { "ja" } }>
                    { Text::SwitchLanguage.label(lang) }
                </button>
            </header>
            if let Some(notice) = state.notice.clone() {
                <NoticeBanner {notice} {lang} on_dismiss={on_dismiss} />
            }
            <main>
                if let Some(opened) = state.open.clone() {
                    <Editor key={editor_key.unwrap_or_default()} {opened} {lang} {on_close} {on_notice} />
                } else {
                    <StartScreen
                        {lang}
                        catalogs={state.catalogs.clone()}
                        saved={state.saved.clone()}
                        {on_start} {on_open} {on_delete} {on_file} {on_sample} />
                }
            </main>
        </div>
    }
}
