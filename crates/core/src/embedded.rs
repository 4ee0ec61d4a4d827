//! The catalogs, the sample assessment and the crosswalk that every build ships, generated
//! from the seeds by [`crate::import`] and committed under `crates/core/data/`. Parsed once,
//! on first use.

use std::sync::OnceLock;

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::crosswalk::Crosswalk;
use crate::json::{load_assessment, load_catalog};

const CATALOG_FILES: [&str; 3] = [
    include_str!("../data/cloud-checklist-253.json"),
    include_str!("../data/meti-2012.json"),
    include_str!("../data/mhlw-skeleton.json"),
];
const SAMPLE_FILE: &str = include_str!("../data/sample-kirin-karte-meti-2012.json");
const PROFILE_FILES: [&str; 1] = [include_str!("../data/profile-cloud-checklist-253.json")];
const CROSSWALK_FILE: &str = include_str!("../data/crosswalk-checklist-meti-2012.json");

/// Every embedded catalog, in the order they are offered.
pub fn catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        CATALOG_FILES
            .iter()
            .map(|json| load_catalog(json.as_bytes()).expect("embedded catalogs are tested"))
            .collect()
    })
}

/// The embedded catalog with this id.
pub fn catalog(id: &str) -> Option<&'static Catalog> {
    catalogs().iter().find(|catalog| catalog.id == id)
}

/// The vendor reference of seed 004 as an assessment of the METI 2012 catalog.
pub fn sample_assessment() -> Assessment {
    load_assessment(SAMPLE_FILE.as_bytes()).expect("embedded sample is tested")
}

/// The checklist ↔ METI 2012 crosswalk.
pub fn crosswalk() -> &'static Crosswalk {
    static CROSSWALK: OnceLock<Crosswalk> = OnceLock::new();
    CROSSWALK
        .get_or_init(|| serde_json::from_str(CROSSWALK_FILE).expect("embedded crosswalk is tested"))
}

/// The applicability profile of a shipped catalog, where it has one.
pub fn profile(catalog: &str) -> Option<crate::applicability::Profile> {
    PROFILE_FILES
        .iter()
        .map(|json| {
            crate::applicability::load_profile(json.as_bytes())
                .expect("embedded profiles are tested")
        })
        .find(|profile| profile.catalog == catalog)
}
