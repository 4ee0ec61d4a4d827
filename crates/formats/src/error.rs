//! Why a file could not be read or written, always with where: the sheet, the row and the
//! column as a spreadsheet shows them (row 12, column F), or the part of the file. Every
//! message is given in Japanese and English; a reader that fails has changed nothing.

use tekigo_core::i18n::Lang;
use tekigo_core::validate::Problem;
use tekigo_core::Bilingual;

/// A cell, a row or a whole sheet, as a person finds it in Excel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The sheet's name (a CSV's section name).
    pub sheet: String,
    /// The row as numbered on screen, from 1; none for the whole sheet.
    pub row: Option<usize>,
    /// The column, from 0 (A); none for a whole row.
    pub column: Option<usize>,
    /// The column's heading, when it has one.
    pub heading: Option<String>,
    /// The item the row holds, when the writer knows it.
    pub item: Option<String>,
}

impl Place {
    /// A whole sheet.
    pub fn sheet(sheet: &str) -> Place {
        Place {
            sheet: sheet.to_owned(),
            row: None,
            column: None,
            heading: None,
            item: None,
        }
    }

    /// One row of a sheet.
    pub fn row(sheet: &str, row: usize) -> Place {
        Place {
            row: Some(row),
            ..Place::sheet(sheet)
        }
    }

    /// One cell, with its column's heading.
    pub fn cell(sheet: &str, row: usize, column: usize, heading: &str) -> Place {
        Place {
            row: Some(row),
            column: Some(column),
            heading: (!heading.is_empty()).then(|| heading.to_owned()),
            ..Place::sheet(sheet)
        }
    }

    /// Where, in one language: シート「回答」の 12 行目 F 列 (対応策).
    pub fn words(&self, lang: Lang) -> String {
        let column = self.column.map(column_letters);
        // The column's heading and the row's item, in brackets: (対応策、項目 3).
        let item = self.item.as_ref().map(|item| match lang {
            Lang::Ja => format!("項目 {item}"),
            Lang::En => format!("item {item}"),
        });
        let said: Vec<&str> = self
            .heading
            .iter()
            .chain(&item)
            .map(String::as_str)
            .collect();
        let bracket = if said.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                said.join(if lang == Lang::Ja { "、" } else { ", " })
            )
        };
        match lang {
            Lang::Ja => {
                let mut words = format!("シート「{}」", self.sheet);
                if let Some(row) = self.row {
                    words.push_str(&format!("の {row} 行目"));
                }
                if let Some(column) = column {
                    words.push_str(&format!(" {column} 列"));
                }
                words + &bracket
            }
            Lang::En => {
                let mut words = format!("sheet \"{}\"", self.sheet);
                if let Some(row) = self.row {
                    words.push_str(&format!(", row {row}"));
                }
                if let Some(column) = column {
                    words.push_str(&format!(", column {column}"));
                }
                words + &bracket
            }
        }
    }
}

/// A column's letters as a spreadsheet shows them: 0 is A, 25 is Z, 26 is AA.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(b'A' + digit as u8);
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// Why a file was not read or not written. Nothing is half imported: on any of these the
/// caller keeps what it had.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// Neither an XLSX workbook nor text: an old .xls, a PDF, a Word file.
    NotASheet {
        /// What the first bytes say the file is.
        kind: &'static str,
    },
    /// Bigger than any checklist is.
    TooLarge {
        /// The size found, in bytes (of the file, or of one part once unpacked).
        bytes: usize,
        /// The largest size read.
        limit: usize,
    },
    /// The workbook's container or one of its parts cannot be read.
    Damaged {
        /// The part, e.g. `xl/worksheets/sheet1.xml`.
        part: String,
        /// What is wrong, in English (the parser's words).
        detail: String,
    },
    /// A CSV whose bytes are neither UTF-8 nor Shift_JIS (CP932) nor UTF-16.
    Encoding {
        /// The line of the first byte that does not decode.
        line: usize,
        /// Its offset in the file.
        offset: usize,
    },
    /// A CSV field whose quotes are never closed.
    UnclosedQuote {
        /// The line where the field starts.
        line: usize,
    },
    /// A character that Shift_JIS (CP932) cannot hold, met while writing.
    Unencodable {
        /// The cell that holds it.
        place: Box<Place>,
        /// The character.
        character: char,
    },
    /// Shift_JIS was asked for, but this build has no table for it.
    Cp932Unavailable,
    /// No sheet has the headings of a layout tekigo knows.
    UnknownLayout {
        /// The sheets looked at.
        sheets: Vec<String>,
    },
    /// The file names a catalog that is not on the list.
    UnknownCatalog {
        /// The catalog id the file names.
        id: String,
    },
    /// The rows match no catalog on the list.
    NoMatchingCatalog,
    /// A row whose number is not an item of the catalog, but which holds answers.
    UnknownItem {
        /// The row.
        place: Box<Place>,
        /// The number in its No column.
        id: String,
    },
    /// A row of tekigo's own CSV with fewer cells than its headings: cut short, so its last
    /// columns (an answer among them, perhaps) are missing rather than empty.
    ShortRow {
        /// The row.
        place: Box<Place>,
        /// The cells it has.
        cells: usize,
        /// The columns its headings have.
        headings: usize,
    },
    /// A second row for an item (or a second item with one id, in a catalog sheet).
    DuplicateRow {
        /// The second row.
        place: Box<Place>,
        /// The item id.
        id: String,
        /// The row where the id was first seen.
        first_row: usize,
    },
    /// A status that is not a choice of the catalog's answer scale.
    NotOnScale {
        /// The cell.
        place: Box<Place>,
        /// The cell's text.
        value: String,
        /// The choices the scale offers, as labelled.
        allowed: Vec<String>,
    },
    /// A value that does not fit its column: a party not in the register, a date that is not
    /// one, an option the field does not offer.
    BadValue {
        /// The cell.
        place: Box<Place>,
        /// The cell's text.
        value: String,
        /// What the column takes, in Japanese and English.
        expected: Bilingual,
    },
    /// A catalog sheet lacks a column the mapping needs.
    MissingColumn {
        /// The column's role, in Japanese and English (e.g. 項目ID).
        role: Bilingual,
    },
    /// Two columns of a catalog sheet are chosen for a role only one may have.
    RoleTwice {
        /// The role, in Japanese and English (e.g. 回答 (選択肢)).
        role: Bilingual,
        /// The first column chosen, from 0 (A).
        first: usize,
        /// The second.
        second: usize,
    },
    /// A catalog sheet yields no item.
    NoItems {
        /// The sheet.
        sheet: String,
    },
    /// The assessment read breaks a rule of the engine (the first problem is shown).
    Invalid(Vec<Problem>),
}

