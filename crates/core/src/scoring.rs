//! Scores of an assessment: progress and compliance per group, per guideline and per party.
//! Scores count outcomes, not statuses, so every catalog's own answer scale scores alike.
//!
//! Two compliance rates are given, and each says what it counts: the overall rate is met items
//! over every applicable item (unanswered ones count as not met), the answered rate is met
//! items over the applicable items that have an answer. Excluded items (対象外) are in neither.

use std::collections::HashMap;

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::catalog::{Catalog, Item};
use crate::scale::{AnswerScale, Outcome};

/// Counts of items by outcome.
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Every item counted, answered or not.
    pub total: usize,
    /// Items whose status counts as met (e.g. 適合).
    pub met: usize,
    /// Items whose status counts as partly met (e.g. 一部適合).
    pub partial: usize,
    /// Items whose status counts as not met (e.g. 未対応).
    pub not_met: usize,
    /// Items that do not apply (対象外); left out of every rate.
    pub excluded: usize,
    /// Items without a status, even where a statement was written.
    pub unanswered: usize,
}

impl Tally {
    /// Counts one item with this outcome (`None`: unanswered).
    pub fn add(&mut self, outcome: Option<Outcome>) {
        self.total += 1;
        *match outcome {
            Some(Outcome::Met) => &mut self.met,
            Some(Outcome::Partial) => &mut self.partial,
            Some(Outcome::NotMet) => &mut self.not_met,
            Some(Outcome::Excluded) => &mut self.excluded,
            None => &mut self.unanswered,
        } += 1;
    }

    /// How many items have the outcome (`None`: unanswered).
    pub fn count(&self, outcome: Option<Outcome>) -> usize {
        match outcome {
            Some(Outcome::Met) => self.met,
            Some(Outcome::Partial) => self.partial,
            Some(Outcome::NotMet) => self.not_met,
            Some(Outcome::Excluded) => self.excluded,
            None => self.unanswered,
        }
    }

    /// Items with any status (対象外 is an answer).
    pub fn answered(&self) -> usize {
        self.total - self.unanswered
    }

    /// Items that count for compliance: all but the excluded.
    pub fn applicable(&self) -> usize {
        self.total - self.excluded
    }

    /// Answered share of all items, 0–100.
    pub fn progress_percent(&self) -> f64 {
        percent(self.answered(), self.total).unwrap_or(100.0)
    }

    /// Met share of every applicable item, unanswered ones counting as not met; none when
    /// nothing is applicable.
    pub fn compliance_percent(&self) -> Option<f64> {
        percent(self.met, self.applicable())
    }

