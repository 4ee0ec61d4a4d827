//! The crosswalk between the checklist (seed 003), which cites the METI guideline in its 2008
//! numbering (`[7.6.14 …] (5)`), and the METI 2012 catalog (seed 004, numbered `2.6.14`).
//!
//! Sections are mapped `7.a.b` → `2.a.b` and the mapping is kept only where the two titles
//! agree (character-bigram similarity after NFKC folding); otherwise the 2012 section with the
//! most similar title is taken if it is similar enough. A clause `(n)` maps to the n-th item of
//! the 2012 section; each link carries the text similarity of the two requirement texts. A
//! checklist item that cites m numbered clauses of a section paraphrases all m of them, so a
//! link counts as verified when its target is among the m items of that section most similar
//! to the checklist text. A recommended clause `推(n)` has no 2012 number, so it maps to the
//! most similar item.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Item};
use crate::known_guidelines::METI_2008;
use crate::search::fold;

/// Title similarity above which two section titles name the same section.
const SAME_TITLE: f64 = 0.5;
/// Text similarity above which a `推(n)` clause is linked to its most similar 2012 item.
const SIMILAR_TEXT: f64 = 0.25;

/// How a link was found.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// By number, confirmed by the title or text.
    Number,
    /// By the most similar title or text.
    Text,
}

/// A 2008 section and the 2012 section it became.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SectionLink {
    /// The section number the checklist cites, in the 2008 numbering, e.g. `7.6.14`.
    pub from_section: String,
    /// The 2008 section's title as the checklist's references give it.
    pub from_title: String,
    /// The 2012 section (a group of the METI 2012 catalog), e.g. `2.6.14`.
    pub to_section: String,
    /// The 2012 section's title.
    pub to_title: String,
    /// Whether the number was confirmed by the titles or the title alone chose the section.
    pub method: Method,
    /// How alike the two titles are, 0–1 (see [`similarity`]).
    pub title_similarity: f64,
}

/// An item of the first catalog and the item of the second that one of its clauses points to.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ClauseLink {
    /// The citing item, in the first catalog (the checklist).
    pub from_item: String,
    /// The cited item, in the second catalog (METI 2012).
    pub to_item: String,
    /// The 2008 reference, e.g. `7.6.14 (5)`.
    pub clause: String,
    /// Whether the clause's number or the most similar text chose the target.
    pub method: Method,
    /// How alike the two requirement texts are, 0–1, rounded to three places.
    pub text_similarity: f64,
    /// The target is also the most similar item of its section.
    pub verified: bool,
}

/// The whole mapping table.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Crosswalk {
    /// The catalog whose items cite, e.g. `cloud-checklist-253`.
    pub from_catalog: String,
    /// The catalog whose items are cited, e.g. `meti-2012`.
    pub to_catalog: String,
    /// Each 2008 section cited and the 2012 section it became.
    pub sections: Vec<SectionLink>,
    /// Each cited clause and the 2012 item it points to.
    pub links: Vec<ClauseLink>,
    /// 2008 references (`section clause`) that found no 2012 item.
    pub unmapped: Vec<String>,
}

/// An item linked to the one being looked at, in whichever catalog it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkedItem<'a> {
    /// The other item's catalog and id.
    pub catalog: &'a str,
    /// The other item's id in that catalog.
    pub item: &'a str,
    /// The cited clause, as the citing catalog wrote it.
    pub clause: &'a str,
    /// Whether the looked-at item is the citing one (links point forward) or the cited one.
    pub forward: bool,
    /// The whole link, for its method, similarity and whether it is verified.
    pub link: &'a ClauseLink,
}

/// Every item that any of `crosswalks` links to item `item` of catalog `catalog`, in both
/// directions, each pair once.
pub fn linked_items<'a>(
    crosswalks: &[&'a Crosswalk],
    catalog: &str,
    item: &str,
) -> Vec<LinkedItem<'a>> {
    let mut found: Vec<LinkedItem<'a>> = Vec::new();
    for crosswalk in crosswalks {
        for link in &crosswalk.links {
            let linked = if crosswalk.from_catalog == catalog && link.from_item == item {
                Some((crosswalk.to_catalog.as_str(), link.to_item.as_str(), true))
            } else if crosswalk.to_catalog == catalog && link.to_item == item {
                Some((
                    crosswalk.from_catalog.as_str(),
                    link.from_item.as_str(),
                    false,
                ))
            } else {
                None
            };
            if let Some((other_catalog, other_item, forward)) = linked {
                if !found
                    .iter()
                    .any(|seen| seen.catalog == other_catalog && seen.item == other_item)
                {
                    found.push(LinkedItem {
                        catalog: other_catalog,
                        item: other_item,
                        clause: &link.clause,
                        forward,
                        link,
                    });
                }
            }
        }
    }
    found
}

/// Builds the crosswalk from the two catalogs' texts.
pub fn build_crosswalk(checklist: &Catalog, meti2012: &Catalog) -> Crosswalk {
    let mut crosswalk = Crosswalk {
        from_catalog: checklist.id.clone(),
        to_catalog: meti2012.id.clone(),
        ..Crosswalk::default()
    };
    for item in &checklist.items {
        for reference in item
            .references
            .iter()
            .filter(|reference| reference.guideline == METI_2008)
        {
            let section = section_link(
                &mut crosswalk.sections,
                checklist,
                meti2012,
                &reference.section,
            );
            let numbered = reference
                .clauses
                .iter()
                .filter(|clause| clause_number(clause).is_some())
                .count();
            for clause in &reference.clauses {
                let name = format!("{} {clause}", reference.section);
                let link = section.as_ref().and_then(|section| {
                    let target = ClauseTarget {
                        section: &section.to_section,
                        clause,
                        name: &name,
                        cited_in_section: numbered.max(1),
                    };
                    clause_link(item, meti2012, &target)
                });
                match link {
                    Some(link) => crosswalk.links.push(link),
                    None => crosswalk.unmapped.push(format!("{}: {name}", item.id)),
                }
            }
        }
    }
    crosswalk
}

