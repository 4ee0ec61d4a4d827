//! 「ウィジェット一式を保存 (zip)」 in the publish dialog: packs the widget kit
//! ([`crate::browser::widget_kit`]) and says, for screen readers too, that it is packing, that
//! it saved, or why it could not. While packing, the button keeps its focus and does nothing.

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::Catalog;
use yew::prelude::*;

use crate::browser::files;
use crate::browser::formats::Failure;
use crate::browser::widget_kit::Kit;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct WidgetKitProps {
    pub catalog: Shared<Catalog>,
    /// The public version's JSON.
    pub published: Shared<String>,
    /// The public version's file name, as the embed code names it.
    pub public_name: String,
    pub embed_code: String,
    pub lang: Lang,
}

/// Where packing the kit is.
#[derive(Clone, PartialEq)]
enum KitState {
    Idle,
    Packing,
    Saved,
    Failed(Failure),
}

#[component]
pub fn WidgetKitButton(props: &WidgetKitProps) -> Html {
    let lang = props.lang;
    let kit = use_state(|| KitState::Idle);
    let save = {
        let kit = kit.clone();
        let catalog = props.catalog.clone();
        let (published, public_name, embed_code) = (
            props.published.clone(),
            props.public_name.clone(),
            props.embed_code.clone(),
        );
        Callback::from(move |_| {
            if *kit == KitState::Packing {
                return;
            }
            kit.set(KitState::Packing);
            let (kit, catalog) = (kit.clone(), catalog.clone());
            let (published, public_name, embed_code) =
                (published.clone(), public_name.clone(), embed_code.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let contents = Kit {
                    public_name: &public_name,
                    published: &published,
                    catalog: &catalog,
                    embed_code: &embed_code,
                };
                let packed = contents.pack().await.and_then(|bytes| {
                    files::download(&contents.file_name(), &bytes, "application/zip")
                        .map_err(|_| Failure::new(Text::DownloadFailed, ""))
                });
                kit.set(match packed {
                    Ok(()) => KitState::Saved,
                    Err(failure) => KitState::Failed(failure),
                });
            });
        })
    };
    let said = match &*kit {
        KitState::Idle => String::new(),
        KitState::Packing => Text::WidgetKitPacking.label(lang).to_owned(),
        KitState::Saved => Text::WidgetKitSaved.label(lang).to_owned(),
        KitState::Failed(failure) => failure.messages(lang).0.to_owned(),
    };
    html! {
        <div class="widget-kit">
            <button onclick={save} aria-disabled={(*kit == KitState::Packing).to_string()}>{ Text::SaveWidgetKit.label(lang) }</button>
            <p class="muted">{ Text::WidgetKitHowTo.label(lang) }</p>
            <p role="status" class={classes!(matches!(*kit, KitState::Failed(..)).then_some("failed"))}>{ said }</p>
        </div>
    }
}
