//! The exporter seam: every format an assessment can be written in is one [`Exporter`], and
//! the app's menu and the CLI both list the exporters they are given instead of naming
//! formats. The engine brings the JSON formats; heavy formats (spreadsheets, OSCAL) live in
//! their own crate and are added to the list by whoever can afford to load them.

mod json;
mod public_json;

pub use json::JsonExporter;
pub use public_json::PublicJsonExporter;

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::i18n::{Bilingual, Lang};

/// What an exporter writes, as a menu and a file name show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFormat {
    /// What `--to` takes on the command line, e.g. `json`.
    pub id: &'static str,
    /// The menu entry, e.g. tekigo 形式 (JSON、すべての内容).
    pub label: Bilingual,
    /// Added to the file name before the extension, e.g. `_public`.
    pub suffix: &'static str,
    /// File extension without the dot.
    pub extension: &'static str,
    /// The media type a download is offered with, e.g. `application/json`.
    pub mime: &'static str,
}

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// A value the format cannot hold, with where it is.
    Unrepresentable {
        /// The item whose answer holds the value; none for a value outside the answers.
        item: Option<String>,
        /// The field that holds it, as the format names it.
        field: String,
        /// What the format cannot hold, in Japanese and English.
        detail: Bilingual,
    },
}

impl ExportError {
    /// The reason in one language, naming the item and field.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Unrepresentable {
                item: Some(item),
                field,
                detail,
            } => match lang {
                Lang::Ja => format!("項目 {item} の {field}: {}", detail.get(lang)),
                Lang::En => format!("item {item}, {field}: {}", detail.get(lang)),
            },
            ExportError::Unrepresentable {
                item: None,
                field,
                detail,
            } => format!("{field}: {}", detail.get(lang)),
        }
    }
}

/// One output format.
pub trait Exporter {
    /// What the exporter writes: its id, menu label, extension and media type.
    fn format(&self) -> ExportFormat;

    /// The file's bytes for `assessment` of `catalog`, written at `now` (RFC 3339).
    fn export(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        now: &str,
    ) -> Result<Vec<u8>, ExportError>;
}

/// The exporters the engine itself provides.
pub fn builtin_exporters() -> Vec<&'static dyn Exporter> {
    vec![&JsonExporter, &PublicJsonExporter]
}

/// The exporter for `id` among `exporters`.
pub fn find<'a>(exporters: &[&'a dyn Exporter], id: &str) -> Option<&'a dyn Exporter> {
    exporters
        .iter()
        .copied()
        .find(|exporter| exporter.format().id == id)
}

/// What names a file of the public version (see [`crate::publish`]).
pub const PUBLIC_SUFFIX: &str = "_public";

/// The file name of an export: the assessment's stem, the format's suffix and extension.
pub fn file_name(assessment: &Assessment, format: &ExportFormat, today: &str) -> String {
    format!(
        "{}{}.{}",
        assessment.file_stem(today),
        format.suffix,
        format.extension
    )
}

/// The file name of the public version written in `format`: `_public` after the stem, once.
pub fn public_file_name(assessment: &Assessment, format: &ExportFormat, today: &str) -> String {
    let suffix = format
        .suffix
        .strip_prefix(PUBLIC_SUFFIX)
        .unwrap_or(format.suffix);
    format!(
        "{}{PUBLIC_SUFFIX}{suffix}.{}",
        assessment.file_stem(today),
        format.extension
    )
}
