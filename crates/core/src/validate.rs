//! Checking an assessment against its catalog: every problem with where it is.

use crate::assessment::{Assessment, Document};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::json::catalog_hash;

/// One problem found in an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The item the problem is about, if any.
    pub item: Option<String>,
    /// The field, as a JSON path inside the assessment.
    pub field: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The assessment is for another catalog.
    OtherCatalog { expected: String, found: String },
    /// The catalog's content changed since the answers were given.
    CatalogChanged,
    /// An answer for an item the catalog does not have.
    UnknownItem,
    /// Evidence names a document that is not in the register.
    UnknownDocument { document: String },
    /// Two register entries share an id.
    DuplicateDocument { document: String },
    /// A register entry without an id.
    EmptyDocumentId,
    /// Two catalog items share an id.
    DuplicateItem,
    /// A catalog item or group names a group the catalog does not have.
    UnknownGroup { group: String },
}

impl Problem {
    /// Whether the assessment can still be used (a changed catalog only warns).
    pub fn is_error(&self) -> bool {
        !matches!(self.kind, ProblemKind::CatalogChanged)
    }

    /// The problem in one language, with its location.
    pub fn message(&self, lang: Lang) -> String {
        let location = match (&self.item, lang) {
            (Some(item), Lang::Ja) => format!("項目 {item} ({})", self.field),
            (Some(item), Lang::En) => format!("item {item} ({})", self.field),
            (None, _) => self.field.clone(),
        };
        let text = match (&self.kind, lang) {
            (ProblemKind::OtherCatalog { expected, found }, Lang::Ja) => {
                format!("別のカタログの評価です (このカタログ: {expected}、評価: {found})")
            }
            (ProblemKind::OtherCatalog { expected, found }, Lang::En) => {
                format!("the assessment is for another catalog (this one: {expected}, assessment: {found})")
            }
            (ProblemKind::CatalogChanged, Lang::Ja) => {
                "回答後にカタログの内容が変わっています (警告)".to_owned()
            }
            (ProblemKind::CatalogChanged, Lang::En) => {
                "the catalog changed since the answers were given (warning)".to_owned()
            }
            (ProblemKind::UnknownItem, Lang::Ja) => "カタログにない項目への回答です".to_owned(),
            (ProblemKind::UnknownItem, Lang::En) => {
                "an answer for an item the catalog does not have".to_owned()
            }
            (ProblemKind::UnknownDocument { document }, Lang::Ja) => {
                format!("文書 ID {document} が文書一覧にありません")
            }
            (ProblemKind::UnknownDocument { document }, Lang::En) => {
                format!("document id {document} is not in the document register")
            }
            (ProblemKind::DuplicateDocument { document }, Lang::Ja) => {
                format!("文書 ID {document} が重複しています")
            }
            (ProblemKind::DuplicateDocument { document }, Lang::En) => {
                format!("document id {document} is used twice")
            }
            (ProblemKind::EmptyDocumentId, Lang::Ja) => "文書 ID が空です".to_owned(),
            (ProblemKind::EmptyDocumentId, Lang::En) => "a document has no id".to_owned(),
            (ProblemKind::DuplicateItem, Lang::Ja) => "項目 ID が重複しています".to_owned(),
            (ProblemKind::DuplicateItem, Lang::En) => "the item id is used twice".to_owned(),
            (ProblemKind::UnknownGroup { group }, Lang::Ja) => {
                format!("分類 {group} がカタログにありません")
            }
            (ProblemKind::UnknownGroup { group }, Lang::En) => {
                format!("group {group} is not in the catalog")
            }
        };
        format!("{location}: {text}")
    }
}

/// Every problem of `assessment` against `catalog`, in file order.
pub fn validate(assessment: &Assessment, catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    if assessment.catalog.id != catalog.id {
        problems.push(Problem {
            item: None,
            field: "catalog.id".to_owned(),
            kind: ProblemKind::OtherCatalog {
                expected: catalog.id.clone(),
                found: assessment.catalog.id.clone(),
            },
        });
        return problems;
    }
    if !assessment.catalog.hash.is_empty() && assessment.catalog.hash != catalog_hash(catalog) {
        problems.push(Problem {
            item: None,
            field: "catalog.hash".to_owned(),
            kind: ProblemKind::CatalogChanged,
        });
    }
    problems.extend(document_problems(&assessment.documents));
    for (item_id, answer) in &assessment.answers {
        if catalog.item(item_id).is_none() {
            problems.push(Problem {
                item: Some(item_id.clone()),
                field: format!("answers.{item_id}"),
                kind: ProblemKind::UnknownItem,
            });
        }
        for (index, evidence) in answer.evidence.iter().enumerate() {
            if !evidence.document.is_empty() && assessment.document(&evidence.document).is_none() {
                problems.push(Problem {
                    item: Some(item_id.clone()),
                    field: format!("answers.{item_id}.evidence[{index}].document"),
                    kind: ProblemKind::UnknownDocument {
                        document: evidence.document.clone(),
                    },
                });
            }
        }
    }
    problems
}

/// Problems of the document register: empty and duplicate ids.
pub fn document_problems(documents: &[Document]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let field = format!("documents[{index}].id");
        if document.id.trim().is_empty() {
            problems.push(Problem {
                item: None,
                field,
                kind: ProblemKind::EmptyDocumentId,
            });
        } else if documents[..index].iter().any(|d| d.id == document.id) {
            problems.push(Problem {
                item: None,
                field,
                kind: ProblemKind::DuplicateDocument {
                    document: document.id.clone(),
                },
            });
        }
    }
    problems
}

/// Every problem inside a catalog: duplicate item ids and references to missing groups.
pub fn validate_catalog(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, group) in catalog.groups.iter().enumerate() {
        if let Some(parent) = &group.parent {
            if catalog.group(parent).is_none() {
                problems.push(Problem {
                    item: None,
                    field: format!("groups[{index}].parent"),
                    kind: ProblemKind::UnknownGroup {
                        group: parent.clone(),
                    },
                });
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (index, item) in catalog.items.iter().enumerate() {
        if !seen.insert(item.id.as_str()) {
            problems.push(Problem {
                item: Some(item.id.clone()),
                field: format!("items[{index}].id"),
                kind: ProblemKind::DuplicateItem,
            });
        }
        if catalog.group(&item.group).is_none() {
            problems.push(Problem {
                item: Some(item.id.clone()),
                field: format!("items[{index}].group"),
                kind: ProblemKind::UnknownGroup {
                    group: item.group.clone(),
                },
            });
        }
    }
    problems
}
