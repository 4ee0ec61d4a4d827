//! Coverage by guideline: per clause of a guideline, which items of an assessment cover it
//! and how they stand ("METI 2012 2.6.3: items 52, 53 — 1 未対応"), and which clauses nobody
//! covers. Within a catalog, a clause is a section its items cite (or, for the guideline the
//! catalog implements, one of its own sections); across catalogs, the crosswalk links an
//! item to the requirements of another catalog, and an answer can be carried over to a linked
//! item — as inherited, for the user to confirm — with the link's strength shown.

use crate::assessment::{Answer, Assessment};
use crate::catalog::Catalog;
use crate::crosswalk::{linked_items, Crosswalk};
use crate::party::{Provenance, ProvenanceKind, SourceRef};
use crate::report::digest;
use crate::scale::{AnswerScale, Outcome};
use crate::scoring::outcome_of;

/// One clause and the items that cover it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseCoverage {
    /// The guideline's id.
    pub guideline: String,
    /// The section, e.g. `7.6.14` or `2.6.3`.
    pub section: String,
    /// The section's title, where the source names it.
    pub title: Option<String>,
    /// The covering items and their outcomes (none: unanswered).
    pub items: Vec<(String, Option<Outcome>)>,
}

impl ClauseCoverage {
    /// How many covering items have `outcome`.
    pub fn count(&self, outcome: Option<Outcome>) -> usize {
        self.items.iter().filter(|(_, o)| *o == outcome).count()
    }
}

/// Per clause of every guideline the catalog's items cite or the catalog implements, in the
/// order first met.
pub fn by_clause(catalog: &Catalog, assessment: &Assessment) -> Vec<ClauseCoverage> {
    let scale = catalog.scale();
    let mut clauses: Vec<ClauseCoverage> = Vec::new();
    for item in &catalog.items {
        let outcome = outcome_of(scale, assessment.answers.get(&item.id));
        let mut cited: Vec<(String, String, Option<String>)> = item
            .references
            .iter()
            .map(|r| (r.guideline.clone(), r.section.clone(), r.title.clone()))
            .collect();
        if let Some(own) = &catalog.implements {
            if let Some(group) = catalog.group(&item.group) {
                cited.push((own.clone(), group.id.clone(), Some(group.title.clone())));
            }
        }
        for (guideline, section, title) in cited {
            let entry = match clauses
                .iter()
                .position(|c| c.guideline == guideline && c.section == section)
            {
                Some(index) => &mut clauses[index],
                None => {
                    clauses.push(ClauseCoverage {
                        guideline,
                        section,
                        title,
                        items: Vec::new(),
                    });
                    clauses.last_mut().expect("just pushed")
                }
            };
            if !entry.items.iter().any(|(id, _)| *id == item.id) {
                entry.items.push((item.id.clone(), outcome));
            }
        }
    }
    clauses
}

/// One requirement of another catalog, and the items of this assessment linked to it.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedCoverage {
    /// The requirement's id in the other catalog.
    pub item: String,
    /// Each linked item here: id, outcome, and whether the link is confirmed by the texts.
    pub links: Vec<(String, Option<Outcome>, bool)>,
}

/// For every item of `target`, the items of `assessment` (of `catalog`) the crosswalks link
/// to it; an item with no link is a requirement nobody here covers.
pub fn through_crosswalks(
    catalog: &Catalog,
    assessment: &Assessment,
    crosswalks: &[&Crosswalk],
    target: &Catalog,
) -> Vec<LinkedCoverage> {
    let scale = catalog.scale();
    target
        .items
        .iter()
        .map(|item| LinkedCoverage {
            item: item.id.clone(),
            links: linked_items(crosswalks, &target.id, &item.id)
                .into_iter()
                .filter(|link| link.catalog == catalog.id)
                .map(|link| {
                    (
                        link.item.to_owned(),
                        outcome_of(scale, assessment.answers.get(link.item)),
                        link.link.verified,
                    )
                })
                .collect(),
        })
        .collect()
}

/// An answer that can be carried to a linked item that has none yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Carry {
    /// The item of the target assessment.
    pub target_item: String,
    /// The answered item of the source assessment.
    pub source_item: String,
    /// The clause the link came from.
    pub clause: String,
    /// Whether the texts confirm the link, or it holds by number only.
    pub verified: bool,
    /// The status the target would get (a choice of the target's scale), if any.
    pub status: Option<String>,
}

/// Every unanswered item of `target` that a crosswalk links to an answered item of `source`.
/// When several source items link to one target item, the first in catalog order is offered.
pub fn carry_proposals(
    source_catalog: &Catalog,
    source: &Assessment,
    crosswalks: &[&Crosswalk],
    target_catalog: &Catalog,
    target: &Assessment,
) -> Vec<Carry> {
    let mut proposals: Vec<Carry> = Vec::new();
    for item in &target_catalog.items {
        if target.answers.contains_key(&item.id) {
            continue;
        }
        let linked = linked_items(crosswalks, &target_catalog.id, &item.id)
            .into_iter()
            .filter(|link| link.catalog == source_catalog.id)
            .find(|link| source.answers.contains_key(link.item));
        if let Some(link) = linked {
            let answer = &source.answers[link.item];
            proposals.push(Carry {
                target_item: item.id.clone(),
                source_item: link.item.to_owned(),
                clause: link.clause.to_owned(),
                verified: link.link.verified,
                status: same_outcome(
                    source_catalog.scale(),
                    target_catalog.scale(),
                    answer.status.as_deref(),
                ),
            });
        }
    }
    proposals
}

