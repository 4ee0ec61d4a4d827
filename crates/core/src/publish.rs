//! The public version of an assessment, and a hospital's own check started from one.
//!
//! A vendor publishes what the answer-field table marks public: the status, who holds each
//! item, the statement, what was inferred from certifications, what the hospital must do,
//! the disclosure level, the catalog's own public fields, and evidence. Evidence pointing to
//! a 要NDA document keeps the document's id and title but its place becomes
//! 「NDA締結により開示」, and the document's address is dropped. Interview notes, internal
//! notes, the evaluator's columns, the evaluator and reference number of the subject, the
//! notes on a sheet's columns that were not read, and fields this version does not know are
//! never published.
//!
//! A hospital turns a published assessment into its own: every answer is marked as provided
//! by the vendor, not yet confirmed, until someone confirms or changes it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Map;

use crate::assessment::{
    Answer, Assessment, DisclosureLevel, Document, EvidenceRef, Subject, SHEET_COLUMN_NOTE,
};
use crate::catalog::Catalog;
use crate::fields::{answer_fields, AnswerField, Standard};
use crate::party::{Provenance, ProvenanceKind, SourceRef};
use crate::validate::{item_problems, ProblemKind};

/// What stands in for the place in a 要NDA document.
pub const NDA_LOCATION: &str = "NDA締結により開示";

/// The mark of a published assessment: when, and by whom.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// When it was published (RFC 3339).
    pub published_at: String,
    /// Who published it, as the subject's applicant names it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
}

/// The items, in catalog order, whose answer cites a 要NDA document without being marked
/// 要NDA: published, the document's place is hidden but the answer does not say 要NDA, so
/// they are fixed first.
pub fn unmarked_nda_items(catalog: &Catalog, assessment: &Assessment) -> Vec<String> {
    catalog
        .items
        .iter()
        .filter(|item| {
            item_problems(assessment, catalog, &item.id)
                .iter()
                .any(|problem| matches!(problem.kind, ProblemKind::NdaEvidenceNotMarked { .. }))
        })
        .map(|item| item.id.clone())
        .collect()
}

/// The public version of `assessment`, published at `now`.
pub fn publish(catalog: &Catalog, assessment: &Assessment, now: &str) -> Assessment {
    let fields = answer_fields(catalog);
    let nda: Vec<&str> = assessment
        .documents
        .iter()
        .filter(|document| document.disclosure == DisclosureLevel::Nda)
        .map(|document| document.id.as_str())
        .collect();
    let answers = assessment
        .answers
        .iter()
        .filter(|(item, _)| catalog.item(item).is_some())
        .map(|(item, answer)| (item.clone(), public_answer(&fields, answer, &nda)))
        .filter(|(_, answer)| !answer.is_empty())
        .collect();
    Assessment {
        format: assessment.format.clone(),
        schema_version: assessment.schema_version,
        id: assessment.id.clone(),
        catalog: assessment.catalog.clone(),
        subject: Subject {
            product: assessment.subject.product.clone(),
            applicant: assessment.subject.applicant.clone(),
            date: assessment.subject.date.clone(),
            ..Subject::default()
        },
        parties: assessment.parties.clone(),
        documents: assessment.documents.iter().map(public_document).collect(),
        documents_numbered: 0,
        origin: None,
        layers: assessment.layers.clone(),
        profile: assessment.profile.clone(),
        notes: assessment
            .notes
            .iter()
            .filter(|note| note.field != SHEET_COLUMN_NOTE)
            .cloned()
            .collect(),
        publication: Some(Publication {
            published_at: now.to_owned(),
            publisher: assessment.subject.applicant.clone(),
        }),
        answers,
        created_at: assessment.created_at.clone(),
        updated_at: assessment.updated_at.clone(),
        extra: Map::new(),
    }
}

/// The public fields of one answer; NDA evidence shown as such.
fn public_answer(fields: &[AnswerField], answer: &Answer, nda: &[&str]) -> Answer {
    let mut public = Answer {
        provenance: answer.provenance.clone(),
        notes: answer.notes.clone(),
        updated_at: answer.updated_at.clone(),
        ..Answer::default()
    };
    for field in fields.iter().filter(|field| field.public()) {
        match field {
            AnswerField::Standard(Standard::Status) => public.status = answer.status.clone(),
            AnswerField::Standard(Standard::Parties) => public.parties = answer.parties.clone(),
            AnswerField::Standard(Standard::Disclosure) => public.disclosure = answer.disclosure,
            AnswerField::Standard(Standard::Evidence) => {
                public.evidence = answer
                    .evidence
                    .iter()
                    .filter(|evidence| !evidence.is_blank())
                    .map(|evidence| public_evidence(evidence, nda))
                    .collect()
            }
            textual => {
                if let Some(text) = textual.text(answer) {
                    textual.set_text(&mut public, text.to_owned());
                }
            }
        }
    }
    public
}

fn public_evidence(evidence: &EvidenceRef, nda: &[&str]) -> EvidenceRef {
    if nda.contains(&evidence.document.as_str()) {
        EvidenceRef {
            document: evidence.document.clone(),
            location: NDA_LOCATION.to_owned(),
            ..EvidenceRef::default()
        }
    } else {
        evidence.clone()
    }
}

/// A register entry as published: a 要NDA document keeps its id and title only.
fn public_document(document: &Document) -> Document {
    Document {
        id: document.id.clone(),
        title: document.title.clone(),
        url: if document.disclosure == DisclosureLevel::Nda {
            String::new()
        } else {
            document.url.clone()
        },
        disclosure: document.disclosure,
        extra: Map::new(),
    }
}

/// Whether `assessment` is a vendor's published version (what the widget shows).
pub fn is_published(assessment: &Assessment) -> bool {
    assessment.publication.is_some()
}

/// A hospital's own assessment, `id`, started at `now` from a vendor's published one: the
/// same product, applicant and answers, each provided by the vendor and not yet confirmed
/// here. Its date (評価日) is left for the hospital to give: the vendor's is not its check's.
pub fn start_from_published(published: &Assessment, id: &str, now: &str) -> Assessment {
    let source = SourceRef {
        assessment: published.id.clone(),
        title: [
            published.subject.product.as_str(),
            published.subject.applicant.as_str(),
        ]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — "),
        digest: String::new(),
    };
    let mut own = published.clone();
    own.id = id.to_owned();
    own.publication = None;
    own.origin = Some(source.clone());
    own.subject.date.clear();
    own.created_at = now.to_owned();
    own.updated_at = now.to_owned();
    for answer in own.answers.values_mut() {
        answer.provenance = Some(Provenance {
            kind: ProvenanceKind::Provided,
            source: source.clone(),
            confirmed_at: None,
        });
    }
    own
}
