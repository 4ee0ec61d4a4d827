//! Filtering the items of an assessment: by status, responsibility, group, guideline clause,
//! unanswered only, and a search over all text. The filters combine (all must hold).
//!
//! [`SearchIndex`] keeps each item's text folded once ([`crate::search`]); an edit refolds one
//! item, so a keystroke in the search box only scans the prepared texts. The folding is done
//! the first time a search needs it ([`SearchIndex::prepare`]), not when an assessment opens.

use std::cell::OnceCell;
use std::ops::Range;

use crate::assessment::{Answer, Assessment, DisclosureLevel};
use crate::catalog::{Catalog, Item};
use crate::fields::answer_texts;
use crate::search::{fold, highlight_ranges, matches_all, query_terms, Folded};

/// Which items to show. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFilter {
    /// Only these statuses (choice ids of the scale; `None` is 未回答); empty means any.
    pub statuses: Vec<Option<String>>,
    /// Only items this party holds; `Some(None)` means answered with no party named.
    pub party: Option<Option<String>>,
    /// Only this disclosure level; `Some(None)` means none set.
    pub disclosure: Option<Option<DisclosureLevel>>,
    /// Only items the hospital or its SI must act on ([`crate::todo`]).
    pub hospital_action: bool,
    /// Only answers taken from elsewhere that are not confirmed yet.
    pub awaiting_confirmation: bool,
    /// Only items in this group or its sub-groups.
    pub group: Option<String>,
    /// Only items referring to this guideline (by id) …
    pub guideline: Option<String>,
    /// … and whose reference (section or clause) contains this text, e.g. `7.6.14`.
    pub clause: String,
    /// Only items with no status yet (未回答), even where a statement was written.
    pub unanswered_only: bool,
    /// Search terms, all of which must occur (NFKC-folded, case-insensitive).
    pub query: String,
}

/// The folded searchable text of every item: catalog text plus what was answered. Empty until
/// a search needs it (or [`SearchIndex::prepare`] is called when there is time).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    entries: OnceCell<Vec<Folded>>,
}

impl SearchIndex {
    /// An index whose folding waits for the first search, so opening an assessment does not.
    pub fn new() -> Self {
        SearchIndex::default()
    }

    /// Folds every item's catalog text and answer texts, once, for [`matching_items`] to scan.
    pub fn prepare(&self, catalog: &Catalog, assessment: &Assessment) -> &[Folded] {
        self.entries.get_or_init(|| {
            catalog
                .items
                .iter()
                .map(|item| {
                    fold(&searchable_text(
                        catalog,
                        item,
                        assessment.answers.get(&item.id),
                    ))
                })
                .collect()
        })
    }

    /// Where the query terms occur in item `position`'s own text (byte ranges of
    /// `item.text`), read off the prepared folding instead of folding the text again; none
    /// before a search has prepared it.
    pub fn text_highlights(
        &self,
        catalog: &Catalog,
        position: usize,
        terms: &[String],
    ) -> Vec<Range<usize>> {
        let entry = self.entries.get().and_then(|entries| entries.get(position));
        let (Some(entry), Some(item)) = (entry, catalog.items.get(position)) else {
            return Vec::new();
        };
        // The searchable text starts with the id, a newline, then the item text.
        let start = item.id.len() + 1;
        let end = start + item.text.len();
        highlight_ranges(entry, terms)
            .into_iter()
            .filter(|range| range.start >= start && range.end <= end)
            .map(|range| range.start - start..range.end - start)
            .collect()
    }

    /// Refolds one item after its answer changed.
    pub fn update(&mut self, catalog: &Catalog, assessment: &Assessment, item_id: &str) {
        if let Some(index) = catalog.items.iter().position(|item| item.id == item_id) {
            if let Some(entry) = self
                .entries
                .get_mut()
                .and_then(|entries| entries.get_mut(index))
            {
                *entry = fold(&searchable_text(
                    catalog,
                    &catalog.items[index],
                    assessment.answers.get(item_id),
                ));
            }
        }
    }
}

