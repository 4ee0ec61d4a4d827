//! The crosswalk between the checklist (seed 003), which cites the METI guideline in its 2008
//! numbering (`[7.6.14 …] (5)`), and the METI 2012 catalog (seed 004, numbered `2.6.14`).
//!
//! Sections are mapped `7.a.b` → `2.a.b` and the mapping is kept only where the two titles
//! agree (character-bigram similarity after NFKC folding); otherwise the 2012 section with the
//! most similar title is taken if it is similar enough.
//!
//! A clause is linked only where the texts support it, or else marked as linked by number
//! only. The evidence is how much of a 2012 item's text the citing checklist item contains:
//! the share of the 2012 item's character bigrams found in the checklist text, each bigram
//! weighted by how rare it is among the 2012 items, so that 「医療機関等」 or 「すること」 count
//! for little and 「グループID」 for much ([`TextEvidence`]). Per checklist item and cited
//! section:
//!
//! 1. A numbered clause `(n)` points to the 2012 item labelled `(n)` (or, in a section that
//!    labels nothing, such as 2.5.2's bullets, its n-th item). Where the checklist text
//!    contains enough of that item ([`CONFIRMS_NUMBER`]), the link is by number and verified.
//! 2. Otherwise the clause goes to the 2012 item of the section the checklist text contains
//!    most, if it contains it clearly ([`CHOOSES_BY_TEXT`]) and clearly more than the numbered
//!    one ([`CLEARER_THAN_NUMBER`]), and no other clause of the same checklist item links it:
//!    the 2008 and 2012 numberings differ (2.6.14 grew to 22 clauses). That link is by text,
//!    verified, and names the item the number pointed to.
//! 3. Failing both, the clause keeps its numbered item, marked as linked by number only.
//! 4. A recommended clause `推(n)` has no 2012 number: it is linked by text as in 2, or left
//!    unmapped.
//!
//! No pair of items is linked twice: a clause that would repeat a pair is recorded on the
//! pair's link (`alsoCited`).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Item, Reference};
use crate::known_guidelines::METI_2008;
use crate::search::fold;

/// Title similarity above which two section titles name the same section.
const SAME_TITLE: f64 = 0.5;
/// The share of a 2012 item's (weighted) text the checklist text must contain to confirm the
/// item its clause number points to.
pub const CONFIRMS_NUMBER: f64 = 0.4;
/// The share of a 2012 item's text the checklist text must contain to link it by text alone.
pub const CHOOSES_BY_TEXT: f64 = 0.5;
/// How much more of an item than of the numbered one the checklist text must contain for the
/// text to overrule the number.
pub const CLEARER_THAN_NUMBER: f64 = 0.2;

/// How a link was found.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The clause's number chose the target; `verified` says whether the texts confirm it
    /// (本文で確認済み) or not (番号のみで対応).
    Number,
    /// The texts chose the target: the number pointed elsewhere (see `byNumber`) or there is
    /// none (`推(n)`). Always verified.
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
    /// The 2008 reference that led to the link, e.g. `7.6.14 (5)`.
    pub clause: String,
    /// Whether the clause's number or the texts chose the target.
    pub method: Method,
    /// How much of the cited item's text the citing item contains, 0–1, rounded to three
    /// places (see [`TextEvidence::coverage`]).
    pub text_similarity: f64,
    /// The texts support the link (本文で確認済み); false: linked by number only.
    pub verified: bool,
    /// For a link the texts chose: the item the clause's number pointed to, whose text the
    /// citing item does not show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_number: Option<String>,
    /// Other clauses of the same citing item that lead to the same pair (a clause the item
    /// cites twice is listed again here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_cited: Vec<String>,
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
    /// Each cited clause and the 2012 item it points to, each pair of items once.
    pub links: Vec<ClauseLink>,
    /// 2008 references (`item: section clause`) that found no 2012 item: the section has no
    /// 2012 counterpart, or a `推(n)` clause whose text the checklist item does not show.
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

