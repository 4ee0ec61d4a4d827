//! Reading an assessment back from storage through the engine, for a tab that follows
//! another tab's saves.

use tekigo_core::{load_assessment, Assessment, Catalog};

use super::storage;

/// The stored assessment `id` with its revision, if it is stored and reads as an assessment
/// of `catalog`.
pub async fn reread(id: &str, catalog: &Catalog) -> Option<(Assessment, u32)> {
    let record = storage::assessment(id).await.ok()??;
    let assessment = load_assessment(record.json.as_bytes()).ok()?;
    (assessment.catalog.id == catalog.id).then_some((assessment, record.revision))
}
