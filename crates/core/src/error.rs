//! Errors of reading a file a user supplied. Every variant says where the problem is; the
//! Japanese and English texts come from [`crate::i18n`].

use thiserror::Error;

/// Why a catalog or assessment file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
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