/// The ids of the catalogs any of `crosswalks` links to catalog `catalog`, each once, in the
/// order the crosswalks name them.
pub fn linked_catalogs<'a>(crosswalks: &[&'a Crosswalk], catalog: &str) -> Vec<&'a str> {
    let mut found: Vec<&'a str> = Vec::new();
    for crosswalk in crosswalks {
        let other = if crosswalk.from_catalog == catalog {
            crosswalk.to_catalog.as_str()
        } else if crosswalk.to_catalog == catalog {
            crosswalk.from_catalog.as_str()
        } else {
            continue;
        };
        if !found.contains(&other) {
            found.push(other);
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
    let evidence = TextEvidence::new(meti2012);
    let mut sections: HashMap<String, Section> = HashMap::new();
    for item in &checklist.items {
        let mut linker = ItemLinker {
            item,
            citing: TextEvidence::bigrams(&item.text),
            evidence: &evidence,
            links: Vec::new(),
        };
        for reference in item
            .references
            .iter()
            .filter(|reference| reference.guideline == METI_2008)
        {
            let link = section_link(
                &mut crosswalk.sections,
                checklist,
                meti2012,
                &reference.section,
            );
            let Some(link) = link else {
                crosswalk.unmapped.extend(
                    reference
                        .clauses
                        .iter()
                        .map(|clause| format!("{}: {} {clause}", item.id, reference.section)),
                );
                continue;
            };
            let section = sections
                .entry(link.to_section.clone())
                .or_insert_with(|| Section::new(meti2012, &link.to_section));
            let unmapped = linker.link_reference(reference, section);
            crosswalk.unmapped.extend(unmapped);
        }
        crosswalk.links.extend(linker.links);
    }
    crosswalk
}

/// The items of a 2012 section, and how its clauses are numbered.
struct Section<'a> {
    items: Vec<&'a Item>,
    /// Whether any item carries a `(n)` label; a section without one (2.5.2's bullets, 2.9)
    /// is numbered by position.
    labelled: bool,
}

impl<'a> Section<'a> {
    fn new(catalog: &'a Catalog, id: &str) -> Section<'a> {
        let items: Vec<&Item> = catalog
            .items
            .iter()
            .filter(|item| catalog.item_in_group(item, id))
            .collect();
        let labelled = items.iter().any(|item| item.label.is_some());
        Section { items, labelled }
    }

    /// The item the 2008 clause `(n)` points to by number: the one labelled `(n)`, or the n-th
    /// in a section that labels nothing. The lead-in No 160 of 2.6.15 has no label, so the
    /// section's `(1)` is 161.
    fn numbered(&self, n: usize) -> Option<&'a Item> {
        if self.labelled {
            self.items
                .iter()
                .copied()
                .find(|item| item.label.as_deref().and_then(label_number) == Some(n))
        } else {
            self.items.get(n.checked_sub(1)?).copied()
        }
    }
}

/// The links of one checklist item, built clause by clause.
struct ItemLinker<'a> {
    item: &'a Item,
    citing: HashSet<(char, char)>,
    evidence: &'a TextEvidence,
    links: Vec<ClauseLink>,
}

