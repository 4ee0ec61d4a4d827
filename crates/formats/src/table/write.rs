//! An assessment as a workbook in a layout: the header block, the headings, one row per item,
//! the registers, and tekigo's own data.

use serde_json::{Map, Value};
use tekigo_core::fields::{AnswerField, Shape, Standard};
use tekigo_core::i18n::{Lang, Localized};
use tekigo_core::{Answer, Assessment, Catalog, DisclosureLevel, Item};

use super::cells::{parse_evidence, render, render_evidence};
use super::columns::{columns, Column, Source, DATA_HEADING};
use super::{Layout, DATA_SHEET, DOCUMENTS_SHEET, PARTIES_SHEET};
use crate::grid::{ColumnLook, ListRule, Merge, Row, RowKind, Sheet, Workbook};

/// The labels of the subject in the header block, and what each holds.
pub(super) const SUBJECT_LABELS: [(&str, SubjectField); 5] = [
    ("整理番号", SubjectField::ReferenceNumber),
    ("評価申請元", SubjectField::Applicant),
    ("評価者", SubjectField::Evaluator),
    ("評価対象プロダクト名", SubjectField::Product),
    ("評価日", SubjectField::Date),
];

/// A field of the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SubjectField {
    ReferenceNumber,
    Applicant,
    Evaluator,
    Product,
    Date,
}

impl SubjectField {
    pub(super) fn get(self, subject: &tekigo_core::Subject) -> &str {
        match self {
            SubjectField::ReferenceNumber => &subject.reference_number,
            SubjectField::Applicant => &subject.applicant,
            SubjectField::Evaluator => &subject.evaluator,
            SubjectField::Product => &subject.product,
            SubjectField::Date => &subject.date,
        }
    }

    pub(super) fn set(self, subject: &mut tekigo_core::Subject, value: String) {
        *match self {
            SubjectField::ReferenceNumber => &mut subject.reference_number,
            SubjectField::Applicant => &mut subject.applicant,
            SubjectField::Evaluator => &mut subject.evaluator,
            SubjectField::Product => &mut subject.product,
            SubjectField::Date => &mut subject.date,
        } = value;
    }
}

/// Where the header block puts a subject field: its row, the label's column and the columns
/// its value spans.
struct BlockCell {
    row: usize,
    label: usize,
    value: (usize, usize),
    field: SubjectField,
}

fn block(layout: Layout) -> Vec<BlockCell> {
    use SubjectField::*;
    let cell = |row, label, value, field| BlockCell {
        row,
        label,
        value,
        field,
    };
    match layout {
        // Seed 003: 整理番号 in A, 評価申請元 in E, 評価者 in H; the product under 評価申請元.
        Layout::Checklist => vec![
            cell(0, 0, (1, 3), ReferenceNumber),
            cell(0, 4, (5, 6), Applicant),
            cell(0, 7, (8, 11), Evaluator),
            cell(1, 0, (1, 3), Date),
            cell(1, 4, (5, 11), Product),
        ],
        Layout::VendorReference => vec![
            cell(1, 0, (1, 2), Product),
            cell(1, 3, (4, 5), Applicant),
            cell(2, 0, (1, 2), Date),
            cell(2, 3, (4, 5), Evaluator),
            cell(2, 6, (7, 7), ReferenceNumber),
        ],
    }
}

