//! A button that saves a file the app made, and says so in both languages when the browser
//! does not let it.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

use crate::browser::files;

#[derive(Properties, PartialEq)]
pub struct SaveFileButtonProps {
    pub label: String,
    pub file_name: String,
    pub text: Rc<String>,
    pub lang: Lang,
    #[prop_or_default]
    pub primary: bool,
    #[prop_or_default]
    pub disabled: bool,
    /// The file was handed to the browser to save.
    #[prop_or_default]
    pub on_saved: Callback<()>,
}

#[component]
pub fn SaveFileButton(props: &SaveFileButtonProps) -> Html {
    let refused = use_state(|| false);
    let save = {
        let (refused, name, text) = (refused.clone(), props.file_name.clone(), props.text.clone());
        let on_saved = props.on_saved.clone();
        Callback::from(move |_| {
            let saved = files::download(&name, text.as_bytes(), "application/json").is_ok();
            refused.set(!saved);
            if saved {
                on_saved.emit(());
            }
        })
    };
    html! {
        <>
            <button class={classes!(props.primary.then_some("primary"))} onclick={save}
                    disabled={props.disabled}>{ &props.label }</button>
            if *refused {
                <p class="problems" role="alert">{ Text::DownloadFailed.label(props.lang) }</p>
            }
        </>
    }
}
