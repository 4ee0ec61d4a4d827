//! The vendor's answers of seed 004 as an assessment that says only what the vendor said.
//!
//! The reference has no column for a rating: an answer gets the vendor's statement and no
//! status ("stated, not rated"), except where the source itself says an item does not apply.
//! Its provenance names the document, and its notes say, field by field, how the importer read
//! the source:
//!
//! - **statement**: where the text came from. The PDF merged answer cells over several rows;
//!   one rule covers them all: a row whose answer cell is empty shares the nearest answer above
//!   it in the same section (its first row holds the merged cell's text), and a row whose text
//!   continues the cell above (mid-sentence, or the entries of a list the cell announced) shares
//!   that cell. Where the vendor's own text names a range (`No145～No148`), the shared items
//!   say so.
//! - **parties**: the vendor, who states how it handles each item, and Microsoft Azure where
//!   the ○ column ("物理層に係る Microsoft Azure の管理対象範囲有無") marks the item: Azure
//!   covers it too, on top of the vendor, not instead of it.
//! - **status**: why there is none, or why it is 対象外, and, where the vendor's own words
//!   say that part of a requirement is not done, those words.

use super::meti2012::{Mark, Row, Table};
use crate::assessment::{Answer, AnswerNote, Assessment, Subject};
use crate::catalog::Catalog;
use crate::json::sha256_hex;
use crate::party::{Party, PartyRole, Provenance, ProvenanceKind, SourceRef};
use crate::scale::default_choice;

/// The id, in the sample's party register, of the IaaS the ○ column names.
pub const IAAS_PARTY: &str = "azure";
const IAAS_NAME: &str = "Microsoft Azure";
const SAMPLE_ID: &str = "kirin-karte-meti-2012";
/// The reference's last revision, which the answers are dated with.
const ANSWERED_AT: &str = "2019-08-26T00:00:00+09:00";

/// The document the answers are read from.
pub(super) struct Source<'a> {
    /// The seed's file name.
    pub(super) file: &'a str,
    /// The reference's title as its title page gives it.
    pub(super) title: String,
    /// The whole text, for its digest.
    pub(super) text: &'a str,
}

/// Where the vendor's own words say that part of a requirement is not done: the item, those
/// words exactly as the source has them (checked against the statement; an entry whose words
/// are not there is left out), and what they say, in Japanese and English.
const ADMISSIONS: &[(&str, &str, &str, &str)] = &[
    (
        "7",
        "情報のレベルを分類せずに一律重要情報として管理",
        "情報のレベル分類は行わず、一律に重要情報として扱うとしている",
        "the vendor does not classify information by level and treats all of it as important",
    ),
    (
        "11",
        "情報のレベルを分類せずに一律重要情報として管理",
        "情報を分類していないとし、ラベル付けには触れていない",
        "the vendor says it does not classify information and does not mention labels",
    ),
    (
        "12",
        "ラベルではなく、情報取得の目的ごとに",
        "ラベルごとではなく、取得目的ごとに処理方式を定めているとしている",
        "handling is set per purpose of collection, not per label",
    ),
    (
        "72",
        "特にセキュリティソフト等の対策は行っておりませんが",
        "本番環境の仮想層には悪意のあるコード対策ソフトウェアを導入していないとしている",
        "no anti-malware software runs on the production virtual layer",
    ),
    (
        "159",
        "パスワード誤入力時の一定の時間経過を必要とする設定 (パスワード総当たり攻撃や辞書攻撃等の不正アクセス対策) は行っていないが",
        "パスワード誤入力後の不応時間は設定していないとしている",
        "no lockout delay after a wrong password is set",
    ),
    (
        "180",
        "事業継続計画は独自では策定していません",
        "物理層の障害・攻撃を想定した事業継続計画は独自には策定していないとしている",
        "no business continuity plan of its own covers the physical layer",
    ),
    (
        "181",
        "特定の時点で模擬試験を行い、事業継続のプランを見直すのではなく",
        "模擬試験によるレビューは行っていないとしている",
        "the plan is not reviewed by mock tests",
    ),
    (
        "182",
        "特定の時点で模擬試験を行い、事業継続のプランを見直すのではなく",
        "見直しは特定の時点ではなく日々の業務の中で行うとしている",
        "the plan is reviewed in daily work rather than at set times",
    ),
];

