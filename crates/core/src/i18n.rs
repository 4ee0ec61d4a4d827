//! Every user-facing label, in Japanese and English, keyed by enum variant.
//!
//! Code and JSON use English identifiers; what a person reads comes from here, so the web app,
//! the widget and the CLI say the same thing in the same words.

use crate::assessment::{DisclosureLevel, Responsibility, Status};
use crate::catalog::{GuidelineId, Importance};
use crate::error::LoadError;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A thing with a Japanese and an English name.
pub trait Localized {
    /// (Japanese, English).
    fn names(&self) -> (&'static str, &'static str);

    fn label(&self, lang: Lang) -> &'static str {
        let (ja, en) = self.names();
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

impl Localized for Status {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Status::Compliant => ("適合", "Compliant"),
            Status::Capable => ("適合可能", "Capable"),
            Status::Partial => ("一部適合", "Partly compliant"),
            Status::NotMet => ("未対応", "Not met"),
            Status::NotApplicable => ("対象外", "Not applicable"),
            Status::Unanswered => ("未回答", "Unanswered"),
        }
    }
}

impl Localized for Responsibility {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Responsibility::Vendor => ("事業者", "Vendor"),
            Responsibility::Subcontractor => ("IaaS・再委託先", "IaaS / subcontractor"),
            Responsibility::Hospital => ("医療機関等", "Hospital"),
            Responsibility::Shared => ("共同", "Shared"),
        }
    }
}

impl Localized for DisclosureLevel {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            DisclosureLevel::Public => ("公開文書", "Public document"),
            DisclosureLevel::Nda => ("要NDA", "NDA required"),
        }
    }
}

impl Localized for GuidelineId {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            GuidelineId::Mhlw => ("厚生労働省GL", "MHLW guideline"),
            GuidelineId::Mic => ("総務省GL", "MIC guideline"),
            GuidelineId::Meti2008 => ("経産省GL (2008)", "METI guideline (2008)"),
            GuidelineId::Meti2012 => ("経産省GL (2012)", "METI guideline (2012)"),
        }
    }
}

impl Localized for Importance {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Importance::Minimum => ("最低限", "Minimum"),
            Importance::Recommended => ("推奨", "Recommended"),
        }
    }
}

/// The message for a file that could not be read, in both languages at once: the person who
/// opened it may not have chosen the language yet.
pub fn load_error_message(error: &LoadError, lang: Lang) -> String {
    match (error, lang) {
        (LoadError::Encoding { offset }, Lang::Ja) => format!(
            "ファイルが UTF-8 のテキストではありません (位置 {offset} バイト)。Shift_JIS などで保存されている場合は UTF-8 で保存し直してください。"
        ),
        (LoadError::Encoding { offset }, Lang::En) => format!(
            "The file is not UTF-8 text (byte {offset}). If it was saved as Shift_JIS, save it again as UTF-8."
        ),
        (LoadError::Syntax { line, column, .. }, Lang::Ja) => {
            format!("JSON として読めません ({line} 行 {column} 列)。ファイルが壊れているか、JSON ではありません。")
        }
        (LoadError::Syntax { line, column, .. }, Lang::En) => format!(
            "This is not valid JSON (line {line}, column {column}). The file is damaged or not JSON."
        ),
        (LoadError::WrongFormat { expected, found }, Lang::Ja) => format!(
            "tekigo の{}ファイルではありません (format: {found})。別のツールのファイルは読み込めません。",
            kind_ja(expected)
        ),
        (LoadError::WrongFormat { expected, found }, Lang::En) => format!(
            "This is not a tekigo {expected} file (format: {found}). Files of other tools cannot be opened."
        ),
        (LoadError::TooNew { found, supported }, Lang::Ja) => format!(
            "新しい版の tekigo で作られたファイルです (スキーマ {found}、この版は {supported} まで)。tekigo を更新してください。"
        ),
        (LoadError::TooNew { found, supported }, Lang::En) => format!(
            "The file was written by a newer tekigo (schema {found}; this one reads up to {supported}). Please update tekigo."
        ),
        (LoadError::Shape { path, detail }, Lang::Ja) => {
            format!("項目 {path} の値が不正です: {detail}")
        }
        (LoadError::Shape { path, detail }, Lang::En) => {
            format!("Field {path} has a wrong value: {detail}")
        }
    }
}

fn kind_ja(kind: &str) -> &'static str {
    match kind {
        "catalog" => "カタログ",
        "assessment" => "評価",
        _ => "カタログまたは評価",
    }
}

/// Japanese and English side by side, for places that show both (the CLI, error banners).
pub fn both(ja: &str, en: &str) -> String {
    format!("{ja}\n{en}")
}
