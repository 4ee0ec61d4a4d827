//! The question asked when a vendor's page hands its published answers over: where they come
//! from (the sending page's origin), whose answers they are, and whether to start the
//! hospital's own check from them.

use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

use crate::app::Offer;

#[derive(Properties, PartialEq)]
pub struct OfferProps {
    pub offer: Offer,
    pub lang: Lang,
    pub on_accept: Callback<()>,
    pub on_decline: Callback<()>,
}

#[component]
pub fn OfferBanner(props: &OfferProps) -> Html {
    let lang = props.lang;
    let published = &props.offer.published;
    html! {
        <div class="notice offer" role="alertdialog" aria-label={Text::OfferTitle.label(lang)}>
            <div class="notice-text">
                <p><strong>{ Text::OfferTitle.label(lang) }</strong></p>
                <p>{ format!("{}: {}", Text::OfferFrom.label(lang), props.offer.origin) }</p>
                <p>{ format!("{} — {} ({} {})", published.subject.product, published.subject.applicant,
                    Text::ItemsWritten.label(lang), published.answers.len()) }</p>
                <p class="muted">{ Text::OfferQuestion.label(lang) }</p>
            </div>
            <button class="primary" onclick={props.on_accept.reform(|_| ())}>{ Text::OfferAccept.label(lang) }</button>
            <button onclick={props.on_decline.reform(|_| ())}>{ Text::OfferDecline.label(lang) }</button>
        </div>
    }
}
