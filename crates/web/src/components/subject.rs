//! The subject of the assessment (評価対象プロダクト名, 評価申請元, 評価者, 整理番号, 評価日).

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Subject;
use yew::prelude::*;

use crate::components::input_value;
use crate::state::{EditorAction, SubjectField};

#[derive(Properties, PartialEq)]
pub struct SubjectProps {
    pub subject: Subject,
    pub lang: Lang,
    pub read_only: bool,
    pub dispatch: Callback<EditorAction>,
}

#[component]
pub fn SubjectForm(props: &SubjectProps) -> Html {
    let lang = props.lang;
    let field = |field: SubjectField, text: Text, value: &str, kind: &'static str| {
        let id = format!("subject-{field:?}").to_lowercase();
        let oninput = props
            .dispatch
            .reform(move |event: InputEvent| EditorAction::SetSubject(field, input_value(&event)));
        html! {
            <div class="field">
                <label for={id.clone()}>{ text.label(lang) }</label>
                <input {id} type={kind} value={value.to_owned()} {oninput} readonly={props.read_only} />
            </div>
        }
    };
    let subject = &props.subject;
    html! {
        <details class="subject panel" open={subject.product.is_empty()}>
            <summary>{ Text::Subject.label(lang) }</summary>
            <div class="subject-grid">
                { field(SubjectField::Product, Text::Product, &subject.product, "text") }
                { field(SubjectField::Applicant, Text::Applicant, &subject.applicant, "text") }
                { field(SubjectField::Evaluator, Text::Evaluator, &subject.evaluator, "text") }
                { field(SubjectField::ReferenceNumber, Text::ReferenceNumber, &subject.reference_number, "text") }
                { field(SubjectField::Date, Text::Date, &subject.date, "date") }
            </div>
        </details>
    }
}
