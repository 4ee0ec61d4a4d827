//! The shipped data, loaded into the library as the app needs it: the index at start (what the
//! start screen lists), the files opening a catalog needs (`Index::needs`: the catalog, the
//! crosswalks that link it with the catalog at their other end, its profile), the sample when
//! the user asks for it, and, once the start screen has settled, every shipped catalog ahead of
//! the user's choice, quietly (`read_ahead`). What is loaded stays loaded. While the other
//! loads run, the app says 「読み込み中…」; a file that does not load is said, naming it, and
//! nothing changes.

use std::rc::Rc;

use tekigo_core::i18n::{Lang, Localized, Text};
use tekigo_core::shipped::{load_crosswalk, load_index, INDEX_FILE};
use tekigo_core::{load_assessment, load_catalog, Assessment};
use yew::Callback;

use super::state::AppAction;
use crate::browser::data::{self, DataError};
use crate::components::notice::Notice;
use crate::library::Library;
use crate::shared::Shared;

/// `library` with the build's index, or None when it does not load (said to the user).
pub async fn with_index(dispatch: &Callback<AppAction>, library: &Library) -> Option<Library> {
    if library.index.is_some() {
        return Some(library.clone());
    }
    loading(dispatch, async {
        let index = parse(data::request(INDEX_FILE), load_index).await?;
        let library = Library {
            index: Some(Shared(Rc::new(index))),
            ..library.clone()
        };
        dispatch.emit(AppAction::Loaded(library.clone()));
        Ok(library)
    })
    .await
}

/// `library` with every file that opening the catalogs `ids` needs, or None when one does
/// not load (said to the user). Work that may come before the start has read the index (a
/// hand-over from the widget) reads it here.
pub async fn complete(
    dispatch: &Callback<AppAction>,
    library: &Library,
    ids: &[&str],
) -> Option<Library> {
    let library = &with_index(dispatch, library).await?;
    let Some(missing) = Missing::request(library, ids) else {
        return Some(library.clone());
    };
    loading(dispatch, async {
        let (loaded, failed) = missing.read().await;
        if let Some(error) = failed {
            return Err(error);
        }
        let library = library.merged(&loaded);
        dispatch.emit(AppAction::Loaded(library.clone()));
        Ok(library)
    })
    .await
}

/// `library` with every shipped catalog, as deciding what a file is needs them all.
pub async fn complete_all(dispatch: &Callback<AppAction>, library: &Library) -> Option<Library> {
    let library = &with_index(dispatch, library).await?;
    let ids = shipped_ids(library);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    complete(dispatch, library, &ids).await
}

/// Reads, without a word, what opening any shipped catalog needs and `library` lacks, so that
/// starting one once the start screen has settled waits for no file. What loads is kept; a
/// file that does not is left for the start itself to fetch again, and to say.
pub async fn read_ahead(dispatch: &Callback<AppAction>, library: &Library) {
    let ids = shipped_ids(library);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    if let Some(missing) = Missing::request(library, &ids) {
        let (loaded, _) = missing.read().await;
        dispatch.emit(AppAction::Loaded(loaded));
    }
}

/// The ids of the catalogs the build ships, once its index has loaded.
fn shipped_ids(library: &Library) -> Vec<String> {
    library
        .index
        .iter()
        .flat_map(|index| index.catalog_ids())
        .map(str::to_owned)
        .collect()
}

/// The data files opening some catalogs needs that the library lacks, requested all at once.
struct Missing {
    catalogs: Vec<data::Pending>,
    crosswalks: Vec<data::Pending>,
    profiles: Vec<data::Pending>,
}

impl Missing {
    /// Requests what opening `ids` needs and `library` lacks; None when it lacks nothing (or
    /// its index has not loaded).
    fn request(library: &Library, ids: &[&str]) -> Option<Missing> {
        let needs = library.index.as_ref()?.needs(ids);
        let catalogs: Vec<_> = needs
            .catalogs
            .iter()
            .filter(|entry| library.catalog(&entry.id).is_none())
            .map(|entry| data::request(&entry.file))
            .collect();
        let crosswalks: Vec<_> = needs
            .crosswalks
            .iter()
            .filter(|entry| {
                library
                    .crosswalk(&entry.from_catalog, &entry.to_catalog)
                    .is_none()
            })
            .map(|entry| data::request(&entry.file))
            .collect();
        let profiles: Vec<_> = needs
            .profiles
            .iter()
            .filter(|entry| library.profile(&entry.catalog).is_none())
            .map(|entry| data::request(&entry.file))
            .collect();
        let lacks = !(catalogs.is_empty() && crosswalks.is_empty() && profiles.is_empty());
        lacks.then_some(Missing {
            catalogs,
            crosswalks,
            profiles,
        })
    }

    /// The files read, each as it arrives, and the first that did not load, if one did not.
    async fn read(self) -> (Library, Option<DataError>) {
        let mut failed = None;
        let loaded = Library {
            catalogs: read_each(
                self.catalogs,
                |text| load_catalog(text.as_bytes()),
                &mut failed,
            )
            .await,
            crosswalks: read_each(self.crosswalks, load_crosswalk, &mut failed).await,
            profiles: read_each(
                self.profiles,
                |text| tekigo_core::applicability::load_profile(text.as_bytes()),
                &mut failed,
            )
            .await,
            ..Library::default()
        };
        (loaded, failed)
    }
}

/// The sample assessment, or None when it does not load (said to the user).
pub async fn sample(dispatch: &Callback<AppAction>, library: &Library) -> Option<Assessment> {
    let library = with_index(dispatch, library).await?;
    let file = library.index.as_ref()?.sample.clone();
    loading(
        dispatch,
        parse(data::request(&file), |text| {
            load_assessment(text.as_bytes())
        }),
    )
    .await
}

/// Runs `work` while the app says 「読み込み中…」; a failure is said, naming the file.
async fn loading<T>(
    dispatch: &Callback<AppAction>,
    work: impl std::future::Future<Output = Result<T, DataError>>,
) -> Option<T> {
    dispatch.emit(AppAction::Loading(true));
    let result = work.await;
    dispatch.emit(AppAction::Loading(false));
    result
        .map_err(|error| dispatch.emit(AppAction::Notify(failed(&error))))
        .ok()
}

/// Each of `files`, read by `read` as it arrives. Each is awaited even after one fails, so
/// none is left to fail unheard; the first failure is kept in `failed`.
async fn read_each<T, E: std::fmt::Display>(
    files: Vec<data::Pending>,
    read: impl Fn(&str) -> Result<T, E>,
    failed: &mut Option<DataError>,
) -> Vec<Shared<T>> {
    let mut read_files = Vec::new();
    for file in files {
        match parse(file, &read).await {
            Ok(value) => read_files.push(Shared(Rc::new(value))),
            Err(error) => *failed = failed.take().or(Some(error)),
        }
    }
    read_files
}

/// The data file `file`, read by `read` once it has arrived; a file that is not what it
/// should be fails as one that does not arrive.
async fn parse<T, E: std::fmt::Display>(
    file: data::Pending,
    read: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, DataError> {
    let path = file.path();
    let text = file.text().await?;
    read(&text).map_err(|error| DataError {
        path,
        detail: error.to_string(),
    })
}

/// What the user is told when a data file does not load.
fn failed(error: &DataError) -> Notice {
    let say = |lang| {
        format!(
            "{}: {} ({})",
            Text::DataFileFailed.label(lang),
            error.path,
            error.detail
        )
    };
    Notice::error(say(Lang::Ja), say(Lang::En))
}
