//! The guidelines the shipped catalogs cite, with the ids schema-1 files used for them. Only
//! the importers and the upgrade of schema-1 catalogs read this table; every other catalog
//! declares its guidelines itself.

use serde_json::Map;

use crate::catalog::Guideline;
use crate::i18n::Bilingual;

/// 厚生労働省「医療情報システムの安全管理に関するガイドライン」.
pub const MHLW: &str = "mhlw";
/// 総務省 guidelines for ASP・SaaS providers handling medical information.
pub const MIC: &str = "mic";
/// 経済産業省 guideline for information processors, cited in its 2008 numbering (7.x).
pub const METI_2008: &str = "meti2008";
/// 経済産業省 guideline for information processors, October 2012 edition (2.x).
pub const METI_2012: &str = "meti2012";

/// The declaration of a guideline schema 1 knew by id.
pub fn known_guideline(id: &str) -> Option<Guideline> {
    let (title, short_ja, short_en, issuer, edition) = match id {
        MHLW => (
            "医療情報システムの安全管理に関するガイドライン",
            "厚生労働省GL",
            "MHLW guideline",
            "厚生労働省",
            "第4.2版 (2013年10月)",
        ),
        MIC => (
            "ASP・SaaS事業者が医療情報を取り扱う際の安全管理に関するガイドライン",
            "総務省GL",
            "MIC guideline",
            "総務省",
            "",
        ),
        METI_2008 => (
            "医療情報を受託管理する情報処理事業者向けガイドライン",
            "経産省GL (2008)",
            "METI guideline (2008)",
            "経済産業省",
            "2008年の章番号 (7.x) による引用",
        ),
        METI_2012 => (
            "医療情報を受託管理する情報処理事業者における安全管理ガイドライン",
            "経産省GL (2012)",
            "METI guideline (2012)",
            "経済産業省",
            "平成24年10月",
        ),
        _ => return None,
    };
    Some(Guideline {
        id: id.to_owned(),
        title: title.to_owned(),
        short: Bilingual::new(short_ja, short_en),
        issuer: issuer.to_owned(),
        edition: edition.to_owned(),
        extra: Map::new(),
    })
}