impl ItemLinker<'_> {
    /// Links the clauses of one reference in the order of the module documentation: numbers
    /// the texts confirm, then the other numbered clauses, then the `推(n)` ones. Returns the
    /// clauses that found no item.
    fn link_reference(&mut self, reference: &Reference, section: &Section) -> Vec<String> {
        let coverage: Vec<(&Item, f64)> = section
            .items
            .iter()
            // Rounded as stored, so that what a link shows is what decided it.
            .map(|item| {
                let share = round(self.evidence.coverage(&item.text, &self.citing));
                (*item, share)
            })
            .collect();
        let cover = |target: &Item| {
            coverage
                .iter()
                .find(|(item, _)| item.id == target.id)
                .map_or(0.0, |(_, share)| *share)
        };
        let name = |clause: &str| format!("{} {clause}", reference.section);
        let mut deferred: Vec<(String, Option<&Item>)> = Vec::new();
        let mut recommended: Vec<String> = Vec::new();
        for clause in &reference.clauses {
            let Some(n) = clause_number(clause) else {
                recommended.push(name(clause));
                continue;
            };
            let target = section.numbered(n);
            match target {
                Some(target) if cover(target) >= CONFIRMS_NUMBER && !self.links_to(target) => {
                    self.push(name(clause), target, Method::Number, cover(target), None);
                }
                _ => deferred.push((name(clause), target)),
            }
        }
        let mut unmapped = Vec::new();
        for (clause, target) in deferred {
            // A number this item links already (a clause cited twice) does not hold the texts
            // back; a free one must be clearly outdone.
            let bar = target
                .filter(|target| !self.links_to(target))
                .map_or(CHOOSES_BY_TEXT, |target| {
                    CHOOSES_BY_TEXT.max(cover(target) + CLEARER_THAN_NUMBER)
                });
            if let Some((chosen, share)) = self.best_unlinked(&coverage, bar) {
                let by_number = target.map(|target| target.id.clone());
                self.push(clause, chosen, Method::Text, share, by_number);
            } else if let Some(target) = target {
                self.push(clause, target, Method::Number, cover(target), None);
            } else {
                unmapped.push(format!("{}: {clause}", self.item.id));
            }
        }
        for clause in recommended {
            match self.best_unlinked(&coverage, CHOOSES_BY_TEXT) {
                Some((chosen, share)) => self.push(clause, chosen, Method::Text, share, None),
                None => unmapped.push(format!("{}: {clause}", self.item.id)),
            }
        }
        unmapped
    }

    fn links_to(&self, target: &Item) -> bool {
        self.links.iter().any(|link| link.to_item == target.id)
    }

    /// The item of the section the checklist text contains most, at least `bar` of it, among
    /// those no clause of this item links yet.
    fn best_unlinked<'i>(&self, coverage: &[(&'i Item, f64)], bar: f64) -> Option<(&'i Item, f64)> {
        coverage
            .iter()
            .filter(|(item, share)| *share >= bar && !self.links_to(item))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .copied()
    }

    /// Adds a link, or where the pair is linked already, records the clause on that link.
    fn push(
        &mut self,
        clause: String,
        target: &Item,
        method: Method,
        share: f64,
        by_number: Option<String>,
    ) {
        if let Some(link) = self.links.iter_mut().find(|link| link.to_item == target.id) {
            // Even a clause cited twice word for word (64: `7.5.2 (1)`) is kept on record.
            if !link.also_cited.contains(&clause) {
                link.also_cited.push(clause);
            }
            return;
        }
        self.links.push(ClauseLink {
            from_item: self.item.id.clone(),
            to_item: target.id.clone(),
            clause,
            method,
            text_similarity: share,
            verified: method == Method::Text || share >= CONFIRMS_NUMBER,
            by_number,
            also_cited: Vec::new(),
        });
    }
}

/// How much of one text another contains, with common phrasing discounted: each character
/// bigram of the cited text weighs `ln((N + 1) / (n + 1))`, where N is the number of items of
/// the cited catalog and n the number of them whose text contains the bigram.
#[derive(Debug, Clone)]
pub struct TextEvidence {
    weights: HashMap<(char, char), f64>,
    /// The weight of a bigram no item contains.
    unseen: f64,
}

impl TextEvidence {
    /// The weights of the bigrams of `catalog`'s item texts.
    pub fn new(catalog: &Catalog) -> TextEvidence {
        let mut containing: HashMap<(char, char), usize> = HashMap::new();
        for item in &catalog.items {
            for bigram in TextEvidence::bigrams(&item.text) {
                *containing.entry(bigram).or_insert(0) += 1;
            }
        }
        let total = catalog.items.len() as f64 + 1.0;
        let weights = containing
            .into_iter()
            .map(|(bigram, count)| (bigram, (total / (count as f64 + 1.0)).ln()))
            .collect();
        TextEvidence {
            weights,
            unseen: total.ln(),
        }
    }

    /// The folded character bigrams of a text, its leading `(n)` or `・` left out.
    pub fn bigrams(text: &str) -> HashSet<(char, char)> {
        let chars: Vec<char> = fold(without_label(text))
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        chars.windows(2).map(|pair| (pair[0], pair[1])).collect()
    }

