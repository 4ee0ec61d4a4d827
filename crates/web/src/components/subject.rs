//! The subject of the assessment (評価対象プロダクト名, 評価申請元, 評価者, 整理番号, 評価日).
//! The panel starts open while the product is unnamed and then stays as the user leaves it:
//! typing a name never closes it under the cursor. Closed, it is one line that says what is
//! filled in. What the editor puts in it (notes on how the file was read) follows the fields.

use tekigo_core::dates::display_date;
use tekigo_core::edit::{Edit, SubjectField};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Subject;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::details::DateField;
use crate::components::input_value;
use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct SubjectProps {
    pub subject: Subject,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn SubjectForm(props: &SubjectProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let open = {
        let unnamed = props.subject.product.is_empty();
        use_state(move || unnamed)
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                open.set(details.open());
            }
        })
    };
    let field = |field: SubjectField, text: Text, value: &str| {
        let id = ids.of(&format!("subject-{field:?}").to_lowercase());
        let oninput = props
            .on_edit
            .reform(move |event: InputEvent| Edit::Subject {
                field,
                value: input_value(&event),
            });
        html! {
            <div class="field">
                <label for={id.clone()}>{ text.label(lang) }</label>
                <input {id} type="text" value={value.to_owned()} {oninput} readonly={props.read_only} />
            </div>
        }
    };
    let subject = &props.subject;
    let filled: Vec<String> = [
        (Text::Applicant, subject.applicant.clone()),
        (Text::Evaluator, subject.evaluator.clone()),
        (Text::ReferenceNumber, subject.reference_number.clone()),
        (Text::Date, display_date(&subject.date, lang)),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(text, value)| format!("{} {value}", text.label(lang)))
    .collect();
    let on_date = props.on_edit.reform(|value: String| Edit::Subject {
        field: SubjectField::Date,
        value,
    });
    html! {
        <details class="subject panel" open={*open} {ontoggle}>
            <summary>
                { Text::Subject.label(lang) }
                if !*open && !filled.is_empty() {
                    <span class="subject-line muted">{ filled.join(" ・ ") }</span>
                }
            </summary>
            <div class="subject-grid">
                { field(SubjectField::Product, Text::Product, &subject.product) }
                { field(SubjectField::Applicant, Text::Applicant, &subject.applicant) }
                { field(SubjectField::Evaluator, Text::Evaluator, &subject.evaluator) }
                { field(SubjectField::ReferenceNumber, Text::ReferenceNumber, &subject.reference_number) }
                <DateField id={ids.of("subject-date")} label={Text::Date.label(lang).to_owned()} value={subject.date.clone()}
                           {lang} read_only={props.read_only} on_change={on_date} />
            </div>
            { props.children.clone() }
        </details>
    }
}
