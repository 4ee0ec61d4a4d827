//! The hospital's to-do list: every item the hospital or its SI has to act on itself, because
//! an answer names them among the parties holding it or says what they must do.

use crate::assessment::{Answer, Assessment};
use crate::catalog::Catalog;
use crate::party::PartyRole;

/// One item on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoEntry {
    /// Position of the item in the catalog, for jumping to it.
    pub position: usize,
    /// The item's id in the catalog.
    pub item: String,
    /// 医療機関・SI事業者で必要な対応 as written; empty when only the party is named.
    pub action: String,
}

/// Whether the hospital or its SI must act on the item this answer belongs to: the answer
/// says what they must do, or names them among the parties holding it — unless an
/// applicability question excluded the item (whatever its parties, nothing is left to do
/// then). An item answered 対象外 by hand stays: a vendor's 対象外 with 医療機関等 responsible
/// means the hospital's job.
pub fn for_hospital(assessment: &Assessment, answer: &Answer) -> bool {
    !answer.hospital_actions.trim().is_empty()
        || answer.excluded_by.is_none()
            && answer
                .parties
                .iter()
                .filter_map(|id| assessment.party(id))
                .any(|party| matches!(party.role, PartyRole::Hospital | PartyRole::Si))
}

/// Every item the hospital or its SI must act on, in catalog order.
pub fn hospital_todo(catalog: &Catalog, assessment: &Assessment) -> Vec<TodoEntry> {
    catalog
        .items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| {
            let answer = assessment.answers.get(&item.id)?;
            for_hospital(assessment, answer).then(|| TodoEntry {
                position,
                item: item.id.clone(),
                action: answer.hospital_actions.trim().to_owned(),
            })
        })
        .collect()
}
