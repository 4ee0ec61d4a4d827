//! The assessment screen: header with saving state and 「ファイルに保存」, the subject, the tabs
//! (items, documents, dashboard) and what each shows. Owns the editor reducer, autosave and
//! the tab claim; stamps every edit with the time it was made.

use std::rc::Rc;

use tekigo_core::edit::Edit;
use tekigo_core::export::{builtin_exporters, file_name};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::to_json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Opened;
use crate::browser::autosave::{Autosave, Outcome};
use crate::browser::tabs::{self, TabEvent};
use crate::browser::{clock, files, stored};
use crate::components::dashboard::Dashboard;
use crate::components::documents::Documents;
use crate::components::export_menu::ExportMenu;
use crate::components::filters::FilterBar;
use crate::components::group_tree::GroupTree;
use crate::components::item_list::{focus_row, ItemList};
use crate::components::notice::Notice;
use crate::components::publish::PublishDialog;
use crate::components::subject::SubjectForm;
use crate::shared::Shared;
use crate::state::{EditorAction, EditorState, SaveState, Tab};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub opened: Opened,
    pub lang: Lang,
    pub on_close: Callback<()>,
    pub on_notice: Callback<Notice>,
    /// The assessment was written to a file at this time (RFC 3339).
    pub on_exported: Callback<(String, String)>,
}

