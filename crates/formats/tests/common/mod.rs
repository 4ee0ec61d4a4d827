//! What the format tests share: the time they run at, and a filled 253-item checklist that
//! uses every answer field, several parties and documents, tekigo's own data (provenance,
//! importer notes, unknown fields) and the texts that trip spreadsheets up.
#![allow(dead_code)] // each test file uses part of this

use serde_json::json;
use tekigo_core::{
    AnswerNote, Assessment, Catalog, DisclosureLevel, Document, EvidenceRef, Party, PartyRole,
    Provenance, ProvenanceKind, SourceRef,
};

pub const NOW: &str = "2026-12-01T10:00:00+09:00";

/// Installs the Shift_JIS table as the worker does, from a decoder's reading of the probe
/// (here `encoding_rs`'s, there the browser's `TextDecoder`).
pub fn install_cp932() {
    if tekigo_formats::cp932::table().is_some() {
        return;
    }
    let probe = tekigo_formats::cp932::probe();
    assert!(tekigo_formats::cp932::install(
        &encoding_rs::SHIFT_JIS.decode(&probe).0
    ));
}

/// The first line where two texts differ, both versions, for a failure message.
pub fn first_difference(got: &str, wanted: &str) -> Option<String> {
    if got == wanted {
        return None;
    }
    let mut got_lines = got.lines();
    let mut wanted_lines = wanted.lines();
    let mut number = 1;
    loop {
        match (got_lines.next(), wanted_lines.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (a, b) => {
                return Some(format!(
                    "line {number}:\n got:  {}\n want: {}",
                    a.unwrap_or("(end)"),
                    b.unwrap_or("(end)")
                ))
            }
        }
    }
}

/// Texts that a spreadsheet might change: formulas, numbers, dates, quotes, line ends, tabs,
/// padding, Excel's own escapes, and a control character.
const AWKWARD: [&str; 14] = [
    "アクセス管理規程を整備し、年1回見直している。",
    "=SUM(A1:A3)",
    "-",
    "- 箇条書きの一行目\n- 二行目",
    "1-1",
    "2.10",
    "007",
    "「引用」と \"quotes\", commas",
    "  前後に空白  ",
    "タブ\tあり",
    "CR LF\r\nの改行",
    "_x000D_ はそのまま",
    "制御\u{1}文字",
    "ｱｸｾｽ ①②③ ～ ￥１，０００ －",
];

/// The 253-item checklist with an answer for every item.
pub fn filled_checklist(catalog: &Catalog) -> Assessment {
    let mut assessment = Assessment::new("filled-checklist", catalog, "2026-11-01T09:00:00+09:00");
    assessment.subject.product = "テストクラウド「雲」".into();
    assessment.subject.applicant = "株式会社テスト, 東京".into();
    assessment.subject.evaluator = "評価 太郎".into();
    assessment.subject.reference_number = "R-2026-001".into();
    assessment.subject.date = "2026-11-30".into();
    assessment.parties.push(Party {
        id: "azure".into(),
        role: PartyRole::Iaas,
        name: "Microsoft Azure".into(),
    });
    assessment.parties.push(Party {
        id: "vendor-2".into(),
        role: PartyRole::Vendor,
        name: String::new(),
    });
    assessment.documents = vec![
        Document {
            id: "01".into(),
            title: "セキュリティホワイトペーパー".into(),
            url: "https://example.com/security.pdf".into(),
            disclosure: DisclosureLevel::Public,
            extra: Default::default(),
        },
        Document {
            id: "02".into(),
            title: "運用管理規程 (社外秘)".into(),
            url: String::new(),
            disclosure: DisclosureLevel::Nda,
            extra: Default::default(),
        },
        Document {
            id: "03".into(),
            title: "第三者認証の登録証".into(),
            url: "https://example.com/cert".into(),
            disclosure: DisclosureLevel::Public,
            extra: json!({ "revision": 3 }).as_object().unwrap().clone(),
        },
    ];
    assessment.documents_numbered = 3;
    assessment.origin = Some(SourceRef {
        assessment: "vendor-published".into(),
        title: "テストクラウド — 株式会社テスト".into(),
        digest: String::new(),
    });
    assessment
        .extra
        .insert("x-other-tool".into(), json!({ "kept": true, "n": 1 }));
    let choices: Vec<String> = catalog
        .scale()
        .choices
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let party_sets: [&[&str]; 5] = [
        &["vendor"],
        &["azure"],
        &["vendor", "hospital"],
        &["vendor-2", "si"],
        &[],
    ];
    for (index, item) in catalog.items.iter().enumerate() {
        let awkward = AWKWARD[index % AWKWARD.len()];
        let time = format!(
            "2026-11-{:02}T{:02}:00:00+09:00",
            1 + index % 28,
            index % 24
        );
        assessment.update_answer(&item.id, &time, |answer| {
            answer.status = (index % 7 != 6).then(|| choices[index % choices.len()].clone());
            answer.parties = party_sets[index % party_sets.len()]
                .iter()
                .map(|id| (*id).to_owned())
                .collect();
            answer.statement = format!("{awkward} (項目 {})", item.id);
            if index % 3 == 0 {
                answer.evidence.push(EvidenceRef {
                    document: "01".into(),
                    location: format!("p.{}", index + 1),
                    ..EvidenceRef::default()
                });
            }
            if index % 5 == 0 {
                answer.evidence.push(EvidenceRef {
                    document: "02".into(),
                    location: "第3章 3.2節".into(),
                    ..EvidenceRef::default()
                });
                answer.disclosure = Some(DisclosureLevel::Nda);
            }
            if index % 11 == 0 {
                answer.evidence.push(EvidenceRef {
                    document: "03".into(),
                    location: "登録証".into(),
                    effective: Some("2026-04-01".into()),
                    expires: Some("2029-03-31".into()),
                });
            }
            if index % 13 == 0 {
                answer.evidence.push(EvidenceRef {
                    document: String::new(),
                    location: "[社内] 手順書\n別紙2".into(),
                    ..EvidenceRef::default()
                });
            }
            if index % 4 == 1 {
                answer.disclosure = answer.disclosure.or(Some(DisclosureLevel::Public));
                answer.certification_inference = "ISMS 認証 (ISO/IEC 27001) から類推".into();
            }
            if index % 6 == 2 {
                answer.interview = format!("担当者に確認 {awkward}");
                answer.internal_note = "次回の見直しで確認".into();
            }
            if index % 2 == 0 {
                answer.hospital_actions = "利用者IDの棚卸を医療機関で実施する".into();
            }
            if index % 9 == 4 {
                answer.evaluator.confirmed_evidence = "ホワイトペーパー p.3".into();
                answer.evaluator.verdict = "可".into();
                answer.evaluator.improvement = awkward.to_owned();
            }
            if index % 10 == 3 {
                answer.provenance = Some(Provenance {
                    kind: ProvenanceKind::Provided,
                    source: SourceRef {
                        assessment: "vendor-published".into(),
                        title: "テストクラウド".into(),
                        digest: String::new(),
                    },
                    confirmed_at: (index % 20 == 3).then(|| "2026-11-20T10:00:00+09:00".into()),
                });
            }
            if index % 17 == 0 {
                answer.notes.push(AnswerNote::new(
                    "statement",
                    "原資料の「対応済み」から読み取り",
                    "Read from the source's 「対応済み」",
                ));
            }
            if index % 19 == 0 {
                answer
                    .extra
                    .insert("x-score".into(), json!({ "weight": index, "ok": true }));
            }
        });
    }
    assessment.updated_at = "2026-11-30T18:00:00+09:00".into();
    assessment
}
