//! Catalogs: the requirement sets an assessment walks through.
//!
//! A [`Catalog`] is a flat list of [`Group`]s (each may name a parent, which makes the
//! 大分類 → 中分類 or section tree) and a list of [`Item`]s in reading order. Item texts are
//! kept verbatim from their source; known errors in the source are not corrected but
//! described by an [`Annotation`].

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::i18n::Bilingual;
use crate::scale::AnswerScale;

/// The value of the `format` field of every catalog file.
pub const CATALOG_FORMAT: &str = "tekigo-catalog";
/// The catalog schema version this build writes. Schema 1 named guidelines by a fixed list of
/// ids and had no answer scale or fields of its own; it is upgraded on load.
pub const CATALOG_SCHEMA_VERSION: u32 = 2;

/// How strongly the source asks for an item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Importance {
    /// C 最低限のガイドライン: must be met.
    Minimum,
    /// D 推奨されるガイドライン / 推: recommended.
    Recommended,
}

/// A guideline a catalog implements or its items cite, declared by the catalog.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Guideline {
    /// What references name it by, e.g. `meti-2012`.
    pub id: String,
    /// The full title, as its issuer writes it.
    pub title: String,
    /// A short name for chips and filters, e.g. 経産省GL (2012).
    pub short: Bilingual,
    /// Who issued it, e.g. 経済産業省.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    /// Edition and date as the issuer names them, e.g. 第4.2版 (2013年10月).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A catalog of requirements.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// Always [`CATALOG_FORMAT`]; tells a catalog from any other JSON file.
    pub format: String,
    /// The file's format version; loading upgrades an older one to [`CATALOG_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable identifier, e.g. `cloud-checklist-253`.
    pub id: String,
    /// The source's title, verbatim.
    pub title: String,
    /// Edition or version of the source, as the source names it.
    pub version: String,
    /// Who issued the source, e.g. 経済産業省, or a note that the source names nobody.
    pub issuer: String,
    /// Date of the source edition (ISO 8601, as precise as known).
    pub date: String,
    /// One line on what the catalog is for and when to use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Bilingual>,
    /// Where a newer edition of the source supersedes this one, a plain note saying so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Bilingual>,
    /// The id of the guideline whose requirements these items are, if the catalog is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implements: Option<String>,
    /// Every guideline the catalog implements or its items cite.
    #[serde(default)]
    pub guidelines: Vec<Guideline>,
    /// The statuses an item can be given; the six of the vendor references when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_scale: Option<AnswerScale>,
    /// Answer columns of the catalog's own (dates, choices, texts) beside the standard ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_fields: Vec<FieldDef>,
    /// Where the catalog was generated from (file name of the source document).
    #[serde(default)]
    pub source: String,
    /// Every group, flat; each group's `parent` makes the tree.
    pub groups: Vec<Group>,
    /// The requirements, in the source's reading order.
    pub items: Vec<Item>,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An answer column a catalog declares, e.g. 1回目確認日 or 目標日.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FieldDef {
    /// The key under an answer's `fields`; never one of the standard field ids.
    pub id: String,
    /// The column's heading, e.g. 1回目の確認日.
    pub label: Bilingual,
    /// Whether the field holds text, a date or one of its options.
    pub kind: FieldKind,
    /// The values a `choice` field offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// Whether the field is published with the vendor's public answers.
    #[serde(default = "published_by_default")]
    pub public: bool,
    /// What to write in the field, shown under it in the answer form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
}

fn published_by_default() -> bool {
    true
}

/// What a catalog-declared field holds.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// Free text.
    Text,
    /// A calendar date, stored as ISO 8601 `YYYY-MM-DD`.
    Date,
    /// One of the field's options, stored by id.
    Choice,
}

/// One option of a `choice` field.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FieldOption {
    /// What an answer stores for this option.
    pub id: String,
    /// What the user sees for this option.
    pub label: Bilingual,
}

/// A group of items (大分類, 中分類, or a numbered section).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The source's number for the group, e.g. `2.2.1`; items and child groups refer to it.
    pub id: String,
    /// The heading as the source writes it, e.g. 資産台帳.
    pub title: String,
    /// The enclosing group; none for a top-level group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Lead text of a section heading, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One requirement.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Reference id, unique in the catalog (the source's own number where it has one).
    pub id: String,
    /// The group the item sits in (the innermost one).
    pub group: String,
    /// The source's sub-numbering, e.g. `(3)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The requirement text, verbatim.
    pub text: String,
    /// 確認対象物例・エビデンス例, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_examples: Option<String>,
    /// The clauses of guidelines that the source cites for the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Minimum or recommended where the source grades its items; none where it does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    /// Known errors in the item's source text and what was meant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A cross-reference from an item to a clause of a guideline.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// The id of a guideline the catalog declares.
    pub guideline: String,
    /// Section number, e.g. `7.6.14` or `3.2.3(2)`.
    pub section: String,
    /// Section title where the reference names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Clauses inside the section, e.g. `(5)`, `推(1)`, `(ア) 1.利用者の識別①`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    /// The reference exactly as the source wrote it.
    pub raw: String,
}

