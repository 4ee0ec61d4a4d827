//! Every user-facing label, in Japanese and English, keyed by enum variant.
//!
//! Code and JSON use English identifiers; what a person reads comes from here, so the web app,
//! the widget and the CLI say the same thing in the same words.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::DisclosureLevel;
use crate::catalog::Importance;
use crate::error::LoadError;
use crate::field_problem::{Expected, FieldProblem, Place};
use crate::party::{Party, PartyRole, ProvenanceKind};
use crate::scale::Outcome;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 日本語: the default, and the language of the guidelines themselves.
    #[default]
    Ja,
    /// English.
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

    /// What separates the entries of a list written out in a sentence: 、 or a comma.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Ja => "、",
            Lang::En => ", ",
        }
    }

    /// What ends a sentence built of parts.
    pub fn full_stop(self) -> &'static str {
        match self {
            Lang::Ja => "。",
            Lang::En => ".",
        }
    }
}

/// A text that data brings in both languages (a catalog's labels, a scale's choices).
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bilingual {
    /// The Japanese text; always given.
    pub ja: String,
    /// Empty when the source gives only Japanese; the Japanese is shown then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Bilingual {
    /// A text from its Japanese and English (which may be empty).
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, or the Japanese where there is no English.
    pub fn get(&self, lang: Lang) -> &str {
        in_lang(lang, &self.ja, &self.en)
    }
}

/// `en` in English when there is one, else `ja`: for any text kept in both languages.
pub fn in_lang<'a>(lang: Lang, ja: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        _ => ja,
    }
}

/// A thing with a Japanese and an English name.
pub trait Localized {
    /// (Japanese, English).
    fn names(&self) -> (&'static str, &'static str);

    /// The name in `lang`.
    fn label(&self, lang: Lang) -> &'static str {
        let (ja, en) = self.names();
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

impl Localized for PartyRole {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            PartyRole::Vendor => ("事業者", "Vendor"),
            PartyRole::Iaas => ("IaaS・再委託先", "IaaS / subcontractor"),
            PartyRole::Hospital => ("医療機関等", "Hospital"),
            PartyRole::Si => ("SI事業者", "System integrator"),
        }
    }
}

impl Party {
    /// The party as a person names it: its own name with its role, or its role alone.
    pub fn label(&self, lang: Lang) -> String {
        if self.name.is_empty() {
            self.role.label(lang).to_owned()
        } else {
            format!("{} ({})", self.name, self.role.label(lang))
        }
    }
}

impl Localized for crate::risk::Level {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            crate::risk::Level::Low => ("Low (低)", "Low"),
            crate::risk::Level::Middle => ("Middle (中)", "Middle"),
            crate::risk::Level::High => ("High (高)", "High"),
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

impl Localized for Outcome {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Outcome::Met => ("適合", "Met"),
            Outcome::Partial => ("一部適合", "Partly met"),
            Outcome::NotMet => ("未対応", "Not met"),
            Outcome::Excluded => ("対象外", "Not applicable"),
        }
    }
}

impl Localized for ProvenanceKind {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            ProvenanceKind::Provided => {
                ("事業者の回答 (未確認)", "Vendor's answer (not confirmed)")
            }
            ProvenanceKind::Inherited => ("継承", "Inherited"),
            ProvenanceKind::Imported => ("原資料の記述", "As stated in the source"),
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
        (LoadError::OtherKind { kind }, Lang::Ja) => format!(
            "{kind} のファイルです。ここで開けるのは tekigo で保存した評価やカタログのファイル (.json) です。"
        ),
        (LoadError::OtherKind { kind }, Lang::En) => format!(
            "This is a {kind} file. Here you can open assessment or catalog files saved by tekigo (.json)."
        ),
        (LoadError::Encoding { offset }, Lang::Ja) => format!(
            "ファイルが UTF-8 のテキストではありません (位置 {offset} バイト)。Shift_JIS などで保存されたテキストのようです。tekigo で保存したファイル (.json) を選んでください。"
        ),
        (LoadError::Encoding { offset }, Lang::En) => format!(
            "The file is not UTF-8 text (byte {offset}); it may be Shift_JIS or another encoding. Choose a file saved by tekigo (.json)."
        ),
        (LoadError::DuplicateKey { key, line, column }, Lang::Ja) => format!(
            "同じ名前「{key}」が一つのまとまりの中に二度あります ({line} 行 {column} 列)。どちらかの内容が失われるため開きません。"
        ),
        (LoadError::DuplicateKey { key, line, column }, Lang::En) => format!(
            "The key \"{key}\" appears twice in one object (line {line}, column {column}); one of the two would be lost, so the file is not opened."
        ),
        (LoadError::TooDeep { line, column }, Lang::Ja) => format!(
            "入れ子が深すぎます ({line} 行 {column} 列)。tekigo のファイルではないか、壊れています。"
        ),
        (LoadError::TooDeep { line, column }, Lang::En) => format!(
            "The file is nested too deeply (line {line}, column {column}); it is not a tekigo file or it is damaged."
        ),
        (LoadError::TooLarge { bytes, limit }, Lang::Ja) => format!(
            "ファイルが大きすぎます ({} MB)。{} MB を超えるファイルは読み込みません。",
            bytes / MEGABYTE,
            limit / MEGABYTE
        ),
        (LoadError::TooLarge { bytes, limit }, Lang::En) => format!(
            "The file is too large ({} MB); files over {} MB are not read.",
            bytes / MEGABYTE,
            limit / MEGABYTE
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
        (LoadError::Shape { place, problem }, lang) => {
            format!("{}: {}", place_words(place, lang), problem_words(problem, lang))
        }
    }
}

/// Where a value is, as a person reads it.
fn place_words(place: &Place, lang: Lang) -> String {
    match (place, lang) {
        (Place::Path(path), Lang::Ja) => format!("項目 {path}"),
        (Place::Path(path), Lang::En) => format!("Field {path}"),
        (
            Place::At {
                line,
                column,
                key: Some(key),
            },
            Lang::Ja,
        ) => {
            format!("{line} 行 {column} 列 (「{key}」)")
        }
        (
            Place::At {
                line,
                column,
                key: Some(key),
            },
            Lang::En,
        ) => {
            format!("Line {line}, column {column} (\"{key}\")")
        }
        (Place::At { line, column, .. }, Lang::Ja) => format!("{line} 行 {column} 列"),
        (Place::At { line, column, .. }, Lang::En) => format!("Line {line}, column {column}"),
    }
}

