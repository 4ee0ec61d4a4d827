//! This crate's formats as the engine's exporters: Excel and CSV in each layout (CSV in UTF-8
//! with a byte-order mark, or Shift_JIS), and OSCAL. [`all_exporters`] is the list the CLI and
//! the app's worker offer: the engine's own JSON formats first, then these.

use tekigo_core::export::{builtin_exporters, ExportError, ExportFormat, Exporter, JsonExporter};
use tekigo_core::i18n::Lang;
use tekigo_core::publish::publish;
use tekigo_core::{Assessment, Bilingual, Catalog};

use crate::csv::{self, Encoding};
use crate::error::FormatError;
use crate::oscal::OscalExporter;
use crate::signature::{sign, SigningKeyFile};
use crate::table::{to_workbook, Layout};
use crate::xlsx::{self, Properties};

/// What file a sheet export makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// An Excel workbook.
    Xlsx,
    /// A CSV file in this encoding.
    Csv(Encoding),
}

/// An assessment as a spreadsheet in one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetExporter {
    /// The kind of file.
    pub container: Container,
    /// The layout of its first sheet.
    pub layout: Layout,
}

/// Every sheet format, each container in each layout.
pub const SHEET_EXPORTERS: [SheetExporter; 6] = [
    SheetExporter {
        container: Container::Xlsx,
        layout: Layout::Checklist,
    },
    SheetExporter {
        container: Container::Xlsx,
        layout: Layout::VendorReference,
    },
    SheetExporter {
        container: Container::Csv(Encoding::Utf8),
        layout: Layout::Checklist,
    },
    SheetExporter {
        container: Container::Csv(Encoding::Utf8),
        layout: Layout::VendorReference,
    },
    SheetExporter {
        container: Container::Csv(Encoding::Cp932),
        layout: Layout::Checklist,
    },
    SheetExporter {
        container: Container::Csv(Encoding::Cp932),
        layout: Layout::VendorReference,
    },
];

impl SheetExporter {
    fn id(&self) -> &'static str {
        use Layout::*;
        match (self.container, self.layout) {
            (Container::Xlsx, Checklist) => "xlsx",
            (Container::Xlsx, VendorReference) => "xlsx-vendor",
            (Container::Csv(Encoding::Cp932), Checklist) => "csv-cp932",
            (Container::Csv(Encoding::Cp932), VendorReference) => "csv-cp932-vendor",
            (Container::Csv(_), Checklist) => "csv",
            (Container::Csv(_), VendorReference) => "csv-vendor",
        }
    }

    fn container_name(&self) -> Bilingual {
        match self.container {
            Container::Xlsx => Bilingual::new("Excel", "Excel"),
            Container::Csv(Encoding::Cp932) => Bilingual::new("CSV (Shift_JIS)", "CSV (Shift_JIS)"),
            Container::Csv(_) => Bilingual::new("CSV (UTF-8)", "CSV (UTF-8)"),
        }
    }
}

impl Exporter for SheetExporter {
    fn format(&self) -> ExportFormat {
        let name = self.container_name();
        let layout = self.layout.label();
        let (extension, mime) = match self.container {
            Container::Xlsx => (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Container::Csv(_) => ("csv", "text/csv"),
        };
        let suffix = match (self.layout, self.container) {
            (Layout::Checklist, Container::Csv(Encoding::Cp932)) => "_sjis",
            (Layout::VendorReference, Container::Csv(Encoding::Cp932)) => "_reference_sjis",
            (Layout::VendorReference, _) => "_reference",
            _ => "",
        };
        ExportFormat {
            id: self.id(),
            label: Bilingual::new(
                format!("{}、{}", name.ja, layout.ja),
                format!("{}, {}", name.en, layout.en),
            ),
            suffix,
            extension,
            mime,
        }
    }

    fn export(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        now: &str,
    ) -> Result<Vec<u8>, ExportError> {
        let workbook = to_workbook(catalog, assessment, self.layout);
        let written = match self.container {
            Container::Xlsx => xlsx::write(
                &workbook,
                &Properties {
                    title: format!("{} — {}", assessment.subject.product, catalog.title),
                    written_at: now.to_owned(),
                },
            ),
            Container::Csv(encoding) => csv::write(&workbook, encoding),
        };
        written.map_err(|error| self.error(&error))
    }
}

impl SheetExporter {
    fn error(&self, error: &FormatError) -> ExportError {
        ExportError::Unrepresentable {
            item: None,
            field: self.container_name().ja,
            detail: Bilingual::new(error.message(Lang::Ja), error.message(Lang::En)),
        }
    }
}

/// The file `exporter` writes for `assessment`, signed with `key` at `now`: the public
/// version is published first and then signed, so what is signed is what is published;
/// evidence rows left blank are dropped before signing, as every format drops them. OSCAL
/// cannot carry the signature and is refused.
pub fn export_signed(
    exporter: &dyn Exporter,
    catalog: &Catalog,
    assessment: &Assessment,
    key: &SigningKeyFile,
    now: &str,
) -> Result<Vec<u8>, ExportError> {
    let format = exporter.format();
    let refused = |ja: String, en: String| ExportError::Unrepresentable {
        item: None,
        field: format.label.ja.clone(),
        detail: Bilingual::new(ja, en),
    };
    let signed = |assessment: &Assessment| {
        sign(assessment, key, now)
            .map_err(|error| refused(error.message(Lang::Ja), error.message(Lang::En)))
    };
    match format.id {
        "public-json" => {
            JsonExporter.export(catalog, &signed(&publish(catalog, assessment, now))?, now)
        }
        "oscal" => Err(refused(
            "OSCAL には署名を入れられません。tekigo の JSON・Excel・CSV で署名してください。"
                .to_owned(),
            "OSCAL cannot carry the signature; sign tekigo JSON, Excel or CSV instead.".to_owned(),
        )),
        _ => {
            let mut cleaned = assessment.clone();
            for answer in cleaned.answers.values_mut() {
                answer.evidence.retain(|evidence| !evidence.is_blank());
            }
            exporter.export(catalog, &signed(&cleaned)?, now)
        }
    }
}

/// Every export format: the engine's JSON formats, then the sheets, then OSCAL.
pub fn all_exporters() -> Vec<&'static dyn Exporter> {
    let mut list = builtin_exporters();
    list.extend(
        SHEET_EXPORTERS
            .iter()
            .map(|exporter| exporter as &dyn Exporter),
    );
    list.push(&OscalExporter);
    list
}