/// Everything a search looks at, in one string: id, text, evidence examples, references and
/// every text of the answer (the fields table says which).
fn searchable_text(catalog: &Catalog, item: &Item, answer: Option<&Answer>) -> String {
    let mut parts: Vec<&str> = vec![&item.id, &item.text];
    parts.extend(item.evidence_examples.as_deref());
    parts.extend(
        item.references
            .iter()
            .map(|reference| reference.raw.as_str()),
    );
    if let Some(answer) = answer {
        parts.extend(answer_texts(catalog, answer));
    }
    parts.join("\n")
}

/// Indexes (into `catalog.items`) of the items that pass every filter, in catalog order.
pub fn matching_items(
    catalog: &Catalog,
    assessment: &Assessment,
    index: &SearchIndex,
    filter: &ItemFilter,
) -> Vec<usize> {
    let terms = query_terms(&filter.query);
    let entries = if terms.is_empty() {
        &[]
    } else {
        index.prepare(catalog, assessment)
    };
    let clause = fold(filter.clause.trim()).text;
    catalog
        .items
        .iter()
        .enumerate()
        .filter(|(position, item)| {
            let answer = assessment.answers.get(&item.id);
            let status = answer.and_then(|answer| answer.status.clone());
            (filter.statuses.is_empty() || filter.statuses.contains(&status))
                && filter
                    .party
                    .as_ref()
                    .is_none_or(|wanted| held_by(answer, wanted.as_deref()))
                && filter
                    .disclosure
                    .is_none_or(|wanted| answer.and_then(|a| a.disclosure) == wanted)
                && (!filter.hospital_action
                    || answer.is_some_and(|a| crate::todo::for_hospital(assessment, a)))
                && (!filter.awaiting_confirmation
                    || answer.is_some_and(Answer::awaits_confirmation))
                && filter
                    .group
                    .as_deref()
                    .is_none_or(|group| catalog.item_in_group(item, group))
                && refers_to(catalog, item, filter.guideline.as_deref(), &clause)
                && (!filter.unanswered_only || status.is_none())
                && (terms.is_empty()
                    || entries
                        .get(*position)
                        .is_some_and(|entry| matches_all(entry, &terms)))
        })
        .map(|(position, _)| position)
        .collect()
}

/// Whether the answer names the party (`None`: is answered but names no party).
fn held_by(answer: Option<&Answer>, party: Option<&str>) -> bool {
    match (answer, party) {
        (Some(answer), Some(party)) => answer.parties.iter().any(|held| held == party),
        (Some(answer), None) => answer.parties.is_empty(),
        (None, _) => false,
    }
}

/// Whether the item belongs to or cites the guideline, at the clause if one is given. A clause
/// names a section and everything under it: `7.6.1` is 7.6.1 (not 7.6.14), `3.2.3` takes
/// in `3.2.3(2)`, and in a catalog of one guideline `2.6` is that section and its sub-sections.
fn refers_to(catalog: &Catalog, item: &Item, guideline: Option<&str>, clause: &str) -> bool {
    if guideline.is_none() && clause.is_empty() {
        return true;
    }
    let in_own_section = catalog
        .implements
        .as_deref()
        .is_some_and(|own| guideline.is_none_or(|wanted| wanted == own))
        && (clause.is_empty()
            || catalog
                .group_path(&item.group)
                .iter()
                .any(|group| section_within(&fold(&group.id).text, clause)));
    in_own_section
        || item.references.iter().any(|reference| {
            guideline.is_none_or(|wanted| reference.guideline == wanted)
                && (clause.is_empty() || section_within(&fold(&reference.section).text, clause))
        })
}