/// What is wrong with a value, in words.
pub(crate) fn problem_words(problem: &FieldProblem, lang: Lang) -> String {
    let expected = |expected: &Expected| match (expected, lang) {
        (Expected::Text, Lang::Ja) => "文字列",
        (Expected::Text, Lang::En) => "a text",
        (Expected::Number, Lang::Ja) => "正の整数",
        (Expected::Number, Lang::En) => "a positive whole number",
        (Expected::TrueFalse, Lang::Ja) => "true か false",
        (Expected::TrueFalse, Lang::En) => "true or false",
        (Expected::List, Lang::Ja) => "リスト ([…])",
        (Expected::List, Lang::En) => "a list ([…])",
        (Expected::Object, Lang::Ja) => "オブジェクト ({…})",
        (Expected::Object, Lang::En) => "an object ({…})",
        (Expected::Other, Lang::Ja) => "別の種類の値",
        (Expected::Other, Lang::En) => "another kind of value",
    };
    match (problem, lang) {
        (FieldProblem::WrongType { expected: wanted }, Lang::Ja) => {
            format!("値の種類が違います ({}が必要です)。", expected(wanted))
        }
        (FieldProblem::WrongType { expected: wanted }, Lang::En) => {
            format!(
                "the value is of the wrong kind ({} is needed).",
                expected(wanted)
            )
        }
        (FieldProblem::UnknownValue { value, allowed }, Lang::Ja) => {
            format!(
                "「{value}」は使えない値です (使える値: {})。",
                allowed.join("、")
            )
        }
        (FieldProblem::UnknownValue { value, allowed }, Lang::En) => {
            format!(
                "\"{value}\" is not one of the values allowed ({}).",
                allowed.join(", ")
            )
        }
        (FieldProblem::Missing { field }, Lang::Ja) => {
            format!("必要な項目「{field}」がありません。")
        }
        (FieldProblem::Missing { field }, Lang::En) => format!("the field \"{field}\" is missing."),
        (FieldProblem::Invalid, Lang::Ja) => "値が正しくありません。".to_owned(),
        (FieldProblem::Invalid, Lang::En) => "the value is not valid.".to_owned(),
    }
}

/// A megabyte as the file size limit counts it (2^20 bytes), so the 50 MB limit reads 50.
const MEGABYTE: usize = 1024 * 1024;

fn kind_ja(kind: &str) -> &'static str {
    match kind {
        "catalog" => "カタログ",
        "assessment" => "評価",
        "profile" => "適用範囲の質問",
        _ => "カタログまたは評価",
    }
}

/// Japanese and English side by side, for places that show both (the CLI, error banners).
pub fn both(ja: &str, en: &str) -> String {
    format!("{ja}\n{en}")
}

