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
    (
        "各種手帳書",
        "各種手順書",
        "変換誤り: 並ぶ文書 (運用管理規程など) から「手順書」とみられる / most likely 手順書 (procedures), among the rules and procedures listed beside it",
    ),
    (
        "危険化",
        "危殆化",
        "変換誤り: 暗号の「危殆化」。経産省GL 2012 の同じ項目 (No 126) は「暗号アルゴリズム及び暗号鍵の危殆化に備え」/ 危殆化 (compromise of a cipher), as METI 2012 No 126 writes the same clause",
    ),
    (
        "鍵照戻",
        "鍵回復 (推定)",
        "「鍵照戻」という語はない。文脈 (暗号鍵の喪失に備えて…リポジトリ) から鍵の回復 (キーリカバリ) を指すとみられるが、原典で確かめていない / not a word; the context (key loss, a key repository) points to key recovery, not checked against the original",
    ),
    (
        "轟断",
        "裁断",
        "変換誤り: 「裁断」。経産省GL 2012 (No 53) は「高温による融解、裁断等」/ 裁断 (shredding), as METI 2012 No 53 writes 高温による融解、裁断等",
    ),
    (
        "(ロ)",
        "(コ) (推定)",
        "総務省GL の項目記号は (ア)(イ)(ウ)… で「(ロ)」はない。形の似た (コ) の変換誤りとみられるが、原典で確かめていない / the MIC guideline labels its items (ア), (イ), (ウ)…; there is no (ロ). Likely (コ), which looks alike; not checked against the original",
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
