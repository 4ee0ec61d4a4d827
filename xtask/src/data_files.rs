//! The data the app loads when it needs it — the shipped catalogs, the crosswalk, the profile,
//! the sample and their index (`tekigo_core::shipped`) — written into `dist/data/`, where the
//! service worker keeps them with the build's other files, and inlined into the single file
//! as JSON blocks (see `single_file.rs`). The web app's wasm carries none of them.

use tekigo_core::shipped::INDEX_FILE;
use tekigo_core::{embedded, to_json};

use crate::run::root;

/// The folder of the data files in a build, as the app asks for them (`data/<name>`).
pub const FOLDER: &str = "data";

/// Every data file, by name, with its text: the shipped files as committed, and the index.
pub fn all() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = embedded::files()
        .into_iter()
        .map(|(name, text)| (name.to_owned(), text.to_owned()))
        .collect();
    files.push((INDEX_FILE.to_owned(), to_json(&embedded::index())));
    files
}

/// Writes them into `dist/data/` (after Trunk, which empties `dist/`).
pub fn write() -> Result<(), String> {
    let folder = root().join("dist").join(FOLDER);
    std::fs::create_dir_all(&folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    for (name, text) in all() {
        let path = folder.join(&name);
        std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(())
}
