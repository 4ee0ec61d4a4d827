//! Errors of reading a file a user supplied. Every variant says where the problem is; the
//! Japanese and English texts come from [`crate::i18n`].

use thiserror::Error;

use crate::field_problem::{FieldProblem, Place};

/// Why a catalog or assessment file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A file of another kind altogether: a spreadsheet, a PDF, a word-processor file.
    #[error("this is a {kind} file, not a tekigo JSON file")]
    OtherKind {
        /// What the first bytes say the file is, e.g. `PDF`.
        kind: &'static str,
    },
    /// The bytes are not UTF-8 (an Excel CSV in Shift_JIS, for example).
    #[error("the file is not UTF-8 text (first bad byte at offset {offset})")]
    Encoding {
        /// Byte offset of the first byte that is not UTF-8, after any byte-order mark.
        offset: usize,
    },
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    Syntax {
        /// Where the parser gave up: line, counted from 1.
        line: usize,
        /// Where the parser gave up: column, counted from 1.
        column: usize,
        /// The parser's own message, in English.
        detail: String,
    },
    /// The same key twice in one object: one of the two would be lost.
    #[error("the key \"{key}\" appears twice in one object (line {line}, column {column})")]
    DuplicateKey {
        /// The key given twice.
        key: String,
        /// Where the second one is: line, counted from 1.
        line: usize,
        /// Where the second one is: column, counted from 1.
        column: usize,
    },
    /// Nested deeper than any tekigo file is.
    #[error("nested too deeply to be a tekigo file (line {line}, column {column})")]
    TooDeep {
        /// Where the nesting went too deep: line, counted from 1.
        line: usize,
        /// Where the nesting went too deep: column, counted from 1.
        column: usize,
    },
    /// Bigger than any tekigo file should be.
    #[error("the file has {bytes} bytes; files over {limit} bytes are not read")]
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The largest file read, [`crate::MAX_FILE_BYTES`].
        limit: usize,
    },
    /// JSON, but not a tekigo file of the expected kind.
    #[error("not a tekigo {expected} file (its format field is {found})")]
    WrongFormat {
        /// The kind asked for: `catalog`, `assessment` or `catalog or assessment`.
        expected: &'static str,
        /// The file's `format` value, quoted, or `(missing)` or `(not an object)`.
        found: String,
    },
    /// Written by a newer tekigo than this one.
    #[error("schema version {found} is newer than this build supports ({supported})")]
    TooNew {
        /// The file's `schemaVersion`.
        found: u64,
        /// The newest schema version this build reads.
        supported: u32,
    },
    /// A value of the wrong kind, or outside its set, or missing.
    #[error(
        "{place}: {}",
        crate::i18n::problem_words(problem, crate::i18n::Lang::En)
    )]
    Shape {
        /// Where the value is.
        place: Place,
        /// What is wrong with it.
        problem: FieldProblem,
    },
}