/// The words of the interface.
// Each variant's Japanese and English words are in the match right below it.
#[allow(missing_docs)]
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
    InternalNote,
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
    Unanswered,
    NeedsHospitalAction,
    UnconfirmedOnly,
    ActionNeeded,
    Unconfirmed,
    StatedNotRated,
    StatedNotRatedCount,
    LinkVerified,
    LinkByNumberOnly,
    LinkedItems,
    DatePlaceholder,
    NotADate,
    Source,
    ConfirmAnswer,
    Confirmed,
    NoDocumentsForEvidence,
    GoToDocuments,
    MissingDocument,
    MissingDocumentHint,
    CitedBy,
    DocumentInUse,
    ComplianceOverall,
    ComplianceOverallNote,
    ComplianceAnswered,
    ComplianceAnsweredNote,
    UnconfirmedCount,
    ByResponsibilityNote,
    Cases,
    SaveToFile,
    DeletedElsewhere,
    NotSaved,
    StorageFull,
    StorageUnavailable,
    StorageOther,
    DamagedRecord,
    CatalogAlreadyThere,
    CatalogRenamed,
    About,
    LastSavedToFile,
    NeverSavedToFile,
    Unreadable,
    SaveRawToFile,
    BackToStart,
    AboutPurpose,
    AboutPrivacyHeading,
    AboutPrivacy,
    AboutBackupHeading,
    AboutBackup,
    AboutCatalogsHeading,
    Version,
    StoreAgain,
    SuggestFileSave,
    OpenElsewhere,
    Loading,
    WidgetNoSource,
    WidgetSourceUnavailable,
    WidgetCatalogUnavailable,
    WidgetCannotShow,
    WidgetPublishedOn,
    WidgetHospitalTodo,
    WidgetStartOwnCheck,
    WidgetOwnCheckNote,
    WidgetFileOffered,
    WidgetAppOpened,
    WidgetAppNotOpened,
    OwnCheckStarted,
    OfferTitle,
    OfferFrom,
    OfferQuestion,
    OfferAccept,
    OfferDecline,
    Publish,
    PublishTitle,
    PublishWhat,
    PublishLeaves,
    PublishStays,
    PublishStaysAlso,
    SavePublicFile,
    EmbedCode,
    EmbedHowTo,
    WidgetPreview,
    Risk,
    DueDate,
    Likelihood,
    Impact,
    RiskLevel,
    Report,
    ReportTitle,
    ReportCatalog,
    ReportMadeAt,
    ReportData,
    ReportFilter,
    ReportOtherConditions,
    Requirement,
    OpenActions,
    NoOpenActions,
    Print,
    PrintHint,
    BackToAssessment,
    ConfirmDelete,
    Cancel,
    TabTable,
    Number,
    EditInTable,
    TableHelp,
    TableCaption,
    OpenItemDetails,
    MoreFilters,
    ChooseGroup,
    SourceReading,
    TabAnalysis,
    ProfileHeading,
    NoProfile,
    Yes,
    No,
    NotAnswered,
    ExcludedByThis,
    RiskHeading,
    RiskMatrixCaption,
    CoverageHeading,
    CoveringItems,
    LinkedReached,
    LinkedUncovered,
    ClaimsHeading,
    Inherited,
    Unclaimed,
    AttachLayer,
    LayerOf,
    InheritedItems,
    ChangesHeading,
    CompareWithFile,
    OtherCatalogFile,
    ChangesFound,
    Field,
    Before,
    After,
    When,
    NoPreviewFromFile,
    StorageInUse,
    StorageQuota,
    StorageNearlyFull,
    StoragePersisted,
    StorageNotPersisted,
    KeptAside,
    NotKeptAside,
    UnsavedChangesKept,
    OpenFailed,
    KeptInList,
    NoLongerStored,
    RecordNotAnObject,
    RecordNoId,
    RecordBadRevision,
    RecordNoJson,
    FileReadFailed,
    DownloadFailed,
    DeleteFailed,
    FormatsMenu,
    FormatsLoading,
    FormatsUnavailable,
    ExportAs,
    ExportButton,
    Exported,
    SignExport,
    SigningKeyFile,
    SigningKeyLoaded,
    SigningKeyHint,
    NewSigningKey,
    SignerName,
    SigningKeyMade,
    VerifySignature,
    VerifyFile,
    VerifyFileHint,
    AssessmentSigned,
    ImportSheet,
    ImportSheetHint,
    ImportCatalogFromSheet,
    SheetIsNoAssessment,
    SheetName,
    HeadingRow,
    ColumnRoles,
    AnswerChoices,
    ChoiceLabel,
    AddChoice,
    CatalogName,
    CatalogId,
    CatalogPreview,
    ImportThisCatalog,
    SheetRows,
    SheetsAndSignatures,
    SaveCatalogJson,
    CarryHeading,
    CarryFromStored,
    CarryChoose,
    CarryFromFile,
    CarryWould,
    CarryApply,
    CarryNothing,
    CarriedCount,
    NoLinkedCatalog,
    InheritedUnconfirmed,
    AttachPublishedLayer,
    LayerAttached,
    VersionsHeading,
    SaveVersion,
    VersionLabel,
    NoVersions,
    VersionOnExport,
    VersionsKept,
    CompareWithNow,
    DownloadJson,
    ComparingWith,
    DataFileFailed,
    RiskNeedsBoth,
    FormatsNotInSingleFile,
    CatalogInUse,
    ConfirmDeleteCatalog,
    CarryVerifiedLinks,
    CarryNumberOnlyLinks,
    LayerRole,
    ChooseTrustedKey,
    TrustedKey,
    SignedWithChosenKey,
    KeyboardHelpRest,
    KeyFingerprint,
    CarryFromFileAlone,
    ItemsWritten,
    OpenedAsCopy,
    LayerNothingMet,
    ReadingNotes,
    SaveWidgetKit,
    WidgetKitHowTo,
    WidgetKitExample,
    WidgetKitFailed,
    WidgetKitPacking,
    WidgetKitSaved,
    EmbedHowToFromBuild,
    EmbedCsp,
    NoteDealtWith,
    ExportPublicVersion,
    ExportHoldsPrivate,
    ExportIsPublic,
    PublishNdaUnmarked,
    ReportAnsweredOnly,
    OpenedStored,
    MoreWarnings,
    WidgetNoHospitalTodo,
    ReportAnsweredOnlyShown,
    CopyDiffersAt,
    CopyDiffersItem,
    CopyDiffersItems,
    CopyDiffersMore,
    CopyDiffersMoreCount,
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
            Text::OpenFile => ("ファイルから開く", "Open a file"),
            Text::OpenFileHint => ("tekigo で保存した評価、またはカタログのファイル (.json)", "An assessment saved by tekigo, or a catalog file (.json)"),
            Text::OpenSample => ("サンプルを開く (『きりんカルテ』経済産業省ガイドライン対応リファレンス)", "Open the sample (the Kirin Karte reference to the METI guideline)"),
            Text::LastChanged => ("最終更新", "Last changed"),
            Text::Progress => ("進捗", "Progress"),
            Text::Items => ("項目", "items"),
            Text::Back => ("評価の一覧", "All assessments"),
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
            Text::HospitalActions => ("医療機関・SI事業者で必要な対応", "What the hospital or its SI must do"),
            Text::EvaluatorSection => ("評価員が記入する欄", "Evaluator"),
            Text::ConfirmedEvidence => ("確認したエビデンス (文書名、ページ番号等)", "Evidence confirmed (document, page)"),
            Text::Verdict => ("判定結果", "Verdict"),
            Text::Improvement => ("改善策", "Improvement"),
            Text::InternalNote => ("社内メモ (公開されません)", "Internal note (never published)"),
            Text::KeyboardHelp => ("キー操作: ↑↓ または j/k で項目を移動、", "Keys: ↑↓ or j/k move, "),
            Text::KeyFingerprint => ("鍵の指紋", "key fingerprint"),
            Text::CarryFromFileAlone => ("評価のファイルを選ぶ", "Choose an assessment file"),
            Text::ItemsWritten => ("記入のある項目", "items with an answer written"),
            Text::LayerNothingMet => ("継承するのは、この層が「適合」と答えた項目だけです。この層のファイルには適合の回答がないため、継承する項目はありません。記入のある項目", "Only items this layer answers as met are inherited. Its file answers none as met, so nothing is inherited. Items with an answer written"),
            Text::ReadingNotes => ("ファイルの読み取りについての注記", "Notes on how the file was read"),
            Text::SaveWidgetKit => ("ウィジェット一式を保存 (zip)", "Save the widget kit (zip)"),
            Text::WidgetKitHowTo => ("このバージョンの tekigo 用のウィジェット本体、このカタログ、公開用ファイル、動作確認用のページ (example.html) が入っています。", "It holds the widget of this tekigo version, this catalog, the public file and a page to try them (example.html)."),
            Text::WidgetKitExample => ("tekigo フォルダをサイトの一番上に置いたとき、埋め込みコードは次のように表示されます。このページはウェブサーバーから開いてください (ファイルを直接開くと表示されません)。", "With the tekigo folder at the root of the site, the embed code shows as below. Open this page from a web server (opened as a file, it shows nothing)."),
            Text::WidgetKitFailed => ("ウィジェット一式を作れませんでした", "The widget kit could not be made"),
            Text::WidgetKitPacking => ("ウィジェット一式を作成中…", "Packing the widget kit…"),
            Text::WidgetKitSaved => ("ウィジェット一式を保存しました。", "The widget kit was saved."),
            Text::EmbedHowToFromBuild => ("tekigo の widget フォルダ (tekigo のビルドの dist/widget/) をサイトの /tekigo/widget/ に、公開用ファイルを /tekigo/ に置いてください。", "Put tekigo's widget folder (dist/widget/ of a tekigo build) at /tekigo/widget/ on your site and the file to publish at /tekigo/."),
            Text::EmbedCsp => ("ページに Content-Security-Policy があれば、script-src に 'self' と 'wasm-unsafe-eval' を、style-src と connect-src に 'self' を許してください (ウィジェットを別のオリジンに置くときは 'self' をそのオリジンに)。wasm を許せないページには、widget/embed.html を iframe で埋め込みます。", "If the page has a Content-Security-Policy, allow 'self' and 'wasm-unsafe-eval' in script-src and 'self' in style-src and connect-src (the widget's origin instead of 'self' when it lives elsewhere). A page that cannot allow wasm embeds widget/embed.html in an iframe instead."),
            Text::NoteDealtWith => ("対応済みにして消す", "Remove (dealt with)"),
            Text::ExportPublicVersion => ("公開用にする (要NDA 文書の所在・社内メモ・ヒアリングの内容・評価員の欄を除く)", "Public version (without where NDA documents are, internal notes, interview notes or the evaluator's columns)"),
            Text::ExportHoldsPrivate => ("このファイルには社内メモ・ヒアリングの内容・評価員の欄・要NDA 文書の所在も入ります。社外に渡すときは「公開用にする」を選んでください。", "This file also holds internal notes, interview notes, the evaluator's columns and where NDA documents are. To hand it to anyone outside, choose “Public version”."),
            Text::PublishNdaUnmarked => ("要NDA の文書を根拠にしているのに、開示レベルが要NDA になっていない項目があります。公開ファイルでは文書の所在は伏せられますが、回答は要NDA と示されません。公開する前に直してください。項目:", "Some items cite an NDA document but are not marked NDA. The public file hides where the document is, but does not mark the answer NDA. Fix them before publishing. Items:"),
            Text::ReportAnsweredOnly => ("記入のある項目だけを載せる", "Only items with an answer"),
            Text::OpenedStored => ("このファイルの評価は、このブラウザに保存されているものと同じです。保存されている評価を開きました (コピーは作っていません)。", "This file holds the same assessment as the one stored in this browser, so the stored one was opened (no copy was made)."),
            Text::MoreWarnings => ("件の警告がほかにあります。", "more warnings."),
            Text::WidgetNoHospitalTodo => ("医療機関で必要な対応はありません。", "Nothing is left for the hospital to do."),
            Text::ReportAnsweredOnlyShown => ("記入のある項目のみ", "answered items only"),
            Text::ExportIsPublic => ("公開用: 公開される欄だけを書き出し、ファイル名に _public が付きます。", "Public version: only the fields that may be published are written, and _public is added to the file name."),
            Text::OpenedAsCopy => ("この評価はすでにこのブラウザに保存されていて、内容が違うため、別の評価 (コピー) として取り込みました。保存済みの評価は変わっていません。評価の一覧には両方が並びます。", "This assessment is already stored in this browser with other content, so the file was imported as a separate copy; the stored one is unchanged. The list shows both."),
            Text::KeyboardHelpRest => ("0 未回答、n で次の未回答へ、Enter で詳細を開閉、Esc で閉じる", "0 unanswered, n next unanswered, Enter opens details, Esc closes them"),
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
            Text::Unanswered => ("未回答", "Unanswered"),
            Text::NeedsHospitalAction => ("要対応あり", "Hospital action needed"),
            Text::UnconfirmedOnly => ("未確認のみ", "Not yet confirmed"),
            Text::ActionNeeded => ("要対応", "Action needed"),
            Text::Unconfirmed => ("未確認", "Not confirmed"),
            Text::StatedNotRated => ("記述のみ", "Stated, not rated"),
            Text::StatedNotRatedCount => ("うち記述のみ", "of which stated, not rated"),
            Text::LinkVerified => ("本文で確認済み", "confirmed by text"),
            Text::LinkByNumberOnly => ("番号のみで対応", "by number only"),
            Text::LinkedItems => ("他のカタログの対応項目", "Linked items in other catalogs"),
            Text::DatePlaceholder => ("例: 2026年4月1日", "e.g. 2026-04-01"),
            Text::NotADate => ("日付として読めません (例: 2026年4月1日、2026/4/1)", "Not a date (e.g. 2026-04-01)"),
            Text::Source => ("出典", "Source"),
            Text::ConfirmAnswer => ("この回答を確認した", "Confirm this answer"),
            Text::Confirmed => ("この評価で確認済み", "Confirmed in this assessment"),
            Text::NoDocumentsForEvidence => ("エビデンスは文書一覧の文書を指します。文書一覧はまだ空です。", "Evidence points to documents of the register, which is still empty."),
            Text::GoToDocuments => ("文書一覧へ", "Go to the documents"),
            Text::MissingDocument => ("文書一覧にありません", "not in the register"),
            Text::MissingDocumentHint => ("この文書は文書一覧から削除されています。文書を選び直してください。", "This document was removed from the register; choose another."),
            Text::CitedBy => ("参照している項目数", "Cited by items"),
            Text::DocumentInUse => ("この文書は次の項目のエビデンスで使われています。削除すると、それらのエビデンスは「文書一覧にありません」と表示されます:", "Evidence of these items cites this document; after removing it they show as \"not in the register\":"),
            Text::ComplianceOverall => ("適合率 (全項目)", "Compliance (all items)"),
            Text::ComplianceOverallNote => ("適合・適合可能の項目 ÷ 対象外を除く全項目。未回答は未対応として数えます。", "Met items (compliant or capable) ÷ all items but the not-applicable ones; unanswered items count as not met."),
            Text::ComplianceAnswered => ("適合率 (回答済みのみ)", "Compliance (answered items)"),
            Text::ComplianceAnsweredNote => ("適合・適合可能の項目 ÷ 回答済みの項目 (対象外を除く)。", "Met items ÷ answered items, not-applicable ones left out."),
            Text::UnconfirmedCount => ("未確認の回答", "Answers not yet confirmed"),
            Text::ByResponsibilityNote => ("記入のある項目を、担当する関係者ごとに数えます (状態を選んだ数 / 記入のある数)。複数の関係者が担う項目はそれぞれに数えます。「未設定」は記入があって担当が未設定の項目で、責任の絞り込み「未設定」と同じ項目です。", "Items with anything written, counted per party holding them (with a status / written). An item held by several parties counts for each. \"Not set\" means written with no party named: the same items as the responsibility filter \"Not set\"."),
            Text::Cases => ("件", "items"),
            Text::SaveToFile => ("ファイルに保存", "Save to a file"),
            Text::DeletedElsewhere => ("この評価は別のタブで削除されました。画面の内容はまだ残っています。失わないように、ファイルに保存してください。", "This assessment was deleted in another tab. What you see is still here: save it to a file so it is not lost."),
            Text::NotSaved => ("未保存: ブラウザに保存できていません。", "Unsaved: the browser did not store your changes."),
            Text::StorageFull => ("ブラウザの保存領域がいっぱいです。不要な評価を削除するか、ファイルに保存してください。保存は自動で再試行します。", "The browser's storage is full. Delete assessments you no longer need or save to a file; saving is retried automatically."),
            Text::StorageUnavailable => ("ブラウザが保存を許可していません (プライベートウィンドウや設定による制限の可能性があります)。ファイルに保存してください。", "The browser does not allow storing data (a private window or a setting may prevent it). Save to a file."),
            Text::StorageOther => ("ブラウザに保存できませんでした。保存は自動で再試行します。", "The browser could not store the data; saving is retried automatically."),
            Text::DamagedRecord => ("保存データが壊れています", "The stored record is damaged"),
            Text::CatalogAlreadyThere => ("同じ内容のカタログがすでにあります", "This catalog is already in the list"),
            Text::CatalogRenamed => ("同じ ID の別の内容のカタログがあるため、別の ID で追加しました", "A different catalog already has this id, so this one was added under a new id"),
            Text::About => ("このツールについて", "About this tool"),
            Text::LastSavedToFile => ("最後にファイルに保存:", "Last saved to a file:"),
            Text::NeverSavedToFile => ("まだファイルに保存していません", "Never saved to a file"),
            Text::Unreadable => ("開けない評価", "Assessment that does not open"),
            Text::SaveRawToFile => ("そのままファイルに保存", "Save as it is to a file"),
            Text::BackToStart => ("← はじめの画面", "← Start"),
            Text::AboutPurpose => ("tekigo は、医療情報を扱うクラウドサービスがガイドラインの要求事項をどう満たしているかを、項目ごとに記録し、見える形にするためのツールです。事業者は自社の回答をまとめて公開でき、医療機関は事業者の回答をもとに自院の確認を進められます。", "tekigo records, item by item, how a cloud service handling medical information meets the requirements of the guidelines, and shows where it stands. Vendors can gather and publish their answers; hospitals can check a vendor starting from those answers."),
            Text::AboutPrivacyHeading => ("データはこのブラウザの外に出ません", "Your data never leaves this browser"),
            Text::AboutPrivacy => ("入力した内容は、このブラウザの中 (IndexedDB) にだけ保存されます。tekigo にはサーバーがなく、ページを開いた後はどこにも通信しません。ファイルに保存したときだけ、あなたが選んだ場所にファイルが作られます。", "What you enter is stored only inside this browser (IndexedDB). tekigo has no server and, once the page has opened, contacts nobody. A file is written only when you save to a file, where you choose."),
            Text::AboutBackupHeading => ("控えの取り方と別の PC への移し方", "Keeping a copy and moving to another PC"),
            Text::AboutBackup => ("「ファイルに保存」で評価を JSON ファイルとして保存できます。ブラウザのデータを消すと保存した評価も消えるため、区切りごとにファイルに保存してください。別の PC では、tekigo を開いて「ファイルから開く」でそのファイルを選べば、続きから作業できます。", "\"Save to a file\" writes the assessment as a JSON file. Clearing the browser's data also removes what it stores, so save to a file at each milestone. On another PC, open tekigo, choose \"Open a file\" and pick that file to carry on."),
            Text::AboutCatalogsHeading => ("カタログの出典と版", "Catalogs: sources and editions"),
            Text::Version => ("版", "Version"),
            Text::SuggestFileSave => ("かなりの変更がまだファイルに保存されていません。区切りのよいところで「ファイルに保存」しておくと、ブラウザのデータが消えても安心です。", "Quite a few changes are not yet saved to a file. Saving to a file now and then keeps them safe even if the browser's data is cleared."),
            Text::StoreAgain => ("この内容で保存し直す", "Store this again"),
            Text::OpenElsewhere => ("この評価は別のタブで開かれています。削除すると、そのタブの内容は保存されなくなります。", "This assessment is open in another tab; after deleting it, that tab's work is no longer stored."),
            Text::Loading => ("読み込み中…", "Loading…"),
            Text::WidgetNoSource => ("表示する回答ファイルが指定されていません (src 属性)。", "No answers file is given (the src attribute)."),
            Text::WidgetSourceUnavailable => ("回答ファイルを読み込めませんでした。", "The answers file could not be loaded."),
            Text::WidgetCatalogUnavailable => ("回答に対応するカタログを読み込めませんでした:", "The catalog of these answers could not be loaded:"),
            Text::WidgetCannotShow => ("この回答は表示できません。", "These answers cannot be shown."),
            Text::WidgetPublishedOn => ("公開日", "Published"),
            Text::WidgetHospitalTodo => ("医療機関で必要な対応", "What the hospital must do"),
            Text::WidgetStartOwnCheck => ("この回答をもとに自院のチェックを始める", "Start our own check from these answers"),
            Text::WidgetOwnCheckNote => ("自院の回答はこのページには入力しません。回答のファイルを保存し、自院の tekigo で開いてください。", "Your own answers are never entered on this page: save the answers file and open it in your own tekigo."),
            Text::WidgetFileOffered => ("回答のファイルを保存できるようにしました。自院の tekigo の「ファイルから開く」で開いてください。", "The answers file is offered for saving; open it with \"Open a file\" in your own tekigo."),
            Text::WidgetAppOpened => ("自院の tekigo を開き、回答を渡しました", "Your own tekigo was opened and handed the answers"),
            Text::WidgetAppNotOpened => ("自院の tekigo を開けませんでした (ポップアップが止められた可能性があります)。保存したファイルを開いてください。", "Your own tekigo could not be opened (a pop-up blocker may have stopped it); open the saved file instead."),
            Text::OwnCheckStarted => ("事業者の公開回答をもとに自院のチェックを始めました。回答はすべて「事業者の回答 (未確認)」です。確認した項目から「この回答を確認した」を押すか、内容を直してください", "Your own check starts from the vendor's published answers; every answer is the vendor's, not yet confirmed. Confirm each, or change it"),
            Text::OfferTitle => ("事業者の公開回答を受け取りました", "Published answers were handed over"),
            Text::OfferFrom => ("送り元", "From"),
            Text::OfferQuestion => ("この回答をもとに自院のチェックを始めますか? 回答はすべて「事業者の回答 (未確認)」として取り込まれ、送り元には何も送られません。", "Start your own check from these answers? Every answer comes in as the vendor's, not yet confirmed, and nothing is sent back."),
            Text::OfferAccept => ("自院のチェックを始める", "Start our own check"),
            Text::OfferDecline => ("受け取らない", "Decline"),
            Text::Publish => ("公開用に書き出す", "Export for publishing"),
            Text::PublishTitle => ("公開用に書き出す", "Export for publishing"),
            Text::PublishWhat => ("Web サイトで公開するための版を作ります。医療機関は、この版をウィジェットで読み、自院のチェックに取り込めます。", "Makes the version to publish on your site. Hospitals read it in the widget and can take it into a check of their own."),
            Text::PublishLeaves => ("公開される欄", "Published"),
            Text::PublishStays => ("公開されない欄", "Never published"),
            Text::PublishStaysAlso => ("評価者と整理番号、要NDA 文書の URL とページ (「NDA締結により開示」と表示)", "the evaluator and reference number, the address and pages of NDA documents (shown as 「NDA締結により開示」)"),
            Text::SavePublicFile => ("公開用ファイルを保存", "Save the file to publish"),
            Text::EmbedCode => ("サイトに貼るコード", "Code for your site"),
            Text::EmbedHowTo => ("「ウィジェット一式を保存 (zip)」で保存した zip の tekigo フォルダをサイトの一番上 (ルート) に置くと、このコードがそのまま使えます。", "Put the tekigo folder of the zip that 「Save the widget kit (zip)」 saves at the root of your site, and this code works as it is."),
            Text::WidgetPreview => ("ウィジェットでの見え方", "How the widget shows it"),
            Text::Risk => ("リスク (発生可能性 × 影響度)", "Risk (likelihood × impact)"),
            Text::DueDate => ("対応の目標日", "Target date"),
            Text::Likelihood => ("発生可能性", "Likelihood"),
            Text::Impact => ("影響度", "Impact"),
            Text::RiskLevel => ("リスク", "Risk"),
            Text::FormatsNotInSingleFile => ("1ファイル版では Excel・CSV・OSCAL の読み書きと署名は使えません (その機能は別のファイルで、1ファイル版には入っていません)。tekigo の JSON の保存・読み込みは使えます。Excel などが必要なときは、配信版 (サーバーから開く tekigo) を使ってください。", "The single file has no Excel, CSV or OSCAL import and export, and no signatures (that part is a file of its own, not inside the single file). Saving and opening tekigo JSON works. For Excel and the rest, use the served tekigo."),
            Text::CatalogInUse => ("このカタログの評価があるため削除できません。先に評価を削除してください", "Assessments of this catalog are stored; delete them first to delete it"),
            Text::ConfirmDeleteCatalog => ("カタログを削除する (元に戻せません)", "Delete the catalog (cannot be undone)"),
            Text::CarryVerifiedLinks => ("本文でも確かめたつながり", "links the texts confirm"),
            Text::ChooseTrustedKey => ("照合する公開鍵を選ぶ (任意)", "Choose the signer's public key (optional)"),
            Text::TrustedKey => ("照合する公開鍵", "Checked against the public key"),
            Text::SignedWithChosenKey => ("選んだ公開鍵の署名です。", "It was signed with the chosen public key."),
            Text::LayerRole => ("取り込む層の立場", "The layer's party is"),
            Text::CarryNumberOnlyLinks => ("条項番号だけのつながり (特によく確認してください)", "links by clause number only (check these closely)"),
            Text::RiskNeedsBoth => ("発生可能性と影響度の両方を選ぶと記録されます。", "Recorded once both likelihood and impact are chosen."),
            Text::Report => ("レポート (印刷)", "Report (print)"),
            Text::ReportTitle => ("医療情報セキュリティガイドライン 適合性評価 報告書", "Assessment report: Japanese medical-information security guidelines"),
            Text::ReportCatalog => ("評価に用いたカタログ", "Catalog assessed against"),
            Text::ReportMadeAt => ("作成日時", "Made at"),
            Text::ReportData => ("データの版", "Data version"),
            Text::ReportFilter => ("絞り込み条件", "Filter"),
            Text::ReportOtherConditions => ("ほかの条件あり", "other conditions"),
            Text::Requirement => ("要求事項", "Requirement"),
            Text::OpenActions => ("残っている対応 (リスクの高い順)", "Open actions (highest risk first)"),
            Text::NoOpenActions => ("一部適合・未対応の項目はありません。", "No item is partly met or not met."),
            Text::Print => ("印刷する", "Print"),
            Text::PrintHint => ("A4 縦で印刷されます。PDF として保存することもできます。", "Prints on A4 portrait; you can also save it as a PDF."),
            Text::BackToAssessment => ("← 評価に戻る", "← Back to the assessment"),
            Text::SourceReading => ("原資料の読み取り", "How the source was read"),
            Text::TabAnalysis => ("分析", "Analysis"),
            Text::ProfileHeading => ("適用範囲の質問 (サービスに当てはまらない項目を対象外に)", "Applicability (items that do not apply become not applicable)"),
            Text::NoProfile => ("このカタログには適用範囲の質問がありません。", "This catalog has no applicability questions."),
            Text::Yes => ("はい", "Yes"),
            Text::No => ("いいえ", "No"),
            Text::NotAnswered => ("未回答", "Not answered"),
            Text::ExcludedByThis => ("この「いいえ」で対象外:", "Excluded by this \"no\":"),
            Text::RiskHeading => ("リスク (発生可能性 × 影響度)", "Risk (likelihood × impact)"),
            Text::RiskMatrixCaption => ("一部適合・未対応の項目のリスク評価の件数", "Ratings of items partly met or not met"),
            Text::CoverageHeading => ("ガイドラインの条項ごとの対応状況", "Coverage per guideline clause"),
            Text::CoveringItems => ("対応する項目", "Covering items"),
            Text::LinkedReached => ("この評価の項目と対応づく要求事項", "requirements linked to items here"),
            Text::LinkedUncovered => ("どの項目とも対応づかない要求事項", "requirements no item covers"),
            Text::ClaimsHeading => ("責任の分担", "Who holds what"),
            Text::Inherited => ("下層から継承", "Inherited from a layer"),
            Text::Unclaimed => ("誰も担っていない項目", "Items nobody holds"),
            Text::AttachLayer => ("分担を下層として取り込む", "Attach the share as a layer"),
            Text::LayerOf => ("下層:", "Layer:"),
            Text::InheritedItems => ("継承している項目", "Items inherited"),
            Text::ChangesHeading => ("変更点", "What changed"),
            Text::CompareWithFile => ("比べる評価のファイル (以前に保存したもの)", "An earlier file of this assessment to compare with"),
            Text::OtherCatalogFile => ("別のカタログの評価なので比べられません。", "That file answers another catalog, so it cannot be compared."),
            Text::ChangesFound => ("件の変更", "changes"),
            Text::Field => ("欄", "Field"),
            Text::Before => ("変更前", "Before"),
            Text::After => ("変更後", "After"),
            Text::When => ("変更日", "When"),
            Text::NoPreviewFromFile => ("1 ファイル版ではウィジェットの見え方を表示できません。公開用ファイルは保存できます。", "The single-file edition cannot preview the widget; the file to publish can still be saved."),
            Text::ConfirmDelete => ("削除を確定", "Confirm delete"),
            Text::Cancel => ("取り消し", "Cancel"),
            Text::TabTable => ("一覧表", "Table"),
            Text::Number => ("No", "No."),
            Text::EditInTable => ("表の中で編集する", "Edit in the table"),
            Text::TableHelp => ("見出しを押すと並べ替えます (もう一度押すと逆順)。No を押すとその項目を詳細とともに開きます。エビデンスは詳細で編集します。編集中の選択欄では ↑↓ で上下の行の同じ欄へ移ります。", "Choose a heading to sort (again to reverse). Choose a No. to open that item with its details. Evidence is edited in the details. When editing, ↑↓ on a drop-down go to the same column in the row above or below."),
            Text::TableCaption => ("評価の一覧表", "The assessment as a table"),
            Text::OpenItemDetails => ("詳細を開く", "Open the details"),
            Text::MoreFilters => ("その他の条件", "More filters"),
            Text::ChooseGroup => ("分類", "Group"),
            Text::StorageInUse => ("このブラウザで使用中", "In use in this browser"),
            Text::StorageQuota => ("上限", "limit"),
            Text::StorageNearlyFull => ("保存領域の残りがわずかです。不要な評価を削除するか、ファイルに保存してください。", "Storage is nearly full: delete assessments you no longer need, or save them to files."),
            Text::StoragePersisted => ("保存は永続化されています (空き容量が減っても、ブラウザはこのデータを消しません)", "Storage is persistent (the browser keeps this data even when disk space runs low)"),
            Text::StorageNotPersisted => ("保存は永続化されていません: 空き容量が少なくなると、ブラウザがこのデータを消すことがあります。区切りごとにファイルに保存してください。", "Storage is not persistent: the browser may clear this data when disk space runs low. Save to a file at each milestone."),
            Text::KeptAside => ("変更は、このブラウザの別の場所に一時的に控えてあります。", "Meanwhile your changes are kept aside elsewhere in this browser."),
            Text::NotKeptAside => ("控えも残せませんでした。ページを閉じる前に、ファイルに保存してください。", "No copy could be kept aside either: save to a file before closing the page."),
            Text::UnsavedChangesKept => ("未保存の変更があります: ブラウザに保存できなかった変更を控えから戻せます。開くと保存し直します。", "Unsaved changes: what the browser would not store was kept aside. Open the assessment to store it again."),
            Text::OpenFailed => ("評価を開けませんでした", "The assessment could not be opened"),
            Text::KeptInList => ("一覧に残してあります。そのままファイルに保存するか、削除できます。", "It stays in the list, where you can save it to a file as it is, or delete it."),
            Text::NoLongerStored => ("この評価はもう保存されていません。別のタブで削除された可能性があります。", "This assessment is no longer stored; another tab may have deleted it."),
            Text::RecordNotAnObject => ("記録がオブジェクトではありません", "the record is not an object"),
            Text::RecordNoId => ("記録に ID がありません", "the record has no id"),
            Text::RecordBadRevision => ("記録の版番号 (revision) が整数ではありません", "the record's revision is not a whole number"),
            Text::RecordNoJson => ("記録に評価の内容 (json) がありません", "the record holds no assessment text (json)"),
            Text::FileReadFailed => ("ブラウザがファイルを読ませてくれませんでした。ファイルが移動・削除されていないか確かめてください。", "The browser did not let the file be read; check that it was not moved or deleted."),
            Text::DownloadFailed => ("ファイルに保存できませんでした。ブラウザがダウンロードを許可していない可能性があります。", "Could not save to a file; the browser may not allow downloads here."),
            Text::DeleteFailed => ("削除できませんでした", "Could not delete"),
            Text::FormatsMenu => ("書き出し・署名", "Export and sign"),
            Text::FormatsLoading => ("書き出し・読み込みの機能を読み込んでいます…", "Loading export and import…"),
            Text::FormatsUnavailable => ("書き出し・読み込みの機能を読み込めませんでした。ページを再読み込みしてください。", "Export and import could not be loaded; reload the page."),
            Text::ExportAs => ("書き出す形式", "Format"),
            Text::ExportButton => ("書き出す", "Export"),
            Text::Exported => ("書き出しました", "Exported"),
            Text::SignExport => ("署名して書き出す", "Sign the file"),
            Text::SigningKeyFile => ("署名鍵のファイル", "Signing key file"),
            Text::SigningKeyLoaded => ("署名鍵", "Signing key"),
            Text::SigningKeyHint => ("署名鍵 (秘密鍵) はこのブラウザの中だけで使われ、どこにも送られません。ファイルは自社で保管してください。", "The signing key (private key) is used only inside this browser and sent nowhere; keep its file within your company."),
            Text::NewSigningKey => ("新しい署名鍵を作る", "Make a new signing key"),
            Text::SignerName => ("署名者の名前 (会社名など)", "Signer's name (e.g. the company)"),
            Text::SigningKeyMade => ("署名鍵を作り、秘密鍵と公開鍵のファイルを保存しました。秘密鍵のファイルは誰にも渡さないでください。相手には公開鍵のファイルか、次の鍵の指紋を伝えてください:", "A signing key was made and its private and public key files saved. Never give the private key file to anyone; give others the public key file or this fingerprint:"),
            Text::VerifySignature => ("署名を確認", "Verify the signature"),
            Text::VerifyFile => ("ファイルの署名を確認", "Verify a file's signature"),
            Text::VerifyFileHint => ("署名された tekigo の JSON・Excel・CSV を選ぶと、誰が署名したか、署名後に変更されたかを確認します。", "Choose a signed tekigo JSON, Excel or CSV file: it says who signed it and whether it changed since."),
            Text::AssessmentSigned => ("この評価には署名があります。", "This assessment carries a signature."),
            Text::ImportSheet => ("Excel・CSV から読み込む", "Import from Excel or CSV"),
            Text::ImportSheetHint => ("tekigo で書き出した表や同じ見出しの表 (No.・対策項目 など) は評価として、ほかの表はカタログとして読み込めます。", "Sheets written by tekigo, or with its headings (No., 対策項目 …), open as assessments; other sheets can become catalogs."),
            Text::ImportCatalogFromSheet => ("表からカタログを作る", "Make a catalog from a sheet"),
            Text::SheetIsNoAssessment => ("この表は tekigo の評価の形ではありません。列の意味を指定して、カタログとして取り込めます。", "This sheet is not a tekigo assessment; say what its columns are to import it as a catalog."),
            Text::SheetName => ("シート", "Sheet"),
            Text::HeadingRow => ("見出しの行", "Heading row"),
            Text::ColumnRoles => ("各列の意味", "What each column is"),
            Text::AnswerChoices => ("回答の選択肢と数え方", "Answer choices and how each counts"),
            Text::ChoiceLabel => ("選択肢", "Choice"),
            Text::AddChoice => ("選択肢を追加", "Add a choice"),
            Text::CatalogName => ("カタログの名前", "Catalog title"),
            Text::CatalogId => ("カタログの ID", "Catalog id"),
            Text::CatalogPreview => ("取り込まれる項目", "Items to import"),
            Text::ImportThisCatalog => ("このカタログを取り込む", "Import this catalog"),
            Text::SheetRows => ("行", "rows"),
            Text::SheetsAndSignatures => ("Excel・CSV の読み込み、署名の確認…", "Excel, CSV and signatures…"),
            Text::SaveCatalogJson => ("tekigo のカタログ (JSON) として保存", "Save as a tekigo catalog (JSON)"),
            Text::CarryHeading => ("他のカタログの評価から回答を引き継ぐ", "Carry answers from an assessment of a linked catalog"),
            Text::CarryFromStored => ("この端末に保存した評価", "An assessment stored here"),
            Text::CarryChoose => ("選んでください", "Choose one"),
            Text::CarryFromFile => ("または評価のファイル", "Or an assessment file"),
            Text::CarryWould => ("件の回答を引き継げます。まだ回答のない項目だけに入り、引き継いだ回答は「引き継ぎ・未確認」として 1 件ずつ確認します", "answers can be carried. They go to items not answered here only, and come in as inherited, unconfirmed, to be confirmed one by one"),
            Text::CarryApply => ("引き継ぐ", "Carry them"),
            Text::CarryNothing => ("引き継げる回答はありません (対応づく項目はすべて回答済みか、元の評価に回答がありません)", "No answer can be carried (every linked item is answered here, or the source has no answer for it)"),
            Text::CarriedCount => ("引き継いだ回答", "Answers carried"),
            Text::NoLinkedCatalog => ("このカタログと対応づくカタログはありません", "No catalog is linked to this one"),
            Text::InheritedUnconfirmed => ("引き継ぎ・未確認", "Inherited, unconfirmed"),
            Text::AttachPublishedLayer => ("公開された回答を層として取り込む", "Attach published answers as a layer"),
            Text::LayerAttached => ("層として取り込みました", "Attached as a layer"),
            Text::VersionsHeading => ("保存した版", "Saved versions"),
            Text::SaveVersion => ("この版を保存", "Save this version"),
            Text::VersionLabel => ("版の名前 (任意)", "Version name (optional)"),
            Text::NoVersions => ("保存した版はまだありません。ファイルに保存するたびに、その時の版が残ります", "No saved version yet; one is kept each time the assessment is saved to a file"),
            Text::VersionOnExport => ("ファイルに保存した時", "saved to a file"),
            Text::VersionsKept => ("評価ごとに残す版 (古いものから消え、評価を削除すると一緒に消えます)", "Versions kept per assessment (the oldest go first; they go with the assessment)"),
            Text::CompareWithNow => ("今と比べる", "Compare with now"),
            Text::DownloadJson => ("JSON をダウンロード", "Download JSON"),
            Text::ComparingWith => ("比べている版", "Compared with"),
            Text::DataFileFailed => ("データファイルを読み込めませんでした (入力済みの評価はそのままです。再読み込みしてください)", "Could not load a data file (your assessments are unchanged; reload the page)"),
            Text::CopyDiffersAt => ("保存済みの評価と違うところ:", "Where it differs from the stored one:"),
            Text::CopyDiffersItem => ("項目", "item"),
            Text::CopyDiffersItems => ("項目", "items"),
            Text::CopyDiffersMore => ("ほか", "and"),
            Text::CopyDiffersMoreCount => ("件", "more"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{embedded, load_assessment, to_json};

    /// The message for the sample assessment with `change` made to its JSON.
    fn message_after(change: impl FnOnce(&mut serde_json::Value), lang: Lang) -> String {
        let mut value: serde_json::Value =
            serde_json::from_str(&to_json(&embedded::sample_assessment())).unwrap();
        change(&mut value);
        let error = load_assessment(value.to_string().as_bytes()).unwrap_err();
        load_error_message(&error, lang)
    }

    /// Regression: the deserializer's own words ("invalid type: string \"x\", expected a
    /// sequence") reached the person reading the message.
    #[test]
    fn a_value_of_the_wrong_kind_is_said_in_words() {
        let wrong = |value: &mut serde_json::Value| value["parties"] = "vendor".into();
        let ja = message_after(wrong, Lang::Ja);
        let en = message_after(wrong, Lang::En);
        assert!(
            ja.contains("「parties」): 値の種類が違います (リスト ([…])が必要です)"),
            "{ja}"
        );
        assert!(
            en.contains("(\"parties\"): the value is of the wrong kind (a list ([…]) is needed)"),
            "{en}"
        );
        for text in [ja, en] {
            assert!(
                !text.contains("invalid type") && !text.contains('`'),
                "{text}"
            );
        }
    }

    #[test]
    fn a_missing_field_is_named() {
        let ja = message_after(
            |value| {
                value.as_object_mut().unwrap().remove("catalog");
            },
            Lang::Ja,
        );
        assert!(ja.contains("必要な項目「catalog」がありません"), "{ja}");
    }

    #[test]
    fn the_size_limit_reads_as_fifty_megabytes() {
        let error = LoadError::TooLarge {
            bytes: 51 * MEGABYTE + 7,
            limit: crate::MAX_FILE_BYTES,
        };
        assert!(load_error_message(&error, Lang::Ja).contains("(51 MB)。50 MB を超える"));
        assert!(load_error_message(&error, Lang::En).contains("files over 50 MB"));
    }
}
