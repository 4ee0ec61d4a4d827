//! 「書き出し・署名」 in the editor: every format the import and export worker offers (tekigo
//! JSON, Excel and CSV in each layout and encoding, OSCAL), each written whole or as the
//! vendor's public version (「公開用にする」; whole files say what private fields they hold), and
//! signed if the user chooses a signing key — one made here, in the browser, or read from the
//! file the vendor keeps, checked when chosen and shown with its signer and fingerprint — and
//! the check of the signature the open assessment carries. The
//! worker is started when the menu is first opened.

use std::rc::Rc;

use tekigo_core::export::{Exporter, PublicJsonExporter};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::{to_json, Assessment, Catalog};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::formats::{request, Failure, Header};
use crate::browser::{clock, files};
use crate::components::notice::{Notice, NoticeBanner};
use crate::components::publish::NdaUnmarked;
use crate::ids::use_ids;
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub lang: Lang,
    /// Whether the menu shows; its button is in the editor's header, and the chosen key
    /// stays while it is closed.
    pub open: bool,
    /// A file of the assessment was written (the editor keeps a version of it).
    pub on_written: Callback<()>,
}

/// A format as the worker lists it.
#[derive(Clone, PartialEq)]
struct Format {
    id: String,
    ja: String,
    en: String,
}

/// A signing key chosen for this session: its file's text and name, whose signature it makes
/// and its fingerprint.
#[derive(Clone, PartialEq)]
struct Key {
    file: Rc<String>,
    name: String,
    signer: String,
    fingerprint: String,
}

fn failed(failure: &Failure) -> Notice {
    Notice::error(failure.ja.clone(), failure.en.clone())
}

