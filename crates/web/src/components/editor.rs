//! The assessment screen: header with tabs and export, the subject, and the items, the
//! document register or the dashboard. Owns the editor reducer, autosave and the tab claim.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::to_json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Opened;
use crate::browser::autosave::{Autosave, Outcome};
use crate::browser::{clock, files, tabs};
use crate::components::dashboard::Dashboard;
use crate::components::documents::Documents;
use crate::components::filters::FilterBar;
use crate::components::group_tree::GroupTree;
use crate::components::item_list::ItemList;
use crate::components::notice::Notice;
use crate::components::subject::SubjectForm;
use crate::shared::Shared;
use crate::state::{EditorAction, EditorState, SaveState, Tab};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub opened: Opened,
    pub lang: Lang,
    pub on_close: Callback<()>,
    pub on_notice: Callback<Notice>,
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
    // Another tab holding this assessment makes this one read-only.
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.assessment.id.clone(), move |id| {
            let claim = tabs::claim(
                id,
                Rc::new(move || dispatch.emit(EditorAction::SaveProblem(SaveState::ReadOnly))),
            );
            move || drop(claim)
        });
    }
    // Every edit is saved as it happens.
    {
        let dispatch = dispatch.clone();
        let assessment = state.assessment.clone();
        let read_only = state.read_only();
        use_effect_with(state.edits, move |edits| {
            if *edits > 0 && !read_only {
                autosave.save(
                    assessment.id.clone(),
                    to_json(&*assessment),
                    *edits,
                    move |outcome| {
                        dispatch.emit(match outcome {
                            Outcome::Saved(edit) => EditorAction::Saved(edit),
                            Outcome::Conflict => EditorAction::SaveProblem(SaveState::Conflict),
                            Outcome::Failed(message) => {
                                EditorAction::SaveProblem(SaveState::Failed(message))
                            }
                        })
                    },
                );
            }
        });
    }
    let export = {
        let assessment = state.assessment.clone();
        let on_notice = props.on_notice.clone();
        Callback::from(move |_| {
            let name = format!("{}.json", assessment.file_stem(&clock::local_date()));
            if let Err(error) = files::download(&name, &to_json(&*assessment), "application/json") {
                on_notice.emit(Notice::error(error.clone(), error));
            }
        })
    };
    let tab_button = |tab: Tab, text: Text| {
        let select = dispatch.reform(move |_| EditorAction::ShowTab(tab));
        let current = state.tab == tab;
        html! {
            <button role="tab" aria-selected={current.to_string()} class={classes!("tab", current.then_some("tab-current"))}
                    onclick={select}>{ text.label(lang) }</button>
        }
    };
    let save_message = match &state.save {
        SaveState::Saved => {
            let pending = state.saving();
            html! {
                <span class="save-state" data-pending={pending.to_string()}>
                    { if pending { Text::Saving.label(lang) } else { Text::SavedState.label(lang) } }
                </span>
            }
        }
        SaveState::ReadOnly => {
            html! { <span class="save-state warn" role="alert">{ Text::ReadOnly.label(lang) }</span> }
        }
        SaveState::Conflict => {
            html! { <span class="save-state warn" role="alert">{ Text::Conflict.label(lang) }</span> }
        }
        SaveState::Failed(message) => html! {
            <span class="save-state warn" role="alert">{ format!("{}: {message}", Text::SaveFailed.label(lang)) }</span>
        },
    };
    // Keyboard users skip the group tree and land on the selected item.
    let root = use_node_ref();
    let skip_to_items = {
        let root = root.clone();
        Callback::from(move |_| {
            let row = root
                .cast::<web_sys::Element>()
                .and_then(|root| {
                    root.query_selector(".item-select[tabindex=\"0\"]")
                        .ok()
                        .flatten()
                })
                .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(row) = row {
                let _ = row.focus();
            }
        })
    };
    let catalog: Shared<_> = Shared(state.catalog.clone());
    let assessment: Shared<_> = Shared(state.assessment.clone());
    html! {
        <div class="editor" ref={root}>
            <div class="editor-header">
                <button class="back" onclick={props.on_close.reform(|_| ())}>{ Text::Back.label(lang) }</button>
                <div class="editor-title">
                    <h2>{ if assessment.subject.product.is_empty() { Text::Untitled.label(lang).to_owned() } else { assessment.subject.product.clone() } }</h2>
                    <span class="muted">{ &catalog.title }</span>
                </div>
                <button class="primary" onclick={export}>{ Text::ExportJson.label(lang) }</button>
            </div>
            { save_message }
            <SubjectForm subject={assessment.subject.clone()} {lang} read_only={state.read_only()} dispatch={dispatch.clone()} />
            <div class="tabs" role="tablist">
                { tab_button(Tab::Items, Text::TabItems) }
                { tab_button(Tab::Documents, Text::TabDocuments) }
                { tab_button(Tab::Dashboard, Text::TabDashboard) }
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
                                <FilterBar filter={state.filter.clone()} {lang} shown={state.visible.len()}
                                           total={catalog.items.len()}
                                guidelines={catalog.all_guidelines()} dispatch={dispatch.clone()} />
                                <ItemList catalog={catalog.clone()} assessment={assessment.clone()}
                                          visible={Shared(state.visible.clone())} selected={state.selected}
                                          expanded={state.expanded} query={state.filter.query.clone()}
                                          index={Shared(state.index.clone())} {lang}
                                          read_only={state.read_only()} dispatch={dispatch.clone()} />
                            </div>
                        </div>
                        </>
                    },
                    Tab::Documents => html! {
                        <Documents documents={assessment.documents.clone()} {lang} read_only={state.read_only()} dispatch={dispatch.clone()} />
                    },
                    Tab::Dashboard => html! {
                        <Dashboard catalog={catalog.clone()} assessment={assessment.clone()} {lang} />
                    },
                }
            }
        </div>
    }
}
