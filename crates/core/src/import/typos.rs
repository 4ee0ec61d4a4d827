//! Known errors in the seed texts. The texts stay as the source has them; each occurrence
//! gets an [`Annotation`] saying what was meant.

use crate::catalog::Annotation;

/// (as written, what was meant, why we think so).
const KNOWN_TYPOS: &[(&str, &str, &str)] = &[
    (
        "見逃し",
        "見読性",
        "変換誤り: 電子保存の三原則の「見読性」/ conversion error for 見読性 (legibility)",
    ),
    (
        "見逃化",
        "見読化",
        "変換誤り: 「見読化」/ conversion error for 見読化 (making legible)",
    ),
    (
        "見誤り",
        "見読性",
        "変換誤り: 電子保存の三原則の「見読性」/ conversion error for 見読性 (legibility)",
    ),
    (
        "番号による管理策",
        "暗号による管理策",
        "経産省GL 7.6.11 の表題は「暗号による管理策」/ METI 7.6.11 is titled 暗号による管理策 (cryptographic controls)",
    ),
    (
        "朝卸記録",
        "棚卸記録",
        "変換誤り: 「棚卸記録」/ conversion error for 棚卸記録 (inventory record)",
    ),
];

/// Annotations for every known typo in `text`, which sits in `field`.
pub fn annotate(field: &str, text: &str) -> Vec<Annotation> {
    KNOWN_TYPOS
        .iter()
        .filter(|(written, _, _)| text.contains(written))
        .map(|&(written, intended, note)| Annotation {
            field: field.to_owned(),
            excerpt: written.to_owned(),
            intended: intended.to_owned(),
            note: note.to_owned(),
        })
        .collect()
}