/// `section` is `clause` or lies under it (the next character is not a digit).
fn section_within(section: &str, clause: &str) -> bool {
    section
        .strip_prefix(clause)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Where the query's terms occur in `text`, as byte ranges, for highlighting.
pub fn highlights(text: &str, query: &str) -> Vec<Range<usize>> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    highlight_ranges(&fold(text), &terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    fn run(filter: &ItemFilter) -> Vec<String> {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let mut assessment = Assessment::new("t", catalog, "t");
        assessment.set_answer(
            "23",
            Answer {
                status: Some("partial".into()),
                parties: vec!["hospital".into()],
                statement: "ｱｸｾｽ管理規程を整備".into(),
                ..Answer::default()
            },
            "t",
        );
        let index = SearchIndex::new();
        matching_items(catalog, &assessment, &index, filter)
            .into_iter()
            .map(|position| catalog.items[position].id.clone())
            .collect()
    }

    #[test]
    fn filters_combine() {
        let all = run(&ItemFilter::default());
        assert_eq!(all.len(), 253);
        let partial = run(&ItemFilter {
            statuses: vec![Some("partial".into())],
            ..ItemFilter::default()
        });
        assert_eq!(partial, ["23"]);
        let hospital_and_search = run(&ItemFilter {
            party: Some(Some("hospital".into())),
            query: "アクセス管理規程".into(),
            ..ItemFilter::default()
        });
        assert_eq!(hospital_and_search, ["23"]);
        let unanswered = run(&ItemFilter {
            unanswered_only: true,
            ..ItemFilter::default()
        });
        assert_eq!(unanswered.len(), 252);
    }

    #[test]
    fn half_width_query_and_clause_filter() {
        let by_katakana = run(&ItemFilter {
            query: "ﾊﾞｯｸｱｯﾌﾟ".into(),
            ..ItemFilter::default()
        });
        assert!(!by_katakana.is_empty());
        let by_clause = run(&ItemFilter {
            guideline: Some("meti2008".into()),
            clause: "7.6.14".into(),
            ..ItemFilter::default()
        });
        assert!(!by_clause.is_empty());
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        for id in &by_clause {
            let item = catalog.item(id).unwrap();
            assert!(
                item.references.iter().any(|r| r.raw.contains("7.6.14")),
                "{id}"
            );
        }
    }

    #[test]
    fn a_clause_names_a_section_and_what_is_under_it() {
        assert!(section_within("7.6.1", "7.6.1"));
        assert!(!section_within("7.6.14", "7.6.1"));
        assert!(section_within("3.2.3(2)", "3.2.3"));
        assert!(section_within("2.6.14", "2.6"));
        let catalog = embedded::catalog("meti-2012").unwrap();
        let assessment = Assessment::new("t", catalog, "t");
        let index = SearchIndex::new();
        let ids = |clause: &str| -> Vec<String> {
            let filter = ItemFilter {
                clause: clause.into(),
                ..ItemFilter::default()
            };
            matching_items(catalog, &assessment, &index, &filter)
                .into_iter()
                .map(|p| catalog.items[p].id.clone())
                .collect()
        };
        // 2.6.1 holds items 56–65; 2.6.10–2.6.15 must not come along.
        let expected: Vec<String> = (56..=65).map(|n| n.to_string()).collect();
        assert_eq!(ids("2.6.1"), expected);
        assert_eq!(ids("2.2").len(), 11);
    }

    #[test]
    fn group_filter_includes_sub_groups() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let root = catalog.root_groups().next().unwrap().id.clone();
        let in_root = run(&ItemFilter {
            group: Some(root.clone()),
            ..ItemFilter::default()
        });
        let expected = catalog
            .items
            .iter()
            .filter(|i| catalog.item_in_group(i, &root))
            .count();
        assert_eq!(in_root.len(), expected);
        assert!(expected > 0);
    }

    #[test]
    fn index_highlights_equal_highlights_of_the_text_alone() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let assessment = Assessment::new("t", catalog, "t");
        let index = SearchIndex::new();
        assert!(index
            .text_highlights(catalog, 0, &query_terms("isms"))
            .is_empty());
        index.prepare(catalog, &assessment);
        for query in ["ｱｸｾｽ", "医療機関 クラウド", "isms", "(1)"] {
            let terms = query_terms(query);
            for (position, item) in catalog.items.iter().enumerate() {
                let from_index = index.text_highlights(catalog, position, &terms);
                let direct: Vec<_> = highlights(&item.text, query)
                    .into_iter()
                    .filter(|range| range.end <= item.text.len())
                    .collect();
                assert_eq!(from_index, direct, "item {} query {query}", item.id);
            }
        }
    }

    #[test]
    fn highlight_positions_are_in_the_original_text() {
        let text = "作業者アクセス及び作業者IDの管理";
        let ranges = highlights(text, "ｱｸｾｽ id");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["アクセス", "ID"]);
    }
}
