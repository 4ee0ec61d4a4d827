//! The widget kit, 「ウィジェット一式を保存」 in the publish dialog: this build's widget (the
//! files its `widget/kit.json` lists), the catalog, the public version and a page to try them,
//! in one zip laid out as the embed code names them (`tekigo/widget/…`, `tekigo/<public
//! file>`), so that a vendor puts one folder on its site. The files come from this app's own
//! origin (kept by the service worker); the import and export worker makes the zip.

use js_sys::Uint8Array;
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::shipped::{load_widget_files, WIDGET_FILES};
use tekigo_core::{to_json, Catalog};
use wasm_bindgen_futures::JsFuture;

use super::data::arrived;
use super::formats::{request, Failure, Header};

/// The widget's folder beside the app's page.
const FOLDER: &str = "widget";

/// What goes into the kit, and where the embed code looks for it.
pub struct Kit<'a> {
    /// The public version's file name, as the embed code names it.
    pub public_name: &'a str,
    /// The public version's JSON.
    pub published: &'a str,
    /// The catalog the answers are given against, written where the widget looks for it.
    pub catalog: &'a Catalog,
    /// The code a vendor copies onto its page, shown on the kit's page to try.
    pub embed_code: &'a str,
}

impl Kit<'_> {
    /// The zip's name: the public file's, as a kit.
    pub fn file_name(&self) -> String {
        format!("{}_widget.zip", self.public_name.trim_end_matches(".json"))
    }

    /// The zip, or why it could not be made (a file of the widget missing from this build).
    pub async fn pack(&self) -> Result<Vec<u8>, Failure> {
        let list_path = format!("{FOLDER}/{WIDGET_FILES}");
        let listed = fetch(&list_path).await?;
        let files = String::from_utf8(listed)
            .ok()
            .and_then(|text| load_widget_files(&text))
            .ok_or_else(|| failed(&list_path))?;
        let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
        for file in files {
            let bytes = fetch(&format!("{FOLDER}/{file}")).await?;
            entries.push((format!("tekigo/{FOLDER}/{file}"), bytes));
        }
        entries.push((
            format!("tekigo/{FOLDER}/catalogs/{}.json", self.catalog.id),
            to_json(self.catalog).into_bytes(),
        ));
        entries.push((
            format!("tekigo/{}", self.public_name),
            self.published.as_bytes().to_vec(),
        ));
        entries.push((
            "tekigo/example.html".to_owned(),
            example_page(self.embed_code).into_bytes(),
        ));
        let header: Vec<Header> = entries
            .iter()
            .map(|(name, bytes)| {
                Header::default()
                    .with("name", name.as_str())
                    .with("size", bytes.len() as f64)
            })
            .collect();
        let bytes: Vec<u8> = entries.into_iter().flat_map(|(_, bytes)| bytes).collect();
        let reply = request(
            "zip",
            Header::default().with_headers("entries", &header),
            Some(&bytes),
        )
        .await?;
        reply.bytes.ok_or_else(|| failed("zip"))
    }
}

/// A page with the embed code and a line on where the folder goes, to try the kit on a site.
fn example_page(embed_code: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"ja\">\n<head>\n  <meta charset=\"utf-8\">\n  <link rel=\"icon\" href=\"data:,\">\n  <title>tekigo widget</title>\n</head>\n<body>\n  <p>{}<br>{}</p>\n{embed_code}\n</body>\n</html>\n",
        Text::WidgetKitExample.label(Lang::Ja),
        Text::WidgetKitExample.label(Lang::En),
    )
}

/// The bytes at `path`, beside the app's page.
async fn fetch(path: &str) -> Result<Vec<u8>, Failure> {
    let window = web_sys::window().ok_or_else(|| failed(path))?;
    let said = |detail: String| failed(&format!("{path}: {detail}"));
    let response = arrived(window.fetch_with_str(path)).await.map_err(said)?;
    let buffer = response
        .array_buffer()
        .map_err(|_| said("no body".to_owned()))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| said("the body could not be read".to_owned()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn failed(detail: &str) -> Failure {
    Failure::new(Text::WidgetKitFailed, detail)
}
