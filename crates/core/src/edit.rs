//! Every change a person makes to an assessment, as data: the editor's reducer, the CLI and
//! the tests apply the same [`Edit`]s through [`apply`]. The time of the change comes in from
//! the caller, so applying an edit is pure.
//!
//! Rules kept here: changing an answer that came from elsewhere confirms it; answers carried
//! over from another catalog's assessment never replace an answer given here; a renamed
//! document carries its new id into the evidence that cites it; new document ids never repeat
//! one that was deleted; an answer left with nothing in it is removed.

use crate::applicability::{answer_question, Question};
use crate::assessment::{Answer, AnswerNote, Assessment, DisclosureLevel, Document, EvidenceRef};
use crate::catalog::Catalog;
use crate::coverage::{carry_all, Carry};
use crate::fields::answer_field;
use crate::i18n::Lang;
use crate::inheritance::{attach, Layer};
use crate::party::{Party, PartyRole};
use crate::risk::RiskRating;

/// A field of the subject (評価の概要).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectField {
    /// 評価対象プロダクト名: the product assessed.
    Product,
    /// 評価申請元: who asked for the assessment.
    Applicant,
    /// 評価者: who carried it out.
    Evaluator,
    /// 整理番号: the assessment's number in the evaluator's files.
    ReferenceNumber,
    /// 評価日: the date of the assessment.
    Date,
}

/// A free-text field of a register document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentText {
    /// The document's name.
    Title,
    /// Where its public version can be read.
    Url,
}

/// One change.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A choice of the catalog's scale, or none (未回答).
    Status {
        /// The item answered, by id.
        item: String,
        /// A choice id of the catalog's answer scale; none to make the item unanswered.
        status: Option<String>,
    },
    /// Adds or removes one party from those holding the item.
    ToggleParty {
        /// The item answered, by id.
        item: String,
        /// The id of a party of the assessment's register.
        party: String,
    },
    /// Sets or clears the 開示レベル of what backs an answer.
    Disclosure {
        /// The item answered, by id.
        item: String,
        /// Public, NDA, or none when not said.
        level: Option<DisclosureLevel>,
    },
    /// Any field that holds text, a date or a choice of its own, by field id.
    Text {
        /// The item answered, by id.
        item: String,
        /// A field that holds one string (see [`crate::fields`]), other than the status.
        field: String,
        /// The whole new value; a date as `YYYY-MM-DD`, a choice as its option id.
        value: String,
    },
    /// Adds a blank evidence row to an answer, for the user to fill in.
    AddEvidence {
        /// The item answered, by id.
        item: String,
    },
    /// Replaces one evidence row of an answer; a row that is not there is left alone.
    Evidence {
        /// The item answered, by id.
        item: String,
        /// The row's position in the answer's evidence, from 0.
        index: usize,
        /// The row's new document and location.
        evidence: EvidenceRef,
    },
    /// Removes one evidence row of an answer; a row that is not there is left alone.
    RemoveEvidence {
        /// The item answered, by id.
        item: String,
        /// The row's position in the answer's evidence, from 0.
        index: usize,
    },
    /// Rates (or unrates) the risk of an item not met.
    Risk {
        /// The item's id.
        item: String,
        /// Likelihood × impact, or none.
        rating: Option<RiskRating>,
    },
    /// Answers an applicability question, excluding or giving back the items it names.
    AnswerQuestion {
        /// The question, as the catalog's profile asks it.
        question: Question,
        /// Yes, no, or not answered.
        answer: Option<bool>,
    },
    /// Attaches another party's answers as a layer this assessment stands on.
    AttachLayer {
        /// The layer.
        layer: Layer,
        /// The party it is, added to the register when new.
        party: Party,
    },
    /// Removes the layer of this party.
    DetachLayer {
        /// The layer's party id.
        party: String,
    },
    /// Carries answers of an assessment of a linked catalog to the items the crosswalk links
    /// them to (proposals of [`crate::coverage::carry_proposals`]), each marked inherited and
    /// awaiting confirmation; an item answered here meanwhile keeps its answer.
    Carry {
        /// The assessment the answers come from.
        source: Box<Assessment>,
        /// The chosen proposals.
        carries: Vec<Carry>,
    },
    /// Accepts an answer that came from elsewhere as it stands.
    Confirm {
        /// The item answered, by id.
        item: String,
    },
    /// Sets one field of the subject (評価の概要).
    Subject {
        /// Which field.
        field: SubjectField,
        /// The whole new value.
        value: String,
    },
    /// Adds a blank document to the register, with the next unused number as its id.
    AddDocument,
    /// Sets the title or URL of a register document.
    DocumentText {
        /// The document's position in the register, from 0.
        index: usize,
        /// Which of its texts.
        field: DocumentText,
        /// The whole new value.
        value: String,
    },
    /// Gives a document a new id, carried into every evidence that cites it.
    RenameDocument {
        /// The document's position in the register, from 0.
        index: usize,
        /// The new id; surrounding spaces are dropped, and it must be free and not empty.
        id: String,
    },
    /// Sets whether a register document is public or given only under NDA.
    DocumentDisclosure {
        /// The document's position in the register, from 0.
        index: usize,
        /// Public or NDA.
        level: DisclosureLevel,
    },
    /// Removes a document from the register; its id is never given to a new document.
    RemoveDocument {
        /// The document's position in the register, from 0.
        index: usize,
    },
    /// Adds a party to the register, with an unused id made from its role.
    AddParty {
        /// What the party is to the product, e.g. the IaaS provider.
        role: PartyRole,
        /// The party's name, e.g. a company; may be empty.
        name: String,
    },
    /// Removes one of the assessment's own notes (how a file was read), once a person has
    /// dealt with it; a note that is not there is left alone.
    RemoveNote {
        /// The note, as it stands.
        note: AnswerNote,
    },
    /// Removes one note on an item's answer (how its source was read, why a question excluded
    /// it) once a person has dealt with it. The answer itself, and whether it is confirmed,
    /// stay as they are; a note that is not there is left alone.
    RemoveItemNote {
        /// The item answered, by id.
        item: String,
        /// The note, as it stands.
        note: AnswerNote,
    },
    /// Gives a registered party a new name; its id and the answers citing it stay.
    RenameParty {
        /// The party's position in the register, from 0.
        index: usize,
        /// The new name.
        name: String,
    },
}

