//! The few browser APIs the app needs, wrapped so components never touch `web_sys` directly:
//! IndexedDB storage (and the copy of refused edits kept aside), the storage quota, the
//! tab-to-tab channel, file reading and download, the clock, the shipped data files, work that waits for a paint.

pub mod autosave;
pub mod clock;
pub mod data;
pub mod files;
pub mod formats;
pub mod handover;
pub mod paint;
pub mod preview;
pub mod quota;
pub mod storage;
pub mod stored;
pub mod tabs;
pub mod unsaved;
pub mod versions;
pub mod widget_kit;

/// This origin's localStorage, where the browser gives one.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