/// Slips in the vendor's statements, kept as written: (as written, what was meant, why).
const STATEMENT_SLIPS: &[(&str, &str, &str, &str)] = &[
    (
        "N100～",
        "No100～",
        "「N100」は「No100」の誤記とみられる (同じ文の「No169～」と同じ書き方)",
        "'N100' looks like a slip for 'No100'",
    ),
    (
        "セキュリテイツフト",
        "セキュリティソフト",
        "「セキュリテイツフト」は「セキュリティソフト」の誤記とみられる",
        "a slip for セキュリティソフト (security software)",
    ),
];

/// How a row's answer was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The row's own answer cell.
    Own,
    /// The row's answer text continues the cell of another row.
    Continues,
    /// The row's answer cell is empty: it shares the nearest answer above in its section.
    Shares,
}

/// Builds the sample assessment: one answer per item that has a statement of its own or shares
/// one, with the notes that say how it was read.
pub(super) fn build_assessment(
    table: &Table,
    catalog: &Catalog,
    subject: Subject,
    source: &Source,
) -> Assessment {
    let mut assessment = Assessment::new(SAMPLE_ID, catalog, ANSWERED_AT);
    assessment.subject = subject;
    assessment.parties = party_register();
    assessment.notes = vec![
        AnswerNote::new(
            "status",
            "原資料には適否の欄がないため、状態は付けていない (記述のみ)。対象外は原資料自身がそう述べる項目だけ",
            "The source has no rating column, so no status is given (stated, not rated); only items the source itself calls out of scope are 対象外",
        ),
        AnswerNote::new(
            "parties",
            "○ は列「物理層に係る Microsoft Azure の管理対象範囲有無」の印: Microsoft Azure も物理層でその項目を対象とする。事業者自身の記述 (仮想層の対応) に代わるものではないので、事業者と Microsoft Azure の両方を記録した",
            "The ○ marks the column 'whether Microsoft Azure's scope covers the physical layer': Azure covers the item too. It does not replace the vendor's own statement, so both are recorded",
        ),
    ];
    let provenance = Provenance {
        kind: ProvenanceKind::Imported,
        source: SourceRef {
            assessment: source.file.to_owned(),
            title: source.title.clone(),
            digest: sha256_hex(source.text.as_bytes()),
        },
        confirmed_at: None,
    };
    let ranges = named_ranges(&table.rows);
    for index in 0..table.rows.len() {
        let row = &table.rows[index];
        let Some(number) = row.number else {
            continue;
        };
        let Some((cell, reading)) = answer_cell(&table.rows, index) else {
            continue;
        };
        let statement = table.rows[cell].answer.clone();
        let mut notes = statement_notes(&table.rows, index, cell, reading, &ranges);
        let mark = row_mark(&table.rows, index, cell);
        notes.extend(parties_note(&table.rows, index, mark));
        let mark_text = mark.map_or("", |(_, at)| table.rows[at].mark_text.as_str());
        notes.extend(status_note(
            &number.to_string(),
            &statement,
            mark,
            mark_text,
        ));
        notes.extend(slip_notes(&statement));
        let status = not_applicable(mark).then(|| default_choice::NOT_APPLICABLE.to_owned());
        let mut parties = vec![PartyRole::Vendor.standard_id().to_owned()];
        if matches!(mark, Some((Mark::Covered, _))) {
            parties.push(IAAS_PARTY.to_owned());
        }
        assessment.answers.insert(
            number.to_string(),
            Answer {
                status,
                parties,
                statement,
                provenance: Some(provenance.clone()),
                notes,
                updated_at: Some(ANSWERED_AT.to_owned()),
                ..Answer::default()
            },
        );
    }
    assessment
}

