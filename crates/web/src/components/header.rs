//! The app's header: its name, the way to 「このツールについて」 and the language switch. The
//! app renders it live; the build renders it into the first screen (`first_screen`).

use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_about: Callback<MouseEvent>,
    pub on_toggle_lang: Callback<MouseEvent>,
}

#[component]
pub fn AppHeader(props: &HeaderProps) -> Html {
    let lang = props.lang;
    html! {
        <header class="app-header">
            <h1>{ "tekigo" }<span class="subtitle">{ " " }{ Text::AppSubtitle.label(lang) }</span></h1>
            <nav class="header-actions">
                <button class="header-link" onclick={props.on_about.clone()}>{ Text::About.label(lang) }</button>
                <button class="lang-switch" onclick={props.on_toggle_lang.clone()} lang={ if lang == Lang::Ja { "en" } else { "ja" } }>
                    { Text::SwitchLanguage.label(lang) }
                </button>
            </nav>
        </header>
    }
}
