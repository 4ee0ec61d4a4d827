//! The start screen's 「Excel・CSV から読み込む」, 「表からカタログを作る」 and
//! 「ファイルの署名を確認」. A sheet the import and export worker reads as an assessment becomes
//! tekigo JSON and is opened as any picked file is (the app's own flow stores it, or says why
//! not); a sheet that is no assessment is offered to the catalog dialog; a signed file is
//! checked, against the signer's public key file when one is chosen (as `tekigo verify --key`).

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::to_json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::{shipped, AppAction};
use crate::browser::formats::{as_file, request, Failure, Header};
use crate::browser::{clock, files};
use crate::components::import_catalog::ImportCatalog;
use crate::components::notice::{Notice, NoticeBanner};
use crate::ids::use_ids;
use crate::library::Library;

#[derive(Properties, PartialEq)]
pub struct ImportSheetProps {
    pub lang: Lang,
    /// The catalogs so far; the shipped ones not yet loaded are loaded before a sheet is read.
    pub library: Library,
    /// Where loading says 「読み込み中…」 and names a data file that does not load.
    pub dispatch: Callback<AppAction>,
    /// Opens a file as the start screen's 「ファイルから開く」 does.
    pub on_file: Callback<web_sys::File>,
}

/// Every catalog as tekigo JSON for the worker, the shipped ones loaded first; None when one
/// does not load (the app says which).
async fn catalogs_json(library: Library, dispatch: Callback<AppAction>) -> Option<Vec<String>> {
    let library = shipped::complete_all(&dispatch, &library).await?;
    Some(
        library
            .catalogs
            .iter()
            .map(|catalog| to_json(&**catalog))
            .collect(),
    )
}

/// A public key file chosen to check signatures against: its name and text, and whose key
/// it is.
#[derive(Clone, PartialEq)]
struct TrustedKey {
    name: String,
    text: Rc<String>,
    signer: String,
    fingerprint: String,
}

/// A sheet on its way into the catalog dialog.
#[derive(Clone, PartialEq)]
pub struct PickedSheet {
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
}

fn picked(event: &Event) -> Option<web_sys::File> {
    let input = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Whether `bytes` start as a JSON object does (after a byte-order mark and white space): no
/// sheet does.
fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'{')
}

async fn read(file: &web_sys::File) -> Result<Vec<u8>, Failure> {
    files::read_bytes(file)
        .await
        .map_err(|files::Refused| Failure::new(Text::FileReadFailed, ""))
}

