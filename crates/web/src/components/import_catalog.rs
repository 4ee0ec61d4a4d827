//! 「表からカタログを作る」: a small dialog over a sheet people bring (the yearly MHLW
//! checklist, an MDS/SDS sheet). It shows the sheet's first rows with a choice of what each
//! column is, the answer's choices with what each counts as, and the catalog's name; every
//! change is built into a catalog by the import and export worker and previewed, with what
//! stops it named. The catalog is then opened as a picked catalog file is: stored, and used
//! like a shipped one; or saved as tekigo catalog JSON.

use serde_json::{json, Value};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scale::Outcome;
use tekigo_core::{load_catalog, Catalog};
use yew::prelude::*;

use crate::browser::formats::{as_file, request, Failure};
use crate::browser::{clock, files};
use crate::components::import_sheet::PickedSheet;
use crate::components::{input_value, select_value};
use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct ImportCatalogProps {
    pub lang: Lang,
    pub sheet: PickedSheet,
    /// The catalog built, as a file to open.
    pub on_catalog: Callback<web_sys::File>,
    pub on_close: Callback<()>,
}

/// What the worker read of the sheet: each sheet's first rows, and the roles a column takes.
#[derive(Clone, PartialEq)]
struct Opened {
    sheets: Vec<(String, Vec<Vec<String>>)>,
    roles: Vec<(String, String, String)>,
}

/// Rows shown of the sheet around its heading row.
const ROWS_SHOWN: usize = 10;
/// Items shown of the catalog built.
const ITEMS_SHOWN: usize = 8;

const OUTCOMES: [(Outcome, &str); 4] = [
    (Outcome::Met, "met"),
    (Outcome::Partial, "partial"),
    (Outcome::NotMet, "not-met"),
    (Outcome::Excluded, "excluded"),
];

fn opened_from(header: &Value) -> Opened {
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    let sheets = header["sheets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|sheet| {
            let rows = sheet["rows"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|row| row.as_array().into_iter().flatten().map(text).collect())
                .collect();
            (text(&sheet["name"]), rows)
        })
        .collect();
    let roles = header["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|role| (text(&role["id"]), text(&role["ja"]), text(&role["en"])))
        .collect();
    Opened { sheets, roles }
}

#[component]
pub fn ImportCatalog(props: &ImportCatalogProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let opened = use_state(|| None::<Result<Opened, Failure>>);
    let mapping = use_state(|| None::<Value>);
    let preview = use_state(|| None::<Result<(Catalog, String), Failure>>);
    {
        let (opened, mapping, sheet) = (opened.clone(), mapping.clone(), props.sheet.clone());
        use_effect_with(props.sheet.clone(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let header = json!({ "fileName": sheet.name });
                match request("sheet-open", header, Some(&sheet.bytes)).await {
                    Ok(reply) => {
                        mapping.set(Some(reply.header["mapping"].clone()));
                        opened.set(Some(Ok(opened_from(&reply.header))));
                    }
                    Err(failure) => opened.set(Some(Err(failure))),
                }
            });
        });
    }
    {
        let (preview, sheet) = (preview.clone(), props.sheet.clone());
        use_effect_with((*mapping).clone(), move |mapping| {
            if let Some(mapping) = mapping.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let header = json!({
                        "fileName": sheet.name, "mapping": mapping, "today": clock::local_date(),
                    });
                    preview.set(Some(
                        match request("sheet-build", header, Some(&sheet.bytes)).await {
                            Ok(reply) => {
                                let json = reply.header["catalog"]
                                    .as_str()
                                    .unwrap_or_default()
                                    .to_owned();
                                match load_catalog(json.as_bytes()) {
                                    Ok(catalog) => Ok((catalog, json)),
                                    Err(error) => Err(Failure {
                                        ja: tekigo_core::i18n::load_error_message(&error, Lang::Ja),
                                        en: tekigo_core::i18n::load_error_message(&error, Lang::En),
                                        kind: None,
                                    }),
                                }
                            }
                            Err(failure) => Err(failure),
                        },
                    ));
                });
            }
        });
    }
    let heading = ids.of("catalog-sheet-heading");
    let body = match (&*opened, &*mapping) {
        (None, _) | (_, None) => {
            html! { <p class="muted" role="status">{ Text::FormatsLoading.label(lang) }</p> }
        }
        (Some(Err(failure)), _) => problem(lang, failure),
        (Some(Ok(opened)), Some(current)) => {
            mapping_form(lang, &ids, opened, current, &mapping, &preview, props)
        }
    };
    html! {
        <section class="publish panel" aria-labelledby={heading.clone()}>
            <div class="publish-head">
                <h3 id={heading}>{ format!("{} — {}", Text::ImportCatalogFromSheet.label(lang), props.sheet.name) }</h3>
                <button onclick={props.on_close.reform(|_| ())}>{ Text::Cancel.label(lang) }</button>
            </div>
            { body }
        </section>
    }
}

