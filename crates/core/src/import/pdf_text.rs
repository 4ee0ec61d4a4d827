//! Undoing what PDF text extraction did to a table cell, and nothing more.
//!
//! Extraction turned every line break inside a cell into a single space. Most pages broke a
//! cell's lines only where its author did (before a list entry `・…`, `(n) …`, `<…>`, and after
//! the last entry of a list); a few pages wrapped every line at the column's width and left a
//! space inside words (`アップグレイ ド`, `Micro soft`, `No17 1`). A cell is read as *wrapped*
//! when it has a space between two Japanese characters that is not such an author's break
//! (see [`CellCleaner::clean`]). Then:
//!
//! - a space before a list entry is a line break and becomes `\n`, in every cell;
//! - a space between two Japanese characters is a wrap and goes in a wrapped cell, and ends the
//!   list entry it follows (a line break) in any other;
//! - in a wrapped cell, a space inside a number (`No17 1`) or inside a Latin word the document
//!   writes whole elsewhere (`Micro soft`, `I D`) goes;
//! - a space inside a dotted section number (`2.6. 7.`) goes;
//! - any other space (next to Latin text, a digit or a bullet) is real and stays.
//!
//! A few cells carry HTML tags (`<p>`, `<ul …>`), which go. Every other character is kept.

use std::collections::HashSet;

/// Cleans the cells of one document: it knows the Latin words the document writes, so a wrap
/// inside one of them can be undone.
#[derive(Debug, Default, Clone)]
pub struct CellCleaner {
    /// Every run of ASCII letters and digits in the document.
    words: HashSet<String>,
}

/// What one space between two pieces of a cell was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// A line break the cell's author made.
    Break,
    /// A wrap the extraction made: the pieces join.
    Wrap,
    /// A real space.
    Space,
}

impl CellCleaner {
    /// A cleaner that knows the Latin words of `document`.
    pub fn for_document(document: &str) -> CellCleaner {
        let words = document
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| word.len() >= 2)
            .map(str::to_owned)
            .collect();
        CellCleaner { words }
    }

    /// The cell text with extraction artefacts removed and its author's line breaks as `\n`.
    pub fn clean(&self, raw: &str) -> String {
        let without_tags = strip_html_tags(raw);
        let pieces: Vec<&str> = without_tags.split_whitespace().collect();
        let Some((first, rest)) = pieces.split_first() else {
            return String::new();
        };
        let gaps = classify_gaps(&pieces);
        let wrapped = gaps.contains(&JapaneseGap::Wrap);
        let mut out = String::with_capacity(without_tags.len());
        out.push_str(first);
        let mut word = trailing_ascii_word(first);
        for (piece, gap) in rest.iter().zip(&gaps) {
            match self.gap(&out, word, piece, *gap, wrapped) {
                Gap::Break => out.push('\n'),
                Gap::Space => out.push(' '),
                Gap::Wrap => {}
            }
            out.push_str(piece);
            word = trailing_ascii_word(&out);
        }
        out
    }

    /// What the space between the text so far and `next` is; `word` is the Latin word the text
    /// ends with, if any.
    fn gap(&self, before: &str, word: &str, next: &str, kind: JapaneseGap, wrapped: bool) -> Gap {
        match kind {
            JapaneseGap::EntryStart => return Gap::Break,
            JapaneseGap::EntryEnd if !wrapped => return Gap::Break,
            JapaneseGap::EntryEnd | JapaneseGap::Wrap => return Gap::Wrap,
            JapaneseGap::Other => {}
        }
        if inside_dotted_number(before, next) {
            return Gap::Wrap;
        }
        if wrapped && self.inside_word(word, next) {
            return Gap::Wrap;
        }
        Gap::Space
    }

    /// `No17` + `1`, or `Micro` + `soft` where the document writes `Microsoft` elsewhere.
    fn inside_word(&self, word: &str, next: &str) -> bool {
        let next_word = leading_ascii_word(next);
        if word.is_empty() || next_word.is_empty() {
            return false;
        }
        let digits = word.ends_with(|c: char| c.is_ascii_digit())
            && next_word.starts_with(|c: char| c.is_ascii_digit());
        digits || self.words.contains(&format!("{word}{next_word}"))
    }
}

/// The cell text with extraction artefacts removed, for a cell read on its own (no Latin word of
/// its document is known; see [`CellCleaner::for_document`]).
pub fn clean_cell(raw: &str) -> String {
    CellCleaner::default().clean(raw)
}

/// The spaces of a cell as they concern Japanese text and lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JapaneseGap {
    /// Before a list entry: a line break.
    EntryStart,
    /// Between two Japanese characters, the first such space after an entry began: where the
    /// entry ended, unless the cell is wrapped.
    EntryEnd,
    /// Between two Japanese characters anywhere else: only a wrap makes such a space.
    Wrap,
    /// Any other space.
    Other,
}