impl FormatError {
    /// The reason in one language, naming the sheet, row and column.
    pub fn message(&self, lang: Lang) -> String {
        use FormatError::*;
        let ja = lang == Lang::Ja;
        match self {
            NotASheet { kind } if ja => format!(
                "{kind} のファイルです。読み込めるのは Excel ブック (.xlsx)、CSV、tekigo の JSON です。Excel 97-2003 形式 (.xls) は .xlsx で保存し直してください。"
            ),
            NotASheet { kind } => format!(
                "This is a {kind} file. tekigo reads Excel workbooks (.xlsx), CSV and tekigo JSON; save an Excel 97-2003 file (.xls) as .xlsx first."
            ),
            TooLarge { bytes, limit } if ja => format!(
                "ファイルが大きすぎます ({} KB)。{} KB を超えるものは読み込みません。",
                bytes / 1000,
                limit / 1000
            ),
            TooLarge { bytes, limit } => format!(
                "The file is too large ({} KB); nothing over {} KB is read.",
                bytes / 1000,
                limit / 1000
            ),
            Damaged { part, detail } if ja => {
                format!("Excel ファイルが壊れているため読めません ({part}: {detail})。")
            }
            Damaged { part, detail } => {
                format!("The Excel file is damaged and cannot be read ({part}: {detail}).")
            }
            Encoding { line, offset } if ja => format!(
                "CSV の文字コードを判別できません。UTF-8 でも Shift_JIS でもない文字が {line} 行目 (位置 {offset} バイト) にあります。Excel で「CSV UTF-8」または「CSV」として保存し直してください。"
            ),
            Encoding { line, offset } => format!(
                "The CSV's encoding is not recognised: line {line} (byte {offset}) is neither UTF-8 nor Shift_JIS. Save it from Excel as \"CSV UTF-8\" or \"CSV\" again."
            ),
            UnclosedQuote { line } if ja => format!(
                "CSV の {line} 行目で始まる欄の引用符 (\") が閉じていません。"
            ),
            UnclosedQuote { line } => {
                format!("The CSV field starting on line {line} opens a quote (\") that never closes.")
            }
            Unencodable { place, character } if ja => format!(
                "{}: 「{character}」(U+{:04X}) は Shift_JIS (CP932) で表せません。UTF-8 の CSV で書き出すか、文字を置き換えてください (例: 〜 → ～、¥ → ￥、− → －)。",
                place.words(lang),
                *character as u32
            ),
            Unencodable { place, character } => format!(
                "{}: \"{character}\" (U+{:04X}) cannot be written in Shift_JIS (CP932). Export a UTF-8 CSV or replace the character (e.g. 〜 with ～, ¥ with ￥, − with －).",
                place.words(lang),
                *character as u32
            ),
            Cp932Unavailable if ja => "この環境では Shift_JIS (CP932) を扱えません。UTF-8 の CSV を使ってください。".to_owned(),
            Cp932Unavailable => "Shift_JIS (CP932) is not available here; use a UTF-8 CSV.".to_owned(),
            UnknownLayout { sheets } if ja => format!(
                "tekigo の知っている表の見出し (No.・対策項目・対応策 など、または 項目番号・No・要求事項 など) がどのシートにもありません。見たシート: {}",
                sheets.join("、")
            ),
            UnknownLayout { sheets } => format!(
                "No sheet has the headings of a layout tekigo knows (No., 対策項目, 対応策 …, or 項目番号, No, 要求事項 …). Sheets looked at: {}",
                sheets.join(", ")
            ),
            UnknownCatalog { id } if ja => format!(
                "このファイルのカタログ ({id}) がありません。先にカタログを読み込んでください。"
            ),
            UnknownCatalog { id } => format!(
                "The catalog of this file ({id}) is missing; open the catalog first."
            ),
            NoMatchingCatalog if ja => "表の項目番号と本文が、どのカタログとも一致しません。先にカタログを読み込んでください。".to_owned(),
            NoMatchingCatalog => "The rows' numbers and texts match no catalog; open the catalog first.".to_owned(),
            UnknownItem { place, id } if ja => format!(
                "{}: 項目番号「{id}」はカタログにありませんが、回答が書かれています。",
                place.words(lang)
            ),
            UnknownItem { place, id } => format!(
                "{}: item \"{id}\" is not in the catalog, yet the row holds answers.",
                place.words(lang)
            ),
            ShortRow { place, cells, headings } if ja => format!(
                "{}: 見出しは {headings} 列ありますが、この行は {cells} 列で終わっています。行が途中で切れているため、回答が欠けているかもしれません。tekigo から書き出し直すか、この行を直してください。",
                place.words(lang)
            ),
            ShortRow { place, cells, headings } => format!(
                "{}: the headings have {headings} columns, but this row ends after {cells}. The row is cut short, so answers may be missing; export the file from tekigo again or mend this row.",
                place.words(lang)
            ),
            DuplicateRow { place, id, first_row } if ja => format!(
                "{}: 項目「{id}」は {first_row} 行目にもあります。",
                place.words(lang)
            ),
            DuplicateRow { place, id, first_row } => format!(
                "{}: item \"{id}\" is also on row {first_row}.",
                place.words(lang)
            ),
            NotOnScale { place, value, allowed } if ja => format!(
                "{}: 「{value}」はこのカタログの回答の選択肢にありません (選択肢: {})。",
                place.words(lang),
                allowed.join("、")
            ),
            NotOnScale { place, value, allowed } => format!(
                "{}: \"{value}\" is not a choice of this catalog's scale (choices: {}).",
                place.words(lang),
                allowed.join(", ")
            ),
            BadValue { place, value, expected } if ja => format!(
                "{}: 「{value}」は読めません。{}",
                place.words(lang),
                expected.get(lang)
            ),
            BadValue { place, value, expected } => format!(
                "{}: \"{value}\" cannot be read. {}",
                place.words(lang),
                expected.get(lang)
            ),
            MissingColumn { role } if ja => {
                format!("「{}」にあたる列が選ばれていません。", role.get(lang))
            }
            MissingColumn { role } => format!("No column is chosen as \"{}\".", role.get(lang)),
            RoleTwice { role, first, second } if ja => format!(
                "「{}」にあたる列が 2 つ選ばれています ({} 列と {} 列)。どちらか 1 つにしてください。",
                role.get(lang),
                column_letters(*first),
                column_letters(*second)
            ),
            RoleTwice { role, first, second } => format!(
                "Two columns are chosen as \"{}\" ({} and {}); keep one.",
                role.get(lang),
                column_letters(*first),
                column_letters(*second)
            ),
            NoItems { sheet } if ja => format!("シート「{sheet}」から項目が一つも読めません。"),
            NoItems { sheet } => format!("Sheet \"{sheet}\" yields no item."),
            Invalid(problems) => {
                let first = problems.first().map(|p| p.message(lang)).unwrap_or_default();
                match (problems.len(), lang) {
                    (0 | 1, _) => first,
                    (n, Lang::Ja) => format!("{first} (ほか {} 件)", n - 1),
                    (n, Lang::En) => format!("{first} (and {} more)", n - 1),
                }
            }
        }
    }

    /// Both languages, Japanese first, one per line.
    pub fn both(&self) -> String {
        tekigo_core::i18n::both(&self.message(Lang::Ja), &self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        let letters: Vec<String> = [0, 25, 26, 51, 52, 701, 702]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(letters, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn a_place_is_said_as_a_spreadsheet_shows_it() {
        let place = Place::cell("チェックリスト", 12, 5, "対応策");
        assert_eq!(
            place.words(Lang::Ja),
            "シート「チェックリスト」の 12 行目 F 列 (対応策)"
        );
        assert_eq!(
            place.words(Lang::En),
            "sheet \"チェックリスト\", row 12, column F (対応策)"
        );
    }
}
