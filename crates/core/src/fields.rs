//! The one table of answer fields. Search, validation, the editor, the public version
//! (redaction) and every exporter enumerate [`answer_fields`] instead of naming the fields of
//! [`Answer`] themselves, so a new column is one entry here — or, for a catalog's own column,
//! one entry in the catalog's `answerFields`.

use crate::assessment::Answer;
use crate::catalog::{Catalog, FieldDef, FieldKind};
use crate::i18n::{Bilingual, Lang, Localized, Text};

/// What a field holds, which decides how it is edited, validated and written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A choice of the catalog's answer scale.
    Status,
    /// Parties of the assessment's register.
    Parties,
    /// References into the document register.
    Evidence,
    /// 公開文書 / 要NDA.
    Disclosure,
    /// Free text, often several lines.
    Text,
    /// An ISO 8601 date.
    Date,
    /// One option of a catalog-declared choice field.
    Choice,
    /// Likelihood × impact of an item not met.
    Risk,
}

/// Where the field is shown: with the answer, or among the evaluator's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// With what the vendor answered.
    Answer,
    /// Among the evaluator's columns (評価員が記入する欄).
    Evaluator,
}

/// The standard fields of every answer, in the order they are shown and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standard {
    /// 状態: a choice of the catalog's answer scale.
    Status,
    /// 責任: the parties that hold the item.
    Parties,
    /// 対応策・見解: the vendor's statement.
    Statement,
    /// エビデンス: documents of the register and where in them.
    Evidence,
    /// 開示レベル: whether what backs the answer is public or under NDA.
    Disclosure,
    /// 第三者認証から類推: what a third-party certification lets one infer.
    CertificationInference,
    /// ヒアリングで確認: what an interview confirmed; never published.
    Interview,
    /// 医療機関・SI事業者で必要な対応: what the hospital or its SI must do.
    HospitalActions,
    /// 社内メモ: a note for the assessment's own team; never published.
    InternalNote,
    /// リスク: likelihood × impact of an item not met; never published.
    Risk,
    /// 対応の目標日: by when an item not met is to be met; never published.
    DueDate,
    /// 確認したエビデンス: the evidence the evaluator checked.
    ConfirmedEvidence,
    /// 判定結果: the evaluator's verdict.
    Verdict,
    /// 改善策: the improvement the evaluator asks for.
    Improvement,
}

impl Standard {
    /// Every standard field, in order.
    pub const ALL: [Standard; 14] = [
        Standard::Status,
        Standard::Parties,
        Standard::Statement,
        Standard::Evidence,
        Standard::Disclosure,
        Standard::CertificationInference,
        Standard::Interview,
        Standard::HospitalActions,
        Standard::InternalNote,
        Standard::Risk,
        Standard::DueDate,
        Standard::ConfirmedEvidence,
        Standard::Verdict,
        Standard::Improvement,
    ];