/// Classifies the space before each piece after the first. An entry that the cell starts with
/// (`・…`) counts as begun; a requirement's own `(n)` at the start does not, since its text is
/// not a list.
fn classify_gaps(pieces: &[&str]) -> Vec<JapaneseGap> {
    let mut in_entry = pieces.first().is_some_and(|first| first.starts_with('・'));
    let mut gaps = Vec::with_capacity(pieces.len().saturating_sub(1));
    for pair in pieces.windows(2) {
        let (before, next) = (pair[0], pair[1]);
        let last = before.chars().next_back();
        let gap = if starts_list_entry(last, next) {
            in_entry = true;
            JapaneseGap::EntryStart
        } else if last.is_some_and(is_japanese) && next.starts_with(is_japanese) {
            if std::mem::take(&mut in_entry) {
                JapaneseGap::EntryEnd
            } else {
                JapaneseGap::Wrap
            }
        } else {
            JapaneseGap::Other
        };
        gaps.push(gap);
    }
    gaps
}

/// Whether `next` begins a list entry after text ending in `last`: a bullet `・` (not the
/// bullet's own space, `・ Web`), a heading in angle brackets `<技術的な対応>`, or a number
/// `(n)`/`（n）` after the end of a sentence or of a bracketed entry. A number after `、`
/// (`外部事業者が、 (1) 及び (2) と同等な`) is a reference, not an entry.
fn starts_list_entry(last: Option<char>, next: &str) -> bool {
    let Some(last) = last else {
        return false;
    };
    if next.starts_with('・') {
        return last != '・';
    }
    if let Some(inner) = next.strip_prefix('<') {
        return inner.starts_with(is_japanese) && inner.contains('>');
    }
    matches!(last, '。' | '）' | ')' | '：' | ':') && starts_with_number_label(next)
}

/// `(12)…` or `（3）…`.
pub(super) fn starts_with_number_label(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('(').or_else(|| text.strip_prefix('（')) else {
        return false;
    };
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .collect();
    !digits.is_empty() && {
        let after = &rest[digits.len()..];
        after.starts_with(')') || after.starts_with('）')
    }
}

/// `…「2.6.` + `7. 電子媒体`: a wrap inside a section number.
fn inside_dotted_number(before: &str, next: &str) -> bool {
    let mut tail = before.chars().rev();
    tail.next() == Some('.')
        && tail.next().is_some_and(|c| c.is_ascii_digit())
        && next.starts_with(|c: char| c.is_ascii_digit())
}

fn trailing_ascii_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map_or(text.len(), |(index, _)| index);
    &text[start..]
}

fn leading_ascii_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    &text[..end]
}

/// Appends the next piece of a cell that a page break or a merged cell cut off: a piece that
/// begins a list entry starts a new line, Latin words get their space back. Both pieces are
/// clean, so the seam is the only place to decide; the cell is never rescanned, which keeps a
/// cell of many short lines linear.
pub fn append_fragment(cell: &mut String, fragment: &str) {
    let last = cell.chars().next_back();
    if starts_list_entry(last, fragment) {
        cell.push('\n');
    } else if last.is_some_and(|c| c.is_ascii_alphanumeric())
        && fragment.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        cell.push(' ');
    }
    cell.push_str(fragment);
}

/// Removes HTML tags (`<p>`, `</p>`, `<ul style="…">`): a `<` followed by an ASCII letter or
/// `/` up to the next `>`. Japanese text in angle brackets, such as `<技術的な対応>`, stays.
fn strip_html_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        if !starts_tag {
            out.push_str(&rest[..=open]);
            rest = after;
            continue;
        }
        // Without a `>` after this `<` none follows a later one either: the rest is text, and
        // searching again for every `<` in it would make a long run of them quadratic.
        let Some(close) = after.find('>') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Kana, kanji, CJK punctuation and full-width forms; not the bullet `・`.
