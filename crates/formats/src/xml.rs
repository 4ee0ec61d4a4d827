//! Just enough XML for the parts of an XLSX: escaping what is written, and a pull reader of
//! start tags, end tags and text for what is read. Namespace prefixes are dropped (`x:c` is
//! `c`), entities are the five predefined ones and character references; a document type
//! declaration, and so any entity it could define, is refused.

use std::borrow::Cow;

/// `text` escaped for element content.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` escaped for an attribute value in double quotes.
pub fn escape_attribute(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, attribute: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r') || (attribute && matches!(c, '"' | '\n' | '\t'))
    };
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A reader normalises a raw CR (and CR LF) to LF; a reference keeps it.
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

/// What the reader met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// `<name a="1">`, or `<name/>` when `empty`.
    Start {
        /// The local name, without a namespace prefix.
        name: &'a str,
        /// The attributes as written (values still escaped).
        attributes: &'a str,
        /// Whether the element closes itself.
        empty: bool,
    },
    /// `</name>`.
    End {
        /// The local name.
        name: &'a str,
    },
    /// Character data, unescaped, with line ends normalised.
    Text(Cow<'a, str>),
}

/// Why a part is not well-formed enough to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Byte offset in the part.
    pub offset: usize,
    /// What is wrong.
    pub detail: &'static str,
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.detail, self.offset)
    }
}

/// A pull reader over one XML document.
pub struct Reader<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader { text, position: 0 }
    }

    fn error(&self, detail: &'static str) -> XmlError {
        XmlError {
            offset: self.position,
            detail,
        }
    }

    /// The next event, `None` at the end.
    pub fn next_event(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        loop {
            let rest = &self.text[self.position..];
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                let raw = &rest[..end];
                let text = unescape(raw).map_err(|detail| self.error(detail))?;
                self.position += end;
                return Ok(Some(Event::Text(text)));
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body
                    .find("]]>")
                    .ok_or_else(|| self.error("unclosed CDATA"))?;
                let raw = &body[..end];
                self.position += "<![CDATA[".len() + end + 3;
                return Ok(Some(Event::Text(normalise_lines(raw))));
            }
            if rest.starts_with("<!--") {
                let end = rest
                    .find("-->")
                    .ok_or_else(|| self.error("unclosed comment"))?;
                self.position += end + 3;
                continue;
            }
            if rest.starts_with("<?") {
                let end = rest
                    .find("?>")
                    .ok_or_else(|| self.error("unclosed declaration"))?;
                self.position += end + 2;
                continue;
            }
            if rest.starts_with("<!") {
                return Err(self.error("a document type declaration is not accepted"));
            }
            let end = tag_end(rest).ok_or_else(|| self.error("unclosed tag"))?;
            let tag = &rest[1..end];
            self.position += end + 1;
            if let Some(name) = tag.strip_prefix('/') {
                return Ok(Some(Event::End {
                    name: local_name(name.trim_end()),
                }));
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(tag) => (tag, true),
                None => (tag, false),
            };
            let name_end = tag
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            if name.is_empty() {
                return Err(self.error("a tag without a name"));
            }
            return Ok(Some(Event::Start {
                name: local_name(name),
                attributes: &tag[name_end..],
                empty,
            }));
        }
    }
}

/// The index of the `>` that closes the tag at the start of `rest`, skipping quoted values.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (index, byte) in rest.bytes().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'>') => return Some(index),
            _ => {}
        }
    }
    None
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The unescaped value of attribute `wanted` (by local name) in `attributes`.
pub fn attribute<'a>(attributes: &'a str, wanted: &str) -> Option<Cow<'a, str>> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        let equals = rest.find('=')?;
        let name = rest[..equals].trim();
        let after = rest[equals + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(quote)?;
        let value = &after[1..1 + close];
        if local_name(name) == wanted {
            return unescape(value).ok();
        }
        rest = &after[close + 2..];
    }
}

fn normalise_lines(raw: &str) -> Cow<'_, str> {
    if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Text with its references replaced, after line ends are normalised (so `&#13;` survives).
fn unescape(raw: &str) -> Result<Cow<'_, str>, &'static str> {
    let raw = normalise_lines(raw);
    if !raw.contains('&') {
        return Ok(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest: &str = &raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').ok_or("an unterminated reference")?;
        let name = &after[..end];
        let character = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(decimal) = name.strip_prefix('#') {
                    decimal.parse().ok()
                } else {
                    None
                };
                number
                    .and_then(char::from_u32)
                    .ok_or("an unknown entity or a bad character reference")?
            }
        };
        out.push(character);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<Event<'_>> {
        let mut reader = Reader::new(text);
        let mut all = Vec::new();
        while let Some(event) = reader.next_event().unwrap() {
            all.push(event);
        }
        all
    }

    #[test]
    fn tags_text_and_references_are_read() {
        let found = events(
            "<?xml version=\"1.0\"?><!-- c --><x:si a='1>2'><t xml:space=\"preserve\"> a&amp;b&#13;&#x41;\r\nc</t><br/></x:si>",
        );
        assert_eq!(
            found,
            [
                Event::Start {
                    name: "si",
                    attributes: " a='1>2'",
                    empty: false
                },
                Event::Start {
                    name: "t",
                    attributes: " xml:space=\"preserve\"",
                    empty: false
                },
                Event::Text(Cow::Owned(" a&b\rA\nc".to_owned())),
                Event::End { name: "t" },
                Event::Start {
                    name: "br",
                    attributes: "",
                    empty: true
                },
                Event::End { name: "si" },
            ]
        );
    }

    #[test]
    fn attributes_are_found_by_local_name_and_unescaped() {
        let attributes = " r=\"B2\" t='s' x:id=\"a&quot;b\"";
        assert_eq!(attribute(attributes, "r").as_deref(), Some("B2"));
        assert_eq!(attribute(attributes, "t").as_deref(), Some("s"));
        assert_eq!(attribute(attributes, "id").as_deref(), Some("a\"b"));
        assert_eq!(attribute(attributes, "s"), None);
    }

    #[test]
    fn escaping_round_trips_through_the_reader() {
        let text = "a<b>&\"c\"\r\nd\te";
        let document = format!(
            "<v a=\"{}\">{}</v>",
            escape_attribute(text),
            escape_text(text)
        );
        let found = events(&document);
        let Event::Start { attributes, .. } = &found[0] else {
            panic!()
        };
        assert_eq!(attribute(attributes, "a").as_deref(), Some(text));
        assert_eq!(found[1], Event::Text(Cow::Owned(text.to_owned())));
    }

    #[test]
    fn a_doctype_and_unknown_entities_are_refused() {
        assert!(Reader::new("<!DOCTYPE x [<!ENTITY e \"boom\">]><x/>")
            .next_event()
            .is_err());
        assert!(Reader::new("a&e;b").next_event().is_err());
        assert!(Reader::new("<x a=\"1\"").next_event().is_err());
    }
}