/// Why an edit was refused; the assessment is unchanged then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The catalog has no such item.
    UnknownItem(String),
    /// The catalog's answers have no such field, or it does not hold text.
    UnknownField(String),
    /// The status is not a choice of the catalog's scale.
    NotOnScale(String),
    /// Another document already has this id.
    DocumentIdTaken(String),
    /// A document id cannot be empty.
    EmptyDocumentId,
    /// The party is not in the register.
    UnknownParty(String),
    /// No document or party at this position.
    NoSuchEntry(usize),
}

impl EditError {
    /// The reason in one language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::UnknownItem(item), Lang::Ja) => {
                format!("項目 {item} はカタログにありません")
            }
            (EditError::UnknownItem(item), Lang::En) => {
                format!("item {item} is not in the catalog")
            }
            (EditError::UnknownField(field), Lang::Ja) => format!("回答欄 {field} はありません"),
            (EditError::UnknownField(field), Lang::En) => {
                format!("there is no answer field {field}")
            }
            (EditError::NotOnScale(status), Lang::Ja) => {
                format!("「{status}」はこのカタログの回答の選択肢にありません")
            }
            (EditError::NotOnScale(status), Lang::En) => {
                format!("\"{status}\" is not a choice of this catalog's answer scale")
            }
            (EditError::DocumentIdTaken(id), Lang::Ja) => {
                format!("文書 ID {id} はすでに使われています。別の ID にしてください")
            }
            (EditError::DocumentIdTaken(id), Lang::En) => {
                format!("document id {id} is already used; choose another")
            }
            (EditError::EmptyDocumentId, Lang::Ja) => "文書 ID を空にはできません".to_owned(),
            (EditError::EmptyDocumentId, Lang::En) => "a document id cannot be empty".to_owned(),
            (EditError::UnknownParty(party), Lang::Ja) => {
                format!("関係者 {party} は登録されていません")
            }
            (EditError::UnknownParty(party), Lang::En) => {
                format!("party {party} is not registered")
            }
            (EditError::NoSuchEntry(index), Lang::Ja) => {
                format!("{} 番目の行はありません", index + 1)
            }
            (EditError::NoSuchEntry(index), Lang::En) => format!("there is no row {}", index + 1),
        }
    }
}

/// What an applied edit touched, so a caller refreshes only that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// One item's answer.
    Item(String),
    /// The subject, the documents or the parties.
    Assessment,
    /// Answers of many items at once.
    Everything,
}