/// The standard register, with the IaaS named: the ○ column is Microsoft Azure's.
fn party_register() -> Vec<Party> {
    Party::standard()
        .into_iter()
        .map(|party| match party.role {
            PartyRole::Iaas => Party {
                id: IAAS_PARTY.to_owned(),
                role: PartyRole::Iaas,
                name: IAAS_NAME.to_owned(),
            },
            _ => party,
        })
        .collect()
}

/// The row whose answer cell holds the answer of row `index`, and how it was found; none for
/// a row with no answer of its own and none above it in its section (the lead-in No 160).
fn answer_cell(rows: &[Row], index: usize) -> Option<(usize, Reading)> {
    let row = &rows[index];
    if let Some(cell) = row.continues {
        return Some((cell, Reading::Continues));
    }
    if !row.answer.is_empty() {
        return Some((index, Reading::Own));
    }
    rows[..index]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, above)| above.section == row.section)
        .find(|(_, above)| above.continues.is_none() && !above.answer.is_empty())
        .map(|(cell, _)| (cell, Reading::Shares))
}

/// The mark that applies to row `index`: its own, or else that of the merged cell it shares
/// (on the cell's first row or on a row that continued it), with the row it stands on.
fn row_mark(rows: &[Row], index: usize, cell: usize) -> Option<(Mark, usize)> {
    let own = rows[index].mark.map(|mark| (mark, index));
    own.or_else(|| {
        std::iter::once(cell)
            .chain(rows[cell].continued_on.iter().copied())
            .find_map(|row| rows[row].mark.map(|mark| (mark, row)))
    })
}

/// `No 41`, or the sub-group heading a merged cell started on.
fn row_name(row: &Row) -> (String, String) {
    match row.number {
        Some(number) => (format!("No {number}"), format!("No {number}")),
        None => {
            let heading: String = row.text.chars().take(12).collect();
            (
                format!("見出し「{heading}…」の行"),
                format!("the row of the heading 「{heading}…」"),
            )
        }
    }
}

/// Where the statement came from, when not simply from the row's own cell.
fn statement_notes(
    rows: &[Row],
    index: usize,
    cell: usize,
    reading: Reading,
    ranges: &[NamedRange],
) -> Vec<AnswerNote> {
    let (cell_ja, cell_en) = row_name(&rows[cell]);
    let section = rows[index].section.clone().unwrap_or_default();
    let mut notes = Vec::new();
    match reading {
        Reading::Own if !rows[cell].continued_on.is_empty() => {
            let (ja, en): (Vec<String>, Vec<String>) = rows[cell]
                .continued_on
                .iter()
                .map(|&row| row_name(&rows[row]))
                .unzip();
            notes.push(AnswerNote::new(
                "statement",
                format!(
                    "回答欄の続きは {} の行に抽出されていた (文の途中や箇条書きの続きから始まる)。結合された一つの回答欄として読んだ",
                    ja.join("・")
                ),
                format!(
                    "The rest of this answer cell was extracted on the row of {} (it starts mid-sentence or continues a list); read as one merged cell",
                    en.join(", ")
                ),
            ));
        }
        Reading::Own => {}
        Reading::Continues => notes.push(AnswerNote::new(
            "statement",
            format!(
                "この行の回答欄の記述は {cell_ja} の回答の続き (文の途中や箇条書きの続きから始まる)。結合された一つの回答欄として {cell_ja} と同じ記述を持つ"
            ),
            format!(
                "This row's answer text continues the answer of {cell_en} (it starts mid-sentence or continues a list); as one merged cell it carries the same statement"
            ),
        )),
        Reading::Shares => {
            notes.push(AnswerNote::new(
                "statement",
                format!(
                    "この行の回答欄は空。PDF では回答欄が節 {section} の複数の行にまたがって結合され、抽出で本文が最初の行だけに置かれたと読み、その行 ({cell_ja}) の回答をこの項目の回答とした"
                ),
                format!(
                    "This row's answer cell is empty. Read as a cell merged over several rows of section {section}, whose text extraction put on its first row only: the answer of {cell_en}"
                ),
            ));
            notes.extend(range_notes(rows, index, cell, ranges));
        }
    }
    notes
}

