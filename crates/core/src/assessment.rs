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
use crate::i18n::{in_lang, Lang};
use crate::inheritance::Layer;
use crate::party::{Party, PartyRole, Provenance, SourceRef};
use crate::publish::Publication;
use crate::risk::RiskRating;

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// The value of the `format` field of every assessment file.
pub const ASSESSMENT_FORMAT: &str = "tekigo-assessment";
/// The assessment schema version this build writes. Older versions are upgraded on load:
/// schema 1 kept evidence as one text, schema 2 had one fixed responsibility per answer and
/// wrote `unanswered` as a status.
pub const ASSESSMENT_SCHEMA_VERSION: u32 = 3;

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

impl Subject {
    /// What the assessment is called on screen: the product assessed, else who it is for (a
    /// hospital's own check may name only the hospital); empty when neither is given.
    pub fn title(&self) -> &str {
        if self.product.trim().is_empty() {
            self.applicant.trim()
        } else {
            self.product.trim()
        }
    }
}

/// A document in the assessment's register (seed 000's reference list).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Short id the evidence refers to, e.g. `01`.
    pub id: String,
    /// The document's name, as the vendor's reference list (参照文書リスト) gives it.
    pub title: String,
    /// Where the public version can be read; empty for a document given only under NDA.
    #[serde(default)]
    pub url: String,
    /// Whether anyone may read the document or only those who signed an NDA with the vendor.
    #[serde(default)]
    pub disclosure: DisclosureLevel,
    /// Fields written by other tools or newer versions, kept on a round trip.
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
    /// From when the evidence holds (ISO 8601 date), e.g. the start of an audit period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// Until when it holds, e.g. a certificate's expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

impl EvidenceRef {
    /// Neither a document nor a location: a row the user added and left blank.
    pub fn is_blank(&self) -> bool {
        self.document.trim().is_empty() && self.location.trim().is_empty()
    }
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
    /// The id of a choice of the catalog's answer scale; none while unanswered (the vendor
    /// may have made a statement without rating it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Ids of the parties (of the assessment's register) that hold the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// 対応策・見解: the vendor's statement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statement: String,
    /// Where the statement is backed: documents of the register and the places in them.
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
    /// 医療機関・SI事業者で必要な対応: what the hospital or its SI must do.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hospital_actions: String,
    /// A note for the assessment's own team, never published.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub internal_note: String,
    /// Likelihood × impact of an item not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskRating>,
    /// By when an item not met is to be met (ISO 8601 date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due_date: String,
    /// What the evaluator who checks the vendor's answer recorded.
    #[serde(default, skip_serializing_if = "EvaluatorFields::is_empty")]
    pub evaluator: EvaluatorFields,
    /// Values of the catalog's own answer fields, by field id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// Where the answer came from; absent when it was entered here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The applicability question whose "no" excluded the item, while it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<String>,
    /// How an importer read the source for this answer, field by field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<AnswerNote>,
    /// Last change, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields written by other tools or newer versions, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The field of an assessment's own note on a column of a sheet that was read and matched no
/// field: the sheet's own business, never published.
pub const SHEET_COLUMN_NOTE: &str = "sheetColumn";

/// What an importer inferred for one field of an answer (or, among an assessment's own
/// notes, for the whole file), and why.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AnswerNote {
    /// The answer field the note is about, e.g. `statement` or `parties`.
    pub field: String,
    /// What was inferred and from which words of the source, for a person to check: in
    /// Japanese, or in the one language a note was written in.
    pub note: String,
    /// The same in English; empty when the note has no English (the note is shown then).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl AnswerNote {
    /// A note in Japanese and English.
    pub fn new(field: &str, ja: impl Into<String>, en: impl Into<String>) -> Self {
        AnswerNote {
            field: field.to_owned(),
            note: ja.into(),
            en: en.into(),
        }
    }

    /// The note in `lang`, or as written where it has no English.
    pub fn text(&self, lang: Lang) -> &str {
        in_lang(lang, &self.note, &self.en)
    }
}

impl Answer {
    /// Whether nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        let blank = Answer {
            updated_at: self.updated_at.clone(),
            ..Answer::default()
        };
        *self == blank
    }

    /// Whether the answer came from elsewhere and nobody here has confirmed it yet.
    pub fn awaits_confirmation(&self) -> bool {
        self.provenance
            .as_ref()
            .is_some_and(|provenance| provenance.confirmed_at.is_none())
    }
}

