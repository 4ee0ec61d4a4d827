//! The application root: the start screen with the catalogs the engine ships.

use tekigo_core::embedded;
use yew::prelude::*;

use crate::components::catalog_list::CatalogList;

#[component]
pub fn App() -> Html {
    html! {
        <div class="tekigo">
            <header class="app-header">
                <h1>{ "tekigo" }<span class="subtitle">{ " 適合 — 医療情報セキュリティガイドライン チェッカー" }</span></h1>
            </header>
            <main>
                <CatalogList catalogs={embedded::catalogs()} />
            </main>
        </div>
    }
}
