//! 「公開用に書き出す」: the public version of the assessment, the code a vendor copies onto
//! its site, and a preview of the widget showing it. What leaves is the engine's decision
//! (`tekigo_core::publish`); the dialog lists it from the field table.

use std::rc::Rc;

use tekigo_core::export::{file_name, Exporter, PublicJsonExporter};
use tekigo_core::fields::answer_fields;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::publish::{publish, unmarked_nda_items};
use tekigo_core::{to_json, Assessment, Catalog};
use yew::prelude::*;

use crate::browser::{clock, preview};
use crate::components::save_file_button::SaveFileButton;
use crate::components::widget_kit::WidgetKitButton;
use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    pub on_close: Callback<()>,
    /// The public version was written to a file (the editor keeps a version of the assessment).
    pub on_written: Callback<()>,
}

/// A file name as it stands in an address: the characters an address reads otherwise (`%`,
/// `#`, `&`) escaped, the rest as it is.
fn in_address(name: &str) -> String {
    name.replace('%', "%25")
        .replace('#', "%23")
        .replace('&', "%26")
}

#[component]
pub fn PublishDialog(props: &PublishProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let frame = use_node_ref();
    let format = PublicJsonExporter.format();
    let name = file_name(&props.assessment, &format, &clock::local_date());
    let published = use_memo(
        (props.catalog.clone(), props.assessment.clone()),
        |(catalog, assessment)| to_json(&publish(catalog, assessment, &clock::now())),
    );
    {
        let frame = frame.clone();
        let published = (*published).clone();
        use_effect_with(published.clone(), move |_| {
            let feed = frame
                .cast::<web_sys::HtmlIFrameElement>()
                .and_then(|frame| preview::feed(frame, published));
            move || drop(feed)
        });
    }
    let embed_code = format!(
        "<script type=\"module\" src=\"/tekigo/widget/tekigo-widget.js\"></script>\n<tekigo-checker src=\"/tekigo/{}\" lang=\"{}\"></tekigo-checker>",
        in_address(&name),
        lang.tag()
    );
    // Served, the widget's files are beside the app; the single file has none to preview or
    // pack.
    let preview_address = preview::address(lang.tag());
    let has_widget = preview_address.is_some();
    let fields = answer_fields(&props.catalog);
    let (public, private): (Vec<_>, Vec<_>) = fields.iter().partition(|field| field.public());
    let names = |list: &[&tekigo_core::fields::AnswerField]| {
        list.iter()
            .map(|field| field.label(lang))
            .collect::<Vec<_>>()
            .join(lang.list_separator())
    };
    let heading = ids.of("publish-heading");
    let code_id = ids.of("embed-code");
    html! {
        <section class="publish panel" aria-labelledby={heading.clone()}>
            <div class="publish-head">
                <h3 id={heading}>{ Text::PublishTitle.label(lang) }</h3>
                <button onclick={props.on_close.reform(|_| ())}>{ Text::Dismiss.label(lang) }</button>
            </div>
            <p>{ Text::PublishWhat.label(lang) }</p>
            <dl class="publish-fields">
                <dt>{ Text::PublishLeaves.label(lang) }</dt>
                <dd>{ names(&public) }</dd>
                <dt>{ Text::PublishStays.label(lang) }</dt>
                <dd>{ names(&private) }{ lang.list_separator() }{ Text::PublishStaysAlso.label(lang) }</dd>
            </dl>
            <NdaUnmarked catalog={props.catalog.clone()} assessment={props.assessment.clone()} {lang} />
            <SaveFileButton label={format!("{} ({name})", Text::SavePublicFile.label(lang))} file_name={name.clone()}
                            text={Rc::new((*published).clone())} {lang} primary=true
                            on_saved={props.on_written.clone()} />
            <div class="field wide">
                <label for={code_id.clone()}>{ Text::EmbedCode.label(lang) }</label>
                <textarea id={code_id} class="embed-code" readonly=true value={embed_code.clone()} rows="3" />
                <p class="muted">
                    { if has_widget { Text::EmbedHowTo } else { Text::EmbedHowToFromBuild }.label(lang) }
                    { if lang == Lang::Ja { "" } else { " " } }
                    { Text::EmbedCsp.label(lang) }
                </p>
            </div>
            if has_widget {
                <WidgetKitButton catalog={props.catalog.clone()} published={Shared(published.clone())}
                                 public_name={name.clone()} embed_code={embed_code.clone()} {lang} />
            }
            <h4>{ Text::WidgetPreview.label(lang) }</h4>
            if let Some(address) = preview_address {
                <iframe ref={frame} class="widget-preview" title={Text::WidgetPreview.label(lang)} src={address} />
            } else {
                <p class="muted">{ Text::NoPreviewFromFile.label(lang) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NdaUnmarkedProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
}

/// The items that cite a 要NDA document without being marked 要NDA, named before anything is
/// published (here, and by a public export): nothing when there are none.
#[component]
pub fn NdaUnmarked(props: &NdaUnmarkedProps) -> Html {
    let lang = props.lang;
    let unmarked = use_memo(
        (props.catalog.clone(), props.assessment.clone()),
        |(catalog, assessment)| unmarked_nda_items(catalog, assessment),
    );
    if unmarked.is_empty() {
        return html! {};
    }
    html! {
        <p class="caution">{ format!("{} {}", Text::PublishNdaUnmarked.label(lang), unmarked.join(lang.list_separator())) }</p>
    }
}
