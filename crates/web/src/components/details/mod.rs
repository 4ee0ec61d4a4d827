//! The details of one item: what the catalog says about it ([`catalog_info`]) and every field
//! of its answer ([`answer_form`]), with where the answer came from when it was not entered
//! here.

mod answer_form;
mod catalog_info;
mod date_field;
mod evidence;
mod item_problems;
mod risk_field;

use tekigo_core::edit::Edit;
use tekigo_core::i18n::Lang;
use tekigo_core::{Assessment, Catalog};
use yew::prelude::*;

use crate::shared::Shared;

pub use date_field::DateField;

#[derive(Properties, PartialEq)]
pub struct ItemDetailsProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub position: usize,
    pub lang: Lang,
    pub read_only: bool,
    pub on_edit: Callback<Edit>,
    pub on_documents: Callback<()>,
}

#[component]
pub fn ItemDetails(props: &ItemDetailsProps) -> Html {
    let item = &props.catalog.items[props.position];
    html! {
        <div class="details panel">
            <catalog_info::CatalogInfo catalog={props.catalog.clone()} position={props.position} lang={props.lang} />
            <item_problems::ItemProblems catalog={props.catalog.clone()} assessment={props.assessment.clone()}
                                         item={item.id.clone()} lang={props.lang} />
            <answer_form::AnswerForm catalog={props.catalog.clone()} assessment={props.assessment.clone()}
                                     item={item.id.clone()} lang={props.lang} read_only={props.read_only}
                                     on_edit={props.on_edit.clone()} on_documents={props.on_documents.clone()} />
        </div>
    }
}
