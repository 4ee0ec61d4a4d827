//! Undoing what PDF text extraction did to a table cell, and nothing more.
//!
//! Extraction wrapped lines inside words and left a single space at each wrap
//! (`アップグレイ ド`, `2.10. 医 療情報`), and a few cells carry HTML tags (`<p>`, `<ul …>`).
//! A space between two Japanese characters is such an artefact and goes; a space next to Latin
//! text, a digit or a bullet `・` may be real and stays. Every other character is kept.

/// The cell text with extraction artefacts removed.
pub fn clean_cell(raw: &str) -> String {
    let without_tags = strip_html_tags(raw);
    let collapsed = without_tags
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    remove_wrap_spaces(&collapsed)
}

/// Appends the next piece of a cell that a page break or a merged cell cut off: Latin words
/// get their space back. Both pieces are clean (made by [`clean_cell`], trimmed from such a
/// cell or grown by earlier appends), so neither ends in a space and the seam holds no wrap
/// space to remove: cleaning the joined text again, as this once did, gives the same cell at
/// the cost of rescanning all of it for every line, quadratic in a cell of many short lines.
pub fn append_fragment(cell: &mut String, fragment: &str) {
    let latin_seam = cell.ends_with(|c: char| c.is_ascii_alphanumeric())
        && fragment.starts_with(|c: char| c.is_ascii_alphanumeric());
    if latin_seam {
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

fn remove_wrap_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(index, &c)| {
            !(c == ' '
                && index > 0
                && chars.get(index + 1).is_some_and(|&next| is_japanese(next))
                && is_japanese(chars[index - 1]))
        })
        .map(|(_, &c)| c)
        .collect()
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
        assert_eq!(clean_cell("こと。 ・接続時"), "こと。 ・接続時");
    }

    #[test]
    fn html_tags_go_japanese_angle_brackets_stay() {
        assert_eq!(
            clean_cell("<p>(14) VPN。</p> <ul style=\"list-style-type: none\"> ・接続"),
            "(14) VPN。 ・接続"
        );
        assert_eq!(clean_cell("<技術的な対応> 暗号"), "<技術的な対応> 暗号");
    }

    fn appended(cell: &str, fragment: &str) -> String {
        let mut cell = cell.to_owned();
        append_fragment(&mut cell, fragment);
        cell
    }

    #[test]
    fn fragments_join_without_space_unless_latin() {
        assert_eq!(appended("作業", "終了時刻"), "作業終了時刻");
        assert_eq!(appended("Microsoft", "Azure"), "Microsoft Azure");
    }

    #[test]
    fn unclosed_tags_stay_text() {
        assert_eq!(clean_cell("<a<b <p 本文"), "<a<b <p 本文");
    }

    /// What appending must equal: the pieces joined, then rid of wrap spaces as a whole.
    fn joined_then_cleaned(cell: &str, fragment: &str) -> String {
        let latin_seam = cell.ends_with(|c: char| c.is_ascii_alphanumeric())
            && fragment.starts_with(|c: char| c.is_ascii_alphanumeric());
        let separator = if latin_seam { " " } else { "" };
        remove_wrap_spaces(&format!("{cell}{separator}{fragment}"))
    }

    proptest! {
        #[test]
        fn appending_equals_cleaning_the_joined_cell(
            pieces in prop::collection::vec("[あア漢・。a1 <p>/\u{3000}]{0,6}", 1..6)
        ) {
            let mut cell = clean_cell(&pieces[0]);
            for piece in &pieces[1..] {
                let fragment = clean_cell(piece);
                let expected = joined_then_cleaned(&cell, &fragment);
                append_fragment(&mut cell, &fragment);
                prop_assert_eq!(&cell, &expected);
            }
        }
    }
}