    /// The field's id: its key in the JSON of an answer.
    pub fn id(self) -> &'static str {
        match self {
            Standard::Status => "status",
            Standard::Parties => "parties",
            Standard::Statement => "statement",
            Standard::Evidence => "evidence",
            Standard::Disclosure => "disclosure",
            Standard::CertificationInference => "certificationInference",
            Standard::Interview => "interview",
            Standard::HospitalActions => "hospitalActions",
            Standard::InternalNote => "internalNote",
            Standard::Risk => "risk",
            Standard::DueDate => "dueDate",
            Standard::ConfirmedEvidence => "confirmedEvidence",
            Standard::Verdict => "verdict",
            Standard::Improvement => "improvement",
        }
    }

    fn label(self) -> Text {
        match self {
            Standard::Status => Text::Status,
            Standard::Parties => Text::Responsibility,
            Standard::Statement => Text::Statement,
            Standard::Evidence => Text::Evidence,
            Standard::Disclosure => Text::Disclosure,
            Standard::CertificationInference => Text::CertificationInference,
            Standard::Interview => Text::Interview,
            Standard::HospitalActions => Text::HospitalActions,
            Standard::InternalNote => Text::InternalNote,
            Standard::Risk => Text::Risk,
            Standard::DueDate => Text::DueDate,
            Standard::ConfirmedEvidence => Text::ConfirmedEvidence,
            Standard::Verdict => Text::Verdict,
            Standard::Improvement => Text::Improvement,
        }
    }

    fn shape(self) -> Shape {
        match self {
            Standard::Status => Shape::Status,
            Standard::Parties => Shape::Parties,
            Standard::Evidence => Shape::Evidence,
            Standard::Disclosure => Shape::Disclosure,
            Standard::Risk => Shape::Risk,
            Standard::DueDate => Shape::Date,
            _ => Shape::Text,
        }
    }

    /// Whether the field leaves with the vendor's public answers. Interview notes, internal
    /// notes and the evaluator's columns never do.
    fn public(self) -> bool {
        !matches!(
            self,
            Standard::Interview
                | Standard::InternalNote
                | Standard::Risk
                | Standard::DueDate
                | Standard::ConfirmedEvidence
                | Standard::Verdict
                | Standard::Improvement
        )
    }

    fn section(self) -> Section {
        match self {
            Standard::ConfirmedEvidence | Standard::Verdict | Standard::Improvement => {
                Section::Evaluator
            }
            _ => Section::Answer,
        }
    }

    /// The text this field holds in `answer`, for the fields that hold one.
    fn text(self, answer: &Answer) -> Option<&str> {
        Some(match self {
            Standard::Statement => &answer.statement,
            Standard::CertificationInference => &answer.certification_inference,
            Standard::Interview => &answer.interview,
            Standard::HospitalActions => &answer.hospital_actions,
            Standard::InternalNote => &answer.internal_note,
            Standard::DueDate => &answer.due_date,
            Standard::ConfirmedEvidence => &answer.evaluator.confirmed_evidence,
            Standard::Verdict => &answer.evaluator.verdict,
            Standard::Improvement => &answer.evaluator.improvement,
            Standard::Status => return answer.status.as_deref(),
            Standard::Parties | Standard::Evidence | Standard::Disclosure | Standard::Risk => {
                return None
            }
        })
    }

    fn text_mut(self, answer: &mut Answer) -> Option<&mut String> {
        Some(match self {
            Standard::Statement => &mut answer.statement,
            Standard::CertificationInference => &mut answer.certification_inference,
            Standard::Interview => &mut answer.interview,
            Standard::HospitalActions => &mut answer.hospital_actions,
            Standard::InternalNote => &mut answer.internal_note,
            Standard::DueDate => &mut answer.due_date,
            Standard::ConfirmedEvidence => &mut answer.evaluator.confirmed_evidence,
            Standard::Verdict => &mut answer.evaluator.verdict,
            Standard::Improvement => &mut answer.evaluator.improvement,
            Standard::Status
            | Standard::Parties
            | Standard::Evidence
            | Standard::Disclosure
            | Standard::Risk => return None,
        })
    }
}

/// One field of the answers of a catalog: a standard one or one the catalog declares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AnswerField<'c> {
    /// One of the fields every answer has.
    Standard(Standard),
    /// One of the catalog's own `answerFields`.
    Declared(&'c FieldDef),
}