pub fn is_japanese(c: char) -> bool {
    c != '・'
        && matches!(c,
            '\u{3000}'..='\u{303F}'
            | '\u{3040}'..='\u{309F}'
            | '\u{30A0}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn spaces_inside_japanese_words_go() {
        assert_eq!(clean_cell("アップグレイ ド"), "アップグレイド");
        assert_eq!(
            clean_cell("2.10. 医 療情報 処理に 関する"),
            "2.10. 医療情報処理に関する"
        );
    }

    #[test]
    fn spaces_next_to_latin_digits_and_bullets_stay() {
        assert_eq!(
            clean_cell("Microsoft Azure の 管理"),
            "Microsoft Azure の管理"
        );
        assert_eq!(clean_cell("(1) 医療"), "(1) 医療");
        assert_eq!(clean_cell("・ Web サーバ"), "・ Web サーバ");
        assert_eq!(
            clean_cell("外部事業者が、 (1) 及び (2) と同等な"),
            "外部事業者が、 (1) 及び (2) と同等な"
        );
    }

    /// Item 128's answer: the entries, and the sentence after the last one, on lines of their own.
    #[test]
    fn list_entries_keep_their_line_breaks() {
        assert_eq!(
            clean_cell("ログは下記です。 ・ Web サーバのアクセスログ ・ 各種パフォーマンスログ このうち、アクセスログ"),
            "ログは下記です。\n・ Web サーバのアクセスログ\n・ 各種パフォーマンスログ\nこのうち、アクセスログ"
        );
        assert_eq!(
            clean_cell("以下の通りです。 <技術的な対応> ・半角英数字 ・最低 8 文字以上 <運用面の対応> ・アナウンス 物理層における"),
            "以下の通りです。\n<技術的な対応>\n・半角英数字\n・最低 8 文字以上\n<運用面の対応>\n・アナウンス\n物理層における"
        );
        assert_eq!(
            clean_cell("下記です。 （1）Microsoft Azure（クラウド基盤） （2）ORCA"),
            "下記です。\n（1）Microsoft Azure（クラウド基盤）\n（2）ORCA"
        );
    }

    /// On the wrapped pages a space inside a list entry is a wrap, not the entry's end.
    #[test]
    fn wrapped_cells_lose_their_wraps_and_keep_their_entries() {
        assert_eq!(
            clean_cell("(1) システムを稼働 させるための管理 業務） (2) 問題発生時に"),
            "(1) システムを稼働させるための管理業務）\n(2) 問題発生時に"
        );
        assert_eq!(
            clean_cell("(2) 業務プロセス間の相互関係を評価す ること。"),
            "(2) 業務プロセス間の相互関係を評価すること。"
        );
    }

    #[test]
    fn wraps_inside_numbers_and_known_words_go_in_wrapped_cells() {
        let cleaner = CellCleaner::for_document("Microsoft Corporation 作業者ID");
        assert_eq!(
            cleaner.clean("主管はMicro soft Corporationの主管範 囲となるため、No169～No17 1の項目"),
            "主管はMicrosoft Corporationの主管範囲となるため、No169～No171の項目"
        );
        assert_eq!(cleaner.clean("作 業 者 I D の 管 理"), "作業者 ID の管理");
        // In a cell that is not wrapped, Latin words keep their spaces.
        assert_eq!(cleaner.clean("Micro soft です"), "Micro soft です");
        assert_eq!(
            clean_cell("「2.6. 7. 電子媒体の取扱」"),
            "「2.6.7. 電子媒体の取扱」"
        );
    }

    #[test]
    fn html_tags_go_japanese_angle_brackets_stay() {
        assert_eq!(
            clean_cell("<p>(14) VPN。</p> <ul style=\"list-style-type: none\"> ・接続"),
            "(14) VPN。\n・接続"
        );
        assert_eq!(clean_cell("<技術的な対応> 暗号"), "<技術的な対応> 暗号");
    }

    fn appended(cell: &str, fragment: &str) -> String {
        let mut cell = cell.to_owned();
        append_fragment(&mut cell, fragment);
        cell
    }

    #[test]
    fn fragments_join_without_space_unless_latin_or_a_new_entry() {
        assert_eq!(appended("作業", "終了時刻"), "作業終了時刻");
        assert_eq!(appended("Microsoft", "Azure"), "Microsoft Azure");
        assert_eq!(
            appended("以下の3つと考えています。", "(1) システム"),
            "以下の3つと考えています。\n(1) システム"
        );
        assert_eq!(
            appended("管理業務）", "(3) 医療機関"),
            "管理業務）\n(3) 医療機関"
        );
        assert_eq!(
            appended("下記を実施。", "・ログ監視"),
            "下記を実施。\n・ログ監視"
        );
    }

    #[test]
    fn unclosed_tags_stay_text() {
        assert_eq!(clean_cell("<a<b <p 本文"), "<a<b <p 本文");
    }

    proptest! {
        /// Appending keeps the cell as it was and adds the fragment after at most one
        /// separator, a space or a line break.
        #[test]
        fn appending_adds_the_fragment_and_at_most_a_separator(
            pieces in prop::collection::vec("[あア漢・。a1 <p>/()（）\u{3000}]{0,6}", 1..6)
        ) {
            let mut cell = clean_cell(&pieces[0]);
            for piece in &pieces[1..] {
                let fragment = clean_cell(piece);
                let before = cell.clone();
                append_fragment(&mut cell, &fragment);
                prop_assert!(cell.starts_with(&before));
                prop_assert!(cell.ends_with(&fragment));
                let separator = &cell[before.len()..cell.len() - fragment.len()];
                prop_assert!(["", " ", "\n"].contains(&separator), "{:?}", separator);
            }
        }

        /// A cleaned cell has no double spaces, no space at either end and no space beside a
        /// line break; it only ever loses whitespace and tags.
        #[test]
        fn cleaning_only_touches_whitespace_and_tags(raw in "[あア漢・。a1 .()（）<>\n]{0,30}") {
            let clean = clean_cell(&raw);
            prop_assert!(!clean.contains("  ") && !clean.contains(" \n") && !clean.contains("\n "));
            prop_assert_eq!(clean.trim(), clean.as_str());
            let kept: String = clean.chars().filter(|c| !c.is_whitespace()).collect();
            let had: String = strip_html_tags(&raw).chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, had);
        }
    }
}
