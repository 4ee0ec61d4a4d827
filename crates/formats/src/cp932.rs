//! Shift_JIS as Japanese Excel writes and reads it (Windows code page 932; the WHATWG
//! `shift_jis` encoding), in both directions, strictly: a byte sequence that is not CP932 is
//! an error with its offset, and a character CP932 cannot hold is an error with the
//! character, never a silent `?`. Nor is any character silently changed: WHATWG's encoder
//! writes ¥ as `\`, ‾ as `~` and − as －, which read back as other characters, so here they
//! are characters CP932 cannot hold, like 〜 (WAVE DASH) and 😀.
//!
//! The table of two-byte codes is not compiled in. It is built once from any decoder of the
//! encoding — the browser's `TextDecoder("shift_jis")` in the worker, `encoding_rs` natively
//! (feature `cp932-tables`) — by decoding every two-byte code; the encoder is the decoder's
//! inverse, taking the first code for each character and leaving out the codes WHATWG's
//! encoder leaves out, so it writes exactly what `encoding_rs` writes for every character it
//! writes at all.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Lead bytes of two-byte codes.
fn is_lead(byte: u8) -> bool {
    matches!(byte, 0x81..=0x9F | 0xE0..=0xFC)
}

/// A two-byte code's index in the WHATWG Shift_JIS table, if the bytes make one.
fn pointer(lead: u8, trail: u8) -> Option<u16> {
    if !is_lead(lead) || !matches!(trail, 0x40..=0x7E | 0x80..=0xFC) {
        return None;
    }
    let lead_offset = if lead < 0xA0 { 0x81 } else { 0xC1 };
    let trail_offset = if trail < 0x7F { 0x40 } else { 0x41 };
    Some((u16::from(lead - lead_offset)) * 188 + u16::from(trail - trail_offset))
}

fn bytes_of(pointer: u16) -> [u8; 2] {
    let lead = (pointer / 188) as u8;
    let trail = (pointer % 188) as u8;
    [
        lead + if lead < 0x1F { 0x81 } else { 0xC1 },
        trail + if trail < 0x3F { 0x40 } else { 0x41 },
    ]
}

/// Codes the encoder never writes: NEC-selected IBM extensions (duplicates of codes written
/// elsewhere) and the user-defined area, which decodes to private-use characters.
fn encoder_skips(pointer: u16) -> bool {
    (8272..=8835).contains(&pointer) || (8836..=10715).contains(&pointer)
}

/// Every two-byte code, each followed by a line feed, for a decoder to turn into the table.
pub fn probe() -> Vec<u8> {
    let mut bytes = Vec::with_capacity(11_280 * 3);
    for lead in (0x81..=0x9F).chain(0xE0..=0xFC) {
        for trail in (0x40..=0x7E).chain(0x80..=0xFC) {
            bytes.extend_from_slice(&[lead, trail, b'\n']);
        }
    }
    bytes
}

/// The two-byte table, both ways.
#[derive(Debug)]
pub struct Cp932 {
    /// By pointer: the character a two-byte code stands for.
    decoded: HashMap<u16, char>,
    /// By character: the code the encoder writes.
    encoded: HashMap<char, u16>,
}

/// A malformed byte sequence, or a character that cannot be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cp932Error {
    /// Bytes that are not CP932, at this offset.
    Malformed {
        /// Byte offset of the sequence.
        offset: usize,
    },
    /// A character CP932 cannot hold, at this character index of the text.
    Unmappable {
        /// The character.
        character: char,
        /// Its index among the text's characters.
        index: usize,
    },
}

impl Cp932 {
    /// The table, from what a decoder makes of [`probe`]. `None` when the decoder's output
    /// is not the probe's shape (it is not a Shift_JIS decoder).
    pub fn from_probe(decoded_probe: &str) -> Option<Cp932> {
        let lines: Vec<&str> = decoded_probe.split('\n').collect();
        // 11,280 codes and the empty text after the last line feed.
        if lines.len() != 11_281 {
            return None;
        }
        let mut decoded = HashMap::new();
        let mut encoded = HashMap::new();
        let mut index = 0;
        for lead in (0x81u8..=0x9F).chain(0xE0..=0xFC) {
            for trail in (0x40u8..=0x7E).chain(0x80..=0xFC) {
                let mut chars = lines[index].chars();
                index += 1;
                let (Some(character), None) = (chars.next(), chars.next()) else {
                    continue; // unassigned: the decoder replaced it
                };
                if character == '\u{FFFD}' {
                    continue;
                }
                let code = pointer(lead, trail)?;
                decoded.insert(code, character);
                if !encoder_skips(code) {
                    encoded.entry(character).or_insert(code);
                }
            }
        }
        // A Shift_JIS decoder maps 0x82A0 to あ; anything else is some other encoding.
        (decoded.get(&pointer(0x82, 0xA0)?) == Some(&'あ')).then_some(Cp932 { decoded, encoded })
    }

