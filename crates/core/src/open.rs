//! Whether a file may be opened, and as what: the one decision the app's 「ファイルから開く」
//! and the CLI share. A catalog whose id is already taken by different content is kept under
//! a new id (and the caller says so); an assessment is refused when its catalog is missing or
//! it has errors, and opens with its warnings otherwise.

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::error::LoadError;
use crate::i18n::{load_error_message, Lang};
use crate::json::{catalog_hash, load_file, TekigoFile};
use crate::publish::is_published;
use crate::validate::{validate, validate_catalog, Problem};

/// What a readable file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// A catalog to add to the list.
    Catalog {
        /// The catalog, with a free id if its own was taken.
        catalog: Catalog,
        /// The id the file gave, when it was taken by another catalog and changed.
        renamed_from: Option<String>,
    },
    /// A catalog whose exact content is already on the list: nothing to add.
    KnownCatalog {
        /// The id of the catalog already on the list.
        id: String,
    },
    /// A vendor's published answers: the start of a hospital's own check, not an assessment
    /// to edit as it is.
    Published {
        /// The published assessment.
        assessment: Assessment,
    },
    /// An assessment of a catalog on the list, with what only warns.
    Assessment {
        /// The assessment, upgraded to the current schema.
        assessment: Assessment,
        /// What validation found that does not stop it from opening.
        warnings: Vec<Problem>,
    },
}

/// Why a file is not opened; nothing has changed then.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Not a tekigo file, or not one this build can read.
    Unreadable(LoadError),
    /// The assessment's catalog is not on the list.
    UnknownCatalog {
        /// The catalog id the assessment names.
        id: String,
    },
    /// The file has errors (the first is shown, all are kept).
    Invalid(Vec<Problem>),
    /// Answers that were not published: only a vendor's public version is shown on its site.
    NotPublished,
}

impl Refusal {
    /// The reason in one language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::Unreadable(error), _) => load_error_message(error, lang),
            (Refusal::UnknownCatalog { id }, Lang::Ja) => format!(
                "この評価のカタログ ({id}) がありません。先にカタログのファイルを開いてください。"
            ),
            (Refusal::UnknownCatalog { id }, Lang::En) => format!(
                "The catalog of this assessment ({id}) is missing. Open the catalog file first."
            ),
            (Refusal::NotPublished, Lang::Ja) => "このファイルは公開用に書き出された回答ではありません。tekigo の「公開用に書き出す」で作ったファイルを指定してください。".to_owned(),
            (Refusal::NotPublished, Lang::En) => "This file is not a published version. Point to a file made with tekigo's \"Export for publishing\".".to_owned(),
            (Refusal::Invalid(problems), _) => {
                let first = problems
                    .first()
                    .map(|p| p.message(lang))
                    .unwrap_or_default();
                match (problems.len(), lang) {
                    (0 | 1, _) => first,
                    (n, Lang::Ja) => format!("{first} (ほか {} 件)", n - 1),
                    (n, Lang::En) => format!("{first} (and {} more)", n - 1),
                }
            }
        }
    }
}

/// Reads `bytes` and decides what to do with them, given the catalogs on the list.
pub fn open_file(bytes: &[u8], catalogs: &[&Catalog]) -> Result<Opened, Refusal> {
    match load_file(bytes).map_err(Refusal::Unreadable)? {
        TekigoFile::Catalog(catalog) => open_catalog(catalog, catalogs),
        TekigoFile::Assessment(assessment) => {
            let catalog = catalogs
                .iter()
                .find(|catalog| catalog.id == assessment.catalog.id)
                .ok_or_else(|| Refusal::UnknownCatalog {
                    id: assessment.catalog.id.clone(),
                })?;
            let (errors, warnings): (Vec<Problem>, Vec<Problem>) = validate(&assessment, catalog)
                .into_iter()
                .partition(Problem::is_error);
            if !errors.is_empty() {
                Err(Refusal::Invalid(errors))
            } else if is_published(&assessment) {
                Ok(Opened::Published { assessment })
            } else {
                Ok(Opened::Assessment {
                    assessment,
                    warnings,
                })
            }
        }
    }
}

/// Reads a vendor's published answers for showing on its site: refused unless it is a
/// published version of `catalog` without errors.
pub fn open_published(bytes: &[u8], catalog: &Catalog) -> Result<Assessment, Refusal> {
    let assessment = crate::json::load_assessment(bytes).map_err(Refusal::Unreadable)?;
    if assessment.catalog.id != catalog.id {
        return Err(Refusal::UnknownCatalog {
            id: assessment.catalog.id,
        });
    }
    if !is_published(&assessment) {
        return Err(Refusal::NotPublished);
    }
    let errors: Vec<Problem> = validate(&assessment, catalog)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if errors.is_empty() {
        Ok(assessment)
    } else {
        Err(Refusal::Invalid(errors))
    }
}

fn open_catalog(mut catalog: Catalog, catalogs: &[&Catalog]) -> Result<Opened, Refusal> {
    let errors: Vec<Problem> = validate_catalog(&catalog)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(Refusal::Invalid(errors));
    }
    let Some(existing) = catalogs.iter().find(|other| other.id == catalog.id) else {
        return Ok(Opened::Catalog {
            catalog,
            renamed_from: None,
        });
    };
    if catalog_hash(existing) == catalog_hash(&catalog) {
        return Ok(Opened::KnownCatalog {
            id: catalog.id.clone(),
        });
    }
    let original = catalog.id.clone();
    catalog.id = (2..)
        .map(|n| format!("{original}-{n}"))
        .find(|id| catalogs.iter().all(|other| other.id != *id))
        .expect("an unbounded sequence has a free id");
    Ok(Opened::Catalog {
        catalog,
        renamed_from: Some(original),
    })
}
