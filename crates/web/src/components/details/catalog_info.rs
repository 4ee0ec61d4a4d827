//! What the catalog says about an item: evidence examples, the guideline clauses it cites,
//! the items other catalogs link to it (any catalog pair the library has a crosswalk for), and
//! notes on the source text.

use tekigo_core::crosswalk::linked_items;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Catalog;
use yew::prelude::*;

use crate::library::Library;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct CatalogInfoProps {
    pub catalog: Shared<Catalog>,
    pub position: usize,
    pub lang: Lang,
}

#[component]
pub fn CatalogInfo(props: &CatalogInfoProps) -> Html {
    let lang = props.lang;
    let library = use_context::<Library>().unwrap_or_default();
    let item = &props.catalog.items[props.position];
    let crosswalks: Vec<_> = library.crosswalks.iter().map(|c| &**c).collect();
    let links: Vec<Html> = linked_items(&crosswalks, &props.catalog.id, &item.id)
        .into_iter()
        .map(|link| {
            let other = library.catalog(link.catalog);
            let title = other.as_ref().map_or(link.catalog, |c| c.title.as_str());
            let text: String = other
                .as_ref()
                .and_then(|c| c.item(link.item))
                .map(|i| i.text.chars().take(80).collect())
                .unwrap_or_default();
            let strength = if link.link.verified {
                Text::LinkVerified
            } else {
                Text::LinkByNumberOnly
            };
            html! {
                <li>
                    <span class="chip">{ format!("No.{} ← {}", link.item, link.clause) }</span>
                    { " " }{ text }
                    <span class="muted">{ format!(" — {title} ・ {}", strength.label(lang)) }</span>
                </li>
            }
        })
        .collect();
    html! {
        <>
            if let Some(examples) = &item.evidence_examples {
                <div class="catalog-field">
                    <h3>{ Text::EvidenceExamples.label(lang) }</h3>
                    <p>{ examples }</p>
                </div>
            }
            if !item.references.is_empty() {
                <div class="catalog-field">
                    <h3>{ Text::References.label(lang) }</h3>
                    <ul class="references">
                        { for item.references.iter().map(|reference| {
                            let name = props.catalog.guideline(&reference.guideline)
                                .map_or(reference.guideline.as_str(), |g| g.short.get(lang));
                            html! { <li><span class="chip">{ name }</span>{ " " }{ &reference.raw }</li> }
                        }) }
                    </ul>
                </div>
            }
            if !links.is_empty() {
                <div class="catalog-field">
                    <h3>{ Text::LinkedItems.label(lang) }</h3>
                    <ul class="references">{ for links }</ul>
                </div>
            }
            if !item.annotations.is_empty() {
                <div class="catalog-field">
                    <h3>{ Text::SourceNote.label(lang) }</h3>
                    <ul class="references">
                        { for item.annotations.iter().map(|note| html! {
                            <li>{ format!("「{}」→「{}」: {}", note.excerpt, note.intended, note.note) }</li>
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}
