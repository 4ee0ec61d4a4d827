//! tekigo's own JSON, everything recorded: what the app stores and reads back without loss.

use super::{ExportError, ExportFormat, Exporter};
use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::i18n::Bilingual;
use crate::json::to_json;

/// The full assessment as tekigo JSON. Evidence rows left blank are not written.
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn format(&self) -> ExportFormat {
        ExportFormat {
            id: "json",
            label: Bilingual::new(
                "tekigo 形式 (JSON、すべての内容)",
                "tekigo file (JSON, everything)",
            ),
            suffix: "",
            extension: "json",
            mime: "application/json",
        }
    }

    fn export(
        &self,
        _catalog: &Catalog,
        assessment: &Assessment,
        _now: &str,
    ) -> Result<Vec<u8>, ExportError> {
        let mut cleaned = assessment.clone();
        for answer in cleaned.answers.values_mut() {
            answer.evidence.retain(|evidence| !evidence.is_blank());
        }
        Ok(to_json(&cleaned).into_bytes())
    }
}
