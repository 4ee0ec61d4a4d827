//! A catalog from a sheet people already use — the yearly MHLW cybersecurity checklist, a
//! manufacturer's MDS/SDS sheet, next year's edition of either — by saying what each column
//! is: the item's number, its text, its group, evidence examples, references, the answer
//! (whose values become the catalog's scale, each with the outcome it counts as), and answer
//! columns of the catalog's own (dates, choices, texts). [`guess`] proposes a [`Mapping`]
//! from the headings and the values; a person corrects it; [`build`] makes the catalog, or
//! says which row or column stops it. The catalog is then data like any other.

use serde::{Deserialize, Serialize};
use tekigo_core::catalog::{CATALOG_FORMAT, CATALOG_SCHEMA_VERSION};
use tekigo_core::scale::{AnswerScale, Choice, Outcome};
use tekigo_core::validate::{validate_catalog, Problem};
use tekigo_core::{
    Bilingual, Catalog, FieldDef, FieldKind, FieldOption, Group, Guideline, Item, Reference,
};

use crate::error::{FormatError, Place};
use crate::grid::{Sheet, Workbook};
use crate::table::columns::fold_heading;

/// What a column of the sheet is.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Not taken into the catalog.
    Ignore,
    /// The item's number (番号, No.).
    Id,
    /// The requirement or question.
    Text,
    /// The group (大分類, 区分); an empty cell continues the one above.
    Group,
    /// The group within the group (中分類).
    Subgroup,
    /// 確認対象物例・エビデンス例.
    EvidenceExamples,
    /// References to a guideline's clauses.
    Reference,
    /// The answer: its values are the scale's choices.
    Status,
    /// An answer column of text (備考).
    TextField,
    /// An answer column of dates (確認日, 目標日).
    DateField,
    /// An answer column of a few values.
    ChoiceField,
}

impl Role {
    /// Every role, in the order a menu offers them.
    pub const ALL: [Role; 11] = [
        Role::Ignore,
        Role::Id,
        Role::Text,
        Role::Group,
        Role::Subgroup,
        Role::EvidenceExamples,
        Role::Reference,
        Role::Status,
        Role::TextField,
        Role::DateField,
        Role::ChoiceField,
    ];

    /// The role as a menu names it.
    pub fn label(self) -> Bilingual {
        let (ja, en) = match self {
            Role::Ignore => ("使わない", "Not used"),
            Role::Id => ("項目番号", "Item number"),
            Role::Text => ("項目の本文", "Item text"),
            Role::Group => ("分類", "Group"),
            Role::Subgroup => ("小分類", "Subgroup"),
            Role::EvidenceExamples => ("エビデンスの例", "Evidence examples"),
            Role::Reference => ("参照 (ガイドラインの箇所)", "Reference (guideline clause)"),
            Role::Status => ("回答 (選択肢)", "Answer (choices)"),
            Role::TextField => ("回答欄: 文章", "Answer column: text"),
            Role::DateField => ("回答欄: 日付", "Answer column: date"),
            Role::ChoiceField => ("回答欄: 選択", "Answer column: choice"),
        };
        Bilingual::new(ja, en)
    }
}

/// One choice of the answer, as the sheet writes it, and what it counts as.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ChoiceSpec {
    /// The value as written in the sheet, e.g. はい.
    pub label: String,
    /// Met, partly met, not met or excluded.
    pub outcome: Outcome,
}

/// How to read a sheet as a catalog.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    /// The sheet to read.
    pub sheet: String,
    /// The row of headings, from 0 (the items follow it, or a second row of headings does:
    /// [`headings`]).
    pub heading_row: usize,
    /// What each column is, from A.
    pub columns: Vec<Role>,
    /// The answer's choices (the catalog's scale); empty for the six default statuses.
    pub choices: Vec<ChoiceSpec>,
    /// The new catalog's id.
    pub catalog_id: String,
    /// Its title.
    pub title: String,
    /// Where it came from (the file's name).
    pub source: String,
}

/// How many rows a guess looks at for the headings.
const HEADING_SEARCH_ROWS: usize = 30;
/// A column with at most this many different values may be a choice.
const CHOICE_VALUES: usize = 6;

