//! Importer for seed 003: the 253-item evaluation checklist for cloud providers (TSV).
//!
//! Rows have 12, 11 or 8 fields depending on the page they came from, and the page-break
//! header rows repeat. A data row is one whose first field is the item number; columns 2–5
//! are always 大分類, 中分類, 対策項目 and 確認対象物例; every later non-empty field is a
//! cross-reference, classified by its form in [`super::references`].

use std::collections::{HashMap, HashSet};

use serde_json::Map;

use super::{declared, numbered_lines, references, typos, ImportError};
use crate::catalog::{Annotation, Catalog, Group, Item, CATALOG_FORMAT, CATALOG_SCHEMA_VERSION};
use crate::i18n::Bilingual;
use crate::known_guidelines::{METI_2008, MIC};

/// The id of the checklist catalog.
pub const CHECKLIST_CATALOG_ID: &str = "cloud-checklist-253";
const ITEM_COUNT: u32 = 253;

/// Builds the checklist catalog from the TSV text.
pub fn import_checklist(text: &str) -> Result<Catalog, ImportError> {
    let mut groups = GroupTree::default();
    let mut items: Vec<Item> = Vec::new();
    let mut numbers: HashSet<u32> = HashSet::new();
    for (line_number, line) in numbered_lines(text) {
        let fields: Vec<&str> = line.split('\t').collect();
        let Ok(number) = fields[0].trim().parse::<u32>() else {
            continue; // blank lines and the repeated page headers
        };
        if fields.len() < 5 {
            return Err(ImportError::Malformed {
                line: line_number,
                detail: format!(
                    "item {number} has {} fields, at least 5 expected",
                    fields.len()
                ),
            });
        }
        if !numbers.insert(number) {
            return Err(ImportError::Duplicate {
                line: line_number,
                number,
            });
        }
        let (major, minor) = (fields[1].trim(), fields[2].trim());
        let group = groups.group_for(major, minor);
        let text = fields[3].to_owned();
        let evidence = fields[4].to_owned();
        let references: Vec<_> = fields[5..]
            .iter()
            .flat_map(|cell| references::parse_cell(cell))
            .collect();
        let mut annotations = groups
            .spelling_note(&group, minor)
            .into_iter()
            .collect::<Vec<_>>();
        annotations.extend(typos::annotate("text", &text));
        annotations.extend(typos::annotate("evidenceExamples", &evidence));
        for reference in &references {
            annotations.extend(typos::annotate("references", &reference.raw));
        }
        items.push(Item {
            id: number.to_string(),
            group,
            label: None,
            text,
            evidence_examples: (!evidence.is_empty()).then_some(evidence),
            references,
            importance: None,
            annotations,
            extra: Map::new(),
        });
    }
    if let Some(number) = (1..=ITEM_COUNT).find(|number| !numbers.contains(number)) {
        return Err(ImportError::Missing { number });
    }
    items.sort_by_key(|item| item.id.parse::<u32>().unwrap_or(u32::MAX));
    Ok(Catalog {
        format: CATALOG_FORMAT.to_owned(),
        schema_version: CATALOG_SCHEMA_VERSION,
        id: CHECKLIST_CATALOG_ID.to_owned(),
        title: "クラウドサービス事業者 評価チェックリスト（医療情報の取扱い）".to_owned(),
        version: "版の記載なし".to_owned(),
        issuer: "評価チェックシート (作成者の記載なし)".to_owned(),
        date: String::new(),
        about: Some(Bilingual::new(
            "医療機関がクラウドサービス事業者を評価するための 253 項目のチェックリスト。総務省ガイドラインと経済産業省ガイドライン (2008年の章番号) の対応箇所が項目ごとに付いています。",
            "A 253-item checklist for hospitals evaluating a cloud provider; each item cites the MIC guideline and the METI guideline (2008 numbering).",
        )),
        superseded: Some(Bilingual::new(
            "経済産業省・総務省のガイドラインは「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」に統合され、2025年に第2.0版が出ています。新しい評価には、その版をカタログとして読み込んで使ってください。",
            "The METI and MIC guidelines have been merged into the Safety Management Guideline for Providers of Information Systems and Services Handling Medical Information, whose version 2.0 appeared in 2025. For a new assessment, load that edition as a catalog.",
        )),
        implements: None,
        guidelines: declared(&[MIC, METI_2008]),
        answer_scale: None,
        answer_fields: Vec::new(),
        source: "003_8f87f65dda490ce1.txt".to_owned(),
        groups: groups.groups,
        items,
        extra: Map::new(),
    })
}

/// The 大分類 and 中分類 groups in order of first sight, with the lookups that spare a search
/// through every group for each row. A title is looked up by its [`spelling_key`], so one
/// 中分類 written two ways (`記録 (ログ)`, `記録（ログ）`) is one group: it keeps the title it
/// was first seen with, and the rows that spell it otherwise say so (see
/// [`GroupTree::spelling_note`]).
#[derive(Default)]
struct GroupTree {
    groups: Vec<Group>,
    /// (parent id, spelling key of the title) → id.
    ids: HashMap<(Option<String>, String), String>,
    /// Parent id → how many groups it holds.
    children: HashMap<Option<String>, usize>,
    /// Group id → its place in `groups`.
    positions: HashMap<String, usize>,
}

impl GroupTree {
    /// The id of the 中分類 group under its 大分類, creating both on first sight.
    fn group_for(&mut self, major: &str, minor: &str) -> String {
        let major_id = self.find_or_add(None, major);
        self.find_or_add(Some(major_id), minor)
    }

    /// A new group is numbered after its siblings: `3`, or `3.2` under `3`.
    fn find_or_add(&mut self, parent: Option<String>, title: &str) -> String {
        let key = (parent, spelling_key(title));
        if let Some(id) = self.ids.get(&key) {
            return id.clone();
        }
        let (parent, spelling) = key;
        let siblings = self.children.entry(parent.clone()).or_insert(0);
        *siblings += 1;
        let id = match &parent {
            Some(parent) => format!("{parent}.{siblings}"),
            None => siblings.to_string(),
        };
        self.ids.insert((parent.clone(), spelling), id.clone());
        self.positions.insert(id.clone(), self.groups.len());
        self.groups.push(Group {
            id: id.clone(),
            title: title.to_owned(),
            parent,
            description: None,
            extra: Map::new(),
        });
        id
    }

    /// Where a row writes its group's title otherwise than the group keeps it, an annotation
    /// with the row's spelling, so that both stay on record.
    fn spelling_note(&self, group: &str, written: &str) -> Option<Annotation> {
        let kept = &self.groups[*self.positions.get(group)?].title;
        (kept != written).then(|| Annotation {
            field: "group".to_owned(),
            excerpt: written.to_owned(),
            intended: kept.clone(),
            note: format!(
                "同じ中分類がこの行では「{written}」と書かれている (全角・半角や空白の違い)。一つの中分類「{kept}」にまとめた / This row writes the same 中分類 as 「{written}」 (full- or half-width characters, spaces); kept as one group, 「{kept}」"
            ),
        })
    }
}

/// A title as compared: full-width ASCII forms read as ASCII and spaces left out, so that
/// `記録 (ログ)` and `記録（ログ）` are one title.
fn spelling_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}
