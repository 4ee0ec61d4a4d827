//! Signed assessments: whether a file passed around by mail was altered, and who signed it.
//!
//! A vendor generates an Ed25519 key (in the app, from the browser's random numbers, or with
//! `tekigo keygen`); the private key never leaves the browser or the key file the vendor
//! keeps, and the public key (or its fingerprint) is what the vendor gives out. Signing puts a
//! `signature` object at the top of the assessment — so a signed tekigo JSON still opens as an
//! assessment, and the object travels in tekigo's data through XLSX and CSV too. It holds the
//! SHA-256 digest and the Ed25519 signature of the assessment's canonical bytes: its JSON
//! without `signature`, keys sorted, no spaces. Verification recomputes them from what the
//! file holds, whatever its format or formatting, and says who signed and whether anything
//! changed since.

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tekigo_core::i18n::Lang;
use tekigo_core::Assessment;

use crate::base64;

pub use tekigo_core::assessment::SIGNATURE_KEY;
/// The `format` of a private key file.
pub const SIGNING_KEY_FORMAT: &str = "tekigo-signing-key";
/// The `format` of a public key file.
pub const PUBLIC_KEY_FORMAT: &str = "tekigo-public-key";
const ALGORITHM: &str = "Ed25519";

/// A vendor's key pair, as the file the vendor keeps (never to be given out).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SigningKeyFile {
    /// Always [`SIGNING_KEY_FORMAT`].
    pub format: String,
    /// Who signs with it, as the signature will say (e.g. the company's name).
    pub signer: String,
    /// The public key, Base64 of its 32 bytes.
    pub public_key: String,
    /// The private key's 32-byte seed, Base64.
    pub private_key: String,
    /// [`fingerprint`] of the public key.
    pub fingerprint: String,
    /// When the key was made (RFC 3339).
    pub created_at: String,
}

/// The public half, as a vendor gives it to the hospitals that check its files.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublicKeyFile {
    /// Always [`PUBLIC_KEY_FORMAT`].
    pub format: String,
    /// Who signs with the key.
    pub signer: String,
    /// The public key, Base64.
    pub public_key: String,
    /// [`fingerprint`] of the public key.
    pub fingerprint: String,
}

/// The signature object in a signed assessment.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    /// Always `Ed25519`.
    pub algorithm: String,
    /// `sha256:` and the hex SHA-256 of the canonical bytes.
    pub digest: String,
    /// Who signed, as the key file names them.
    pub signer: String,
    /// The public key, Base64.
    pub public_key: String,
    /// [`fingerprint`] of the public key.
    pub fingerprint: String,
    /// When it was signed (RFC 3339).
    pub signed_at: String,
    /// The Ed25519 signature of the canonical bytes, Base64.
    pub value: String,
}

/// Why a key could not be read or used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// Not a key file of the kind wanted.
    NotAKey {
        /// What was wanted: a private or a public key.
        wanted: &'static str,
    },
    /// The file's keys are damaged or do not belong together.
    Damaged,
}

impl KeyError {
    /// The reason in one language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeyError::NotAKey { wanted }, Lang::Ja) => format!(
                "tekigo の{}のファイルではありません。",
                if *wanted == SIGNING_KEY_FORMAT {
                    "署名鍵 (秘密鍵)"
                } else {
                    "公開鍵"
                }
            ),
            (KeyError::NotAKey { wanted }, Lang::En) => format!(
                "This is not a tekigo {} file.",
                if *wanted == SIGNING_KEY_FORMAT {
                    "signing key (private key)"
                } else {
                    "public key"
                }
            ),
            (KeyError::Damaged, Lang::Ja) => {
                "鍵のファイルが壊れているか、書き換えられています。".to_owned()
            }
            (KeyError::Damaged, Lang::En) => "The key file is damaged or was altered.".to_owned(),
        }
    }
}

