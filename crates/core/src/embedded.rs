//! The catalogs, the sample assessment and the crosswalk that every build ships, generated
//! from the seeds by [`crate::import`] and committed under `crates/core/data/`, compiled in
//! for native users (the CLI, the tests, the build). Parsed once, on first use. The browser
//! builds leave them out and load the same files, written beside the app by the build with
//! [`files`] and [`index`].

use std::sync::OnceLock;

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::crosswalk::Crosswalk;
use crate::json::{load_assessment, load_catalog};
use crate::shipped::{CatalogEntry, CrosswalkEntry, Index, ProfileEntry};

/// A shipped file: its name and its text.
type File = (&'static str, &'static str);

macro_rules! file {
    ($name:literal) => {
        ($name, include_str!(concat!("../data/", $name)))
    };
}

const CATALOG_FILES: [File; 3] = [
    file!("cloud-checklist-253.json"),
    file!("meti-2012.json"),
    file!("mhlw-skeleton.json"),
];
const SAMPLE_FILE: File = file!("sample-kirin-karte-meti-2012.json");
const PROFILE_FILES: [File; 1] = [file!("profile-cloud-checklist-253.json")];
const CROSSWALK_FILE: File = file!("crosswalk-checklist-meti-2012.json");

/// Every shipped file, by name: what a build writes beside an app that loads them.
pub fn files() -> Vec<File> {
    let mut files = CATALOG_FILES.to_vec();
    files.extend([CROSSWALK_FILE]);
    files.extend(PROFILE_FILES);
    files.push(SAMPLE_FILE);
    files
}

/// The index of [`files`].
pub fn index() -> Index {
    let crosswalk = crosswalk();
    Index {
        catalogs: CATALOG_FILES
            .iter()
            .zip(catalogs())
            .map(|((name, _), catalog)| CatalogEntry::of(catalog, name))
            .collect(),
        crosswalks: vec![CrosswalkEntry {
            from_catalog: crosswalk.from_catalog.clone(),
            to_catalog: crosswalk.to_catalog.clone(),
            file: CROSSWALK_FILE.0.to_owned(),
        }],
        profiles: PROFILE_FILES
            .iter()
            .map(|(name, json)| ProfileEntry {
                catalog: parse_profile(json).catalog,
                file: (*name).to_owned(),
            })
            .collect(),
        sample: SAMPLE_FILE.0.to_owned(),
    }
}

/// Every embedded catalog, in the order they are offered.
pub fn catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        CATALOG_FILES
            .iter()
            .map(|(_, json)| load_catalog(json.as_bytes()).expect("embedded catalogs are tested"))
            .collect()
    })
}

/// The embedded catalog with this id.
pub fn catalog(id: &str) -> Option<&'static Catalog> {
    catalogs().iter().find(|catalog| catalog.id == id)
}

/// The vendor reference of seed 004 as an assessment of the METI 2012 catalog.
pub fn sample_assessment() -> Assessment {
    load_assessment(SAMPLE_FILE.1.as_bytes()).expect("embedded sample is tested")
}

/// The checklist ↔ METI 2012 crosswalk.
pub fn crosswalk() -> &'static Crosswalk {
    static CROSSWALK: OnceLock<Crosswalk> = OnceLock::new();
    CROSSWALK.get_or_init(|| {
        serde_json::from_str(CROSSWALK_FILE.1).expect("embedded crosswalk is tested")
    })
}

/// The applicability profile of a shipped catalog, where it has one.
pub fn profile(catalog: &str) -> Option<crate::applicability::Profile> {
    PROFILE_FILES
        .iter()
        .map(|(_, json)| parse_profile(json))
        .find(|profile| profile.catalog == catalog)
}

fn parse_profile(json: &str) -> crate::applicability::Profile {
    crate::applicability::load_profile(json.as_bytes()).expect("embedded profiles are tested")
}
