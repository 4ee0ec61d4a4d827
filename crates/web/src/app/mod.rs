//! The application root: the library of catalogs (a context every component reads), the
//! screens (start, about, the editor), and the notice banner. What the app does with storage
//! and files is in [`flows`]; loading the shipped data in [`shipped`]; its state and reducer
//! in [`state`].

mod flows;
pub mod shipped;
mod state;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Assessment;
use yew::prelude::*;

use crate::browser::paint::after_next_paint;
use crate::browser::{clock, files, handover, quota, storage, tabs, unsaved};
use crate::components::about::About;
use crate::components::editor::Editor;
use crate::components::header::AppHeader;
use crate::components::notice::{Notice, NoticeBanner};
use crate::components::offer::OfferBanner;
use crate::components::start::StartScreen;
use crate::ids::IdPrefix;
use crate::library::Library;

use state::AppState;
pub use state::{AppAction, Offer, Opened, SavedEntry, SavedSummary, Screen, Unreadable};

/// Reads the index of the shipped data and the stores, then lists the saved assessments and
/// reopens `reopen`.
async fn load_everything(dispatch: Callback<AppAction>, reopen: Option<String>) {
    let empty = Library::default();
    let library = shipped::with_index(&dispatch, &empty)
        .await
        .unwrap_or(empty);
    let library = flows::with_imported_catalogs(library).await;
    // Added to, not put in place of, what a hand-over may have loaded meanwhile.
    dispatch.emit(AppAction::Loaded(library.clone()));
    flows::load_saved(dispatch, library, reopen).await;
}

/// What a deletion the browser refused says: the record's id and the browser's reason.
fn delete_failed(id: &str, problem: &storage::StorageProblem) -> Notice {
    let (ja, en) = problem.message();
    Notice::error(
        format!("{} ({id}): {ja}", Text::DeleteFailed.label(Lang::Ja)),
        format!("{} ({id}): {en}", Text::DeleteFailed.label(Lang::En)),
    )
}