/// `No100～No105` in a vendor statement: a range of items the vendor treats together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NamedRange {
    first: u32,
    last: u32,
    /// The item whose statement names the range.
    named_by: u32,
}

/// Every range of item numbers that a statement of the vendor's own names.
fn named_ranges(rows: &[Row]) -> Vec<NamedRange> {
    rows.iter()
        .filter(|row| row.continues.is_none())
        .filter_map(|row| Some((row.number?, &row.answer)))
        .flat_map(|(named_by, answer)| {
            ranges_in(answer)
                .into_iter()
                .map(move |(first, last)| NamedRange {
                    first,
                    last,
                    named_by,
                })
        })
        .collect()
}

/// `No100～No105`, `N100～No105`, `No 169～No 171` → (100, 105), …
fn ranges_in(text: &str) -> Vec<(u32, u32)> {
    let mut ranges = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('N') {
        rest = &rest[start + 1..];
        let Some((first, after)) = number_after(rest.strip_prefix('o').unwrap_or(rest)) else {
            continue;
        };
        let Some(after) = after.strip_prefix(['～', '~']) else {
            continue;
        };
        let after = after.strip_prefix("No").unwrap_or(after);
        if let Some((last, _)) = number_after(after) {
            if first < last {
                ranges.push((first, last));
            }
        }
    }
    ranges
}

/// The number a text starts with (after spaces), and the text after it.
fn number_after(text: &str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    Some((text[..end].parse().ok()?, &text[end..]))
}

/// Where the vendor's own text names a range that holds both this item and the answer it
/// shares, the vendor treats them together too.
fn range_notes(rows: &[Row], index: usize, cell: usize, ranges: &[NamedRange]) -> Vec<AnswerNote> {
    let (Some(number), Some(cell_number)) = (rows[index].number, rows[cell].number) else {
        return Vec::new();
    };
    let mut seen: Vec<(u32, u32)> = Vec::new();
    let mut notes = Vec::new();
    for range in ranges {
        let holds = |n: u32| (range.first..=range.last).contains(&n);
        if !(holds(number) && holds(cell_number)) {
            continue;
        }
        if seen.contains(&(range.first, range.last)) {
            continue;
        }
        let by: Vec<String> = ranges
            .iter()
            .filter(|other| (other.first, other.last) == (range.first, range.last))
            .map(|other| format!("No {}", other.named_by))
            .collect();
        seen.push((range.first, range.last));
        notes.push(AnswerNote::new(
            "statement",
            format!(
                "事業者自身の記述も No{first}～No{last} をまとめて扱っている ({by} の回答)",
                first = range.first,
                last = range.last,
                by = by.join("・"),
            ),
            format!(
                "The vendor's own text treats No{first}–No{last} together (answer to {by})",
                first = range.first,
                last = range.last,
                by = by.join(", "),
            ),
        ));
    }
    notes
}

/// Who holds the item, and why: the ○ adds Microsoft Azure; a row without a mark column says
/// that the mark is unknown.
fn parties_note(rows: &[Row], index: usize, mark: Option<(Mark, usize)>) -> Option<AnswerNote> {
    match mark {
        Some((Mark::Covered, at)) if at != index => {
            let (ja, en) = row_name(&rows[at]);
            Some(AnswerNote::new(
                "parties",
                format!("○ は同じ結合セルの {ja} の行にある"),
                format!("The ○ stands on the row of {en}, in the same merged cell"),
            ))
        }
        None if rows[index].mark_column_missing => Some(AnswerNote::new(
            "parties",
            "この行は回答で終わり、印 (○) の列がない: 抽出で欠けたとみられる。○ の有無は原資料から読めないため事業者のみを記録した",
            "This row ends with the answer and has no column for the ○, which extraction seems to have lost; whether Azure covers the item cannot be read from the source, so only the vendor is recorded",
        )),
        _ => None,
    }
}