/// Applies `edit` at time `now` (RFC 3339), or refuses it and changes nothing.
pub fn apply(
    assessment: &mut Assessment,
    catalog: &Catalog,
    edit: Edit,
    now: &str,
) -> Result<Touched, EditError> {
    let touched = match edit {
        Edit::Status { item, status } => {
            if let Some(status) = &status {
                if catalog.scale().choice(status).is_none() {
                    return Err(EditError::NotOnScale(status.clone()));
                }
            }
            change_answer(assessment, catalog, &item, now, |answer| {
                answer.status = status
            })?
        }
        Edit::ToggleParty { item, party } => {
            if assessment.party(&party).is_none() {
                return Err(EditError::UnknownParty(party));
            }
            change_answer(assessment, catalog, &item, now, |answer| {
                match answer.parties.iter().position(|held| *held == party) {
                    Some(index) => {
                        answer.parties.remove(index);
                    }
                    None => answer.parties.push(party),
                }
            })?
        }
        Edit::Disclosure { item, level } => {
            change_answer(assessment, catalog, &item, now, |answer| {
                answer.disclosure = level
            })?
        }
        Edit::Text { item, field, value } => {
            let field = answer_field(catalog, &field)
                .filter(|field| field.is_textual() && field.id() != "status")
                .ok_or(EditError::UnknownField(field))?;
            change_answer(assessment, catalog, &item, now, |answer| {
                field.set_text(answer, value);
            })?
        }
        Edit::AddEvidence { item } => change_answer(assessment, catalog, &item, now, |answer| {
            answer.evidence.push(EvidenceRef::default())
        })?,
        Edit::Evidence {
            item,
            index,
            evidence,
        } => change_answer(assessment, catalog, &item, now, |answer| {
            if let Some(slot) = answer.evidence.get_mut(index) {
                *slot = evidence;
            }
        })?,
        Edit::RemoveEvidence { item, index } => {
            change_answer(assessment, catalog, &item, now, |answer| {
                if index < answer.evidence.len() {
                    answer.evidence.remove(index);
                }
            })?
        }
        Edit::Risk { item, rating } => change_answer(assessment, catalog, &item, now, |answer| {
            answer.risk = rating
        })?,
        Edit::Confirm { item } => change_answer(assessment, catalog, &item, now, |_| {})?,
        Edit::Carry { source, carries } => {
            for proposal in &carries {
                if catalog.item(&proposal.target_item).is_none() {
                    return Err(EditError::UnknownItem(proposal.target_item.clone()));
                }
                if let Some(status) = &proposal.status {
                    if catalog.scale().choice(status).is_none() {
                        return Err(EditError::NotOnScale(status.clone()));
                    }
                }
            }
            carry_all(&carries, &source, assessment, now);
            Touched::Everything
        }
        Edit::AnswerQuestion { question, answer } => {
            answer_question(catalog, assessment, &question, answer, now);
            Touched::Everything
        }
        Edit::AttachLayer { layer, party } => {
            attach(assessment, layer, party);
            Touched::Everything
        }
        Edit::DetachLayer { party } => {
            assessment.layers.retain(|layer| layer.party != party);
            Touched::Everything
        }
        Edit::Subject { field, value } => {
            let subject = &mut assessment.subject;
            *match field {
                SubjectField::Product => &mut subject.product,
                SubjectField::Applicant => &mut subject.applicant,
                SubjectField::Evaluator => &mut subject.evaluator,
                SubjectField::ReferenceNumber => &mut subject.reference_number,
                SubjectField::Date => &mut subject.date,
            } = value;
            Touched::Assessment
        }
        Edit::AddDocument => {
            let id = assessment.next_document_id();
            assessment.documents.push(Document {
                id,
                ..Document::default()
            });
            Touched::Assessment
        }
        Edit::DocumentText {
            index,
            field,
            value,
        } => {
            let document = assessment
                .documents
                .get_mut(index)
                .ok_or(EditError::NoSuchEntry(index))?;
            *match field {
                DocumentText::Title => &mut document.title,
                DocumentText::Url => &mut document.url,
            } = value;
            Touched::Assessment
        }
        Edit::RenameDocument { index, id } => {
            rename_document(assessment, index, id.trim())?;
            Touched::Assessment
        }
        Edit::DocumentDisclosure { index, level } => {
            assessment
                .documents
                .get_mut(index)
                .ok_or(EditError::NoSuchEntry(index))?
                .disclosure = level;
            Touched::Assessment
        }
        Edit::RemoveDocument { index } => {
            if index >= assessment.documents.len() {
                return Err(EditError::NoSuchEntry(index));
            }
            assessment.documents.remove(index);
            Touched::Assessment
        }
        Edit::AddParty { role, name } => {
            let id = assessment.next_party_id(role);
            assessment.parties.push(Party { id, role, name });
            Touched::Assessment
        }
        Edit::RemoveNote { note } => {
            assessment.notes.retain(|kept| *kept != note);
            Touched::Assessment
        }
        Edit::RemoveItemNote { item, note } => {
            if let Some(answer) = assessment.answers.get_mut(&item) {
                if answer.notes.contains(&note) {
                    answer.notes.retain(|kept| *kept != note);
                    answer.updated_at = Some(now.to_owned());
                    if answer.is_empty() {
                        assessment.answers.remove(&item);
                    }
                }
            }
            Touched::Item(item)
        }
        Edit::RenameParty { index, name } => {
            assessment
                .parties
                .get_mut(index)
                .ok_or(EditError::NoSuchEntry(index))?
                .name = name;
            Touched::Assessment
        }
    };
    assessment.updated_at = now.to_owned();
    assessment.extra.remove(crate::assessment::SIGNATURE_KEY);
    Ok(touched)
}

