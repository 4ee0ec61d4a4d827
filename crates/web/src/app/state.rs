//! The application's own state: which screen is shown, the catalogs on offer, the saved
//! assessments (readable or not), whether data files are loading, and the notice banner. One pure reducer holds every change.

use std::rc::Rc;

use tekigo_core::i18n::Lang;
use tekigo_core::{Assessment, Catalog};

use crate::browser::quota::StorageUse;
use crate::components::notice::Notice;
use crate::library::Library;
use crate::shared::Shared;

/// An assessment open in the editor.
#[derive(Clone, PartialEq)]
pub struct Opened {
    pub catalog: Shared<Catalog>,
    pub assessment: Shared<Assessment>,
    pub revision: u32,
    /// The assessment holds edits that storage refused (kept aside): they are to be saved.
    pub unstored: bool,
}

/// A saved assessment as the list shows it.
#[derive(Clone, PartialEq, Debug)]
pub struct SavedSummary {
    pub id: String,
    /// The assessment's title (`Subject::title`), empty when it has none.
    pub title: String,
    pub catalog_title: String,
    pub catalog_id: String,
    pub answered: usize,
    pub total: usize,
    pub updated_at: String,
    /// When it was last written to a file, if ever.
    pub exported_at: Option<String>,
    /// Whether another tab has it open for editing.
    pub open_elsewhere: bool,
    /// Whether edits that storage refused are kept aside for it.
    pub unsaved: bool,
}

/// A stored record that does not open, kept in the list with why.
#[derive(Clone, PartialEq, Debug)]
pub struct Unreadable {
    pub key: String,
    pub reason_ja: String,
    pub reason_en: String,
    /// The stored text, for saving it to a file as it is.
    pub raw: String,
}

/// One entry of the saved list.
#[derive(Clone, PartialEq, Debug)]
pub enum SavedEntry {
    Readable(SavedSummary),
    Unreadable(Unreadable),
}

/// A vendor's published answers handed over by the widget, waiting for the user's decision.
#[derive(Clone, PartialEq, Debug)]
pub struct Offer {
    /// The origin of the page that sent them, shown so the user knows where they come from.
    pub origin: String,
    pub published: Shared<Assessment>,
}

/// The screens of the app.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Screen {
    Start,
    About,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub library: Library,
    pub saved: Vec<SavedEntry>,
    pub open: Option<Opened>,
    pub screen: Screen,
    pub notice: Option<Notice>,
    pub offer: Option<Offer>,
    /// What the browser stores for the app, if it says.
    pub storage: Option<StorageUse>,
    /// How many loads of data files are under way.
    pub loading: u32,
    /// Whether the saved assessments have been listed (and the one open before a reload
    /// reopened): until then the start has work of its own to do.
    pub listed: bool,
}

pub enum AppAction {
    Offer(Offer),
    Decline,
    ToggleLang,
    Library(Library),
    /// Shipped data that has loaded, added to the library.
    Loaded(Library),
    /// A load of data files begins (true) or ends (false).
    Loading(bool),
    /// An imported catalog was deleted from storage.
    CatalogDeleted(String),
    Saved(Vec<SavedEntry>),
    StorageUse(Option<StorageUse>),
    Open(Opened),
    Close,
    Show(Screen),
    Notify(Notice),
    Dismiss,
}

impl AppState {
    pub fn new(library: Library, lang: Lang) -> Self {
        AppState {
            lang,
            library,
            saved: Vec::new(),
            open: None,
            screen: Screen::Start,
            notice: None,
            offer: None,
            storage: None,
            loading: 0,
            listed: false,
        }
    }
}

impl yew::Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            AppAction::Offer(offer) => state.offer = Some(offer),
            AppAction::Decline => state.offer = None,
            AppAction::ToggleLang => {
                state.lang = match state.lang {
                    Lang::Ja => Lang::En,
                    Lang::En => Lang::Ja,
                }
            }
            AppAction::Library(library) => state.library = library,
            AppAction::Loaded(loaded) => state.library = state.library.merged(&loaded),
            AppAction::CatalogDeleted(id) => state.library.catalogs.retain(|c| c.id != id),
            AppAction::Loading(true) => state.loading += 1,
            AppAction::Loading(false) => state.loading = state.loading.saturating_sub(1),
            AppAction::Saved(saved) => {
                state.saved = saved;
                state.listed = true;
            }
            AppAction::StorageUse(storage) => state.storage = storage,
            AppAction::Open(opened) => {
                state.open = Some(opened);
                state.notice = None;
            }
            AppAction::Close => state.open = None,
            AppAction::Show(screen) => {
                state.screen = screen;
                state.open = None;
            }
            AppAction::Notify(notice) => state.notice = Some(notice),
            AppAction::Dismiss => state.notice = None,
        }
        Rc::new(state)
    }
}