/// The mark `— (当社提供サービスに含まれない事項のため、…)`: the source itself says the item
/// is outside the service.
fn not_applicable(mark: Option<(Mark, usize)>) -> bool {
    matches!(mark, Some((Mark::OutOfScope, _)))
}

/// Why the answer has the status it has, where the item says more than the assessment's own
/// notes (the source rates nothing): 対象外 in the source's own words, or none with the
/// vendor's words where they say part of the requirement is not done.
fn status_note(
    item: &str,
    statement: &str,
    mark: Option<(Mark, usize)>,
    mark_text: &str,
) -> Option<AnswerNote> {
    if not_applicable(mark) {
        let words = sentence_with(statement, "該当しません")
            .map(|sentence| format!("事業者の記述「{sentence}」と、"))
            .unwrap_or_default();
        return Some(AnswerNote::new(
            "status",
            format!(
                "対象外: {words}Azure の列の「{mark_text}」から。原資料自身が対象外と述べているので状態として記録した"
            ),
            "Not applicable: the vendor's own words and the mark in the Azure column (not part of the service) say so, so the source's own reading is recorded",
        ));
    }
    let admitted = ADMISSIONS
        .iter()
        .find(|(id, words, _, _)| *id == item && statement.contains(words));
    admitted.map(|(_, words, ja, en)| {
        AnswerNote::new(
            "status",
            format!(
                "事業者自身の記述に「{words}」とある: {ja}。要求事項の一部を行っていないと読めるが、状態は付けていない (評価者が判断)"
            ),
            format!(
                "The vendor's own words: 「{words}」 — {en}. Part of the requirement reads as not done; no status is given (for the assessor to judge)"
            ),
        )
    })
}

/// The sentence of `text` that contains `words`.
fn sentence_with<'a>(text: &'a str, words: &str) -> Option<&'a str> {
    text.split_inclusive('。')
        .find(|sentence| sentence.contains(words))
        .map(str::trim)
}

fn slip_notes(statement: &str) -> Vec<AnswerNote> {
    STATEMENT_SLIPS
        .iter()
        .filter(|(written, ..)| statement.contains(written))
        .map(|(written, meant, why_ja, why_en)| {
            AnswerNote::new(
                "statement",
                format!("「{written}」→「{meant}」(原文のまま): {why_ja}"),
                format!("「{written}」 → 「{meant}」 (as in the source): {why_en}"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_the_vendor_names() {
        assert_eq!(
            ranges_in("N100～No105に記載の通り…No169～No171の項目"),
            [(100, 105), (169, 171)]
        );
        assert_eq!(ranges_in("※No100～No105 をご参照ください。"), [(100, 105)]);
        assert_eq!(ranges_in("No14 で記述する通り"), []);
        assert_eq!(ranges_in("No 9～N"), []);
    }

    /// Every admission's words stand in its item's statement and reach its status note: a
    /// changed seed or importer cannot drop one silently.
    #[test]
    fn every_admission_is_found_in_the_seed() {
        let seed = include_str!("../../tests/seeds/004_82653e598a87a77b.txt");
        let (_, sample) = crate::import::import_meti2012(seed).unwrap();
        for (item, words, _, _) in ADMISSIONS {
            let answer = &sample.answers[*item];
            assert!(answer.statement.contains(words), "item {item}");
            assert!(
                answer
                    .notes
                    .iter()
                    .any(|note| note.field == "status" && note.note.contains(words)),
                "item {item}"
            );
        }
        for (written, ..) in STATEMENT_SLIPS {
            assert!(sample
                .answers
                .values()
                .any(|a| a.statement.contains(written)));
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(
            sentence_with(
                "当社では採用しています。本項目は該当しません。",
                "該当しません"
            ),
            Some("本項目は該当しません。")
        );
    }
}