fn tab_label(tab: Tab) -> Text {
    match tab {
        Tab::Items => Text::TabItems,
        Tab::Documents => Text::TabDocuments,
        Tab::Dashboard => Text::TabDashboard,
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let state = {
        let opened = props.opened.clone();
        use_reducer(move || {
            EditorState::new(opened.catalog.0.clone(), (*opened.assessment).clone())
        })
    };
    let autosave = {
        let revision = props.opened.revision;
        (*use_memo((), move |_| Autosave::new(revision))).clone()
    };
    // One callback for the component's lifetime, so memoized rows see unchanged props.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: EditorAction| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let on_edit = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| {
            dispatch.reform(|edit: Edit| EditorAction::Edit(edit, clock::now()))
        }))
        .clone()
    };
    // Another tab editing this assessment makes this one read-only; it follows that tab's
    // saves and takes over when that tab lets go. A deletion elsewhere is said.
    let following = use_mut_ref(|| false);
    *following.borrow_mut() = state.read_only();
    {
        let dispatch = dispatch.clone();
        let autosave = autosave.clone();
        let catalog = state.catalog.clone();
        let following = following.clone();
        use_effect_with(state.assessment.id.clone(), move |id| {
            let id_owned = id.clone();
            let claim = tabs::claim(
                id,
                Rc::new(move |event| {
                    let (dispatch, autosave, catalog, id) = (
                        dispatch.clone(),
                        autosave.clone(),
                        catalog.clone(),
                        id_owned.clone(),
                    );
                    let following = *following.borrow();
                    match event {
                        TabEvent::HeldElsewhere => {
                            dispatch.emit(EditorAction::SaveProblem(SaveState::ReadOnly))
                        }
                        TabEvent::Deleted => {
                            dispatch.emit(EditorAction::SaveProblem(SaveState::Deleted))
                        }
                        // Only a tab that does not edit follows; an editing tab hears of another's
                        // save through its own next save's conflict.
                        TabEvent::Saved if !following => {}
                        TabEvent::Saved | TabEvent::Released => {
                            let writable = event == TabEvent::Released;
                            wasm_bindgen_futures::spawn_local(async move {
                                if let Some((assessment, revision)) =
                                    stored::reread(&id, &catalog).await
                                {
                                    autosave.set_revision(revision);
                                    dispatch.emit(EditorAction::Replaced(Rc::new(assessment)));
                                }
                                if writable {
                                    dispatch.emit(EditorAction::Writable);
                                }
                            });
                        }
                    }
                }),
            );
            move || drop(claim)
        });
    }
    // Every edit is saved as it happens.
    {
        let autosave = autosave.clone();
        let dispatch = dispatch.clone();
        let assessment = state.assessment.clone();
        let read_only = state.read_only();
        use_effect_with(state.edits, move |edits| {
            if *edits > 0 && !read_only {
                let id = assessment.id.clone();
                autosave.save(
                    assessment.id.clone(),
                    to_json(&*assessment),
                    *edits,
                    move |outcome| {
                        dispatch.emit(match outcome {
                            Outcome::Saved(edit) => {
                                tabs::announce_saved(&id);
                                EditorAction::Saved(edit)
                            }
                            Outcome::Conflict => EditorAction::SaveProblem(SaveState::Conflict),
                            Outcome::Gone => EditorAction::SaveProblem(SaveState::Deleted),
                            Outcome::Failed { ja, en } => {
                                EditorAction::SaveProblem(SaveState::Failed { ja, en })
                            }
                        })
                    },
                );
            }
        });
    }
    // Focus lands on the first item when the assessment opens.
    let root = use_node_ref();
    {
        let root = root.clone();
        let first = state.visible.first().copied();
        use_effect_with((), move |_| {
            if let (Some(root), Some(first)) = (root.cast::<web_sys::Element>(), first) {
                focus_row(&root, first);
            }
        });
    }
    let exporters = builtin_exporters();
    let publish_open = use_state(|| false);
    let export = {
        let assessment = state.assessment.clone();
        let catalog = state.catalog.clone();
        let on_notice = props.on_notice.clone();
        let on_exported = props.on_exported.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let exporter = builtin_exporters()[0];
            let format = exporter.format();
            let name = file_name(&assessment, &format, &clock::local_date());
            match exporter.export(&catalog, &assessment, &clock::now()) {
                Ok(bytes) => match files::download(&name, &bytes, format.mime) {
                    Ok(()) => {
                        dispatch.emit(EditorAction::SavedToFile);
                        on_exported.emit((assessment.id.clone(), clock::now()))
                    }
                    Err(error) => on_notice.emit(Notice::error(error.clone(), error)),
                },
                Err(error) => on_notice.emit(Notice::error(
                    error.message(Lang::Ja),
                    error.message(Lang::En),
                )),
            }
        })
    };
    let tablist_keys = {
        let dispatch = dispatch.clone();
        let current = state.tab;
        Callback::from(move |event: KeyboardEvent| {
            let at = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" => Tab::ALL[(at + 1) % Tab::ALL.len()],
                "ArrowLeft" => Tab::ALL[(at + Tab::ALL.len() - 1) % Tab::ALL.len()],
                "Home" => Tab::ALL[0],
                "End" => Tab::ALL[Tab::ALL.len() - 1],
                _ => return,
            };
            event.prevent_default();
            dispatch.emit(EditorAction::ShowTab(next));
            // The newly selected tab takes the focus, as a tablist does.
            if let Some(list) = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let index = Tab::ALL.iter().position(|t| *t == next).unwrap_or(0);
                if let Ok(Some(button)) =
                    list.query_selector(&format!("[role=tab]:nth-child({})", index + 1))
                {
                    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            }
        })
    };
    let tab_button = |tab: Tab| {
        let select = dispatch.reform(move |_| EditorAction::ShowTab(tab));
        let current = state.tab == tab;
        html! {
            <button role="tab" aria-selected={current.to_string()} tabindex={ if current { "0" } else { "-1" } }
                    class={classes!("tab", current.then_some("tab-current"))}
                    onclick={select}>{ tab_label(tab).label(lang) }</button>
        }
    };
    let resave = {
        let dispatch = dispatch.clone();
        let autosave = autosave.clone();
        Callback::from(move |_| {
            autosave.set_revision(0);
            dispatch.emit(EditorAction::Resave);
        })
    };
    let save_message = save_message(&state, lang, export.clone(), resave);
    let skip_to_items = {
        let root = root.clone();
        let selected = state.selected;
        Callback::from(move |_| {
            if let (Some(root), Some(selected)) = (root.cast::<web_sys::Element>(), selected) {
                focus_row(&root, selected);
            }
        })
    };
    let publishing = *publish_open;
    let toggle_publish = {
        let publish_open = publish_open.clone();
        Callback::from(move |()| publish_open.set(!*publish_open))
    };
    let catalog: Shared<_> = Shared(state.catalog.clone());
    let assessment: Shared<_> = Shared(state.assessment.clone());
    let has_unconfirmed = assessment.answers.values().any(|a| a.awaits_confirmation());
    let on_jump = dispatch.reform(EditorAction::Jump);
    let on_documents = dispatch.reform(|_| EditorAction::ShowTab(Tab::Documents));
    html! {
        <div class="editor" ref={root}>
            <div class="editor-header">
                <button class="back" onclick={props.on_close.reform(|_| ())}>{ Text::Back.label(lang) }</button>
                <div class="editor-title">
                    <h2>{ if assessment.subject.product.is_empty() { Text::Untitled.label(lang).to_owned() } else { assessment.subject.product.clone() } }</h2>
                    <span class="muted">{ &catalog.title }</span>
                </div>
                <button onclick={toggle_publish.reform(|_| ())} aria-expanded={publishing.to_string()}>{ Text::Publish.label(lang) }</button>
                <button class="primary" onclick={export} title={exporters[0].format().label.get(lang).to_owned()}>
                    { Text::SaveToFile.label(lang) }
                </button>
            </div>
            <ExportMenu catalog={catalog.clone()} assessment={assessment.clone()} {lang} />
            { save_message }
            if publishing {
                <PublishDialog catalog={catalog.clone()} assessment={assessment.clone()} {lang}
                               on_close={toggle_publish.clone()} />
            }
            if state.suggests_file_save() && state.save == SaveState::Saved {
                <p class="backup-hint muted">{ Text::SuggestFileSave.label(lang) }</p>
            }
            if let Some(refused) = &state.refused {
                <p class="save-state warn" role="alert">{ refused.message(lang) }</p>
            }
            <SubjectForm subject={assessment.subject.clone()} {lang} read_only={state.read_only()} on_edit={on_edit.clone()} />
            <div class="tabs" role="tablist" onkeydown={tablist_keys}>
                { for Tab::ALL.iter().map(|tab| tab_button(*tab)) }
            </div>
            {
                match state.tab {
                    Tab::Items => html! {
                        <>
                        <button class="skip-link" onclick={skip_to_items}>{ Text::SkipToItems.label(lang) }</button>
                        <div class="items-layout">
                            <GroupTree catalog={catalog.clone()} assessment={assessment.clone()} {lang}
                                       current={state.filter.group.clone()} filter={state.filter.clone()} dispatch={dispatch.clone()} />
                            <div class="items-main">
                                <FilterBar filter={state.filter.clone()} catalog={catalog.clone()} parties={assessment.parties.clone()}
                                           {lang} shown={state.visible.len()} {has_unconfirmed} dispatch={dispatch.clone()} />
                                <ItemList catalog={catalog.clone()} assessment={assessment.clone()}
                                          visible={Shared(state.visible.clone())} selected={state.selected}
                                          expanded={state.expanded} query={state.filter.query.clone()}
                                          index={Shared(state.index.clone())} {lang}
                                          read_only={state.read_only()} dispatch={dispatch.clone()}
                                          on_edit={on_edit.clone()} {on_documents} />
                            </div>
                        </div>
                        </>
                    },
                    Tab::Documents => html! {
                        <Documents assessment={assessment.clone()} {lang} read_only={state.read_only()} on_edit={on_edit.clone()} />
                    },
                    Tab::Dashboard => html! {
                        <Dashboard catalog={catalog.clone()} assessment={assessment.clone()} {lang} {on_jump} />
                    },
                }
            }
        </div>
    }
}

