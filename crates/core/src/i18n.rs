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

/// The words of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    AppSubtitle,
    SwitchLanguage,
    Catalogs,
    StartNew,
    SavedAssessments,
    NoSavedAssessments,
    Open,
    Delete,
    OpenFile,
    OpenFileHint,
    OpenSample,
    LastChanged,
    Progress,
    Items,
    Back,
    TabItems,
    TabDocuments,
    TabDashboard,
    ExportJson,
    Subject,
    Product,
    Applicant,
    Evaluator,
    ReferenceNumber,
    Date,
    Groups,
    All,
    Search,
    SearchPlaceholder,
    Status,
    Responsibility,
    NotAssigned,
    Guideline,
    Clause,
    ClausePlaceholder,
    UnansweredOnly,
    ClearFilters,
    NoMatches,
    EvidenceExamples,
    References,
    Crosswalk,
    CrosswalkBack,
    SourceNote,
    Statement,
    Evidence,
    Document,
    Location,
    AddEvidence,
    Remove,
    Disclosure,
    CertificationInference,
    Interview,
    HospitalActions,
    EvaluatorSection,
    ConfirmedEvidence,
    Verdict,
    Improvement,
    KeyboardHelp,
    ReadOnly,
    SavedState,
    Saving,
    SaveFailed,
    Conflict,
    DocumentId,
    DocumentTitle,
    DocumentUrl,
    AddDocument,
    NoDocuments,
    Overall,
    Compliance,
    ByGroup,
    ByGuideline,
    ByResponsibility,
    HospitalTodo,
    NothingForHospital,
    FileOpenFailed,
    FileOpened,
    UnknownCatalog,
    Dismiss,
    Answered,
    Unset,
    Untitled,
    SkipToItems,
    ConfirmDelete,
    Cancel,
}

