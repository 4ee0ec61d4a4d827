//! What the app does with storage and files, step by step: loading everything at start,
//! storing and opening an assessment, opening a picked file. Every decision about the data is
//! the engine's (`tekigo_core::open`, scoring); these flows only move it and report.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::open::{open_file as decide, Opened as Decision, Refusal};
use tekigo_core::publish::start_from_published;
use tekigo_core::scoring::score;
use tekigo_core::{load_assessment, load_catalog, to_json, Assessment, Catalog};
use yew::Callback;

use super::state::{AppAction, Offer, Opened, SavedEntry, SavedSummary, Unreadable};
use crate::browser::{clock, files, storage, tabs};
use crate::components::notice::Notice;
use crate::library::Library;
use crate::shared::Shared;

/// The catalogs of `library` plus those imported into this browser.
pub async fn with_imported_catalogs(library: Library) -> Library {
    let mut library = library;
    for record in storage::catalogs().await.unwrap_or_default() {
        if let Ok(catalog) = load_catalog(record.json.as_bytes()) {
            if library.catalog(&catalog.id).is_none() {
                library = library.with_catalog(catalog);
            }
        }
    }
    library
}

/// Reads the saved assessments (every record: one that does not open is listed with why)
/// and reopens `reopen`, the assessment this tab had open before a reload.
pub async fn load_saved(dispatch: Callback<AppAction>, library: Library, reopen: Option<String>) {
    let (records, damaged) = match storage::assessments().await {
        Ok(found) => found,
        Err(error) => {
            dispatch.emit(AppAction::Notify(Notice::error(
                format!("{} {error}", Text::StorageUnavailable.label(Lang::Ja)),
                format!("{} {error}", Text::StorageUnavailable.label(Lang::En)),
            )));
            return;
        }
    };
    let mut saved: Vec<SavedEntry> = damaged
        .into_iter()
        .map(|record| {
            SavedEntry::Unreadable(Unreadable {
                key: record.key,
                reason_ja: format!(
                    "{} ({})",
                    Text::DamagedRecord.label(Lang::Ja),
                    record.reason
                ),
                reason_en: format!(
                    "{} ({})",
                    Text::DamagedRecord.label(Lang::En),
                    record.reason
                ),
                raw: record.raw,
            })
        })
        .collect();
    for record in records {
        let unreadable = |ja: String, en: String| {
            SavedEntry::Unreadable(Unreadable {
                key: record.id.clone(),
                reason_ja: ja,
                reason_en: en,
                raw: record.json.clone(),
            })
        };
        let assessment = match load_assessment(record.json.as_bytes()) {
            Ok(assessment) => assessment,
            Err(error) => {
                let refusal = Refusal::Unreadable(error);
                saved.push(unreadable(
                    refusal.message(Lang::Ja),
                    refusal.message(Lang::En),
                ));
                continue;
            }
        };
        let Some(catalog) = library.catalog(&assessment.catalog.id) else {
            let refusal = Refusal::UnknownCatalog {
                id: assessment.catalog.id.clone(),
            };
            saved.push(unreadable(
                refusal.message(Lang::Ja),
                refusal.message(Lang::En),
            ));
            continue;
        };
        let overall = score(&catalog, &assessment).overall;
        saved.push(SavedEntry::Readable(SavedSummary {
            id: assessment.id.clone(),
            product: assessment.subject.product.clone(),
            catalog_title: catalog.title.clone(),
            answered: overall.answered(),
            total: overall.total,
            updated_at: assessment.updated_at.clone(),
            exported_at: record.exported_at.clone(),
            open_elsewhere: tabs::open_elsewhere(&assessment.id).await,
        }));
        if reopen.as_deref() == Some(assessment.id.as_str()) {
            dispatch.emit(AppAction::Open(Opened {
                catalog: catalog.clone(),
                assessment: Shared(Rc::new(assessment)),
                revision: record.revision,
            }));
        }
    }
    saved.sort_by(|a, b| updated(b).cmp(updated(a)));
    dispatch.emit(AppAction::Saved(saved));
}

fn updated(entry: &SavedEntry) -> &str {
    match entry {
        SavedEntry::Readable(summary) => &summary.updated_at,
        SavedEntry::Unreadable(_) => "~",
    }
}

/// Stores a new assessment and opens it. An id that is already stored is never
/// overwritten: the assessment is stored as a copy under a fresh id instead.
pub async fn store_and_open(
    dispatch: Callback<AppAction>,
    catalog: Shared<Catalog>,
    mut assessment: Assessment,
) {
    let mut result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
    if result == Err(storage::SaveError::Conflict) {
        assessment.id = clock::fresh_id("assessment");
        result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
    }
    match result {
        Ok(revision) => dispatch.emit(AppAction::Open(Opened {
            catalog,
            assessment: Shared(Rc::new(assessment)),
            revision,
        })),
        Err(error) => {
            let (ja, en) = match error {
                storage::SaveError::Failed(problem) => problem.message(),
                _ => (
                    Text::Conflict.label(Lang::Ja).to_owned(),
                    Text::Conflict.label(Lang::En).to_owned(),
                ),
            };
            dispatch.emit(AppAction::Notify(Notice::error(
                format!("{} {ja}", Text::SaveFailed.label(Lang::Ja)),
                format!("{} {en}", Text::SaveFailed.label(Lang::En)),
            )))
        }
    }
}