/// The role a heading suggests.
fn role_of_heading(heading: &str) -> Role {
    let folded = fold_heading(heading);
    let has = |words: &[&str]| words.iter().any(|word| folded.contains(word));
    if folded.is_empty() {
        Role::Ignore
    } else if [
        "no",
        "番号",
        "項番",
        "項目番号",
        "id",
        "#",
        "通番",
        "管理番号",
        "項目no",
    ]
    .contains(&folded.as_str())
    {
        Role::Id
    } else if has(&["中分類", "小分類", "subcategory"]) {
        Role::Subgroup
    } else if has(&[
        "大分類",
        "分類",
        "区分",
        "分野",
        "カテゴリ",
        "category",
        "章",
    ]) {
        Role::Group
    } else if has(&["エビデンス", "確認対象物", "確認資料", "evidence"]) {
        Role::EvidenceExamples
    } else if has(&["参照", "根拠", "対応項目", "reference", "ガイドライン"]) {
        Role::Reference
    } else if has(&["日", "期限", "date"]) {
        Role::DateField
    } else if has(&[
        "回答",
        "結果",
        "判定",
        "適合",
        "はい",
        "answer",
        "status",
        "対応状況",
    ]) {
        Role::Status
    } else if has(&[
        "備考",
        "メモ",
        "特記事項",
        "コメント",
        "補足",
        "説明",
        "remarks",
        "comment",
        "note",
    ]) {
        Role::TextField
    } else if has(&[
        "項目",
        "質問",
        "設問",
        "要求",
        "要件",
        "内容",
        "question",
        "requirement",
        "item",
    ]) {
        Role::Text
    } else {
        Role::Ignore
    }
}

/// What a choice written this way most likely counts as.
pub fn outcome_of(label: &str) -> Outcome {
    let folded = fold_heading(label);
    let is = |words: &[&str]| words.iter().any(|word| folded == *word);
    let has = |words: &[&str]| words.iter().any(|word| folded.contains(word));
    if is(&["-", "ー", "－", "n/a", "na"]) || has(&["該当なし", "該当しない", "対象外", "非該当"])
    {
        Outcome::Excluded
    } else if is(&["△"]) || has(&["一部", "部分", "partial"]) {
        Outcome::Partial
    } else if is(&["いいえ", "no", "×", "✕", "n", "未"])
        || has(&["未対応", "未実施", "不可", "なし", "ていない", "できない"])
    {
        Outcome::NotMet
    } else {
        Outcome::Met
    }
}

/// The distinct non-empty values of a column from the first item row on, in order of
/// appearance.
fn values_of(sheet: &Sheet, first_item_row: usize, column: usize) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for row in first_item_row..sheet.rows.len() {
        let value = sheet.cell(row, column).trim();
        if !value.is_empty() && !values.iter().any(|v| v == value) {
            values.push(value.to_owned());
        }
    }
    values
}

/// The values a column offers: its drop-down list where it has one, else what it holds.
fn offered(sheet: &Sheet, first_item_row: usize, column: usize) -> Vec<String> {
    sheet
        .lists
        .iter()
        .find(|list| list.column == column && list.last_row >= first_item_row)
        .map(|list| list.values.clone())
        .unwrap_or_else(|| values_of(sheet, first_item_row, column))
}

/// The headings of a sheet's columns, read from the row at `heading_row`, and the row the
/// items start on.
pub(crate) struct Headings {
    /// Each column's heading (empty where it has none).
    pub texts: Vec<String>,
    /// The first row under the headings.
    pub first_item_row: usize,
}

impl Headings {
    /// Column `column`'s heading.
    pub fn of(&self, column: usize) -> &str {
        self.texts.get(column).map_or("", String::as_str)
    }
}

/// What an answer column with no heading is named, before its number among the answer
/// columns: 回答欄 1.
pub(crate) const UNHEADED_FIELD: &str = "回答欄 ";