    /// `text` in CP932; every byte written reads back as the character it was written for.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, Cp932Error> {
        let mut out = Vec::with_capacity(text.len());
        for (index, character) in text.chars().enumerate() {
            let code = character as u32;
            match character {
                _ if code <= 0x80 => out.push(code as u8),
                '\u{FF61}'..='\u{FF9F}' => out.push((code - 0xFF61 + 0xA1) as u8),
                _ => {
                    let pointer = self
                        .encoded
                        .get(&character)
                        .ok_or(Cp932Error::Unmappable { character, index })?;
                    out.extend_from_slice(&bytes_of(*pointer));
                }
            }
        }
        Ok(out)
    }

    /// The text `bytes` encode; the first malformed sequence is an error.
    pub fn decode(&self, bytes: &[u8]) -> Result<String, Cp932Error> {
        let mut out = String::with_capacity(bytes.len());
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            match byte {
                0x00..=0x80 => {
                    out.push(char::from(byte));
                    at += 1;
                }
                0xA1..=0xDF => {
                    out.push(char::from_u32(0xFF61 + u32::from(byte - 0xA1)).unwrap_or('\u{FFFD}'));
                    at += 1;
                }
                _ => {
                    let character = bytes
                        .get(at + 1)
                        .and_then(|&trail| pointer(byte, trail))
                        .and_then(|code| self.decoded.get(&code))
                        .ok_or(Cp932Error::Malformed { offset: at })?;
                    out.push(*character);
                    at += 2;
                }
            }
        }
        Ok(out)
    }
}

static TABLE: OnceLock<Cp932> = OnceLock::new();

/// Installs the table, built from a decoder's reading of [`probe`]. Returns whether the
/// decoder was a Shift_JIS decoder (the first table installed stays).
pub fn install(decoded_probe: &str) -> bool {
    match Cp932::from_probe(decoded_probe) {
        Some(table) => {
            let _ = TABLE.set(table);
            true
        }
        None => false,
    }
}

/// The installed table; with the `cp932-tables` feature, built from `encoding_rs` on first
/// use. `None` where neither was done: CP932 is then not on offer.
pub fn table() -> Option<&'static Cp932> {
    #[cfg(feature = "cp932-tables")]
    if TABLE.get().is_none() {
        let probe = probe();
        let (decoded, _, _) = encoding_rs::SHIFT_JIS.decode(&probe);
        install(&decoded);
    }
    TABLE.get()
}

/// Installs the table from `encoding_rs`, as the worker does from the browser's decoder.
#[cfg(test)]
pub fn install_for_tests() {
    if TABLE.get().is_none() {
        let probe = probe();
        assert!(install(&encoding_rs::SHIFT_JIS.decode(&probe).0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp932() -> &'static Cp932 {
        install_for_tests();
        table().expect("installed")
    }

    /// What WHATWG's encoder writes as another character.
    const CHANGED_BY_WHATWG: [char; 3] = ['\u{A5}', '\u{203E}', '\u{2212}'];

    #[test]
    fn the_encoder_writes_what_encoding_rs_writes() {
        let mut checked = 0;
        for code in 0x80u32..0x1_0000 {
            let Some(character) = char::from_u32(code) else {
                continue;
            };
            let text = character.to_string();
            let (theirs, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
            if CHANGED_BY_WHATWG.contains(&character) {
                assert!(cp932().encode(&text).is_err(), "U+{code:04X}");
                continue;
            }
            match cp932().encode(&text) {
                Ok(ours) => {
                    assert!(!unmappable, "U+{code:04X} should not encode");
                    assert_eq!(ours, theirs.as_ref(), "U+{code:04X}");
                    checked += 1;
                }
                Err(_) => assert!(unmappable, "U+{code:04X} should encode"),
            }
        }
        assert!(checked > 7_000, "{checked}");
    }

    #[test]
    fn every_encodable_character_decodes_back() {
        let text = "医療情報システム ｱｲｳ ①② ～ ￢ ∵ ￥ －ABC\r\n";
        let bytes = cp932().encode(text).unwrap();
        assert_eq!(cp932().decode(&bytes).unwrap(), text);
    }

    #[test]
    fn what_cp932_cannot_hold_is_named_not_replaced() {
        assert_eq!(
            cp932().encode("ab😀c"),
            Err(Cp932Error::Unmappable {
                character: '😀',
                index: 2
            })
        );
        // WAVE DASH, as a Mac writes 〜; Windows' code page has only the full-width tilde.
        assert_eq!(
            cp932().encode("9:00〜"),
            Err(Cp932Error::Unmappable {
                character: '〜',
                index: 4
            })
        );
        assert_eq!(
            cp932().encode("髙𠮷"),
            Err(Cp932Error::Unmappable {
                character: '𠮷',
                index: 1
            })
        );
    }

    #[test]
    fn malformed_bytes_are_an_error_with_their_offset() {
        assert_eq!(
            cp932().decode(b"ab\x82"),
            Err(Cp932Error::Malformed { offset: 2 })
        );
        assert_eq!(
            cp932().decode(b"a\x81\x20"),
            Err(Cp932Error::Malformed { offset: 1 })
        );
        assert_eq!(
            cp932().decode(b"\xA0"),
            Err(Cp932Error::Malformed { offset: 0 })
        );
    }

    #[test]
    fn a_decoder_of_another_encoding_is_not_taken() {
        assert!(Cp932::from_probe(&String::from_utf8_lossy(&probe())).is_none());
        assert!(Cp932::from_probe("").is_none());
    }
}
