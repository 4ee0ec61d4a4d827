//! The list of catalogs a new assessment can be started on.

use tekigo_core::Catalog;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogListProps {
    pub catalogs: &'static [Catalog],
}

#[component]
pub fn CatalogList(props: &CatalogListProps) -> Html {
    html! {
        <section aria-labelledby="catalogs-heading">
            <h2 id="catalogs-heading">{ "カタログ" }</h2>
            <ul class="catalog-list">
                { for props.catalogs.iter().map(|catalog| html! {
                    <li key={catalog.id.clone()} class="catalog">
                        <span class="catalog-title">{ &catalog.title }</span>
                        <span class="catalog-meta">{ format!("{} ・ {} ・ {} 項目", catalog.issuer, catalog.version, catalog.items.len()) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