    /// Met share of the applicable items that have an answer; none before the first.
    pub fn answered_compliance_percent(&self) -> Option<f64> {
        percent(self.met, self.answered() - self.excluded)
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The tally of one group, counting the items of its sub-groups too.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct GroupScore {
    /// The group's id in the catalog.
    pub group: String,
    /// The group's heading, for a table of scores.
    pub title: String,
    /// How many ancestors the group has: 0 for a top-level group.
    pub depth: usize,
    /// The outcomes of the group's items and its sub-groups' items.
    pub tally: Tally,
}

/// Who holds the items that have an answer.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "camelCase", tag = "kind", content = "id")]
pub enum Holder {
    /// A party of the register, by id.
    Party(String),
    /// Answered, but no party named.
    Nobody,
}

/// All scores of one assessment.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// Every item of the catalog.
    pub overall: Tally,
    /// How many items have each choice of the scale, in scale order.
    pub choices: Vec<(String, usize)>,
    /// Items with a statement but no status: stated, not rated.
    pub stated_not_rated: usize,
    /// Answers taken from elsewhere that nobody here has confirmed yet.
    pub awaiting_confirmation: usize,
    /// Per group, in catalog order.
    pub groups: Vec<GroupScore>,
    /// Per guideline id the items belong to or refer to.
    pub guidelines: Vec<(String, Tally)>,
    /// Per holder, over the items that have an answer; an item held by two parties counts
    /// for both.
    pub holders: Vec<(Holder, Tally)>,
}

/// Scores `assessment` against `catalog`. Answers for items the catalog lacks are ignored
/// (validation reports them).
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Scorecard {
    let scale = catalog.scale();
    let mut overall = Tally::default();
    let mut choices: Vec<(String, usize)> = scale
        .choices
        .iter()
        .map(|choice| (choice.id.clone(), 0))
        .collect();
    let (mut stated_not_rated, mut awaiting_confirmation) = (0, 0);
    let mut guidelines: Vec<(String, Tally)> = Vec::new();
    let mut holders: Vec<(Holder, Tally)> = Vec::new();
    for item in &catalog.items {
        let answer = assessment.answers.get(&item.id);
        let outcome = outcome_of(scale, answer);
        overall.add(outcome);
        let status = answer.and_then(|answer| answer.status.as_deref());
        if let Some((_, count)) = choices
            .iter_mut()
            .find(|(id, _)| Some(id.as_str()) == status)
        {
            *count += 1;
        }
        for guideline in guidelines_of(catalog, item) {
            tally_for(&mut guidelines, guideline.to_owned()).add(outcome);
        }
        let Some(answer) = answer else { continue };
        if status.is_none() && !answer.statement.trim().is_empty() {
            stated_not_rated += 1;
        }
        if answer.awaits_confirmation() {
            awaiting_confirmation += 1;
        }
        if answer.parties.is_empty() {
            tally_for(&mut holders, Holder::Nobody).add(outcome);
        }
        for party in &answer.parties {
            tally_for(&mut holders, Holder::Party(party.clone())).add(outcome);
        }
    }
    guidelines.sort_by_key(|(id, _)| catalog.guidelines.iter().position(|g| g.id == *id));
    holders.sort_by_key(|(holder, _)| match holder {
        Holder::Party(id) => (0, assessment.parties.iter().position(|p| p.id == *id)),
        Holder::Nobody => (1, None),
    });
    Scorecard {
        overall,
        choices,
        stated_not_rated,
        awaiting_confirmation,
        groups: group_scores(catalog, assessment),
        guidelines,
        holders,
    }
}

/// The outcome of an item's answer on the scale; `None` when unanswered.
pub fn outcome_of(scale: &AnswerScale, answer: Option<&Answer>) -> Option<Outcome> {
    scale.outcome(answer.and_then(|answer| answer.status.as_deref()))
}

/// Every group's tally, each item counted in its group and all the group's ancestors: one
/// walk up the tree per item, so a rescore after each keystroke stays cheap. The groups come
/// in tree order — each followed by the groups under it — whatever their order in the file (a
/// catalog may list a sub-group after groups of other parents).
fn group_scores(catalog: &Catalog, assessment: &Assessment) -> Vec<GroupScore> {
    let scale = catalog.scale();
    let position: HashMap<&str, usize> = catalog
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| (group.id.as_str(), index))
        .collect();
    let parent_of = |index: usize| {
        catalog.groups[index]
            .parent
            .as_deref()
            .and_then(|parent| position.get(parent).copied())
    };
    // Walks from a group to the root; the step bound stops a cycle in a foreign catalog.
    let ancestors = |start: Option<usize>| {
        std::iter::successors(start, move |&index| parent_of(index)).take(catalog.groups.len())
    };
    let mut tallies = vec![Tally::default(); catalog.groups.len()];
    for item in &catalog.items {
        let outcome = outcome_of(scale, assessment.answers.get(&item.id));
        for index in ancestors(position.get(item.group.as_str()).copied()) {
            tallies[index].add(outcome);
        }
    }
    catalog
        .groups_in_tree_order()
        .into_iter()
        .map(|index| GroupScore {
            group: catalog.groups[index].id.clone(),
            title: catalog.groups[index].title.clone(),
            depth: ancestors(Some(index)).count() - 1,
            tally: tallies[index],
        })
        .collect()
}

/// The guideline the catalog implements and every guideline the item refers to, by id.
pub fn guidelines_of<'c>(catalog: &'c Catalog, item: &'c Item) -> Vec<&'c str> {
    let mut found: Vec<&str> = catalog.implements.as_deref().into_iter().collect();
    for reference in &item.references {
        if !found.contains(&reference.guideline.as_str()) {
            found.push(&reference.guideline);
        }
    }
    found
}

fn tally_for<K: PartialEq>(tallies: &mut Vec<(K, Tally)>, key: K) -> &mut Tally {
    let index = match tallies.iter().position(|(existing, _)| *existing == key) {
        Some(index) => index,
        None => {
            tallies.push((key, Tally::default()));
            tallies.len() - 1
        }
    };
    &mut tallies[index].1
}
