//! Catalogs: the requirement sets an assessment walks through.
//!
//! A [`Catalog`] is a flat list of [`Group`]s (each may name a parent, which makes the
//! 大分類 → 中分類 or section tree) and a list of [`Item`]s in reading order. Item texts are
//! kept verbatim from their source; known errors in the source are not corrected but
//! described by an [`Annotation`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The value of the `format` field of every catalog file.
pub const CATALOG_FORMAT: &str = "tekigo-catalog";
/// The catalog schema version this build writes.
pub const CATALOG_SCHEMA_VERSION: u32 = 1;

/// A guideline that a catalog implements or that an item refers to.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum GuidelineId {
    /// 厚生労働省「医療情報システムの安全管理に関するガイドライン」.
    Mhlw,
    /// 総務省 guideline for cloud/ASP·SaaS providers handling medical information.
    Mic,
    /// 経済産業省 guideline for information processors, 2008 numbering (chapter 7).
    Meti2008,
    /// 経済産業省 guideline for information processors, October 2012 edition (chapter 2).
    Meti2012,
}

impl GuidelineId {
    pub const ALL: [GuidelineId; 4] = [Self::Mhlw, Self::Mic, Self::Meti2008, Self::Meti2012];
}

/// How strongly the source asks for an item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Importance {
    /// C 最低限のガイドライン: must be met.
    Minimum,
    /// D 推奨されるガイドライン / 推: recommended.
    Recommended,
}

/// A catalog of requirements.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// Always [`CATALOG_FORMAT`]; tells a catalog from any other JSON file.
    pub format: String,
    pub schema_version: u32,
    /// Stable identifier, e.g. `cloud-checklist-253`.
    pub id: String,
    pub title: String,
    /// Edition or version of the source, as the source names it.
    pub version: String,
    pub issuer: String,
    /// Date of the source edition (ISO 8601, as precise as known).
    pub date: String,
    /// The guideline whose requirements these items are, if the catalog is one guideline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implements: Option<GuidelineId>,
    /// The guidelines the items refer to.
    #[serde(default)]
    pub guidelines: Vec<GuidelineId>,
    /// Where the catalog was generated from (file name of the seed).
    #[serde(default)]
    pub source: String,
    pub groups: Vec<Group>,
    pub items: Vec<Item>,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A group of items (大分類, 中分類, or a numbered section).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Lead text of a section heading, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A cross-reference from an item to a clause of a guideline.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub guideline: GuidelineId,
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
    /// Which field holds the excerpt: `text`, `evidenceExamples` or `references`.
    pub field: String,
    /// The text as the source has it.
    pub excerpt: String,
    /// What was most likely meant.
    pub intended: String,
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

    /// The guideline the catalog implements, then those its items cite, each once.
    pub fn all_guidelines(&self) -> Vec<GuidelineId> {
        let mut guidelines: Vec<GuidelineId> = self.implements.into_iter().collect();
        for guideline in &self.guidelines {
            if !guidelines.contains(guideline) {
                guidelines.push(*guideline);
            }
        }
        guidelines
    }

    /// Whether an item sits in the group or in one of its descendants.
    pub fn item_in_group(&self, item: &Item, group_id: &str) -> bool {
        self.group_path(&item.group)
            .iter()
            .any(|group| group.id == group_id)
    }
}
