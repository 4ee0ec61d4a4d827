//! The index of the data files a build ships beside the app (`data/index.json`): what the
//! start screen shows of each shipped catalog before its file is loaded, and which files
//! opening a catalog needs — the catalog, every crosswalk that links it with the catalog at
//! the crosswalk's other end, and its applicability profile. The build writes the index
//! (from [`crate::embedded`]); an app that loads the files reads it and asks [`Index::needs`].

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::i18n::Bilingual;

/// The name of the index among the data files.
pub const INDEX_FILE: &str = "index.json";

/// Every data file a build ships, and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Index {
    /// The shipped catalogs, in the order they are offered.
    pub catalogs: Vec<CatalogEntry>,
    /// The shipped crosswalks.
    pub crosswalks: Vec<CrosswalkEntry>,
    /// The shipped applicability profiles.
    pub profiles: Vec<ProfileEntry>,
    /// The file of the sample assessment.
    pub sample: String,
}

/// A shipped catalog as a list shows it, and its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEntry {
    /// The catalog's id.
    pub id: String,
    /// The source's title.
    pub title: String,
    /// The source's edition.
    pub version: String,
    /// Who issued the source.
    pub issuer: String,
    /// How many items it has.
    pub items: usize,
    /// One line on what the catalog is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Bilingual>,
    /// A note that a newer edition supersedes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Bilingual>,
    /// Its file's name among the data files.
    pub file: String,
}

impl CatalogEntry {
    /// The entry of `catalog`, kept in `file`.
    pub fn of(catalog: &Catalog, file: &str) -> Self {
        CatalogEntry {
            id: catalog.id.clone(),
            title: catalog.title.clone(),
            version: catalog.version.clone(),
            issuer: catalog.issuer.clone(),
            items: catalog.items.len(),
            about: catalog.about.clone(),
            superseded: catalog.superseded.clone(),
            file: file.to_owned(),
        }
    }
}

/// A shipped crosswalk: the two catalogs it links, and its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrosswalkEntry {
    /// The catalog whose items cite.
    pub from_catalog: String,
    /// The catalog whose items are cited.
    pub to_catalog: String,
    /// Its file's name among the data files.
    pub file: String,
}

/// A shipped applicability profile: the catalog it asks about, and its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileEntry {
    /// The catalog it asks about.
    pub catalog: String,
    /// Its file's name among the data files.
    pub file: String,
}

/// The files opening some catalogs needs, by what they hold.
#[derive(Debug, Default, PartialEq)]
pub struct Needs<'a> {
    /// The catalogs' files.
    pub catalogs: Vec<&'a CatalogEntry>,
    /// The crosswalks' files.
    pub crosswalks: Vec<&'a CrosswalkEntry>,
    /// The profiles' files.
    pub profiles: Vec<&'a ProfileEntry>,
}

/// Reads the index, as the build writes it.
pub fn load_index(text: &str) -> Result<Index, serde_json::Error> {
    serde_json::from_str(text)
}

/// The name, in the widget's folder, of the list of its own files (see [`WidgetFiles`]).
pub const WIDGET_FILES: &str = "kit.json";

/// The widget's own files beside it (not its catalogs), as the build lists them: what the
/// widget kit a vendor saves from the app packs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WidgetFiles {
    /// Plain names of files in the widget's folder.
    pub files: Vec<String>,
}

/// Reads the widget's list of its files; None unless it is such a list and every entry is a
/// plain name in the widget's own folder (no folder, no `..`).
pub fn load_widget_files(text: &str) -> Option<Vec<String>> {
    let list: WidgetFiles = serde_json::from_str(text).ok()?;
    let plain =
        |name: &String| !name.is_empty() && name != ".." && !name.contains(['/', '\\', ':']);
    list.files.iter().all(plain).then_some(list.files)
}

/// Reads a shipped crosswalk.
pub fn load_crosswalk(text: &str) -> Result<crate::crosswalk::Crosswalk, serde_json::Error> {
    serde_json::from_str(text)
}

