//! The banner for errors and confirmations. Messages exist in both languages from the start,
//! so switching the language later still shows the right one.

use tekigo_core::i18n::{Lang, Localized, Text};
use yew::prelude::*;

#[derive(Clone, PartialEq, Debug)]
pub struct Notice {
    pub error: bool,
    pub ja: String,
    pub en: String,
}

impl Notice {
    pub fn error(ja: String, en: String) -> Self {
        Notice {
            error: true,
            ja,
            en,
        }
    }

    /// An error the app words itself, in both languages.
    pub fn error_text(text: Text) -> Self {
        Notice::error(
            text.label(Lang::Ja).to_owned(),
            text.label(Lang::En).to_owned(),
        )
    }

    /// The file `name` did not open, for the reason given in both languages; the words say
    /// that nothing was changed.
    pub fn file_failed(name: &str, ja: &str, en: &str) -> Self {
        Notice::error(
            format!("{} ({name}) {ja}", Text::FileOpenFailed.label(Lang::Ja)),
            format!("{} ({name}) {en}", Text::FileOpenFailed.label(Lang::En)),
        )
    }

    pub fn info(ja: String, en: String) -> Self {
        Notice {
            error: false,
            ja,
            en,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    pub lang: Lang,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
    let notice = &props.notice;
    let (primary, secondary) = match props.lang {
        Lang::Ja => (&notice.ja, &notice.en),
        Lang::En => (&notice.en, &notice.ja),
    };
    let on_dismiss = props.on_dismiss.reform(|_| ());
    html! {
        <div class={classes!("notice", notice.error.then_some("notice-error"))}
             role={ if notice.error { "alert" } else { "status" } }>
            <div class="notice-text">
                <p>{ primary }</p>
                <p class="notice-secondary">{ secondary }</p>
            </div>
            <button onclick={on_dismiss}>{ Text::Dismiss.label(props.lang) }</button>
        </div>
    }
}