/// The 2012 section a 2008 section became, computed once and remembered.
fn section_link(
    known: &mut Vec<SectionLink>,
    checklist: &Catalog,
    meti2012: &Catalog,
    from_section: &str,
) -> Option<SectionLink> {
    if let Some(link) = known.iter().find(|link| link.from_section == from_section) {
        return Some(link.clone());
    }
    let from_title = checklist
        .items
        .iter()
        .flat_map(|item| &item.references)
        .filter(|reference| reference.section == from_section)
        .find_map(|reference| reference.title.clone())
        .unwrap_or_default();
    let by_number = from_section
        .strip_prefix("7.")
        .map(|rest| format!("2.{rest}"))
        .and_then(|number| meti2012.group(&number));
    let link = match by_number {
        Some(group) if similarity(&from_title, &group.title) >= SAME_TITLE => Some(SectionLink {
            from_section: from_section.to_owned(),
            from_title: from_title.clone(),
            to_section: group.id.clone(),
            to_title: group.title.clone(),
            method: Method::Number,
            title_similarity: similarity(&from_title, &group.title),
        }),
        _ => meti2012
            .groups
            .iter()
            .map(|group| (group, similarity(&from_title, &group.title)))
            .filter(|(_, score)| *score >= SAME_TITLE)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(group, score)| SectionLink {
                from_section: from_section.to_owned(),
                from_title: from_title.clone(),
                to_section: group.id.clone(),
                to_title: group.title.clone(),
                method: Method::Text,
                title_similarity: score,
            }),
    };
    if let Some(link) = &link {
        known.push(link.clone());
    }
    link
}

/// One clause of a reference, with how many numbered clauses the reference cites there.
struct ClauseTarget<'a> {
    section: &'a str,
    clause: &'a str,
    name: &'a str,
    cited_in_section: usize,
}

fn clause_link(item: &Item, meti2012: &Catalog, target: &ClauseTarget) -> Option<ClauseLink> {
    let scored: Vec<(&Item, f64)> = meti2012
        .items
        .iter()
        .filter(|candidate| meti2012.item_in_group(candidate, target.section))
        .map(|candidate| (candidate, similarity(&item.text, &candidate.text)))
        .collect();
    let (chosen, method) = match clause_number(target.clause) {
        Some(n) => (*scored.get(n.checked_sub(1)?)?, Method::Number),
        None => {
            let best = scored.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
            if best.1 < SIMILAR_TEXT {
                return None;
            }
            (best, Method::Text)
        }
    };
    let rank = scored.iter().filter(|(_, score)| *score > chosen.1).count();
    Some(ClauseLink {
        from_item: item.id.clone(),
        to_item: chosen.0.id.clone(),
        clause: target.name.to_owned(),
        method,
        text_similarity: round(chosen.1),
        verified: rank < target.cited_in_section,
    })
}

/// `(5)` or `1(5)` → 5; a recommended clause `推(1)` has no 2012 number.
fn clause_number(clause: &str) -> Option<usize> {
    if clause.contains('推') {
        return None;
    }
    let open = clause.rfind('(')?;
    let close = clause[open..].find(')')? + open;
    clause[open + 1..close].parse().ok()
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Similarity of two texts after NFKC folding, 0–1: 1 when one contains the other (a short
/// title such as `情報交換` names `情報交換に関するセキュリティ`), else the Dice coefficient of
/// their character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    let fold_compact = |text: &str| -> Vec<char> {
        fold(text)
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let (left, right) = (fold_compact(a), fold_compact(b));
    if left.len() < 2 || right.len() < 2 {
        return 0.0;
    }
    let (shorter, longer) = if left.len() <= right.len() {
        (&left, &right)
    } else {
        (&right, &left)
    };
    if longer
        .windows(shorter.len())
        .any(|window| window == shorter.as_slice())
    {
        return 1.0;
    }
    let bigrams = |chars: &[char]| -> Vec<(char, char)> {
        let mut pairs: Vec<(char, char)> =
            chars.windows(2).map(|pair| (pair[0], pair[1])).collect();
        pairs.sort_unstable();
        pairs
    };
    let (left, right) = (bigrams(&left), bigrams(&right));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (left.len() + right.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("資産台帳", "資産台帳"), 1.0);
        assert_eq!(similarity("資産台帳", "暗号"), 0.0);
        assert!(similarity("組織的安全管理策(体制)", "組織的安全管理策（体制）") > 0.99);
        assert_eq!(similarity("情報交換", "情報交換に関するセキュリティ"), 1.0);
        assert!(similarity("情報の破壊", "情報の破棄") < 1.0);
    }

    #[test]
    fn clause_numbers() {
        assert_eq!(clause_number("(5)"), Some(5));
        assert_eq!(clause_number("1(2)"), Some(2));
        assert_eq!(clause_number("推(1)"), None);
    }
}