#[component]
pub fn ImportSheet(props: &ImportSheetProps) -> Html {
    let lang = props.lang;
    let ids = use_ids();
    let shown = use_state(|| false);
    let said = use_state(|| None::<Notice>);
    let sheet = use_state(|| None::<PickedSheet>);
    // The public key file signatures are checked against.
    let trusted_key = use_state(|| None::<TrustedKey>);
    // Said as the app says of a file that does not open: nothing was changed.
    let fail = |said: &UseStateHandle<Option<Notice>>, name: &str, failure: &Failure| {
        said.set(Some(Notice::file_failed(name, &failure.ja, &failure.en)))
    };
    let catalogs_json = {
        let (library, dispatch) = (props.library.clone(), props.dispatch.clone());
        move || catalogs_json(library.clone(), dispatch.clone())
    };
    let on_sheet = {
        let (said, sheet, on_file) = (said.clone(), sheet.clone(), props.on_file.clone());
        let catalogs_json = catalogs_json.clone();
        Callback::from(move |event: Event| {
            let Some(file) = picked(&event) else { return };
            let (said, sheet, on_file) = (said.clone(), sheet.clone(), on_file.clone());
            let catalogs = catalogs_json();
            said.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let Some(catalogs) = catalogs.await else {
                    return;
                };
                let header = Header::default()
                    .with("fileName", file.name())
                    .with_texts("catalogs", &catalogs)
                    .with("id", clock::fresh_id("assessment"))
                    .with("now", clock::now());
                let bytes = match read(&file).await {
                    Ok(bytes) => bytes,
                    Err(failure) => return fail(&said, &file.name(), &failure),
                };
                // A JSON file (tekigo's own, picked here by mistake) opens as any file does.
                if looks_like_json(&bytes) {
                    return on_file.emit(file);
                }
                match request("read-assessment", header, Some(&bytes)).await {
                    Ok(reply) => {
                        let json = reply.header.text("assessment");
                        let name = format!("{}.json", file.name());
                        if let Some(opened) = as_file(json.as_bytes(), &name) {
                            on_file.emit(opened);
                        }
                    }
                    Err(failure) if failure.kind.as_deref() == Some("not-an-assessment") => {
                        said.set(Some(Notice::info(
                            format!(
                                "{} ({})",
                                Text::SheetIsNoAssessment.label(Lang::Ja),
                                failure.ja
                            ),
                            format!(
                                "{} ({})",
                                Text::SheetIsNoAssessment.label(Lang::En),
                                failure.en
                            ),
                        )));
                        sheet.set(Some(PickedSheet {
                            name: file.name(),
                            bytes: Rc::new(bytes),
                        }));
                    }
                    Err(failure) => fail(&said, &file.name(), &failure),
                }
            });
        })
    };
    let on_catalog_sheet = {
        let (said, sheet) = (said.clone(), sheet.clone());
        Callback::from(move |event: Event| {
            let Some(file) = picked(&event) else { return };
            let (said, sheet) = (said.clone(), sheet.clone());
            said.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match read(&file).await {
                    Ok(bytes) => sheet.set(Some(PickedSheet {
                        name: file.name(),
                        bytes: Rc::new(bytes),
                    })),
                    Err(failure) => fail(&said, &file.name(), &failure),
                }
            });
        })
    };
    let on_trusted_key = {
        let (said, trusted_key) = (said.clone(), trusted_key.clone());
        Callback::from(move |event: Event| {
            let Some(file) = picked(&event) else { return };
            let (said, trusted_key) = (said.clone(), trusted_key.clone());
            said.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let text = match read(&file).await {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    Err(failure) => return fail(&said, &file.name(), &failure),
                };
                // Read now: a wrong file is said when it is chosen, and the key kept stays.
                let header = Header::default().with("publicKey", text.as_str());
                match request("public-key-read", header, None).await {
                    Ok(reply) => trusted_key.set(Some(TrustedKey {
                        name: file.name(),
                        text: Rc::new(text),
                        signer: reply.header.text("signer"),
                        fingerprint: reply.header.text("fingerprint"),
                    })),
                    Err(failure) => fail(&said, &file.name(), &failure),
                }
            });
        })
    };
    let forget_trusted_key = {
        let trusted_key = trusted_key.clone();
        Callback::from(move |_| trusted_key.set(None))
    };
    let on_verify = {
        let said = said.clone();
        let trusted = (*trusted_key).clone();
        Callback::from(move |event: Event| {
            let Some(file) = picked(&event) else { return };
            let (said, trusted) = (said.clone(), trusted.clone());
            let catalogs = catalogs_json();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(catalogs) = catalogs.await else {
                    return;
                };
                let mut header = Header::default()
                    .with("fileName", file.name())
                    .with_texts("catalogs", &catalogs);
                if let Some(key) = &trusted {
                    header = header.with("publicKey", key.text.as_str());
                }
                let bytes = match read(&file).await {
                    Ok(bytes) => bytes,
                    Err(failure) => return fail(&said, &file.name(), &failure),
                };
                match request("verify", header, Some(&bytes)).await {
                    Ok(reply) => {
                        let passed = reply.header.flag("passed");
                        // Passed against a chosen key: it is that key's signature.
                        let text = |key: &str, lang| match &trusted {
                            Some(trusted) if passed => format!(
                                "{}: {} {} ({})",
                                file.name(),
                                reply.header.text(key),
                                Text::SignedWithChosenKey.label(lang),
                                trusted.name
                            ),
                            _ => format!("{}: {}", file.name(), reply.header.text(key)),
                        };
                        said.set(Some(Notice {
                            error: !passed,
                            ja: text("ja", Lang::Ja),
                            en: text("en", Lang::En),
                        }))
                    }
                    Err(failure) => fail(&said, &file.name(), &failure),
                }
            });
        })
    };
    let on_close = {
        let sheet = sheet.clone();
        Callback::from(move |()| sheet.set(None))
    };
    let on_catalog = {
        let (sheet, on_file) = (sheet.clone(), props.on_file.clone());
        Callback::from(move |file: web_sys::File| {
            sheet.set(None);
            on_file.emit(file);
        })
    };
    let dismiss = {
        let said = said.clone();
        Callback::from(move |()| said.set(None))
    };
    let hint = ids.of("import-sheet-hint");
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(!*shown))
    };
    html! {
        <>
        <div class="file-actions">
            <button onclick={toggle} aria-expanded={(*shown).to_string()}>{ Text::SheetsAndSignatures.label(lang) }</button>
        </div>
        // The file inputs exist only while shown: the start screen keeps one file input of its own.
        if *shown {
        <div class="file-actions import-sheet">
            <label class="file-button">
                { Text::ImportSheet.label(lang) }
                <input type="file" accept=".xlsx,.xlsm,.csv,.tsv,.txt" onchange={on_sheet}
                       aria-describedby={hint.clone()} />
            </label>
            <label class="file-button">
                { Text::ImportCatalogFromSheet.label(lang) }
                <input type="file" accept=".xlsx,.xlsm,.csv,.tsv,.txt" onchange={on_catalog_sheet} />
            </label>
            <label class="file-button">
                { Text::VerifyFile.label(lang) }
                <input type="file" accept=".json,.xlsx,.csv,application/json" onchange={on_verify} />
            </label>
            <label class="file-button">
                { Text::ChooseTrustedKey.label(lang) }
                <input type="file" accept=".json,application/json" onchange={on_trusted_key} />
            </label>
            if let Some(key) = &*trusted_key {
                <span class="muted" role="status">
                    { format!("{}: {} — {} ({} {})", Text::TrustedKey.label(lang), key.name, key.signer, Text::KeyFingerprint.label(lang), key.fingerprint) }
                </span>
                <button onclick={forget_trusted_key}>{ Text::Remove.label(lang) }</button>
            }
            <span id={hint} class="muted">{ Text::ImportSheetHint.label(lang) }</span>
        </div>
        }
        if let Some(notice) = (*said).clone() {
            <NoticeBanner {notice} {lang} on_dismiss={dismiss} />
        }
        if let Some(sheet) = (*sheet).clone() {
            <ImportCatalog {lang} {sheet} on_catalog={on_catalog} {on_close} />
        }
        </>
    }
}
