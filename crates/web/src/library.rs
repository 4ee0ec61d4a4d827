//! The catalogs and crosswalks this app knows (shipped and imported), shared with every
//! component through a context, so a component never reaches for a global. The shipped ones
//! are listed by their index from the start and loaded when needed (`app/shipped.rs`).

use std::rc::Rc;

use tekigo_core::applicability::Profile;
use tekigo_core::crosswalk::Crosswalk;
use tekigo_core::shipped::{CatalogEntry, Index};
use tekigo_core::Catalog;

use crate::shared::Shared;

/// Every catalog on offer and every crosswalk between them.
#[derive(Clone, Default, PartialEq)]
pub struct Library {
    /// What the build ships, once its index has loaded.
    pub index: Option<Shared<Index>>,
    /// The catalogs loaded so far: shipped ones when needed, and the imported ones.
    pub catalogs: Vec<Shared<Catalog>>,
    pub crosswalks: Vec<Shared<Crosswalk>>,
    /// Applicability questions, per catalog that has them.
    pub profiles: Vec<Shared<Profile>>,
}

impl Library {
    /// The catalog with this id, if it is loaded.
    pub fn catalog(&self, id: &str) -> Option<Shared<Catalog>> {
        self.catalogs
            .iter()
            .find(|catalog| catalog.id == id)
            .cloned()
    }

    /// Whether a catalog with this id is on offer, loaded or not.
    pub fn knows(&self, id: &str) -> bool {
        self.catalog(id).is_some() || self.shipped(id).is_some()
    }

    /// The shipped catalog with this id, as the index lists it.
    fn shipped(&self, id: &str) -> Option<&CatalogEntry> {
        self.index.as_ref()?.catalogs.iter().find(|c| c.id == id)
    }

    /// The catalogs on offer as a list shows them: the shipped ones in order, then the
    /// imported ones.
    pub fn entries(&self) -> Vec<CatalogEntry> {
        let shipped = self.index.iter().flat_map(|index| index.catalogs.clone());
        let imported = self
            .catalogs
            .iter()
            .filter(|catalog| self.shipped(&catalog.id).is_none())
            // An imported catalog is kept in IndexedDB, not in a data file: it names none.
            .map(|catalog| CatalogEntry::of(catalog, ""));
        shipped.chain(imported).collect()
    }

    /// The applicability questions of a catalog, if it has them.
    pub fn profile(&self, catalog: &str) -> Option<Shared<Profile>> {
        self.profiles
            .iter()
            .find(|profile| profile.catalog == catalog)
            .cloned()
    }

    /// The crosswalk from `from` to `to`, if it is loaded.
    pub fn crosswalk(&self, from: &str, to: &str) -> Option<Shared<Crosswalk>> {
        self.crosswalks
            .iter()
            .find(|link| link.from_catalog == from && link.to_catalog == to)
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

    /// This library with what `loaded` holds and it lacks: data loaded meanwhile elsewhere
    /// adds to the library, and never takes away.
    pub fn merged(&self, loaded: &Library) -> Library {
        let mut next = self.clone();
        if next.index.is_none() {
            next.index = loaded.index.clone();
        }
        for catalog in &loaded.catalogs {
            if next.catalog(&catalog.id).is_none() {
                next.catalogs.push(catalog.clone());
            }
        }
        for link in &loaded.crosswalks {
            if next
                .crosswalk(&link.from_catalog, &link.to_catalog)
                .is_none()
            {
                next.crosswalks.push(link.clone());
            }
        }
        for profile in &loaded.profiles {
            if next.profile(&profile.catalog).is_none() {
                next.profiles.push(profile.clone());
            }
        }
        next
    }
}
