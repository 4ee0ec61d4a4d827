//! Parsing the cross-reference cells of the checklist (seed 003) into [`Reference`]s.
//!
//! The cells do not sit in a fixed column, so a reference is classified by its form:
//! a METI reference uses the 2008 METI numbering (chapter 7: `[7.6.14 title] (5),推(1)` or
//! `7.3 title1(1),(2)`), every other numbered reference or `本文…` is the MIC guideline's.

use crate::catalog::Reference;
use crate::known_guidelines::{METI_2008, MIC};

/// Every reference in one cell, in order.
pub fn parse_cell(cell: &str) -> Vec<Reference> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Vec::new();
    }
    if is_meti(cell) {
        split_meti(cell).into_iter().map(parse_meti).collect()
    } else {
        split_mic(cell).into_iter().map(parse_mic).collect()
    }
}

fn is_meti(cell: &str) -> bool {
    cell.starts_with("[7.") || cell.starts_with("7.")
}

/// `[7.5.3 A] (9) [7.5.5 B] (1),(2)` → one piece per bracket.
fn split_meti(cell: &str) -> Vec<&str> {
    if !cell.starts_with('[') {
        return vec![cell];
    }
    let starts: Vec<usize> = cell.match_indices('[').map(|(index, _)| index).collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(cell.len());
            cell[start..end].trim()
        })
        .collect()
}

fn parse_meti(raw: &str) -> Reference {
    let (head, tail) = match raw.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((inside, tail)) => (inside.trim(), tail.trim()),
        None => split_trailing_clauses(raw),
    };
    let (section, title) = split_section(head);
    Reference {
        guideline: METI_2008.to_owned(),
        section: section.to_owned(),
        title: (!title.is_empty()).then(|| title.to_owned()),
        clauses: split_clauses(tail),
        raw: raw.to_owned(),
    }
}

/// `7.3 組織的安全管理策(体制、運用管理規程)1(1),(2)` → (`7.3 組織的…規程)`, `1(1),(2)`):
/// the clause list is the longest tail made only of digits, `(`, `)`, `,`, `推` and spaces,
/// less any `)` it starts with (that one closes the title).
fn split_trailing_clauses(raw: &str) -> (&str, &str) {
    let is_clause_char = |c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ',' | '推' | ' ');
    let tail_start = raw
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_clause_char(c))
        .last()
        .map_or(raw.len(), |(index, _)| index);
    let cut =
        tail_start + (raw[tail_start..].len() - raw[tail_start..].trim_start_matches(')').len());
    (raw[..cut].trim(), raw[cut..].trim())
}

/// `7.6.14 作業者アクセス` → (`7.6.14`, `作業者アクセス`); `7.6.8情報交換` → (`7.6.8`, `情報交換`).
fn split_section(head: &str) -> (&str, &str) {
    let end = head
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(head.len(), |(index, _)| index);
    (head[..end].trim_end_matches('.'), head[end..].trim())
}

fn split_clauses(tail: &str) -> Vec<String> {
    tail.split([',', '、'])
        .map(str::trim)
        .filter(|clause| !clause.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A MIC cell may hold several references separated by a space before a new section number:
/// `3.2.1(2)(ウ)1…④,⑤ 3.2.1(2)(ウ)3…①`.
fn split_mic(cell: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (index, _) in cell.match_indices(' ') {
        if next_token_is_section(&cell[index + 1..]) {
            pieces.push(cell[start..index].trim());
            start = index + 1;
        }
    }
    pieces.push(cell[start..].trim());
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

/// A section number like `3.2.1(2)` or `3.4(2)`: digits and dots directly followed by `(`.
fn next_token_is_section(text: &str) -> bool {
    let number_end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(text.len(), |(index, _)| index);
    number_end >= 3 && text[number_end..].starts_with('(')
}

/// `3.2.3(2) (ア) 1.利用者の識別①` → section `3.2.3(2)`, clauses [`(ア) 1.利用者の識別①`].
fn parse_mic(raw: &str) -> Reference {
    let number_end = raw
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(raw.len(), |(index, _)| index);
    let mut section_end = number_end;
    // Take a directly attached `(2)` into the section number, as the MIC guideline numbers it.
    if let Some(rest) = raw[number_end..].strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            if rest[..close].chars().all(|c| c.is_ascii_digit()) && close > 0 {
                section_end = number_end + close + 2;
            }
        }
    }
    let (section, rest) = if number_end == 0 {
        (raw.trim(), "")
    } else {
        (
            raw[..section_end].trim_end_matches('.'),
            raw[section_end..].trim(),
        )
    };
    Reference {
        guideline: MIC.to_owned(),
        section: section.to_owned(),
        title: None,
        clauses: if rest.is_empty() {
            Vec::new()
        } else {
            vec![rest.to_owned()]
        },
        raw: raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_meti_reference_with_several_sections() {
        let refs = parse_cell("[7.5.3 情報処理装置] (9) [7.5.5 情報処理装置の外部への持ち出し] (1),(2),推(1),推(2) [7.6.7 電子媒体の取扱い] (8)");
        assert_eq!(refs.len(), 3);
        assert_eq!(refs[1].section, "7.5.5");
        assert_eq!(
            refs[1].title.as_deref(),
            Some("情報処理装置の外部への持ち出し")
        );
        assert_eq!(refs[1].clauses, ["(1)", "(2)", "推(1)", "推(2)"]);
        assert!(refs.iter().all(|r| r.guideline == METI_2008));
    }

    #[test]
    fn unbracketed_meti_reference_keeps_title_parentheses() {
        let refs = parse_cell("7.3 組織的安全管理策(体制、運用管理規程)1(1),(2)");
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].section, "7.3");
        assert_eq!(
            refs[0].title.as_deref(),
            Some("組織的安全管理策(体制、運用管理規程)")
        );
        assert_eq!(refs[0].clauses, ["1(1)", "(2)"]);
        let refs = parse_cell("7.6.7 電子媒体の取扱(9)");
        assert_eq!(refs[0].title.as_deref(), Some("電子媒体の取扱"));
        assert_eq!(refs[0].clauses, ["(9)"]);
    }

    #[test]
    fn meti_title_without_space() {
        let refs = parse_cell("[7.6.8情報交換] (1)");
        assert_eq!(refs[0].section, "7.6.8");
        assert_eq!(refs[0].title.as_deref(), Some("情報交換"));
    }

    #[test]
    fn mic_cell_with_two_references() {
        let refs = parse_cell(
            "3.2.3(2) (ウ) 1.保存管理⑤,⑥ 3.2.4(2) (ア) 5.従業員等への教育状況・守秘義務等の状況①",
        );
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].section, "3.2.3(2)");
        assert_eq!(refs[0].clauses, ["(ウ) 1.保存管理⑤,⑥"]);
        assert_eq!(refs[1].section, "3.2.4(2)");
        assert!(refs.iter().all(|r| r.guideline == MIC));
    }

    #[test]
    fn mic_text_reference() {
        let refs = parse_cell("本文2.5より");
        assert_eq!(refs[0].guideline, MIC);
        assert_eq!(refs[0].section, "本文2.5より");
        let refs = parse_cell("2.3.1(1)");
        assert_eq!(refs[0].section, "2.3.1(1)");
    }
}
