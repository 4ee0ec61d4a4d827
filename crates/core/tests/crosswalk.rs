//! The crosswalk from the checklist's 2008 METI references to the METI 2012 items: every link
//! says how it was found, no pair is linked twice, the lead-in No 160 does not shift 7.6.15,
//! and a judged random sample of links stays tied to the committed data.

use std::collections::HashSet;

use tekigo_core::crosswalk::{
    build_crosswalk, ClauseLink, Crosswalk, Method, CHOOSES_BY_TEXT, CONFIRMS_NUMBER,
};
use tekigo_core::embedded;

fn crosswalk() -> &'static Crosswalk {
    embedded::crosswalk()
}

fn links_from<'a>(crosswalk: &'a Crosswalk, item: &str) -> Vec<&'a ClauseLink> {
    crosswalk
        .links
        .iter()
        .filter(|link| link.from_item == item)
        .collect()
}

/// Regression: 15 of 244 links repeated a pair, and a `推` clause and a numbered clause could
/// yield the same pair.
#[test]
fn no_pair_is_linked_twice() {
    let fresh = build_crosswalk(
        embedded::catalog("cloud-checklist-253").unwrap(),
        embedded::catalog("meti-2012").unwrap(),
    );
    assert_eq!(&fresh, crosswalk());
    let mut seen = HashSet::new();
    for link in &crosswalk().links {
        assert!(
            seen.insert((&link.from_item, &link.to_item)),
            "{} → {} twice",
            link.from_item,
            link.to_item
        );
    }
}

/// Regression: the lead-in of 2.6.15, which the vendor numbered 160, counted as the section's
/// first item, so 7.6.15 (n) pointed one item too early.
#[test]
fn the_7_6_15_clauses_skip_the_lead_in() {
    let crosswalk = crosswalk();
    for (item, clause, target) in [
        ("79", "7.6.15 (1)", "161"),
        ("86", "7.6.15 (2)", "162"),
        ("206", "7.6.15 (3)", "163"),
    ] {
        let link = links_from(crosswalk, item)
            .into_iter()
            .find(|link| link.clause == clause)
            .unwrap_or_else(|| panic!("{item} {clause}"));
        assert_eq!(link.to_item, target, "{item} {clause}");
    }
    assert!(crosswalk.links.iter().all(|link| link.to_item != "160"));
}

/// Each link says how it was found, and `verified` means what the app shows it as:
/// 本文で確認済み only where the texts support the link.
#[test]
fn every_link_says_how_it_was_found() {
    let at_least = |share: f64, bar: f64| share >= bar;
    for link in &crosswalk().links {
        match link.method {
            Method::Text => {
                assert!(link.verified, "{link:?}");
                assert!(at_least(link.text_similarity, CHOOSES_BY_TEXT), "{link:?}");
            }
            Method::Number => {
                assert_eq!(link.by_number, None, "{link:?}");
                assert_eq!(
                    link.verified,
                    at_least(link.text_similarity, CONFIRMS_NUMBER),
                    "{link:?}"
                );
            }
        }
    }
}

/// The 2012 edition renumbered 2.6.14 (22 clauses where 2008 had fewer): where the checklist
/// text is another 2012 clause almost word for word, the link follows the text and names the
/// item the number pointed to.
#[test]
fn clauses_the_2012_edition_renumbered_follow_the_text() {
    let crosswalk = crosswalk();
    for (item, clause, target, by_number) in [
        ("74", "7.6.14 (1)", "149", "138"),
        ("96", "7.6.14 (8)", "156", "145"),
        ("101", "7.6.14 (2)", "146", "139"),
    ] {
        let link = links_from(crosswalk, item)
            .into_iter()
            .find(|link| link.clause == clause)
            .unwrap();
        assert_eq!(
            (
                link.to_item.as_str(),
                link.method,
                link.by_number.as_deref()
            ),
            (target, Method::Text, Some(by_number)),
            "{item} {clause}"
        );
    }
}

/// splitmix64: the sampler of the judged sample, written out so the draw can be repeated.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `count` distinct indices below `total`, by a partial Fisher–Yates shuffle, in order.
fn draw(total: usize, count: usize, seed: u64) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..total).collect();
    let mut state = seed;
    for i in 0..count {
        let j = i + (splitmix64(&mut state) % (total - i) as u64) as usize;
        indices.swap(i, j);
    }
    let mut sample = indices[..count].to_vec();
    sample.sort_unstable();
    sample
}

/// The judged sample (tests/fixtures/crosswalk-judged-sample.tsv) is the draw of 40 links from
/// the committed crosswalk: a change to the links fails here until the new sample is read
/// and judged again. Its verdicts: 32 right, 3 partly, 5 wrong; of the 29 verified links 27
/// are right, of the 11 linked by number only 5.
#[test]
fn the_judged_sample_is_drawn_from_the_committed_crosswalk() {
    let crosswalk = crosswalk();
    let judged = include_str!("fixtures/crosswalk-judged-sample.tsv");
    let rows: Vec<Vec<&str>> = judged
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').collect())
        .collect();
    let drawn = draw(crosswalk.links.len(), 40, 14);
    assert_eq!(rows.len(), drawn.len());
    let mut verdicts = std::collections::BTreeMap::new();
    for (row, index) in rows.iter().zip(drawn) {
        let link = &crosswalk.links[index];
        let method = match link.method {
            Method::Number => "number",
            Method::Text => "text",
        };
        let verified = link.verified.to_string();
        assert_eq!(
            row[..6],
            [
                index.to_string().as_str(),
                link.from_item.as_str(),
                link.clause.as_str(),
                link.to_item.as_str(),
                method,
                verified.as_str(),
            ],
            "judged row for link {index}"
        );
        *verdicts.entry((link.verified, row[6])).or_insert(0) += 1;
    }
    let count = |verified: bool, verdict: &str| verdicts.get(&(verified, verdict)).copied();
    assert_eq!(count(true, "right"), Some(27));
    assert_eq!(count(true, "partly"), Some(1));
    assert_eq!(count(true, "wrong"), Some(1));
    assert_eq!(count(false, "right"), Some(5));
    assert_eq!(count(false, "partly"), Some(2));
    assert_eq!(count(false, "wrong"), Some(4));
}
