//! What is wrong with one item's answer, said beside it: NDA evidence in an answer not
//! marked 要NDA, evidence pointing to a deleted document, a value the catalog does not allow.
//! The engine finds them; this only lists them.

use tekigo_core::i18n::Lang;
use tekigo_core::validate::item_problems;
use tekigo_core::{Assessment, Catalog};
use yew::prelude::*;

use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ItemProblemsProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub item: String,
    pub lang: Lang,
}

#[component]
pub fn ItemProblems(props: &ItemProblemsProps) -> Html {
    let problems = item_problems(&props.assessment, &props.catalog, &props.item);
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <ul class="problems item-problems" role="status">
            { for problems.iter().map(|problem| html! { <li>{ problem.kind.message(props.lang) }</li> }) }
        </ul>
    }
}
