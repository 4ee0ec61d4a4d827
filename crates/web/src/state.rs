//! The assessment screen's state: plain data and one reducer that holds every change.
//! Edits go through the engine's `Assessment` methods; filtering through `tekigo_core::filter`.

use std::rc::Rc;

use tekigo_core::filter::{matching_items, ItemFilter, SearchIndex};
use tekigo_core::{
    Answer, Assessment, Catalog, DisclosureLevel, Document, EvidenceRef, Responsibility, Status,
};
use yew::Reducible;

/// Which part of the assessment screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Items,
    Documents,
    Dashboard,
}

/// A free-text field of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerText {
    Statement,
    CertificationInference,
    Interview,
    HospitalActions,
    ConfirmedEvidence,
    Verdict,
    Improvement,
}

/// A field of the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectField {
    Product,
    Applicant,
    Evaluator,
    ReferenceNumber,
    Date,
}

/// A field of a register document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentField {
    Id,
    Title,
    Url,
}

/// Whether the latest change is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    ReadOnly,
    Conflict,
    Failed(String),
}

#[derive(Clone)]
pub struct EditorState {
    pub catalog: Rc<Catalog>,
    pub assessment: Rc<Assessment>,
    pub index: Rc<SearchIndex>,
    pub filter: ItemFilter,
    /// Positions in `catalog.items` that pass the filter.
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub expanded: bool,
    pub tab: Tab,
    /// Counts edits; a change of it asks for a save.
    pub edits: u64,
    /// The last edit known to be stored.
    pub saved_edits: u64,
    pub save: SaveState,
}

pub enum EditorAction {
    SetStatus(String, Status),
    SetResponsibility(String, Option<Responsibility>),
    SetDisclosure(String, Option<DisclosureLevel>),
    SetText(String, AnswerText, String),
    AddEvidence(String),
    SetEvidence(String, usize, EvidenceRef),
    RemoveEvidence(String, usize),
    SetSubject(SubjectField, String),
    AddDocument,
    SetDocument(usize, DocumentField, String),
    SetDocumentDisclosure(usize, DisclosureLevel),
    RemoveDocument(usize),
    SetFilter(ItemFilter),
    /// Selects an item and opens its details, or toggles the details of the selected one.
    Open(usize),
    /// Selects the visible item this many places from the item at this position.
    Move(usize, isize),
    /// Selects the next visible unanswered item after this position, wrapping around.
    NextUnanswered(usize),
    ShowTab(Tab),
    /// Everything up to this edit is stored.
    Saved(u64),
    SaveProblem(SaveState),
}

impl EditorState {
    pub fn new(catalog: Rc<Catalog>, assessment: Assessment) -> Self {
        let index = SearchIndex::new(&catalog, &assessment);
        let filter = ItemFilter::default();
        let visible = matching_items(&catalog, &assessment, &index, &filter);
        EditorState {
            selected: visible.first().copied(),
            catalog,
            assessment: Rc::new(assessment),
            index: Rc::new(index),
            filter,
            visible: Rc::new(visible),
            expanded: false,
            tab: Tab::Items,
            edits: 0,
            saved_edits: 0,
            save: SaveState::Saved,
        }
    }

    /// Whether edits are waiting to be stored.
    pub fn saving(&self) -> bool {
        self.edits > self.saved_edits
    }

    pub fn read_only(&self) -> bool {
        matches!(self.save, SaveState::ReadOnly | SaveState::Conflict)
    }

    fn refilter(&mut self) {
        self.visible = Rc::new(matching_items(
            &self.catalog,
            &self.assessment,
            &self.index,
            &self.filter,
        ));
    }

    fn edit_answer(&mut self, item: &str, change: impl FnOnce(&mut Answer)) {
        let now = crate::browser::clock::now();
        Rc::make_mut(&mut self.assessment).update_answer(item, &now, change);
        Rc::make_mut(&mut self.index).update(&self.catalog, &self.assessment, item);
        self.edits += 1;
        self.refilter();
    }

