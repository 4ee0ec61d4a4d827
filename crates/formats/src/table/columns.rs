//! The columns of each layout, built from the catalog: the item's own columns where the
//! layout has them, the answer fields the layout names in its place and order, then every
//! other field of the catalog's field table (its own fields included) under the field's own
//! label, and last tekigo's data column. No field is named here but through the table.

use tekigo_core::fields::{answer_fields, AnswerField, Standard};
use tekigo_core::i18n::Lang;
use tekigo_core::Catalog;

use super::Layout;

/// The heading of tekigo's own column: what a row holds that no other column shows.
pub const DATA_HEADING: &str = "tekigo データ";

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Source<'c> {
    /// The item's id (No.).
    ItemId,
    /// The title of the item's group at this depth of the tree (0: 大分類, 1: 中分類).
    GroupTitle(usize),
    /// The number and title of the item's own group (項目番号).
    GroupNumber,
    /// The requirement (対策項目, 要求事項).
    ItemText,
    /// 確認対象物例・エビデンス例.
    EvidenceExamples,
    /// The item's references to the guidelines these ids name.
    References(Vec<String>),
    /// Notes on known errors in the item's source text (備考).
    Remarks,
    /// An answer field.
    Field(AnswerField<'c>),
    /// tekigo's data for the row: what no other column shows.
    Data,
}

impl Source<'_> {
    /// Whether the column holds part of the answer (and so is read back).
    pub fn is_answer(&self) -> bool {
        matches!(self, Source::Field(_) | Source::Data)
    }
}

/// One column of a layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Column<'c> {
    /// The heading as written.
    pub heading: String,
    /// Other headings that name the same column when a person made the sheet.
    pub aliases: Vec<String>,
    /// What the column holds.
    pub source: Source<'c>,
    /// Its width in characters.
    pub width: f64,
    /// The heading over the group of columns it belongs to, if the layout has one.
    pub group: Option<&'static str>,
}

/// Where a layout puts an item column or a standard field, and under which heading.
enum Slot {
    Item(Source<'static>, &'static str, f64),
    Field(Standard, &'static str, f64),
    IssuerReferences(&'static str, &'static str, f64),
}

/// The layout's own columns, in its order, with the group heading each falls under.
fn slots(layout: Layout) -> Vec<(Option<&'static str>, Slot)> {
    use Slot::*;
    match layout {
        Layout::Checklist => vec![
            (Some("項目"), Item(Source::ItemId, "No.", 6.0)),
            (Some("分類"), Item(Source::GroupTitle(0), "大分類", 12.0)),
            (Some("分類"), Item(Source::GroupTitle(1), "中分類", 14.0)),
            (Some("確認項目"), Item(Source::ItemText, "対策項目", 48.0)),
            (
                Some("確認項目"),
                Item(Source::EvidenceExamples, "確認対象物例・エビデンス例", 26.0),
            ),
            (
                Some("チェックシートへの対応内容並びに、内容を確認したエビデンス等"),
                Field(Standard::Statement, "対応策", 40.0),
            ),
            (
                Some("評価員が記入する欄"),
                Field(
                    Standard::ConfirmedEvidence,
                    "確認したエビデンス (文書名、ページ番号等)",
                    24.0,
                ),
            ),
            (
                Some("評価員が記入する欄"),
                Field(Standard::Verdict, "判定結果", 12.0),
            ),
            (
                Some("評価員が記入する欄"),
                Field(Standard::Improvement, "改善策", 24.0),
            ),
            (
                Some("参考"),
                IssuerReferences("総務省", "総務省GLでの対応項目", 18.0),
            ),
            (
                Some("参考"),
                IssuerReferences("経済産業省", "経産省GLでの対応項目", 18.0),
            ),
            (Some("参考"), Item(Source::Remarks, "備考", 16.0)),
        ],
        Layout::VendorReference => vec![
            (None, Item(Source::GroupNumber, "項目番号", 16.0)),
            (None, Item(Source::ItemId, "No", 6.0)),
            (None, Item(Source::ItemText, "要求事項", 48.0)),
            (None, Field(Standard::Status, "適合性", 11.0)),
            (None, Field(Standard::Parties, "責任", 14.0)),
            (None, Field(Standard::Statement, "対応状況・見解", 40.0)),
            (
                None,
                Field(Standard::Disclosure, "確認文書等の開示レベル", 11.0),
            ),
            (
                None,
                Field(Standard::Evidence, "エビデンス (文書・ページ)", 24.0),
            ),
            (
                None,
                Field(
                    Standard::CertificationInference,
                    "第三者認証等から類推した内容",
                    24.0,
                ),
            ),
            (
                None,
                Field(Standard::Interview, "インタビューで確認した内容", 24.0),
            ),
            (
                None,
                Field(Standard::HospitalActions, "利用者で必要な対応", 28.0),
            ),
        ],
    }
}

/// How many columns, from A, are the layout's own (what a printed page holds).
pub fn own_columns(layout: Layout) -> usize {
    slots(layout).len()
}

/// The heading over the fields a layout does not place itself.
const OTHER_FIELDS_GROUP: &str = "tekigo の回答欄";

/// Every column of `layout` for `catalog`, from A.
pub fn columns(layout: Layout, catalog: &Catalog) -> Vec<Column<'_>> {
    let fields = answer_fields(catalog);
    let mut placed_fields: Vec<&str> = Vec::new();
    let mut placed_guidelines: Vec<String> = Vec::new();
    let mut columns = Vec::new();
    for (group, slot) in slots(layout) {
        let column = match slot {
            Slot::Item(source, heading, width) => Column {
                heading: heading.to_owned(),
                aliases: item_aliases(&source),
                source,
                width,
                group,
            },
            Slot::Field(standard, heading, width) => {
                placed_fields.push(standard.id());
                let field = AnswerField::Standard(standard);
                Column {
                    heading: heading.to_owned(),
                    aliases: field_aliases(&field),
                    source: Source::Field(field),
                    width,
                    group,
                }
            }
            Slot::IssuerReferences(issuer, heading, width) => {
                let ids: Vec<String> = catalog
                    .guidelines
                    .iter()
                    .filter(|guideline| guideline.issuer == issuer)
                    .map(|guideline| guideline.id.clone())
                    .collect();
                placed_guidelines.extend(ids.iter().cloned());
                Column {
                    heading: heading.to_owned(),
                    aliases: Vec::new(),
                    source: Source::References(ids),
                    width,
                    group,
                }
            }
        };
        columns.push(column);
    }
    // The references to guidelines the layout has no column for, where it has references.
    if layout == Layout::Checklist {
        let reference_group = columns.last().and_then(|column| column.group);
        for guideline in catalog
            .guidelines
            .iter()
            .filter(|guideline| !placed_guidelines.contains(&guideline.id))
            .filter(|guideline| Some(guideline.id.as_str()) != catalog.implements.as_deref())
        {
            columns.push(Column {
                heading: format!("{}での対応項目", guideline.short.get(Lang::Ja)),
                aliases: Vec::new(),
                source: Source::References(vec![guideline.id.clone()]),
                width: 18.0,
                group: reference_group,
            });
        }
    }
    for field in fields
        .into_iter()
        .filter(|field| !placed_fields.contains(&field.id()))
    {
        columns.push(Column {
            heading: field.label(Lang::Ja).to_owned(),
            aliases: field_aliases(&field),
            width: default_width(&field),
            source: Source::Field(field),
            group: (layout == Layout::Checklist).then_some(OTHER_FIELDS_GROUP),
        });
    }
    columns.push(Column {
        heading: DATA_HEADING.to_owned(),
        aliases: vec!["tekigo".to_owned()],
        source: Source::Data,
        width: 12.0,
        group: (layout == Layout::Checklist).then_some(OTHER_FIELDS_GROUP),
    });
    columns
}

