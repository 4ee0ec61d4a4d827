//! Name-based UUIDs (RFC 9562 version 5, SHA-1): the same names always give the same UUID,
//! so an item's finding keeps its identifier from one export to the next. OSCAL needs them
//! because the catalogs' own item ids, e.g. `8.1.2(ア)`, are not OSCAL tokens.

/// tekigo's namespace: the version-5 UUID of the URL `urn:tekigo` in the URL namespace.
pub const TEKIGO_NAMESPACE: [u8; 16] = [
    0x8a, 0x97, 0x81, 0x23, 0xe2, 0x39, 0x5e, 0x44, 0xbe, 0x9d, 0x81, 0xda, 0x2f, 0xe7, 0x2c, 0x80,
];

/// The version-5 UUID of `name` in `namespace`, in its usual lower-case text form.
pub fn v5(namespace: &[u8; 16], name: &str) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(namespace);
    hasher.update(name.as_bytes());
    let digest = hasher.digest().bytes();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// A UUID in tekigo's namespace for the parts of `name`, joined so no two lists of parts
/// give the same name.
pub fn tekigo(parts: &[&str]) -> String {
    v5(&TEKIGO_NAMESPACE, &parts.join("\u{1f}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The URL namespace of RFC 9562.
    const URL_NAMESPACE: [u8; 16] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
        0xc8,
    ];

    #[test]
    fn a_known_version_5_uuid_is_reproduced() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            v5(&dns, "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    #[test]
    fn the_namespace_is_the_uuid_of_urn_tekigo() {
        let text = v5(&URL_NAMESPACE, "urn:tekigo");
        let hex: String = TEKIGO_NAMESPACE
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(text.replace('-', ""), hex);
    }
}