/// The assessment as a workbook in `layout`. Evidence rows left blank are not written (as in
/// tekigo's JSON).
pub fn to_workbook(catalog: &Catalog, assessment: &Assessment, layout: Layout) -> Workbook {
    let columns = columns(layout, catalog);
    let mut main = Sheet::named(layout.sheet_name());
    header_block(&mut main, layout, catalog, assessment);
    if layout == Layout::Checklist {
        group_headings(&mut main, &columns);
    }
    main.heading_row = Some(main.rows.len());
    main.rows.push(Row::of(
        RowKind::Heading,
        columns
            .iter()
            .map(|column| column.heading.clone())
            .collect(),
    ));
    let first_body = main.rows.len();
    for item in &catalog.items {
        let answer = assessment.answers.get(&item.id).map(without_blank_evidence);
        let cells = columns
            .iter()
            .map(|column| cell(column, catalog, assessment, item, answer.as_ref()))
            .collect();
        main.rows.push(Row {
            item: Some(item.id.clone()),
            ..Row::of(RowKind::Body, cells)
        });
    }
    let last_body = main.rows.len().saturating_sub(1).max(first_body);
    main.columns = columns
        .iter()
        .map(|column| ColumnLook {
            width: column.width,
            hidden: column.source == Source::Data,
        })
        .collect();
    // The layout's own columns and, where it has none of its own, the answer's status after
    // them: a printed checklist shows each item's answer.
    let status = columns
        .iter()
        .position(|column| column.source == Source::Field(AnswerField::Standard(Standard::Status)));
    let own = super::columns::own_columns(layout);
    main.print_columns = Some(status.map_or(own, |at| own.max(at + 1)));
    main.frozen_columns = match layout {
        Layout::Checklist => 1,
        Layout::VendorReference => 2,
    };
    main.lists = columns
        .iter()
        .enumerate()
        .filter_map(|(index, column)| {
            let values = list_values(column, catalog)?;
            Some(ListRule {
                column: index,
                first_row: first_body,
                last_row: last_body,
                values,
            })
        })
        .collect();
    Workbook {
        sheets: vec![
            main,
            parties_sheet(assessment),
            documents_sheet(assessment),
            data_sheet(assessment),
        ],
    }
}

fn without_blank_evidence(answer: &Answer) -> Answer {
    let mut cleaned = answer.clone();
    cleaned.evidence.retain(|evidence| !evidence.is_blank());
    cleaned
}

fn header_block(sheet: &mut Sheet, layout: Layout, catalog: &Catalog, assessment: &Assessment) {
    let cells = block(layout);
    let rows = cells.iter().map(|cell| cell.row).max().unwrap_or(0) + 1;
    for row in 0..rows {
        let mut texts: Vec<String> = Vec::new();
        let mut labels = Vec::new();
        let mut put = |column: usize, text: &str| {
            if texts.len() <= column {
                texts.resize(column + 1, String::new());
            }
            texts[column] = text.to_owned();
        };
        if layout == Layout::VendorReference && row == 0 {
            put(0, &format!("{} への対応", catalog.title));
            labels.push(0);
            sheet.merges.push(Merge {
                row,
                first: 0,
                last: 5,
            });
            put(5, "");
        }
        for cell in cells.iter().filter(|cell| cell.row == row) {
            let label = SUBJECT_LABELS
                .iter()
                .find(|(_, field)| *field == cell.field)
                .map_or("", |(label, _)| label);
            put(cell.label, label);
            labels.push(cell.label);
            put(cell.value.1, "");
            put(cell.value.0, cell.field.get(&assessment.subject));
            if cell.value.1 > cell.value.0 {
                sheet.merges.push(Merge {
                    row,
                    first: cell.value.0,
                    last: cell.value.1,
                });
            }
        }
        let mut block_row = Row::of(RowKind::Block, texts);
        block_row.labels = labels;
        sheet.rows.push(block_row);
    }
}

fn group_headings(sheet: &mut Sheet, columns: &[Column]) {
    let row = sheet.rows.len();
    let mut cells = vec![String::new(); columns.len()];
    let mut start = 0;
    while start < columns.len() {
        let group = columns[start].group;
        let end = (start..columns.len())
            .take_while(|&index| columns[index].group == group)
            .last()
            .unwrap_or(start);
        cells[start] = group.unwrap_or_default().to_owned();
        if end > start {
            sheet.merges.push(Merge {
                row,
                first: start,
                last: end,
            });
        }
        start = end + 1;
    }
    sheet.rows.push(Row::of(RowKind::GroupHeading, cells));
}

