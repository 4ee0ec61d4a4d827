//! The catalogs and crosswalks this app knows (shipped and imported), shared with every
//! component through a context, so a component never reaches for a global.

use std::rc::Rc;

use tekigo_core::applicability::Profile;
use tekigo_core::crosswalk::Crosswalk;
use tekigo_core::Catalog;

use crate::shared::Shared;

/// Every catalog on offer and every crosswalk between them.
#[derive(Clone, Default, PartialEq)]
pub struct Library {
    pub catalogs: Vec<Shared<Catalog>>,
    pub crosswalks: Vec<Shared<Crosswalk>>,
    /// Applicability questions, per catalog that has them.
    pub profiles: Vec<Shared<Profile>>,
}

impl Library {
    /// The catalog with this id.
    pub fn catalog(&self, id: &str) -> Option<Shared<Catalog>> {
        self.catalogs
            .iter()
            .find(|catalog| catalog.id == id)
            .cloned()
    }

    /// The applicability questions of a catalog, if it has them.
    pub fn profile(&self, catalog: &str) -> Option<Shared<Profile>> {
        self.profiles
            .iter()
            .find(|profile| profile.catalog == catalog)
            .cloned()
    }

    /// The catalogs as the engine takes them.
    pub fn catalog_refs(&self) -> Vec<&Catalog> {
        self.catalogs.iter().map(|catalog| &**catalog).collect()
    }

    /// This library with `catalog` added (or put in place of one with its id).
    pub fn with_catalog(&self, catalog: Catalog) -> Library {
        let mut next = self.clone();
        next.catalogs.retain(|existing| existing.id != catalog.id);
        next.catalogs.push(Shared(Rc::new(catalog)));
        next
    }
}
