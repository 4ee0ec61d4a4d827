//! The first screen as HTML, rendered at build time (natively, with Yew's server renderer) from
//! the same components the app renders live: the header and the start screen of a browser
//! that holds nothing yet, with the shipped catalogs of `index`. The page shows it before the
//! app's wasm is fetched; `www/boot.js` keeps what a person does on it and hands it to the app.

use std::rc::Rc;

use tekigo_core::i18n::Lang;
use tekigo_core::shipped::Index;
use yew::prelude::*;

use crate::components::header::AppHeader;
use crate::components::start::StartScreen;
use crate::ids::IdPrefix;
use crate::library::Library;

#[derive(Properties, PartialEq)]
struct FirstScreenProps {
    library: Library,
}

#[component]
fn FirstScreen(props: &FirstScreenProps) -> Html {
    let lang = Lang::default();
    let library = props.library.clone();
    html! {
        <ContextProvider<IdPrefix> context={IdPrefix::of_first_screen()}>
        <ContextProvider<Library> context={library.clone()}>
        <div class="tekigo" lang={lang.tag()}>
            <AppHeader {lang} on_about={Callback::noop()} on_toggle_lang={Callback::noop()} />
            <main>
                <StartScreen
                    {lang}
                    catalogs={library.entries()}
                    ready=true
                    saved={Vec::new()}
                    storage={None}
                    library={library.clone()}
                    dispatch={Callback::noop()}
                    on_start={Callback::noop()} on_open={Callback::noop()} on_ask_delete={Callback::noop()}
                    on_delete={Callback::noop()} on_delete_catalog={Callback::noop()} on_save_raw={Callback::noop()}
                    on_file={Callback::noop()} on_sample={Callback::noop()} />
            </main>
        </div>
        </ContextProvider<Library>>
        </ContextProvider<IdPrefix>>
    }
}

/// The first screen of a browser that holds nothing yet, offering the catalogs of `index`.
pub fn html(index: Index) -> String {
    let render = yew::ServerRenderer::<FirstScreen>::with_props(move || FirstScreenProps {
        library: Library {
            index: Some(Rc::new(index).into()),
            ..Library::default()
        },
    })
    .hydratable(false)
    .render();
    futures::executor::block_on(render)
}

#[cfg(test)]
mod tests {
    use tekigo_core::embedded;

    #[test]
    fn offers_every_shipped_catalog_to_start_from() {
        let index = embedded::index();
        let page = super::html(index.clone());
        assert!(page.contains("保存された評価はまだありません"), "{page}");
        for catalog in &index.catalogs {
            let label = format!("aria-label=\"新しい評価を開始: {}\"", catalog.title);
            assert!(page.contains(&label), "no {label} in {page}");
        }
        assert!(page.contains("type=\"file\""), "{page}");
    }
}