/// The headings from `heading_row`, or from it and the row under it: a row with a value under
/// an empty heading — 1回目 / 2回目 under 確認結果 merged across both columns, which is read in
/// its first column only — and nothing in the `item_columns` (the number's and the text's) is
/// a second row of headings (never when no such column is known). Each of its values is joined
/// to the heading over it, or, under an empty one, to the nearest heading to its left.
pub(crate) fn headings(sheet: &Sheet, heading_row: usize, item_columns: &[usize]) -> Headings {
    let row = |index: usize| -> Vec<&str> {
        sheet
            .rows
            .get(index)
            .map(|row| row.cells.iter().map(|cell| cell.trim()).collect())
            .unwrap_or_default()
    };
    let (top, below) = (row(heading_row), row(heading_row + 1));
    fn at<'a>(cells: &[&'a str], column: usize) -> &'a str {
        cells.get(column).copied().unwrap_or("")
    }
    let width = top.len().max(below.len());
    let under_an_empty_heading = (1..width).any(|column| {
        at(&top, column).is_empty()
            && !at(&below, column).is_empty()
            && (0..column).any(|left| !at(&top, left).is_empty())
    });
    // Without a column known to hold the number or the text, nothing says the row is no item.
    let under_number_or_text = item_columns.is_empty()
        || item_columns
            .iter()
            .any(|column| !at(&below, *column).is_empty());
    if !under_an_empty_heading || under_number_or_text {
        return Headings {
            texts: top.iter().map(|text| (*text).to_owned()).collect(),
            first_item_row: heading_row + 1,
        };
    }
    let mut over = "";
    let mut texts = Vec::with_capacity(width);
    for column in 0..width {
        let (upper, lower) = (at(&top, column), at(&below, column));
        if !upper.is_empty() {
            over = upper;
        } else if lower.is_empty() {
            over = "";
        }
        texts.push(match (over.is_empty(), lower.is_empty()) {
            (true, _) => lower.to_owned(),
            (false, true) => over.to_owned(),
            (false, false) => format!("{over} {lower}"),
        });
    }
    Headings {
        texts,
        first_item_row: heading_row + 2,
    }
}

/// A proposed mapping: the sheet and row with the most recognised headings, a role for each
/// column, and the answer's choices from its values (はい / いいえ where it has none).
pub fn guess(workbook: &Workbook, file_name: &str) -> Mapping {
    let mut best: Option<(usize, &Sheet, usize)> = None;
    for sheet in &workbook.sheets {
        for (index, row) in sheet.rows.iter().take(HEADING_SEARCH_ROWS).enumerate() {
            let roles: Vec<Role> = row.cells.iter().map(|c| role_of_heading(c)).collect();
            if !roles.contains(&Role::Text) {
                continue;
            }
            let score = roles.iter().filter(|role| **role != Role::Ignore).count();
            if best.is_none_or(|(best_score, _, _)| score > best_score) {
                best = Some((score, sheet, index));
            }
        }
    }
    let stem = crate::read::sheet_name_of(file_name);
    let (sheet, heading_row) = match best {
        Some((_, sheet, row)) => (Some(sheet), row),
        None => (workbook.sheets.first(), 0),
    };
    let found = sheet.map(|sheet| {
        let item_columns: Vec<usize> = sheet
            .rows
            .get(heading_row)
            .iter()
            .flat_map(|row| row.cells.iter().enumerate())
            .filter(|(_, cell)| matches!(role_of_heading(cell), Role::Id | Role::Text))
            .map(|(column, _)| column)
            .collect();
        headings(sheet, heading_row, &item_columns)
    });
    let mut columns: Vec<Role> = found
        .iter()
        .flat_map(|found| found.texts.iter().map(|text| role_of_heading(text)))
        .collect();
    let mut choices = Vec::new();
    if let (Some(sheet), Some(found)) = (sheet, &found) {
        // One answer column: the first; later answer columns (a second round) are choices.
        let mut status_seen = false;
        for (column, role) in columns.iter_mut().enumerate() {
            let values = offered(sheet, found.first_item_row, column);
            match role {
                Role::Status if !status_seen => {
                    status_seen = true;
                    let labels = if values.is_empty() || values.len() > CHOICE_VALUES {
                        vec!["はい".to_owned(), "いいえ".to_owned()]
                    } else {
                        values
                    };
                    choices = labels
                        .into_iter()
                        .map(|label| ChoiceSpec {
                            outcome: outcome_of(&label),
                            label,
                        })
                        .collect();
                }
                Role::Status => *role = Role::ChoiceField,
                Role::Ignore if !values.is_empty() && values.len() <= CHOICE_VALUES => {
                    *role = Role::ChoiceField
                }
                // A headed column left empty under every item is one to fill in: an answer.
                Role::Ignore
                    if !found.of(column).is_empty()
                        && values_of(sheet, found.first_item_row, column).is_empty() =>
                {
                    *role = Role::TextField
                }
                _ => {}
            }
        }
        // Two item texts: the first is the text, the second a text column of the answer.
        let mut text_seen = false;
        for role in columns.iter_mut().filter(|role| **role == Role::Text) {
            if text_seen {
                *role = Role::TextField;
            }
            text_seen = true;
        }
    }
    Mapping {
        sheet: sheet.map(|sheet| sheet.name.clone()).unwrap_or_default(),
        heading_row,
        columns,
        choices,
        catalog_id: catalog_id_from(&stem),
        title: stem.clone(),
        source: file_name.to_owned(),
    }
}