/// Which catalog an assessment answers.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CatalogRef {
    /// The catalog's id, e.g. `meti-2012`: an embedded catalog or one opened from a file.
    pub id: String,
    /// [`crate::catalog_hash`] of the catalog the answers were given against.
    #[serde(default)]
    pub hash: String,
}

/// The key, among an assessment's [`Assessment::extra`] fields, of a signature made over its
/// content (`tekigo-formats` makes and checks it). Any edit drops it: it no longer holds.
pub const SIGNATURE_KEY: &str = "signature";

/// An assessment of one subject against one catalog.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Always [`ASSESSMENT_FORMAT`].
    pub format: String,
    /// The file's format version; loading upgrades an older one to
    /// [`ASSESSMENT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable identifier, unique among a user's assessments.
    pub id: String,
    /// The catalog whose items are answered, by id and content hash.
    pub catalog: CatalogRef,
    /// What is assessed, who asked for it, who carried it out, and when.
    #[serde(default)]
    pub subject: Subject,
    /// Who can hold an item; answers refer to these ids.
    #[serde(default = "Party::standard")]
    pub parties: Vec<Party>,
    /// The register of documents that evidence points to (seed 000's 参照文書リスト).
    #[serde(default)]
    pub documents: Vec<Document>,
    /// The highest number given to a new document so far, so a deleted id is never reused.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub documents_numbered: u32,
    /// The assessment this one was started from (a vendor's published answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<SourceRef>,
    /// Other parties' answers this assessment stands on (an IaaS's, a vendor's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<Layer>,
    /// Answers to the catalog's applicability questions: does the service do this?
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profile: BTreeMap<String, bool>,
    /// Notes that hold for every answer (how a source was read as a whole).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<AnswerNote>,
    /// Set on a vendor's published version: when and by whom it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// Answers keyed by item id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// When the assessment was started, RFC 3339, as the caller's clock gave it.
    #[serde(default)]
    pub created_at: String,
    /// When anything in it last changed, RFC 3339; answers carry their own time too.
    #[serde(default)]
    pub updated_at: String,
    /// Fields written by other tools or newer versions, kept on a round trip.
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
            parties: Party::standard(),
            documents: Vec::new(),
            documents_numbered: 0,
            origin: None,
            layers: Vec::new(),
            profile: BTreeMap::new(),
            notes: Vec::new(),
            publication: None,
            answers: BTreeMap::new(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            extra: Map::new(),
        }
    }

    /// The status recorded for an item: a choice id of the catalog's scale, or none.
    pub fn status_of(&self, item_id: &str) -> Option<&str> {
        self.answers
            .get(item_id)
            .and_then(|answer| answer.status.as_deref())
    }

    /// The register party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id == id)
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

    /// Ids of the items whose evidence cites the document, in item-id order.
    pub fn items_citing(&self, document: &str) -> Vec<&str> {
        self.answers
            .iter()
            .filter(|(_, answer)| answer.evidence.iter().any(|e| e.document == document))
            .map(|(item, _)| item.as_str())
            .collect()
    }

    /// The id for a new document: the next number (`01`, `02`, …) after every number given
    /// or in use, so an id that was deleted is not given again to another document.
    pub fn next_document_id(&mut self) -> String {
        let highest_in_use = self
            .documents
            .iter()
            .filter_map(|document| document.id.trim().parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        let mut next = self.documents_numbered.max(highest_in_use) + 1;
        while self.document(&format!("{next:02}")).is_some() {
            next += 1;
        }
        self.documents_numbered = next;
        format!("{next:02}")
    }

    /// An unused party id for a new party of `role`: the role's own id, then `-2`, `-3`, ….
    pub fn next_party_id(&self, role: PartyRole) -> String {
        let base = role.standard_id();
        std::iter::once(base.to_owned())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| self.party(id).is_none())
            .expect("an unbounded sequence has a free id")
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
    fn an_assessment_is_titled_by_its_product_else_by_whom_it_is_for() {
        let mut subject = Subject {
            applicant: "みなと病院".into(),
            ..Subject::default()
        };
        assert_eq!(subject.title(), "みなと病院");
        subject.product = " 電子カルテ ".into();
        assert_eq!(subject.title(), "電子カルテ");
        assert_eq!(Subject::default().title(), "");
    }

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
