//! Publishing, over the vendor sample of the METI 2012 reference: what leaves is exactly what
//! the field table marks public, NDA details never leave, and a hospital's own check started
//! from the published file has every answer provided by the vendor and unconfirmed.

use tekigo_core::assessment::SHEET_COLUMN_NOTE;
use tekigo_core::edit::{apply, Edit};
use tekigo_core::publish::{
    is_published, publish, start_from_published, unmarked_nda_items, NDA_LOCATION,
};
use tekigo_core::{
    embedded, to_json, AnswerNote, DisclosureLevel, Document, EvidenceRef, ProvenanceKind,
};

const NOW: &str = "2026-11-30T10:00:00+09:00";

/// The sample with what a vendor keeps to itself: an NDA document with its address, evidence
/// from it, interview and internal notes, the evaluator's columns and the subject's evaluator.
fn sample_with_private_details() -> tekigo_core::Assessment {
    let mut sample = embedded::sample_assessment();
    sample.subject.evaluator = "評価 太郎".into();
    sample.subject.reference_number = "社内-2026-001".into();
    sample.documents = vec![
        Document {
            id: "01".into(),
            title: "セキュリティホワイトペーパー".into(),
            url: "https://example.com/whitepaper.pdf".into(),
            disclosure: DisclosureLevel::Public,
            ..Document::default()
        },
        Document {
            id: "02".into(),
            title: "SOC2 Type2 報告書".into(),
            url: "https://intranet.example.com/soc2-secret.pdf".into(),
            disclosure: DisclosureLevel::Nda,
            ..Document::default()
        },
    ];
    let answer = sample
        .answers
        .get_mut("1")
        .expect("the sample answers item 1");
    answer.evidence = vec![
        EvidenceRef {
            document: "01".into(),
            location: "3章".into(),
            ..EvidenceRef::default()
        },
        EvidenceRef {
            document: "02".into(),
            location: "p.42 統制 CC6.1 の例外事項".into(),
            ..EvidenceRef::default()
        },
    ];
    answer.interview = "担当者: 例外は来期に是正予定".into();
    answer.internal_note = "営業には伏せる".into();
    answer.evaluator.verdict = "要確認".into();
    answer.evaluator.confirmed_evidence = "SOC2 p.42".into();
    answer
        .extra
        .insert("x-internal-score".into(), serde_json::Value::from(3));
    sample.notes.push(AnswerNote::new(
        SHEET_COLUMN_NOTE,
        "シート「回答」の F 列「社内メモ」は読み込んでいません",
        "Column F 「社内メモ」 was not read",
    ));
    sample
}

#[test]
fn publishing_the_sample_drops_every_nda_detail_and_internal_field() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let private = sample_with_private_details();
    let public = publish(catalog, &private, NOW);
    assert!(is_published(&public));
    assert!(!is_published(&private));
    let text = to_json(&public);
    for secret in [
        "intranet.example.com",
        "p.42",
        "CC6.1",
        "例外は来期に是正予定",
        "営業には伏せる",
        "要確認",
        "評価 太郎",
        "社内-2026-001",
        "x-internal-score",
        "社内メモ",
    ] {
        assert!(!text.contains(secret), "{secret} was published");
    }
    let answer = &public.answers["1"];
    assert_eq!(answer.evidence[0].location, "3章");
    assert_eq!(answer.evidence[1].document, "02");
    assert_eq!(answer.evidence[1].location, NDA_LOCATION);
    assert_eq!(public.documents[1].title, "SOC2 Type2 報告書");
    assert_eq!(
        public.documents[0].url,
        "https://example.com/whitepaper.pdf"
    );
    // Everything public is still there, for every answer.
    assert_eq!(public.answers.len(), private.answers.len());
    for (item, before) in &private.answers {
        let after = &public.answers[item];
        assert_eq!(after.status, before.status, "item {item}");
        assert_eq!(after.parties, before.parties, "item {item}");
        assert_eq!(after.statement, before.statement, "item {item}");
        assert_eq!(
            after.hospital_actions, before.hospital_actions,
            "item {item}"
        );
    }
    assert_eq!(public.subject.product, private.subject.product);
    // How the source was read stays; what a sheet of the vendor's left out does not.
    assert_eq!(public.notes.len(), private.notes.len() - 1);
}

#[test]
fn a_hospital_check_started_from_a_published_file_is_provided_until_confirmed() {
    let catalog = embedded::catalog("meti-2012").unwrap();
    let public = publish(catalog, &sample_with_private_details(), NOW);
    let mut own = start_from_published(&public, "hospital-own", NOW);
    assert!(!is_published(&own));
    // The vendor's product and name carry over; the vendor's date is not the hospital's.
    assert!(!public.subject.date.is_empty());
    assert_eq!(own.subject.product, public.subject.product);
    assert_eq!(own.subject.date, "");
    assert_eq!(own.origin.as_ref().unwrap().assessment, public.id);
    assert!(own.answers.values().all(|answer| {
        answer.awaits_confirmation()
            && answer.provenance.as_ref().unwrap().kind == ProvenanceKind::Provided
    }));
    let total = own.answers.len();
    let confirmed = |a: &tekigo_core::Assessment| {
        a.answers
            .values()
            .filter(|x| !x.awaits_confirmation())
            .count()
    };
    apply(&mut own, catalog, Edit::Confirm { item: "1".into() }, NOW).unwrap();
    apply(
        &mut own,
        catalog,
        Edit::Text {
            item: "2".into(),
            field: "statement".into(),
            value: "自院で確認した".into(),
        },
        NOW,
    )
    .unwrap();
    assert_eq!(confirmed(&own), 2);
    assert_eq!(own.answers.len(), total);
}

#[test]
fn an_answer_citing_an_nda_document_unmarked_is_named_before_publishing() {
    let mut sample = sample_with_private_details();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    sample.answers.get_mut("1").unwrap().disclosure = Some(DisclosureLevel::Public);
    assert_eq!(unmarked_nda_items(catalog, &sample), ["1"]);
    sample.answers.get_mut("1").unwrap().disclosure = Some(DisclosureLevel::Nda);
    assert!(unmarked_nda_items(catalog, &sample).is_empty());
}