/// Changes one item's answer. A change to an answer that came from elsewhere confirms it;
/// an answer left with nothing in it is removed.
fn change_answer(
    assessment: &mut Assessment,
    catalog: &Catalog,
    item: &str,
    now: &str,
    change: impl FnOnce(&mut Answer),
) -> Result<Touched, EditError> {
    if catalog.item(item).is_none() {
        return Err(EditError::UnknownItem(item.to_owned()));
    }
    let answer = assessment.answers.entry(item.to_owned()).or_default();
    let before = answer.clone();
    change(answer);
    // A person's change makes an answer an applicability question put there their own: the
    // question no longer takes it back, and its note no longer says why it is there.
    if *answer != before && answer.excluded_by.take().is_some() {
        answer.notes.retain(|note| note.field != "status");
    }
    answer.updated_at = Some(now.to_owned());
    if let Some(provenance) = &mut answer.provenance {
        provenance
            .confirmed_at
            .get_or_insert_with(|| now.to_owned());
    }
    if answer.is_empty() {
        assessment.answers.remove(item);
    }
    Ok(Touched::Item(item.to_owned()))
}

fn rename_document(assessment: &mut Assessment, index: usize, id: &str) -> Result<(), EditError> {
    if id.is_empty() {
        return Err(EditError::EmptyDocumentId);
    }
    let old = assessment
        .documents
        .get(index)
        .ok_or(EditError::NoSuchEntry(index))?
        .id
        .clone();
    if old == id {
        return Ok(());
    }
    if assessment.document(id).is_some() {
        return Err(EditError::DocumentIdTaken(id.to_owned()));
    }
    assessment.documents[index].id = id.to_owned();
    for evidence in assessment
        .answers
        .values_mut()
        .flat_map(|answer| answer.evidence.iter_mut())
        .filter(|evidence| evidence.document == old)
    {
        evidence.document = id.to_owned();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    const NOW: &str = "2026-11-30T00:00:00Z";

    fn fresh() -> (Assessment, &'static Catalog) {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        (Assessment::new("t", catalog, NOW), catalog)
    }

    #[test]
    fn an_edit_drops_a_signature_that_no_longer_holds() {
        let (mut assessment, catalog) = fresh();
        assessment.extra.insert(
            crate::assessment::SIGNATURE_KEY.to_owned(),
            serde_json::json!({ "signer": "例" }),
        );
        let refused = Edit::Status {
            item: "1".into(),
            status: Some("no-such-choice".into()),
        };
        assert!(apply(&mut assessment, catalog, refused, NOW).is_err());
        assert!(
            assessment.extra.contains_key("signature"),
            "a refused edit changes nothing"
        );
        let edit = Edit::Status {
            item: "1".into(),
            status: Some("compliant".into()),
        };
        apply(&mut assessment, catalog, edit, NOW).unwrap();
        assert!(!assessment.extra.contains_key("signature"));
    }

    #[test]
    fn a_status_off_the_scale_is_refused_and_changes_nothing() {
        let (mut assessment, catalog) = fresh();
        let before = assessment.clone();
        let refused = apply(
            &mut assessment,
            catalog,
            Edit::Status {
                item: "1".into(),
                status: Some("yes".into()),
            },
            NOW,
        );
        assert_eq!(refused, Err(EditError::NotOnScale("yes".into())));
        assert_eq!(assessment, before);
    }

    #[test]
    fn clearing_the_only_value_removes_the_answer() {
        let (mut assessment, catalog) = fresh();
        let set = |status: Option<&str>| Edit::Status {
            item: "1".into(),
            status: status.map(str::to_owned),
        };
        apply(&mut assessment, catalog, set(Some("compliant")), NOW).unwrap();
        assert_eq!(assessment.status_of("1"), Some("compliant"));
        apply(&mut assessment, catalog, set(None), NOW).unwrap();
        assert!(!assessment.answers.contains_key("1"));
    }

    #[test]
    fn a_renamed_document_carries_its_id_into_the_evidence() {
        let (mut assessment, catalog) = fresh();
        apply(&mut assessment, catalog, Edit::AddDocument, NOW).unwrap();
        apply(&mut assessment, catalog, Edit::AddDocument, NOW).unwrap();
        let cite = |document: &str| Edit::Evidence {
            item: "60".into(),
            index: 0,
            evidence: EvidenceRef {
                document: document.into(),
                location: "p.3".into(),
                ..EvidenceRef::default()
            },
        };
        apply(
            &mut assessment,
            catalog,
            Edit::AddEvidence { item: "60".into() },
            NOW,
        )
        .unwrap();
        apply(&mut assessment, catalog, cite("01"), NOW).unwrap();
        apply(
            &mut assessment,
            catalog,
            Edit::RenameDocument {
                index: 0,
                id: "WP-01".into(),
            },
            NOW,
        )
        .unwrap();
        assert_eq!(assessment.answers["60"].evidence[0].document, "WP-01");
        let taken = apply(
            &mut assessment,
            catalog,
            Edit::RenameDocument {
                index: 1,
                id: "WP-01".into(),
            },
            NOW,
        );
        assert_eq!(taken, Err(EditError::DocumentIdTaken("WP-01".into())));
    }

    #[test]
    fn a_deleted_document_id_is_never_given_again() {
        let (mut assessment, catalog) = fresh();
        for _ in 0..3 {
            apply(&mut assessment, catalog, Edit::AddDocument, NOW).unwrap();
        }
        apply(
            &mut assessment,
            catalog,
            Edit::RemoveDocument { index: 2 },
            NOW,
        )
        .unwrap();
        apply(&mut assessment, catalog, Edit::AddDocument, NOW).unwrap();
        let ids: Vec<&str> = assessment.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["01", "02", "04"]);
    }

    /// The vendor sample (METI 2012) and its proposals for a new checklist assessment.
    fn sample_proposals() -> (Assessment, Vec<Carry>, Assessment, &'static Catalog) {
        let (checklist, catalog) = fresh();
        let meti = embedded::catalog("meti-2012").unwrap();
        let sample = embedded::sample_assessment();
        let proposals = crate::coverage::carry_proposals(
            meti,
            &sample,
            &[embedded::crosswalk()],
            catalog,
            &checklist,
        );
        (sample, proposals, checklist, catalog)
    }

    #[test]
    fn carried_answers_come_in_inherited_and_unconfirmed_until_confirmed() {
        let (sample, proposals, mut checklist, catalog) = sample_proposals();
        assert!(proposals.len() > 20, "{}", proposals.len());
        let carry = Edit::Carry {
            source: Box::new(sample.clone()),
            carries: proposals.clone(),
        };
        let touched = apply(&mut checklist, catalog, carry, NOW).unwrap();
        assert_eq!(touched, Touched::Everything);
        let count = crate::coverage::carried(&checklist);
        assert_eq!(
            (count.total, count.unconfirmed),
            (proposals.len(), proposals.len())
        );
        let first = &proposals[0];
        let answer = &checklist.answers[&first.target_item];
        let provenance = answer.provenance.as_ref().unwrap();
        assert_eq!(provenance.kind, crate::ProvenanceKind::Inherited);
        assert_eq!(provenance.source.assessment, sample.id);
        assert_eq!(provenance.source.digest, crate::report::digest(&sample));
        assert_eq!(
            answer.statement,
            sample.answers[&first.source_item].statement
        );
        assert_eq!(answer.status, first.status);
        apply(
            &mut checklist,
            catalog,
            Edit::Confirm {
                item: first.target_item.clone(),
            },
            NOW,
        )
        .unwrap();
        let count = crate::coverage::carried(&checklist);
        assert_eq!(count.unconfirmed, proposals.len() - 1);
        assert!(!checklist.answers[&first.target_item].awaits_confirmation());
    }

    #[test]
    fn carrying_never_replaces_an_answer_given_here() {
        let (sample, proposals, mut checklist, catalog) = sample_proposals();
        let answered_meanwhile = proposals[1].target_item.clone();
        apply(
            &mut checklist,
            catalog,
            Edit::Status {
                item: answered_meanwhile.clone(),
                status: Some("not-met".into()),
            },
            NOW,
        )
        .unwrap();
        let own = checklist.answers[&answered_meanwhile].clone();
        let carry = Edit::Carry {
            source: Box::new(sample),
            carries: proposals.clone(),
        };
        apply(&mut checklist, catalog, carry, "2026-12-01T00:00:00Z").unwrap();
        assert_eq!(checklist.answers[&answered_meanwhile], own);
        assert_eq!(
            crate::coverage::carried(&checklist).total,
            proposals.len() - 1
        );
    }

    #[test]
    fn a_carry_to_an_item_or_status_the_catalog_lacks_is_refused_whole() {
        let (sample, proposals, mut checklist, catalog) = sample_proposals();
        let before = checklist.clone();
        let mut off_scale = proposals[0].clone();
        off_scale.status = Some("yes".into());
        let mut no_item = proposals[0].clone();
        no_item.target_item = "999".into();
        for (bad, error) in [
            (off_scale, EditError::NotOnScale("yes".into())),
            (no_item, EditError::UnknownItem("999".into())),
        ] {
            let carry = Edit::Carry {
                source: Box::new(sample.clone()),
                carries: vec![proposals[1].clone(), bad],
            };
            assert_eq!(apply(&mut checklist, catalog, carry, NOW), Err(error));
            assert_eq!(checklist, before);
        }
    }

    #[test]
    fn a_note_dealt_with_is_removed_and_the_others_stay() {
        let (mut assessment, catalog) = fresh();
        let note = |text: &str| AnswerNote::new("sheetColumn", text, "");
        assessment.notes = vec![note("F 列"), note("G 列")];
        let remove_f = |assessment: &mut Assessment| {
            let edit = Edit::RemoveNote {
                note: note("F 列")
            };
            apply(assessment, catalog, edit, NOW).unwrap();
        };
        remove_f(&mut assessment);
        assert_eq!(assessment.notes, [note("G 列")]);
        assert_eq!(assessment.updated_at, NOW);
        // Removed again, or never there: nothing else changes.
        let before = assessment.clone();
        remove_f(&mut assessment);
        assert_eq!(assessment, before);
    }

    #[test]
    fn a_note_on_an_item_dealt_with_is_removed_and_the_answer_stays_unconfirmed() {
        let sample = embedded::sample_assessment();
        let catalog = embedded::catalog(&sample.catalog.id).unwrap();
        let mut assessment = crate::publish::start_from_published(&sample, "hospital", NOW);
        let (item, answer) = assessment
            .answers
            .iter()
            .find(|(_, answer)| !answer.notes.is_empty())
            .map(|(item, answer)| (item.clone(), answer.clone()))
            .expect("the sample has notes on how its source was read");
        let note = answer.notes[0].clone();
        let edit = Edit::RemoveItemNote {
            item: item.clone(),
            note: note.clone(),
        };
        apply(&mut assessment, catalog, edit, NOW).unwrap();
        let after = &assessment.answers[&item];
        assert!(!after.notes.contains(&note));
        assert_eq!(after.notes.len(), answer.notes.len() - 1);
        assert_eq!(after.statement, answer.statement);
        assert_eq!(after.updated_at.as_deref(), Some(NOW));
        assert!(answer.awaits_confirmation() && after.awaits_confirmation());
        // An answer that was only its note is gone with it.
        let only_note = Answer {
            notes: vec![note.clone()],
            ..Answer::default()
        };
        assessment.answers.insert("2".into(), only_note);
        let edit = Edit::RemoveItemNote {
            item: "2".into(),
            note,
        };
        apply(&mut assessment, catalog, edit, NOW).unwrap();
        assert!(!assessment.answers.contains_key("2"));
    }
}
