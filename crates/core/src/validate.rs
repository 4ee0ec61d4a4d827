//! Checking an assessment against its catalog: every problem with where it is.

use crate::assessment::{Answer, Assessment, DisclosureLevel, Document};
use crate::catalog::{Catalog, FieldKind};
use crate::dates::Date;
use crate::fields::is_standard_id;
use crate::i18n::Lang;
use crate::json::catalog_hash;

/// One problem found in an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The item the problem is about, if any.
    pub item: Option<String>,
    /// The field, as a JSON path inside the assessment.
    pub field: String,
    /// What is wrong, and whether it stops the file from opening ([`Problem::is_error`]).
    pub kind: ProblemKind,
}

/// What is wrong in an assessment or a catalog, with the offending value where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The assessment is for another catalog.
    OtherCatalog {
        /// The id of the catalog it was checked against.
        expected: String,
        /// The catalog id the assessment names.
        found: String,
    },
    /// The catalog's content changed since the answers were given.
    CatalogChanged,
    /// An answer for an item the catalog does not have.
    UnknownItem,
    /// A status that is not a choice of the catalog's answer scale.
    NotOnScale {
        /// The status as the file has it.
        status: String,
    },
    /// An answer names a party that is not in the register.
    UnknownParty {
        /// The party id the answer names.
        party: String,
    },
    /// Two parties share an id.
    DuplicateParty {
        /// The id given to more than one party.
        party: String,
    },
    /// A value for an answer field the catalog does not declare.
    UnknownField {
        /// The field id under the answer's `fields`.
        field: String,
    },
    /// A date field that does not hold a date (`YYYY-MM-DD`).
    NotADate {
        /// The value as the file has it.
        value: String,
    },
    /// A choice field whose value is not one of its options.
    NotAnOption {
        /// The value as the file has it.
        value: String,
    },
    /// Evidence names a document that is not in the register.
    UnknownDocument {
        /// The document id the evidence names.
        document: String,
    },
    /// Evidence cites a 要NDA document, but the answer's disclosure is not 要NDA.
    NdaEvidenceNotMarked {
        /// The id of the 要NDA document cited.
        document: String,
    },
    /// Two register entries share an id.
    DuplicateDocument {
        /// The id given to more than one document.
        document: String,
    },
    /// A register entry without an id.
    EmptyDocumentId,
    /// Two catalog items share an id.
    DuplicateItem,
    /// A catalog item or group names a group the catalog does not have.
    UnknownGroup {
        /// The group id named.
        group: String,
    },
    /// A catalog cites a guideline it does not declare.
    UndeclaredGuideline {
        /// The guideline id a reference names.
        guideline: String,
    },
    /// Two entries of a catalog list (guidelines, choices, fields, options) share an id.
    DuplicateId {
        /// The id given to more than one entry.
        id: String,
    },
    /// A catalog declares a field with the id of a standard field.
    ReservedFieldId {
        /// The declared field's id, e.g. `statement`.
        field: String,
    },
    /// A catalog's choice field offers no options, or its scale no choices.
    NoChoices,
    /// An answer holds a field this version does not read (a misspelt name, or one from a
    /// newer version or another tool): kept in the file, shown nowhere.
    UnreadField {
        /// The field's name as the file has it.
        field: String,
    },
}

impl Problem {
    /// Whether the file must not be opened. A changed catalog, evidence pointing to a document
    /// that was deleted and NDA evidence in an answer not marked 要NDA only warn: the user sees
    /// them and can fix them in the app. So does a field this version does not read, said when
    /// the file opens (to be fixed in the file, or left for the version that reads it).
    pub fn is_error(&self) -> bool {
        !matches!(
            self.kind,
            ProblemKind::CatalogChanged
                | ProblemKind::UnknownDocument { .. }
                | ProblemKind::NdaEvidenceNotMarked { .. }
                | ProblemKind::UnreadField { .. }
        )
    }

    /// The problem in one language, with its location.
    pub fn message(&self, lang: Lang) -> String {
        let location = match (&self.item, lang) {
            (Some(item), Lang::Ja) => format!("項目 {item} ({})", self.field),
            (Some(item), Lang::En) => format!("item {item} ({})", self.field),
            (None, _) => self.field.clone(),
        };
        format!("{location}: {}", self.kind.message(lang))
    }
}

