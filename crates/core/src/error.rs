//! Errors of reading a file a user supplied. Every variant says where the problem is; the
//! Japanese and English texts come from [`crate::i18n`].

use thiserror::Error;

/// Why a catalog or assessment file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A file of another kind altogether: a spreadsheet, a PDF, a word-processor file.
    #[error("this is a {kind} file, not a tekigo JSON file")]
    OtherKind { kind: &'static str },
    /// The bytes are not UTF-8 (an Excel CSV in Shift_JIS, for example).
    #[error("the file is not UTF-8 text (first bad byte at offset {offset})")]
    Encoding { offset: usize },
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The same key twice in one object: one of the two would be lost.
    #[error("the key \"{key}\" appears twice in one object (line {line}, column {column})")]
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    /// Nested deeper than any tekigo file is.
    #[error("nested too deeply to be a tekigo file (line {line}, column {column})")]
    TooDeep { line: usize, column: usize },
    /// Bigger than any tekigo file should be.
    #[error("the file has {bytes} bytes; files over {limit} bytes are not read")]
    TooLarge { bytes: usize, limit: usize },
    /// JSON, but not a tekigo file of the expected kind.
    #[error("not a tekigo {expected} file (its format field is {found})")]
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    /// Written by a newer tekigo than this one.
    #[error("schema version {found} is newer than this build supports ({supported})")]
    TooNew { found: u64, supported: u32 },
    /// A field has the wrong type or a value outside its set.
    #[error("field {path}: {detail}")]
    Shape { path: String, detail: String },
}
