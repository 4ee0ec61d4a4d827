//! The widget's root component: loads what its configuration names, then shows the vendor's
//! answers — who the vendor is, a summary, what the hospital must do, and the items, grouped
//! and searchable — with the way to start a check of the hospital's own.

use std::cell::RefCell;
use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::handover;
use crate::host::Host;
use crate::items::Items;
use crate::load::{load, published_text, Failure, Loaded};
use crate::summary::Summary;

/// Where the published answers come from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// An address to fetch.
    Url(Rc<str>),
    /// JSON text handed to `load()`.
    Text(Rc<str>),
}

/// What the element's attributes ask for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub source: Option<Source>,
    pub catalog: Option<Rc<str>>,
    pub lang: Lang,
    pub app: Option<Rc<str>>,
}

/// The answers shown now, for the element's `assessment` property.
#[derive(Clone, Debug, Default)]
pub struct Current(pub Rc<RefCell<Option<Rc<Loaded>>>>);

impl PartialEq for Current {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ReferenceProps {
    pub config: Config,
    pub base: Rc<str>,
    pub host: Host,
    pub current: Current,
}

#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Loading,
    Ready(Rc<Loaded>),
    Failed(Failure),
}

#[component]
pub fn ReferenceApp(props: &ReferenceProps) -> Html {
    let shown = use_state(|| Shown::Nothing);
    let handed_over = use_state(|| None::<handover::Outcome>);
    {
        let shown = shown.clone();
        let props = props.clone();
        let key = (props.config.source.clone(), props.config.catalog.clone());
        use_effect_with(key, move |(source, catalog)| {
            let Some(source) = source.clone() else {
                shown.set(Shown::Nothing);
                return;
            };
            shown.set(Shown::Loading);
            let catalog = catalog.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match published_text(&source).await {
                    Ok(text) => load(&text, catalog.as_deref(), &props.base).await,
                    Err(failure) => Err(failure),
                };
                match outcome {
                    Ok(loaded) => {
                        let loaded = Rc::new(loaded);
                        *props.current.0.borrow_mut() = Some(loaded.clone());
                        props
                            .host
                            .announce("load", &JsValue::from_str(&loaded.assessment.id));
                        shown.set(Shown::Ready(loaded));
                    }
                    Err(failure) => {
                        *props.current.0.borrow_mut() = None;
                        props
                            .host
                            .announce("error", &JsValue::from_str(&failure.en));
                        shown.set(Shown::Failed(failure));
                    }
                }
            });
        });
    }
    let lang = props.config.lang;
    let body = match &*shown {
        Shown::Nothing => html! {
            <p class="tk-message" role="status">{ Text::WidgetNoSource.label(lang) }</p>
        },
        Shown::Loading => html! {
            <p class="tk-message" role="status">{ Text::Loading.label(lang) }</p>
        },
        Shown::Failed(failure) => html! {
            <div class="tk-message tk-error" role="alert" part="error">
                <p>{ failure.get(lang) }</p>
                <p class="tk-secondary" lang={ if lang == Lang::Ja { "en" } else { "ja" } }>
                    { failure.get(if lang == Lang::Ja { Lang::En } else { Lang::Ja }) }
                </p>
            </div>
        },
        Shown::Ready(loaded) => {
            let start = {
                let loaded = loaded.clone();
                let app = props.config.app.clone();
                let host = props.host.clone();
                let handed_over = handed_over.clone();
                Callback::from(move |_| {
                    let outcome = handover::start_own_check(&loaded, app.as_deref(), &host);
                    handed_over.set(Some(outcome));
                })
            };
            html! {
                <>
                    <Summary loaded={loaded.clone()} {lang} />
                    <Items loaded={loaded.clone()} {lang} />
                    <footer class="tk-own" part="own-check">
                        <button class="tk-primary" part="button" onclick={start}>{ Text::WidgetStartOwnCheck.label(lang) }</button>
                        <p class="tk-note">{ Text::WidgetOwnCheckNote.label(lang) }</p>
                        if let Some(outcome) = &*handed_over {
                            <p class="tk-note" role="status">{ outcome.message(lang) }</p>
                        }
                    </footer>
                </>
            }
        }
    };
    html! {
        <div class="tk-root" part="root" lang={lang.tag()}>{ body }</div>
    }
}
