//! The assessment as one table, laid out like the Excel sheets people fill in today: the
//! item's number and requirement text, then one column per answer field of the catalog (the
//! table of [`crate::fields`], the catalog's own fields among them), the evaluator's columns
//! last. [`Column::cell`] says what a cell shows and [`sorted_positions`] how a column sorts,
//! so every face of tekigo shows and sorts the table the same way.
//!
//! Columns sort by value, not by the text shown: a status in the order of the catalog's scale,
//! parties in the order of the register, a choice in the order of its options, texts folded
//! as search folds them (ｱｸｾｽ with アクセス). Empty cells come last in either direction, and
//! rows that tie keep catalog order.

use std::cmp::Ordering;

use crate::assessment::{Answer, Assessment, DisclosureLevel};
use crate::catalog::Catalog;
use crate::dates::display_date;
use crate::fields::{answer_fields, AnswerField, Section, Shape};
use crate::i18n::{Lang, Localized, Text};
use crate::search::fold;

/// One column of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Column<'c> {
    /// The item's reference number (No).
    Number,
    /// The requirement text, verbatim.
    Requirement,
    /// An answer field.
    Field(AnswerField<'c>),
}

/// The columns of `catalog`'s table: number, requirement, the answer's fields (standard, then
/// the catalog's own), then the evaluator's.
pub fn columns(catalog: &Catalog) -> Vec<Column<'_>> {
    let fields = answer_fields(catalog);
    let in_section = |section: Section| {
        fields
            .iter()
            .filter(move |field| field.section() == section)
            .copied()
            .map(Column::Field)
    };
    [Column::Number, Column::Requirement]
        .into_iter()
        .chain(in_section(Section::Answer))
        .chain(in_section(Section::Evaluator))
        .collect()
}

/// The column with this id.
pub fn column<'c>(catalog: &'c Catalog, id: &str) -> Option<Column<'c>> {
    columns(catalog)
        .into_iter()
        .find(|column| column.id() == id)
}

impl<'c> Column<'c> {
    /// A stable id: `number`, `requirement`, or the answer field's id.
    pub fn id(&self) -> &'c str {
        match self {
            Column::Number => "number",
            Column::Requirement => "requirement",
            Column::Field(field) => field.id(),
        }
    }

    /// The heading in `lang`.
    pub fn label(&self, lang: Lang) -> &'c str {
        match self {
            Column::Number => Text::Number.label(lang),
            Column::Requirement => Text::Requirement.label(lang),
            Column::Field(field) => field.label(lang),
        }
    }

    /// What the cell of the item at `position` shows, as text.
    pub fn cell(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        position: usize,
        lang: Lang,
    ) -> String {
        let Some(item) = catalog.items.get(position) else {
            return String::new();
        };
        let answer = assessment.answers.get(&item.id);
        match self {
            Column::Number => item.id.clone(),
            Column::Requirement => match item.label.as_deref() {
                Some(label) if !label.is_empty() && !item.text.starts_with(label) => {
                    format!("{label} {}", item.text)
                }
                _ => item.text.clone(),
            },
            Column::Field(field) => field_cell(field, catalog, assessment, answer, lang),
        }
    }

    /// The value the column sorts the item at `position` by; `None` for an empty cell.
    fn sort_key(
        &self,
        catalog: &Catalog,
        assessment: &Assessment,
        position: usize,
    ) -> Option<SortKey> {
        let item = catalog.items.get(position)?;
        let answer = assessment.answers.get(&item.id);
        match self {
            Column::Number => Some(SortKey::Rank(position)),
            Column::Requirement => Some(SortKey::Text(fold(&item.text).text)),
            Column::Field(field) => field_key(field, catalog, assessment, answer?),
        }
    }
}

