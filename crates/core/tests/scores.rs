//! Scoring, validation and the crosswalk, on the shipped catalogs.

use proptest::prelude::*;
use tekigo_core::crosswalk::build_crosswalk;
use tekigo_core::crosswalk::linked_items;
use tekigo_core::scale::Outcome;
use tekigo_core::scoring::score;
use tekigo_core::scoring::Holder;
use tekigo_core::todo::hospital_todo;
use tekigo_core::validate::{validate, validate_catalog, ProblemKind};
use tekigo_core::{embedded, Answer, Assessment, Document, EvidenceRef};

/// The statuses of the default scale, and `None` for 未回答.
const STATUSES: [Option<&str>; 6] = [
    Some("compliant"),
    Some("capable"),
    Some("partial"),
    Some("not-met"),
    Some("not-applicable"),
    None,
];

fn answered(status: Option<&str>, party: Option<&str>) -> Answer {
    Answer {
        status: status.map(str::to_owned),
        parties: party.into_iter().map(str::to_owned).collect(),
        ..Answer::default()
    }
}

#[test]
fn not_applicable_is_excluded_from_compliance() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let mut assessment = Assessment::new("a", catalog, "2026-01-01T00:00:00Z");
    let now = "2026-01-02T00:00:00Z";
    assessment.set_answer("1", answered(Some("compliant"), Some("vendor")), now);
    assessment.set_answer("2", answered(Some("capable"), Some("hospital")), now);
    assessment.set_answer("3", answered(Some("not-applicable"), None), now);
    assessment.set_answer("4", answered(Some("not-met"), Some("vendor")), now);
    let card = score(catalog, &assessment);
    assert_eq!(card.overall.total, 182);
    assert_eq!(card.overall.answered(), 4);
    assert_eq!(card.overall.applicable(), 181);
    assert_eq!(card.overall.met, 2);
    let group_2_2 = card.groups.iter().find(|g| g.group == "2.2").unwrap();
    // Items 2, 3 and 4 sit in 2.2.1, which counts towards 2.2.
    assert_eq!(group_2_2.tally.total, 11);
    assert_eq!(group_2_2.tally.answered(), 3);
    assert_eq!(group_2_2.tally.compliance_percent(), Some(100.0 / 10.0));
    let vendor = card
        .holders
        .iter()
        .find(|(holder, _)| *holder == Holder::Party("vendor".into()))
        .unwrap();
    assert_eq!((vendor.1.met, vendor.1.not_met), (1, 1));
    assert_eq!(card.choices[0], ("compliant".to_owned(), 1));
    assert_eq!(card.choices[1], ("capable".to_owned(), 1));
}

#[test]
fn checklist_scores_per_referenced_guideline() {
    let catalog = embedded::catalog("cloud-checklist-253").unwrap();
    let assessment = Assessment::new("a", catalog, "now");
    let card = score(catalog, &assessment);
    let totals: Vec<(String, usize)> = card
        .guidelines
        .iter()
        .map(|(g, t)| (g.clone(), t.total))
        .collect();
    // 175 items cite the MIC guideline, 138 the METI one, 60 both: every item cites one.
    assert_eq!(
        totals,
        [("mic".to_owned(), 175), ("meti2008".to_owned(), 138)]
    );
}