impl Localized for Text {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Text::AppSubtitle => ("適合 — 医療情報セキュリティガイドライン チェッカー", "Checker for the Japanese medical-information security guidelines"),
            Text::SwitchLanguage => ("English", "日本語"),
            Text::Catalogs => ("カタログから新しい評価を始める", "Start a new assessment from a catalog"),
            Text::StartNew => ("新しい評価を開始", "Start a new assessment"),
            Text::SavedAssessments => ("保存された評価", "Saved assessments"),
            Text::NoSavedAssessments => ("保存された評価はまだありません。", "No saved assessments yet."),
            Text::Open => ("開く", "Open"),
            Text::Delete => ("削除", "Delete"),
            Text::OpenFile => ("ファイルを開く (JSON)", "Open a file (JSON)"),
            Text::OpenFileHint => ("書き出した評価、またはカタログの JSON ファイル", "An exported assessment or a catalog JSON file"),
            Text::OpenSample => ("サンプルを開く (seed 004 の回答)", "Open the sample (answers of seed 004)"),
            Text::LastChanged => ("最終更新", "Last changed"),
            Text::Progress => ("進捗", "Progress"),
            Text::Items => ("項目", "items"),
            Text::Back => ("← 評価の一覧", "← All assessments"),
            Text::TabItems => ("項目", "Items"),
            Text::TabDocuments => ("文書一覧", "Documents"),
            Text::TabDashboard => ("ダッシュボード", "Dashboard"),
            Text::ExportJson => ("JSON を書き出す", "Export JSON"),
            Text::Subject => ("評価の概要", "Subject"),
            Text::Product => ("評価対象プロダクト名", "Product assessed"),
            Text::Applicant => ("評価申請元", "Applicant"),
            Text::Evaluator => ("評価者", "Evaluator"),
            Text::ReferenceNumber => ("整理番号", "Reference number"),
            Text::Date => ("評価日", "Date"),
            Text::Groups => ("分類", "Groups"),
            Text::All => ("すべて", "All"),
            Text::Search => ("検索", "Search"),
            Text::SearchPlaceholder => ("全文検索 (全角・半角、ｶﾀｶﾅ・カタカナを区別しません)", "Search all text (width and case insensitive)"),
            Text::Status => ("状態", "Status"),
            Text::Responsibility => ("責任", "Responsibility"),
            Text::NotAssigned => ("未設定", "Not set"),
            Text::Guideline => ("ガイドライン", "Guideline"),
            Text::Clause => ("条項", "Clause"),
            Text::ClausePlaceholder => ("例: 7.6.14", "e.g. 7.6.14"),
            Text::UnansweredOnly => ("未回答のみ", "Unanswered only"),
            Text::ClearFilters => ("条件をクリア", "Clear filters"),
            Text::NoMatches => ("条件に合う項目はありません。", "No item matches."),
            Text::EvidenceExamples => ("確認対象物例・エビデンス例", "Evidence examples"),
            Text::References => ("対応項目", "References"),
            Text::Crosswalk => ("経産省GL (2012) の対応要求事項", "Matching METI (2012) requirements"),
            Text::CrosswalkBack => ("この要求事項を参照する評価チェックリスト (253項目) の項目", "Items of the 253-item checklist that cite this requirement"),
            Text::SourceNote => ("原文の注記", "Note on the source"),
            Text::Statement => ("対応策・見解", "Statement"),
            Text::Evidence => ("エビデンス", "Evidence"),
            Text::Document => ("文書", "Document"),
            Text::Location => ("ページ・章", "Page or section"),
            Text::AddEvidence => ("エビデンスを追加", "Add evidence"),
            Text::Remove => ("削除", "Remove"),
            Text::Disclosure => ("開示レベル", "Disclosure"),
            Text::CertificationInference => ("第三者認証から類推", "Inferred from certification"),
            Text::Interview => ("ヒアリングで確認", "Confirmed by interview"),
            Text::HospitalActions => ("SI事業者・利用者で必要な対応", "What the SI or hospital must do"),
            Text::EvaluatorSection => ("評価員が記入する欄", "Evaluator"),
            Text::ConfirmedEvidence => ("確認したエビデンス (文書名、ページ番号等)", "Evidence confirmed (document, page)"),
            Text::Verdict => ("判定結果", "Verdict"),
            Text::Improvement => ("改善策", "Improvement"),
            Text::KeyboardHelp => ("キー操作: ↑↓ または j/k で項目を移動、1 適合・2 適合可能・3 一部適合・4 未対応・5 対象外・0 未回答、n で次の未回答へ、Enter で詳細を開閉、Esc で閉じる", "Keys: ↑↓ or j/k move, 1 compliant, 2 capable, 3 partly, 4 not met, 5 N/A, 0 unanswered, n next unanswered, Enter opens details, Esc closes them"),
            Text::ReadOnly => ("この評価は別のタブで編集中です。上書きを防ぐため、このタブでは閲覧のみできます。", "This assessment is being edited in another tab. To avoid overwriting it, this tab is read-only."),
            Text::SavedState => ("保存済み — 変更はこのブラウザに自動保存されます", "Saved — changes are saved in this browser automatically"),
            Text::Saving => ("保存中…", "Saving…"),
            Text::SaveFailed => ("保存できませんでした", "Could not save"),
            Text::Conflict => ("別のタブで変更されたため、このタブの保存を止めました。ページを再読み込みしてください。", "Another tab changed this assessment, so this tab stopped saving. Please reload the page."),
            Text::DocumentId => ("ID", "ID"),
            Text::DocumentTitle => ("文書名", "Title"),
            Text::DocumentUrl => ("URL", "URL"),
            Text::AddDocument => ("文書を追加", "Add a document"),
            Text::NoDocuments => ("文書はまだありません。エビデンスで参照する文書を登録してください。", "No documents yet. Register the documents your evidence refers to."),
            Text::Overall => ("全体", "Overall"),
            Text::Compliance => ("適合率", "Compliance"),
            Text::ByGroup => ("分類別", "By group"),
            Text::ByGuideline => ("ガイドライン別", "By guideline"),
            Text::ByResponsibility => ("責任別", "By responsibility"),
            Text::HospitalTodo => ("医療機関・SI事業者で必要な対応", "What remains for the hospital or SI"),
            Text::NothingForHospital => ("医療機関側の対応が必要な項目はまだありません。", "No item needs action by the hospital yet."),
            Text::FileOpenFailed => ("ファイルを開けませんでした。入力済みの内容は変わっていません。", "The file could not be opened. Nothing you entered has changed."),
            Text::FileOpened => ("ファイルを読み込みました", "File opened"),
            Text::UnknownCatalog => ("この評価のカタログがありません。先にカタログのファイルを開いてください", "The catalog of this assessment is missing. Open the catalog file first"),
            Text::Dismiss => ("閉じる", "Dismiss"),
            Text::Answered => ("回答済み", "answered"),
            Text::Unset => ("—", "—"),
            Text::Untitled => ("(無題)", "(untitled)"),
            Text::SkipToItems => ("項目一覧へ移動", "Skip to the items"),
            Text::ConfirmDelete => ("削除を確定", "Confirm delete"),
            Text::Cancel => ("取り消し", "Cancel"),
        }
    }
}
