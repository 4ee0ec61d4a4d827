//! Scores of an assessment: progress and compliance per group, per guideline and per
//! responsibility. 対象外 items are excluded from every rate; 適合 and 適合可能 count as met.

use std::collections::HashMap;

use serde::Serialize;

use crate::assessment::{Assessment, Responsibility, Status};
use crate::catalog::{Catalog, GuidelineId, Item};

/// Counts of items by status.
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub total: usize,
    pub compliant: usize,
    pub capable: usize,
    pub partial: usize,
    pub not_met: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
}

impl Tally {
    pub fn add(&mut self, status: Status) {
        self.total += 1;
        *match status {
            Status::Compliant => &mut self.compliant,
            Status::Capable => &mut self.capable,
            Status::Partial => &mut self.partial,
            Status::NotMet => &mut self.not_met,
            Status::NotApplicable => &mut self.not_applicable,
            Status::Unanswered => &mut self.unanswered,
        } += 1;
    }

    /// How many items have the status.
    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::Compliant => self.compliant,
            Status::Capable => self.capable,
            Status::Partial => self.partial,
            Status::NotMet => self.not_met,
            Status::NotApplicable => self.not_applicable,
            Status::Unanswered => self.unanswered,
        }
    }

    /// Items that have any status but 未回答 (対象外 is an answer).
    pub fn answered(&self) -> usize {
        self.total - self.unanswered
    }

    /// Items that count for compliance: all but 対象外.
    pub fn applicable(&self) -> usize {
        self.total - self.not_applicable
    }

    /// 適合 and 適合可能.
    pub fn met(&self) -> usize {
        self.compliant + self.capable
    }

    /// Answered share of all items, 0–100.
    pub fn progress_percent(&self) -> f64 {
        percent(self.answered(), self.total).unwrap_or(100.0)
    }

    /// Met share of the applicable items, 0–100; none when nothing is applicable.
    pub fn compliance_percent(&self) -> Option<f64> {
        percent(self.met(), self.applicable())
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The tally of one group, counting the items of its sub-groups too.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct GroupScore {
    pub group: String,
    pub title: String,
    pub depth: usize,
    pub tally: Tally,
}

/// All scores of one assessment.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    pub overall: Tally,
    pub groups: Vec<GroupScore>,
    /// Per guideline the items belong to or refer to.
    pub guidelines: Vec<(GuidelineId, Tally)>,
    /// Per responsibility; `None` is "not yet assigned".
    pub responsibilities: Vec<(Option<Responsibility>, Tally)>,
}

/// Scores `assessment` against `catalog`. Answers for items the catalog lacks are ignored
/// (validation reports them).
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Scorecard {
    let mut overall = Tally::default();
    let mut guidelines: Vec<(GuidelineId, Tally)> = Vec::new();
    let mut responsibilities: Vec<(Option<Responsibility>, Tally)> = Vec::new();
    for item in &catalog.items {
        let answer = assessment.answers.get(&item.id);
        let status = answer.map(|answer| answer.status).unwrap_or_default();
        overall.add(status);
        for guideline in guidelines_of(catalog, item) {
            tally_for(&mut guidelines, guideline).add(status);
        }
        tally_for(
            &mut responsibilities,
            answer.and_then(|answer| answer.responsibility),
        )
        .add(status);
    }
    guidelines.sort_by_key(|(guideline, _)| *guideline);
    responsibilities.sort_by_key(|(responsibility, _)| *responsibility);
    let groups = group_scores(catalog, assessment);
    Scorecard {
        overall,
        groups,
        guidelines,
        responsibilities,
    }
}

/// Every group's tally, each item counted in its group and all the group's ancestors: one
/// walk up the tree per item, so a rescore after each keystroke stays cheap.
fn group_scores(catalog: &Catalog, assessment: &Assessment) -> Vec<GroupScore> {
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
        let status = assessment.status_of(&item.id);
        for index in ancestors(position.get(item.group.as_str()).copied()) {
            tallies[index].add(status);
        }
    }
    catalog
        .groups
        .iter()
        .zip(tallies)
        .enumerate()
        .map(|(index, (group, tally))| GroupScore {
            group: group.id.clone(),
            title: group.title.clone(),
            depth: ancestors(Some(index)).count() - 1,
            tally,
        })
        .collect()
}

/// The guideline the catalog implements and every guideline the item refers to.
pub fn guidelines_of(catalog: &Catalog, item: &Item) -> Vec<GuidelineId> {
    let mut found: Vec<GuidelineId> = catalog.implements.into_iter().collect();
    for reference in &item.references {
        if !found.contains(&reference.guideline) {
            found.push(reference.guideline);
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
