//! What both readers' targets do with a workbook they read: read it as an assessment of a
//! shipped catalog and, when it reads, check that writing it back loses nothing; and read it
//! as a catalog sheet with the guessed mapping.

use tekigo_core::{embedded, Assessment, Catalog};
use tekigo_formats::catalog_sheet::{build, guess};
use tekigo_formats::grid::Workbook;
use tekigo_formats::table::{from_workbook, to_workbook, Fresh, Layout};

const NOW: &str = "2026-12-01T10:00:00+09:00";

fn catalogs() -> Vec<&'static Catalog> {
    embedded::catalogs().iter().collect()
}

fn fresh() -> Fresh<'static> {
    Fresh { id: "fuzz", now: NOW }
}

/// Reads `workbook` as an assessment and as a catalog sheet; an assessment that reads is
/// written in its layout (the checklist's, for a filled copy of a catalog's own sheet) and,
/// where `write_and_read` can write it, reads back unchanged.
pub fn interpret(workbook: &Workbook, write_and_read: impl Fn(&Workbook) -> Option<Workbook>) {
    if let Ok((assessment, catalog, layout)) = from_workbook(workbook, &catalogs(), fresh()) {
        let layout = layout.unwrap_or(Layout::Checklist);
        let Some(again) = write_and_read(&to_workbook(catalog, &assessment, layout)) else {
            return;
        };
        let (read_back, _, _) =
            from_workbook(&again, &catalogs(), fresh()).expect("our own sheet reads");
        assert_eq!(read_back, same_as_written(&assessment));
    }
    let mapping = guess(workbook, "fuzz.xlsx");
    let _ = build(workbook, &mapping, "2026-12-01");
}

/// What a sheet keeps of an assessment: every field but the evidence rows left blank.
fn same_as_written(assessment: &Assessment) -> Assessment {
    let mut kept = assessment.clone();
    for answer in kept.answers.values_mut() {
        answer.evidence.retain(|evidence| !evidence.is_blank());
    }
    kept
}