/// Sets one value of the mapping (a new mapping, so the preview is built again).
fn edit(mapping: &UseStateHandle<Option<Value>>, change: impl FnOnce(&mut Value)) {
    if let Some(current) = (**mapping).clone() {
        let mut next = current;
        change(&mut next);
        mapping.set(Some(next));
    }
}

fn mapping_form(
    lang: Lang,
    ids: &crate::ids::IdPrefix,
    opened: &Opened,
    current: &Value,
    mapping: &UseStateHandle<Option<Value>>,
    preview: &UseStateHandle<Option<Result<(Catalog, String), Failure>>>,
    props: &ImportCatalogProps,
) -> Html {
    let sheet_name = current["sheet"].as_str().unwrap_or_default().to_owned();
    let heading_row = current["headingRow"].as_u64().unwrap_or(0) as usize;
    let rows: &[Vec<String>] = opened
        .sheets
        .iter()
        .find(|(name, _)| *name == sheet_name)
        .map_or(&[], |(_, rows)| rows.as_slice());
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let role_of = |column: usize| {
        current["columns"][column]
            .as_str()
            .unwrap_or("ignore")
            .to_owned()
    };
    let on_sheet = {
        let mapping = mapping.clone();
        Callback::from(move |event: Event| {
            let name = select_value(&event);
            edit(&mapping, |m| m["sheet"] = json!(name));
        })
    };
    let on_heading_row = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            if let Ok(row) = input_value(&event).trim().parse::<usize>() {
                edit(&mapping, |m| m["headingRow"] = json!(row.max(1) - 1));
            }
        })
    };
    let role_select = |column: usize| {
        let mapping = mapping.clone();
        let on_role = Callback::from(move |event: Event| {
            let role = select_value(&event);
            edit(&mapping, |m| {
                let columns = m["columns"].as_array().cloned().unwrap_or_default();
                let mut columns: Vec<Value> = columns;
                if columns.len() <= column {
                    columns.resize(column + 1, json!("ignore"));
                }
                columns[column] = json!(role);
                m["columns"] = Value::Array(columns);
            });
        });
        let chosen = role_of(column);
        let letter = column_letters(column);
        html! {
            <select onchange={on_role} aria-label={format!("{} {letter}", Text::ColumnRoles.label(lang))}>
                { for opened.roles.iter().map(|(id, ja, en)| html! {
                    <option value={id.clone()} selected={*id == chosen}>{ if lang == Lang::Ja { ja } else { en } }</option>
                }) }
            </select>
        }
    };
    let first_row = heading_row.saturating_sub(2);
    let shown: Vec<(usize, &Vec<String>)> = rows
        .iter()
        .enumerate()
        .skip(first_row)
        .take(ROWS_SHOWN)
        .collect();
    let choices: Vec<(String, String)> = current["choices"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|choice| {
            (
                choice["label"].as_str().unwrap_or_default().to_owned(),
                choice["outcome"].as_str().unwrap_or("met").to_owned(),
            )
        })
        .collect();
    let choice_row = |index: usize, label: &str, outcome: &str| {
        let on_label = {
            let mapping = mapping.clone();
            Callback::from(move |event: InputEvent| {
                let text = input_value(&event);
                edit(&mapping, |m| m["choices"][index]["label"] = json!(text));
            })
        };
        let on_outcome = {
            let mapping = mapping.clone();
            Callback::from(move |event: Event| {
                let outcome = select_value(&event);
                edit(&mapping, |m| {
                    m["choices"][index]["outcome"] = json!(outcome)
                });
            })
        };
        let on_remove = {
            let mapping = mapping.clone();
            Callback::from(move |_| {
                edit(&mapping, |m| {
                    if let Some(list) = m["choices"].as_array_mut() {
                        list.remove(index);
                    }
                })
            })
        };
        html! {
            <div class="evidence-row" key={index}>
                <input value={label.to_owned()} oninput={on_label}
                       aria-label={format!("{} {}", Text::ChoiceLabel.label(lang), index + 1)} />
                <select onchange={on_outcome} aria-label={format!("{} {}", Text::AnswerChoices.label(lang), index + 1)}>
                    { for OUTCOMES.iter().map(|(kind, id)| html! {
                        <option value={*id} selected={*id == outcome}>{ kind.label(lang) }</option>
                    }) }
                </select>
                <button onclick={on_remove}>{ Text::Remove.label(lang) }</button>
            </div>
        }
    };
    let on_add_choice = {
        let mapping = mapping.clone();
        Callback::from(move |_| {
            edit(&mapping, |m| {
                let mut list = m["choices"].as_array().cloned().unwrap_or_default();
                list.push(json!({ "label": "", "outcome": "met" }));
                m["choices"] = Value::Array(list);
            })
        })
    };
    let on_title = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            let title = input_value(&event);
            edit(&mapping, |m| m["title"] = json!(title));
        })
    };
    let on_id = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            let id = input_value(&event);
            edit(&mapping, |m| m["catalogId"] = json!(id));
        })
    };
    let import = {
        let (preview, on_catalog) = (preview.clone(), props.on_catalog.clone());
        Callback::from(move |_| {
            if let Some(Ok((catalog, json))) = &*preview {
                if let Some(file) = as_file(json.as_bytes(), &format!("{}.json", catalog.id)) {
                    on_catalog.emit(file);
                }
            }
        })
    };
    let save = {
        let preview = preview.clone();
        Callback::from(move |_| {
            if let Some(Ok((catalog, json))) = &*preview {
                let name = format!("{}.json", catalog.id);
                let _ = files::download(&name, json.as_bytes(), "application/json");
            }
        })
    };
    let (sheet_id, row_id, title_id, catalog_id) = (
        ids.of("catalog-sheet"),
        ids.of("catalog-heading-row"),
        ids.of("catalog-title"),
        ids.of("catalog-id"),
    );
    let ready = matches!(&**preview, Some(Ok(_)));
    html! {
        <>
        <div class="subject-grid">
            if opened.sheets.len() > 1 {
                <div class="field">
                    <label for={sheet_id.clone()}>{ Text::SheetName.label(lang) }</label>
                    <select id={sheet_id} onchange={on_sheet}>
                        { for opened.sheets.iter().map(|(name, _)| html! {
                            <option value={name.clone()} selected={*name == sheet_name}>{ name }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for={row_id.clone()}>{ Text::HeadingRow.label(lang) }</label>
                <input id={row_id} type="number" min="1" value={(heading_row + 1).to_string()} oninput={on_heading_row} />
            </div>
            <div class="field">
                <label for={title_id.clone()}>{ Text::CatalogName.label(lang) }</label>
                <input id={title_id} value={current["title"].as_str().unwrap_or_default().to_owned()} oninput={on_title} />
            </div>
            <div class="field">
                <label for={catalog_id.clone()}>{ Text::CatalogId.label(lang) }</label>
                <input id={catalog_id} value={current["catalogId"].as_str().unwrap_or_default().to_owned()} oninput={on_id} />
            </div>
        </div>
        <h4>{ Text::ColumnRoles.label(lang) }</h4>
        <div class="documents catalog-sheet">
            <table>
                <thead>
                    <tr>
                        <th>{ Text::SheetRows.label(lang) }</th>
                        { for (0..width).map(|column| html! { <th>{ column_letters(column) }<br />{ role_select(column) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for shown.iter().map(|(index, cells)| html! {
                        <tr class={ (*index == heading_row).then_some("strong") }>
                            <th>{ index + 1 }</th>
                            { for (0..width).map(|column| html! { <td>{ cells.get(column).cloned().unwrap_or_default() }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        <fieldset>
            <legend>{ Text::AnswerChoices.label(lang) }</legend>
            { for choices.iter().enumerate().map(|(index, (label, outcome))| choice_row(index, label, outcome)) }
            <button onclick={on_add_choice}>{ Text::AddChoice.label(lang) }</button>
        </fieldset>
        <h4>{ Text::CatalogPreview.label(lang) }</h4>
        { preview_of(lang, preview) }
        <div class="file-actions">
            <button class="primary" onclick={import} disabled={!ready}>{ Text::ImportThisCatalog.label(lang) }</button>
            <button onclick={save} disabled={!ready}>{ Text::SaveCatalogJson.label(lang) }</button>
        </div>
        </>
    }
}

fn preview_of(lang: Lang, preview: &Option<Result<(Catalog, String), Failure>>) -> Html {
    match preview {
        None => html! { <p class="muted" role="status">{ Text::Loading.label(lang) }</p> },
        Some(Err(failure)) => problem(lang, failure),
        Some(Ok((catalog, _))) => {
            let scale: Vec<String> = catalog
                .scale()
                .choices
                .iter()
                .map(|choice| {
                    format!(
                        "{} ({})",
                        choice.label.get(lang),
                        choice.outcome.label(lang)
                    )
                })
                .collect();
            let fields: Vec<&str> = catalog
                .answer_fields
                .iter()
                .map(|field| field.label.get(lang))
                .collect();
            html! {
                <div class="catalog-preview" role="status">
                    <p>{ format!("{}: {} {} ・ {}: {} ・ {}: {}", catalog.title, catalog.items.len(), Text::Items.label(lang),
                        Text::Status.label(lang), scale.join("、"),
                        Text::ColumnRoles.label(lang), fields.join("、")) }</p>
                    <ul>
                        { for catalog.items.iter().take(ITEMS_SHOWN).map(|item| {
                            let group = catalog.group(&item.group).map(|g| g.title.as_str()).unwrap_or_default();
                            html! { <li>{ format!("{} [{}] {}", item.id, group, item.text) }</li> }
                        }) }
                    </ul>
                </div>
            }
        }
    }
}

/// What stops the catalog, in the reader's language and the other.
fn problem(lang: Lang, failure: &Failure) -> Html {
    let (primary, secondary) = failure.messages(lang);
    html! {
        <div class="problems" role="alert">
            <p>{ primary }</p>
            <p class="notice-secondary">{ secondary }</p>
        </div>
    }
}

/// A column's letters as a spreadsheet shows them.
fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        letters.push(b'A' + ((rest - 1) % 26) as u8);
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}
