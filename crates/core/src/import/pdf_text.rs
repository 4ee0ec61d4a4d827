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

/// Joins the two halves of a cell that a page break cut: Latin words get their space back.
pub fn join_fragments(first: &str, second: &str) -> String {
    let needs_space = first
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && second
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    let separator = if needs_space { " " } else { "" };
    remove_wrap_spaces(&format!("{first}{separator}{second}"))
}

/// Removes HTML tags (`<p>`, `</p>`, `<ul style="…">`): a `<` followed by an ASCII letter or
/// `/` up to the next `>`. Japanese text in angle brackets, such as `<技術的な対応>`, stays.
fn strip_html_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match (is_tag, after.find('>')) {
            (true, Some(close)) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
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

    #[test]
    fn fragments_join_without_space_unless_latin() {
        assert_eq!(join_fragments("作業", "終了時刻"), "作業終了時刻");
        assert_eq!(join_fragments("Microsoft", "Azure"), "Microsoft Azure");
    }
}