/// What `field` of `answer` shows, as the table's cell and the changes table write it.
pub(crate) fn field_cell(
    field: &AnswerField,
    catalog: &Catalog,
    assessment: &Assessment,
    answer: Option<&Answer>,
    lang: Lang,
) -> String {
    let answer = match (field.shape(), answer) {
        (Shape::Status, _) => return status_text(catalog, answer, lang).to_owned(),
        (_, None) => return String::new(),
        (_, Some(answer)) => answer,
    };
    match field.shape() {
        Shape::Status => String::new(),
        Shape::Risk => answer
            .risk
            .map(|rating| {
                format!(
                    "{} ({} × {})",
                    rating.level().label(lang),
                    rating.likelihood.label(lang),
                    rating.impact.label(lang)
                )
            })
            .unwrap_or_default(),
        Shape::Parties => {
            let separator = if lang == Lang::Ja { "、" } else { ", " };
            answer
                .parties
                .iter()
                .map(|id| {
                    assessment
                        .party(id)
                        .map_or_else(|| id.clone(), |party| party.label(lang))
                })
                .collect::<Vec<_>>()
                .join(separator)
        }
        Shape::Evidence => answer
            .evidence
            .iter()
            .filter(|evidence| !evidence.is_blank())
            .map(|evidence| {
                let document = match assessment.document(&evidence.document) {
                    Some(document) if document.title.is_empty() => document.id.clone(),
                    Some(document) => format!("{} {}", document.id, document.title),
                    None if evidence.document.is_empty() => String::new(),
                    None => format!(
                        "{} ({})",
                        evidence.document,
                        Text::MissingDocument.label(lang)
                    ),
                };
                [document.as_str(), evidence.location.trim()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Shape::Disclosure => answer
            .disclosure
            .map_or("", |level| level.label(lang))
            .to_owned(),
        Shape::Text => field.text(answer).unwrap_or_default().to_owned(),
        Shape::Date => display_date(field.text(answer).unwrap_or_default(), lang),
        Shape::Choice => {
            let value = field.text(answer).unwrap_or_default();
            match field {
                AnswerField::Declared(def) => def
                    .options
                    .iter()
                    .find(|option| option.id == value)
                    .map_or(value, |option| option.label.get(lang))
                    .to_owned(),
                AnswerField::Standard(_) => value.to_owned(),
            }
        }
    }
}

/// The status as the item list writes it: the choice's label, 記述のみ for a statement
/// without a status, or 未回答.
pub fn status_text<'c>(catalog: &'c Catalog, answer: Option<&Answer>, lang: Lang) -> &'c str {
    let status = answer.and_then(|answer| answer.status.as_deref());
    match status.and_then(|id| catalog.scale().choice(id)) {
        Some(choice) => choice.label.get(lang),
        None if answer.is_some_and(|answer| !answer.statement.trim().is_empty()) => {
            Text::StatedNotRated.label(lang)
        }
        None => Text::Unanswered.label(lang),
    }
}

/// What a column sorts by: a place in an order the catalog or assessment gives, several such
/// places (parties), or folded text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Rank(usize),
    Ranks(Vec<usize>),
    Text(String),
}

fn field_key(
    field: &AnswerField,
    catalog: &Catalog,
    assessment: &Assessment,
    answer: &Answer,
) -> Option<SortKey> {
    let text_key = |text: &str| {
        let text = text.trim();
        (!text.is_empty()).then(|| SortKey::Text(fold(text).text))
    };
    match field.shape() {
        Shape::Risk => answer.risk.map(|rating| {
            SortKey::Ranks(vec![
                rating.level() as usize,
                rating.likelihood as usize,
                rating.impact as usize,
            ])
        }),
        Shape::Status => {
            let status = answer.status.as_deref()?;
            let scale = &catalog.scale().choices;
            let rank = scale.iter().position(|choice| choice.id == status);
            Some(SortKey::Rank(rank.unwrap_or(scale.len())))
        }
        Shape::Parties => {
            let register = &assessment.parties;
            let mut ranks: Vec<usize> = answer
                .parties
                .iter()
                .map(|id| {
                    register
                        .iter()
                        .position(|party| party.id == *id)
                        .unwrap_or(register.len())
                })
                .collect();
            ranks.sort_unstable();
            (!ranks.is_empty()).then_some(SortKey::Ranks(ranks))
        }
        Shape::Evidence => {
            let cited: Vec<String> = answer
                .evidence
                .iter()
                .filter(|evidence| !evidence.is_blank())
                .map(|evidence| format!("{}\u{1}{}", evidence.document, evidence.location))
                .collect();
            text_key(&cited.join("\u{2}"))
        }
        Shape::Disclosure => answer.disclosure.map(|level| {
            SortKey::Rank(match level {
                DisclosureLevel::Public => 0,
                DisclosureLevel::Nda => 1,
            })
        }),
        Shape::Text | Shape::Date => text_key(field.text(answer)?),
        Shape::Choice => {
            let value = field.text(answer)?;
            match field {
                AnswerField::Declared(def) => Some(SortKey::Rank(
                    def.options
                        .iter()
                        .position(|option| option.id == value)
                        .unwrap_or(def.options.len()),
                )),
                AnswerField::Standard(_) => text_key(value),
            }
        }
    }
}

/// Which way a column sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Smallest first (A–Z, the scale's order), empty cells last.
    Ascending,
    /// Largest first, empty cells still last.
    Descending,
}

/// The column the table is sorted by, and which way.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SortOrder {
    /// A [`Column::id`].
    pub column: String,
    /// Which way.
    pub direction: Direction,
}

impl SortOrder {
    /// The order after the heading of `column` is chosen: a new column sorts ascending, the
    /// current one turns around.
    pub fn choose(current: Option<&SortOrder>, column: &str) -> SortOrder {
        let direction = match current {
            Some(order) if order.column == column && order.direction == Direction::Ascending => {
                Direction::Descending
            }
            _ => Direction::Ascending,
        };
        SortOrder {
            column: column.to_owned(),
            direction,
        }
    }
}

