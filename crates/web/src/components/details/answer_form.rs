//! Every field of one item's answer, rendered from the engine's table of answer fields: the
//! parties holding it, texts, dates and choices (the catalog's own among them), evidence and
//! disclosure, with the evaluator's columns apart. Where the answer came from elsewhere, it
//! says so and offers to confirm it as it stands.

use tekigo_core::edit::Edit;
use tekigo_core::fields::{answer_fields, AnswerField, Section, Shape};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{Answer, Assessment, Catalog, DisclosureLevel, FieldDef};
use yew::prelude::*;

use super::evidence::EvidenceRows;
use super::risk_field::RiskField;
use super::DateField;
use crate::components::reading_notes::note_entries;
use crate::components::{input_value, select_value};
use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct AnswerFormProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub item: String,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
    pub on_documents: Callback<()>,
}

#[component]
pub fn AnswerForm(props: &AnswerFormProps) -> Html {
    let ids = use_ids();
    let answer = props
        .assessment
        .answers
        .get(&props.item)
        .cloned()
        .unwrap_or_default();
    let fields = answer_fields(&props.catalog);
    let render = |field: &AnswerField| render_field(props, &ids, &answer, field);
    let evaluator: Vec<Html> = fields
        .iter()
        .filter(|f| f.section() == Section::Evaluator)
        .map(render)
        .collect();
    html! {
        <>
            { provenance(props, &answer) }
            <div class="answer-grid">
                { for fields.iter().filter(|f| f.section() == Section::Answer).map(render) }
                <fieldset class="field wide evaluator">
                    <legend>{ Text::EvaluatorSection.label(props.lang) }</legend>
                    { for evaluator }
                </fieldset>
            </div>
        </>
    }
}

/// Where the answer came from, whether someone here has confirmed it, and how it was read.
fn provenance(props: &AnswerFormProps, answer: &Answer) -> Html {
    let lang = props.lang;
    let notes = html! {
        if !answer.notes.is_empty() {
            <ul class="notes">
                { note_entries(&answer.notes, Some(&props.item), lang, props.read_only, &props.on_edit) }
            </ul>
        }
    };
    let Some(provenance) = &answer.provenance else {
        return notes;
    };
    let confirm = {
        let item = props.item.clone();
        props
            .on_edit
            .reform(move |_| Edit::Confirm { item: item.clone() })
    };
    html! {
        <div class={classes!("provenance", answer.awaits_confirmation().then_some("awaiting"))}>
            <p>
                <strong>{ provenance.kind.label(lang) }</strong>
                if !provenance.source.title.is_empty() {
                    { format!(" — {}: {}", Text::Source.label(lang), provenance.source.title) }
                }
            </p>
            if answer.awaits_confirmation() {
                <button class="primary" onclick={confirm} disabled={props.read_only}>{ Text::ConfirmAnswer.label(lang) }</button>
            } else {
                <p class="muted">{ Text::Confirmed.label(lang) }</p>
            }
            { notes }
        </div>
    }
}

fn render_field(
    props: &AnswerFormProps,
    ids: &crate::ids::IdPrefix,
    answer: &Answer,
    field: &AnswerField,
) -> Html {
    let lang = props.lang;
    let item = props.item.clone();
    let element_id = ids.of(&format!("{}-{}", field.id(), props.item));
    let label = field.label(lang).to_owned();
    let set_text = {
        let field = field.id().to_owned();
        let item = item.clone();
        props.on_edit.reform(move |value: String| Edit::Text {
            item: item.clone(),
            field: field.clone(),
            value,
        })
    };
    match field.shape() {
        // The status is set on the row itself.
        Shape::Status => html! {},
        Shape::Parties => {
            let toggles = props.assessment.parties.iter().map(|party| {
                let edit = Edit::ToggleParty { item: item.clone(), party: party.id.clone() };
                let onchange = props.on_edit.reform(move |_| edit.clone());
                let id = ids.of(&format!("party-{}-{}", party.id, props.item));
                html! {
                    <span class="party-choice">
                        <input id={id.clone()} type="checkbox" checked={answer.parties.contains(&party.id)}
                               {onchange} disabled={props.read_only} />
                        <label for={id}>{ party.label(lang) }</label>
                    </span>
                }
            });
            html! {
                <fieldset class="field wide parties">
                    <legend>{ label }</legend>
                    { for toggles }
                </fieldset>
            }
        }
        Shape::Disclosure => {
            let onchange = props.on_edit.reform(move |event: Event| Edit::Disclosure {
                item: item.clone(),
                level: match select_value(&event).as_str() {
                    "public" => Some(DisclosureLevel::Public),
                    "nda" => Some(DisclosureLevel::Nda),
                    _ => None,
                },
            });
            let options = [
                ("", Text::Unset.label(lang), answer.disclosure.is_none()),
                (
                    "public",
                    DisclosureLevel::Public.label(lang),
                    answer.disclosure == Some(DisclosureLevel::Public),
                ),
                (
                    "nda",
                    DisclosureLevel::Nda.label(lang),
                    answer.disclosure == Some(DisclosureLevel::Nda),
                ),
            ];
            html! {
                <div class="field">
                    <label for={element_id.clone()}>{ label }</label>
                    <select id={element_id} {onchange} disabled={props.read_only}>
                        { for options.iter().map(|(value, text, selected)| html! {
                            <option value={*value} selected={*selected}>{ *text }</option>
                        }) }
                    </select>
                </div>
            }
        }
        Shape::Evidence => html! {
            <EvidenceRows item={item} evidence={answer.evidence.clone()} documents={props.assessment.documents.clone()}
                          {lang} read_only={props.read_only} on_edit={props.on_edit.clone()}
                          on_documents={props.on_documents.clone()} legend={label} />
        },
        Shape::Text => {
            let value = field.text(answer).unwrap_or_default().to_owned();
            let oninput = set_text.reform(|event: InputEvent| input_value(&event));
            html! {
                <div class="field wide">
                    <label for={element_id.clone()}>{ label }</label>
                    { description(field, lang) }
                    <textarea id={element_id} {value} {oninput} readonly={props.read_only} rows="2" />
                </div>
            }
        }
        Shape::Risk => html! {
            <RiskField item={props.item.clone()} {label} rating={answer.risk} lang={props.lang}
                       read_only={props.read_only} on_edit={props.on_edit.clone()} />
        },
        Shape::Date => html! {
            <DateField id={element_id} {label} value={field.text(answer).unwrap_or_default().to_owned()}
                       {lang} read_only={props.read_only} on_change={set_text} />
        },
        Shape::Choice => {
            let AnswerField::Declared(def) = field else {
                return html! {};
            };
            let onchange = set_text.reform(|event: Event| select_value(&event));
            choice_field(
                def,
                &element_id,
                label,
                field.text(answer),
                lang,
                props.read_only,
                onchange,
            )
        }
    }
}

fn description(field: &AnswerField, lang: Lang) -> Html {
    match field.description() {
        Some(text) => html! { <p class="field-description muted">{ text.get(lang) }</p> },
        None => html! {},
    }
}

fn choice_field(
    def: &FieldDef,
    id: &str,
    label: String,
    value: Option<&str>,
    lang: Lang,
    read_only: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} {onchange} disabled={read_only}>
                <option value="" selected={value.is_none()}>{ Text::Unset.label(lang) }</option>
                { for def.options.iter().map(|option| html! {
                    <option value={option.id.clone()} selected={value == Some(option.id.as_str())}>{ option.label.get(lang) }</option>
                }) }
            </select>
        </div>
    }
}
