//! The text an importer target feeds on.

/// The longest UTF-8 prefix of the input. A short-input run cuts the seed documents at its
/// length limit, often inside a character; rejecting such inputs would leave nothing to mutate.
pub fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&data[..error.valid_up_to()]).unwrap_or_default(),
    }
}