#[component]
pub fn App() -> Html {
    let ids = use_memo((), |_| IdPrefix::fresh());
    let state = use_reducer(|| {
        AppState::new(
            Library::default(),
            storage::remembered_lang().unwrap_or_default(),
        )
    });
    // The language chosen stays for the next visit.
    use_effect_with(state.lang, |lang| storage::remember_lang(*lang));
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
    // Published answers handed over by the widget on a vendor's page.
    {
        let dispatch = dispatch.clone();
        let state = state.clone();
        use_effect_with((), move |_| {
            handover::listen(move |origin, json| {
                wasm_bindgen_futures::spawn_local(flows::receive_offer(
                    dispatch.clone(),
                    state.library.clone(),
                    origin,
                    json,
                ))
            });
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
                quota::ask_to_persist();
            }
        });
    }
    // Once the start screen has settled (the saved assessments listed, nothing open, nothing
    // loading), the shipped catalogs are read after the next paint, so that starting one waits
    // for no file. A load the user starts first cancels it.
    {
        let settled = state.listed
            && state.open.is_none()
            && state.loading == 0
            && state.library.index.is_some();
        let dispatch = dispatch.clone();
        let library = state.library.clone();
        use_effect_with(settled, move |settled| {
            let waiting = settled.then(|| {
                after_next_paint(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        shipped::read_ahead(&dispatch, &library).await
                    })
                })
            });
            move || drop(waiting)
        });
    }
    let lang = state.lang;
    let reload_list = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        move || {
            wasm_bindgen_futures::spawn_local(flows::load_saved(
                dispatch.clone(),
                state.library.clone(),
                None,
            ))
        }
    };
    let on_start = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |id: String| {
            let (dispatch, library) = (dispatch.clone(), state.library.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(library) = shipped::complete(&dispatch, &library, &[&id]).await else {
                    return;
                };
                let Some(catalog) = library.catalog(&id) else {
                    return;
                };
                let assessment =
                    Assessment::new(clock::fresh_id("assessment"), &catalog, &clock::now());
                flows::store_and_open(dispatch, catalog, assessment, &[]).await;
            });
        })
    };
    let on_open = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            let library = state.library.clone();
            wasm_bindgen_futures::spawn_local(flows::load_saved(dispatch, library, Some(id)));
        })
    };
    let on_delete = {
        let reload_list = reload_list.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| {
            let (reload_list, dispatch) = (reload_list.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match storage::delete_assessment(&id).await {
                    Ok(()) => {
                        unsaved::forget(&id);
                        tabs::announce_deleted(&id);
                    }
                    Err(problem) => dispatch.emit(AppAction::Notify(delete_failed(&id, &problem))),
                }
                reload_list();
            });
        })
    };
    let on_delete_catalog = {
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match storage::delete_catalog(&id).await {
                    Ok(()) => dispatch.emit(AppAction::CatalogDeleted(id)),
                    Err(problem) => dispatch.emit(AppAction::Notify(delete_failed(&id, &problem))),
                }
            });
        })
    };
    // Asking to delete reads the list again, so whether another tab has the assessment open
    // is said as it is now.
    let on_ask_delete = {
        let reload_list = reload_list.clone();
        Callback::from(move |_: String| reload_list())
    };
    let on_save_raw = {
        let dispatch = dispatch.clone();
        Callback::from(move |record: Unreadable| {
            let name = format!(
                "tekigo_record_{}.json",
                record.key.replace(['/', '\\', ':'], "_")
            );
            if files::download(&name, record.raw.as_bytes(), "application/json").is_err() {
                dispatch.emit(AppAction::Notify(Notice::error_text(Text::DownloadFailed)));
            }
        })
    };
    let on_file = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |file: web_sys::File| {
            wasm_bindgen_futures::spawn_local(flows::open_file(
                dispatch.clone(),
                state.library.clone(),
                file,
            ));
        })
    };
    let on_sample = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let (dispatch, library) = (dispatch.clone(), state.library.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(sample) = shipped::sample(&dispatch, &library).await else {
                    return;
                };
                let needed = [sample.catalog.id.as_str()];
                let Some(library) = shipped::complete(&dispatch, &library, &needed).await else {
                    return;
                };
                if let Some(catalog) = library.catalog(&sample.catalog.id) {
                    flows::store_and_open(dispatch, catalog, sample, &[]).await;
                }
            });
        })
    };
    let on_close = {
        let dispatch = dispatch.clone();
        let reload_list = reload_list.clone();
        Callback::from(move |_| {
            dispatch.emit(AppAction::Close);
            reload_list();
        })
    };
    let on_exported = Callback::from(move |(id, time): (String, String)| {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = storage::mark_exported(&id, &time).await;
        });
    });
    let on_accept = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(offer) = state.offer.clone() {
                dispatch.emit(AppAction::Decline);
                wasm_bindgen_futures::spawn_local(flows::start_own_check(
                    dispatch.clone(),
                    state.library.clone(),
                    (*offer.published).clone(),
                ));
            }
        })
    };
    let on_decline = dispatch.reform(|_| AppAction::Decline);
    let on_dismiss = dispatch.reform(|_| AppAction::Dismiss);
    let toggle_lang = dispatch.reform(|_| AppAction::ToggleLang);
    let on_notice = dispatch.reform(AppAction::Notify);
    let show_about = dispatch.reform(|_| AppAction::Show(Screen::About));
    let show_start = dispatch.reform(|_| AppAction::Show(Screen::Start));
    let editor_key = state
        .open
        .as_ref()
        .map(|opened| opened.assessment.id.clone());
    let screen = if let Some(opened) = state.open.clone() {
        html! {
            <Editor key={editor_key.unwrap_or_default()} {opened} {lang} {on_close} {on_notice} {on_exported} />
        }
    } else if state.screen == Screen::About {
        html! { <About {lang} catalogs={state.library.entries()} on_back={show_start} /> }
    } else {
        html! {
            <StartScreen
                {lang}
                catalogs={state.library.entries()}
                ready={state.library.index.is_some()}
                saved={state.saved.clone()}
                storage={state.storage}
                library={state.library.clone()}
                dispatch={dispatch.clone()}
                {on_start} {on_open} {on_ask_delete} {on_delete} {on_delete_catalog} {on_save_raw} {on_file} {on_sample} />
        }
    };
    html! {
        <ContextProvider<IdPrefix> context={(*ids).clone()}>
        <ContextProvider<Library> context={state.library.clone()}>
        // The language is set on the app's own root, not on the page: when embedded, the
        // host page's <html lang> is not ours to change.
        <div class="tekigo" lang={lang.tag()}>
            <AppHeader {lang} on_about={show_about} on_toggle_lang={toggle_lang} />
            if let Some(offer) = state.offer.clone() {
                <OfferBanner {offer} {lang} {on_accept} {on_decline} />
            }
            if let Some(notice) = state.notice.clone() {
                <NoticeBanner {notice} {lang} on_dismiss={on_dismiss} />
            }
            <main>
                if state.loading > 0 {
                    <p class="loading" role="status">{ Text::Loading.label(lang) }</p>
                }
                { screen }
            </main>
        </div>
        </ContextProvider<Library>>
        </ContextProvider<IdPrefix>>
    }
}
