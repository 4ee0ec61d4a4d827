//! What the app does with storage and files, step by step: loading everything at start (with
//! what the browser stores and whether it keeps it), storing and opening an assessment,
//! opening a picked file. The shipped data each step needs is loaded first ([`shipped`]). Every decision about the data is the engine's (`tekigo_core::open`,
//! scoring); these flows only move it and report.

use std::rc::Rc;

use tekigo_core::diff::{changes, Differences};
use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::open::{open_file as decide, Opened as Decision, Refusal};
use tekigo_core::publish::start_from_published;
use tekigo_core::scoring::score;
use tekigo_core::validate::Problem;
use tekigo_core::{
    load_assessment, load_catalog, to_json, Assessment, Catalog, LoadError, MAX_FILE_BYTES,
};
use yew::Callback;

use super::shipped;
use super::state::{AppAction, Offer, Opened, SavedEntry, SavedSummary, Unreadable};
use crate::browser::{clock, files, quota, storage, stored, tabs};
use crate::components::notice::Notice;
use crate::library::Library;
use crate::shared::Shared;

/// The catalogs of `library` plus those imported into this browser.
pub async fn with_imported_catalogs(library: Library) -> Library {
    let mut library = library;
    for record in storage::catalogs().await.unwrap_or_default() {
        if let Ok(catalog) = load_catalog(record.json.as_bytes()) {
            if !library.knows(&catalog.id) {
                library = library.with_catalog(catalog);
            }
        }
    }
    library
}

/// Reads the saved assessments (every record: one that does not open is listed with why;
/// edits that storage refused are taken from where they were kept aside), loads the shipped
/// catalogs they need, and reopens `reopen`, the assessment this tab had open before a reload
/// or the one the user chose. One that cannot be opened is said, never skipped in silence.
pub async fn load_saved(dispatch: Callback<AppAction>, library: Library, reopen: Option<String>) {
    dispatch.emit(AppAction::StorageUse(quota::storage_use().await));
    let (records, damaged) = match storage::assessments().await {
        Ok(found) => found,
        Err(problem) => {
            let (ja, en) = problem.message();
            dispatch.emit(AppAction::Notify(Notice::error(ja, en)));
            return;
        }
    };
    let mut saved: Vec<SavedEntry> = damaged
        .into_iter()
        .map(|record| {
            let reason = |lang| {
                format!(
                    "{}: {}",
                    Text::DamagedRecord.label(lang),
                    record.fault.text().label(lang)
                )
            };
            SavedEntry::Unreadable(Unreadable {
                key: record.key,
                reason_ja: reason(Lang::Ja),
                reason_en: reason(Lang::En),
                raw: record.raw,
            })
        })
        .collect();
    let parsed: Vec<_> = records
        .into_iter()
        .map(|record| {
            let assessment = stored_assessment(&record);
            (record, assessment)
        })
        .collect();
    let needed: Vec<&str> = parsed
        .iter()
        .filter_map(|(_, assessment)| assessment.as_ref().ok())
        .map(|(assessment, ..)| assessment.catalog.id.as_str())
        .collect();
    let library = shipped::complete(&dispatch, &library, &needed)
        .await
        .unwrap_or(library);
    let mut reopened = false;
    for (record, assessment) in parsed {
        let opened = match assessment.and_then(|found| with_catalog(found, &library)) {
            Ok(opened) => opened,
            Err(refusal) => {
                saved.push(SavedEntry::Unreadable(Unreadable {
                    key: record.id.clone(),
                    reason_ja: refusal.message(Lang::Ja),
                    reason_en: refusal.message(Lang::En),
                    raw: record.json.clone(),
                }));
                continue;
            }
        };
        let (catalog, assessment) = (&opened.catalog, &opened.assessment);
        let overall = score(catalog, assessment).overall;
        saved.push(SavedEntry::Readable(SavedSummary {
            id: record.id.clone(),
            title: assessment.subject.title().to_owned(),
            catalog_title: catalog.title.clone(),
            catalog_id: catalog.id.clone(),
            answered: overall.answered(),
            total: overall.total,
            updated_at: assessment.updated_at.clone(),
            exported_at: record.exported_at.clone(),
            open_elsewhere: tabs::open_elsewhere(&record.id).await,
            unsaved: opened.unstored,
        }));
        if reopen.as_deref() == Some(record.id.as_str()) {
            reopened = true;
            dispatch.emit(AppAction::Open(opened));
        }
    }
    saved.sort_by(|a, b| updated(b).cmp(updated(a)));
    if let Some(id) = reopen.filter(|_| !reopened) {
        dispatch.emit(AppAction::Notify(not_opened(&id, &saved)));
    }
    dispatch.emit(AppAction::Saved(saved));
}

