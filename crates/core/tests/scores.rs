//! Scoring, validation and the crosswalk, on the shipped catalogs.

use proptest::prelude::*;
use tekigo_core::crosswalk::build_crosswalk;
use tekigo_core::scoring::score;
use tekigo_core::validate::{validate, validate_catalog, ProblemKind};
use tekigo_core::{embedded, Answer, Assessment, Document, EvidenceRef, Responsibility, Status};

fn answered(status: Status, responsibility: Option<Responsibility>) -> Answer {
    Answer {
        status,
        responsibility,
        ..Answer::default()
    }
}

#[test]
fn not_applicable_is_excluded_from_compliance() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let mut assessment = Assessment::new("a", catalog, "2026-01-01T00:00:00Z");
    let now = "2026-01-02T00:00:00Z";
    assessment.set_answer(
        "1",
        answered(Status::Compliant, Some(Responsibility::Vendor)),
        now,
    );
    assessment.set_answer(
        "2",
        answered(Status::Capable, Some(Responsibility::Hospital)),
        now,
    );
    assessment.set_answer("3", answered(Status::NotApplicable, None), now);
    assessment.set_answer(
        "4",
        answered(Status::NotMet, Some(Responsibility::Vendor)),
        now,
    );
    let card = score(catalog, &assessment);
    assert_eq!(card.overall.total, 182);
    assert_eq!(card.overall.answered(), 4);
    assert_eq!(card.overall.applicable(), 181);
    assert_eq!(card.overall.met(), 2);
    let group_2_2 = card.groups.iter().find(|g| g.group == "2.2").unwrap();
    // Items 2, 3 and 4 sit in 2.2.1, which counts towards 2.2.
    assert_eq!(group_2_2.tally.total, 11);
    assert_eq!(group_2_2.tally.answered(), 3);
    assert_eq!(group_2_2.tally.compliance_percent(), Some(100.0 / 10.0));
    let vendor = card
        .responsibilities
        .iter()
        .find(|(r, _)| *r == Some(Responsibility::Vendor))
        .unwrap();
    assert_eq!((vendor.1.compliant, vendor.1.not_met), (1, 1));
}

#[test]
fn checklist_scores_per_referenced_guideline() {
    let catalog = embedded::catalog("cloud-checklist-253").unwrap();
    let assessment = Assessment::new("a", catalog, "now");
    let card = score(catalog, &assessment);
    let totals: Vec<(String, usize)> = card
        .guidelines
        .iter()
        .map(|(g, t)| (format!("{g:?}"), t.total))
        .collect();
    // 175 items cite the MIC guideline, 138 the METI one, 60 both: every item cites one.
    assert_eq!(
        totals,
        [("Mic".to_owned(), 175), ("Meti2008".to_owned(), 138)]
    );
}

proptest! {
    /// Whatever the answers, group tallies add up and rates stay within 0–100.
    #[test]
    fn tallies_are_consistent(statuses in proptest::collection::vec(0usize..6, 182)) {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let mut assessment = Assessment::new("a", catalog, "t");
        for (item, status) in catalog.items.iter().zip(&statuses) {
            assessment.set_answer(&item.id, answered(Status::ALL[*status], None), "t");
        }
        let card = score(catalog, &assessment);
        let roots: usize = card.groups.iter().filter(|g| g.depth == 0).map(|g| g.tally.total).sum();
        prop_assert_eq!(roots, 182);
        for group in &card.groups {
            let t = group.tally;
            // The tree walk counts exactly the items the catalog places in the group.
            let by_definition: Vec<Status> = catalog.items.iter()
                .filter(|item| catalog.item_in_group(item, &group.group))
                .map(|item| assessment.status_of(&item.id))
                .collect();
            prop_assert_eq!(t.total, by_definition.len());
            for status in Status::ALL {
                prop_assert_eq!(t.count(status), by_definition.iter().filter(|s| **s == status).count());
            }
            prop_assert_eq!(t.total, t.compliant + t.capable + t.partial + t.not_met + t.not_applicable + t.unanswered);
            if let Some(rate) = t.compliance_percent() {
                prop_assert!((0.0..=100.0).contains(&rate));
            }
        }
    }
}

#[test]
fn validation_reports_every_problem_with_its_place() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let mut assessment = Assessment::new("a", catalog, "t");
    assessment.documents.push(Document {
        id: "01".into(),
        title: "規程".into(),
        ..Document::default()
    });
    assessment.documents.push(Document {
        id: "01".into(),
        title: "重複".into(),
        ..Document::default()
    });
    let mut answer = answered(Status::Compliant, None);
    answer.evidence.push(EvidenceRef {
        document: "99".into(),
        location: "p.1".into(),
    });
    assessment.set_answer("5", answer, "t");
    assessment.set_answer("999", answered(Status::Compliant, None), "t");
    let problems = validate(&assessment, catalog);
    let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
    assert!(kinds.contains(&&ProblemKind::DuplicateDocument {
        document: "01".into()
    }));
    assert!(kinds.contains(&&ProblemKind::UnknownItem));
    let unknown_doc = problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::UnknownDocument { .. }))
        .unwrap();
    assert_eq!(unknown_doc.item.as_deref(), Some("5"));
    assert_eq!(unknown_doc.field, "answers.5.evidence[0].document");
    assert!(unknown_doc
        .message(tekigo_core::i18n::Lang::Ja)
        .contains("項目 5"));
    assert_eq!(problems.len(), 3);
}

#[test]
fn an_assessment_of_another_catalog_is_refused() {
    let meti = embedded::catalog("meti-2012").unwrap();
    let checklist = embedded::catalog("cloud-checklist-253").unwrap();
    let assessment = Assessment::new("a", meti, "t");
    let problems = validate(&assessment, checklist);
    assert!(matches!(problems[0].kind, ProblemKind::OtherCatalog { .. }));
}

#[test]
fn shipped_catalogs_are_internally_valid() {
    for catalog in embedded::catalogs() {
        assert_eq!(validate_catalog(catalog), [], "{}", catalog.id);
    }
}

#[test]
fn the_sample_assessment_is_valid_and_marks_the_iaas() {
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    assert_eq!(validate(&sample, catalog), []);
    let iaas = sample
        .answers
        .values()
        .filter(|a| a.responsibility == Some(Responsibility::Subcontractor))
        .count();
    assert!(iaas > 100, "{iaas} items marked ○ for the IaaS");
    assert_eq!(sample.answers["99"].status, Status::NotApplicable);
}

/// The crosswalk links checklist item 32 (資産台帳へのアクセス制限) to METI 2012 items 5 and 6,
/// which are 2.2.1 (4) and (5).
#[test]
fn crosswalk_links_by_clause_and_verifies_by_text() {
    let crosswalk = embedded::crosswalk();
    let targets: Vec<&str> = crosswalk
        .meti_items_for("32")
        .map(|l| l.meti_item.as_str())
        .collect();
    assert!(
        targets.contains(&"5") && targets.contains(&"6"),
        "{targets:?}"
    );
    assert!(crosswalk.meti_items_for("32").all(|l| l.verified));
    let back: Vec<&str> = crosswalk
        .checklist_items_for("142")
        .map(|l| l.checklist_item.as_str())
        .collect();
    assert!(!back.is_empty());
    let fresh = build_crosswalk(
        embedded::catalog("cloud-checklist-253").unwrap(),
        embedded::catalog("meti-2012").unwrap(),
    );
    assert_eq!(&fresh, crosswalk);
}
