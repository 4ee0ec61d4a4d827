//! Assessments: what a vendor or a hospital recorded against one catalog.
//!
//! An [`Assessment`] names its catalog by id and content hash, describes its subject, keeps a
//! register of the documents its evidence points to (as in a vendor's security reference), and
//! holds one [`Answer`] per item that has been touched. Items without an answer are unanswered.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::Catalog;

/// The value of the `format` field of every assessment file.
pub const ASSESSMENT_FORMAT: &str = "tekigo-assessment";
/// The assessment schema version this build writes. Older versions are upgraded on load.
pub const ASSESSMENT_SCHEMA_VERSION: u32 = 2;

/// 適合性: how far an item is met.
#[derive(
    Serialize,
    Deserialize,
    JsonSchema,
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 適合
    Compliant,
    /// 適合可能: can be met with the customer's configuration or an option.
    Capable,
    /// 一部適合
    Partial,
    /// 未対応
    NotMet,
    /// 対象外: excluded from every rate.
    NotApplicable,
    /// 未回答
    #[default]
    Unanswered,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Self::Compliant,
        Self::Capable,
        Self::Partial,
        Self::NotMet,
        Self::NotApplicable,
        Self::Unanswered,
    ];
}

/// Who carries out an item (shared responsibility).
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum Responsibility {
    /// 事業者: the service provider.
    Vendor,
    /// IaaS・再委託先: the infrastructure provider or a subcontractor.
    Subcontractor,
    /// 医療機関等: the hospital (or its SI).
    Hospital,
    /// 共同: shared.
    Shared,
}

impl Responsibility {
    pub const ALL: [Responsibility; 4] = [
        Self::Vendor,
        Self::Subcontractor,
        Self::Hospital,
        Self::Shared,
    ];
}

/// 開示レベル of a document.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum DisclosureLevel {
    /// 公開文書
    #[default]
    Public,
    /// 要NDA
    Nda,
}

/// What is assessed and by whom.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Subject {
    /// 評価対象プロダクト名
    pub product: String,
    /// 評価申請元
    pub applicant: String,
    /// 評価者
    pub evaluator: String,
    /// 整理番号
    pub reference_number: String,
    /// 評価日 (ISO 8601 date)
    pub date: String,
}

/// A document in the assessment's register (seed 000's reference list).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Short id the evidence refers to, e.g. `01`.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub disclosure: DisclosureLevel,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One piece of evidence: a document of the register and where in it.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceRef {
    /// Id of a document in the register (empty when only a location is known).
    #[serde(default)]
    pub document: String,
    /// Page, section or chapter.
    #[serde(default)]
    pub location: String,
}

/// The evaluator's columns of the checklist (評価員が記入する欄).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct EvaluatorFields {
    /// 確認したエビデンス (文書名、ページ番号等)
    #[serde(skip_serializing_if = "String::is_empty")]
    pub confirmed_evidence: String,
    /// 判定結果
    #[serde(skip_serializing_if = "String::is_empty")]
    pub verdict: String,
    /// 改善策
    #[serde(skip_serializing_if = "String::is_empty")]
    pub improvement: String,
}

impl EvaluatorFields {
    fn is_empty(&self) -> bool {
        self.confirmed_evidence.is_empty() && self.verdict.is_empty() && self.improvement.is_empty()
    }
}

/// What was recorded for one item.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
    /// 対応策・見解: the vendor's statement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statement: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceRef>,
    /// 開示レベル of what backs this answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<DisclosureLevel>,
    /// 第三者認証から類推: what was inferred from a third-party certification.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certification_inference: String,
    /// What was confirmed by interview (ヒアリング).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub interview: String,
    /// SI事業者・利用者で必要な対応.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hospital_actions: String,
    #[serde(default, skip_serializing_if = "EvaluatorFields::is_empty")]
    pub evaluator: EvaluatorFields,
    /// Last change, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Which catalog an assessment answers.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CatalogRef {
    pub id: String,
    /// [`crate::catalog_hash`] of the catalog the answers were given against.
    #[serde(default)]
    pub hash: String,
}

/// An assessment of one subject against one catalog.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Always [`ASSESSMENT_FORMAT`].
    pub format: String,
    pub schema_version: u32,
    /// Stable identifier, unique among a user's assessments.
    pub id: String,
    pub catalog: CatalogRef,
    #[serde(default)]
    pub subject: Subject,
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Answers keyed by item id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Assessment {
    /// A new, empty assessment of `catalog`.
    pub fn new(id: impl Into<String>, catalog: &Catalog, now: &str) -> Self {
        Assessment {
            format: ASSESSMENT_FORMAT.to_owned(),
            schema_version: ASSESSMENT_SCHEMA_VERSION,
            id: id.into(),
            catalog: CatalogRef {
                id: catalog.id.clone(),
                hash: crate::catalog_hash(catalog),
            },
            subject: Subject::default(),
            documents: Vec::new(),
            answers: BTreeMap::new(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            extra: Map::new(),
        }
    }

    /// The status recorded for an item (unanswered when nothing is recorded).
    pub fn status_of(&self, item_id: &str) -> Status {
        self.answers
            .get(item_id)
            .map(|answer| answer.status)
            .unwrap_or_default()
    }

    /// Replaces the answer of an item and stamps the change time on it and on the assessment.
    pub fn set_answer(&mut self, item_id: &str, mut answer: Answer, now: &str) {
        answer.updated_at = Some(now.to_owned());
        self.answers.insert(item_id.to_owned(), answer);
        self.updated_at = now.to_owned();
    }

    /// Changes one item's answer in place (creating it if needed) and stamps the change time.
    pub fn update_answer(&mut self, item_id: &str, now: &str, change: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(item_id.to_owned()).or_default();
        change(answer);
        answer.updated_at = Some(now.to_owned());
        self.updated_at = now.to_owned();
    }

    /// The register document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|document| document.id == id)
    }

    /// A file name for an export: the product and the assessment date (or `today`, the
    /// caller's local date, when none is set), safe on every file system.
    pub fn file_stem(&self, today: &str) -> String {
        let name = if self.subject.product.trim().is_empty() {
            "assessment"
        } else {
            self.subject.product.trim()
        };
        let date = if self.subject.date.trim().is_empty() {
            today
        } else {
            self.subject.date.trim()
        };
        let raw = format!("tekigo_{name}_{date}");
        raw.chars()
            .map(|c| {
                if c.is_control() || "\\/:*?\"<>|".contains(c) || c.is_whitespace() {
                    '_'
                } else {
                    c
                }
            })
            .collect::<String>()
            .trim_end_matches('_')
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn file_stem_uses_product_and_date_and_is_safe() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let mut assessment = Assessment::new("a", catalog, "2026-01-01T00:00:00Z");
        assert_eq!(
            assessment.file_stem("2026-11-24"),
            "tekigo_assessment_2026-11-24"
        );
        assessment.subject.product = "きりん/カルテ: v2".into();
        assessment.subject.date = "2026-03-01".into();
        assert_eq!(
            assessment.file_stem("2026-11-24"),
            "tekigo_きりん_カルテ__v2_2026-03-01"
        );
    }
}
