//! Search that folds Japanese text the way a person expects: NFKC (全角/半角 digits and
//! letters, ｶﾀｶﾅ → カタカナ) and lower case, so `ｱｸｾｽ` finds アクセス and `ＩＳＭＳ` finds isms.
//! Matches are reported as byte ranges of the original text, for highlighting.
//!
//! NFKC comes from the `unicode-normalization` tables in native builds (feature
//! `nfkc-tables`); a build without them — the browser, where the tables would be 120 KB of
//! the download — installs the platform's own with [`install_nfkc`]. Characters NFKC never
//! changes (ASCII, hiragana, katakana, the unified ideographs) skip normalization altogether.

use std::ops::Range;
use std::sync::OnceLock;

/// NFKC of a short text, as the platform provides it.
pub type Nfkc = fn(&str) -> String;

static INSTALLED: OnceLock<Nfkc> = OnceLock::new();

/// Makes `nfkc` the normalization every fold uses. The first call wins; a build with the
/// tables need not call it.
pub fn install_nfkc(nfkc: Nfkc) {
    let _ = INSTALLED.set(nfkc);
}

fn nfkc(text: &str) -> String {
    match INSTALLED.get() {
        Some(installed) => installed(text),
        None => built_in_nfkc(text),
    }
}

#[cfg(feature = "nfkc-tables")]
fn built_in_nfkc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect()
}

/// Without tables and before a platform NFKC is installed, text is only lower-cased.
#[cfg(not(feature = "nfkc-tables"))]
fn built_in_nfkc(text: &str) -> String {
    text.to_owned()
}

/// Whether NFKC leaves the character as it is, for the blocks most text is made of.
fn nfkc_stable(c: char) -> bool {
    matches!(c,
        '\u{0000}'..='\u{007F}'
        // 、。 々〆〇 and the brackets 〈〉《》「」『』【】
        | '\u{3001}'..='\u{3002}'
        | '\u{3005}'..='\u{3011}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FC}'
        | '\u{4E00}'..='\u{9FFF}')
}

/// A text folded for search, remembering where each folded piece came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    /// The text after NFKC and lower-casing, what queries are matched against.
    pub text: String,
    /// (start in `text`, byte range in the original) for each folded unit, in order.
    units: Vec<(usize, Range<usize>)>,
}

/// Folds a query or a text. A half-width kana and the voicing mark after it fold together.
pub fn fold(original: &str) -> Folded {
    let mut folded = Folded::default();
    let mut chars = original.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if let Some(&(mark_start, mark)) = chars.peek() {
            if matches!(mark, '\u{FF9E}' | '\u{FF9F}') {
                end = mark_start + mark.len_utf8();
                chars.next();
            }
        }
        folded.units.push((folded.text.len(), start..end));
        if end - start == c.len_utf8() && nfkc_stable(c) {
            folded.text.extend(c.to_lowercase());
        } else {
            let unit = nfkc(&original[start..end]);
            folded
                .text
                .extend(unit.chars().flat_map(char::to_lowercase));
        }
    }
    folded
}

/// The query's terms, folded; empty terms dropped.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|term| fold(term).text)
        .filter(|term| !term.is_empty())
        .collect()
}

/// Whether every term occurs in the folded text.
pub fn matches_all(folded: &Folded, terms: &[String]) -> bool {
    terms.iter().all(|term| folded.text.contains(term.as_str()))
}

/// Byte ranges of the original text where any term occurs, sorted and merged.
pub fn highlight_ranges(folded: &Folded, terms: &[String]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in terms {
        for (start, found) in folded.text.match_indices(term.as_str()) {
            let end = start + found.len();
            let first = folded.unit_at(start);
            let last = folded.unit_at(end - 1);
            ranges.push(first.start..last.end);
        }
    }
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(previous) if range.start <= previous.end => {
                previous.end = previous.end.max(range.end);
            }
            _ => merged.push(range),
        }
    }
    merged
}

impl Folded {
    /// The original range of the unit that holds folded byte `offset`.
    fn unit_at(&self, offset: usize) -> Range<usize> {
        let index = self
            .units
            .partition_point(|(start, _)| *start <= offset)
            .saturating_sub(1);
        self.units[index].1.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_katakana_finds_full_width() {
        let text = fold("作業者アクセス及び作業者IDの管理");
        let terms = query_terms("ｱｸｾｽ");
        assert!(matches_all(&text, &terms));
        let ranges = highlight_ranges(&text, &terms);
        assert_eq!(
            &"作業者アクセス及び作業者IDの管理"[ranges[0].clone()],
            "アクセス"
        );
    }

    #[test]
    fn voiced_half_width_kana_folds_as_one() {
        let text = fold("データベース");
        assert!(matches_all(&text, &query_terms("ﾃﾞｰﾀﾍﾞｰｽ")));
        let original = "ﾃﾞｰﾀ管理";
        let folded = fold(original);
        let ranges = highlight_ranges(&folded, &query_terms("データ"));
        assert_eq!(&original[ranges[0].clone()], "ﾃﾞｰﾀ");
    }

    #[test]
    fn full_width_latin_and_case_fold() {
        let text = fold("ＩＳＭＳ認証");
        assert!(matches_all(&text, &query_terms("isms")));
        assert!(!matches_all(&text, &query_terms("isms pマーク")));
    }

    /// The blocks skipped as NFKC-stable are stable: every character in them folds to its
    /// own lower case under the full tables.
    #[cfg(feature = "nfkc-tables")]
    #[test]
    fn the_characters_skipped_are_the_ones_nfkc_leaves_alone() {
        use unicode_normalization::UnicodeNormalization;
        for c in (0u32..0x10000)
            .filter_map(char::from_u32)
            .filter(|c| nfkc_stable(*c))
        {
            let full: String = c.to_string().nfkc().collect();
            assert_eq!(full, c.to_string(), "U+{:04X}", c as u32);
        }
    }
}