/// Takes published answers handed over from `origin`: if the engine reads them as a vendor's
/// published version of a catalog on the list, they are offered to the user; else said why.
pub fn receive_offer(
    dispatch: &Callback<AppAction>,
    library: &Library,
    origin: String,
    json: &str,
) {
    match decide(json.as_bytes(), &library.catalog_refs()) {
        Ok(Decision::Published { assessment }) => dispatch.emit(AppAction::Offer(Offer {
            origin,
            published: Shared(Rc::new(assessment)),
        })),
        Ok(_) => dispatch.emit(AppAction::Notify(Notice::error(
            Refusal::NotPublished.message(Lang::Ja),
            Refusal::NotPublished.message(Lang::En),
        ))),
        Err(refusal) => dispatch.emit(AppAction::Notify(Notice::error(
            refusal.message(Lang::Ja),
            refusal.message(Lang::En),
        ))),
    }
}

/// Starts the hospital's own check from a vendor's published answers: a new assessment whose
/// answers are all provided by the vendor and not yet confirmed.
pub async fn start_own_check(
    dispatch: Callback<AppAction>,
    library: Library,
    published: Assessment,
) {
    let Some(catalog) = library.catalog(&published.catalog.id) else {
        return;
    };
    let own = start_from_published(&published, &clock::fresh_id("assessment"), &clock::now());
    let (product, count) = (own.subject.product.clone(), own.answers.len());
    store_and_open(dispatch.clone(), catalog, own).await;
    dispatch.emit(AppAction::Notify(Notice::info(
        format!(
            "{}: {product} ({count})",
            Text::OwnCheckStarted.label(Lang::Ja)
        ),
        format!(
            "{}: {product} ({count})",
            Text::OwnCheckStarted.label(Lang::En)
        ),
    )));
}

/// Opens a picked file: a catalog is added to the list, an assessment is stored and opened.
/// Anything wrong is explained and changes nothing.
pub async fn open_file(dispatch: Callback<AppAction>, library: Library, file: web_sys::File) {
    let name = file.name();
    let failed = |ja: String, en: String| {
        dispatch.emit(AppAction::Notify(Notice::error(
            format!("{} ({name}) {ja}", Text::FileOpenFailed.label(Lang::Ja)),
            format!("{} ({name}) {en}", Text::FileOpenFailed.label(Lang::En)),
        )))
    };
    let bytes = match files::read_bytes(&file).await {
        Ok(bytes) => bytes,
        Err(error) => return failed(error.clone(), error),
    };
    let decision = match decide(&bytes, &library.catalog_refs()) {
        Ok(decision) => decision,
        Err(refusal) => return failed(refusal.message(Lang::Ja), refusal.message(Lang::En)),
    };
    match decision {
        Decision::KnownCatalog { id } => {
            let title = library.catalog(&id).map(|c| c.title.clone()).unwrap_or(id);
            dispatch.emit(AppAction::Notify(Notice::info(
                format!("{}: {title}", Text::CatalogAlreadyThere.label(Lang::Ja)),
                format!("{}: {title}", Text::CatalogAlreadyThere.label(Lang::En)),
            )));
        }
        Decision::Catalog {
            catalog,
            renamed_from,
        } => {
            if let Err(error) = storage::save_catalog(&catalog.id, to_json(&catalog)).await {
                return failed(error.clone(), error);
            }
            let (title, id) = (catalog.title.clone(), catalog.id.clone());
            dispatch.emit(AppAction::Library(library.with_catalog(catalog)));
            let (ja, en) = match renamed_from {
                Some(old) => (
                    format!(
                        "{}: {title} ({old} → {id})",
                        Text::CatalogRenamed.label(Lang::Ja)
                    ),
                    format!(
                        "{}: {title} ({old} → {id})",
                        Text::CatalogRenamed.label(Lang::En)
                    ),
                ),
                None => (
                    format!("{}: {title}", Text::FileOpened.label(Lang::Ja)),
                    format!("{}: {title}", Text::FileOpened.label(Lang::En)),
                ),
            };
            dispatch.emit(AppAction::Notify(Notice::info(ja, en)));
        }
        Decision::Published { assessment } => start_own_check(dispatch, library, assessment).await,
        Decision::Assessment {
            assessment,
            warnings,
        } => {
            let Some(catalog) = library.catalog(&assessment.catalog.id) else {
                return;
            };
            store_and_open(dispatch.clone(), catalog, assessment).await;
            // Warnings (the catalog changed since the answers were given) open the file but
            // are said.
            if let Some(warning) = warnings.first() {
                dispatch.emit(AppAction::Notify(Notice::info(
                    warning.message(Lang::Ja),
                    warning.message(Lang::En),
                )));
            }
        }
    }
}