proptest! {
    /// Whatever the answers, group tallies add up and rates stay within 0–100.
    #[test]
    fn tallies_are_consistent(statuses in proptest::collection::vec(0usize..6, 182)) {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let mut assessment = Assessment::new("a", catalog, "t");
        for (item, status) in catalog.items.iter().zip(&statuses) {
            assessment.set_answer(&item.id, answered(STATUSES[*status], None), "t");
        }
        let card = score(catalog, &assessment);
        let roots: usize = card.groups.iter().filter(|g| g.depth == 0).map(|g| g.tally.total).sum();
        prop_assert_eq!(roots, 182);
        for group in &card.groups {
            let t = group.tally;
            // The tree walk counts exactly the items the catalog places in the group.
            let scale = catalog.scale();
            let by_definition: Vec<Option<Outcome>> = catalog.items.iter()
                .filter(|item| catalog.item_in_group(item, &group.group))
                .map(|item| scale.outcome(assessment.status_of(&item.id)))
                .collect();
            prop_assert_eq!(t.total, by_definition.len());
            for outcome in Outcome::ALL.map(Some).into_iter().chain([None]) {
                prop_assert_eq!(t.count(outcome), by_definition.iter().filter(|o| **o == outcome).count());
            }
            prop_assert_eq!(t.total, t.met + t.partial + t.not_met + t.excluded + t.unanswered);
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
    let mut answer = answered(Some("compliant"), None);
    answer.evidence.push(EvidenceRef {
        document: "99".into(),
        location: "p.1".into(),
        ..EvidenceRef::default()
    });
    assessment.set_answer("5", answer, "t");
    assessment.set_answer("999", answered(Some("compliant"), None), "t");
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
    use tekigo_core::PartyRole;
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    assert_eq!(validate(&sample, catalog), []);
    // The ○ column names Microsoft Azure, a party of the register in the IaaS role.
    let iaas: Vec<(&str, &str)> = sample
        .parties
        .iter()
        .filter(|p| p.role == PartyRole::Iaas)
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(iaas, [("azure", "Microsoft Azure")]);
    let marked: Vec<&Answer> = sample
        .answers
        .values()
        .filter(|a| a.parties.iter().any(|p| p == "azure"))
        .collect();
    // 175 items carry a ○ (their own, or that of the merged cell they share); the vendor
    // keeps every one of them.
    assert_eq!(marked.len(), 175);
    assert!(marked.iter().all(|a| a.parties[0] == "vendor"));
    assert_eq!(
        sample.answers["99"].status.as_deref(),
        Some("not-applicable")
    );
}

/// The crosswalk links checklist item 32 (資産台帳へのアクセス制限) to METI 2012 items 5 and 6,
/// which are 2.2.1 (4) and (5).
#[test]
fn crosswalk_links_by_clause_and_verifies_by_text() {
    let crosswalk = embedded::crosswalk();
    let forward = linked_items(&[crosswalk], "cloud-checklist-253", "32");
    let targets: Vec<&str> = forward.iter().map(|l| l.item).collect();
    assert!(
        targets.contains(&"5") && targets.contains(&"6"),
        "{targets:?}"
    );
    assert!(forward
        .iter()
        .all(|l| l.link.verified && l.forward && l.catalog == "meti-2012"));
    let back = linked_items(&[crosswalk], "meti-2012", "142");
    assert!(!back.is_empty());
    assert!(back
        .iter()
        .all(|l| !l.forward && l.catalog == "cloud-checklist-253"));
    let fresh = build_crosswalk(
        embedded::catalog("cloud-checklist-253").unwrap(),
        embedded::catalog("meti-2012").unwrap(),
    );
    assert_eq!(&fresh, crosswalk);
}

/// Regression: an item whose disclosure was left unset while its evidence cited a 要NDA
/// document gave no warning.
#[test]
fn nda_evidence_in_an_answer_not_marked_nda_is_warned_about_beside_the_item() {
    use tekigo_core::DisclosureLevel;
    let catalog = embedded::catalog("cloud-checklist-253").unwrap();
    let mut assessment = Assessment::new("a", catalog, "t");
    assessment.documents.push(Document {
        id: "05".into(),
        title: "SOC2 報告書".into(),
        disclosure: DisclosureLevel::Nda,
        ..Document::default()
    });
    let mut answer = answered(Some("compliant"), Some("vendor"));
    answer.evidence.push(EvidenceRef {
        document: "05".into(),
        location: "p.12".into(),
        ..EvidenceRef::default()
    });
    assessment.set_answer("60", answer, "t");
    let problems = tekigo_core::validate::item_problems(&assessment, catalog, "60");
    assert_eq!(
        problems.iter().map(|p| &p.kind).collect::<Vec<_>>(),
        [&ProblemKind::NdaEvidenceNotMarked {
            document: "05".into()
        }]
    );
    assert!(!problems[0].is_error());
    assessment.answers.get_mut("60").unwrap().disclosure = Some(DisclosureLevel::Nda);
    assert_eq!(
        tekigo_core::validate::item_problems(&assessment, catalog, "60"),
        []
    );
}

#[test]
fn groups_come_in_tree_order_even_where_the_file_lists_a_sub_group_late() {
    // METI 2012 lists 2.5.2's sub-groups (1)–(3) after 2.10.2, at the end of its groups.
    let meti = embedded::catalog("meti-2012").unwrap();
    let card = score(meti, &Assessment::new("a", meti, "2026-12-01T00:00:00Z"));
    let ids: Vec<&str> = card.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(ids.len(), meti.groups.len(), "every group once");
    let at = |id: &str| ids.iter().position(|g| *g == id).unwrap();
    assert_eq!(at("2.5.2/(1)"), at("2.5.2") + 1);
    assert!(at("2.5.2/(3)") < at("2.6"));
    // Each group follows its parent, and everything between them is under that parent too.
    for (index, group) in card.groups.iter().enumerate().skip(1) {
        let above = &card.groups[index - 1];
        assert!(
            group.depth <= above.depth + 1,
            "{} after {}",
            group.group,
            above.group
        );
    }
}

#[test]
fn the_hospital_has_nothing_to_do_on_an_item_a_question_excluded_unless_the_answer_says() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let mut assessment = Assessment::new("a", catalog, "2026-01-01T00:00:00Z");
    let now = "2026-01-02T00:00:00Z";
    // A vendor's 対象外 with the hospital responsible: the hospital's job.
    assessment.set_answer("1", answered(Some("not-applicable"), Some("hospital")), now);
    let mut excluded = answered(Some("not-applicable"), Some("hospital"));
    excluded.excluded_by = Some("uses-mobile".into());
    assessment.set_answer("2", excluded.clone(), now);
    excluded.hospital_actions = "院内の運用規程に追記する".into();
    assessment.set_answer("3", excluded, now);
    let listed: Vec<String> = hospital_todo(catalog, &assessment)
        .into_iter()
        .map(|entry| entry.item)
        .collect();
    assert_eq!(listed, ["1", "3"]);
}