    /// The weighted share of `cited`'s bigrams that the citing text (its [`Self::bigrams`])
    /// contains, 0–1.
    pub fn coverage(&self, cited: &str, citing: &HashSet<(char, char)>) -> f64 {
        let (mut found, mut total) = (0.0, 0.0);
        for bigram in TextEvidence::bigrams(cited) {
            let weight = self.weights.get(&bigram).copied().unwrap_or(self.unseen);
            total += weight;
            if citing.contains(&bigram) {
                found += weight;
            }
        }
        if total > 0.0 {
            found / total
        } else {
            0.0
        }
    }
}

/// `(3) 預託…` → `預託…`; `・医療…` → `医療…`.
fn without_label(text: &str) -> &str {
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix('・') {
        return rest.trim_start();
    }
    let Some(open) = text.chars().next().filter(|c| matches!(c, '(' | '（')) else {
        return text;
    };
    let inner = &text[open.len_utf8()..];
    let digits = inner
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map_or(inner.len(), |(index, _)| index);
    match inner[digits..].chars().next() {
        Some(close @ (')' | '）')) if digits > 0 => {
            inner[digits + close.len_utf8()..].trim_start()
        }
        _ => text,
    }
}

/// `(3)` or `（3）` → 3.
fn label_number(label: &str) -> Option<usize> {
    let digits: String = label
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect();
    digits.parse().ok()
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
    fn the_shipped_crosswalk_links_the_checklist_and_meti_2012_both_ways() {
        let crosswalks = [crate::embedded::crosswalk()];
        assert_eq!(
            linked_catalogs(&crosswalks, "cloud-checklist-253"),
            ["meti-2012"]
        );
        assert_eq!(
            linked_catalogs(&crosswalks, "meti-2012"),
            ["cloud-checklist-253"]
        );
        assert!(linked_catalogs(&crosswalks, "mhlw-skeleton").is_empty());
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(similarity("資産台帳", "資産台帳"), 1.0);
        assert_eq!(similarity("資産台帳", "暗号"), 0.0);
        assert!(similarity("組織的安全管理策(体制)", "組織的安全管理策（体制）") > 0.99);
        assert_eq!(similarity("情報交換", "情報交換に関するセキュリティ"), 1.0);
        assert!(similarity("情報の破壊", "情報の破棄") < 1.0);
    }

    #[test]
    fn labels_are_left_out_and_read() {
        assert_eq!(without_label("(3) 預託"), "預託");
        assert_eq!(without_label("（12）預託"), "預託");
        assert_eq!(without_label("・医療"), "医療");
        assert_eq!(without_label("(ア) 外部"), "(ア) 外部");
        assert_eq!(label_number("（2）"), Some(2));
        assert_eq!(label_number("(14)"), Some(14));
    }

    /// Words every item uses count for little: a checklist text that shares only them with an
    /// item does not contain it, one that shares its particular words does.
    #[test]
    fn coverage_weighs_rare_words() {
        let catalog: Catalog = serde_json::from_value(serde_json::json!({
            "format": "tekigo-catalog", "schemaVersion": 2, "id": "t", "title": "t",
            "version": "", "issuer": "", "date": "", "groups": [],
            "items": [
                { "id": "1", "group": "g", "text": "(1) 医療機関等に対し作業者IDの重複を排除すること。" },
                { "id": "2", "group": "g", "text": "(2) 医療機関等に対しグループIDを利用しないこと。" },
                { "id": "3", "group": "g", "text": "(3) 医療機関等に対し台帳を管理すること。" },
            ]
        }))
        .unwrap();
        let evidence = TextEvidence::new(&catalog);
        let citing =
            TextEvidence::bigrams("クラウドサービス事業者は、グループIDを利用しないこと。");
        let about_groups = evidence.coverage(&catalog.items[1].text, &citing);
        let about_ledgers = evidence.coverage(&catalog.items[2].text, &citing);
        assert!(about_groups > 0.6, "{about_groups}");
        assert!(about_ledgers < 0.4, "{about_ledgers}");
    }

    #[test]
    fn clause_numbers() {
        assert_eq!(clause_number("(5)"), Some(5));
        assert_eq!(clause_number("1(2)"), Some(2));
        assert_eq!(clause_number("推(1)"), None);
    }
}
