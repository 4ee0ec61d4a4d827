//! 「表からカタログを作る」: a small dialog over a sheet people bring (the yearly MHLW
//! checklist, an MDS/SDS sheet). It shows the sheet's first rows with a choice of what each
//! column is, the answer's choices with what each counts as, and the catalog's name; every
//! change is built into a catalog by the import and export worker and previewed, with what
//! stops it named. The catalog is then opened as a picked catalog file is: stored, and used
//! like a shipped one; or saved as tekigo catalog JSON.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::scale::Outcome;
use tekigo_core::{load_catalog, Catalog};
use yew::prelude::*;

use crate::browser::clock;
use crate::browser::formats::{as_file, request, Failure, Header};
use crate::components::import_sheet::PickedSheet;
use crate::components::save_file_button::SaveFileButton;
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

/// How to read the sheet as a catalog, as the worker proposed it and the person corrects it.
#[derive(Clone, PartialEq)]
struct Mapping {
    sheet: String,
    heading_row: usize,
    /// Each column's role, by the worker's id for it (`id`, `text`, `status`, …).
    columns: Vec<String>,
    /// Each choice's label, and the id of its outcome.
    choices: Vec<(String, String)>,
    catalog_id: String,
    title: String,
    source: String,
}

impl Mapping {
    fn from_header(header: &Header) -> Mapping {
        Mapping {
            sheet: header.text("sheet"),
            heading_row: header.number("headingRow").unwrap_or(0.0) as usize,
            columns: header.texts("columns"),
            choices: header
                .headers("choices")
                .iter()
                .map(|choice| (choice.text("label"), choice.text("outcome")))
                .collect(),
            catalog_id: header.text("catalogId"),
            title: header.text("title"),
            source: header.text("source"),
        }
    }

    fn to_header(&self) -> Header {
        let choices: Vec<Header> = self
            .choices
            .iter()
            .map(|(label, outcome)| {
                Header::default()
                    .with("label", label.as_str())
                    .with("outcome", outcome.as_str())
            })
            .collect();
        Header::default()
            .with("sheet", self.sheet.as_str())
            .with("headingRow", self.heading_row as f64)
            .with_texts("columns", &self.columns)
            .with_headers("choices", &choices)
            .with("catalogId", self.catalog_id.as_str())
            .with("title", self.title.as_str())
            .with("source", self.source.as_str())
    }

    fn role(&self, column: usize) -> &str {
        self.columns.get(column).map_or("ignore", String::as_str)
    }
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

fn opened_from(header: &Header) -> Opened {
    let sheets = header
        .headers("sheets")
        .iter()
        .map(|sheet| (sheet.text("name"), sheet.rows("rows")))
        .collect();
    let roles = header
        .headers("roles")
        .iter()
        .map(|role| (role.text("id"), role.text("ja"), role.text("en")))
        .collect();
    Opened { sheets, roles }
}

#[component]
pub fn ImportCatalog(props: &ImportCatalogProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let opened = use_state(|| None::<Result<Opened, Failure>>);
    let mapping = use_state(|| None::<Mapping>);
    let preview = use_state(|| None::<Result<(Catalog, String), Failure>>);
    {
        let (opened, mapping, sheet) = (opened.clone(), mapping.clone(), props.sheet.clone());
        use_effect_with(props.sheet.clone(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let header = Header::default().with("fileName", sheet.name.as_str());
                match request("sheet-open", header, Some(&sheet.bytes)).await {
                    Ok(reply) => {
                        mapping.set(Some(Mapping::from_header(&reply.header.child("mapping"))));
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
                    let header = Header::default()
                        .with("fileName", sheet.name.as_str())
                        .with_child("mapping", mapping.to_header())
                        .with("today", clock::local_date());
                    preview.set(Some(
                        match request("sheet-build", header, Some(&sheet.bytes)).await {
                            Ok(reply) => {
                                let json = reply.header.text("catalog");
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
        <section class="publish panel catalog-dialog" aria-labelledby={heading.clone()}>
            <div class="publish-head">
                <h3 id={heading}>{ format!("{} — {}", Text::ImportCatalogFromSheet.label(lang), props.sheet.name) }</h3>
                <button onclick={props.on_close.reform(|_| ())}>{ Text::Cancel.label(lang) }</button>
            </div>
            { body }
        </section>
    }
}

/// Changes the mapping (a new mapping, so the preview is built again).
fn edit(mapping: &UseStateHandle<Option<Mapping>>, change: impl FnOnce(&mut Mapping)) {
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
    current: &Mapping,
    mapping: &UseStateHandle<Option<Mapping>>,
    preview: &UseStateHandle<Option<Result<(Catalog, String), Failure>>>,
    props: &ImportCatalogProps,
) -> Html {
    let sheet_name = current.sheet.clone();
    let heading_row = current.heading_row;
    let rows: &[Vec<String>] = opened
        .sheets
        .iter()
        .find(|(name, _)| *name == sheet_name)
        .map_or(&[], |(_, rows)| rows.as_slice());
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let on_sheet = {
        let mapping = mapping.clone();
        Callback::from(move |event: Event| {
            let name = select_value(&event);
            edit(&mapping, |m| m.sheet = name);
        })
    };
    let on_heading_row = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            if let Ok(row) = input_value(&event).trim().parse::<usize>() {
                edit(&mapping, |m| m.heading_row = row.max(1) - 1);
            }
        })
    };
    let role_select = |column: usize| {
        let mapping = mapping.clone();
        let on_role = Callback::from(move |event: Event| {
            let role = select_value(&event);
            edit(&mapping, |m| {
                if m.columns.len() <= column {
                    m.columns.resize(column + 1, "ignore".to_owned());
                }
                m.columns[column] = role;
            });
        });
        let chosen = current.role(column).to_owned();
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
    let choices = current.choices.clone();
    let choice_row = |index: usize, label: &str, outcome: &str| {
        let on_label = {
            let mapping = mapping.clone();
            Callback::from(move |event: InputEvent| {
                let text = input_value(&event);
                edit(&mapping, |m| m.choices[index].0 = text);
            })
        };
        let on_outcome = {
            let mapping = mapping.clone();
            Callback::from(move |event: Event| {
                let outcome = select_value(&event);
                edit(&mapping, |m| m.choices[index].1 = outcome);
            })
        };
        let on_remove = {
            let mapping = mapping.clone();
            Callback::from(move |_| {
                edit(&mapping, |m| {
                    m.choices.remove(index);
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
                m.choices.push((String::new(), "met".to_owned()))
            })
        })
    };
    let on_title = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            let title = input_value(&event);
            edit(&mapping, |m| m.title = title);
        })
    };
    let on_id = {
        let mapping = mapping.clone();
        Callback::from(move |event: InputEvent| {
            let id = input_value(&event);
            edit(&mapping, |m| m.catalog_id = id);
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
                <input id={title_id} value={current.title.clone()} oninput={on_title} />
            </div>
            <div class="field">
                <label for={catalog_id.clone()}>{ Text::CatalogId.label(lang) }</label>
                <input id={catalog_id} value={current.catalog_id.clone()} oninput={on_id} />
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
            if let Some(Ok((catalog, json))) = &**preview {
                <SaveFileButton label={Text::SaveCatalogJson.label(lang).to_owned()}
                                file_name={format!("{}.json", catalog.id)} text={Rc::new(json.clone())} {lang} />
            }
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
                        Text::Status.label(lang), scale.join(lang.list_separator()),
                        Text::ColumnRoles.label(lang), fields.join(lang.list_separator())) }</p>
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
