//! The assessment screen: one compact header line (back, the product and catalog, the saving
//! state, 「ファイルに保存」), the subject, the tabs (items, table, documents, dashboard) and what
//! each shows. Owns the editor reducer, autosave and the tab claim; stamps every edit with the
//! time it was made. Focus lands on the first item when the assessment opens, and on the
//! chosen item when another tab (the table, the dashboard) leads to it.

use std::rc::Rc;

use tekigo_core::edit::Edit;
use tekigo_core::export::{builtin_exporters, file_name};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::to_json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Opened;
use crate::browser::autosave::{Autosave, Outcome};
use crate::browser::paint::after_next_paint;
use crate::browser::tabs::{self, TabEvent};
use crate::browser::{clock, files, stored, versions};
use crate::components::analysis::Analysis;
use crate::components::dashboard::Dashboard;
use crate::components::documents::Documents;
use crate::components::export_menu::ExportMenu;
use crate::components::filters::FilterBar;
use crate::components::group_tree::GroupTree;
use crate::components::item_list::{focus_row, focus_row_in_place, ItemList};
use crate::components::notice::Notice;
use crate::components::publish::PublishDialog;
use crate::components::reading_notes::{says_left_out, ReadingNotes};
use crate::components::report::Report;
use crate::components::subject::SubjectForm;
use crate::components::table_view::TableView;
use crate::components::title_of;
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
        Tab::Table => Text::TabTable,
        Tab::Documents => Text::TabDocuments,
        Tab::Dashboard => Text::TabDashboard,
        Tab::Analysis => Text::TabAnalysis,
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let state = {
        let opened = props.opened.clone();
        use_reducer(move || {
            let state = EditorState::new(opened.catalog.0.clone(), (*opened.assessment).clone());
            if opened.unstored {
                state.with_unstored_changes()
            } else {
                state
            }
        })
    };
    // This editor's name in messages between tabs, so it ignores its own.
    let tab = (*use_memo((), |_| clock::fresh_id("tab"))).clone();
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
    {
        let dispatch = dispatch.clone();
        let autosave = autosave.clone();
        let catalog = state.catalog.clone();
        let tab = tab.clone();
        use_effect_with(state.assessment.id.clone(), move |id| {
            let claim = tabs::claim(id, &tab, on_tab_event(id, catalog, autosave, dispatch));
            move || drop(claim)
        });
    }
    // Refused saves are not tried again once the editor closes: their edits are kept aside
    // and saved by the editor that opens the assessment next.
    {
        let autosave = autosave.clone();
        use_effect_with((), move |_| move || autosave.stop());
    }
    // Every edit is saved as it happens.
    {
        let autosave = autosave.clone();
        let dispatch = dispatch.clone();
        let assessment = state.assessment.clone();
        let read_only = state.read_only();
        let tab = tab.clone();
        // Only once this tab is known to hold the assessment: a tab that turns out read-only
        // never writes, not even edits it opened with from where they were kept aside.
        use_effect_with((state.edits, state.holds), move |(edits, holds)| {
            if *edits > 0 && *holds && !read_only {
                let id = assessment.id.clone();
                autosave.save(
                    assessment.id.clone(),
                    to_json(&*assessment),
                    *edits,
                    move |outcome| {
                        dispatch.emit(match outcome {
                            Outcome::Saved(edit) => {
                                tabs::announce_saved(&id, &tab);
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
    // Focus lands on the first item when the assessment opens; the page is not scrolled to it.
    let root = use_node_ref();
    {
        let root = root.clone();
        let first = state.visible.first().copied();
        use_effect_with((), move |_| {
            if let (Some(root), Some(first)) = (root.cast::<web_sys::Element>(), first) {
                focus_row_in_place(&root, first);
            }
        });
    }
    // The search index is folded once the screen is painted, so that opening does not wait
    // for it and the first keystroke seldom does.
    {
        let catalog = state.catalog.clone();
        let assessment = state.assessment.clone();
        use_effect_with(Shared(state.index.clone()), move |index| {
            let index = index.clone();
            let fold_later = after_next_paint(move || {
                index.prepare(&catalog, &assessment);
            });
            move || drop(fold_later)
        });
    }
    // A jump from the table or the dashboard removes the element that had the focus: the
    // item it led to takes it.
    {
        let root = root.clone();
        let selected = state.selected;
        use_effect_with(state.tab, move |tab| {
            let focus_lost = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.active_element())
                .is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"));
            if let (Tab::Items, true, Some(root), Some(selected)) =
                (tab, focus_lost, root.cast::<web_sys::Element>(), selected)
            {
                focus_row(&root, selected);
            }
        });
    }
    let exporters = builtin_exporters();
    let publish_open = use_state(|| false);
    let formats_open = use_state(|| false);
    let report_open = use_state(|| false);
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
                        on_exported.emit((assessment.id.clone(), clock::now()));
                        keep_version(&assessment, dispatch.clone(), on_notice.clone());
                    }
                    Err(files::Refused) => on_notice.emit(Notice::error_text(Text::DownloadFailed)),
                },
                Err(error) => on_notice.emit(Notice::error(
                    error.message(Lang::Ja),
                    error.message(Lang::En),
                )),
            }
        })
    };
    // Any other file written from the assessment (another format, the public version) is kept
    // as a version too, and its time noted.
    let on_written = {
        let assessment = state.assessment.clone();
        let (dispatch, on_notice) = (dispatch.clone(), props.on_notice.clone());
        let on_exported = props.on_exported.clone();
        Callback::from(move |()| {
            on_exported.emit((assessment.id.clone(), clock::now()));
            keep_version(&assessment, dispatch.clone(), on_notice.clone());
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
    let reporting = *report_open;
    let toggle_report = {
        let report_open = report_open.clone();
        Callback::from(move |()| report_open.set(!*report_open))
    };
    let toggle_formats = {
        let formats_open = formats_open.clone();
        Callback::from(move |_: MouseEvent| formats_open.set(!*formats_open))
    };
    let toggle_publish = {
        let publish_open = publish_open.clone();
        Callback::from(move |()| publish_open.set(!*publish_open))
    };
    let catalog: Shared<_> = Shared(state.catalog.clone());
    let assessment: Shared<_> = Shared(state.assessment.clone());
    let has_unconfirmed = assessment.answers.values().any(|a| a.awaits_confirmation());
    let on_jump = dispatch.reform(EditorAction::Jump);
    let on_documents = dispatch.reform(|_| EditorAction::ShowTab(Tab::Documents));
    if reporting {
        return html! {
            <Report catalog={catalog} assessment={assessment} visible={Shared(state.visible.clone())}
                    filter={state.filter.clone()} {lang} on_close={toggle_report} />
        };
    }
    let left_out = says_left_out(&assessment.notes);
    let reading_notes = html! {
        <ReadingNotes notes={assessment.notes.clone()} {lang} read_only={state.read_only()} on_edit={on_edit.clone()} />
    };
    html! {
        <div class="editor" ref={root}>
            <div class="editor-header">
                <button class="back" onclick={props.on_close.reform(|_| ())} aria-label={Text::Back.label(lang)}>
                    <span aria-hidden="true">{ "←" }</span><span class="back-label">{ Text::Back.label(lang) }</span>
                </button>
                <div class="editor-title">
                    <h2>{ title_of(&assessment.subject, lang) }</h2>
                    <span class="muted catalog-name">{ &catalog.title }</span>
                </div>
                if state.save == SaveState::Saved { { save_message.clone() } }
                <button onclick={toggle_report.reform(|_| ())}>{ Text::Report.label(lang) }</button>
                <button onclick={toggle_publish.reform(|_| ())} aria-expanded={publishing.to_string()}>{ Text::Publish.label(lang) }</button>
                <button onclick={toggle_formats} aria-expanded={formats_open.to_string()}>{ Text::FormatsMenu.label(lang) }</button>
                <button class="primary" onclick={export} title={exporters[0].format().label.get(lang).to_owned()}>
                    { Text::SaveToFile.label(lang) }
                </button>
            </div>
            <ExportMenu catalog={catalog.clone()} assessment={assessment.clone()} {lang} open={*formats_open}
                        on_written={on_written.clone()} />
            if state.save != SaveState::Saved { { save_message } }
            if publishing {
                <PublishDialog catalog={catalog.clone()} assessment={assessment.clone()} {lang}
                               on_close={toggle_publish.clone()} {on_written} />
            }
            if state.suggests_file_save() && state.save == SaveState::Saved {
                <p class="backup-hint muted">{ Text::SuggestFileSave.label(lang) }</p>
            }
            if let Some(refused) = &state.refused {
                <p class="save-state warn" role="alert">{ refused.message(lang) }</p>
            }
            <SubjectForm subject={assessment.subject.clone()} {lang} read_only={state.read_only()} on_edit={on_edit.clone()}>
                if !left_out { { reading_notes.clone() } }
            </SubjectForm>
            if left_out { { reading_notes } }
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
                    Tab::Table => html! {
                        <>
                        <FilterBar filter={state.filter.clone()} catalog={catalog.clone()} parties={assessment.parties.clone()}
                                   {lang} shown={state.table_rows.len()} {has_unconfirmed} group_select=true dispatch={dispatch.clone()} />
                        <TableView catalog={catalog.clone()} assessment={assessment.clone()} rows={Shared(state.table_rows.clone())}
                                   sort={state.table_sort.clone()} selected={state.selected} editable={state.table_editable}
                                   read_only={state.read_only()} {lang} dispatch={dispatch.clone()} on_edit={on_edit.clone()} />
                        </>
                    },
                    Tab::Documents => html! {
                        <Documents assessment={assessment.clone()} {lang} read_only={state.read_only()} on_edit={on_edit.clone()} />
                    },
                    Tab::Dashboard => html! {
                        <Dashboard catalog={catalog.clone()} assessment={assessment.clone()} {lang} on_jump={on_jump.clone()} />
                    },
                    Tab::Analysis => html! {
                        <Analysis catalog={catalog.clone()} assessment={assessment.clone()} {lang}
                                  read_only={state.read_only()} on_edit={on_edit.clone()} {on_jump}
                                  versions_stored={state.versions_stored} />
                    },
                }
            }
        </div>
    }
}

/// Keeps what was written to a file as a version of the assessment; a version the browser
/// refuses to store is said.
fn keep_version(
    assessment: &tekigo_core::Assessment,
    dispatch: Callback<EditorAction>,
    on_notice: Callback<Notice>,
) {
    let (id, json) = (assessment.id.clone(), to_json(assessment));
    wasm_bindgen_futures::spawn_local(async move {
        match versions::save_version(&id, &clock::now(), "", true, &json).await {
            Ok(()) => dispatch.emit(EditorAction::VersionStored),
            Err(problem) => {
                let (ja, en) = problem.message();
                on_notice.emit(Notice::error(ja, en));
            }
        }
    });
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

/// What this editor does when it holds its assessment, or another tab holds, saves, lets go
/// of or deletes it. While another tab edits, this one is read-only and shows what that tab
/// stores (its stored revision is then the one to save on top of); when that tab lets go, this
/// one edits, starting from the edits the closed tab could not store, if it kept some aside.
fn on_tab_event(
    id: &str,
    catalog: Rc<tekigo_core::Catalog>,
    autosave: Autosave,
    dispatch: Callback<EditorAction>,
) -> Rc<dyn Fn(TabEvent)> {
    let id = id.to_owned();
    let following = Rc::new(std::cell::Cell::new(false));
    Rc::new(move |event| {
        match event {
            TabEvent::Acquired => return dispatch.emit(EditorAction::Holds),
            TabEvent::Deleted => {
                following.set(false);
                return dispatch.emit(EditorAction::SaveProblem(SaveState::Deleted));
            }
            TabEvent::HeldElsewhere => {
                following.set(true);
                dispatch.emit(EditorAction::SaveProblem(SaveState::ReadOnly));
            }
            // A save by another editor while this one edits is a conflict, which this
            // editor's next save finds: its revision is not moved on.
            TabEvent::Saved if !following.get() => return,
            TabEvent::Saved => {}
            TabEvent::Released => following.set(false),
        }
        let (id, catalog, autosave, dispatch) = (
            id.clone(),
            catalog.clone(),
            autosave.clone(),
            dispatch.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            let kept = stored::kept_aside(&id)
                .filter(|(assessment, _)| assessment.catalog.id == catalog.id)
                .filter(|_| event == TabEvent::Released);
            let taken_over = kept.is_some();
            let newest = match kept {
                Some(kept) => Some(kept),
                None => stored::reread(&id, &catalog).await,
            };
            if let Some((assessment, revision)) = newest {
                autosave.set_revision(revision);
                dispatch.emit(EditorAction::Replaced(Rc::new(assessment)));
            }
            if event == TabEvent::Released {
                dispatch.emit(EditorAction::Writable);
            }
            if taken_over {
                dispatch.emit(EditorAction::Resave);
            }
        });
    })
}