impl<'c> AnswerField<'c> {
    /// The key in an answer's JSON: a standard field's own key, or the key under `fields`.
    pub fn id(&self) -> &'c str {
        match self {
            AnswerField::Standard(field) => field.id(),
            AnswerField::Declared(def) => &def.id,
        }
    }

    /// The field's name in `lang`.
    pub fn label(&self, lang: Lang) -> &'c str {
        match self {
            AnswerField::Standard(field) => field.label().label(lang),
            AnswerField::Declared(def) => def.label.get(lang),
        }
    }

    /// What the field means, where the catalog says.
    pub fn description(&self) -> Option<&'c Bilingual> {
        match self {
            AnswerField::Standard(_) => None,
            AnswerField::Declared(def) => def.description.as_ref(),
        }
    }

    /// What the field holds, which decides its input, its check and its export.
    pub fn shape(&self) -> Shape {
        match self {
            AnswerField::Standard(field) => field.shape(),
            AnswerField::Declared(def) => match def.kind {
                FieldKind::Text => Shape::Text,
                FieldKind::Date => Shape::Date,
                FieldKind::Choice => Shape::Choice,
            },
        }
    }

    /// Whether the field leaves with the vendor's public answers; interview notes, internal
    /// notes and the evaluator's columns never do, a catalog's own field as it declares.
    pub fn public(&self) -> bool {
        match self {
            AnswerField::Standard(field) => field.public(),
            AnswerField::Declared(def) => def.public,
        }
    }

    /// Where the form shows the field; a catalog's own fields go with the answer.
    pub fn section(&self) -> Section {
        match self {
            AnswerField::Standard(field) => field.section(),
            AnswerField::Declared(_) => Section::Answer,
        }
    }

    /// Whether the field holds one string (text, date, choice or status) that
    /// [`AnswerField::text`] and [`AnswerField::set_text`] read and write.
    pub fn is_textual(&self) -> bool {
        matches!(
            self.shape(),
            Shape::Status | Shape::Text | Shape::Date | Shape::Choice
        )
    }

    /// The field's value in `answer` as text: for a status or choice, the stored id.
    pub fn text<'a>(&self, answer: &'a Answer) -> Option<&'a str> {
        match self {
            AnswerField::Standard(field) => field.text(answer),
            AnswerField::Declared(def) => answer.fields.get(&def.id).map(String::as_str),
        }
    }

    /// Sets a textual field (not the status, which has its own edit). An empty value removes
    /// a declared field's entry. Returns whether the field takes text.
    pub fn set_text(&self, answer: &mut Answer, value: String) -> bool {
        match self {
            AnswerField::Standard(field) => match field.text_mut(answer) {
                Some(slot) => {
                    *slot = value;
                    true
                }
                None => false,
            },
            AnswerField::Declared(def) => {
                if value.is_empty() {
                    answer.fields.remove(&def.id);
                } else {
                    answer.fields.insert(def.id.clone(), value);
                }
                true
            }
        }
    }
}

/// Every answer field of `catalog`: the standard ones, then the catalog's own.
pub fn answer_fields(catalog: &Catalog) -> Vec<AnswerField<'_>> {
    Standard::ALL
        .into_iter()
        .map(AnswerField::Standard)
        .chain(catalog.answer_fields.iter().map(AnswerField::Declared))
        .collect()
}

/// The field of `catalog` with this id.
pub fn answer_field<'c>(catalog: &'c Catalog, id: &str) -> Option<AnswerField<'c>> {
    Standard::ALL
        .into_iter()
        .find(|field| field.id() == id)
        .map(AnswerField::Standard)
        .or_else(|| catalog.answer_field(id).map(AnswerField::Declared))
}

/// Whether `id` names a standard field (a catalog must not declare one of these).
pub fn is_standard_id(id: &str) -> bool {
    Standard::ALL.iter().any(|field| field.id() == id)
}

/// Every piece of free text of an answer, for search: the textual fields that are not ids.
pub fn answer_texts<'a>(catalog: &'a Catalog, answer: &'a Answer) -> Vec<&'a str> {
    let mut texts: Vec<&str> = answer_fields(catalog)
        .into_iter()
        .filter(|field| matches!(field.shape(), Shape::Text | Shape::Date))
        .filter_map(|field| field.text(answer))
        .collect();
    texts.extend(
        answer
            .evidence
            .iter()
            .map(|evidence| evidence.location.as_str()),
    );
    texts
}
