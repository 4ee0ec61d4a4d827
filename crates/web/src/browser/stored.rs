//! Reading an assessment back through the engine — from storage, for a tab that follows
//! another tab's saves, or from where refused edits were kept aside, for a tab that opens or
//! takes over an assessment.

use tekigo_core::{load_assessment, Assessment, Catalog};

use super::{storage, unsaved};

/// The stored assessment `id` with its revision, if it is stored and reads as an assessment
/// of `catalog`.
pub async fn reread(id: &str, catalog: &Catalog) -> Option<(Assessment, u32)> {
    let record = storage::assessment(id).await.ok()??;
    let assessment = load_assessment(record.json.as_bytes()).ok()?;
    (assessment.catalog.id == catalog.id).then_some((assessment, record.revision))
}

/// The edits to `id` that storage refused and that were kept aside, with the stored revision
/// they were made on.
pub fn kept_aside(id: &str) -> Option<(Assessment, u32)> {
    let copy = unsaved::kept(id)?;
    let assessment = load_assessment(copy.json.as_bytes()).ok()?;
    Some((assessment, copy.revision))
}
