//! 「このツールについて」: what tekigo is for, the privacy promise in plain words, how to keep a
//! copy and move to another PC, the version, and the sources and editions of the catalogs.

use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

use tekigo_core::shipped::CatalogEntry;

use crate::ids::use_ids;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
    pub catalogs: Vec<CatalogEntry>,
    pub on_back: Callback<()>,
}

#[component]
pub fn About(props: &AboutProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let heading = ids.of("about-heading");
    let paragraph = |text: Text| html! { <p>{ text.label(lang) }</p> };
    html! {
        <section class="about panel" aria-labelledby={heading.clone()}>
            <button class="back" onclick={props.on_back.reform(|_| ())}>{ Text::BackToStart.label(lang) }</button>
            <h2 id={heading}>{ Text::About.label(lang) }</h2>
            { paragraph(Text::AboutPurpose) }
            <h3>{ Text::AboutPrivacyHeading.label(lang) }</h3>
            { paragraph(Text::AboutPrivacy) }
            <h3>{ Text::AboutBackupHeading.label(lang) }</h3>
            { paragraph(Text::AboutBackup) }
            <h3>{ Text::AboutCatalogsHeading.label(lang) }</h3>
            <ul class="about-catalogs">
                { for props.catalogs.iter().map(|catalog| html! {
                    <li>
                        <strong>{ &catalog.title }</strong>
                        { format!(" — {} ・ {}", catalog.issuer, catalog.version) }
                        if let Some(about) = &catalog.about {
                            <p>{ about.get(lang) }</p>
                        }
                        if let Some(superseded) = &catalog.superseded {
                            <p class="catalog-superseded">{ superseded.get(lang) }</p>
                        }
                    </li>
                }) }
            </ul>
            <h3>{ Text::Version.label(lang) }</h3>
            <p class="app-version">{ format!("tekigo {}", env!("CARGO_PKG_VERSION")) }</p>
        </section>
    }
}