/// A catalog id from a file name: its ASCII letters and digits, lower case, joined by
/// hyphens; `imported` before it, so it never takes a shipped catalog's id.
fn catalog_id_from(stem: &str) -> String {
    let words: Vec<String> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "imported-catalog".to_owned()
    } else {
        format!("imported-{}", words.join("-"))
    }
}

/// Ids for labels, by what they count as: `met`, `not-met`, then `met-2` for a second.
fn choice_ids(choices: &[ChoiceSpec]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for choice in choices {
        let base = match choice.outcome {
            Outcome::Met => "met",
            Outcome::Partial => "partial",
            Outcome::NotMet => "not-met",
            Outcome::Excluded => "excluded",
        };
        let id = std::iter::once(base.to_owned())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !ids.contains(id))
            .expect("an unbounded sequence has a free id");
        ids.push(id);
    }
    ids
}

/// The catalog a sheet makes under `mapping`, checked by the engine; `today` (ISO date) is
/// its date.
pub fn build(workbook: &Workbook, mapping: &Mapping, today: &str) -> Result<Catalog, FormatError> {
    let sheet = workbook
        .sheet(&mapping.sheet)
        .ok_or_else(|| FormatError::UnknownLayout {
            sheets: workbook.sheets.iter().map(|s| s.name.clone()).collect(),
        })?;
    let column_of = |wanted: Role| mapping.columns.iter().position(|role| *role == wanted);
    let text_column = column_of(Role::Text).ok_or(FormatError::MissingColumn {
        role: Role::Text.label(),
    })?;
    // A role read from one column only, chosen for two, would lose the second in silence.
    for role in [
        Role::Id,
        Role::Text,
        Role::Status,
        Role::Group,
        Role::Subgroup,
    ] {
        let chosen: Vec<usize> = (0..mapping.columns.len())
            .filter(|column| mapping.columns[*column] == role)
            .collect();
        if let [first, second, ..] = chosen[..] {
            return Err(FormatError::RoleTwice {
                role: role.label(),
                first,
                second,
            });
        }
    }
    let id_column = column_of(Role::Id);
    let item_columns: Vec<usize> = [Some(text_column), id_column]
        .into_iter()
        .flatten()
        .collect();
    let found = headings(sheet, mapping.heading_row, &item_columns);
    let heading = |column: usize| found.of(column).to_owned();
    let columns_with = |wanted: Role| -> Vec<usize> {
        mapping
            .columns
            .iter()
            .enumerate()
            .filter(|(_, role)| **role == wanted)
            .map(|(column, _)| column)
            .collect()
    };

    let reference_columns = columns_with(Role::Reference);
    let guidelines: Vec<Guideline> = reference_columns
        .iter()
        .enumerate()
        .map(|(number, column)| {
            let name = heading(*column);
            let name = if name.is_empty() {
                "参照".to_owned()
            } else {
                name
            };
            Guideline {
                id: format!("reference-{}", number + 1),
                title: name.clone(),
                short: Bilingual::new(name, ""),
                issuer: String::new(),
                edition: String::new(),
                extra: Default::default(),
            }
        })
        .collect();

    let mut answer_fields = Vec::new();
    for (number, (column, kind)) in mapping
        .columns
        .iter()
        .enumerate()
        .filter_map(|(column, role)| match role {
            Role::TextField => Some((column, FieldKind::Text)),
            Role::DateField => Some((column, FieldKind::Date)),
            Role::ChoiceField => Some((column, FieldKind::Choice)),
            _ => None,
        })
        .enumerate()
    {
        let label = heading(column);
        // A choice column with no values of its own (a second round left blank) offers the
        // answer's choices.
        let options = if kind == FieldKind::Choice {
            let mut values = offered(sheet, found.first_item_row, column);
            if values.is_empty() {
                values = mapping
                    .choices
                    .iter()
                    .map(|choice| choice.label.clone())
                    .collect();
            }
            values
                .into_iter()
                .enumerate()
                .map(|(index, value)| FieldOption {
                    id: format!("option-{}", index + 1),
                    label: Bilingual::new(value, ""),
                })
                .collect()
        } else {
            Vec::new()
        };
        if kind == FieldKind::Choice && options.is_empty() {
            return Err(FormatError::BadValue {
                place: Box::new(Place::cell(
                    &sheet.name,
                    sheet.row_number(mapping.heading_row),
                    column,
                    &label,
                )),
                value: label.clone(),
                expected: Bilingual::new(
                    "選択の回答欄には、列に値か入力規則のリストが必要です。文章の回答欄にするか、使わないにしてください。",
                    "A choice column needs values or a drop-down list; make it a text column or leave it out.",
                ),
            });
        }
        answer_fields.push(FieldDef {
            id: format!("field-{}", number + 1),
            label: Bilingual::new(
                if label.is_empty() {
                    format!("{UNHEADED_FIELD}{}", number + 1)
                } else {
                    label
                },
                "",
            ),
            kind,
            options,
            public: true,
            description: None,
        });
    }

    let mut groups: Vec<Group> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let (group_column, subgroup_column) = (column_of(Role::Group), column_of(Role::Subgroup));
    let (mut group, mut subgroup) = (String::new(), String::new());
    let mut section = String::new();
    for row in found.first_item_row..sheet.rows.len() {
        let cell = |column: Option<usize>| column.map_or("", |c| sheet.cell(row, c).trim());
        let filled: Vec<&str> = sheet.rows[row]
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if filled.is_empty() {
            continue;
        }
        let text = cell(Some(text_column));
        let id = cell(id_column);
        // A row with one filled cell of words (not a bare number) and no item text is a
        // section heading of the sheet.
        let words = |cell: &str| !cell.chars().all(|c| c.is_ascii_digit() || c == '.');
        if group_column.is_none() && text.is_empty() && filled.len() == 1 && words(filled[0]) {
            section = filled[0].to_owned();
            continue;
        }
        if !cell(group_column).is_empty() {
            group = cell(group_column).to_owned();
            subgroup.clear();
        }
        if !cell(subgroup_column).is_empty() {
            subgroup = cell(subgroup_column).to_owned();
        }
        if text.is_empty() && id.is_empty() {
            continue;
        }
        let place = || Box::new(Place::row(&sheet.name, sheet.row_number(row)));
        if text.is_empty() {
            return Err(FormatError::BadValue {
                place: Box::new(Place::cell(
                    &sheet.name,
                    sheet.row_number(row),
                    text_column,
                    &heading(text_column),
                )),
                value: id.to_owned(),
                expected: Bilingual::new(
                    "番号のある行には項目の本文が必要です。",
                    "A numbered row needs the item's text.",
                ),
            });
        }
        let id = if id_column.is_some() {
            id.to_owned()
        } else {
            (items.len() + 1).to_string()
        };
        if id.is_empty() {
            return Err(FormatError::BadValue {
                place: place(),
                value: text.chars().take(30).collect(),
                expected: Bilingual::new(
                    "本文のある行には項目番号が必要です。",
                    "A row with a text needs an item number.",
                ),
            });
        }
        if let Some((_, first_row)) = seen.iter().find(|(seen_id, _)| *seen_id == id) {
            return Err(FormatError::DuplicateRow {
                place: place(),
                id,
                first_row: *first_row,
            });
        }
        seen.push((id.clone(), sheet.row_number(row)));
        let outer = if group_column.is_some() {
            &group
        } else {
            &section
        };
        let group_id = group_for(&mut groups, outer, &subgroup, &sheet.name);
        let references = reference_columns
            .iter()
            .zip(&guidelines)
            .filter(|(column, _)| !sheet.cell(row, **column).trim().is_empty())
            .map(|(column, guideline)| {
                let raw = sheet.cell(row, *column).trim().to_owned();
                Reference {
                    guideline: guideline.id.clone(),
                    section: raw.clone(),
                    title: None,
                    clauses: Vec::new(),
                    raw,
                }
            })
            .collect();
        let examples = cell(column_of(Role::EvidenceExamples));
        items.push(Item {
            id,
            group: group_id,
            label: None,
            text: sheet.cell(row, text_column).trim().to_owned(),
            evidence_examples: (!examples.is_empty()).then(|| examples.to_owned()),
            references,
            importance: None,
            annotations: Vec::new(),
            extra: Default::default(),
        });
    }
    if items.is_empty() {
        return Err(FormatError::NoItems {
            sheet: sheet.name.clone(),
        });
    }
    let ids = choice_ids(&mapping.choices);
    let answer_scale = (!mapping.choices.is_empty()).then(|| AnswerScale {
        choices: mapping
            .choices
            .iter()
            .zip(ids)
            .map(|(choice, id)| Choice {
                id,
                label: Bilingual::new(choice.label.trim(), ""),
                outcome: choice.outcome,
                description: None,
            })
            .collect(),
    });
    let title = if mapping.title.trim().is_empty() {
        sheet.name.clone()
    } else {
        mapping.title.trim().to_owned()
    };
    let catalog = Catalog {
        format: CATALOG_FORMAT.to_owned(),
        schema_version: CATALOG_SCHEMA_VERSION,
        id: mapping.catalog_id.trim().to_owned(),
        title,
        version: String::new(),
        issuer: String::new(),
        date: today.to_owned(),
        about: Some(Bilingual::new(
            format!(
                "「{}」のシート「{}」から取り込んだカタログです。",
                mapping.source, sheet.name
            ),
            format!(
                "Imported from sheet \"{}\" of {}.",
                sheet.name, mapping.source
            ),
        )),
        superseded: None,
        implements: None,
        guidelines,
        answer_scale,
        answer_fields,
        source: mapping.source.clone(),
        groups,
        items,
        extra: Default::default(),
    };
    let errors: Vec<Problem> = validate_catalog(&catalog)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(FormatError::Invalid(errors));
    }
    if catalog.id.is_empty() {
        return Err(FormatError::MissingColumn {
            role: Bilingual::new("カタログの ID", "catalog id"),
        });
    }
    Ok(catalog)
}