/// Whether what the screen shows is stored, and what to do when it is not.
fn save_message(
    state: &EditorState,
    lang: Lang,
    save_to_file: Callback<MouseEvent>,
    resave: Callback<MouseEvent>,
) -> Html {
    let warn = |text: String, offer_file: bool| {
        html! {
            <div class="save-state warn" role="alert" data-unsaved={state.unsaved().to_string()}>
                <span>{ text }</span>
                if offer_file {
                    <button class="primary" onclick={save_to_file.clone()}>{ Text::SaveToFile.label(lang) }</button>
                }
                if state.save == SaveState::Deleted {
                    <button onclick={resave.clone()}>{ Text::StoreAgain.label(lang) }</button>
                }
            </div>
        }
    };
    match &state.save {
        SaveState::Saved => {
            let pending = state.saving();
            html! {
                <span class="save-state" data-pending={pending.to_string()}>
                    { if pending { Text::Saving.label(lang) } else { Text::SavedState.label(lang) } }
                </span>
            }
        }
        SaveState::ReadOnly => warn(Text::ReadOnly.label(lang).to_owned(), false),
        SaveState::Conflict => warn(Text::Conflict.label(lang).to_owned(), true),
        SaveState::Deleted => warn(Text::DeletedElsewhere.label(lang).to_owned(), true),
        SaveState::Failed { ja, en } => warn(
            format!(
                "{} {}",
                Text::NotSaved.label(lang),
                if lang == Lang::Ja { ja } else { en }
            ),
            true,
        ),
    }
}
