//! Where a value of a file is wrong and how, in tekigo's own words: serde's English messages
//! never reach a user. A problem found while typing a file is placed by line and column (and
//! the key just before, where there is one); one found by tekigo's own checks by its path.

use std::fmt;

/// Where in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A path such as `answers.7.responsibility`, for checks that walk the file.
    Path(String),
    /// A line and column of the text, with the key the value belongs to where it is known.
    At {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The key before the place, e.g. `status`.
        key: Option<String>,
    },
}

/// What kind of value was wanted, for a value of the wrong kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A whole or decimal number.
    Number,
    /// `true` or `false`.
    TrueFalse,
    /// A list (`[…]`).
    List,
    /// An object (`{…}`).
    Object,
    /// Something serde does not name in a way worth translating.
    Other,
}

/// How the value is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The value is of another kind than the field holds.
    WrongType {
        /// What the field holds.
        expected: Expected,
    },
    /// The value is not one of the field's values.
    UnknownValue {
        /// The value found.
        value: String,
        /// The values the field takes.
        allowed: Vec<String>,
    },
    /// A field that must be there is not.
    Missing {
        /// The missing field's key.
        field: String,
    },
    /// Anything else serde refused.
    Invalid,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Place::Path(path) => write!(f, "field {path}"),
            Place::At {
                line,
                column,
                key: Some(key),
            } => write!(f, "line {line}, column {column} (\"{key}\")"),
            Place::At { line, column, .. } => write!(f, "line {line}, column {column}"),
        }
    }
}

/// Reads a serde_json error as a place in `text` and a problem.
pub fn from_serde(error: &serde_json::Error, text: &str) -> (Place, FieldProblem) {
    let (line, column) = (error.line(), error.column());
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(message, _)| message);
    let place = Place::At {
        line,
        column,
        key: key_before(text, line, column),
    };
    (place, classify(message))
}

fn classify(message: &str) -> FieldProblem {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let expected = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        return FieldProblem::WrongType {
            expected: expected_kind(expected),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut quoted = backticked(rest);
        let value = if quoted.is_empty() {
            String::new()
        } else {
            quoted.remove(0)
        };
        return FieldProblem::UnknownValue {
            value,
            allowed: quoted,
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return FieldProblem::Missing {
            field: backticked(rest).into_iter().next().unwrap_or_default(),
        };
    }
    FieldProblem::Invalid
}

fn expected_kind(expected: &str) -> Expected {
    match expected {
        "a string" | "a borrowed string" => Expected::Text,
        "a boolean" => Expected::TrueFalse,
        "a sequence" => Expected::List,
        "a map" => Expected::Object,
        number if number.starts_with('u') || number.starts_with('i') || number.starts_with('f') => {
            Expected::Number
        }
        other if other.starts_with("struct ") || other.starts_with("enum ") => Expected::Object,
        _ => Expected::Other,
    }
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The key whose value is at `line`, `column`: the last `"key":` before that place.
fn key_before(text: &str, line: usize, column: usize) -> Option<String> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut end = (line_start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let colon = before.rfind("\":")?;
    let open = before[..colon].rfind('"')?;
    let key = &before[open + 1..colon];
    (!key.is_empty() && key.len() <= 64 && !key.contains(['{', '}', ','])).then(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Place, FieldProblem) {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Answer {
            status: String,
            kind: Kind,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "kebab-case")]
        enum Kind {
            Public,
            Nda,
        }
        let error = serde_json::from_str::<Answer>(text).unwrap_err();
        from_serde(&error, text)
    }

    #[test]
    fn serde_messages_become_places_and_problems() {
        let (place, problem) = read("{\n  \"status\": 7,\n  \"kind\": \"public\"\n}");
        assert_eq!(
            place,
            Place::At {
                line: 2,
                column: 13,
                key: Some("status".into())
            }
        );
        assert_eq!(
            problem,
            FieldProblem::WrongType {
                expected: Expected::Text
            }
        );
        let (_, problem) = read(r#"{"status": "x", "kind": "secret"}"#);
        assert_eq!(
            problem,
            FieldProblem::UnknownValue {
                value: "secret".into(),
                allowed: vec!["public".into(), "nda".into()]
            }
        );
        let (_, problem) = read(r#"{"kind": "nda"}"#);
        assert_eq!(
            problem,
            FieldProblem::Missing {
                field: "status".into()
            }
        );
    }
}