/// The id of the group for a row (created when new): the outer group, and the inner one
/// within it where the sheet has one; the sheet itself when it has neither.
fn group_for(groups: &mut Vec<Group>, outer: &str, inner: &str, sheet: &str) -> String {
    let outer_title = if outer.is_empty() { sheet } else { outer };
    let mut add = |title: &str, parent: Option<String>| -> String {
        if let Some(found) = groups
            .iter()
            .find(|group| group.title == title && group.parent == parent)
        {
            return found.id.clone();
        }
        let number = groups.iter().filter(|g| g.parent == parent).count() + 1;
        let id = match &parent {
            Some(parent) => format!("{parent}.{number}"),
            None => number.to_string(),
        };
        groups.push(Group {
            id: id.clone(),
            title: title.to_owned(),
            parent,
            description: None,
            extra: Default::default(),
        });
        id
    };
    let outer_id = add(outer_title, None);
    if inner.is_empty() {
        outer_id
    } else {
        add(inner, Some(outer_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Workbook {
        Workbook::one_sheet("確認表", rows)
    }

    fn checklist() -> Workbook {
        sheet(&[
            &["確認表 (例)"],
            &[],
            &[
                "番号",
                "区分",
                "確認項目",
                "1回目 結果",
                "1回目 確認日",
                "2回目 結果",
                "目標日",
                "備考",
            ],
            &[
                "1",
                "体制",
                "責任者を決めている。",
                "はい",
                "2026/5/10",
                "",
                "",
                "",
            ],
            &[
                "2",
                "",
                "連絡先を一覧にしている。",
                "いいえ",
                "2026/5/10",
                "はい",
                "2026/9/30",
                "更新中",
            ],
            &[
                "3",
                "備え",
                "バックアップを取っている。",
                "",
                "",
                "",
                "",
                "",
            ],
        ])
    }

    #[test]
    fn the_guess_reads_the_headings_and_the_answers_values() {
        let mapping = guess(&checklist(), "確認表 2026.xlsx");
        assert_eq!(mapping.heading_row, 2);
        assert_eq!(
            mapping.columns,
            [
                Role::Id,
                Role::Group,
                Role::Text,
                Role::Status,
                Role::DateField,
                Role::ChoiceField,
                Role::DateField,
                Role::TextField
            ]
        );
        assert_eq!(
            mapping.choices,
            [
                ChoiceSpec {
                    label: "はい".into(),
                    outcome: Outcome::Met
                },
                ChoiceSpec {
                    label: "いいえ".into(),
                    outcome: Outcome::NotMet
                }
            ]
        );
        assert_eq!(mapping.catalog_id, "imported-2026");
    }

    #[test]
    fn the_catalog_has_the_sheets_items_groups_scale_and_answer_columns() {
        let workbook = checklist();
        let catalog = build(&workbook, &guess(&workbook, "check.xlsx"), "2026-12-01").unwrap();
        let items: Vec<(&str, &str)> = catalog
            .items
            .iter()
            .map(|item| (item.id.as_str(), item.group.as_str()))
            .collect();
        assert_eq!(items, [("1", "1"), ("2", "1"), ("3", "2")]);
        assert_eq!(catalog.groups[1].title, "備え");
        let scale = catalog.scale();
        assert_eq!(scale.choices[0].id, "met");
        assert_eq!(scale.choices[1].label.ja, "いいえ");
        let fields: Vec<(&str, FieldKind)> = catalog
            .answer_fields
            .iter()
            .map(|f| (f.label.ja.as_str(), f.kind))
            .collect();
        assert_eq!(
            fields,
            [
                ("1回目 確認日", FieldKind::Date),
                ("2回目 結果", FieldKind::Choice),
                ("目標日", FieldKind::Date),
                ("備考", FieldKind::Text)
            ]
        );
        assert_eq!(catalog.answer_fields[1].options[0].label.ja, "はい");
    }

    #[test]
    fn duplicate_numbers_and_a_missing_text_name_their_rows() {
        let workbook = sheet(&[&["No", "質問"], &["1", "a"], &["2", "b"], &["1", "c"]]);
        let error = build(&workbook, &guess(&workbook, "x.csv"), "2026-12-01").unwrap_err();
        assert_eq!(
            error,
            FormatError::DuplicateRow {
                place: Box::new(Place::row("確認表", 4)),
                id: "1".into(),
                first_row: 2
            }
        );
        let workbook = sheet(&[&["No", "質問"], &["1", "a"], &["2", ""]]);
        assert!(matches!(
            build(&workbook, &guess(&workbook, "x.csv"), "2026-12-01"),
            Err(FormatError::BadValue { .. })
        ));
        let mut mapping = guess(&workbook, "x.csv");
        mapping.columns = vec![Role::Id, Role::Ignore];
        assert!(matches!(
            build(&workbook, &mapping, "2026-12-01"),
            Err(FormatError::MissingColumn { .. })
        ));
    }

    #[test]
    fn section_rows_become_groups_when_no_column_names_them() {
        let workbook = sheet(&[
            &["No", "質問", "回答"],
            &["1 体制"],
            &["1", "a", "はい"],
            &["2 備え"],
            &["2", "b", "該当しない"],
        ]);
        let catalog = build(&workbook, &guess(&workbook, "x.csv"), "2026-12-01").unwrap();
        let groups: Vec<&str> = catalog.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(groups, ["1 体制", "2 備え"]);
        assert_eq!(catalog.scale().choices[1].outcome, Outcome::Excluded);
    }

    #[test]
    fn a_blank_template_is_guessed_as_one_to_fill_in() {
        // A yearly self-check as handed out: groups under 分野, two rounds under one heading,
        // a date and a memo column, nothing answered yet.
        let workbook = sheet(&[
            &[
                "番号",
                "分野",
                "点検する内容",
                "点検の結果",
                "",
                "改善予定日",
                "メモ",
            ],
            &["", "", "", "前期", "後期", "", ""],
            &["1", "体制", "責任者を決めている。", "", "", "", ""],
            &["2", "端末管理", "端末の台帳がある。", "", "", "", ""],
        ]);
        let mapping = guess(&workbook, "点検表.xlsx");
        assert_eq!(
            mapping.columns,
            [
                Role::Id,
                Role::Group,
                Role::Text,
                Role::Status,
                Role::ChoiceField,
                Role::DateField,
                Role::TextField
            ]
        );
        // The second round, left blank, offers the answer's choices; the memo is kept.
        let catalog = build(&workbook, &mapping, "2026-12-01").unwrap();
        let field = |label: &str| {
            catalog
                .answer_fields
                .iter()
                .find(|field| field.label.ja == label)
                .unwrap_or_else(|| panic!("{label}"))
        };
        let options: Vec<&str> = field("点検の結果 後期")
            .options
            .iter()
            .map(|option| option.label.ja.as_str())
            .collect();
        assert_eq!(options, ["はい", "いいえ"]);
        field("メモ");
    }

    #[test]
    fn two_columns_chosen_as_the_answer_are_refused_in_words() {
        let workbook = sheet(&[
            &["番号", "点検する内容", "前期", "後期"],
            &["1", "責任者を決めている。", "はい", "いいえ"],
        ]);
        let mut mapping = guess(&workbook, "x.xlsx");
        mapping.columns[2] = Role::Status;
        mapping.columns[3] = Role::Status;
        let error = build(&workbook, &mapping, "2026-12-01").unwrap_err();
        assert!(matches!(
            error,
            FormatError::RoleTwice {
                first: 2,
                second: 3,
                ..
            }
        ));
        assert_eq!(
            error.message(tekigo_core::i18n::Lang::Ja),
            "「回答 (選択肢)」にあたる列が 2 つ選ばれています (C 列と D 列)。どちらか 1 つにしてください。"
        );
    }

    #[test]
    fn a_second_row_of_headings_under_a_merged_heading_is_joined_to_it() {
        // 確認結果 is merged across C and D: the reader sees it in C only.
        let workbook = sheet(&[
            &["番号", "確認項目", "確認結果", "", "目標日"],
            &["", "", "1回目", "2回目", ""],
            &["1", "責任者を決めている。", "はい", "", ""],
            &[
                "2",
                "連絡先を一覧にしている。",
                "いいえ",
                "はい",
                "2026/9/30",
            ],
        ]);
        let mapping = guess(&workbook, "x.xlsx");
        assert_eq!(
            mapping.columns[..4],
            [Role::Id, Role::Text, Role::Status, Role::ChoiceField]
        );
        let labels: Vec<&str> = mapping.choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["はい", "いいえ"],
            "the second heading row is no answer"
        );
        let catalog = build(&workbook, &mapping, "2026-12-01").unwrap();
        assert_eq!(catalog.items.len(), 2);
        let fields: Vec<&str> = catalog
            .answer_fields
            .iter()
            .map(|field| field.label.ja.as_str())
            .collect();
        assert_eq!(fields, ["確認結果 2回目", "目標日"]);
    }

    #[test]
    fn a_first_item_with_a_value_under_an_unheaded_column_stays_an_item() {
        let workbook = sheet(&[
            &["番号", "確認項目", "回答", ""],
            &["1", "責任者を決めている。", "はい", "メモ"],
            &["2", "連絡先を一覧にしている。", "いいえ", ""],
        ]);
        let catalog = build(&workbook, &guess(&workbook, "x.xlsx"), "2026-12-01").unwrap();
        assert_eq!(catalog.items.len(), 2);
    }

    #[test]
    fn a_first_item_under_an_unknown_text_heading_stays_an_item_when_mapped() {
        // 項 and 内容 are no headings the guess knows; the person maps them.
        let workbook = sheet(&[
            &["項", "内容", "回答", ""],
            &["1", "責任者を決めている。", "はい", "メモ"],
            &["2", "連絡先を一覧にしている。", "いいえ", ""],
        ]);
        let mut mapping = guess(&workbook, "x.xlsx");
        mapping.columns = vec![Role::Id, Role::Text, Role::Status, Role::Ignore];
        let catalog = build(&workbook, &mapping, "2026-12-01").unwrap();
        assert_eq!(catalog.items.len(), 2);
    }

    #[test]
    fn choice_labels_suggest_their_outcomes() {
        for (label, outcome) in [
            ("はい", Outcome::Met),
            ("いいえ", Outcome::NotMet),
            ("該当しない", Outcome::Excluded),
            ("一部対応", Outcome::Partial),
            ("×", Outcome::NotMet),
            ("できていない", Outcome::NotMet),
            ("実施していない", Outcome::NotMet),
            ("できている", Outcome::Met),
            ("○", Outcome::Met),
            ("-", Outcome::Excluded),
        ] {
            assert_eq!(outcome_of(label), outcome, "{label}");
        }
    }
}