impl ProblemKind {
    /// What is wrong, without where.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (self, lang) {
            (OtherCatalog { expected, found }, Lang::Ja) => {
                format!("別のカタログの評価です (このカタログ: {expected}、評価: {found})")
            }
            (OtherCatalog { expected, found }, Lang::En) => format!(
                "the assessment is for another catalog (this one: {expected}, assessment: {found})"
            ),
            (CatalogChanged, Lang::Ja) => "回答後にカタログの内容が変わっています (警告)".to_owned(),
            (CatalogChanged, Lang::En) => {
                "the catalog changed since the answers were given (warning)".to_owned()
            }
            (UnknownItem, Lang::Ja) => "カタログにない項目への回答です".to_owned(),
            (UnknownItem, Lang::En) => "an answer for an item the catalog does not have".to_owned(),
            (NotOnScale { status }, Lang::Ja) => {
                format!("「{status}」はこのカタログの回答の選択肢にありません")
            }
            (NotOnScale { status }, Lang::En) => {
                format!("\"{status}\" is not a choice of this catalog's answer scale")
            }
            (UnknownParty { party }, Lang::Ja) => format!("関係者 {party} が関係者一覧にありません"),
            (UnknownParty { party }, Lang::En) => format!("party {party} is not in the list of parties"),
            (DuplicateParty { party }, Lang::Ja) => format!("関係者 ID {party} が重複しています"),
            (DuplicateParty { party }, Lang::En) => format!("party id {party} is used twice"),
            (UnknownField { field }, Lang::Ja) => format!("回答欄 {field} はこのカタログにありません"),
            (UnknownField { field }, Lang::En) => format!("this catalog has no answer field {field}"),
            (NotADate { value }, Lang::Ja) => {
                format!("「{value}」は日付 (YYYY-MM-DD) ではありません")
            }
            (NotADate { value }, Lang::En) => format!("\"{value}\" is not a date (YYYY-MM-DD)"),
            (NotAnOption { value }, Lang::Ja) => format!("「{value}」はこの欄の選択肢にありません"),
            (NotAnOption { value }, Lang::En) => format!("\"{value}\" is not an option of this field"),
            (UnknownDocument { document }, Lang::Ja) => {
                format!("文書 ID {document} が文書一覧にありません (警告)")
            }
            (UnknownDocument { document }, Lang::En) => {
                format!("document id {document} is not in the document register (warning)")
            }
            (UnreadField { field }, Lang::Ja) => format!(
                "欄「{field}」はこの版の tekigo では読みません。内容は保存するファイルにそのまま残りますが、画面には出ません。欄の名前を確かめてください (警告)"
            ),
            (UnreadField { field }, Lang::En) => format!(
                "this version of tekigo does not read the field \"{field}\": it stays as it is in the files saved, but is not shown; check the field's name (warning)"
            ),
            (NdaEvidenceNotMarked { document }, Lang::Ja) => format!(
                "要NDA の文書 {document} を根拠にしていますが、開示レベルが要NDA になっていません (警告)"
            ),
            (NdaEvidenceNotMarked { document }, Lang::En) => format!(
                "the evidence cites NDA document {document}, but the answer's disclosure is not NDA (warning)"
            ),
            (DuplicateDocument { document }, Lang::Ja) => {
                format!("文書 ID {document} が重複しています")
            }
            (DuplicateDocument { document }, Lang::En) => {
                format!("document id {document} is used twice")
            }
            (EmptyDocumentId, Lang::Ja) => "文書 ID が空です".to_owned(),
            (EmptyDocumentId, Lang::En) => "a document has no id".to_owned(),
            (DuplicateItem, Lang::Ja) => "項目 ID が重複しています".to_owned(),
            (DuplicateItem, Lang::En) => "the item id is used twice".to_owned(),
            (UnknownGroup { group }, Lang::Ja) => format!("分類 {group} がカタログにありません"),
            (UnknownGroup { group }, Lang::En) => format!("group {group} is not in the catalog"),
            (UndeclaredGuideline { guideline }, Lang::Ja) => {
                format!("ガイドライン {guideline} がカタログの guidelines に宣言されていません")
            }
            (UndeclaredGuideline { guideline }, Lang::En) => {
                format!("guideline {guideline} is not declared in the catalog's guidelines")
            }
            (DuplicateId { id }, Lang::Ja) => format!("ID {id} が重複しています"),
            (DuplicateId { id }, Lang::En) => format!("id {id} is used twice"),
            (ReservedFieldId { field }, Lang::Ja) => {
                format!("回答欄の ID {field} は標準の欄と同じです。別の ID にしてください")
            }
            (ReservedFieldId { field }, Lang::En) => {
                format!("answer field id {field} is a standard field's; choose another")
            }
            (NoChoices, Lang::Ja) => "選択肢が一つもありません".to_owned(),
            (NoChoices, Lang::En) => "there are no choices".to_owned(),
        }
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
    for (index, party) in assessment.parties.iter().enumerate() {
        if assessment.parties[..index].iter().any(|p| p.id == party.id) {
            problems.push(Problem {
                item: None,
                field: format!("parties[{index}].id"),
                kind: ProblemKind::DuplicateParty {
                    party: party.id.clone(),
                },
            });
        }
    }
    for (item_id, answer) in &assessment.answers {
        let mut problem = |field: String, kind: ProblemKind| {
            problems.push(Problem {
                item: Some(item_id.clone()),
                field,
                kind,
            })
        };
        if catalog.item(item_id).is_none() {
            problem(format!("answers.{item_id}"), ProblemKind::UnknownItem);
        }
        // Said when the file opens; kept in it as they are, so not again beside the item.
        for field in answer.extra.keys() {
            problem(
                format!("answers.{item_id}.{field}"),
                ProblemKind::UnreadField {
                    field: field.clone(),
                },
            );
        }
        answer_problems(assessment, catalog, item_id, answer, &mut problem);
    }
    problems
}

