//! The vendor sample (seed 004) says what the vendor said: its statements, no status the
//! source does not give, the ○ as Microsoft Azure's share on top of the vendor's, one rule for
//! merged answer cells, and a note wherever the importer read something into the source.

use tekigo_core::{embedded, Answer, Assessment, ProvenanceKind};

fn sample() -> Assessment {
    embedded::sample_assessment()
}

fn notes<'a>(answer: &'a Answer, field: &str) -> Vec<&'a str> {
    answer
        .notes
        .iter()
        .filter(|note| note.field == field)
        .map(|note| note.note.as_str())
        .collect()
}

/// The reference has no rating column: the only status is the 対象外 the source states in its
/// own words (「本項目は該当しません」 and the mark 「— (当社提供サービスに含まれない事項…)」).
#[test]
fn no_status_the_source_does_not_give() {
    let sample = sample();
    let rated: Vec<(&str, &str)> = sample
        .answers
        .iter()
        .filter_map(|(item, answer)| Some((item.as_str(), answer.status.as_deref()?)))
        .collect();
    assert_eq!(rated, [("111", "not-applicable"), ("99", "not-applicable")]);
    for item in ["99", "111"] {
        let why = notes(&sample.answers[item], "status");
        assert!(
            why[0].contains("該当しません") && why[0].contains("当社提供サービスに含まれない"),
            "{item}: {why:?}"
        );
    }
    // Said once for every answer: the source rates nothing.
    let whole: Vec<&str> = sample
        .notes
        .iter()
        .filter(|note| note.field == "status")
        .map(|note| note.note.as_str())
        .collect();
    assert!(whole[0].contains("適否の欄がない"), "{whole:?}");
    for (item, answer) in &sample.answers {
        assert!(!answer.statement.trim().is_empty(), "item {item}");
        // An item's own note on its status only where it says more than that.
        assert!(notes(answer, "status").len() <= 1, "item {item}");
        let provenance = answer.provenance.as_ref().expect("imported");
        assert_eq!(provenance.kind, ProvenanceKind::Imported);
        assert_eq!(provenance.source.assessment, "004_82653e598a87a77b.txt");
        assert!(provenance
            .source
            .title
            .starts_with("『きりんカルテ』ガイドライン対応リファレンス"));
        assert!(answer.awaits_confirmation(), "item {item}");
    }
}

/// Where the vendor's own words say part of a requirement is not done, the answer says so in
/// those words, and still carries no status.
#[test]
fn admitted_gaps_are_flagged_in_the_vendors_words() {
    let sample = sample();
    for (item, words) in [
        ("72", "特にセキュリティソフト等の対策は行っておりませんが"),
        ("159", "は行っていないが"),
        ("180", "事業継続計画は独自では策定していません"),
        ("181", "模擬試験を行い"),
    ] {
        let answer = &sample.answers[item];
        assert_eq!(answer.status, None, "item {item}");
        assert!(answer.statement.contains(words), "item {item}");
        let why = notes(answer, "status");
        assert!(
            why[0].contains(words) && why[0].contains("状態は付けていない"),
            "item {item}: {why:?}"
        );
    }
}

/// The ○ says Microsoft Azure covers the physical layer too; it never takes the item away
/// from the vendor, whose statement it is (Pマーク, staff NDAs).
#[test]
fn the_circle_is_an_iaas_share_on_top_of_the_vendor() {
    let sample = sample();
    for item in ["1", "164", "165", "166", "167", "168"] {
        let answer = &sample.answers[item];
        assert_eq!(answer.parties, ["vendor", "azure"], "item {item}");
    }
    // What the ○ means is said once, for every answer.
    assert!(sample
        .notes
        .iter()
        .any(|note| note.field == "parties" && note.note.contains("代わるものではない")));
    for answer in sample.answers.values() {
        assert_eq!(answer.parties[0], "vendor");
    }
    // Item 123's row ends with its answer: the column of the ○ is missing, not empty.
    let answer = &sample.answers["123"];
    assert_eq!(answer.parties, ["vendor"]);
    assert!(notes(answer, "parties")[0].contains("列がない"));
    // 99 and 111 are outside the service: Azure's column says so, and Azure holds nothing.
    assert_eq!(sample.answers["99"].parties, ["vendor"]);
}