/// A note on a known error in the source text, which itself stays as it was.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    /// Which field holds the excerpt: `id`, `text`, `evidenceExamples` or `references`.
    pub field: String,
    /// The text as the source has it.
    pub excerpt: String,
    /// What was most likely meant.
    pub intended: String,
    /// Why the excerpt is thought wrong, in Japanese and English.
    pub note: String,
}

impl Catalog {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.id == id)
    }

    /// The indexes of the groups in tree order: each followed by the groups under it, whatever
    /// their order in the file (a catalog may list a sub-group after groups of other parents).
    pub fn groups_in_tree_order(&self) -> Vec<usize> {
        let position: std::collections::HashMap<&str, usize> = self
            .groups
            .iter()
            .enumerate()
            .map(|(index, group)| (group.id.as_str(), index))
            .collect();
        tree_order(self.groups.len(), |index| {
            self.groups[index]
                .parent
                .as_deref()
                .and_then(|parent| position.get(parent).copied())
        })
    }

    /// The ids of a group and all its ancestors, outermost first.
    pub fn group_path(&self, id: &str) -> Vec<&Group> {
        let mut path = Vec::new();
        let mut next = self.group(id);
        while let Some(group) = next {
            if path.iter().any(|seen: &&Group| seen.id == group.id) {
                break; // a cycle in a foreign file must not hang us
            }
            path.push(group);
            next = group
                .parent
                .as_deref()
                .and_then(|parent| self.group(parent));
        }
        path.reverse();
        path
    }

    /// The top-level groups, in catalog order.
    pub fn root_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|group| group.parent.is_none())
    }

    /// The declared guideline with this id.
    pub fn guideline(&self, id: &str) -> Option<&Guideline> {
        self.guidelines.iter().find(|guideline| guideline.id == id)
    }

    /// The guideline the catalog implements, then the others it declares, each once.
    pub fn all_guidelines(&self) -> Vec<&Guideline> {
        let implemented = self.implements.as_deref().and_then(|id| self.guideline(id));
        implemented
            .into_iter()
            .chain(
                self.guidelines
                    .iter()
                    .filter(|guideline| Some(guideline.id.as_str()) != self.implements.as_deref()),
            )
            .collect()
    }

    /// The catalog's answer scale: its own, or the default six statuses.
    pub fn scale(&self) -> &AnswerScale {
        static DEFAULT: OnceLock<AnswerScale> = OnceLock::new();
        self.answer_scale
            .as_ref()
            .unwrap_or_else(|| DEFAULT.get_or_init(AnswerScale::default_scale))
    }

    /// The catalog-declared answer field with this id.
    pub fn answer_field(&self, id: &str) -> Option<&FieldDef> {
        self.answer_fields.iter().find(|field| field.id == id)
    }

    /// Whether an item sits in the group or in one of its descendants.
    pub fn item_in_group(&self, item: &Item, group_id: &str) -> bool {
        self.group_path(&item.group)
            .iter()
            .any(|group| group.id == group_id)
    }
}

/// The indexes of `count` groups in tree order: each root in file order, followed by the
/// groups under it, depth first, each parent's children in file order. A group in a cycle of
/// parents (a foreign catalog's mistake) comes after the rest, in file order, never lost.
fn tree_order(count: usize, parent_of: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    let mut children = vec![Vec::new(); count];
    let mut roots = Vec::new();
    for index in 0..count {
        match parent_of(index) {
            Some(parent) if parent != index => children[parent].push(index),
            _ => roots.push(index),
        }
    }
    let mut order = Vec::with_capacity(count);
    let mut placed = vec![false; count];
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(index) = stack.pop() {
        if std::mem::replace(&mut placed[index], true) {
            continue;
        }
        order.push(index);
        stack.extend(children[index].iter().rev());
    }
    order.extend((0..count).filter(|index| !placed[*index]));
    order
}

#[cfg(test)]
mod tests {
    use super::tree_order;

    #[test]
    fn a_group_listed_late_comes_under_its_parent_and_a_cycle_loses_nothing() {
        // 0 ← 1, 2, 3 ← 0 (listed after 2), 4 ↔ 5 (a cycle)
        let parents = [None, Some(0), None, Some(0), Some(5), Some(4)];
        assert_eq!(tree_order(6, |i| parents[i]), [0, 1, 3, 2, 4, 5]);
    }
}