/// Every item's position in `catalog.items`, in the order `order` puts them; an unknown
/// column leaves catalog order.
pub fn sorted_positions(
    catalog: &Catalog,
    assessment: &Assessment,
    order: &SortOrder,
) -> Vec<usize> {
    let positions = 0..catalog.items.len();
    let Some(column) = column(catalog, &order.column) else {
        return positions.collect();
    };
    let mut keyed: Vec<(usize, Option<SortKey>)> = positions
        .map(|position| (position, column.sort_key(catalog, assessment, position)))
        .collect();
    keyed.sort_by(|(_, a), (_, b)| match (a, b) {
        (Some(a), Some(b)) => match order.direction {
            Direction::Ascending => a.cmp(b),
            Direction::Descending => b.cmp(a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    keyed.into_iter().map(|(position, _)| position).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{FieldDef, FieldKind, FieldOption};
    use crate::edit::{apply, Edit};
    use crate::i18n::Bilingual;
    use crate::{embedded, Document, EvidenceRef};

    const NOW: &str = "2026-11-30T09:00:00+09:00";

    fn checklist() -> (&'static Catalog, Assessment) {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        (catalog, Assessment::new("t", catalog, NOW))
    }

    fn set(assessment: &mut Assessment, catalog: &Catalog, edit: Edit) {
        apply(assessment, catalog, edit, NOW).unwrap();
    }

    fn status(item: &str, status: &str) -> Edit {
        Edit::Status {
            item: item.into(),
            status: Some(status.into()),
        }
    }

    fn order(column: &str, direction: Direction) -> SortOrder {
        SortOrder {
            column: column.into(),
            direction,
        }
    }

    fn first_ids(catalog: &Catalog, positions: &[usize], count: usize) -> Vec<String> {
        positions
            .iter()
            .take(count)
            .map(|&position| catalog.items[position].id.clone())
            .collect()
    }

    #[test]
    fn the_columns_follow_the_sheet_with_the_evaluators_last() {
        let (catalog, _) = checklist();
        let ids: Vec<&str> = columns(catalog).iter().map(Column::id).collect();
        assert_eq!(
            ids,
            [
                "number",
                "requirement",
                "status",
                "parties",
                "statement",
                "evidence",
                "disclosure",
                "certificationInference",
                "interview",
                "hospitalActions",
                "internalNote",
                "risk",
                "dueDate",
                "confirmedEvidence",
                "verdict",
                "improvement",
            ]
        );
        assert_eq!(Column::Requirement.label(Lang::Ja), "要求事項");
    }

    #[test]
    fn a_catalogs_own_fields_come_before_the_evaluators_columns_and_sort_by_their_order() {
        let mut catalog = checklist().0.clone();
        catalog.answer_fields = vec![
            FieldDef {
                id: "due".into(),
                label: Bilingual::new("目標日", "Due"),
                kind: FieldKind::Date,
                options: Vec::new(),
                public: true,
                description: None,
            },
            FieldDef {
                id: "priority".into(),
                label: Bilingual::new("優先度", "Priority"),
                kind: FieldKind::Choice,
                options: ["high", "low"]
                    .map(|id| FieldOption {
                        id: id.into(),
                        label: Bilingual::new(id, id),
                    })
                    .into(),
                public: true,
                description: None,
            },
        ];
        let ids: Vec<&str> = columns(&catalog).iter().map(Column::id).collect();
        let due = ids.iter().position(|id| *id == "due").unwrap();
        assert_eq!(ids[due + 1], "priority");
        assert_eq!(ids[due + 2], "confirmedEvidence");

        let mut assessment = Assessment::new("t", &catalog, NOW);
        for (item, due, priority) in [("1", "2027-03-01", "low"), ("2", "2026-12-01", "high")] {
            for (field, value) in [("due", due), ("priority", priority)] {
                let edit = Edit::Text {
                    item: item.into(),
                    field: field.into(),
                    value: value.into(),
                };
                set(&mut assessment, &catalog, edit);
            }
        }
        let by = |column: &str| {
            first_ids(
                &catalog,
                &sorted_positions(&catalog, &assessment, &order(column, Direction::Ascending)),
                2,
            )
        };
        assert_eq!(by("due"), ["2", "1"]);
        assert_eq!(by("priority"), ["2", "1"], "high is the first option");
        let due_column = column(&catalog, "due").unwrap();
        assert_eq!(
            due_column.cell(&catalog, &assessment, 1, Lang::Ja),
            "2026年12月1日"
        );
    }

    #[test]
    fn status_sorts_in_the_scales_order_with_unanswered_last_either_way() {
        let (catalog, mut assessment) = checklist();
        set(&mut assessment, catalog, status("5", "not-met"));
        set(&mut assessment, catalog, status("3", "compliant"));
        set(&mut assessment, catalog, status("9", "compliant"));
        set(&mut assessment, catalog, status("7", "partial"));
        let ascending =
            sorted_positions(catalog, &assessment, &order("status", Direction::Ascending));
        assert_eq!(first_ids(catalog, &ascending, 5), ["3", "9", "7", "5", "1"]);
        let descending = sorted_positions(
            catalog,
            &assessment,
            &order("status", Direction::Descending),
        );
        assert_eq!(
            first_ids(catalog, &descending, 5),
            ["5", "7", "3", "9", "1"]
        );
        assert_eq!(ascending.len(), 253);
        assert_eq!(
            descending.last(),
            Some(&252),
            "unanswered stay in catalog order"
        );
    }

    #[test]
    fn number_descending_reverses_catalog_order() {
        let (catalog, assessment) = checklist();
        let positions = sorted_positions(
            catalog,
            &assessment,
            &order("number", Direction::Descending),
        );
        assert_eq!(positions.first(), Some(&252));
        assert_eq!(positions.last(), Some(&0));
    }

    #[test]
    fn texts_sort_folded_and_parties_in_register_order() {
        let (catalog, mut assessment) = checklist();
        for (item, text) in [("4", "ｲ 二番目"), ("2", "ア 一番目"), ("6", "ウ 三番目")]
        {
            let edit = Edit::Text {
                item: item.into(),
                field: "statement".into(),
                value: text.into(),
            };
            set(&mut assessment, catalog, edit);
        }
        let by_statement = sorted_positions(
            catalog,
            &assessment,
            &order("statement", Direction::Ascending),
        );
        assert_eq!(first_ids(catalog, &by_statement, 4), ["2", "4", "6", "1"]);

        for (item, party) in [("8", "hospital"), ("3", "vendor"), ("10", "iaas")] {
            let edit = Edit::ToggleParty {
                item: item.into(),
                party: party.into(),
            };
            set(&mut assessment, catalog, edit);
        }
        let by_party = sorted_positions(
            catalog,
            &assessment,
            &order("parties", Direction::Ascending),
        );
        assert_eq!(first_ids(catalog, &by_party, 3), ["3", "10", "8"]);
    }

    #[test]
    fn cells_say_what_the_item_list_says() {
        let (catalog, mut assessment) = checklist();
        assessment.documents.push(Document {
            id: "01".into(),
            title: "ホワイトペーパー".into(),
            ..Document::default()
        });
        set(&mut assessment, catalog, status("1", "capable"));
        for party in ["vendor", "hospital"] {
            let edit = Edit::ToggleParty {
                item: "1".into(),
                party: party.into(),
            };
            set(&mut assessment, catalog, edit);
        }
        for (index, document) in ["01", "09"].into_iter().enumerate() {
            set(
                &mut assessment,
                catalog,
                Edit::AddEvidence { item: "1".into() },
            );
            let edit = Edit::Evidence {
                item: "1".into(),
                index,
                evidence: EvidenceRef {
                    document: document.into(),
                    location: "p.3".into(),
                    ..EvidenceRef::default()
                },
            };
            set(&mut assessment, catalog, edit);
        }
        let disclose = Edit::Disclosure {
            item: "1".into(),
            level: Some(DisclosureLevel::Nda),
        };
        set(&mut assessment, catalog, disclose);
        let cell = |id: &str, position: usize| {
            column(catalog, id)
                .unwrap()
                .cell(catalog, &assessment, position, Lang::Ja)
        };
        assert_eq!(cell("number", 0), "1");
        assert_eq!(cell("requirement", 0), catalog.items[0].text);
        assert_eq!(cell("status", 0), "適合可能");
        assert_eq!(cell("status", 1), "未回答");
        assert_eq!(cell("parties", 0), "事業者、医療機関等");
        assert_eq!(
            cell("evidence", 0),
            "01 ホワイトペーパー — p.3\n09 (文書一覧にありません) — p.3"
        );
        assert_eq!(cell("disclosure", 0), "要NDA");
        assert_eq!(cell("statement", 1), "");
    }

    #[test]
    fn choosing_a_heading_sorts_ascending_then_turns_around() {
        let first = SortOrder::choose(None, "status");
        assert_eq!(first, order("status", Direction::Ascending));
        let second = SortOrder::choose(Some(&first), "status");
        assert_eq!(second, order("status", Direction::Descending));
        assert_eq!(
            SortOrder::choose(Some(&second), "status"),
            order("status", Direction::Ascending)
        );
        assert_eq!(
            SortOrder::choose(Some(&second), "number"),
            order("number", Direction::Ascending)
        );
    }
}