/// A stored record's assessment, its revision and whether it holds edits storage refused:
/// the edits kept aside, if any, else the record itself; or why it does not open.
fn stored_assessment(record: &storage::Record) -> Result<(Assessment, u32, bool), Refusal> {
    let (mut assessment, revision, unstored) = match stored::kept_aside(&record.id) {
        Some((assessment, revision)) => (assessment, revision, true),
        None => (
            load_assessment(record.json.as_bytes()).map_err(Refusal::Unreadable)?,
            record.revision,
            false,
        ),
    };
    // Saves go back under the record's key, whatever id a hand-edited record claims inside.
    assessment.id = record.id.clone();
    Ok((assessment, revision, unstored))
}

/// A stored assessment with its catalog, to open; or why it does not open.
fn with_catalog(
    (assessment, revision, unstored): (Assessment, u32, bool),
    library: &Library,
) -> Result<Opened, Refusal> {
    let catalog =
        library
            .catalog(&assessment.catalog.id)
            .ok_or_else(|| Refusal::UnknownCatalog {
                id: assessment.catalog.id.clone(),
            })?;
    Ok(Opened {
        catalog,
        assessment: Shared(Rc::new(assessment)),
        revision,
        unstored,
    })
}

/// Why the assessment `id` was not opened: it is listed as unreadable, or no longer stored.
fn not_opened(id: &str, saved: &[SavedEntry]) -> Notice {
    let unreadable = saved.iter().find_map(|entry| match entry {
        SavedEntry::Unreadable(record) if record.key == id => Some(record),
        _ => None,
    });
    match unreadable {
        Some(record) => {
            let say = |lang, reason: &str| {
                format!(
                    "{} ({id}): {reason} {}",
                    Text::OpenFailed.label(lang),
                    Text::KeptInList.label(lang)
                )
            };
            Notice::error(
                say(Lang::Ja, &record.reason_ja),
                say(Lang::En, &record.reason_en),
            )
        }
        None => Notice::error_text(Text::NoLongerStored),
    }
}

fn updated(entry: &SavedEntry) -> &str {
    match entry {
        SavedEntry::Readable(summary) => &summary.updated_at,
        SavedEntry::Unreadable(_) => "~",
    }
}