fn default_width(field: &AnswerField) -> f64 {
    use tekigo_core::fields::Shape;
    match field.shape() {
        Shape::Status | Shape::Disclosure | Shape::Date | Shape::Choice => 12.0,
        Shape::Risk => 18.0,
        Shape::Parties => 14.0,
        Shape::Evidence => 24.0,
        Shape::Text => 28.0,
    }
}

/// The field's own labels and id: a person's sheet may head the column with any of them.
fn field_aliases(field: &AnswerField) -> Vec<String> {
    vec![
        field.label(Lang::Ja).to_owned(),
        field.label(Lang::En).to_owned(),
        field.id().to_owned(),
    ]
}

fn item_aliases(source: &Source) -> Vec<String> {
    let words: &[&str] = match source {
        Source::ItemId => &["No", "No.", "番号", "項番", "ID"],
        Source::ItemText => &["対策項目", "要求事項", "確認項目"],
        Source::GroupNumber => &["項目番号"],
        _ => &[],
    };
    words.iter().map(|word| (*word).to_owned()).collect()
}

/// A heading as compared: without spaces or line breaks, full-width letters and digits made
/// half-width, lower case, and without a trailing full stop (`No.` is `no`).
pub fn fold_heading(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
        .trim_end_matches('.')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekigo_core::embedded;

    #[test]
    fn the_checklist_layout_starts_with_seed_003s_twelve_columns_in_order() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let headings: Vec<String> = columns(Layout::Checklist, catalog)
            .into_iter()
            .map(|column| column.heading)
            .collect();
        assert_eq!(
            headings[..12],
            [
                "No.",
                "大分類",
                "中分類",
                "対策項目",
                "確認対象物例・エビデンス例",
                "対応策",
                "確認したエビデンス (文書名、ページ番号等)",
                "判定結果",
                "改善策",
                "総務省GLでの対応項目",
                "経産省GLでの対応項目",
                "備考"
            ]
        );
        assert_eq!(headings.last().map(String::as_str), Some(DATA_HEADING));
    }

    #[test]
    fn every_field_of_the_table_has_exactly_one_column_in_each_layout() {
        let catalog = tekigo_core::load_catalog(include_bytes!(
            "../../../core/tests/fixtures/vendor-confirmation-sheet.json"
        ))
        .unwrap();
        for layout in Layout::ALL {
            let placed: Vec<&str> = columns(layout, &catalog)
                .iter()
                .filter_map(|column| match &column.source {
                    Source::Field(field) => Some(field.id()),
                    _ => None,
                })
                .collect();
            let table: Vec<&str> = answer_fields(&catalog).iter().map(|f| f.id()).collect();
            let mut sorted = placed.clone();
            sorted.sort();
            let mut expected = table.clone();
            expected.sort();
            assert_eq!(sorted, expected, "{layout:?}");
            assert!(placed.contains(&"targetDate"));
        }
    }

    #[test]
    fn headings_fold_spaces_width_and_case() {
        assert_eq!(fold_heading(" No. "), "no");
        assert_eq!(fold_heading("Ｎｏ．"), "no");
        assert_eq!(fold_heading("対策\n項目"), "対策項目");
    }
}
