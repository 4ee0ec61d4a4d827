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
    /// A catalog, where the answers of an assessment were asked for.
    NotAnAssessment,
    /// An assessment of another catalog than the one asked for.
    OtherCatalog {
        /// The file's catalog: its title where it is on the list, else its id.
        found: String,
        /// The titles of the catalogs asked for.
        wanted: Vec<String>,
    },
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
            (Refusal::NotAnAssessment, Lang::Ja) => "このファイルはカタログで、評価の回答ではありません。この評価は何も変わっていません。".to_owned(),
            (Refusal::NotAnAssessment, Lang::En) => "This file is a catalog, not the answers of an assessment. Nothing here has changed.".to_owned(),
            (Refusal::OtherCatalog { found, wanted }, Lang::Ja) => format!(
                "このファイルは別のカタログ「{found}」の評価なので使えません。「{}」の評価のファイルを選んでください。この評価は何も変わっていません。",
                wanted.join("」か「")
            ),
            (Refusal::OtherCatalog { found, wanted }, Lang::En) => format!(
                "This file assesses another catalog ({found}), so it cannot be used; choose an assessment of {}. Nothing here has changed.",
                wanted.join(" or ")
            ),
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

/// Reads the answers of another assessment for use in one of `wanted` — as a layer it
/// stands on: a full assessment or a published version, of `wanted`, without errors.
/// `catalogs` name the file's catalog when it is another one.
pub fn open_answers(
    bytes: &[u8],
    catalogs: &[&Catalog],
    wanted: &Catalog,
) -> Result<Assessment, Refusal> {
    open_answers_of(bytes, catalogs, &[wanted]).map(|(assessment, _)| assessment)
}

/// Reads the answers of an assessment of any of `wanted` (say, the catalogs linked to the one
/// answers are carried into), as [`open_answers`] does for one, with the catalog it is of.
pub fn open_answers_of<'c>(
    bytes: &[u8],
    catalogs: &[&Catalog],
    wanted: &[&'c Catalog],
) -> Result<(Assessment, &'c Catalog), Refusal> {
    let assessment = match load_file(bytes).map_err(Refusal::Unreadable)? {
        TekigoFile::Catalog(_) => return Err(Refusal::NotAnAssessment),
        TekigoFile::Assessment(assessment) => assessment,
    };
    let Some(catalog) = wanted
        .iter()
        .find(|catalog| catalog.id == assessment.catalog.id)
    else {
        let found = catalogs
            .iter()
            .find(|catalog| catalog.id == assessment.catalog.id)
            .map_or_else(|| assessment.catalog.id.clone(), |c| c.title.clone());
        return Err(Refusal::OtherCatalog {
            found,
            wanted: wanted.iter().map(|c| c.title.clone()).collect(),
        });
    };
    let errors: Vec<Problem> = validate(&assessment, catalog)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if errors.is_empty() {
        Ok((assessment, catalog))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{embedded, to_json};

    #[test]
    fn a_misspelt_field_in_an_answer_opens_with_a_warning_naming_it() {
        let catalogs: Vec<&Catalog> = embedded::catalogs().iter().collect();
        let sample = embedded::sample_assessment();
        let item = sample.answers.keys().next().unwrap().clone();
        let mut value: serde_json::Value = serde_json::from_str(&to_json(&sample)).unwrap();
        let answer = value["answers"][&item].as_object_mut().unwrap();
        let statement = answer.remove("statement").unwrap_or_default();
        answer.insert("statment".into(), statement);
        let Ok(Opened::Assessment { warnings, .. }) =
            open_file(value.to_string().as_bytes(), &catalogs)
        else {
            panic!("the file opens");
        };
        let named: Vec<String> = warnings.iter().map(|w| w.message(Lang::Ja)).collect();
        assert!(
            named.iter().any(|message| message.starts_with(&format!(
                "項目 {item} (answers.{item}.statment): 欄「statment」"
            ))),
            "{named:?}"
        );
    }

    #[test]
    fn answers_for_a_layer_are_a_full_or_published_assessment_of_the_same_catalog() {
        let catalogs: Vec<&Catalog> = embedded::catalogs().iter().collect();
        let meti = embedded::catalog("meti-2012").unwrap();
        let checklist = embedded::catalog("cloud-checklist-253").unwrap();
        let sample = embedded::sample_assessment();
        let full = to_json(&sample);
        assert_eq!(
            open_answers(full.as_bytes(), &catalogs, meti),
            Ok(sample.clone())
        );
        let published = crate::publish::publish(meti, &sample, "2026-11-30T00:00:00Z");
        let opened = open_answers(to_json(&published).as_bytes(), &catalogs, meti).unwrap();
        assert!(is_published(&opened));
        let refused = open_answers(full.as_bytes(), &catalogs, checklist).unwrap_err();
        assert_eq!(
            refused,
            Refusal::OtherCatalog {
                found: meti.title.clone(),
                wanted: vec![checklist.title.clone()]
            }
        );
        assert!(refused.message(Lang::Ja).contains("何も変わっていません"));
        assert!(refused
            .message(Lang::En)
            .contains("Nothing here has changed"));
        assert_eq!(
            open_answers(to_json(meti).as_bytes(), &catalogs, meti),
            Err(Refusal::NotAnAssessment)
        );
    }

    #[test]
    fn answers_to_carry_are_of_any_linked_catalog_and_name_it() {
        let catalogs: Vec<&Catalog> = embedded::catalogs().iter().collect();
        let meti = embedded::catalog("meti-2012").unwrap();
        let checklist = embedded::catalog("cloud-checklist-253").unwrap();
        let skeleton = embedded::catalog("mhlw-skeleton").unwrap();
        let full = to_json(&embedded::sample_assessment());
        let (_, of) = open_answers_of(full.as_bytes(), &catalogs, &[checklist, meti]).unwrap();
        assert_eq!(of.id, meti.id);
        let refused =
            open_answers_of(full.as_bytes(), &catalogs, &[checklist, skeleton]).unwrap_err();
        let ja = refused.message(Lang::Ja);
        assert!(
            ja.contains(&format!("「{}」か「{}」", checklist.title, skeleton.title)),
            "{ja}"
        );
        assert!(refused.message(Lang::En).contains(" or "));
    }
}
