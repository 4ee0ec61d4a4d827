//! XLSX, written by hand and read by hand: a workbook is a zip of a few XML parts, and the
//! parts a checklist needs (sheets of text, shared strings, styles for headings, frozen
//! panes, column widths, drop-down lists, A4 print set-up) are far smaller to write directly
//! than through a general spreadsheet library. The reader takes what Excel, LibreOffice and
//! Google Sheets write: shared or inline strings (rich text joined, furigana left out),
//! numbers, booleans, and Excel's `_xHHHH_` escapes.

mod read;
mod styles;
mod write;

pub use read::read;
pub use write::{write, Properties};

/// The most characters Excel keeps in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// `text` with Excel's escapes: `_xHHHH_` for characters XML 1.0 cannot hold, and the `_` of
/// a literal `_xHHHH_` escaped in turn, so that Excel and this reader give the text back.
pub fn excel_escape(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !text.chars().any(forbidden) && !text.contains("_x") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (index, c) in text.char_indices() {
        if forbidden(c) {
            out.push_str(&format!("_x{:04X}_", c as u32));
        } else if c == '_' && escape_at(&text[index..]).is_some() {
            out.push_str("_x005F_");
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The character of an `_xHHHH_` escape at the start of `text`.
fn escape_at(text: &str) -> Option<char> {
    let bytes = text.as_bytes();
    if bytes.len() < 7 || &bytes[..2] != b"_x" || bytes[6] != b'_' {
        return None;
    }
    let hex = std::str::from_utf8(&bytes[2..6]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// `text` with Excel's `_xHHHH_` escapes replaced by their characters.
pub fn excel_unescape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("_x") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < text.len() {
        if let Some(c) = escape_at(&text[index..]) {
            out.push(c);
            index += 7;
        } else {
            let c = text[index..].chars().next().expect("inside the text");
            out.push(c);
            index += c.len_utf8();
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes_round_trip() {
        for text in [
            "plain",
            "a\u{1}b\u{1f}",
            "_x000D_ literal",
            "_x41_ not an escape",
            "x_x00e9_y",
            "\u{FFFF}",
        ] {
            assert_eq!(excel_unescape(&excel_escape(text)), text, "{text:?}");
        }
        assert_eq!(excel_unescape("a_x000D_b_x005F_x0041_"), "a\rb_x0041_");
    }
}