/// The target scale's choice with the source status's id, or else its first choice with the
/// same outcome.
fn same_outcome(from: &AnswerScale, to: &AnswerScale, status: Option<&str>) -> Option<String> {
    let status = status?;
    if to.choice(status).is_some() {
        return Some(status.to_owned());
    }
    let outcome = from.outcome(Some(status))?;
    to.choices
        .iter()
        .find(|choice| choice.outcome == outcome)
        .map(|choice| choice.id.clone())
}

/// Carries one proposal into `target`: the source's status (on the target's scale) and its
/// statement, marked as inherited from `source` and waiting for the user's confirmation.
pub fn carry(carry: &Carry, source: &Assessment, target: &mut Assessment, now: &str) {
    carry_with_digest(carry, source, &digest(source), target, now);
}

/// Carries the chosen proposals into `target`, as [`carry`] does each, except onto an item
/// answered here meanwhile: an answer given here is never replaced. Returns the items carried.
pub fn carry_all(
    carries: &[Carry],
    source: &Assessment,
    target: &mut Assessment,
    now: &str,
) -> Vec<String> {
    let source_digest = digest(source);
    let mut carried = Vec::new();
    for proposal in carries {
        if target.answers.contains_key(&proposal.target_item)
            || !source.answers.contains_key(&proposal.source_item)
        {
            continue;
        }
        carry_with_digest(proposal, source, &source_digest, target, now);
        carried.push(proposal.target_item.clone());
    }
    carried
}

fn carry_with_digest(
    carry: &Carry,
    source: &Assessment,
    source_digest: &str,
    target: &mut Assessment,
    now: &str,
) {
    let Some(from) = source.answers.get(&carry.source_item) else {
        return;
    };
    target.answers.insert(
        carry.target_item.clone(),
        Answer {
            status: carry.status.clone(),
            statement: from.statement.clone(),
            provenance: Some(Provenance {
                kind: ProvenanceKind::Inherited,
                source: SourceRef {
                    assessment: source.id.clone(),
                    title: format!(
                        "{} No.{} ({})",
                        source.subject.product, carry.source_item, carry.clause
                    ),
                    digest: source_digest.to_owned(),
                },
                confirmed_at: None,
            }),
            updated_at: Some(now.to_owned()),
            ..Answer::default()
        },
    );
    target.updated_at = now.to_owned();
}

/// The answers carried over from another assessment, and how many of them nobody here has
/// confirmed yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carried {
    /// Answers inherited from another assessment.
    pub total: usize,
    /// Of which still awaiting confirmation.
    pub unconfirmed: usize,
}

/// Counts the answers of `assessment` carried over from another assessment.
pub fn carried(assessment: &Assessment) -> Carried {
    let inherited = assessment.answers.values().filter(|answer| {
        answer
            .provenance
            .as_ref()
            .is_some_and(|provenance| provenance.kind == ProvenanceKind::Inherited)
    });
    inherited.fold(Carried::default(), |count, answer| Carried {
        total: count.total + 1,
        unconfirmed: count.unconfirmed + usize::from(answer.awaits_confirmation()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn a_clause_lists_its_items_and_how_they_stand() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let mut assessment = Assessment::new("a", catalog, "t");
        assessment.set_answer(
            "32",
            Answer {
                status: Some("not-met".into()),
                ..Answer::default()
            },
            "t",
        );
        let clauses = by_clause(catalog, &assessment);
        let cited = clauses
            .iter()
            .find(|c| c.items.iter().any(|(id, _)| id == "32") && c.guideline == "meti2008")
            .unwrap();
        assert_eq!(cited.count(Some(Outcome::NotMet)), 1);
        assert_eq!(cited.count(None), cited.items.len() - 1);
        // Every item is in at least one clause (each cites a guideline).
        for item in &catalog.items {
            assert!(
                clauses
                    .iter()
                    .any(|c| c.items.iter().any(|(id, _)| *id == item.id)),
                "{}",
                item.id
            );
        }
    }

    #[test]
    fn checklist_answers_reach_meti_2012_through_the_crosswalk_and_can_be_carried() {
        let checklist = embedded::catalog("cloud-checklist-253").unwrap();
        let meti = embedded::catalog("meti-2012").unwrap();
        let crosswalk = embedded::crosswalk();
        let mut answers = Assessment::new("checklist", checklist, "t");
        answers.subject.product = "テスト".into();
        answers.set_answer(
            "32",
            Answer {
                status: Some("compliant".into()),
                statement: "資産台帳へのアクセスを制限している".into(),
                ..Answer::default()
            },
            "t",
        );
        let coverage = through_crosswalks(checklist, &answers, &[crosswalk], meti);
        assert_eq!(coverage.len(), meti.items.len());
        let reached = coverage.iter().filter(|c| !c.links.is_empty()).count();
        assert!(reached > 100 && reached < meti.items.len(), "{reached}");
        let mut target = Assessment::new("meti", meti, "t");
        let proposals = carry_proposals(checklist, &answers, &[crosswalk], meti, &target);
        assert!(!proposals.is_empty());
        assert!(proposals.iter().all(|p| p.source_item == "32"));
        carry(&proposals[0], &answers, &mut target, "now");
        let carried = &target.answers[&proposals[0].target_item];
        assert_eq!(carried.status.as_deref(), Some("compliant"));
        assert!(carried.awaits_confirmation());
        assert_eq!(
            carried.provenance.as_ref().unwrap().kind,
            ProvenanceKind::Inherited
        );
    }
}