    fn edit_assessment(&mut self, change: impl FnOnce(&mut Assessment)) {
        let assessment = Rc::make_mut(&mut self.assessment);
        change(assessment);
        assessment.updated_at = crate::browser::clock::now();
        self.edits += 1;
    }
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut state = (*self).clone();
        let editing = matches!(
            action,
            EditorAction::SetStatus(..)
                | EditorAction::SetResponsibility(..)
                | EditorAction::SetDisclosure(..)
                | EditorAction::SetText(..)
                | EditorAction::AddEvidence(..)
                | EditorAction::SetEvidence(..)
                | EditorAction::RemoveEvidence(..)
                | EditorAction::SetSubject(..)
                | EditorAction::AddDocument
                | EditorAction::SetDocument(..)
                | EditorAction::SetDocumentDisclosure(..)
                | EditorAction::RemoveDocument(..)
        );
        if editing && state.read_only() {
            return self;
        }
        match action {
            EditorAction::SetStatus(item, status) => {
                state.edit_answer(&item, |a| a.status = status)
            }
            EditorAction::SetResponsibility(item, value) => {
                state.edit_answer(&item, |a| a.responsibility = value)
            }
            EditorAction::SetDisclosure(item, value) => {
                state.edit_answer(&item, |a| a.disclosure = value)
            }
            EditorAction::SetText(item, field, text) => state.edit_answer(&item, |a| {
                *match field {
                    AnswerText::Statement => &mut a.statement,
                    AnswerText::CertificationInference => &mut a.certification_inference,
                    AnswerText::Interview => &mut a.interview,
                    AnswerText::HospitalActions => &mut a.hospital_actions,
                    AnswerText::ConfirmedEvidence => &mut a.evaluator.confirmed_evidence,
                    AnswerText::Verdict => &mut a.evaluator.verdict,
                    AnswerText::Improvement => &mut a.evaluator.improvement,
                } = text
            }),
            EditorAction::AddEvidence(item) => {
                state.edit_answer(&item, |a| a.evidence.push(EvidenceRef::default()))
            }
            EditorAction::SetEvidence(item, index, evidence) => state.edit_answer(&item, |a| {
                if let Some(slot) = a.evidence.get_mut(index) {
                    *slot = evidence;
                }
            }),
            EditorAction::RemoveEvidence(item, index) => state.edit_answer(&item, |a| {
                if index < a.evidence.len() {
                    a.evidence.remove(index);
                }
            }),
            EditorAction::SetSubject(field, value) => state.edit_assessment(|a| {
                *match field {
                    SubjectField::Product => &mut a.subject.product,
                    SubjectField::Applicant => &mut a.subject.applicant,
                    SubjectField::Evaluator => &mut a.subject.evaluator,
                    SubjectField::ReferenceNumber => &mut a.subject.reference_number,
                    SubjectField::Date => &mut a.subject.date,
                } = value
            }),
            EditorAction::AddDocument => state.edit_assessment(|a| {
                let next = a.documents.len() + 1;
                a.documents.push(Document {
                    id: format!("{next:02}"),
                    ..Document::default()
                })
            }),
            EditorAction::SetDocument(index, field, value) => state.edit_assessment(|a| {
                if let Some(document) = a.documents.get_mut(index) {
                    *match field {
                        DocumentField::Id => &mut document.id,
                        DocumentField::Title => &mut document.title,
                        DocumentField::Url => &mut document.url,
                    } = value
                }
            }),
            EditorAction::SetDocumentDisclosure(index, level) => state.edit_assessment(|a| {
                if let Some(document) = a.documents.get_mut(index) {
                    document.disclosure = level;
                }
            }),
            EditorAction::RemoveDocument(index) => state.edit_assessment(|a| {
                if index < a.documents.len() {
                    a.documents.remove(index);
                }
            }),
            EditorAction::SetFilter(filter) => {
                state.filter = filter;
                state.refilter();
                if state.selected.is_none_or(|s| !state.visible.contains(&s)) {
                    state.selected = state.visible.first().copied();
                    state.expanded = false;
                }
            }
            EditorAction::Open(position) => {
                if state.selected == Some(position) {
                    state.expanded = !state.expanded;
                } else {
                    state.selected = Some(position);
                    state.expanded = true;
                }
            }
            EditorAction::Move(from, delta) => {
                let current = state.visible.iter().position(|&v| v == from);
                let target = match current {
                    Some(at) => at
                        .saturating_add_signed(delta)
                        .min(state.visible.len().saturating_sub(1)),
                    None => 0,
                };
                state.selected = state.visible.get(target).copied().or(state.selected);
            }
            EditorAction::NextUnanswered(from) => {
                let current = state.visible.iter().position(|&v| v == from);
                let start = current.map_or(0, |at| at + 1);
                let count = state.visible.len();
                let next = (0..count)
                    .map(|offset| state.visible[(start + offset) % count])
                    .find(|&position| {
                        state
                            .assessment
                            .status_of(&state.catalog.items[position].id)
                            == Status::Unanswered
                    });
                match next {
                    Some(position) => state.selected = Some(position),
                    None => return self,
                }
            }
            EditorAction::ShowTab(tab) => state.tab = tab,
            EditorAction::Saved(edit) => {
                state.saved_edits = state.saved_edits.max(edit);
                if state.save != SaveState::ReadOnly {
                    state.save = SaveState::Saved;
                }
            }
            EditorAction::SaveProblem(problem) => state.save = problem,
        }
        Rc::new(state)
    }
}