/// Stores a new assessment and opens it, saying `warnings` (what the engine found in the file
/// that does not stop it from opening). An id that is already stored is never overwritten:
/// the stored assessment opens when it is the same, else this one is stored as a copy under a
/// fresh id; either is said with the warnings.
pub async fn store_and_open(
    dispatch: Callback<AppAction>,
    catalog: Shared<Catalog>,
    mut assessment: Assessment,
    warnings: &[Problem],
) {
    let mut result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
    let mut said = None;
    let mut differences = Differences::default();
    if result == Err(storage::SaveError::Conflict) {
        let stored = storage::assessment(&assessment.id)
            .await
            .ok()
            .flatten()
            .map(|record| (load_assessment(record.json.as_bytes()), record.revision));
        match stored {
            Some((Ok(stored), revision)) if stored == assessment => {
                said = Some(Text::OpenedStored);
                result = Ok(revision);
            }
            _ => {
                // Items are only comparable within one catalog (their numbers repeat across them).
                if let Some((Ok(stored), _)) = &stored {
                    if stored.catalog.id == assessment.catalog.id {
                        differences =
                            Differences::of(&changes(&catalog, stored, &assessment, Lang::Ja));
                    }
                }
                said = Some(Text::OpenedAsCopy);
                assessment.id = clock::fresh_id("assessment");
                result = storage::save_assessment(&assessment.id, 0, to_json(&assessment)).await;
            }
        }
    }
    match result {
        Ok(revision) => {
            dispatch.emit(AppAction::Open(Opened {
                catalog,
                assessment: Shared(Rc::new(assessment)),
                revision,
                unstored: false,
            }));
            if let Some(notice) = opening_notice(said, &differences, warnings) {
                dispatch.emit(AppAction::Notify(notice));
            }
        }
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

/// The warnings an opening notice spells out; the rest are counted.
const SHOWN_WARNINGS: usize = 3;
/// The items named where a copy differs from the stored assessment; the rest are counted.
const SHOWN_DIFFERING_ITEMS: usize = 10;

/// What opening says, in one notice: whether the stored assessment opened or a copy was made
/// and where the copy differs, then the file's warnings (the first few, and how many more).
fn opening_notice(
    said: Option<Text>,
    differences: &Differences,
    warnings: &[Problem],
) -> Option<Notice> {
    if said.is_none() && warnings.is_empty() {
        return None;
    }
    let say = |lang: Lang| {
        let mut parts: Vec<String> = said
            .iter()
            .map(|text| text.label(lang).to_owned())
            .collect();
        if !differences.is_empty() {
            parts.push(where_they_differ(differences, lang));
        }
        parts.extend(
            warnings
                .iter()
                .take(SHOWN_WARNINGS)
                .map(|w| w.message(lang)),
        );
        if warnings.len() > SHOWN_WARNINGS {
            let more = warnings.len() - SHOWN_WARNINGS;
            parts.push(format!("{more} {}", Text::MoreWarnings.label(lang)));
        }
        parts.join(" ")
    };
    Some(Notice::info(say(Lang::Ja), say(Lang::En)))
}

/// 「保存済みの評価と違うところ: 評価の概要、項目 1、15、27、ほか 3 件。」
fn where_they_differ(differences: &Differences, lang: Lang) -> String {
    let mut places = Vec::new();
    if differences.subject {
        places.push(Text::Subject.label(lang).to_owned());
    }
    let items = &differences.items;
    if !items.is_empty() {
        let named = items[..items.len().min(SHOWN_DIFFERING_ITEMS)].join(lang.list_separator());
        let word = match items.len() {
            1 => Text::CopyDiffersItem,
            _ => Text::CopyDiffersItems,
        };
        places.push(format!("{} {named}", word.label(lang)));
    }
    if items.len() > SHOWN_DIFFERING_ITEMS {
        places.push(format!(
            "{} {} {}",
            Text::CopyDiffersMore.label(lang),
            items.len() - SHOWN_DIFFERING_ITEMS,
            Text::CopyDiffersMoreCount.label(lang)
        ));
    }
    format!(
        "{} {}{}",
        Text::CopyDiffersAt.label(lang),
        places.join(lang.list_separator()),
        lang.full_stop()
    )
}

/// Takes published answers handed over from `origin`: if the engine reads them as a vendor's
/// published version of a catalog on the list, they are offered to the user; else said why.
pub async fn receive_offer(
    dispatch: Callback<AppAction>,
    library: Library,
    origin: String,
    json: String,
) {
    let Some(library) = shipped::complete_all(&dispatch, &library).await else {
        return;
    };
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
    store_and_open(dispatch.clone(), catalog, own, &[]).await;
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
        dispatch.emit(AppAction::Notify(Notice::file_failed(&name, &ja, &en)))
    };
    // A file too big to be a tekigo file is refused before its bytes are read.
    if file.size() > MAX_FILE_BYTES as f64 {
        let refusal = Refusal::Unreadable(LoadError::TooLarge {
            bytes: file.size() as usize,
            limit: MAX_FILE_BYTES,
        });
        return failed(refusal.message(Lang::Ja), refusal.message(Lang::En));
    }
    let Ok(bytes) = files::read_bytes(&file).await else {
        return failed(
            Text::FileReadFailed.label(Lang::Ja).to_owned(),
            Text::FileReadFailed.label(Lang::En).to_owned(),
        );
    };
    let Some(library) = shipped::complete_all(&dispatch, &library).await else {
        return;
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
            if let Err(problem) = storage::save_catalog(&catalog.id, to_json(&catalog)).await {
                let (ja, en) = problem.message();
                return failed(ja, en);
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
            // Warnings (the catalog changed since the answers were given, a field this version
            // does not read) open the file but are said.
            store_and_open(dispatch.clone(), catalog, assessment, &warnings).await;
        }
    }
}
