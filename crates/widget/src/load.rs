//! Fetching the published file and its catalog, and letting the engine decide whether they
//! may be shown. Every failure becomes words in both languages.

use std::rc::Rc;

use tekigo_core::i18n::{load_error_message, Lang, Localized, Text};
use tekigo_core::open::open_published;
use tekigo_core::{load_assessment, load_catalog, Assessment, Catalog};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Published answers ready to show. Shared behind an `Rc` and compared by identity.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub assessment: Assessment,
}

/// A load is only ever equal to itself: components compare their props by identity instead
/// of walking two catalogs.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Why nothing can be shown, in Japanese and English.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub ja: String,
    pub en: String,
}

impl Failure {
    fn new(context: Text, ja: String, en: String) -> Self {
        Failure {
            ja: format!("{} {ja}", context.label(Lang::Ja)),
            en: format!("{} {en}", context.label(Lang::En)),
        }
    }

    /// The reason in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// The text at `url`.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_owned())?
        .dyn_into()
        .map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_owned())?)
        .await
        .map_err(|_| "the body could not be read".to_owned())?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Where the answers come from: an address, or text handed in by `load()`.
pub async fn published_text(source: &super::view::Source) -> Result<Rc<str>, Failure> {
    match source {
        super::view::Source::Text(text) => Ok(text.clone()),
        super::view::Source::Url(url) => fetch_text(url).await.map(Rc::from).map_err(|error| {
            Failure::new(
                Text::WidgetSourceUnavailable,
                format!("({url}: {error})"),
                format!("({url}: {error})"),
            )
        }),
    }
}

/// Reads published answers and fetches their catalog (from `catalog`, or next to the widget
/// under `base`), then lets the engine decide whether they may be shown.
pub async fn load(text: &str, catalog: Option<&str>, base: &str) -> Result<Loaded, Failure> {
    let unreadable = |error| {
        Failure::new(
            Text::WidgetCannotShow,
            load_error_message(&error, Lang::Ja),
            load_error_message(&error, Lang::En),
        )
    };
    // Read once to learn which catalog is needed; the engine then reads it for real.
    let peek = load_assessment(text.as_bytes()).map_err(unreadable)?;
    let catalog_url = match catalog {
        Some(url) => url.to_owned(),
        None => format!("{base}catalogs/{}.json", peek.catalog.id),
    };
    let catalog_text = fetch_text(&catalog_url).await.map_err(|error| {
        Failure::new(
            Text::WidgetCatalogUnavailable,
            format!("{} ({catalog_url}: {error})", peek.catalog.id),
            format!("{} ({catalog_url}: {error})", peek.catalog.id),
        )
    })?;
    let catalog = load_catalog(catalog_text.as_bytes()).map_err(unreadable)?;
    let assessment = open_published(text.as_bytes(), &catalog).map_err(|refusal| {
        Failure::new(
            Text::WidgetCannotShow,
            refusal.message(Lang::Ja),
            refusal.message(Lang::En),
        )
    })?;
    Ok(Loaded {
        catalog,
        assessment,
    })
}