impl Index {
    /// The files opening the catalogs `ids` needs: their own, every crosswalk from or to one
    /// of them with the catalog at its other end, and their profiles. Ids that are not
    /// shipped need nothing.
    pub fn needs(&self, ids: &[&str]) -> Needs<'_> {
        let crosswalks: Vec<&CrosswalkEntry> = self
            .crosswalks
            .iter()
            .filter(|link| {
                ids.contains(&link.from_catalog.as_str()) || ids.contains(&link.to_catalog.as_str())
            })
            .collect();
        let wanted = |id: &str| {
            ids.contains(&id)
                || crosswalks
                    .iter()
                    .any(|link| link.from_catalog == id || link.to_catalog == id)
        };
        Needs {
            catalogs: self.catalogs.iter().filter(|c| wanted(&c.id)).collect(),
            crosswalks,
            profiles: self
                .profiles
                .iter()
                .filter(|profile| ids.contains(&profile.catalog.as_str()))
                .collect(),
        }
    }

    /// The ids of every shipped catalog.
    pub fn catalog_ids(&self) -> Vec<&str> {
        self.catalogs.iter().map(|c| c.id.as_str()).collect()
    }
}

#[cfg(all(test, feature = "shipped-data"))]
mod tests {
    use crate::embedded;

    fn files(needs: &super::Needs) -> Vec<String> {
        let catalogs = needs.catalogs.iter().map(|c| &c.file);
        let crosswalks = needs.crosswalks.iter().map(|c| &c.file);
        let profiles = needs.profiles.iter().map(|p| &p.file);
        catalogs
            .chain(crosswalks)
            .chain(profiles)
            .cloned()
            .collect()
    }

    #[test]
    fn a_catalog_alone_needs_its_own_file() {
        let index = embedded::index();
        assert_eq!(
            files(&index.needs(&["mhlw-skeleton"])),
            ["mhlw-skeleton.json"]
        );
    }

    #[test]
    fn a_linked_catalog_brings_the_crosswalk_and_the_other_end() {
        let index = embedded::index();
        assert_eq!(
            files(&index.needs(&["meti-2012"])),
            [
                "cloud-checklist-253.json",
                "meti-2012.json",
                "crosswalk-checklist-meti-2012.json"
            ]
        );
        assert_eq!(
            files(&index.needs(&["cloud-checklist-253"])),
            [
                "cloud-checklist-253.json",
                "meti-2012.json",
                "crosswalk-checklist-meti-2012.json",
                "profile-cloud-checklist-253.json"
            ]
        );
    }

    #[test]
    fn an_unknown_catalog_needs_nothing() {
        assert_eq!(embedded::index().needs(&["mine"]), super::Needs::default());
    }

    #[test]
    fn the_index_lists_every_shipped_file_and_reads_back() {
        let index = embedded::index();
        let listed: Vec<&str> = index
            .catalogs
            .iter()
            .map(|c| c.file.as_str())
            .chain(index.crosswalks.iter().map(|c| c.file.as_str()))
            .chain(index.profiles.iter().map(|p| p.file.as_str()))
            .chain([index.sample.as_str()])
            .collect();
        let shipped: Vec<&str> = embedded::files().iter().map(|(name, _)| *name).collect();
        assert_eq!(listed.len(), shipped.len());
        assert!(listed.iter().all(|file| shipped.contains(file)));
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(super::load_index(&json).unwrap(), index);
    }

    #[test]
    fn the_widgets_list_names_only_files_in_its_own_folder() {
        let read = super::load_widget_files;
        assert_eq!(
            read(r#"{"files":["tekigo-widget.js","widget.css"]}"#),
            Some(vec!["tekigo-widget.js".to_owned(), "widget.css".to_owned()])
        );
        for bad in ["../sw.js", "catalogs/x.json", "..", "", "C:x", "a\\b"] {
            let text = serde_json::json!({ "files": [bad] }).to_string();
            assert_eq!(read(&text), None, "{bad}");
        }
        assert_eq!(read("[]"), None);
    }
}