/// The problems of one item's answer, for showing beside it (an NDA document cited by an
/// answer not marked 要NDA, evidence pointing to a deleted document, …).
pub fn item_problems(assessment: &Assessment, catalog: &Catalog, item_id: &str) -> Vec<Problem> {
    let Some(answer) = assessment.answers.get(item_id) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    answer_problems(assessment, catalog, item_id, answer, &mut |field, kind| {
        problems.push(Problem {
            item: Some(item_id.to_owned()),
            field,
            kind,
        })
    });
    problems
}

/// The problems inside one answer, each reported through `problem(field path, kind)`.
fn answer_problems(
    assessment: &Assessment,
    catalog: &Catalog,
    item_id: &str,
    answer: &Answer,
    problem: &mut impl FnMut(String, ProblemKind),
) {
    let path = |field: &str| format!("answers.{item_id}.{field}");
    if let Some(status) = &answer.status {
        if catalog.scale().choice(status).is_none() {
            problem(
                path("status"),
                ProblemKind::NotOnScale {
                    status: status.clone(),
                },
            );
        }
    }
    for (index, party) in answer.parties.iter().enumerate() {
        if assessment.party(party).is_none() {
            problem(
                path(&format!("parties[{index}]")),
                ProblemKind::UnknownParty {
                    party: party.clone(),
                },
            );
        }
    }
    for (field, value) in &answer.fields {
        let Some(def) = catalog.answer_field(field) else {
            problem(
                path(&format!("fields.{field}")),
                ProblemKind::UnknownField {
                    field: field.clone(),
                },
            );
            continue;
        };
        let kind = match def.kind {
            FieldKind::Date if Date::parse(value).is_none() => ProblemKind::NotADate {
                value: value.clone(),
            },
            FieldKind::Choice if !def.options.iter().any(|option| option.id == *value) => {
                ProblemKind::NotAnOption {
                    value: value.clone(),
                }
            }
            _ => continue,
        };
        problem(path(&format!("fields.{field}")), kind);
    }
    for (index, evidence) in answer.evidence.iter().enumerate() {
        if evidence.document.is_empty() {
            continue;
        }
        let field = path(&format!("evidence[{index}].document"));
        match assessment.document(&evidence.document) {
            None => problem(
                field,
                ProblemKind::UnknownDocument {
                    document: evidence.document.clone(),
                },
            ),
            Some(document)
                if document.disclosure == DisclosureLevel::Nda
                    && answer.disclosure != Some(DisclosureLevel::Nda) =>
            {
                problem(
                    field,
                    ProblemKind::NdaEvidenceNotMarked {
                        document: document.id.clone(),
                    },
                )
            }
            Some(_) => {}
        }
    }
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

/// Every problem inside a catalog: duplicate ids, references to missing groups or undeclared
/// guidelines, and an answer scale or fields that could not be answered.
pub fn validate_catalog(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |item: Option<&str>, field: String, kind: ProblemKind| {
        problems.push(Problem {
            item: item.map(str::to_owned),
            field,
            kind,
        })
    };
    for (index, group) in catalog.groups.iter().enumerate() {
        if let Some(parent) = &group.parent {
            if catalog.group(parent).is_none() {
                problem(
                    None,
                    format!("groups[{index}].parent"),
                    ProblemKind::UnknownGroup {
                        group: parent.clone(),
                    },
                );
            }
        }
    }
    let guideline_ids: Vec<&str> = catalog.guidelines.iter().map(|g| g.id.as_str()).collect();
    for duplicate in duplicates(&guideline_ids) {
        problem(
            None,
            "guidelines".to_owned(),
            ProblemKind::DuplicateId { id: duplicate },
        );
    }
    if let Some(implemented) = &catalog.implements {
        if !guideline_ids.contains(&implemented.as_str()) {
            problem(
                None,
                "implements".to_owned(),
                ProblemKind::UndeclaredGuideline {
                    guideline: implemented.clone(),
                },
            );
        }
    }
    if let Some(scale) = &catalog.answer_scale {
        if scale.choices.is_empty() {
            problem(
                None,
                "answerScale.choices".to_owned(),
                ProblemKind::NoChoices,
            );
        }
        let ids: Vec<&str> = scale.choices.iter().map(|c| c.id.as_str()).collect();
        for duplicate in duplicates(&ids) {
            problem(
                None,
                "answerScale.choices".to_owned(),
                ProblemKind::DuplicateId { id: duplicate },
            );
        }
    }
    let field_ids: Vec<&str> = catalog
        .answer_fields
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    for duplicate in duplicates(&field_ids) {
        problem(
            None,
            "answerFields".to_owned(),
            ProblemKind::DuplicateId { id: duplicate },
        );
    }
    for (index, field) in catalog.answer_fields.iter().enumerate() {
        if is_standard_id(&field.id) {
            problem(
                None,
                format!("answerFields[{index}].id"),
                ProblemKind::ReservedFieldId {
                    field: field.id.clone(),
                },
            );
        }
        if field.kind == FieldKind::Choice && field.options.is_empty() {
            problem(
                None,
                format!("answerFields[{index}].options"),
                ProblemKind::NoChoices,
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (index, item) in catalog.items.iter().enumerate() {
        if !seen.insert(item.id.as_str()) {
            problem(
                Some(&item.id),
                format!("items[{index}].id"),
                ProblemKind::DuplicateItem,
            );
        }
        if catalog.group(&item.group).is_none() {
            problem(
                Some(&item.id),
                format!("items[{index}].group"),
                ProblemKind::UnknownGroup {
                    group: item.group.clone(),
                },
            );
        }
        for (number, reference) in item.references.iter().enumerate() {
            if !guideline_ids.contains(&reference.guideline.as_str()) {
                problem(
                    Some(&item.id),
                    format!("items[{index}].references[{number}].guideline"),
                    ProblemKind::UndeclaredGuideline {
                        guideline: reference.guideline.clone(),
                    },
                );
            }
        }
    }
    problems
}

/// The ids that occur more than once, each once, in order of their second occurrence.
fn duplicates(ids: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        if ids[..index].contains(id) && !found.iter().any(|f| f == id) {
            found.push((*id).to_owned());
        }
    }
    found
}