fn cell(
    column: &Column,
    catalog: &Catalog,
    assessment: &Assessment,
    item: &Item,
    answer: Option<&Answer>,
) -> String {
    match &column.source {
        Source::ItemId => item.id.clone(),
        Source::GroupTitle(depth) => catalog
            .group_path(&item.group)
            .get(*depth)
            .map(|group| group.title.clone())
            .unwrap_or_default(),
        Source::GroupNumber => catalog
            .group(&item.group)
            .map(|group| format!("{} {}", group.id, group.title))
            .unwrap_or_default(),
        Source::ItemText => item.text.clone(),
        Source::EvidenceExamples => item.evidence_examples.clone().unwrap_or_default(),
        Source::References(guidelines) => item
            .references
            .iter()
            .filter(|reference| guidelines.contains(&reference.guideline))
            .map(|reference| reference.raw.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        Source::Remarks => item
            .annotations
            .iter()
            .map(|annotation| {
                format!(
                    "「{}」は「{}」の誤り: {}",
                    annotation.excerpt, annotation.intended, annotation.note
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Source::Field(field) => answer
            .map(|answer| render(field, catalog, assessment, answer))
            .unwrap_or_default(),
        Source::Data => answer.map(row_data).unwrap_or_default(),
    }
}

/// What a row's answer holds that no column shows, as compact JSON (`{}` when nothing: the
/// row still says the item has an answer).
fn row_data(answer: &Answer) -> String {
    let mut data = Map::new();
    let mut put = |key: &str, value: Value| {
        data.insert(key.to_owned(), value);
    };
    if let Some(time) = &answer.updated_at {
        put("updatedAt", Value::String(time.clone()));
    }
    if let Some(provenance) = &answer.provenance {
        put("provenance", to_value(provenance));
    }
    if !answer.notes.is_empty() {
        put("notes", to_value(&answer.notes));
    }
    if let Some(rule) = &answer.excluded_by {
        put("excludedBy", Value::String(rule.clone()));
    }
    if !answer.extra.is_empty() {
        put("extra", Value::Object(answer.extra.clone()));
    }
    if parse_evidence(&render_evidence(&answer.evidence)) != answer.evidence {
        put("evidence", to_value(&answer.evidence));
    }
    ascii_json(&Value::Object(data))
}

/// Compact JSON with every character outside ASCII escaped (`\uXXXX`): tekigo's data never
/// stops a Shift_JIS export, whatever the text it carries.
pub(super) fn ascii_json(value: &Value) -> String {
    let mut out = String::new();
    for c in value.to_string().chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("the engine's types always serialize")
}

/// The values a column's drop-down list offers: a scale's choices, the disclosure levels, a
/// field's options.
fn list_values(column: &Column, catalog: &Catalog) -> Option<Vec<String>> {
    let Source::Field(field) = &column.source else {
        return None;
    };
    match (field.shape(), field) {
        (Shape::Status, _) => Some(
            catalog
                .scale()
                .choices
                .iter()
                .map(|choice| choice.label.ja.clone())
                .collect(),
        ),
        (Shape::Disclosure, _) => Some(
            [DisclosureLevel::Public, DisclosureLevel::Nda]
                .iter()
                .map(|level| level.label(Lang::Ja).to_owned())
                .collect(),
        ),
        (Shape::Choice, tekigo_core::fields::AnswerField::Declared(def)) => Some(
            def.options
                .iter()
                .map(|option| option.label.ja.clone())
                .collect(),
        ),
        _ => None,
    }
}

fn parties_sheet(assessment: &Assessment) -> Sheet {
    let mut sheet = Sheet::named(PARTIES_SHEET);
    sheet.heading_row = Some(0);
    sheet.rows.push(Row::of(
        RowKind::Heading,
        vec!["ID".into(), "役割".into(), "名称".into()],
    ));
    for party in &assessment.parties {
        sheet.rows.push(Row::of(
            RowKind::Body,
            vec![
                party.id.clone(),
                party.role.label(Lang::Ja).to_owned(),
                party.name.clone(),
            ],
        ));
    }
    sheet.columns = [14.0, 18.0, 30.0]
        .into_iter()
        .map(|width| ColumnLook {
            width,
            hidden: false,
        })
        .collect();
    sheet.lists = vec![ListRule {
        column: 1,
        first_row: 1,
        last_row: 200,
        values: tekigo_core::PartyRole::ALL
            .iter()
            .map(|role| role.label(Lang::Ja).to_owned())
            .collect(),
    }];
    sheet
}

fn documents_sheet(assessment: &Assessment) -> Sheet {
    let mut sheet = Sheet::named(DOCUMENTS_SHEET);
    sheet.heading_row = Some(0);
    sheet.rows.push(Row::of(
        RowKind::Heading,
        vec![
            "ID".into(),
            "名称".into(),
            "URL".into(),
            "開示レベル".into(),
            DATA_HEADING.into(),
        ],
    ));
    for document in &assessment.documents {
        let extra = if document.extra.is_empty() {
            String::new()
        } else {
            ascii_json(&Value::Object(document.extra.clone()))
        };
        sheet.rows.push(Row::of(
            RowKind::Body,
            vec![
                document.id.clone(),
                document.title.clone(),
                document.url.clone(),
                document.disclosure.label(Lang::Ja).to_owned(),
                extra,
            ],
        ));
    }
    sheet.columns = [
        (6.0, false),
        (48.0, false),
        (40.0, false),
        (12.0, false),
        (12.0, true),
    ]
    .into_iter()
    .map(|(width, hidden)| ColumnLook { width, hidden })
    .collect();
    sheet.lists = vec![ListRule {
        column: 3,
        first_row: 1,
        last_row: 500,
        values: [DisclosureLevel::Public, DisclosureLevel::Nda]
            .iter()
            .map(|level| level.label(Lang::Ja).to_owned())
            .collect(),
    }];
    sheet
}

/// The explanation in the first row of tekigo's sheet.
pub(super) const DATA_NOTE: &str =
    "tekigo が読み戻すためのデータ (各値は JSON) です。編集しないでください。 / Data tekigo reads back (each value JSON); do not edit.";

fn data_sheet(assessment: &Assessment) -> Sheet {
    let mut sheet = Sheet::named(DATA_SHEET);
    sheet.hidden = true;
    let mut rows: Vec<(&str, Value)> = vec![
        ("format", Value::from(assessment.format.clone())),
        ("schemaVersion", Value::from(assessment.schema_version)),
        ("id", Value::from(assessment.id.clone())),
        ("catalog", to_value(&assessment.catalog)),
        ("createdAt", Value::from(assessment.created_at.clone())),
        ("updatedAt", Value::from(assessment.updated_at.clone())),
    ];
    if assessment.documents_numbered > 0 {
        rows.push((
            "documentsNumbered",
            Value::from(assessment.documents_numbered),
        ));
    }
    if let Some(origin) = &assessment.origin {
        rows.push(("origin", to_value(origin)));
    }
    if let Some(publication) = &assessment.publication {
        rows.push(("publication", to_value(publication)));
    }
    if !assessment.layers.is_empty() {
        rows.push(("layers", to_value(&assessment.layers)));
    }
    if !assessment.profile.is_empty() {
        rows.push(("profile", to_value(&assessment.profile)));
    }
    if !assessment.notes.is_empty() {
        rows.push(("notes", to_value(&assessment.notes)));
    }
    if !assessment.extra.is_empty() {
        rows.push(("extra", Value::Object(assessment.extra.clone())));
    }
    let rows: Vec<(String, String)> = std::iter::once((DATA_NOTE.to_owned(), String::new()))
        .chain(
            rows.into_iter()
                .map(|(key, value)| (key.to_owned(), ascii_json(&value))),
        )
        .collect();
    sheet.rows = rows
        .into_iter()
        .map(|(key, value)| Row::plain(vec![key, value]))
        .collect();
    sheet.columns = vec![
        ColumnLook {
            width: 16.0,
            hidden: false,
        },
        ColumnLook {
            width: 60.0,
            hidden: false,
        },
    ];
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekigo_core::embedded;

    #[test]
    fn a_printed_sheet_shows_each_items_answer() {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        let assessment = Assessment::new("printed", catalog, "2026-12-01T00:00:00Z");
        for layout in [Layout::Checklist, Layout::VendorReference] {
            let sheet = &to_workbook(catalog, &assessment, layout).sheets[0];
            let status = columns(layout, catalog)
                .iter()
                .position(|column| {
                    column.source == Source::Field(AnswerField::Standard(Standard::Status))
                })
                .unwrap();
            let printed = sheet.print_columns.unwrap();
            assert!(
                status < printed,
                "{layout:?}: status in column {status}, printed {printed}"
            );
            assert!(printed >= super::super::columns::own_columns(layout));
        }
    }
}
