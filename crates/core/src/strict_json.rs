//! Parsing JSON the way a file from a person must be parsed: a key given twice in one object
//! is refused with the key named (serde_json would keep the last one silently), nesting
//! beyond serde_json's limit is said to be too deep, and a file over [`MAX_FILE_BYTES`] is
//! refused before anything is parsed.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::LoadError;

/// The largest file read: ten times the biggest real assessment, far below what a browser
/// tab or the CLI can hold while parsing.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

const DUPLICATE: &str = "duplicate key ";

/// Parses `text` into a JSON value, refusing duplicate keys, deep nesting and huge input.
pub fn parse(text: &str) -> Result<Value, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Strict
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|error| describe(&error))?;
    Ok(value)
}

fn describe(error: &serde_json::Error) -> LoadError {
    let (line, column) = (error.line(), error.column());
    let message = error.to_string();
    if let Some(rest) = message.strip_prefix(DUPLICATE) {
        let key = rest
            .rsplit_once(" at line ")
            .map_or(rest, |(key, _)| key)
            .trim_matches('"')
            .to_owned();
        LoadError::DuplicateKey { key, line, column }
    } else if message.starts_with("recursion limit exceeded") {
        LoadError::TooDeep { line, column }
    } else {
        LoadError::Syntax {
            line,
            column,
            detail: message,
        }
    }
}

/// Builds a [`Value`] like serde_json does, but checks every object for repeated keys.
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element_seed(Strict)? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}\"{key}\"")));
            }
            let value = map.next_value_seed(Strict)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_named_with_its_place() {
        let error = parse("{\n \"answers\": {\"5\": {}, \"5\": {}}\n}").unwrap_err();
        assert_eq!(
            error,
            LoadError::DuplicateKey {
                key: "5".into(),
                line: 2,
                column: 25
            }
        );
    }

    #[test]
    fn deep_nesting_is_called_too_deep() {
        let text = "[".repeat(100_000);
        assert!(matches!(parse(&text), Err(LoadError::TooDeep { .. })));
    }

    #[test]
    fn values_come_out_as_serde_json_reads_them() {
        let text = r#"{"a": [1, -2, 2.5, "x", null, true], "b": {"c": {}}}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }
}
