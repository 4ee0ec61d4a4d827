//! The 一覧表: the whole assessment as one table, as in the Excel sheets — a column for the
//! number and the requirement, then every answer field of the catalog, the evaluator's columns
//! last (the engine's [`tekigo_core::table`] says which columns, what a cell shows and how a
//! column sorts). It shows the items the filter bar lets through, in the order of the heading
//! last chosen (`aria-sort`). Read-only by default; made editable, its cells are fields that
//! send the same [`Edit`]s as the details form (evidence, which has rows of its own, is edited
//! in the details, which the number button opens).
//!
//! Rows are memoized components keyed by item, whose props compare only what a row shows, so
//! a keystroke re-renders one row. Keyboard: Tab reaches the headings and the number button of
//! the current row; ↑↓ (or j/k), Home and End move between rows; Enter opens the item.

use tekigo_core::edit::Edit;
use tekigo_core::fields::{AnswerField, Shape};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::table::{columns, status_text, Column, Direction, SortOrder};
use tekigo_core::{Assessment, Catalog, DisclosureLevel};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::details::DateField;
use crate::components::item_list::outcome_class;
use crate::components::{checked_value, input_value, select_value};
use crate::ids::use_ids;
use crate::shared::Shared;
use crate::state::EditorAction;

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    /// The items shown, in the table's order (catalog positions).
    pub rows: Shared<Vec<usize>>,
    pub sort: Option<SortOrder>,
    pub selected: Option<usize>,
    pub editable: bool,
    pub read_only: bool,
    pub lang: Lang,
    pub dispatch: Callback<EditorAction>,
    pub on_edit: Callback<Edit>,
}

/// The CSS classes that size a column: one by what it holds, one by its id.
fn column_class(column: &Column) -> Classes {
    let by_shape = match column {
        Column::Number => "col-number",
        Column::Requirement => "col-requirement",
        Column::Field(field) => match field.shape() {
            Shape::Status => "col-status",
            Shape::Parties => "col-parties",
            Shape::Evidence => "col-evidence",
            Shape::Disclosure => "col-disclosure",
            Shape::Text => "col-text",
            Shape::Date | Shape::Choice | Shape::Risk => "col-choice",
        },
    };
    classes!(by_shape, format!("col-{}", column.id()))
}

