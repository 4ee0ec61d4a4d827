//! The vendor's public version as tekigo JSON: what a vendor puts on its site for the widget
//! and for hospitals to start their own check from ([`crate::publish`] decides what leaves).

use super::{ExportError, ExportFormat, Exporter, PUBLIC_SUFFIX};
use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::i18n::Bilingual;
use crate::json::to_json;
use crate::publish::publish;

/// The public version: no NDA details, no internal notes, no evaluator's columns.
pub struct PublicJsonExporter;

impl Exporter for PublicJsonExporter {
    fn format(&self) -> ExportFormat {
        ExportFormat {
            id: "public-json",
            label: Bilingual::new(
                "公開用 (JSON、要NDA 文書の所在・社内メモ・評価員の欄を除く)",
                "For publishing (JSON, without where NDA documents are, internal notes or the evaluator's columns)",
            ),
            suffix: PUBLIC_SUFFIX,
            extension: "json",
            mime: "application/json",
        }
    }

    fn export(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        now: &str,
    ) -> Result<Vec<u8>, ExportError> {
        Ok(to_json(&publish(catalog, assessment, now)).into_bytes())
    }
}