/// One rule for merged answer cells: an empty answer cell shares the nearest answer above it
/// in its section, and says which row that was.
#[test]
fn empty_answer_cells_share_the_answer_above_in_their_section() {
    let sample = sample();
    let shares = |item: &str, from: &str| {
        let answer = &sample.answers[item];
        assert_eq!(
            answer.statement, sample.answers[from].statement,
            "item {item} shares {from}"
        );
        let why = notes(answer, "statement");
        assert!(
            why.iter().any(|note| note.contains("回答欄は空")),
            "item {item}: {why:?}"
        );
    };
    shares("10", "9");
    for item in ["20", "21", "22"] {
        shares(item, "19");
    }
    // 2.5.2: the answer on the heading row of (1) serves (1), (2) and its bullets alike.
    for item in 24..=35 {
        shares(&item.to_string(), "23");
    }
    for item in 42..=47 {
        shares(&item.to_string(), "41");
    }
    shares("182", "181");
    // The lead-in numbered 160 has no answer, and nothing above it in 2.6.15.
    assert!(!sample.answers.contains_key("160"));
    assert_eq!(sample.answers.len(), 181);
}

/// The ranges the vendor's own text names (107 「※No100～No105」, 151 「No145～No148」,
/// 169 「No169～No171」) are answered, each with a note citing the vendor's range.
#[test]
fn the_ranges_the_vendor_names_are_answered_with_a_note() {
    let sample = sample();
    for (range, first, named) in [
        (101..=105, "100", "No100～No105"),
        (146..=148, "145", "No145～No148"),
        (170..=171, "169", "No169～No171"),
    ] {
        for item in range {
            let item = item.to_string();
            let answer = &sample.answers[&item];
            assert_eq!(answer.statement, sample.answers[first].statement);
            assert!(
                notes(answer, "statement")
                    .iter()
                    .any(|note| note.contains(named)),
                "item {item}"
            );
        }
    }
}

/// A statement whose text continues on the next rows (88 over 89, 96 over 97, 175 over
/// 176–178) is one answer for every row, and list entries keep their own lines.
#[test]
fn continued_cells_are_one_answer_and_lists_keep_their_lines() {
    let sample = sample();
    let statement = |item: &str| sample.answers[item].statement.clone();
    assert_eq!(statement("89"), statement("88"));
    assert_eq!(statement("97"), statement("96"));
    assert_eq!(sample.answers["96"].parties, ["vendor", "azure"]);
    for item in ["176", "177", "178"] {
        assert_eq!(statement(item), statement("175"));
    }
    assert!(statement("78").contains("下記です。\n（1）Microsoft Azure（クラウド基盤）\n（2）ORCA"));
    assert!(statement("128").contains("\n・ 各種パフォーマンスログ\nこのうち、"));
    assert!(statement("155").contains("\n<運用面の対応>\n・定期的なパスワードの変更のアナウンス\n"));
    assert!(statement("175").contains("ようにしています。\n(1) システムを停止させず"));
    assert!(statement("96").contains("実施しています。\n・ネットワーク接続のログ"));
    // Wraps inside words on the wrapped pages are undone.
    assert!(statement("169").contains("Microsoft Corporationの主管範囲"));
    assert!(statement("169").contains("No169～No171の項目"));
}

/// The register names the IaaS the ○ column is about.
#[test]
fn the_register_names_microsoft_azure() {
    let sample = sample();
    let azure = sample.parties.iter().find(|p| p.id == "azure").unwrap();
    assert_eq!(azure.name, "Microsoft Azure");
    assert_eq!(azure.role, tekigo_core::PartyRole::Iaas);
    assert!(!sample.parties.iter().any(|p| p.id == "iaas"));
}