#[component]
pub fn TableView(props: &TableViewProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let body = use_node_ref();
    let moved_by_keyboard = use_mut_ref(|| false);
    {
        let body = body.clone();
        let moved = moved_by_keyboard.clone();
        use_effect_with(props.selected, move |selected| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let (Some(position), Some(body)) = (selected, body.cast::<web_sys::Element>()) {
                    focus_row_button(&body, *position);
                }
            }
        });
    }
    let onkeydown = {
        let rows = props.rows.clone();
        let dispatch = props.dispatch.clone();
        let moved = moved_by_keyboard.clone();
        Callback::from(move |event: KeyboardEvent| {
            // In edit mode ↑/↓ on a drop-down go to the same column's drop-down in the row
            // above or below, as in a spreadsheet; the browser would change the answer instead.
            if let Some(select) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                let down = match event.key().as_str() {
                    "ArrowDown" => true,
                    "ArrowUp" => false,
                    _ => return,
                };
                if !event.alt_key() {
                    event.prevent_default();
                    focus_same_column(&select, down);
                }
                return;
            }
            let Some(position) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .filter(|element| element.class_list().contains("row-open"))
                .and_then(|element| element.get_attribute("data-position"))
                .and_then(|position| position.parse::<usize>().ok())
            else {
                return;
            };
            let at = rows.iter().position(|&row| row == position).unwrap_or(0);
            let last = rows.len().saturating_sub(1);
            let target = match event.key().as_str() {
                "ArrowDown" | "j" => (at + 1).min(last),
                "ArrowUp" | "k" => at.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            event.prevent_default();
            if let Some(&next) = rows.get(target) {
                *moved.borrow_mut() = true;
                dispatch.emit(EditorAction::Select(next));
            }
        })
    };
    let toggle_editable = props
        .dispatch
        .reform(|event: Event| EditorAction::TableEditable(checked_value(&event)));
    let table_columns = columns(&props.catalog);
    let caption_id = ids.of("table-caption");
    let help_id = ids.of("table-help");
    let editable_id = ids.of("table-editable");
    // The current row is the selected one if shown, else the first: one row button is always
    // reachable with Tab.
    let current = props
        .selected
        .filter(|selected| props.rows.contains(selected))
        .or_else(|| props.rows.first().copied());
    let heading = |column: &Column| {
        let id = column.id().to_owned();
        let sorted = props
            .sort
            .as_ref()
            .filter(|order| order.column == id)
            .map(|order| order.direction);
        let sort = props
            .dispatch
            .reform(move |_| EditorAction::SortTable(id.clone()));
        let (aria_sort, arrow) = match sorted {
            Some(Direction::Ascending) => (Some("ascending"), "▲"),
            Some(Direction::Descending) => (Some("descending"), "▼"),
            None => (None, ""),
        };
        html! {
            <th scope="col" class={column_class(column)} aria-sort={aria_sort}>
                <button class="sort-button" onclick={sort}>
                    { column.label(lang) }<span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    html! {
        <div class="table-view">
            <div class="table-toolbar">
                <div class="field checkbox">
                    <input id={editable_id.clone()} type="checkbox" checked={props.editable}
                           disabled={props.read_only} onchange={toggle_editable} />
                    <label for={editable_id}>{ Text::EditInTable.label(lang) }</label>
                </div>
                <p class="muted table-help" id={help_id.clone()}>{ Text::TableHelp.label(lang) }</p>
            </div>
            if props.rows.is_empty() {
                <p class="panel muted" id={caption_id}>{ Text::NoMatches.label(lang) }</p>
            } else {
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                    <table class={classes!("assessment-table", props.editable.then_some("editing"))}>
                        <caption id={caption_id} class="visually-hidden">{ Text::TableCaption.label(lang) }</caption>
                        <thead>
                            <tr>{ for table_columns.iter().map(heading) }</tr>
                        </thead>
                        <tbody ref={body} {onkeydown}>
                            { for props.rows.iter().map(|&position| html! {
                                <TableRow key={props.catalog.items[position].id.clone()}
                                          catalog={props.catalog.clone()} assessment={props.assessment.clone()}
                                          {position} current={current == Some(position)}
                                          selected={props.selected == Some(position)}
                                          editable={props.editable && !props.read_only} {lang}
                                          help_id={help_id.clone()} dispatch={props.dispatch.clone()}
                                          on_edit={props.on_edit.clone()} />
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

/// Focuses the control in the same column as `control`, in the row below (`down`) or above,
/// if there is one.
fn focus_same_column(control: &web_sys::Element, down: bool) -> Option<()> {
    let cell = control.closest("td").ok()??;
    let mut column = 1;
    let mut before = cell.previous_element_sibling();
    while let Some(sibling) = before {
        column += 1;
        before = sibling.previous_element_sibling();
    }
    let row = cell.parent_element()?;
    let next_row = if down {
        row.next_element_sibling()
    } else {
        row.previous_element_sibling()
    }?;
    let next = next_row
        .query_selector(&format!(
            ":scope > td:nth-child({column}) :is(select, input, textarea)"
        ))
        .ok()??;
    next.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()
}

/// Focuses the number button of the row of the item at `position`, if it is shown.
fn focus_row_button(root: &web_sys::Element, position: usize) {
    if let Ok(Some(button)) =
        root.query_selector(&format!(".row-open[data-position=\"{position}\"]"))
    {
        if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

#[derive(Properties)]
pub struct TableRowProps {
    pub catalog: Shared<Catalog>,
    /// Read for this item's answer and the registers of parties and documents only; the props
    /// compare just those, so an edit elsewhere does not re-render this row.
    pub assessment: Shared<Assessment>,
    pub position: usize,
    /// Whether the row's number button is the one Tab reaches.
    pub current: bool,
    pub selected: bool,
    pub editable: bool,
    pub lang: Lang,
    pub help_id: String,
    pub dispatch: Callback<EditorAction>,
    pub on_edit: Callback<Edit>,
}

impl PartialEq for TableRowProps {
    fn eq(&self, other: &Self) -> bool {
        let item = &self.catalog.items[self.position].id;
        let (mine, theirs) = (&*self.assessment, &*other.assessment);
        self.catalog == other.catalog
            && self.position == other.position
            && self.current == other.current
            && self.selected == other.selected
            && self.editable == other.editable
            && self.lang == other.lang
            && self.help_id == other.help_id
            && self.dispatch == other.dispatch
            && self.on_edit == other.on_edit
            && (self.assessment == other.assessment
                || (mine.answers.get(item) == theirs.answers.get(item)
                    && mine.parties == theirs.parties
                    && mine.documents == theirs.documents))
    }
}

#[component]
pub fn TableRow(props: &TableRowProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let catalog = &props.catalog;
    let item = &catalog.items[props.position];
    let answer = props.assessment.answers.get(&item.id);
    let position = props.position;
    let open = props.dispatch.reform(move |_| EditorAction::Jump(position));
    let status = answer.and_then(|answer| answer.status.as_deref());
    let outcome = catalog.scale().outcome(status);
    let cell = |column: &Column| {
        let class = column_class(column);
        match column {
            Column::Number => html! {
                <th scope="row" class={class}>
                    <button class="row-open" data-position={position.to_string()}
                            tabindex={ if props.current { "0" } else { "-1" } }
                            aria-describedby={props.help_id.clone()} onclick={open.clone()}>
                        { &item.id }<span class="visually-hidden">{ format!(" {}", Text::OpenItemDetails.label(lang)) }</span>
                    </button>
                </th>
            },
            Column::Field(field) if props.editable => html! {
                <td class={class}>{ field_editor(props, &ids, field) }</td>
            },
            Column::Field(field) if field.shape() == Shape::Status => html! {
                <td class={class}>
                    <span class={classes!("status-badge", outcome_class(outcome))}>
                        { status_text(catalog, answer, lang) }
                    </span>
                </td>
            },
            _ => html! {
                <td class={class}>{ column.cell(catalog, &props.assessment, position, lang) }</td>
            },
        }
    };
    html! {
        <tr class={classes!(outcome_class(outcome), props.selected.then_some("selected"))}>
            { for columns(catalog).iter().map(cell) }
        </tr>
    }
}

/// The field that edits one cell, named by its column and the item's number.
fn field_editor(props: &TableRowProps, ids: &crate::ids::IdPrefix, field: &AnswerField) -> Html {
    let lang = props.lang;
    let catalog = &props.catalog;
    let assessment = &props.assessment;
    let position = props.position;
    let item = catalog.items[position].id.clone();
    let answer = assessment.answers.get(&item);
    let name = format!("{} {}", field.label(lang), item);
    let set_text = {
        let (item, field) = (item.clone(), field.id().to_owned());
        props.on_edit.reform(move |value: String| Edit::Text {
            item: item.clone(),
            field: field.clone(),
            value,
        })
    };
    let select = |options: Vec<(String, String)>, chosen: &str, onchange: Callback<Event>| {
        html! {
            <select aria-label={name.clone()} {onchange}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    html! { <option {value} {selected}>{ text }</option> }
                }) }
            </select>
        }
    };
    match field.shape() {
        Shape::Status => {
            let choices = &catalog.scale().choices;
            let options = std::iter::once((String::new(), Text::Unanswered.label(lang).to_owned()))
                .chain(
                    choices
                        .iter()
                        .map(|c| (c.id.clone(), c.label.get(lang).to_owned())),
                )
                .collect();
            let onchange = props.on_edit.reform(move |event: Event| {
                let value = select_value(&event);
                Edit::Status {
                    item: item.clone(),
                    status: (!value.is_empty()).then_some(value),
                }
            });
            let chosen = answer.and_then(|a| a.status.as_deref()).unwrap_or_default();
            select(options, chosen, onchange)
        }
        Shape::Parties => html! {
            <div class="cell-parties" role="group" aria-label={name.clone()}>
                { for assessment.parties.iter().map(|party| {
                    let id = ids.of(&format!("table-party-{}-{item}", party.id));
                    let edit = Edit::ToggleParty { item: item.clone(), party: party.id.clone() };
                    let onchange = props.on_edit.reform(move |_| edit.clone());
                    let checked = answer.is_some_and(|a| a.parties.contains(&party.id));
                    html! {
                        <span class="party-choice">
                            <input id={id.clone()} type="checkbox" {checked} {onchange} />
                            <label for={id}>{ party.label(lang) }</label>
                        </span>
                    }
                }) }
            </div>
        },
        // Evidence and the risk rating are edited in the item's details; the cell shows them.
        Shape::Evidence | Shape::Risk => html! {
            { Column::Field(*field).cell(catalog, assessment, position, lang) }
        },
        Shape::Disclosure => {
            let options = vec![
                (String::new(), Text::Unset.label(lang).to_owned()),
                (
                    "public".to_owned(),
                    DisclosureLevel::Public.label(lang).to_owned(),
                ),
                (
                    "nda".to_owned(),
                    DisclosureLevel::Nda.label(lang).to_owned(),
                ),
            ];
            let chosen = match answer.and_then(|a| a.disclosure) {
                None => "",
                Some(DisclosureLevel::Public) => "public",
                Some(DisclosureLevel::Nda) => "nda",
            };
            let onchange = props.on_edit.reform(move |event: Event| Edit::Disclosure {
                item: item.clone(),
                level: match select_value(&event).as_str() {
                    "public" => Some(DisclosureLevel::Public),
                    "nda" => Some(DisclosureLevel::Nda),
                    _ => None,
                },
            });
            select(options, chosen, onchange)
        }
        Shape::Text => {
            let value = answer
                .and_then(|a| field.text(a))
                .unwrap_or_default()
                .to_owned();
            let oninput = set_text.reform(|event: InputEvent| input_value(&event));
            html! { <textarea aria-label={name} {value} {oninput} rows="1" /> }
        }
        Shape::Date => html! {
            <DateField id={ids.of(&format!("table-{}-{item}", field.id()))} label={name} label_hidden=true
                       value={answer.and_then(|a| field.text(a)).unwrap_or_default().to_owned()}
                       {lang} read_only=false on_change={set_text} />
        },
        Shape::Choice => {
            let AnswerField::Declared(def) = field else {
                return html! {};
            };
            let options = std::iter::once((String::new(), Text::Unset.label(lang).to_owned()))
                .chain(
                    def.options
                        .iter()
                        .map(|option| (option.id.clone(), option.label.get(lang).to_owned())),
                )
                .collect();
            let chosen = answer.and_then(|a| field.text(a)).unwrap_or_default();
            select(
                options,
                chosen,
                set_text.reform(|event: Event| select_value(&event)),
            )
        }
    }
}