/// The fingerprint of a public key, as people compare it: the first 16 bytes of its SHA-256,
/// hex in groups of four.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let digest = Sha256::digest(public_key);
    digest[..16]
        .chunks(2)
        .map(|pair| format!("{:02x}{:02x}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new key for `signer` from 32 random bytes (the caller's: the browser's `crypto`, or the
/// operating system's).
pub fn generate(seed: [u8; 32], signer: &str, now: &str) -> SigningKeyFile {
    let key = SigningKey::from_bytes(&seed);
    let public = key.verifying_key().to_bytes();
    SigningKeyFile {
        format: SIGNING_KEY_FORMAT.to_owned(),
        signer: signer.trim().to_owned(),
        public_key: base64::encode(&public),
        private_key: base64::encode(&seed),
        fingerprint: fingerprint(&public),
        created_at: now.to_owned(),
    }
}

impl SigningKeyFile {
    /// Reads a private key file and checks that its halves belong together.
    pub fn read(bytes: &[u8]) -> Result<SigningKeyFile, KeyError> {
        let file: SigningKeyFile =
            serde_json::from_slice(bytes).map_err(|_| KeyError::NotAKey {
                wanted: SIGNING_KEY_FORMAT,
            })?;
        if file.format != SIGNING_KEY_FORMAT {
            return Err(KeyError::NotAKey {
                wanted: SIGNING_KEY_FORMAT,
            });
        }
        let key = file.key()?;
        if base64::encode(&key.verifying_key().to_bytes()) != file.public_key {
            return Err(KeyError::Damaged);
        }
        Ok(file)
    }

    fn key(&self) -> Result<SigningKey, KeyError> {
        let seed: [u8; 32] = base64::decode(&self.private_key)
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or(KeyError::Damaged)?;
        Ok(SigningKey::from_bytes(&seed))
    }

    /// The public half, to give out.
    pub fn public(&self) -> PublicKeyFile {
        PublicKeyFile {
            format: PUBLIC_KEY_FORMAT.to_owned(),
            signer: self.signer.clone(),
            public_key: self.public_key.clone(),
            fingerprint: self.fingerprint.clone(),
        }
    }
}

impl PublicKeyFile {
    /// Reads a public key file (a private key file gives its public half).
    pub fn read(bytes: &[u8]) -> Result<PublicKeyFile, KeyError> {
        if let Ok(private) = SigningKeyFile::read(bytes) {
            return Ok(private.public());
        }
        let file: PublicKeyFile = serde_json::from_slice(bytes).map_err(|_| KeyError::NotAKey {
            wanted: PUBLIC_KEY_FORMAT,
        })?;
        if file.format != PUBLIC_KEY_FORMAT {
            return Err(KeyError::NotAKey {
                wanted: PUBLIC_KEY_FORMAT,
            });
        }
        public_key_bytes(&file.public_key).ok_or(KeyError::Damaged)?;
        Ok(file)
    }
}

fn public_key_bytes(text: &str) -> Option<[u8; 32]> {
    base64::decode(text)?.try_into().ok()
}

/// The bytes a signature covers: the assessment's JSON without its signature, canonical
/// (object keys sorted by code point, no whitespace).
pub fn canonical_bytes(assessment: &Assessment) -> Vec<u8> {
    tekigo_core::json::signed_content(assessment).into_bytes()
}

fn digest_of(bytes: &[u8]) -> String {
    format!("sha256:{}", tekigo_core::json::sha256_hex(bytes))
}

/// `assessment` signed with `key` at `now`: a copy carrying the signature object (any
/// earlier signature replaced).
pub fn sign(
    assessment: &Assessment,
    key: &SigningKeyFile,
    now: &str,
) -> Result<Assessment, KeyError> {
    let signing = key.key()?;
    let mut signed = assessment.clone();
    signed.extra.remove(SIGNATURE_KEY);
    let bytes = canonical_bytes(&signed);
    let signature = Signature {
        algorithm: ALGORITHM.to_owned(),
        digest: digest_of(&bytes),
        signer: key.signer.clone(),
        public_key: key.public_key.clone(),
        fingerprint: key.fingerprint.clone(),
        signed_at: now.to_owned(),
        value: base64::encode(&signing.sign(&bytes).to_bytes()),
    };
    signed.extra.insert(
        SIGNATURE_KEY.to_owned(),
        serde_json::to_value(signature).expect("a signature always serializes"),
    );
    Ok(signed)
}

/// What verifying a file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The file carries no signature.
    Unsigned,
    /// Signed, and nothing changed since.
    Intact(Signature),
    /// Signed, but the content changed after signing.
    Changed(Signature),
    /// The content matches the digest, but the signature does not belong to it and the key:
    /// the signature object was forged or altered.
    BadSignature(Signature),
    /// Intact, but made with another key than the one the reader trusts.
    OtherKey {
        /// The signature found.
        signature: Signature,
        /// The fingerprint of the key the reader expected.
        expected: String,
    },
    /// The signature object is not one tekigo writes.
    Malformed,
}

impl Verification {
    /// Whether the file is signed and unchanged (by the expected key, when one was given).
    pub fn passed(&self) -> bool {
        matches!(self, Verification::Intact(_))
    }

    /// What was found, in one language: who signed, when, and whether anything changed.
    pub fn message(&self, lang: Lang) -> String {
        let who = |signature: &Signature| match lang {
            Lang::Ja => format!(
                "署名者: {} (鍵の指紋 {})、署名日時: {}",
                signature.signer, signature.fingerprint, signature.signed_at
            ),
            Lang::En => format!(
                "signed by {} (key fingerprint {}) at {}",
                signature.signer, signature.fingerprint, signature.signed_at
            ),
        };
        match (self, lang) {
            (Verification::Unsigned, Lang::Ja) => "このファイルには署名がありません。".to_owned(),
            (Verification::Unsigned, Lang::En) => "This file is not signed.".to_owned(),
            (Verification::Intact(signature), Lang::Ja) => format!(
                "署名を確認しました。署名後に変更されていません。{}",
                who(signature)
            ),
            (Verification::Intact(signature), Lang::En) => format!(
                "The signature is valid and nothing changed since signing; {}.",
                who(signature)
            ),
            (Verification::Changed(signature), Lang::Ja) => format!(
                "署名後に内容が変更されています。{}",
                who(signature)
            ),
            (Verification::Changed(signature), Lang::En) => format!(
                "The content changed after it was signed; {}.",
                who(signature)
            ),
            (Verification::BadSignature(signature), Lang::Ja) => format!(
                "署名が正しくありません。署名の情報が書き換えられています。{}",
                who(signature)
            ),
            (Verification::BadSignature(signature), Lang::En) => format!(
                "The signature is not valid: the signature itself was altered; {}.",
                who(signature)
            ),
            (Verification::OtherKey { signature, expected }, Lang::Ja) => format!(
                "署名は正しいものの、指定された鍵 ({expected}) ではなく別の鍵で署名されています。{}",
                who(signature)
            ),
            (Verification::OtherKey { signature, expected }, Lang::En) => format!(
                "The signature is valid but made with another key than the one given ({expected}); {}.",
                who(signature)
            ),
            (Verification::Malformed, Lang::Ja) => {
                "署名の形式が正しくありません (tekigo の署名ではないか、壊れています)。".to_owned()
            }
            (Verification::Malformed, Lang::En) => {
                "The signature is malformed (not a tekigo signature, or damaged).".to_owned()
            }
        }
    }
}

/// Verifies the signature an assessment carries; with `trusted`, also that it was made with
/// that key.
pub fn verify(assessment: &Assessment, trusted: Option<&PublicKeyFile>) -> Verification {
    let Some(value) = assessment.extra.get(SIGNATURE_KEY) else {
        return Verification::Unsigned;
    };
    let Ok(signature) = serde_json::from_value::<Signature>(value.clone()) else {
        return Verification::Malformed;
    };
    let key = public_key_bytes(&signature.public_key)
        .and_then(|bytes| VerifyingKey::from_bytes(&bytes).ok());
    let value = base64::decode(&signature.value)
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        .map(|bytes| ed25519_dalek::Signature::from_bytes(&bytes));
    let (Some(key), Some(value)) = (key, value) else {
        return Verification::Malformed;
    };
    if signature.algorithm != ALGORITHM {
        return Verification::Malformed;
    }
    let bytes = canonical_bytes(assessment);
    if digest_of(&bytes) != signature.digest {
        return Verification::Changed(signature);
    }
    if key.verify_strict(&bytes, &value).is_err()
        || fingerprint(&key.to_bytes()) != signature.fingerprint
    {
        return Verification::BadSignature(signature);
    }
    match trusted {
        Some(trusted) if trusted.public_key != signature.public_key => Verification::OtherKey {
            expected: trusted.fingerprint.clone(),
            signature,
        },
        _ => Verification::Intact(signature),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use tekigo_core::embedded;

    const NOW: &str = "2026-12-01T10:00:00+09:00";

    fn key(byte: u8) -> SigningKeyFile {
        generate([byte; 32], "きりんカルテシステム株式会社", NOW)
    }

    #[test]
    fn rfc_8032_test_vector_1_signs_as_published() {
        let seed: [u8; 32] = (0..32)
            .map(|i| {
                u8::from_str_radix(
                    &"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
                        [i * 2..i * 2 + 2],
                    16,
                )
                .unwrap()
            })
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        let signature = SigningKey::from_bytes(&seed).sign(b"").to_bytes();
        let hex: String = signature.iter().map(|b| format!("{b:02x}")).collect();
        assert!(hex.starts_with("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
    }

    #[test]
    fn a_signed_assessment_verifies_and_still_opens_as_an_assessment() {
        let signed = sign(&embedded::sample_assessment(), &key(7), NOW).unwrap();
        let json = tekigo_core::to_json(&signed);
        let reopened = tekigo_core::load_assessment(json.as_bytes()).unwrap();
        let verification = verify(&reopened, None);
        assert!(verification.passed(), "{verification:?}");
        assert!(verification
            .message(Lang::Ja)
            .contains("きりんカルテシステム株式会社"));
        // Whitespace and key order are not content.
        let compact =
            serde_json::to_string(&serde_json::from_str::<Value>(&json).unwrap()).unwrap();
        assert!(verify(
            &tekigo_core::load_assessment(compact.as_bytes()).unwrap(),
            None
        )
        .passed());
        // The digest a report prints is the one the signature carries, signed or not.
        let carried = &signed.extra[SIGNATURE_KEY]["digest"];
        let printed = tekigo_core::report::digest(&reopened);
        assert_eq!(carried.as_str(), Some(format!("sha256:{printed}").as_str()));
        assert_eq!(
            printed,
            tekigo_core::report::digest(&embedded::sample_assessment())
        );
    }

    #[test]
    fn any_change_is_found() {
        let signed = sign(&embedded::sample_assessment(), &key(7), NOW).unwrap();
        let mut changed = signed.clone();
        changed.answers.get_mut("1").unwrap().statement.push('。');
        assert!(matches!(verify(&changed, None), Verification::Changed(_)));
        let mut renamed = signed.clone();
        let mut object = renamed.extra[SIGNATURE_KEY].as_object().unwrap().clone();
        object.insert("signer".into(), Value::String("別の会社".into()));
        object.insert("fingerprint".into(), Value::String("0000".into()));
        renamed
            .extra
            .insert(SIGNATURE_KEY.into(), Value::Object(object));
        assert!(matches!(
            verify(&renamed, None),
            Verification::BadSignature(_)
        ));
        let mut other_key = signed.clone();
        let theirs = sign(&embedded::sample_assessment(), &key(8), NOW).unwrap();
        other_key.extra = theirs.extra.clone();
        assert!(verify(&other_key, None).passed());
        assert!(matches!(
            verify(&other_key, Some(&key(7).public())),
            Verification::OtherKey { .. }
        ));
    }

    #[test]
    fn key_files_read_back_and_damage_is_refused() {
        let file = key(3);
        let text = serde_json::to_vec(&file).unwrap();
        assert_eq!(SigningKeyFile::read(&text).unwrap(), file);
        assert_eq!(PublicKeyFile::read(&text).unwrap(), file.public());
        let mut mismatched = file.clone();
        mismatched.public_key = key(4).public_key;
        assert_eq!(
            SigningKeyFile::read(&serde_json::to_vec(&mismatched).unwrap()),
            Err(KeyError::Damaged)
        );
        assert!(SigningKeyFile::read(b"{}").is_err());
        let public = serde_json::to_vec(&file.public()).unwrap();
        assert!(SigningKeyFile::read(&public).is_err());
        assert_eq!(PublicKeyFile::read(&public).unwrap(), file.public());
    }
}