fn picked_file(event: &Event) -> Option<web_sys::File> {
    let input = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let open = props.open;
    let formats = use_state(|| None::<Result<Vec<Format>, Failure>>);
    let chosen = use_state(|| String::from("xlsx"));
    let key = use_state(|| None::<Key>);
    let signing = use_state(|| false);
    let public = use_state(|| false);
    let signer = use_state(String::new);
    let said = use_state(|| None::<Notice>);
    let busy = use_state(|| false);
    {
        let formats = formats.clone();
        use_effect_with(open, move |open| {
            if *open && formats.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let listed = request("formats", Header::default(), None)
                        .await
                        .map(|reply| {
                            reply
                                .header
                                .headers("formats")
                                .iter()
                                .map(|format| Format {
                                    id: format.text("id"),
                                    ja: format.child("label").text("ja"),
                                    en: format.child("label").text("en"),
                                })
                                .collect()
                        });
                    formats.set(Some(listed));
                });
            }
        });
    }
    let export = {
        let (catalog, assessment) = (props.catalog.clone(), props.assessment.clone());
        let on_written = props.on_written.clone();
        let (chosen, key, signing, public, said, busy) = (
            chosen.clone(),
            key.clone(),
            signing.clone(),
            public.clone(),
            said.clone(),
            busy.clone(),
        );
        Callback::from(move |_| {
            let mut header = Header::default()
                .with("format", chosen.as_str())
                .with("catalog", to_json(&*catalog))
                .with("assessment", to_json(&*assessment))
                .with("now", clock::now())
                .with("today", clock::local_date())
                .with("public", *public);
            if *signing {
                if let Some(key) = &*key {
                    header = header.with("key", key.file.as_str());
                }
            }
            let (said, busy, on_written) = (said.clone(), busy.clone(), on_written.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = request("export", header, None).await;
                busy.set(false);
                said.set(Some(match outcome {
                    Ok(reply) => {
                        let name = reply.header.text("fileName");
                        let mime = reply.header.text("mime");
                        match files::download(&name, &reply.bytes.unwrap_or_default(), &mime) {
                            Ok(()) => {
                                on_written.emit(());
                                Notice::info(
                                    format!("{}: {name}", Text::Exported.label(Lang::Ja)),
                                    format!("{}: {name}", Text::Exported.label(Lang::En)),
                                )
                            }
                            Err(files::Refused) => Notice::error_text(Text::DownloadFailed),
                        }
                    }
                    Err(failure) => failed(&failure),
                }));
            });
        })
    };
    let choose_key = {
        let (key, signing, said) = (key.clone(), signing.clone(), said.clone());
        Callback::from(move |event: Event| {
            let Some(file) = picked_file(&event) else {
                return;
            };
            let (key, signing, said) = (key.clone(), signing.clone(), said.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) = files::read_bytes(&file).await else {
                    said.set(Some(Notice::error_text(Text::FileReadFailed)));
                    return;
                };
                let text = String::from_utf8_lossy(&bytes).into_owned();
                // Read now, so that a wrong file is said when it is chosen, not at the export.
                match request(
                    "key-read",
                    Header::default().with("key", text.as_str()),
                    None,
                )
                .await
                {
                    Ok(reply) => {
                        key.set(Some(Key {
                            file: Rc::new(text),
                            name: file.name(),
                            signer: reply.header.text("signer"),
                            fingerprint: reply.header.text("fingerprint"),
                        }));
                        signing.set(true);
                        said.set(None);
                    }
                    Err(failure) => said.set(Some(Notice::file_failed(
                        &file.name(),
                        &failure.ja,
                        &failure.en,
                    ))),
                }
            });
        })
    };
    let make_key = {
        let (key, signing, signer, said) =
            (key.clone(), signing.clone(), signer.clone(), said.clone());
        Callback::from(move |_| {
            let name = signer.trim().to_owned();
            if name.is_empty() {
                return;
            }
            let (key, signing, said) = (key.clone(), signing.clone(), said.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let header = Header::default()
                    .with("signer", name.as_str())
                    .with("now", clock::now());
                match request("keygen", header, None).await {
                    Ok(reply) => {
                        let private = reply.header.text("key");
                        let public = reply.header.text("publicKey");
                        let fingerprint = reply.header.text("fingerprint");
                        let stem = format!("tekigo-signing-key_{}", clock::local_date());
                        let saved = files::download(
                            &format!("{stem}.json"),
                            private.as_bytes(),
                            "application/json",
                        )
                        .and_then(|()| {
                            files::download(
                                &format!("{stem}.pub.json"),
                                public.as_bytes(),
                                "application/json",
                            )
                        });
                        if saved.is_err() {
                            said.set(Some(Notice::error_text(Text::DownloadFailed)));
                            return;
                        }
                        key.set(Some(Key {
                            file: Rc::new(private),
                            name: format!("{stem}.json"),
                            signer: name,
                            fingerprint: fingerprint.clone(),
                        }));
                        signing.set(true);
                        said.set(Some(Notice::info(
                            format!("{} {fingerprint}", Text::SigningKeyMade.label(Lang::Ja)),
                            format!("{} {fingerprint}", Text::SigningKeyMade.label(Lang::En)),
                        )));
                    }
                    Err(failure) => said.set(Some(failed(&failure))),
                }
            });
        })
    };
    let verify_open = {
        let (assessment, catalog, said) = (
            props.assessment.clone(),
            props.catalog.clone(),
            said.clone(),
        );
        Callback::from(move |_| {
            let bytes = to_json(&*assessment).into_bytes();
            let header = Header::default()
                .with("fileName", "open.json")
                .with_texts("catalogs", &[to_json(&*catalog)]);
            let said = said.clone();
            wasm_bindgen_futures::spawn_local(async move {
                said.set(Some(match request("verify", header, Some(&bytes)).await {
                    Ok(reply) => Notice {
                        error: !reply.header.flag("passed"),
                        ja: reply.header.text("ja"),
                        en: reply.header.text("en"),
                    },
                    Err(failure) => failed(&failure),
                }));
            });
        })
    };
    let dismiss = {
        let said = said.clone();
        Callback::from(move |()| said.set(None))
    };
    let signed = props
        .assessment
        .extra
        .contains_key(tekigo_core::assessment::SIGNATURE_KEY);
    let heading = ids.of("formats-heading");
    let format_id = ids.of("export-format");
    let signer_id = ids.of("signer-name");
    let panel = match &*formats {
        None => html! { <p class="muted" role="status">{ Text::FormatsLoading.label(lang) }</p> },
        Some(Err(failure)) => {
            let (primary, secondary) = failure.messages(lang);
            html! {
                <div class="problems" role="alert">
                    <p>{ primary }</p>
                    <p class="notice-secondary">{ secondary }</p>
                </div>
            }
        }
        Some(Ok(list)) => {
            let on_format = {
                let chosen = chosen.clone();
                Callback::from(move |event: Event| {
                    chosen.set(crate::components::select_value(&event))
                })
            };
            let on_signing = {
                let signing = signing.clone();
                Callback::from(move |event: Event| {
                    signing.set(crate::components::checked_value(&event))
                })
            };
            let on_public = {
                let public = public.clone();
                Callback::from(move |event: Event| {
                    public.set(crate::components::checked_value(&event))
                })
            };
            let on_signer = {
                let signer = signer.clone();
                Callback::from(move |event: InputEvent| {
                    signer.set(crate::components::input_value(&event))
                })
            };
            html! {
                <>
                <div class="field">
                    <label for={format_id.clone()}>{ Text::ExportAs.label(lang) }</label>
                    <select id={format_id} onchange={on_format}>
                        // The public JSON is JSON with 「公開用にする」 below.
                        { for list.iter().filter(|format| format.id != PublicJsonExporter.format().id).map(|format| html! {
                            <option value={format.id.clone()} selected={format.id == *chosen}>
                                { if lang == Lang::Ja { &format.ja } else { &format.en } }
                            </option>
                        }) }
                    </select>
                </div>
                <label class="field checkbox">
                    <input type="checkbox" checked={*public} onchange={on_public} />
                    { Text::ExportPublicVersion.label(lang) }
                </label>
                <p class={if *public { "muted" } else { "caution" }}>
                    { if *public { Text::ExportIsPublic.label(lang) } else { Text::ExportHoldsPrivate.label(lang) } }
                </p>
                if *public {
                    <NdaUnmarked catalog={props.catalog.clone()} assessment={props.assessment.clone()} {lang} />
                }
                <fieldset>
                    <legend>{ Text::SignExport.label(lang) }</legend>
                    <p class="muted">{ Text::SigningKeyHint.label(lang) }</p>
                    <div class="file-actions">
                        <label class="file-button">
                            { Text::SigningKeyFile.label(lang) }
                            <input type="file" accept=".json,application/json" onchange={choose_key} />
                        </label>
                        if let Some(key) = &*key {
                            <label class="field checkbox">
                                <input type="checkbox" checked={*signing} onchange={on_signing} />
                                { format!("{}: {} — {} ({} {})", Text::SigningKeyLoaded.label(lang), key.name, key.signer, Text::KeyFingerprint.label(lang), key.fingerprint) }
                            </label>
                        }
                    </div>
                    <div class="file-actions">
                        <div class="field">
                            <label for={signer_id.clone()}>{ Text::SignerName.label(lang) }</label>
                            <input id={signer_id} value={(*signer).clone()} oninput={on_signer} />
                        </div>
                        <button onclick={make_key} disabled={signer.trim().is_empty()}>{ Text::NewSigningKey.label(lang) }</button>
                    </div>
                </fieldset>
                <div class="file-actions">
                    <button class="primary" onclick={export} disabled={*busy}>{ Text::ExportButton.label(lang) }</button>
                    if signed {
                        <span class="muted">{ Text::AssessmentSigned.label(lang) }</span>
                        <button onclick={verify_open}>{ Text::VerifySignature.label(lang) }</button>
                    }
                </div>
                </>
            }
        }
    };
    html! {
        <div class="formats-menu">
            if open {
                <section class="publish panel" aria-labelledby={heading.clone()}>
                    <div class="publish-head">
                        <h3 id={heading}>{ Text::FormatsMenu.label(lang) }</h3>
                    </div>
                    { panel }
                    if let Some(notice) = (*said).clone() {
                        <NoticeBanner {notice} {lang} on_dismiss={dismiss} />
                    }
                </section>
            }
        </div>
    }
}
